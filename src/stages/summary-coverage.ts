import { STOPWORDS } from '../text/stopwords.js';
import { stem } from '../text/terms.js';
import { isTitleCase } from '../text/title-case.js';
import { type ClaimAlignment, PRONOUN_START, quotesBalanced } from './align.js';

/** Options of {@link selectByCoverage}. */
export interface CoverageOptions {
  /** Word budget (whitespace-separated words, as ROUGE and readers count them). */
  words: number;
  /** Similarity at or above which a sentence repeats one already chosen. */
  redundancy: number;
  /**
   * Weight of a concept by the position of the sentence that states it: index 0 the opening sentence
   * (the headline when the body starts with it), 1 the lead, 2 the next, the last entry for the rest.
   */
  positionWeights?: readonly number[];
  /** Sentences with fewer words are not candidates: headline fragments and dangling quotes. */
  minimumWords?: number;
  /** Units that are never chosen (still counted as outlets' concepts). */
  exclude?: ReadonlySet<number>;
  /**
   * Units that read as outlets' headlines: at most one of them is chosen. Headlines are short and dense
   * in shared phrases, so coverage alone stacks two or three of them, and a summary that opens with a
   * list of headlines reads as a news digest, not as one account.
   */
  headlines?: ReadonlySet<number>;
}

/** One chosen sentence: the aligned unit and the claim it belongs to. */
export interface CoverageChoice {
  unit: number;
  claim: number;
  /** Weight of the concepts the sentence covered when it was chosen, times its claim's outlets. */
  gain: number;
}

/*
 * Defaults measured on the NeuS validation split (ROUGE-2 F1, mean of budgets 75/80/85). Leads weigh
 * twice a headline or a third sentence: headlines are punchy and partisan, the lead states the event.
 * Flatter weights (1,1,1,1) lost 0.9 points, a heavier lead (1,3,1,.5) 0.8.
 */
const DEFAULT_POSITION_WEIGHTS: readonly number[] = [1, 2, 1, 0.5];
/**
 * Shorter sentences are fragments and asides more often than facts ("A risk to their fellow citizens.",
 * "Small dominoes can eventually topple big nations."); NeuS validation ROUGE-2 at 6, 7, 8 words: 19.35,
 * 19.48, 19.45.
 */
const DEFAULT_MINIMUM_WORDS = 8;
/**
 * Two sentences of one claim repeat each other only when they are also this alike: a claim chains its
 * members (A like B, B like C), so its far ends can state different details of one fact.
 */
