/**
 * How interchangeable two terms are in a news sentence, from WordNet and word vectors together. Vector
 * cosines measure relatedness, not sameness: in GloVe "killed" / "injured" score 0.74 and "year" /
 * "month" 0.89, above "lavish" / "luxury" (0.49). So WordNet decides where it can (same lemma, synonym,
 * derivation, hypernym; antonyms and sister nouns are contrasts), and a cosine counts on its own only
 * when it is high, through a steep ramp. Pure: the resources are passed in, loaded at the edge.
 * @packageDocumentation
 */
import type { WordVectors } from './word-vectors.js';
import type { WordNet, WordNetRelation } from './wordnet.js';

/** The resources a comparison may use; either may be missing, and then the other decides alone. */
export interface Lexicon {
  vectors?: WordVectors;
  wordNet?: WordNet;
}

/** What decided a score. */
export type TermBasis =
  /** The same word after normalisation. */
  | 'identical'
  /** A WordNet relation (see {@link WordNetRelation}). */
  | 'wordnet'
  /** A vector cosine above the ramp's start. */
  | 'vectors'
  /** One stem in two forms that WordNet does not link (`dead` / `death`), with a cosine that agrees. */
  | 'shared-stem'
  /** Two different members of a closed class (numbers, weekdays, months): never interchangeable. */
  | 'closed-class'
  /** Nothing relates them. */
  | 'none';

/** A comparison with its reasons, for explaining a match. */
export interface TermComparison {
  /** In [0, 1]: 1 the same word, about 0.85 and up interchangeable, 0.1 contrasting, 0 unrelated. */
  score: number;
  basis: TermBasis;
  /** The WordNet relation found, when WordNet knows both terms. */
  relation?: WordNetRelation;
  /** The vector cosine, when both terms have vectors. */
  cosine?: number;
  /** For multi-word terms: the two words whose comparison gave the score. */
  words?: readonly [string, string];
}

/** Scores of the WordNet relations (`related` by steps: two, three). */
const RELATION_SCORES = {
  'same-lemma': 1,
  synonym: 0.9,
  derivation: 0.85,
  hypernym: 0.7,
  relatedTwoSteps: 0.65,
  relatedThreeSteps: 0.55,
  contrast: 0.1,
} as const;

/**
 * The ramp a cosine passes through when WordNet has no positive relation: below {@link RAMP_START} it
 * counts nothing, at {@link RAMP_START} + {@link RAMP_WIDTH} and above it counts {@link RAMP_TOP}. Chosen on
 * the pairs of test/lexicon/term-similarity.test.ts: "arrested" / "detained" 0.89 and "killed" / "dead"
 * 0.83 (which WordNet does not relate) must pass, "killed" / "injured" 0.74 and "accused" / "denied"
 * 0.77 must stay low.
 */
const RAMP_START = 0.65;
const RAMP_WIDTH = 0.25;
const RAMP_TOP = 0.9;
/** A cosine beside a two- or three-step WordNet path counts as it is, up to this. */
const RELATED_CAP = 0.85;

/** Score of {@link sharesStem} words whose cosine reaches {@link STEM_COSINE}. */
const STEM_SCORE = 0.8;
const STEM_COSINE = 0.6;

/**
 * Whether two words look like forms of one stem: a common beginning of at least three letters and
 * three quarters of the shorter word. WordNet links "die" to "death" but neither to "dead"; the cosine
 * guard keeps look-alikes such as "war" / "ward" out.
 */
function sharesStem(first: string, second: string): boolean {
  const shorter = Math.min(first.length, second.length);
  let common = 0;
  while (common < shorter && first.charCodeAt(common) === second.charCodeAt(common)) common++;
  return common >= 3 && common >= 0.75 * shorter;
}

const rampedCosine = (cosine: number): number =>
  Math.min(1, Math.max(0, (cosine - RAMP_START) / RAMP_WIDTH)) * RAMP_TOP;

