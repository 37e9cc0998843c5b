import { describe, expect, it } from 'vitest';
import {
  alignmentGoldAvailable,
  articleInputOf,
  canonicalToRaw,
  crossEventCounts,
  crossEventPairCounts,
  type GoldDocument,
  type GoldMention,
  type GoldVariant,
  goldPairs,
  groupPairs,
  isDateline,
  isHeadline,
  leadPairs,
  oracleGroups,
  pairKey,
  pairScores,
  parseSentenceList,
  readGoldDocuments,
  type SentenceRef,
  sentencesWithMentions,
  sharedWordPairs,
  spanSentences,
  splitHeadline,
  textMapping,
} from '../eval/alignment-gold.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';

describe('sentencesWithMentions', () => {
  const mentions: GoldMention[] = [
    { sentence: 3, instance: 'A', type: 'ACTION_OCCURRENCE' },
    { sentence: 1, instance: 'H', type: 'HUMAN_PART_PER' },
    { sentence: 2, instance: 'N', type: 'NEG_ACTION_STATE' },
    { sentence: 3, instance: 'H', type: 'HUMAN_PART_PER' },
  ];
  it.each<[string, RegExp | undefined, number[]]>([
    ['actions of any class by default', undefined, [2, 3]],
    ['every mention when asked', /./, [1, 2, 3]],
    ['nothing when no mention is of the kind', /TIME/, []],
  ])('%s', (_, kind, expected) => {
    expect(sentencesWithMentions(mentions, kind)).toEqual(expected);
  });
});

describe('parseSentenceList', () => {
  it('reads topic, file and sentence, skipping the header and blank lines', () => {
    const list = parseSentenceList('Topic,File,Sentence Number\n1,10ecbplus,1\n1,10ecbplus,3\n\n2,4ecb,0\n');
    expect(Object.fromEntries(list)).toEqual({ '1_10ecbplus': [1, 3], '2_4ecb': [0] });
  });
});

// Three invented documents of one story. Instance E1 is the event (a ferry sinking), E2 a second event
// (the rescue), R a reporting event, P a participant (the ferry), L a place (the harbour).
const mention = (sentence: number, instance: string, type: string): GoldMention => ({
  sentence,
  instance,
  type,
});
function fixture(
  doc: string,
  sentences: string[],
  mentions: GoldMention[],
  annotated?: number[],
): GoldDocument {
  return {
    doc,
    topic: 9,
    story: '9_ecb',
    sentences,
    text: sentences.join('\n'),
    mentions,
    annotated: annotated ?? sentencesWithMentions(mentions, /./),
  };
}
const documents: GoldDocument[] = [
  fixture(
    'a',
    [
      'The ferry Lumen sank in the harbour of Varo on Monday morning.',
      'Divers pulled nine passengers from the cold water.',
      'The port authority said the ferry had sunk.',
    ],
    [
      mention(0, 'E1', 'ACTION_OCCURRENCE'),
      mention(0, 'P', 'NON_HUMAN_PART'),
      mention(0, 'L', 'LOC_FAC'),
      mention(1, 'E2', 'ACTION_OCCURRENCE'),
      mention(2, 'R', 'ACTION_REPORTING'),
      mention(2, 'E1', 'ACTION_OCCURRENCE'),
    ],
  ),
  fixture(
    'b',
    [
      'The Lumen went down in Varo harbour on Monday morning.',
      'Nine people were rescued by divers.',
      'Officials said an inquiry would follow.',
    ],
    [
      mention(0, 'E1', 'ACTION_OCCURRENCE'),
      mention(0, 'L', 'LOC_FAC'),
      mention(1, 'E2', 'ACTION_OCCURRENCE'),
      mention(2, 'R', 'ACTION_REPORTING'),
    ],
  ),
  fixture(
    'c',
    ['A ferry sank on Monday.', 'The harbour of Varo was closed.'],
    [mention(0, 'E1', 'ACTION_OCCURRENCE'), mention(1, 'L', 'LOC_FAC')],
    [0],
  ),
];
const key = (first: string, second: string): string => {
  const ref = (text: string): SentenceRef => ({ doc: text[0]!, sentence: Number(text.slice(1)) });
  return pairKey(ref(first), ref(second));
};

