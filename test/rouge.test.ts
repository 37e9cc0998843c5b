import { describe, expect, it } from 'vitest';
import {
  lcsLength,
  meanRouge,
  type RougeResult,
  rouge,
  rougeTokens,
  truncateWords,
} from '../src/eval/rouge.js';
import { CrosscheckError } from '../src/model/errors.js';

interface Expected {
  rouge1: [recall: number, precision: number];
  rouge2: [recall: number, precision: number];
  rougeL: [recall: number, precision: number];
}

const f1 = (recall: number, precision: number): number =>
  recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);

function expectScores(result: RougeResult, expected: Expected): void {
  for (const variant of ['rouge1', 'rouge2', 'rougeL'] as const) {
    const [recall, precision] = expected[variant];
    expect(result[variant].recall, `${variant} recall`).toBeCloseTo(recall, 10);
    expect(result[variant].precision, `${variant} precision`).toBeCloseTo(precision, 10);
    expect(result[variant].f1, `${variant} f1`).toBeCloseTo(f1(recall, precision), 10);
  }
}

describe('rougeTokens', () => {
  it.each([
    // Lowercase, split on anything outside [a-z0-9]; tokens of three characters or fewer are not stemmed.
    {
      text: 'The U.S. economy grew 3% in May.',
      tokens: ['the', 'u', 's', 'economi', 'grew', '3', 'in', 'may'],
    },
    { text: 'Was he hoping? She was running!', tokens: ['was', 'he', 'hope', 'she', 'was', 'run'] },
    // Accented letters are separators, as in rouge-score's ASCII-only pattern.
    { text: 'Café naïve', tokens: ['caf', 'na', 've'] },
    { text: '  \n\t ', tokens: [] },
    { text: '', tokens: [] },
  ])('tokenises "$text"', ({ text, tokens }) => {
    expect(rougeTokens(text)).toEqual(tokens);
  });

  it('keeps surface forms when stemming is off', () => {
    expect(rougeTokens('Runners were running', false)).toEqual(['runners', 'were', 'running']);
  });
});

describe('rouge: hand-worked examples', () => {
  it.each<{ name: string; candidate: string; reference: string; expected: Expected }>([
    {
      // Unigrams: the×2, cat, on, mat match (5 of 6 each side). Bigrams: the-cat, on-the, the-mat match
      // (3 of 5). LCS: "the cat on the mat" = 5.
      name: 'one word changed',
      candidate: 'the cat sat on the mat',
      reference: 'the cat lay on the mat',
      expected: { rouge1: [5 / 6, 5 / 6], rouge2: [3 / 5, 3 / 5], rougeL: [5 / 6, 5 / 6] },
    },
    {
      // Clipping: "the" appears 4 times in the candidate but once in the reference, so counts once.
      // R1: recall 1/2, precision 1/4. Bigrams: the-the ×3 vs the-dog: none. LCS 1.
      name: 'repeated n-grams are clipped',
      candidate: 'the the the the',
      reference: 'the dog',
      expected: { rouge1: [1 / 2, 1 / 4], rouge2: [0, 0], rougeL: [1 / 2, 1 / 4] },
    },
    {
      // Stemming: running → run, runs → run; tokens [he, run, fast] vs [he, run, quickli].
      // R1 2/3 each side; bigrams (he run) of 2 match: 1/2; LCS "he run" = 2.
      name: 'stemmed forms match',
      candidate: 'He running fast',
      reference: 'he runs quickly',
      expected: { rouge1: [2 / 3, 2 / 3], rouge2: [1 / 2, 1 / 2], rougeL: [2 / 3, 2 / 3] },
    },
    {
      // Order matters for LCS only: all unigrams match, no bigram does (b-a, c-b vs a-b, b-c), LCS = 1.
      name: 'reversed order',
      candidate: 'c b a',
      reference: 'a b c',
      expected: { rouge1: [1, 1], rouge2: [0, 0], rougeL: [1 / 3, 1 / 3] },
    },
    {
      // Longer candidate: every reference word is found (recall 1), precision falls with the extra words.
      name: 'candidate contains the reference',
      candidate: 'police said the bridge closed on friday after the storm',
      reference: 'the bridge closed',
      expected: { rouge1: [1, 3 / 10], rouge2: [1, 2 / 9], rougeL: [1, 3 / 10] },
    },
  ])('$name', ({ candidate, reference, expected }) => {
    expectScores(rouge(candidate, [reference]), expected);
  });

  it.each([
    { name: 'empty candidate', candidate: '', reference: 'a summary of the event' },
    { name: 'empty reference', candidate: 'a summary of the event', reference: '' },
    { name: 'both empty', candidate: '', reference: '' },
    { name: 'punctuation only', candidate: '!!! ...', reference: '— ?' },
    { name: 'single word, no bigram', candidate: 'storm', reference: 'storm' },
  ])('$name scores finite numbers, zero where nothing overlaps', ({ candidate, reference }) => {
    const result = rouge(candidate, [reference]);
    for (const score of Object.values(result)) {
      for (const value of Object.values(score)) expect(Number.isFinite(value)).toBe(true);
    }
    if (candidate === 'storm') {
      expectScores(result, { rouge1: [1, 1], rouge2: [0, 0], rougeL: [1, 1] });
    } else {
      expectScores(result, { rouge1: [0, 0], rouge2: [0, 0], rougeL: [0, 0] });
    }
  });

  it('without stemming, inflected forms do not match', () => {
    expect(rouge('running', ['runs'], { stem: false }).rouge1.f1).toBe(0);
    expect(rouge('running', ['runs']).rouge1.f1).toBe(1);
  });
});