const CLOSED_CLASSES: readonly string[] = [
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands millions billions',
  'first second third fourth fifth sixth seventh eighth ninth tenth',
  'monday tuesday wednesday thursday friday saturday sunday',
  'january february march april may june july august september october november december',
];
const CLOSED_CLASS_OF = new Map<string, number>(
  CLOSED_CLASSES.flatMap((members, index) => members.split(' ').map((word) => [word, index] as const)),
);

/** Lower case, no possessive, no surrounding punctuation. */
function normalise(term: string): string {
  return term
    .toLowerCase()
    .trim()
    .replace(/[’']s$/, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const isNumeric = (word: string): boolean => /^[\d.,]+$/.test(word);

/** Compares two single words. */
function compareWords(first: string, second: string, lexicon: Lexicon): TermComparison {
  if (first === second) return { score: 1, basis: 'identical' };
  const firstClass = CLOSED_CLASS_OF.get(first) ?? (isNumeric(first) ? -1 : undefined);
  const secondClass = CLOSED_CLASS_OF.get(second) ?? (isNumeric(second) ? -1 : undefined);
  // "Two" and "three", "Monday" and "Tuesday" sit closest of all in vector space and are never one fact.
  if (firstClass !== undefined && secondClass !== undefined) return { score: 0, basis: 'closed-class' };

  const cosine = lexicon.vectors?.similarity(first, second);
  const withCosine = cosine === undefined ? {} : { cosine };
  const ramped = cosine === undefined ? 0 : rampedCosine(cosine);
  const fromVectors = (extra: Partial<TermComparison>): TermComparison => {
    if (cosine !== undefined && cosine >= STEM_COSINE && ramped < STEM_SCORE && sharesStem(first, second)) {
      return { score: STEM_SCORE, basis: 'shared-stem', ...withCosine, ...extra };
    }
    return ramped > 0
      ? { score: ramped, basis: 'vectors', ...withCosine, ...extra }
      : { score: 0, basis: 'none', ...withCosine, ...extra };
  };

  if (lexicon.wordNet === undefined) return fromVectors({});
  const { relation, steps } = lexicon.wordNet.relatedness(first, second);
  const found = { relation, ...withCosine };
  switch (relation) {
    case 'same-lemma':
    case 'synonym':
    case 'derivation':
      return { score: RELATION_SCORES[relation], basis: 'wordnet', ...found };
    case 'hypernym':
      return ramped > RELATION_SCORES.hypernym
        ? fromVectors({ relation })
        : { score: RELATION_SCORES.hypernym, basis: 'wordnet', ...found };
    case 'related': {
      const base = steps <= 2 ? RELATION_SCORES.relatedTwoSteps : RELATION_SCORES.relatedThreeSteps;
      const confirmed = Math.min(RELATED_CAP, cosine ?? 0);
      return confirmed > base
        ? { score: confirmed, basis: 'vectors', ...found }
        : { score: base, basis: 'wordnet', ...found };
    }
    case 'contrast':
      return { score: RELATION_SCORES.contrast, basis: 'wordnet', ...found };
    default:
      return fromVectors({ relation });
  }
}

/**
 * Compares two terms (words or multi-word terms such as "death toll") and says why. A multi-word term is
 * first looked up whole in WordNet (`death_toll`), else scored by its best pair of words.
 * @param first - a term
 * @param second - another term
 * @param lexicon - the resources at hand
 */
export function compareTerms(first: string, second: string, lexicon: Lexicon): TermComparison {
  const left = normalise(first);
  const right = normalise(second);
  if (left === right) return { score: left === '' ? 0 : 1, basis: left === '' ? 'none' : 'identical' };
  const leftWords = left.split(/[\s_-]+/).filter((word) => word !== '');
  const rightWords = right.split(/[\s_-]+/).filter((word) => word !== '');
  if (leftWords.length <= 1 && rightWords.length <= 1) return compareWords(left, right, lexicon);

  const whole = lexicon.wordNet?.relatedness(leftWords.join('_'), rightWords.join('_'));
  if (whole !== undefined && whole.relation !== 'unknown' && whole.relation !== 'unrelated') {
    // Vectors hold single words only, so the whole term is WordNet's to judge.
    return compareWords(leftWords.join('_'), rightWords.join('_'), { wordNet: lexicon.wordNet! });
  }
  let best: TermComparison = { score: 0, basis: 'none' };
  for (const leftWord of leftWords) {
    for (const rightWord of rightWords) {
      const compared = compareWords(leftWord, rightWord, lexicon);
      if (compared.score > best.score) best = { ...compared, words: [leftWord, rightWord] };
    }
  }
  return best;
}

/**
 * The score of {@link compareTerms} alone: in [0, 1], higher the more interchangeable.
 * @param first - a term
 * @param second - another term
 * @param lexicon - the resources at hand
 */
export function termSimilarity(first: string, second: string, lexicon: Lexicon): number {
  return compareTerms(first, second, lexicon).score;
}

/**
 * A memoised {@link compareTerms} for inner loops (alignment compares the same pairs across sentences):
 * symmetric, and it forgets everything once `capacity` pairs are held, which bounds memory.
 * @param lexicon - the resources at hand
 * @param capacity - pairs kept before the memo is cleared
 */
export function createTermComparer(
  lexicon: Lexicon,
  capacity = 100_000,
): (first: string, second: string) => TermComparison {
  const memo = new Map<string, TermComparison>();
  return (first, second) => {
    const key = first < second ? `${first}\u0000${second}` : `${second}\u0000${first}`;
    let found = memo.get(key);
    if (found === undefined) {
      if (memo.size >= capacity) memo.clear();
      found = first < second ? compareTerms(first, second, lexicon) : compareTerms(second, first, lexicon);
      memo.set(key, found);
    }
    return found;
  };
}

/** A function of one word, read once per word. */
function perWord<T>(read: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let found = memo.get(word);
    if (found === undefined) {
      found = read(word);
      memo.set(word, found);
    }
    return found;
  };
}

/**
 * A cheaper {@link createTermComparer} for alignment, which compares every pair of words two near-miss
 * sentences leave unmatched: WordNet counts only as shared senses (synonyms, read from each word's senses
 * once), and vectors decide the rest through the same ramp. The full comparison walks WordNet's pointers
 * for each pair (about 100 µs); this one costs a few µs.
 * @param lexicon - the resources at hand
 */
export function createFastTermComparer(lexicon: Lexicon): (first: string, second: string) => number {
  const sensesOf = perWord((word) => new Set(lexicon.wordNet?.synsets(word) ?? []));
  const parentsOf = perWord((word) => new Set(lexicon.wordNet?.hypernyms(word) ?? []));
  return (rawFirst, rawSecond) => {
    const first = normalise(rawFirst);
    const second = normalise(rawSecond);
    if (first === '' || second === '') return 0;
    if (first === second) return 1;
    const firstClass = CLOSED_CLASS_OF.get(first) ?? (isNumeric(first) ? -1 : undefined);
    const secondClass = CLOSED_CLASS_OF.get(second) ?? (isNumeric(second) ? -1 : undefined);
    if (firstClass !== undefined && secondClass !== undefined) return 0;
    const firstSenses = sensesOf(first);
    if (firstSenses.size > 0) {
      for (const synset of sensesOf(second)) if (firstSenses.has(synset)) return RELATION_SCORES.synonym;
      // Sisters under one parent ("year" and "month" under "time period") are contrasts, however close
      // their vectors.
      const firstParents = parentsOf(first);
      for (const parent of parentsOf(second)) if (firstParents.has(parent)) return RELATION_SCORES.contrast;
    }
    const cosine = lexicon.vectors?.similarity(first, second);
    if (cosine === undefined) return 0;
    const ramped = rampedCosine(cosine);
    if (cosine >= STEM_COSINE && ramped < STEM_SCORE && sharesStem(first, second)) return STEM_SCORE;
    return ramped;
  };
}