describe('goldPairs', () => {
  it.each<[GoldVariant, string[]]>([
    // a0-b0, a0-c0, a2-b0, a2-c0, b0-c0 share E1; a1-b1 share E2; a2-b2 share only a reporting event.
    [
      'event',
      [key('a0', 'b0'), key('a0', 'c0'), key('a2', 'b0'), key('a2', 'c0'), key('b0', 'c0'), key('a1', 'b1')],
    ],
    // Only a0-b0 also share a participant or place (L); c1 names L but is not annotated; P is shared by nobody.
    ['event+participant', [key('a0', 'b0')]],
  ])('%s', (variant, expected) => {
    expect([...goldPairs(documents, variant)].sort()).toEqual([...expected].sort());
  });

  it('never pairs two sentences of one document, nor a reporting event alone', () => {
    const pairs = goldPairs(documents, 'event');
    expect(pairs.has(key('a0', 'a2'))).toBe(false);
    expect(pairs.has(key('a2', 'b2'))).toBe(false);
  });

  it('pairKey is the same either way round', () => {
    expect(key('a0', 'b1')).toBe(key('b1', 'a0'));
  });
});

describe('groupPairs and pairScores', () => {
  const annotated = new Set(['a#0', 'a#1', 'a#2', 'b#0', 'b#1', 'b#2', 'c#0']);
  const ref = (doc: string, sentence: number): SentenceRef => ({ doc, sentence });

  it('pairs sentences of different documents in one group, annotated ones only', () => {
    const pairs = groupPairs(
      [
        [ref('a', 0), ref('b', 0), ref('c', 1)],
        [ref('a', 1), ref('a', 2)],
        [ref('b', 2), ref('c', 0)],
      ],
      annotated,
    );
    expect([...pairs].sort()).toEqual([key('a0', 'b0'), key('b2', 'c0')].sort());
  });

  it('scores pairs and the document pairs they join', () => {
    const gold = goldPairs(documents, 'event');
    const predicted = new Set([key('a0', 'b0'), key('a1', 'b1'), key('b2', 'c0')]);
    const scores = pairScores(predicted, gold);
    expect(scores).toMatchObject({
      predicted: 3,
      gold: 6,
      correct: 2,
      documentPairs: 3,
      documentPairsFound: 1,
    });
    expect(scores.precision).toBeCloseTo(2 / 3, 10);
    expect(scores.recall).toBeCloseTo(1 / 3, 10);
    expect(scores.f1).toBeCloseTo(4 / 9, 10);
    expect(scores.documentRecall).toBeCloseTo(1 / 3, 10);
  });

  it('scores nothing predicted as zero, not as NaN', () => {
    expect(pairScores(new Set(), goldPairs(documents, 'event'))).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });
});

describe('baselines and oracle', () => {
  it('the oracle gives each event one claim with one sentence per document, each sentence once', () => {
    const groups = oracleGroups(documents);
    const keys = groups.map((group) => group.map((item) => `${item.doc}#${item.sentence}`));
    // E1 (three documents) first: a's first E1 sentence; E2 next.
    expect(keys).toEqual([
      ['a#0', 'b#0', 'c#0'],
      ['a#1', 'b#1'],
    ]);
  });

  it('word overlap pairs sentences sharing enough content terms', () => {
    // a0 and b0 share lumen, varo, harbour, monday, morning; a1 and b1 share nine, diver.
    expect(sharedWordPairs(documents, 5).has(key('a0', 'b0'))).toBe(true);
    expect(sharedWordPairs(documents, 5).has(key('a1', 'b1'))).toBe(false);
    expect(sharedWordPairs(documents, 2).has(key('a1', 'b1'))).toBe(true);
  });

  it('the lead baseline pairs the first sentences of eight words or more', () => {
    // c has no sentence of eight words: it takes no part.
    expect([...leadPairs(documents)]).toEqual([key('a0', 'b0')]);
  });
});

