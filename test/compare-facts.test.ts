import { describe, expect, it } from 'vitest';
import type { ArticleInput, FactValue, StoryReport } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { valuesCompatible } from '../src/stages/compare-facts.js';
import { evidenceProblems } from './helpers/evidence.js';

const quantity = (low: number, high: number, unit = 'peopl'): FactValue => ({
  type: 'quantity',
  low,
  high,
  unit,
});

describe('valuesCompatible', () => {
  it.each<[string, FactValue, FactValue, boolean]>([
    ['equal counts', quantity(24, 24), quantity(24, 24), true],
    ['a bound the other satisfies ("at least 12" vs "15")', quantity(12, Infinity), quantity(15, 15), true],
    ['a bound the other breaks ("at least 12" vs "10")', quantity(12, Infinity), quantity(10, 10), false],
    ['rounding ("about 7,000" vs "7,012")', quantity(6300, 7700), quantity(7012, 7012), true],
    ['different figures ("7,000" vs "9,000")', quantity(6750, 7250), quantity(8750, 9250), false],
    ['zero against a count', quantity(0, 0, '~kill'), quantity(12, 12, '~kill'), false],
    ['different units are not compared', quantity(5, 5, 'hour'), quantity(9, 9, 'dai'), true],
    [
      'a year and a month of it',
      { type: 'date', value: '2013', precision: 'year' },
      { type: 'date', value: '2013-07', precision: 'month' },
      true,
    ],
    [
      'two years',
      { type: 'date', value: '1957', precision: 'year' },
      { type: 'date', value: '1958', precision: 'year' },
      false,
    ],
    [
      'a decade and a year in it',
      { type: 'date', value: '1940', precision: 'year', endDate: '1949' },
      { type: 'date', value: '1943', precision: 'year' },
      true,
    ],
    [
      'a decade and a year outside it',
      { type: 'date', value: '1940', precision: 'year', endDate: '1949' },
      { type: 'date', value: '1950', precision: 'year' },
      false,
    ],
    [
      'a weekday and the date of that weekday',
      { type: 'weekday', day: 2 },
      { type: 'date', value: '2008-12-09', precision: 'day' },
      true,
    ],
    ['two weekdays', { type: 'weekday', day: 2 }, { type: 'weekday', day: 5 }, false],
    ['two records', { type: 'record', wins: 52, losses: 3 }, { type: 'record', wins: 53, losses: 3 }, false],
    ['two ranks', { type: 'ordinal', rank: 5 }, { type: 'ordinal', rank: 6 }, false],
  ])('%s → %s', (_name, first, second, compatible) => {
    expect(valuesCompatible(first, second)).toBe(compatible);
    expect(valuesCompatible(second, first)).toBe(compatible);
  });
});

/** An invented story: one article per body, dated when a date is given. */
function story(bodies: ReadonlyArray<string | [string, string]>): StoryReport {
  const articles: ArticleInput[] = bodies.map((entry, index) => {
    const [body, published] = typeof entry === 'string' ? [entry, undefined] : entry;
    const article: ArticleInput = { id: `s${index + 1}`, body, outlet: `Outlet ${index + 1}` };
    if (published !== undefined) article.published = published;
    return article;
  });
  return synthesize(articles);
}

interface StoryCase {
  name: string;
  bodies: ReadonlyArray<string | [string, string]>;
  /** The values of the one number or date conflict expected, sorted; absent: no such conflict. */
  conflict?: string[];
  /** The values of the one update expected, in time order. */
  update?: string[];
  fails?: boolean;
}

