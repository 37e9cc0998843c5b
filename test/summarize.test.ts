import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle, SummarySentence } from '../src/model/index.js';
import { alignClaims } from '../src/stages/align.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { mergeEntities } from '../src/stages/entities.js';
import { isHeadline, summarize } from '../src/stages/summarize.js';
import { selectByCoverage, sentenceConcepts, wordLength } from '../src/stages/summary-coverage.js';
import { isTitleCase } from '../src/text/title-case.js';

// Invented story: three outlets on a bridge closure in a made-up town. No real article text.
const HARBOUR = [
  'Aldous council closes the harbour bridge for repairs. The Aldous council closed the harbour bridge to all traffic on Monday after engineers found cracks in two support beams. Ferries will carry commuters across the bay until the repairs end in May. The mayor said the decision was painful but necessary.',
  'Harbour bridge shut after cracks found in support beams. Engineers found cracks in two support beams of the harbour bridge, and the Aldous council closed it to all traffic on Monday. Local shops near the bridge fear a hard spring. "We will lose half our customers," said one baker.',
  'Commuters turn to ferries as harbour bridge closes. The harbour bridge closed to all traffic on Monday, the Aldous council said, after engineers found cracks in its support beams. Ferries will carry commuters across the bay until May. Repairs are expected to cost four million crowns.',
];

function story(bodies: readonly string[]): {
  articles: AnalyzedArticle[];
  alignment: ReturnType<typeof alignClaims>;
} {
  const articles = bodies.map((body, position) => analyzeArticle({ id: `outlet-${position}`, body }));
  const alignment = alignClaims(articles, { entities: mergeEntities(articles) });
  return { articles, alignment };
}

function words(summary: readonly SummarySentence[]): number {
  return summary.reduce((total, sentence) => total + wordLength(sentence.text), 0);
}