describe('rouge: options and references', () => {
  it('truncates the candidate to limitWords whitespace words', () => {
    const limited = rouge('the cat sat on the mat and then slept all day', ['the cat lay on the mat'], {
      limitWords: 6,
    });
    expectScores(limited, { rouge1: [5 / 6, 5 / 6], rouge2: [3 / 5, 3 / 5], rougeL: [5 / 6, 5 / 6] });
    expect(truncateWords('one  two\nthree four', 3)).toBe('one two three');
    expect(truncateWords('one two', 5)).toBe('one two');
  });

  it('keeps, per variant, the reference with the best F1', () => {
    const candidate = 'the cat sat on the mat';
    const result = rouge(candidate, ['a dog barked', 'the cat lay on the mat']);
    expect(result).toEqual(rouge(candidate, ['the cat lay on the mat']));
    // Variants may come from different references: R-1 is best against the first (all four words),
    // R-L against the second (LCS "a b": recall 2/5, precision 2/4; the first gives only 1/4).
    const mixed = rouge('a b c d', ['d c b a', 'a b x y z']);
    expect(mixed.rouge1.f1).toBeCloseTo(1, 10);
    expect(mixed.rougeL.f1).toBeCloseTo(f1(2 / 5, 2 / 4), 10);
  });

  it.each([
    { name: 'no reference', call: () => rouge('text', []) },
    { name: 'zero word limit', call: () => rouge('text', ['text'], { limitWords: 0 }) },
    { name: 'fractional word limit', call: () => rouge('text', ['text'], { limitWords: 2.5 }) },
  ])('throws CrosscheckError on $name', ({ call }) => {
    expect(call).toThrow(CrosscheckError);
  });
});

describe('lcsLength and meanRouge', () => {
  it.each([
    { first: [1, 2, 3, 4], second: [2, 4, 3], length: 2 },
    { first: [1, 2, 3], second: [1, 2, 3], length: 3 },
    { first: [], second: [1], length: 0 },
    { first: [5, 5, 5], second: [5], length: 1 },
  ])('LCS of $first and $second is $length', ({ first, second, length }) => {
    expect(lcsLength(first, second)).toBe(length);
  });

  it('averages recall, precision and F1 separately over documents', () => {
    const perfect = rouge('a b', ['a b']);
    const none = rouge('a b', ['c d']);
    const mean = meanRouge([perfect, none]);
    expect(mean.rouge1).toEqual({ recall: 0.5, precision: 0.5, f1: 0.5 });
    expect(meanRouge([])).toEqual({
      rouge1: { recall: 0, precision: 0, f1: 0 },
      rouge2: { recall: 0, precision: 0, f1: 0 },
      rougeL: { recall: 0, precision: 0, f1: 0 },
    });
  });
});

describe('known divergences from rouge-score (NLTK Porter extensions, not reproduced on purpose)', () => {
  // rouge-score's NLTK stemmer maps "dying" to "die" and keeps "says" as "say"; the classic Porter
  // algorithm gives "dy" and "sai", which fits the published NeuS table better (see src/eval/rouge.ts).
  it.fails.each([
    { candidate: 'dying', reference: 'die' },
    { candidate: 'says', reference: 'say' },
  ])('"$candidate" matches "$reference" as in rouge-score', ({ candidate, reference }) => {
    expect(rouge(candidate, [reference]).rouge1.f1).toBe(1);
  });
});
