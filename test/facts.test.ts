import { describe, expect, it } from 'vitest';
import type { Fact, FactValue } from '../src/model/index.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { compactNumbers, extractFacts } from '../src/stages/facts.js';

/** The facts of one invented sentence, read as a dated article. */
function factsOf(sentence: string, published = '2025-07-02'): Fact[] {
  return extractFacts(analyzeArticle({ id: 'a', body: sentence, published }));
}

interface ExtractionCase {
  name: string;
  sentence: string;
  /** The value's words as written, and what it must read as (a subset of the value's fields). */
  expected?: { text: string; value: Record<string, unknown> & { type: FactValue['type'] }; measure?: string };
  /** Words that must not be read as a fact. */
  absent?: string;
  /** A known failure: the case states what should happen and fails today. */
  fails?: boolean;
}

const CASES: readonly ExtractionCase[] = [
  {
    name: 'a bound from below',
    sentence: 'The quake killed at least 24 people in the hill villages.',
    expected: {
      text: 'at least 24 people',
      value: { type: 'quantity', low: 24, high: Infinity },
      measure: '~kill',
    },
  },
  {
    name: 'a count of people named by what happened to them',
    sentence: 'Twelve villagers were killed when the roof fell.',
    expected: { text: 'Twelve villagers', value: { type: 'quantity', low: 12, high: 12 }, measure: '~kill' },
  },
  {
    name: 'dead, as the counted word itself',
    sentence: 'Officials said 24 dead had been recovered from the rubble by nightfall.',
    expected: { text: '24 dead', value: { type: 'quantity', low: 24, high: 24 }, measure: '~kill' },
  },
  {
    name: 'a toll stated without a counted noun',
    sentence: 'The death toll rose to 11 on Tuesday evening.',
    expected: { text: '11', value: { type: 'quantity', low: 11, high: 11 }, measure: '~kill' },
  },
  {
    name: 'a bare count after the event it counts',
    sentence: 'The quake hit the island on Sunday, killing 10 people and injuring 80.',
    expected: { text: '80', value: { type: 'quantity', low: 80, high: 80 }, measure: '~injur' },
  },
  {
    name: 'a bare count after "other"',
    sentence: 'The quake leveled seven villages, wounding other 70, officials said.',
    expected: { text: '70', value: { type: 'quantity', low: 70, high: 70 }, measure: '~injur' },
  },
  {
    name: "a person's age after the name",
    sentence: 'Police stopped Anthony LaSalle, 36, of Bloomington, after the crash.',
    expected: { text: '36', value: { type: 'quantity', low: 36, high: 36, unit: 'age' }, measure: 'age' },
  },
  {
    name: "a person's home town after the name and age",
    sentence: 'Police stopped Anthony LaSalle, 36, of Bloomington, after the crash.',
    expected: { text: 'Bloomington', value: { type: 'name', name: 'Bloomington' }, measure: 'residence' },
  },
  {
    name: 'a title inside the name',
    sentence: '"We fired in self-defense," Commodore Nirad Sinha, a navy spokesman, told CNN.',
    expected: { text: 'Commodore', value: { type: 'name', name: 'commodore' }, measure: 'title' },
  },
  {
    name: 'a clock time with its bound',
    sentence: 'Jackson failed sobriety tests shortly after 2 a.m. on Route 52.',
    expected: { text: 'shortly after 2 a.m.', value: { type: 'time', low: 120, high: 140 }, measure: 'time' },
  },
  {
    name: 'a part of a named day',
    sentence: 'The cable was cut late Thursday night near the port.',
    expected: {
      text: 'night',
      value: { type: 'time', low: 1440, high: 1740, day: 4 },
      measure: 'time',
    },
  },
  {
    name: 'no casualties is a count of zero',
    sentence: 'The army reported no casualties in the camp.',
    expected: { text: 'no casualties', value: { type: 'quantity', low: 0, high: 0 }, measure: 'casualties' },
  },
  {
    name: 'a written number scaled by dozen',
    sentence: 'Two dozen passengers were hurt in the crash.',
    expected: { text: 'Two dozen passengers', value: { type: 'quantity', low: 24, high: 24 } },
  },
  {
    name: 'tens of thousands',
    sentence: 'Tens of thousands of people marched through the capital.',
    expected: { text: 'Tens of thousands of people', value: { type: 'quantity', low: 10_000, high: 99_999 } },
  },
  {
    name: 'nearly bounds from below only',
    sentence: 'The club signed the striker to a deal worth nearly $80 million.',
    expected: {
      text: 'nearly $80 million',
      value: { type: 'quantity', high: 80_000_000, unit: 'money:USD' },
    },
  },
  {
    name: 'a tokenised thousands separator',
    sentence: 'More than 1, 000 people fled the coast.',
    expected: { text: 'More than 1, 000 people', value: { type: 'quantity', low: 750 } },
  },
  {
    name: 'a magnitude before its noun',
    sentence: 'A 6.1-magnitude quake struck off the coast.',
    expected: {
      text: '6.1-magnitude',
      value: { type: 'quantity', low: expect.closeTo(6.05, 6), high: expect.closeTo(6.15, 6) },
      measure: 'magnitude',
    },
  },
  {
    name: 'a magnitude after a verb',
    sentence: 'The tremor measured 6.1, the agency said.',
    expected: {
      text: 'measured 6.1',
      value: { type: 'quantity', low: expect.closeTo(6.05, 6), high: expect.closeTo(6.15, 6) },
      measure: 'magnitude',
    },
  },
  {
    name: 'how often, in one word',
    sentence: 'Rowan married twice before moving to the coast.',
    expected: { text: 'twice', value: { type: 'quantity', low: 2, high: 2 }, measure: 'marri' },
  },
  {
    name: 'a record after its holder',
    sentence: 'Okonjo (31-2, 20 KOs) stopped his rival in the ninth.',
    expected: { text: '31-2', value: { type: 'record', wins: 31, losses: 2 }, measure: 'record' },
  },
  {
    name: 'a rank and what it ranks',
    sentence: 'It was her sixth defence of the belt.',
    expected: { text: 'sixth defence', value: { type: 'ordinal', rank: 6 } },
  },
  {
    name: 'a decade as a span of years',
    sentence: 'She started painting in the 1940s after moving to the city.',
    expected: {
      text: 'the 1940s',
      value: { type: 'date', value: '1940', endDate: '1949', precision: 'year' },
    },
  },
  {
    name: 'a year',
    sentence: 'The ferry line closed in 1957 after the storm.',
    expected: { text: '1957', value: { type: 'date', value: '1957', precision: 'year' } },
  },
  {
    name: 'a weekday is compared as the weekday written',
    sentence: 'She checked into the clinic on Friday.',
    expected: { text: 'Friday', value: { type: 'weekday', day: 5 } },
  },
  {
    name: 'a bare count before its event, after "said"',
    sentence: 'Qeshm Gov. Heidar Alishvandi said 50 were injured.',
    expected: { text: '50', value: { type: 'quantity', low: 50, high: 50 }, measure: '~injur' },
  },
  {
    name: 'a bare count before its event, after "and", with its bound',
    sentence: 'Ten people were killed and at least 50 injured when the quake razed the villages.',
    expected: {
      text: 'at least 50',
      value: { type: 'quantity', low: 50, high: Infinity },
      measure: '~injur',
    },
  },
  {
    name: 'a part of a group whose size is not given',
    sentence: 'At least 17 of the hijacked ships are still held by the pirates.',
    expected: {
      text: 'At least 17 of the hijacked ships',
      value: { type: 'quantity', low: 17, high: Infinity, unit: 'ship' },
    },
  },
  {
    name: "the next chamber's tally after a vote",
    sentence: 'The bill passed 65-35 in the Senate, and 254 to 175 a few hours later in the House.',
    expected: { text: '254 to 175', value: { type: 'record', wins: 254, losses: 175 }, measure: 'vote' },
  },
  // Negative cases: words that look like figures of the story but are not.
  {
    name: 'negative: a clock time is no count',
    sentence: 'The cease-fire would begin at 2 a.m. Friday, local time, which was 7 p.m. Thursday ET.',
    absent: '7 p',
  },
  {
    name: 'negative: the day of a time converted into another zone',
    sentence: 'The cease-fire would begin at 2 a.m. Friday, local time, which was 7 p.m. Thursday ET.',
    absent: 'Thursday',
  },
  {
    name: 'negative: the date of a cited report closing the sentence',
    sentence: 'Cotton, in a tweet linking to a report in the New York Post, April 25, 2021...',
    absent: 'April 25, 2021',
  },
  {
    name: 'negative: the day something was posted',
    sentence: 'Italiano tweeted on Tuesday that she had resigned.',
    absent: 'Tuesday',
  },
  {
    name: 'negative: a year before a verb is no bare count',
    sentence: 'A tsunami in 2004 killed 230,000 people around the ocean.',
    absent: '2004 killed',
  },
  { name: 'negative: an age', sentence: 'The 26 - year - old actress left the clinic.', absent: '26' },
  {
    name: 'negative: when a page was updated',
    sentence: 'Updated 5:40 p.m. ET, the ferry sank.',
    absent: '5:40',
  },
  {
    name: 'negative: a time a figure stood at',
    sentence: 'Some 2.44 million people had voted as of 4:00 p.m. local time.',
    absent: '4:00',
  },
  {
    name: 'negative: a decade that labels an era',
    sentence: 'Bettie Page, the 1950s pin-up queen and icon of the 1960s, has died.',
    absent: '1950s',
  },
  {
    name: 'negative: a decade after "of the"',
    sentence: 'She was the last great icon of the 1950s, her agent said.',
    absent: '1950s',
  },
  { name: 'negative: an age with aged', sentence: 'The driver, aged 44, was unhurt.', absent: '44' },
  {
    name: 'negative: a part of a whole',
    sentence: 'She landed 178 of 369 punches thrown.',
    absent: '369',
  },
  {
    name: 'negative: a baseline compared with',
    sentence: 'Exports rose to 900 tonnes, up from 700 tonnes.',
    absent: '700 tonnes',
  },
  {
    name: 'negative: the day something was said',
    sentence: 'The ministry said on Tuesday that the talks would resume.',
    absent: 'Tuesday',
  },
  {
    name: 'negative: the record baseline of a superlative',
    sentence: 'Prices posted the sharpest rise since August 2008.',
    absent: 'August 2008',
  },
  {
    name: 'negative: a line of statistics gives no slot',
    sentence: 'He has 548 rushing yards, 28 receptions and 258 receiving yards this season.',
    absent: '548 rushing yards',
  },
  {
    name: 'negative: an edition named by its rank',
    sentence: 'She hosted the 79th Academy Awards.',
    absent: '79th',
  },
  { name: 'negative: a score is not a record', sentence: 'The visitors won 3-1 at home.', absent: '3-1' },
  {
    name: 'negative: once again is no count',
    sentence: 'The river once again flooded the lower town.',
    absent: 'once',
  },
  {
    name: 'known failure: a range of round figures in words',
    sentence: 'Between forty and fifty boats joined the search.',
    expected: { text: 'Between forty and fifty boats', value: { type: 'quantity', low: 40, high: 50 } },
    fails: true,
  },
];