describe('summarize', () => {
  const harbour = story(HARBOUR);

  it.each([
    { budget: 10, maximum: 10 },
    { budget: 25, maximum: 25 },
    { budget: 60, maximum: 60 },
    { budget: 500, maximum: 500 },
  ])('keeps within a budget of $budget words', ({ budget, maximum }) => {
    const summary = summarize(harbour.alignment, harbour.articles, { words: budget });
    expect(words(summary)).toBeLessThanOrEqual(maximum);
    expect(summary.length).toBeGreaterThan(0);
  });

  it.each([
    { budget: 1, why: 'no sentence is that short' },
    { budget: 5, why: 'sentences under six words are never candidates' },
  ])('returns nothing for a budget of $budget ($why)', ({ budget }) => {
    expect(summarize(harbour.alignment, harbour.articles, { words: budget })).toEqual([]);
  });

  it('opens with a declarative headline when the selection keeps an outlet title', () => {
    const summary = summarize(harbour.alignment, harbour.articles, { words: 60 });
    const titles = HARBOUR.map((body) => body.slice(0, body.indexOf('.') + 1));
    expect(titles).toContain(summary[0]?.text);
    expect(summary.filter((sentence) => titles.includes(sentence.text))).toHaveLength(1);
  });

  it('without titles, opens with the fact every outlet reports, cited by all three', () => {
    const untitled = story(HARBOUR.map((body) => body.slice(body.indexOf('.') + 2)));
    const [lead] = summarize(untitled.alignment, untitled.articles, { words: 60 });
    expect(lead?.text).toMatch(/closed|closes|shut/);
    expect(lead?.text).toMatch(/bridge/);
    expect(lead?.sources).toHaveLength(3);
  });

  it('does not open with a title that asks a question', () => {
    const asking = story([
      `Will the harbour bridge ever reopen? ${HARBOUR[0]!.slice(HARBOUR[0]!.indexOf('.') + 2)}`,
      ...HARBOUR.slice(1).map((body) => body.slice(body.indexOf('.') + 2)),
    ]);
    const summary = summarize(asking.alignment, asking.articles, { words: 60 });
    expect(summary[0]?.text).not.toMatch(/\?/);
    expect(summary[0]?.sources).toHaveLength(3);
  });

  it('never takes two sentences of the same claim or two near-duplicates', () => {
    const summary = summarize(harbour.alignment, harbour.articles, { words: 500 });
    const claims = summary.map((sentence) => sentence.claim);
    expect(new Set(claims).size).toBe(claims.length);
    const units = summary.map((sentence) =>
      harbour.alignment.units.findIndex(
        (unit) =>
          harbour.articles[unit.article]!.source.id === sentence.evidence[0]!.source &&
          unit.sentence.start === sentence.evidence[0]!.start,
      ),
    );
    for (const first of units)
      for (const second of units)
        if (first !== second) expect(harbour.alignment.similarity(first, second)).toBeLessThan(0.45);
  });

  it('cites whole source sentences whose evidence verifies, the quoted passage first', () => {
    const texts = new Map(harbour.articles.map((article) => [article.source.id, article.source.text]));
    for (const sentence of summarize(harbour.alignment, harbour.articles, { words: 80 })) {
      expect(sentence.evidence[0]!.text).toBe(sentence.text);
      for (const evidence of sentence.evidence) {
        expect(texts.get(evidence.source)?.slice(evidence.start, evidence.end)).toBe(evidence.text);
        expect(sentence.sources).toContain(evidence.source);
      }
      const claim = harbour.alignment.claims.find((candidate) => candidate.id === sentence.claim);
      expect(claim?.sources).toEqual(sentence.sources);
    }
  });

  it('is deterministic and does not mutate its inputs', () => {
    const before = JSON.stringify(harbour.alignment.claims);
    const first = summarize(harbour.alignment, harbour.articles, { words: 70 });
    const second = summarize(story(HARBOUR).alignment, story(HARBOUR).articles, { words: 70 });
    expect(second).toEqual(first);
    expect(JSON.stringify(harbour.alignment.claims)).toBe(before);
  });

  it.each([
    { name: 'no articles', bodies: [] as string[] },
    { name: 'only fragments', bodies: ['Short one. Tiny bit.', 'No verb here'] },
    { name: 'an empty body', bodies: [''] },
  ])('returns [] for $name', ({ bodies }) => {
    const { articles, alignment } = story(bodies);
    expect(summarize(alignment, articles, { words: 100 })).toEqual([]);
  });

  it('prefers a fact several outlets state over one outlet aside', () => {
    const summary = summarize(harbour.alignment, harbour.articles, { words: 25 });
    const texts = summary.map((sentence) => sentence.text).join(' ');
    expect(texts).not.toMatch(/baker|painful|four million/);
  });

  it('does not open on a sentence whose subject points back ("The announcement applies …")', () => {
    const bodies = [
      'The Aldous council will lift the ferry curfew for vaccinated passengers from 8 November, a council official said. The announcement applies to ferries and to the harbour bridge buses.',
      'The announcement applies to ferries and to the harbour bridge buses, the council said. Vaccinated passengers may ride at night again from 8 November.',
      'Vaccinated passengers can travel on night ferries from 8 November, the Aldous council said on Friday. The announcement applies to ferries and to the harbour bridge buses as well.',
    ];
    const articles = bodies.map((body, position) =>
      analyzeArticle({ id: `outlet-${position}`, title: `Ferry curfew ends ${position}`, body }),
    );
    const alignment = alignClaims(articles, { entities: mergeEntities(articles) });
    const texts = summarize(alignment, articles, { words: 60 }).map((sentence) => sentence.text);
    // Both facts are carried by all three outlets; the shell-noun sentence may follow, never lead.
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^Vaccinated passengers/);
    expect(texts[1]).toMatch(/^The announcement applies/);
  });

  it.each([
    {
      name: 'a bare surname when the summary gives the full name',
      shared: 'Okafor was dismissed after she refused to resign from the port board, officials said.',
    },
    {
      name: 'a sentence that adds to another ("was also asked")',
      shared: 'The deputy chair of the port board was also asked to resign and she complied at once.',
    },
  ])('does not open on $name', ({ shared }) => {
    const bodies = [
      `The Aldous council dismissed port board chair Ines Okafor on Friday after a long and bitter dispute over harbour fees and the ferry contract. ${shared}`,
      `${shared} The harbour fees will stay frozen until the spring.`,
      `${shared} The council will name a new chair next month.`,
    ];
    const { articles, alignment } = story(bodies);
    const texts = summarize(alignment, articles, { words: 80 }).map((sentence) => sentence.text);
    expect(texts).toContain(shared);
    expect(texts[0]).toMatch(/^The Aldous council dismissed port board chair Ines Okafor/);
  });

  it('does not open on a sentence that names its event by a shell noun ("made the announcement")', () => {
    const shared =
      'Mayor Ines Okafor made the announcement weeks after a public outcry over the cracked girder and the long detours.';
    const bodies = [
      `Mayor Ines Okafor on Monday ordered the full closure of the harbour bridge until the cracked steel girder is replaced by engineers next spring. ${shared}`,
      `${shared} The ferries will run every twenty minutes until the bridge reopens.`,
      `${shared} The council will publish the engineers' report next month.`,
    ];
    const { articles, alignment } = story(bodies);
    const texts = summarize(alignment, articles, { words: 80 }).map((sentence) => sentence.text);
    expect(texts).toContain(shared);
    expect(texts[0]).toMatch(/^Mayor Ines Okafor on Monday ordered/);
  });

  it('leaves out who broke the news, however widely shared', () => {
    const line =
      'The closure of the harbour bridge was first reported by the Aldous Courier on Monday night.';
    const { articles, alignment } = story(HARBOUR.map((body) => `${body} ${line}`));
    const texts = summarize(alignment, articles, { words: 500 }).map((sentence) => sentence.text);
    expect(texts).not.toContain(line);
    expect(texts.length).toBeGreaterThan(1);
  });

  it('leaves out sentences under eight words by default, however widely shared', () => {
    const bodies = HARBOUR.map((body) => `${body} A risk to every commuter in town.`);
    const { articles, alignment } = story(bodies);
    const texts = summarize(alignment, articles, { words: 500 }).map((sentence) => sentence.text);
    expect(texts).not.toContain('A risk to every commuter in town.');
    const allowed = summarize(alignment, articles, { words: 500, minimumWords: 6 }).map(
      (sentence) => sentence.text,
    );
    expect(allowed).toContain('A risk to every commuter in town.');
  });

  it('never takes the second half of a title split at its question mark', () => {
    const bodies = [
      `Should The Council Pay For Repairs? We Asked Three Local Engineers Today. ${HARBOUR[0]!}`,
      ...HARBOUR.slice(1),
    ];
    const { articles, alignment } = story(bodies);
    const texts = summarize(alignment, articles, { words: 120 }).map((sentence) => sentence.text);
    expect(texts.some((text) => /Engineers Today/.test(text))).toBe(false);
  });
});

