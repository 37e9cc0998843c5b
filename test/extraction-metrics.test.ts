import { describe, expect, it } from 'vitest';
import {
  EXTRACTION_TRUTH_PATH,
  extractionAvailable,
  loadExtractionTruth,
  loadExtractorOutput,
  PUBLISHED_EXTRACTION_F1,
} from '../eval/extraction.js';
import {
  evaluateExtraction,
  extractionScoresFromCounts,
  extractionTokens,
  type ShingleCounts,
  shingleCounts,
} from '../src/eval/extraction-metrics.js';
import { CrosscheckError } from '../src/model/errors.js';

const counts = (truePositives: number, falsePositives: number, falseNegatives: number): ShingleCounts => ({
  truePositives,
  falsePositives,
  falseNegatives,
});

describe('extractionTokens', () => {
  it.each([
    // Python's \w is Unicode-aware: letters and numbers of any script, and the underscore; case is kept.
    { text: 'Zürich’s café, 2½ km — naïve_user!', tokens: ['Zürich', 's', 'café', '2½', 'km', 'naïve_user'] },
    { text: "don't stop", tokens: ['don', 't', 'stop'] },
    { text: 'Москва 東京', tokens: ['Москва', '東京'] },
    { text: '... —', tokens: [] },
  ])('tokenises "$text"', ({ text, tokens }) => {
    expect(extractionTokens(text)).toEqual(tokens);
  });
});

describe('shingleCounts: hand-worked pages', () => {
  it.each([
    // Shingles of 4: truth {abcd, bcde}, prediction {abcd, bcdx}.
    { name: 'last word differs', truth: 'a b c d e', prediction: 'a b c d x', expected: counts(1, 1, 1) },
    // Multisets: truth has "w x y z" twice among its 5 shingles, the prediction once.
    { name: 'repeated shingle', truth: 'w x y z w x y z', prediction: 'w x y z', expected: counts(1, 0, 4) },
    // Fewer than four tokens: one shorter shingle of all of them.
    { name: 'short texts', truth: 'hello world', prediction: 'hello world', expected: counts(1, 0, 0) },
    {
      name: 'short texts differ',
      truth: 'hello world',
      prediction: 'hello there',
      expected: counts(0, 1, 1),
    },
    { name: 'empty prediction', truth: 'one two three four', prediction: '', expected: counts(0, 0, 1) },
    { name: 'empty truth', truth: '', prediction: 'menu login share', expected: counts(0, 1, 0) },
    { name: 'both empty', truth: ' ', prediction: '', expected: counts(0, 0, 0) },
    // Case is significant, as in the benchmark.
    {
      name: 'case differs',
      truth: 'The cat sat down',
      prediction: 'the cat sat down',
      expected: counts(0, 1, 1),
    },
    // Punctuation and spacing are not: the tokens are the same.
    {
      name: 'punctuation ignored',
      truth: 'One, two; three four.',
      prediction: 'one two three four'.replace('one', 'One'),
      expected: counts(1, 0, 0),
    },
  ])('$name', ({ truth, prediction, expected }) => {
    expect(shingleCounts(truth, prediction)).toEqual(expected);
  });
});

describe('extractionScoresFromCounts', () => {
  it.each([
    {
      // Precision over pages 1 and 3 (page 2 predicted nothing): (1/2 + 0)/2. Recall over pages 1 and 2
      // (page 3 has no truth): (1/2 + 0)/2. F1 = 1/4.
      name: 'pages without prediction or truth are left out of one mean',
      pages: [counts(1, 1, 1), counts(0, 0, 1), counts(0, 1, 0)],
      precision: 1 / 4,
      recall: 1 / 4,
    },
    {
      name: 'a perfect page scores 1 on both',
      pages: [counts(3, 0, 0), counts(1, 1, 0)],
      precision: 3 / 4,
      recall: 1,
    },
    { name: 'no scorable page', pages: [counts(0, 0, 0)], precision: 0, recall: 0 },
    { name: 'no page at all', pages: [], precision: 0, recall: 0 },
  ])('$name', ({ pages, precision, recall }) => {
    const scores = extractionScoresFromCounts(pages);
    expect(scores.precision).toBeCloseTo(precision, 10);
    expect(scores.recall).toBeCloseTo(recall, 10);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    expect(scores.f1).toBeCloseTo(f1, 10);
    expect(scores.pages).toBe(pages.length);
  });
});

describe('evaluateExtraction', () => {
  it('scores pages by id, a missing body as empty', () => {
    const truth = {
      p1: { articleBody: 'the storm closed the bridge on friday' },
      p2: { articleBody: 'short note' },
    };
    const scores = evaluateExtraction(truth, { p2: { articleBody: 'short note' }, p1: {} });
    // p1: nothing predicted (recall 0, left out of precision); p2: perfect.
    expect(scores).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, pages: 2 });
  });

  it.each([
    { name: 'a page missing', predictions: { p1: { articleBody: 'x' } } },
    { name: 'an extra page', predictions: { p1: {}, p2: {}, p3: {} } },
    { name: 'other pages', predictions: { p1: {}, q2: {} } },
  ])('throws CrosscheckError on $name', ({ predictions }) => {
    const truth = { p1: { articleBody: 'a' }, p2: { articleBody: 'b' } };
    expect(() => evaluateExtraction(truth, predictions)).toThrow(CrosscheckError);
  });
});

const available = extractionAvailable();
if (!available)
  console.warn(`extraction-metrics.test: ${EXTRACTION_TRUTH_PATH} is absent, skipping the reference check`);

describe.skipIf(!available)('stored extractor outputs reproduce the README F1 (±0.005)', () => {
  const truth = available ? loadExtractionTruth() : {};
  it.each(['trafilatura', 'readability_js', 'html-text', 'goose3', 'justext', 'AutoExtract'])(
    '%s',
    (extractor) => {
      const published = PUBLISHED_EXTRACTION_F1[extractor];
      expect(published).toBeDefined();
      const scores = evaluateExtraction(truth, loadExtractorOutput(extractor).output);
      expect(scores.pages).toBe(116);
      expect(Math.abs(scores.f1 - published!)).toBeLessThan(0.005);
    },
  );
});