describe('extractFacts', () => {
  for (const testCase of CASES) {
    const run = testCase.fails === true ? it.fails : it;
    run(testCase.name, () => {
      const facts = factsOf(testCase.sentence);
      if (testCase.expected !== undefined) {
        const fact = facts.find((candidate) => candidate.text === testCase.expected!.text);
        expect(fact, `facts: ${facts.map((candidate) => candidate.text).join(' | ')}`).toBeDefined();
        expect(fact!.value).toMatchObject(testCase.expected.value);
        if (testCase.expected.measure !== undefined)
          expect(fact!.slot.measure).toBe(testCase.expected.measure);
      }
      if (testCase.absent !== undefined) {
        expect(facts.map((fact) => fact.text)).not.toContain(testCase.absent);
        expect(facts.some((fact) => fact.text.includes(testCase.absent!))).toBe(false);
      }
    });
  }

  it('points every fact at its exact characters of the canonical text', () => {
    const article = analyzeArticle({
      id: 'a',
      body: 'The quake killed at least 24 people. By Tuesday, 1, 000 homes were damaged and 250 people were hurt.',
      published: '2025-07-02',
    });
    const facts = extractFacts(article);
    expect(facts.length).toBeGreaterThanOrEqual(3);
    for (const fact of facts) expect(article.source.text.slice(fact.start, fact.end)).toBe(fact.text);
  });

  it('takes the as-of time from the article, refined by "by Tuesday"', () => {
    const [fact] = factsOf('By Tuesday, 30 people had been rescued from the ferry.', '2025-07-03');
    expect(fact?.asOf).toBe('2025-07-01');
    const [plain] = factsOf('Rescuers pulled 30 people from the ferry.', '2025-07-03');
    expect(plain?.asOf).toBe('2025-07-03');
    const undated = extractFacts(
      analyzeArticle({ id: 'a', body: 'Rescuers pulled 30 people from the ferry.' }),
    );
    expect(undated[0]?.asOf).toBeUndefined();
  });

  it('reads how the source holds the fact', () => {
    expect(factsOf('Police said 12 people were arrested.')[0]?.modality).toBe('attributed');
    expect(factsOf('As many as 40 people were possibly trapped.')[0]?.modality).toBe('hedged');
    expect(factsOf('Twelve people were arrested at the port.')[0]?.modality).toBe('asserted');
  });

  it('names the holder of a figure: the person named before it in its clause', () => {
    const [fact] = extractFacts(
      analyzeArticle({ id: 'a', body: 'Coach Dana Whitfield has spent 19 seasons with the Gulls.' }),
    );
    expect(fact?.slot.holder).toBe('Dana Whitfield');
  });
});