const STORIES: readonly StoryCase[] = [
  {
    name: 'two death tolls of one quake on one day',
    bodies: [
      ['The quake killed 7,000 people across the province, officials said.', '2025-02-06'],
      ['The quake killed 9,000 people across the province, officials said.', '2025-02-06'],
    ],
    conflict: ['7,000 people', '9,000 people'],
  },
  {
    name: 'a toll that rises through the day is an update, in time order',
    bodies: [
      ['The quake near Wexmoor killed at least 5 people, the agency said.', '2025-07-02'],
      ['The death toll from the quake near Wexmoor rose to 11, the agency said.', '2025-07-03'],
      ['The quake near Wexmoor killed at least 24 people, the agency said.', '2025-07-04'],
    ],
    update: ['at least 5 people', '11', 'at least 24 people'],
  },
  {
    name: 'casualties reported against none in the camp',
    bodies: [
      ['The shelling of the camp near Wexmoor killed 12 people and wounded 20, medics said.', '2025-03-01'],
      ['The army said the shelling near Wexmoor caused no casualties in the camp.', '2025-03-01'],
    ],
    conflict: ['12 people', 'no casualties'],
  },
  {
    name: 'nearly $80 million is not $82 million',
    bodies: [
      'The Gulls signed Rowan Pike to an $82 million deal last summer.',
      'The Gulls signed Rowan Pike to a deal worth nearly $80 million last summer.',
    ],
    conflict: ['$82 million', 'nearly $80 million'],
  },
  {
    name: 'two years given for one event',
    bodies: [
      'Rowan Pike disappeared from public view in 1957 after her last show.',
      'Rowan Pike suddenly disappeared from public view in 1958.',
    ],
    conflict: ['1957', '1958'],
  },
  {
    name: 'a toll in other words, beside an older quake one outlet recalls',
    bodies: [
      [
        'A powerful earthquake hit southern Iran on Sunday, killing 10 people. In February, a quake rocked Zarand. It killed 612 people.',
        '2005-11-28',
      ],
      ['Ten people were killed when the quake razed villages in Iran.', '2005-11-28'],
      ['The governor told the AFP news agency that three people were killed in Iran.', '2005-11-28'],
    ],
    conflict: ['10 people', 'three people'],
  },
  {
    name: 'a count of one model in a list of what was seized',
    bodies: [
      'During the operation, six AK - 47 rifles, 12 magazines and about 300 rounds were seized.',
      'The navy seized 14 AK-47 rifles, 12 magazines and 300 rounds from the boat.',
    ],
    conflict: ['14 AK-47 rifles', 'six AK - 47 rifles'],
  },
  {
    name: 'the exact figure of an outlet that also gives a bound',
    bodies: [
      [
        'The quake near Wexmoor killed at least three people. Officials said three people were killed.',
        '2025-07-02',
      ],
      ['The quake near Wexmoor killed 10 people, officials said.', '2025-07-02'],
    ],
    conflict: ['10 people', 'three people'],
  },
  {
    name: 'a spaced decimal point in a magnitude',
    bodies: [
      'The 6. 1 - magnitude quake struck Qeshm island on Sunday.',
      'A 5. 9 magnitude earthquake struck Qeshm island on Sunday.',
    ],
    conflict: ['5. 9 magnitude', '6. 1 - magnitude'],
  },
  {
    name: "a person's home town",
    bodies: [
      'Police stopped Anthony LaSalle, 36, of Bloomington, after the crash.',
      'According to police, Anthony LaSalle, 36, of Minneapolis, hit a woman in the parking lot.',
    ],
    conflict: ['Bloomington', 'Minneapolis'],
  },
  {
    name: "a person's title",
    bodies: [
      'The offer came from the team of owner John Henry and COO Larry Lucchino.',
      'Red Sox CEO Larry Lucchino said the team had made an offer.',
    ],
    conflict: ['CEO', 'COO'],
  },
  {
    name: "a person's age",
    bodies: [
      'The victim, Catherine Gomes, 61, was found in the apartment.',
      'Police said Catherine Gomes, 68, was found in the apartment.',
    ],
    conflict: ['61', '68'],
  },
  {
    name: 'negative: two people of one family',
    bodies: ['Gary Gomes, 35, was arrested on Sunday.', 'The victim, Catherine Gomes, 61, was his mother.'],
  },
  {
    name: 'negative: one home town, written longer',
    bodies: [
      'Police stopped Anthony LaSalle, 36, of Minneapolis, after the crash.',
      'Anthony LaSalle, 36, of Minneapolis, Minn., was charged on Friday.',
    ],
  },
  {
    name: "a storm's category",
    bodies: [
      'Hurricane Ida made landfall near Port Fourchon as a Category 4 storm on Sunday.',
      'Hurricane Ida made landfall near Port Fourchon as a Category 3 hurricane on Sunday.',
    ],
    conflict: ['Category 3', 'Category 4'],
  },
  {
    name: "a charge's degree",
    bodies: [
      'A jury convicted Dale Rourke of first-degree murder in the death of his neighbour.',
      'Dale Rourke was convicted of second-degree murder in the death of his neighbour.',
    ],
    conflict: ['first-degree', 'second-degree'],
  },
  {
    name: "a vote's tally",
    bodies: [
      'The House voted 220-212 to pass the harbour bill on Friday.',
      'The House passed the harbour bill 221-210 on Friday.',
    ],
    conflict: ['220-212', '221-210'],
  },
  {
    name: "a product's price in other words",
    bodies: [
      'The Lumen 5 phone will cost $999 when it goes on sale in September.',
      'The Lumen 5 is priced at $1,099 and goes on sale in September.',
    ],
    conflict: ['$1,099', '$999'],
  },
  {
    name: 'two times of one stop',
    bodies: [
      'Jamal Williams was pulled over on Route 94 at about 1:30 a.m. for speeding.',
      'Jamal Williams was pulled over on Route 94 at about 1 a.m. for speeding, police said.',
    ],
    conflict: ['about 1 a.m.', 'about 1:30 a.m.'],
  },
  {
    name: 'negative: an opening and a closing time',
    bodies: [
      'Voters in Wexmoor began to cast their ballots at 8:00 a.m. local time on Sunday.',
      'Polling booths in Wexmoor were closed at 6:00 p.m. local time on Sunday.',
    ],
  },
  {
    name: 'a weekday placed before its event',
    bodies: [
      'Lindsay Lohan checked into the Betty Ford Center rehab facility late Thursday, her lawyer said.',
      'Early Friday morning, around 1:30 a.m., the actress Lindsay Lohan checked into the Betty Ford Center.',
    ],
    conflict: ['Friday', 'Thursday'],
    // Known failure: the two weekdays' words share only "checked", too little for a weekday (see slotMismatch).
    fails: true,
  },
  {
    // Known failure: a name that opens a sentence is not typed a person, so no holder tells the two apart.
    fails: true,
    name: "negative: two people's arrest days",
    bodies: [
      'Vincent Jackson was arrested on Jan. 6, 2009 on suspicion of drunken driving.',
      'Jamal Williams was arrested on Feb. 1, 2009 on suspicion of drunken driving.',
    ],
  },
  {
    name: 'negative: a charge and a release',
    bodies: [
      'In 2005, Gary Gomes was charged with assault and battery on Ann Mendes.',
      'Gary Gomes was released in 2006 and attacked Ann Mendes again.',
    ],
  },
  // Negative cases: formatting, bounds, rounding, precision, conversions and different slots.
  {
    name: 'negative: a toll abroad that one outlet adds as background',
    bodies: [
      'A quake in southern Iran on Sunday killed 10 people, officials said.',
      'The quake in Iran killed 10 people. On Saturday, more than a dozen people were killed by a quake in eastern China.',
      'Officials in Iran said 10 people were killed by the quake.',
    ],
  },
  {
    name: 'negative: one operation against a tally of five',
    bodies: [
      'During the operation, six rifles and 12 magazines were seized from the pirates.',
      'The ship has seized a total of 14 rifles and 31 magazines during the five operations it carried out.',
    ],
  },
  {
    name: 'negative: amounts of two things in one sentence',
    bodies: [
      'The House passed a $3.5 trillion budget resolution and advanced a $1 trillion bipartisan infrastructure bill.',
      'Moderates struck a deal on the bipartisan infrastructure bill and on adopting the $3.5 trillion budget resolution.',
    ],
  },
  {
    name: 'negative: a change against a level',
    bodies: [
      'An average gallon of gas costs drivers $3.04, according to AAA.',
      'The average price for a gallon of gas is $3.04, which is $1.08 per gallon higher than last year, according to AAA.',
    ],
  },
  {
    name: 'negative: a rank and an office of one person',
    bodies: [
      'Joint Chiefs of Staff Chairman Mark Milley will testify on Tuesday.',
      'Gen. Mark Milley, the chairman of the Joint Chiefs of Staff, will testify on Tuesday.',
    ],
  },
  {
    name: 'negative: what a kind of quake can do',
    bodies: [
      'The 6.1-magnitude quake struck Qeshm island on Sunday.',
      'A magnitude 6 quake can cause severe damage.',
    ],
  },
  {
    name: 'negative: formatting ("1,000" / "1, 000")',
    bodies: [
      'About 1,000 people fled the Wexmoor coast on Monday.',
      'About 1, 000 people fled the Wexmoor coast on Monday.',
    ],
  },
  {
    name: 'negative: a bound the other satisfies',
    bodies: ['At least 12 people died in the Wexmoor flood.', 'Fifteen people died in the Wexmoor flood.'],
  },
  {
    name: 'negative: more than 1000 against 1, 000',
    bodies: ['More than 1000 people fled the Wexmoor coast.', 'Some 1, 000 people fled the Wexmoor coast.'],
  },
  {
    name: 'negative: rounding',
    bodies: [
      'About 7,000 people were evacuated from Wexmoor.',
      'Officials said 7,012 people were evacuated from Wexmoor.',
    ],
  },
  {
    name: 'negative: precision of a date',
    bodies: ['The Wexmoor ferry line closed in 2013.', 'The Wexmoor ferry line closed in July 2013.'],
  },
  {
    name: 'negative: an amount and its conversion ("£350,000 ($522,354)")',
    bodies: [
      'The Wexmoor painting sold for £350,000 ($522,354) at auction.',
      'The Wexmoor painting sold for £350,000 at auction on Friday.',
    ],
  },
  {
    name: "negative: a war's length against a search's length",
    bodies: [
      'The two-year war left the Wexmoor valley empty.',
      'The two-month search for the missing Wexmoor climbers ended on Friday.',
    ],
  },
  {
    name: "negative: two people's figures",
    bodies: [
      'Coach Dana Whitfield has spent 19 seasons with the Gulls.',
      'Rowan Pike spent 11 seasons with the Gulls as a player.',
    ],
  },
  {
    name: 'negative: a part and a total ("career games")',
    bodies: [
      'Rowan Pike lasted 52 games with the Gulls.',
      'Rowan Pike played 1,101 career games for the Gulls.',
    ],
  },
  {
    name: "negative: two chambers' tallies, one outlet giving both",
    bodies: [
      'The Wexmoor bill passed 65-35 in the Senate, and 254 to 175 a few hours later in the House.',
      'The vote on the Wexmoor bill was 254-175.',
    ],
  },
  {
    name: 'negative: one time of day and its conversion into another zone',
    bodies: [
      'At 2 a.m. local time, just as the Wexmoor cease-fire took effect, life returned to the streets.',
      'Both sides said the Wexmoor cease-fire would begin at 2 a.m. Friday, local time, which was 7 p.m. Thursday ET.',
    ],
  },
  {
    name: 'negative: the times of two steps of one story',
    bodies: [
      'Rowan Pike surrendered to the Wexmoor authorities early Thursday morning ahead of expected charges.',
      'The Wexmoor prosecutors are expected to unseal the charges filed by a grand jury around 2 p.m.',
    ],
  },
  {
    name: 'negative: the date of a cited report against the day of a post',
    bodies: [
      'Rowan Pike, in a post linking to a report in the Wexmoor Gazette, April 25, 2021...',
      'Rowan Pike tweeted on Tuesday that the Wexmoor Gazette story was wrong.',
    ],
  },
  {
    name: 'negative: a falling figure in later reports is not an update but a conflict',
    bodies: [
      ['The Wexmoor quake killed 24 people, the agency said.', '2025-07-02'],
      ['The Wexmoor quake killed 11 people, the agency said.', '2025-07-03'],
    ],
    conflict: ['11 people', '24 people'],
  },
];