const SAME_CLAIM_REDUNDANCY = 0.35;
/** A sentence about which outlet broke the news ("was first reported by", "was first to report"). */
const FIRST_REPORTED = /\bfirst\s+(?:to\s+)?report(?:ed|s)?\b|\breported\s+first\b/i;
const SENTENCE_END = /[.!?]["”’')\]]?$/;
const WORD = /[\p{L}\p{N}]+/gu;

/** Whitespace-separated words of a text, as budgets count them. */
export function wordLength(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/**
 * Concepts of a sentence, readable: stemmed word bigrams with at least one content word ("hydrogen bomb",
 * "bomb test", "the senate"). Bigrams rather than single words because ROUGE-2 and readers both
 * reward phrases the outlets share, and a bigram shared by two outlets is rarely a coincidence.
 * {@link selectByCoverage} interns the same concepts as integers for speed.
 */
export function sentenceConcepts(text: string): Set<string> {
  const words: string[] = [];
  const stops: boolean[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    const stop = STOPWORDS.has(word);
    words.push(stop ? word : stem(word));
    stops.push(stop);
  }
  const concepts = new Set<string>();
  for (let position = 0; position + 1 < words.length; position++) {
    if (stops[position] && stops[position + 1]) continue;
    concepts.add(`${words[position]} ${words[position + 1]}`);
  }
  return concepts;
}

/**
 * Chooses sentences that together cover the story's most widely carried concepts within a word budget
 * (Gillick & Favre 2009's concept objective). A concept weighs the number of sources stating it times
 * the sum of its best position weight in each, so a phrase all outlets put in their lead dominates one
 * outlet's aside; a sentence's gain is its uncovered weight times the outlets its claim has. The selection is the budgeted-submodular greedy of Lin & Bilmes (2010): take the
 * sentence with the best uncovered weight per word, skip sentences close to one already taken. Their
 * final check (keep the best single sentence when it alone is worth more) is left out: with the
 * redundancy filter it fired on 9 of 307 NeuS validation stories and always cut the summary to one
 * sentence, costing ROUGE-2. Hand-written because no
 * installed package solves budgeted coverage; exact ILP is out of reach offline and the greedy is
 * within a constant factor of it.
 * Deterministic: ties go to the earlier unit.
 * @returns the chosen sentences in the order they were taken
 */
export function selectByCoverage(alignment: ClaimAlignment, options: CoverageOptions): CoverageChoice[] {
  const positionWeights = options.positionWeights ?? DEFAULT_POSITION_WEIGHTS;
  const minimumWords = options.minimumWords ?? DEFAULT_MINIMUM_WORDS;
  const { units } = alignment;
  const claimOf = new Int32Array(units.length).fill(-1);
  alignment.members.forEach((members, claim) => {
    for (const unit of members) claimOf[unit] = claim;
  });

  // Concepts become small integers so that weighing and covering are array look-ups: a story of 100
  // articles has some 50,000 bigram occurrences and string keys made this stage five times slower.
  const vocabulary = new ConceptVocabulary();
  const unitConcepts = units.map((unit) => vocabulary.concepts(unit.sentence.text));
  const conceptCount = vocabulary.size;
  // Per concept: the sum over articles of its best position weight there, and how many articles.
  const weightSum = new Float64Array(conceptCount);
  const articleCount = new Int32Array(conceptCount);
  const lastArticle = new Int32Array(conceptCount).fill(-1);
  const bestHere = new Float64Array(conceptCount);
  units.forEach((unit, index) => {
    const weight = positionWeights[Math.min(unit.sentence.index, positionWeights.length - 1)] ?? 0;
    for (const concept of unitConcepts[index]!) {
      if (lastArticle[concept] !== unit.article) {
        if (lastArticle[concept]! >= 0) weightSum[concept]! += bestHere[concept]!;
        lastArticle[concept] = unit.article;
        articleCount[concept]!++;
        bestHere[concept] = weight;
      } else if (weight > bestHere[concept]!) bestHere[concept] = weight;
    }
  });
  const conceptWeight = new Float64Array(conceptCount);
  for (let concept = 0; concept < conceptCount; concept++) {
    conceptWeight[concept] = (weightSum[concept]! + bestHere[concept]!) * articleCount[concept]!;
  }

  // A sentence counts its new concepts once per outlet that states its claim: among sentences covering
  // the same phrases, the fact several outlets report beats one outlet's aside. On NeuS validation this
  // added 0.12 ROUGE-2 (both halves gained) and 0.26 ROUGE-L.
  const support = new Float64Array(units.length).fill(1);
  for (let index = 0; index < units.length; index++) {
    const claim = claimOf[index]!;
    if (claim >= 0) support[index] = alignment.claims[claim]!.sources.length;
  }
  const covered = new Uint8Array(conceptCount);
  const gainOf = (unit: number): number => {
    let gain = 0;
    for (const concept of unitConcepts[unit]!) if (covered[concept] === 0) gain += conceptWeight[concept]!;
    return gain * support[unit]!;
  };
  const costOf = new Int32Array(units.length);
  const queue = new CandidateQueue();
  units.forEach((unit, index) => {
    const text = unit.sentence.text;
    const cost = wordLength(text);
    costOf[index] = cost;
    // A sentence cut out of a longer quotation reads as a misquote on its own: never a summary sentence.
    if (
      options.exclude?.has(index) === true ||
      claimOf[index]! < 0 ||
      cost < minimumWords ||
      cost > options.words ||
      !SENTENCE_END.test(text) ||
      !quotesBalanced(text) ||
      // "It is also Putin's car." means nothing without the sentence before it.
      PRONOUN_START.test(text) ||
      // "The plan was first reported by The Times": who broke the news, not what happened.
      FIRST_REPORTED.test(text) ||
      // The second half of a title split at its question mark ("Should X Pay? We Asked An Expert.").
      (unit.sentence.index > 0 && isTitleCase(text))
    )
      return;
    const gain = gainOf(index);
    if (gain > 0) queue.push({ unit: index, ratio: gain / cost });
  });

  // Lazy greedy (Minoux): covering only lowers a sentence's gain, so a stale ratio is an upper bound and
  // a candidate whose fresh ratio still tops the queue is the true best. Same picks as the plain greedy.
  const chosen: CoverageChoice[] = [];
  let used = 0;
  for (let top = queue.pop(); top !== undefined; top = queue.pop()) {
    const cost = costOf[top.unit]!;
    if (used + cost > options.words) continue;
    const gain = gainOf(top.unit);
    if (gain <= 0) continue;
    const ratio = gain / cost;
    const next = queue.peek();
    const fresh = { unit: top.unit, ratio };
    if (next !== undefined && CandidateQueue.before(next, fresh)) {
      queue.push(fresh);
      continue;
    }
    const claim = claimOf[top.unit]!;
    const repeats = chosen.some((other) => {
      const similarity = alignment.similarity(other.unit, top.unit);
      return (
        similarity >= options.redundancy || (other.claim === claim && similarity >= SAME_CLAIM_REDUNDANCY)
      );
    });
    if (repeats) continue;
    const headlines = options.headlines;
    if (headlines?.has(top.unit) === true && chosen.some((other) => headlines.has(other.unit))) continue;
    chosen.push({ unit: top.unit, claim, gain });
    used += cost;
    for (const concept of unitConcepts[top.unit]!) covered[concept] = 1;
  }
  return chosen;
}

/** Interns stemmed words and their bigrams as integers. */
class ConceptVocabulary {
  private readonly words = new Map<string, number>();
  private readonly stopword: boolean[] = [];
  private readonly bigrams = new Map<number, number>();
  private readonly seenIn: number[] = [];
  private sentence = 0;

  /** Number of distinct concepts so far. */
  get size(): number {
    return this.bigrams.size;
  }

  /** Distinct concept ids of a sentence (see {@link sentenceConcepts}). */
  concepts(text: string): Int32Array {
    this.sentence++;
    const result: number[] = [];
    let previous = -1;
    for (const match of text.toLowerCase().matchAll(WORD)) {
      const word = this.word(match[0]);
      if (previous >= 0 && !(this.stopword[previous] && this.stopword[word])) {
        // Word ids stay far below 2^26, so the pair packs exactly into a double.
        const key = previous * 67_108_864 + word;
        let concept = this.bigrams.get(key);
        if (concept === undefined) {
          concept = this.bigrams.size;
          this.bigrams.set(key, concept);
          this.seenIn.push(0);
        }
        if (this.seenIn[concept] !== this.sentence) {
          this.seenIn[concept] = this.sentence;
          result.push(concept);
        }
      }
      previous = word;
    }
    return Int32Array.from(result);
  }

  private word(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      const stop = STOPWORDS.has(word);
      const key = stop ? word : stem(word);
      // Different surface forms with one stem share an id, as "closed" and "closes" do.
      id = this.words.get(`\u0000${key}`);
      if (id === undefined) {
        id = this.stopword.length;
        this.stopword.push(stop);
        this.words.set(`\u0000${key}`, id);
      }
      this.words.set(word, id);
    }
    return id;
  }
}

/** A max-queue of candidates by ratio, ties to the earlier unit, so the greedy is deterministic. */
class CandidateQueue {
  private readonly heap: Array<{ unit: number; ratio: number }> = [];

  /** Whether `a` is taken before `b`. */
  static before(a: { unit: number; ratio: number }, b: { unit: number; ratio: number }): boolean {
    return a.ratio > b.ratio || (a.ratio === b.ratio && a.unit < b.unit);
  }

  push(item: { unit: number; ratio: number }): void {
    const heap = this.heap;
    heap.push(item);
    let position = heap.length - 1;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!CandidateQueue.before(heap[position]!, heap[parent]!)) break;
      [heap[position], heap[parent]] = [heap[parent]!, heap[position]!];
      position = parent;
    }
  }

  peek(): { unit: number; ratio: number } | undefined {
    return this.heap[0];
  }

  pop(): { unit: number; ratio: number } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let position = 0;
      for (;;) {
        const left = position * 2 + 1;
        const right = left + 1;
        let best = position;
        if (left < heap.length && CandidateQueue.before(heap[left]!, heap[best]!)) best = left;
        if (right < heap.length && CandidateQueue.before(heap[right]!, heap[best]!)) best = right;
        if (best === position) break;
        [heap[position], heap[best]] = [heap[best]!, heap[position]!];
        position = best;
      }
    }
    return top;
  }
}
