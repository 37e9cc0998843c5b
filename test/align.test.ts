import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle } from '../src/model/index.js';
import { alignClaims, quotesBalanced, readability } from '../src/stages/align.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';

// Every text below is invented for these tests.

function articles(...bodies: string[]): AnalyzedArticle[] {
  return bodies.map((body, index) => analyzeArticle({ id: `s${index + 1}`, body, published: '2025-03-11' }));
}

/** The source ids of the claim whose text (any passage) matches. */
function sourcesOf(alignment: ReturnType<typeof alignClaims>, pattern: RegExp): string[] {
  const claim = alignment.claims.find((item) =>
    item.evidence.some((evidence) => pattern.test(evidence.text)),
  );
  return [...(claim?.sources ?? [])].sort();
}

const ferry = [
  'The mayor of Tarnby gave the harbour museum a restored steam ferry on Monday. The museum will open in June.',
  'Tarnby mayor Ola Berg has gifted a restored steam ferry to the harbour museum, officials said on Monday. Ticket prices were not announced.',
  'A restored steam ferry was presented to the Tarnby harbour museum by the mayor on Monday. Volunteers spent four years on the repairs.',
];

describe('alignClaims', () => {
  it('aligns paraphrases of one fact across sources and grades them', () => {
    const alignment = alignClaims(articles(...ferry));
    expect(sourcesOf(alignment, /steam ferry/)).toEqual(['s1', 's2', 's3']);
    const claim = alignment.claims.find((item) => item.sources.length === 3)!;
    expect(claim.kind).toBe('consensus');
    expect(alignment.claims[0]).toBe(claim);
  });

  it('keeps facts only one source has as unique claims', () => {
    const alignment = alignClaims(articles(...ferry));
    for (const pattern of [/open in June/, /Ticket prices/, /four years/]) {
      const claim = alignment.claims.find((item) => pattern.test(item.text));
      expect(claim?.kind).toBe('unique');
      expect(claim?.sources).toHaveLength(1);
    }
  });

  it('gives every passage exact offsets into its source', () => {
    const analyzed = articles(...ferry);
    const texts = new Map(analyzed.map((article) => [article.source.id, article.source.text]));
    for (const claim of alignClaims(analyzed).claims) {
      for (const evidence of claim.evidence) {
        expect(texts.get(evidence.source)!.slice(evidence.start, evidence.end)).toBe(evidence.text);
      }
    }
  });

  it('clusters one sentence per source, and cites a source that states the fact twice by both passages', () => {
    const analyzed = articles(
      'The council closed the old pier on Friday. The council closed the old pier after a storm on Friday.',
      'The old pier was closed by the council on Friday.',
    );
    const alignment = alignClaims(analyzed);
    // The members, which clustering compares, hold one sentence per source so that claims do not chain.
    for (const members of alignment.members) {
      const articlesOfMembers = members.map((index) => alignment.units[index]!.article);
      expect(new Set(articlesOfMembers).size).toBe(members.length);
    }
    const claim = alignment.claims.find((candidate) => candidate.sources.length === 2);
    expect(claim?.evidence.map((evidence) => evidence.text).sort()).toEqual([
      'The council closed the old pier after a storm on Friday.',
      'The council closed the old pier on Friday.',
      'The old pier was closed by the council on Friday.',
    ]);
  });

  it('cites a sentence that states two facts in both claims', () => {
    const analyzed = articles(
      'The council closed the old pier on Friday and the harbour ferry stopped running on Saturday.',
      'The council closed the old pier on Friday.',
      'The harbour ferry stopped running on Saturday.',
      'On Friday the council closed the old pier.',
      'The harbour ferry stopped running on Saturday, the operator said.',
    );
    const claims = alignClaims(analyzed).claims.filter((claim) => claim.sources.length >= 2);
    expect(claims).toHaveLength(2);
    for (const claim of claims) expect(claim.sources).toContain('s1');
  });

  // Known failure: the denial factor (×0.5 on the similarity) cannot outweigh near-total word overlap; a
  // denial that shares fewer words with the statement (as in the seeds) is kept apart.
  it.fails('does not align a denial with the statement it contradicts when they share nearly every word', () => {
    const alignment = alignClaims(
      articles(
        'The port authority denied dumping sludge in the bay, which would breach the permit.',
        'The port authority breached its permit by dumping sludge in the bay.',
      ),
    );
    expect(alignment.claims.every((claim) => claim.sources.length === 1)).toBe(true);
  });

  it.each([
    [
      'two facts that only share the story names',
      'Tarnby harbour museum reopened its steam ferry gallery on Monday.',
      'Tarnby harbour museum reported record visitor numbers for last year.',
    ],
  ])('does not align %s', (_name, first, second) => {
    const alignment = alignClaims(articles(first, second));
    expect(alignment.claims.every((claim) => claim.sources.length === 1)).toBe(true);
  });
});

describe('quotesBalanced', () => {
  it.each([
    ['"We will reopen the pier," she said.', true],
    ['She called it “a bold bet.”', true],
    ['I will not gamble with the pier," the mayor said.', false],
    ['“Nobody crosses that span.', false],
    ['The pier reopened.', true],
  ])('%s → %s', (text, expected) => {
    expect(quotesBalanced(text)).toBe(expected);
  });
});

describe('readability', () => {
  it('prefers a self-contained sentence to a dangling one', () => {
    expect(readability('The council closed the old pier on Friday after the storm.')).toBeGreaterThan(
      readability('It also closed the old pier on Friday after the storm.'),
    );
    expect(readability('The council closed the old pier on Friday after the storm.')).toBeGreaterThan(
      readability('"We closed it on Friday after the storm," she said.'),
    );
  });
});

describe('alignClaims: words compared by meaning (the related option)', () => {
  const bodies = [
    'Kim is known for his penchant for luxury goods and foreign limousines.',
    'Kim is known for his affinity for luxury goods and foreign limousines.',
  ] as const;
  const related = (first: string, second: string): number =>
    (first === 'penchant' && second === 'affinity') || (first === 'affinity' && second === 'penchant')
      ? 0.9
      : 0;

  it('raises the similarity of two sentences by the words they share in meaning', () => {
    const analyzed = articles(...bodies);
    const plain = alignClaims(analyzed);
    const soft = alignClaims(analyzed, { related });
    expect(soft.similarity(0, 1)).toBeGreaterThan(plain.similarity(0, 1));
  });

  it('negative: unrelated words add nothing', () => {
    const analyzed = articles(...bodies);
    const plain = alignClaims(analyzed);
    const none = alignClaims(analyzed, { related: () => 0 });
    expect(none.similarity(0, 1)).toBeCloseTo(plain.similarity(0, 1), 12);
  });
});