describe('isHeadline', () => {
  it.each([
    { text: 'Harbour bridge shut after cracks found in support beams.', index: 0, headline: true },
    { text: 'Aldous Council Closes Harbour Bridge For Repairs.', index: 0, headline: true },
    { text: 'Will the harbour bridge ever reopen?', index: 0, headline: false },
    { text: 'Why the harbour bridge had to close.', index: 0, headline: false },
    { text: "Here's what the bridge closure means for commuters.", index: 0, headline: false },
    { text: 'What we know about the harbour bridge cracks.', index: 0, headline: false },
    { text: 'The bridge closure will change your commute.', index: 0, headline: false },
    { text: 'Bridge shut!', index: 0, headline: false },
    { text: 'Harbour bridge shut after cracks found in support beams.', index: 1, headline: false },
    {
      text: 'The Aldous council closed the harbour bridge to all traffic on Monday after engineers found cracks in two of its support beams.',
      index: 0,
      headline: false,
    },
  ])('$text (sentence $index) → $headline', ({ text, index, headline }) => {
    expect(isHeadline({ text, index })).toBe(headline);
  });
});

describe('selectByCoverage', () => {
  const harbour = story(HARBOUR);

  it.each([
    { redundancy: 0.2, label: 'strict' },
    { redundancy: 0.45, label: 'default' },
    { redundancy: 1.01, label: 'off' },
  ])('returns distinct claims with positive gains ($label redundancy)', ({ redundancy }) => {
    const chosen = selectByCoverage(harbour.alignment, { words: 200, redundancy });
    expect(chosen.length).toBeGreaterThan(0);
    expect(new Set(chosen.map((choice) => choice.claim)).size).toBe(chosen.length);
    for (const choice of chosen) expect(choice.gain).toBeGreaterThan(0);
  });

  it('weighs a sentence by the outlets that state its claim', () => {
    const [first] = selectByCoverage(harbour.alignment, { words: 200, redundancy: 0.45 });
    const claim = harbour.alignment.claims[first!.claim]!;
    expect(claim.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('takes fewer sentences the stricter the redundancy', () => {
    const strict = selectByCoverage(harbour.alignment, { words: 200, redundancy: 0.2 });
    const loose = selectByCoverage(harbour.alignment, { words: 200, redundancy: 1.01 });
    expect(strict.length).toBeLessThanOrEqual(loose.length);
  });

  it('chooses at most one of the units marked as headlines', () => {
    const options = { words: 200, redundancy: 0.45 };
    const free = selectByCoverage(harbour.alignment, options);
    // Marking every unit a free selection took makes the rule bind: without it, all of them are taken.
    const marked = new Set(free.map((choice) => choice.unit));
    expect(marked.size).toBeGreaterThan(1);
    const bound = selectByCoverage(harbour.alignment, { ...options, headlines: marked });
    expect(bound.filter((choice) => marked.has(choice.unit))).toHaveLength(1);
    expect(bound[0]).toEqual(free[0]);
  });

  it.each([
    { minimumWords: 6, allowed: true },
    { minimumWords: 40, allowed: false },
  ])('honours a minimum of $minimumWords words', ({ minimumWords, allowed }) => {
    const chosen = selectByCoverage(harbour.alignment, { words: 200, redundancy: 0.45, minimumWords });
    expect(chosen.length > 0).toBe(allowed);
  });
});

describe('sentenceConcepts', () => {
  it.each([
    { text: 'The bridge closed on Monday.', has: ['bridg close', 'the bridg'], lacks: ['on the'] },
    { text: 'Engineers found cracks in the beams.', has: ['crack in', 'engin found'], lacks: ['in the'] },
    { text: 'It was and is.', has: [], lacks: ['it was', 'and is'] },
  ])('makes stemmed bigrams with a content word: $text', ({ text, has, lacks }) => {
    const concepts = sentenceConcepts(text);
    for (const concept of has) expect(concepts).toContain(concept);
    for (const concept of lacks) expect(concepts).not.toContain(concept);
  });
});

describe('isTitleCase', () => {
  it.each([
    { text: 'We Asked Three Local Engineers Today.', expected: true },
    { text: 'Council Backs the Bridge Plan in a Late Vote', expected: true },
    { text: '“Not Even Close,” Says the Mayor of Aldous', expected: true },
    { text: 'The Aldous council closed the harbour bridge on Monday.', expected: false },
    { text: 'Mayor Ada Brook and Councillor Tom Reyes of Aldous met on Monday.', expected: false },
    { text: 'Not Even Close.', expected: true },
    { text: 'Not even close.', expected: false },
    { text: 'Repairs cost 4 million crowns.', expected: false },
  ])('"$text" → $expected', ({ text, expected }) => {
    expect(isTitleCase(text)).toBe(expected);
  });
});

describe('wordLength', () => {
  it.each([
    { text: '', count: 0 },
    { text: '   ', count: 0 },
    { text: 'one', count: 1 },
    { text: ' two  words ', count: 2 },
    { text: 'Kim Jong-un — arrived.', count: 4 },
  ])('counts "$text" as $count', ({ text, count }) => {
    expect(wordLength(text)).toBe(count);
  });
});