describe('canonicalToRaw and spanSentences', () => {
  const sentences = ['Storm Hale reached the coast at dawn.', 'BREAKING', 'Roofs were torn off in Pell.'];

  it('maps a canonical text with blank-line joins and a dropped line onto the raw sentences', () => {
    const canonical = 'Storm Hale reached the coast at dawn.\n\nRoofs were torn off in Pell.';
    const mapping = textMapping(canonical, sentences);
    const second = canonical.indexOf('Roofs');
    expect(spanSentences(mapping, { start: second, end: canonical.length })).toEqual({
      sentences: [2],
      exact: true,
    });
    expect(spanSentences(mapping, { start: 0, end: 37 })).toEqual({ sentences: [0], exact: true });
  });

  it('a span covering two raw sentences stands in both, and is not exact across a dropped line', () => {
    const canonical = 'Storm Hale reached the coast at dawn. Roofs were torn off in Pell.';
    const mapping = textMapping(canonical, sentences);
    expect(spanSentences(mapping, { start: 0, end: canonical.length })).toEqual({
      sentences: [0, 2],
      exact: false,
    });
  });

  it('a span of characters the raw text lacks maps nowhere', () => {
    const mapping = textMapping('Zzz qqq!', sentences);
    expect(spanSentences(mapping, { start: 0, end: 8 }).sentences).toEqual([]);
  });

  // Known limitation: a short kept piece that also occurs inside a span the cleaner removed just before it
  // maps onto the removed copy, as pieces are matched greedily, earliest first.
  it.fails('a short piece repeated inside a removed span maps to its kept copy', () => {
    const raw = 'Sign up for alerts. Yes. Yes.';
    const canonical = 'Yes.';
    const map = canonicalToRaw(canonical, raw);
    expect(map[0]).toBe(raw.lastIndexOf('Yes.'));
  });
});