describe('conflicts and updates through synthesize', () => {
  for (const testCase of STORIES) {
    const run = testCase.fails === true ? it.fails : it;
    run(testCase.name, () => {
      const report = story(testCase.bodies);
      expect(evidenceProblems(report)).toEqual([]);
      const figures = report.conflicts.filter(
        (conflict) =>
          conflict.kind === 'number' ||
          conflict.kind === 'date' ||
          (conflict.kind === 'name' && !conflict.topic.startsWith('which')),
      );
      if (testCase.conflict === undefined) expect(figures).toEqual([]);
      else {
        expect(figures).toHaveLength(1);
        expect(figures[0]!.positions.map((position) => position.value).sort()).toEqual(testCase.conflict);
      }
      if (testCase.update === undefined) expect(report.updates).toEqual([]);
      else {
        expect(report.updates).toHaveLength(1);
        const positions = report.updates[0]!.positions;
        expect(positions.map((position) => position.value)).toEqual(testCase.update);
        const times = positions.map((position) => position.asOf);
        expect([...times].sort()).toEqual(times);
      }
    });
  }
});

describe('support respects values', () => {
  const report = story([
    ['The quake in Wexmoor province killed 7,000 people, officials said on Thursday.', '2025-02-06'],
    ['The quake in Wexmoor province killed 9,000 people, officials said on Thursday.', '2025-02-06'],
    [
      'The quake in Wexmoor province killed 9,000 people, officials said on Thursday, as rescuers dug.',
      '2025-02-06',
    ],
  ]);

  it('never joins sources that give different figures in one claim', () => {
    for (const claim of report.claims) {
      const sources = new Set(claim.sources);
      expect(sources.has('s1') && (sources.has('s2') || sources.has('s3'))).toBe(false);
    }
  });

  it('cites for a summary figure only the sources that give it', () => {
    for (const sentence of report.summary) {
      const sevenThousand = sentence.text.includes('7,000');
      for (const source of sentence.sources) expect(source === 's1').toBe(sevenThousand);
    }
  });
});

describe('words compared by meaning, with a lexicon passed in', () => {
  // A stand-in for the lexicon's relatedness: only the pairs a reader would call one word.
  const related = (first: string, second: string): number => {
    const pairs = [['grossed', 'accumulated']];
    return pairs.some(([a, b]) => (first === a && second === b) || (first === b && second === a)) ? 0.9 : 0;
  };
  const bodies: ArticleInput[] = [
    { id: 'a', outlet: 'A', body: 'After its opening weekend the film has grossed $368 million worldwide.' },
    { id: 'b', outlet: 'B', body: 'The film has accumulated $459 million around the world.' },
  ];

  it('finds a conflict between figures whose verbs differ but mean the same', () => {
    const report = synthesize(bodies, { related });
    const figures = report.conflicts.filter((conflict) => conflict.kind === 'number');
    expect(figures.map((conflict) => conflict.positions.map((position) => position.value).sort())).toEqual([
      ['$368 million', '$459 million'],
    ]);
  });

  it('leaves them apart without one', () => {
    const report = synthesize(bodies);
    expect(report.conflicts.filter((conflict) => conflict.kind === 'number')).toEqual([]);
  });
});