describe('the words of a slot', () => {
  it('reads a lower-case month word as the event it is ("marched"), a capitalised one as the month', () => {
    const [marched] = factsOf('In Thessaloniki, another 20,000 people marched through the city centre.');
    expect(marched?.slot.events).toContain('~protest');
    const [month] = factsOf('In Thessaloniki, 20,000 people lost their jobs in March.');
    expect(month?.slot.events).not.toContain('~protest');
  });

  it('reads no age after a place in a figure the tokeniser split ("Heraklion, 10, 000 people")', () => {
    const facts = factsOf('In Heraklion, 10, 000 people are reported as marching against the measures.');
    expect(facts.filter((fact) => fact.slot.measure === 'age')).toEqual([]);
    expect(facts.map((fact) => fact.value)).toContainEqual(
      expect.objectContaining({ low: 7500, high: 12500 }),
    );
  });

  it('keeps a clock time inside its clause, so the holder before it still holds the date after it', () => {
    const date = factsOf(
      'Jamal Williams, 32, was arrested around 1: 30 a. m. Feb. 1 on state Route 94.',
      '2009-02-04',
    ).find((fact) => fact.value.type === 'date');
    expect(date?.slot.holder).toBe('Jamal Williams');
  });
});

describe('compactNumbers', () => {
  it.each([
    ['1, 000 people', '1,000  people'],
    ['$368. 0 million', '$368.0  million'],
    ['at 2: 56 of the round', 'at 2:56  of the round'],
    ['in 2010, 300 people', 'in 2010, 300 people'],
    ['a 5. 9 magnitude earthquake', 'a 5.9  magnitude earthquake'],
    ['magnitude - 6. 1 quake', 'magnitude - 6.1  quake'],
    ['measuring 3. 8 on the Richter scale', 'measuring 3.8  on the Richter scale'],
    ['scored 5. 9 people came', 'scored 5. 9 people came'],
  ])('%s → %s, keeping every offset', (input, output) => {
    expect(compactNumbers(input)).toBe(output);
    expect(compactNumbers(input)).toHaveLength(input.length);
  });
});