describe('isDateline and isHeadline', () => {
  it.each<[string, boolean]>([
    ['Published: March 4, 2021', true],
    ['UPDATED 04 / 03 / 2021 at 9: 15 AM EDT', true],
    ['7th June 2019', true],
    ['Last Updated: Tuesday, 12 October 2004, 10: 05 GMT', true],
    ['Quarry Reopens After Flood in 2021', false],
    ['Quarry operations fully resumed: 12 October 2004', false],
    [
      'Crews in Varo said on March 4 that the quarry, closed since the flood of the winter before, would reopen next week.',
      false,
    ],
  ])('dateline: %s → %s', (line, expected) => {
    expect(isDateline(line)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['Quarry Reopens After Flood', true],
    ["Varo quarry reopens; owners 'relieved'", true],
    ['The quarry reopened on Monday.', false],
    ['"It is over," the owner said.”', false],
    ['Quarry reopens!', false],
    ['Early on Monday, the quarry in Varo,', false],
    ['Published: March 4, 2021', false],
    ['BREAKING', false],
    ['2021', false],
  ])('headline: %s → %s', (line, expected) => {
    expect(isHeadline(line)).toBe(expected);
  });
});

describe('splitHeadline', () => {
  const url = 'http: / / www. varo - news. example / 2021 / quarry. html';
  const headline = 'Varo Quarry Reopens After Flood';
  const date = 'March 4, 2021';
  const body = 'The quarry in Varo reopened on Monday.';
  const more = 'Forty workers returned.';
  it.each<[string, string[], ReturnType<typeof splitHeadline>]>([
    [
      'URL, headline, body',
      [url, headline, body],
      { url: 'http://www.varo-news.example/2021/quarry.html', title: 1, bodyStart: 2 },
    ],
    [
      'URL, dateline, headline: the dateline is left out',
      [url, date, headline, body],
      { url: 'http://www.varo-news.example/2021/quarry.html', title: 2, bodyStart: 3 },
    ],
    [
      'URL, headline, dateline: the dateline stays in the body',
      [url, headline, date, body],
      { url: 'http://www.varo-news.example/2021/quarry.html', title: 1, bodyStart: 2 },
    ],
    ['a headline as the first line', [headline, body, more], { title: 0, bodyStart: 1 }],
    ['a punctuated first line: no title', [body, more], { bodyStart: 0 }],
    [
      'URL, dateline, punctuated line: only the URL goes, the dateline stays',
      [url, date, body],
      { url: 'http://www.varo-news.example/2021/quarry.html', bodyStart: 1 },
    ],
    ['a later unpunctuated line is no title', [body, headline, more], { bodyStart: 0 }],
    ['a lone headline', [headline], { title: 0, bodyStart: 1 }],
    ['no lines', [], { bodyStart: 0 }],
  ])('%s', (_, sentences, expected) => {
    expect(splitHeadline(sentences)).toEqual(expected);
  });

  // Known limitation: a headline with a full stop or an exclamation mark reads as a sentence and stays in the
  // body, where cleaning may keep or drop it.
  it.fails('takes a headline ending in a full stop as the title', () => {
    expect(splitHeadline([url, 'Varo quarry reopens.', body]).title).toBe(1);
  });

  it('feeds URL and title as metadata, and the Source text still maps onto the document sentences', () => {
    const sentences = [url, date, headline, body, more];
    const input = articleInputOf({ doc: 'q1', sentences });
    expect(input).toEqual({
      id: 'q1',
      url: 'http://www.varo-news.example/2021/quarry.html',
      title: headline,
      body: `${body}\n${more}`,
    });
    const article = analyzeArticle(input);
    expect(article.source.text.startsWith(`${headline}\n\n`)).toBe(true);
    expect(article.source.titleEnd).toBe(headline.length);
    const mapping = textMapping(article.source.text, sentences);
    const mapped = article.segmentation.sentences.map((sentence) => spanSentences(mapping, sentence));
    expect(mapped.every((span) => span.exact)).toBe(true);
    expect(mapped.map((span) => span.sentences)).toEqual([[2], [3], [4]]);
  });
});

describe('crossEventCounts', () => {
  const storyOf = new Map([
    ['a', '9_ecb'],
    ['b', '9_ecb'],
    ['x', '9_ecbplus'],
    ['y', '9_ecbplus'],
  ]);
  const ref = (doc: string, sentence: number): SentenceRef => ({ doc, sentence });
  const universe = new Set(['a#0', 'a#1', 'b#0', 'x#0', 'x#1', 'y#0']);

  it('counts claims and pairs joining documents of different stories', () => {
    const counts = crossEventCounts(
      [
        // Within one story: 1 pair, no join.
        [ref('a', 0), ref('b', 0)],
        // Across the stories: a-x, a-y, x-y: 3 pairs, 2 joins.
        [ref('a', 1), ref('x', 0), ref('y', 0)],
        // One document only: no claim in the count.
        [ref('x', 0), ref('x', 1)],
        // b#1 is outside the universe: this claim has one document left.
        [ref('b', 1), ref('x', 1)],
      ],
      storyOf,
      universe,
    );
    expect(counts).toEqual({ claims: 2, crossClaims: 1, pairs: 4, crossPairs: 2, rate: 0.5 });
  });

  it('counts nothing predicted as a zero rate, not NaN', () => {
    expect(crossEventCounts([], storyOf, universe)).toEqual({
      claims: 0,
      crossClaims: 0,
      pairs: 0,
      crossPairs: 0,
      rate: 0,
    });
  });

  it('counts pairwise systems by their pairs', () => {
    const pairs = new Set([
      pairKey(ref('a', 0), ref('b', 0)),
      pairKey(ref('a', 0), ref('x', 0)),
      pairKey(ref('y', 0), ref('b', 0)),
    ]);
    expect(crossEventPairCounts(pairs, storyOf)).toMatchObject({ pairs: 3, crossPairs: 2, claims: 0 });
  });
});

describe.skipIf(!alignmentGoldAvailable())('on ECB+ (skipped when ../shared is absent)', () => {
  it('reads every document with annotated sentences in range, and maps one story exactly', () => {
    const { documents: all } = readGoldDocuments();
    expect(all.length).toBeGreaterThan(700);
    for (const document of all) {
      for (const sentence of document.annotated) expect(sentence).toBeLessThan(document.sentences.length);
    }
    // 1_ecbplus has URL lines, datelines and headlines: fed as articles, every sentence still maps exactly.
    const story = all.filter((document) => document.story === '1_ecb' || document.story === '1_ecbplus');
    let titled = 0;
    for (const document of story) {
      const input = articleInputOf(document);
      const article = analyzeArticle(input);
      if (article.source.titleEnd !== undefined) titled++;
      const mapping = textMapping(article.source.text, document.sentences);
      for (const sentence of article.segmentation.sentences) {
        expect(spanSentences(mapping, sentence).exact).toBe(true);
      }
    }
    expect(titled).toBeGreaterThan(story.length / 2);
  });
});
