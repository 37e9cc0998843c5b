import type {
  AnalyzedArticle,
  Claim,
  ClaimKind,
  EntityIndex,
  Evidence,
  Sentence,
  Token,
} from '../model/index.js';
import { maxOf } from '../text/iterables.js';
import { normalizeName } from '../text/normalize.js';
import { paraphraseClass } from '../text/synonyms.js';
import { appendContentTerms, stem } from '../text/terms.js';

/** Options of {@link alignClaims}. */
export interface AlignOptions {
  /** Similarity at or above which two sentences of different sources state the same fact (default 0.33). */
  threshold?: number;
  /** Entities merged across the story: mentions become alias-proof anchors ("Mr Kim" = "Kim Jong-un"). */
  entities?: EntityIndex;
  /**
   * How interchangeable two words are, in [0, 1] (word vectors and WordNet, loaded at the edge): words of
   * two sentences that no exact term joins count as shared by their relatedness ("penchant" / "affinity").
   * Without it, only exact terms and the paraphrase classes match.
   */
  related?: (first: string, second: string) => number;
}

/** A sentence of one article, as alignment sees it. */
export interface AlignedUnit {
  article: number;
  sentence: Sentence;
  /** Sorted term ids and their weights. */
  terms: Int32Array;
  weights: Float64Array;
  norm: number;
  /** Sum of similarities to sentences of other sources: how central the sentence is to the story. */
  centrality: number;
}

/** The claims of a story and how they were formed, for the stages that rank and summarise them. */
export interface ClaimAlignment {
  claims: Claim[];
  units: AlignedUnit[];
  /** Unit indices of each claim, parallel to {@link claims}; the representative first. */
  members: number[][];
  /** Cosine similarity of two units. */
  similarity(first: number, second: number): number;
}

/*
 * Measured with `npm run eval -- --task alignment` (AllSides crawl, 469 stories of three outlets): at 0.45
 * 49 stories had a fact all three outlets report, at 0.35 115 (shared facts per story 0.55 → 0.97);
 * sentences aligned across two different events 0.002 → 0.015 per story; of 30 sampled pairs that 0.35
 * adds, about 26 state the same fact. With the paraphrase classes, compounds, the two-shared-words floor,
 * leading-clause weighting, the denial factor and {@link COHESION}: 0.35 gives 196 stories with a
 * three-outlet fact at 0.017 cross-event alignments per story, 0.33 208 at 0.021, 0.30 241 at 0.030 (of 20
 * claims 0.30 adds, 16 state one fact, 3 mix a neighbouring one in), 0.28 263 at 0.030 but joins the long
 * seed articles' background sentences that share only the setting. 0.33 keeps the cross-event rate near
 * where it was and NeuS validation ROUGE-2 at its best (19.35; 19.15 at 0.30): a wrong "reported by all"
 * costs a reader more than a missed one.
 */
const DEFAULT_THRESHOLD = 0.33;
/**
 * Two sentences must share at least this many words (names as words count; the entity anchor added for a
 * name does not), so that a headline fragment ("Here's what it means") does not align on one rare word.
 */
const MIN_SHARED_TERMS = 2;
/**
 * A claim takes in a sentence only when its mean similarity to the claim's sentences reaches this share of
 * the threshold. At 0.75 with the 0.30 threshold, a third outlet's sentence on a neighbouring fact often
 * joined two that state one fact (of 20 new three-outlet claims, 5 were such mixes); 0.85 removes most of
 * them at a cost of 8 of 249 stories.
 */
const COHESION = 0.85;
/**
 * A sentence or a pair joining a claim of at least {@link LARGE_CLAIM} sentences needs a mean similarity of
 * only this share of the threshold: one strong link is still required, and over three or more paraphrases
 * of one fact the mean is pulled down by wording, not by a different fact. On ECB+ gold (0.33) it raised
 * recall 0.135 → 0.149 at the same precision; two large claims still merge only at {@link COHESION}, since
 * relaxing that too joined the sister events (cross-event pairs 0.127 → 0.150).
 */
const LARGE_CLAIM_COHESION = 0.7;
const LARGE_CLAIM = 3;
/** Weight of terms in a trailing subordinate clause: "X gave Y a car, following reports that …" is about the car. */
const SECONDARY_WEIGHT = 0.5;
const SECONDARY_CLAUSE =
  /(?:,\s+(?:following|as|after|while|because|since|although|though|amid|despite|according|saying|adding|the latest|in what|which|whereas|when)\b)|(?:\s(?:because|following)\s)/i;

/**
 * A leading subordinate clause sets the scene ("When Kim visited Russia in September, Putin showed him …",
 * "Since the visit, exchanges have grown"): two sentences sharing only the scene state different facts.
 */
const LEADING_CLAUSE =
  /^["“‘']?(?:when|since|after|as|while|although|though|because|before|if|despite|amid|following|during|once|until|unlike)\b[^,;:]{3,140},\s/i;

/** Offset within a sentence where its leading subordinate clause ends (0 when there is none). */
function leadingClauseEnd(text: string): number {
  const match = LEADING_CLAUSE.exec(text);
  return match ? match[0].length : 0;
}

/** Offset within a sentence where its trailing subordinate clause begins (its length when there is none). */
function secondaryClauseStart(text: string): number {
  const match = SECONDARY_CLAUSE.exec(text);
  return match && match.index > 20 ? match.index : text.length;
}
/**
 * A sentence that denies or negates and one that does not rarely state the same fact, however many words
 * they share ("North Korea has denied shipping arms, which would violate sanctions" vs "The gift has
 * violated sanctions"): their similarity is scaled down.
 */
const NEGATION = /\b(?:not|never|no longer|denied|denies|deny|denying|rejected|dismissed)\b|n[’']t\b/i;
const POLARITY_FACTOR = 0.7;
/**
 * A denial against the statement it denies is a stronger split than a negation ("will no longer raid" /
 * "stops raids" state one fact): at a threshold low enough to join paraphrases, ×0.7 let "X denied shipping
 * arms, which would violate sanctions" join "the gift violated sanctions".
 */
const DENIAL = /\bden(?:y|ies|ied|ying|ial)\b/i;
const DENIAL_FACTOR = 0.5;

/** How many of a sentence's rarest terms are used to find candidate partners. */
const BLOCKING_TERMS = 12;
/** Terms in more sentences than this are too common to block on: it keeps pair counts near linear. */
const MAX_POSTINGS = 128;
/** Below this, a pair adds nothing to centrality. */
const CENTRALITY_FLOOR = 0.1;

/** A sentence opening on a pronoun or connector leans on the sentence before it. */
export const PRONOUN_START =
  /^(?:["“'‘(]?)(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|so|also|such)\b/i;

/**
 * Aligns sentences of different sources that state the same fact into claims.
 * Needs: analyzed articles (sentences, tokens, mentions). Adds: claims with every source's evidence.
 * Cost grows gently with the story: candidate pairs come only from shared rare terms (blocking),
 * never from comparing all pairs.
 */
export function alignClaims(
  articles: readonly AnalyzedArticle[],
  options: AlignOptions = {},
): ClaimAlignment {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const vocabulary = new Map<string, number>();
  const rawUnits: Array<{ article: number; sentence: Sentence; termFactors: Map<number, number> }> = [];
  // The word as written behind each term, for comparing words by meaning where their terms differ.
  const surfaces: Array<string | undefined> = [];
  const addTerm = (factors: Map<number, number>, key: string, factor: number, surface?: string): void => {
    let id = vocabulary.get(key);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(key, id);
      surfaces.push(surface);
    }
    factors.set(id, Math.max(factors.get(id) ?? 0, factor));
  };
  const closedCompounds = singleWords(articles);
  articles.forEach((article, articleIndex) => {
    const { tokens, sentences } = article.segmentation;
    const mentionsBySentence = new Map<number, Array<{ start: number; key: string }>>();
    if (options.entities) {
      const canonical = new Map<string, string>();
      for (const mention of article.mentions) {
        let key = canonical.get(mention.text);
        if (key === undefined) {
          key = `@${normalizeName(options.entities.canonicalName(article.source.id, mention.text) ?? mention.text)}`;
          canonical.set(mention.text, key);
        }
        const list = mentionsBySentence.get(mention.sentence);
        const entry = { start: mention.start, key };
        if (list) list.push(entry);
        else mentionsBySentence.set(mention.sentence, [entry]);
      }
    }
    // A sentence repeated word for word within one article ("Kim met Putin." × 10,000, a page's text
    // pasted twice) states its fact once: only its first occurrence is aligned, so the repeats neither
    // weigh on term frequencies nor multiply the pairs to score.
    const seen = new Set<string>();
    for (const sentence of sentences) {
      const repeated = sentence.text.replace(/\s+/g, ' ').trim();
      if (seen.has(repeated)) continue;
      seen.add(repeated);
      const factors = new Map<number, number>();
      const secondaryFrom = sentence.start + secondaryClauseStart(sentence.text);
      const primaryFrom = sentence.start + leadingClauseEnd(sentence.text);
      const mentions = mentionsBySentence.get(sentence.index) ?? [];
      sentenceTerms(tokens, sentence, closedCompounds, (term, offset, surface) =>
        addTerm(
          factors,
          term,
          offset >= secondaryFrom || offset < primaryFrom ? SECONDARY_WEIGHT : 1,
          surface,
        ),
      );
      for (const mention of mentions) {
        addTerm(
          factors,
          mention.key,
          mention.start >= secondaryFrom || mention.start < primaryFrom ? SECONDARY_WEIGHT : 1,
        );
      }
      rawUnits.push({ article: articleIndex, sentence, termFactors: factors });
    }
  });

  const documentFrequency = new Int32Array(vocabulary.size);
  for (const unit of rawUnits) for (const id of unit.termFactors.keys()) documentFrequency[id]!++;
  const unitCount = rawUnits.length;
  const inverse = new Float64Array(vocabulary.size);
  // The square root flattens IDF so that the names a story repeats still count when two outlets share them.
  for (let id = 0; id < vocabulary.size; id++)
    inverse[id] = Math.sqrt(Math.log(1 + unitCount / documentFrequency[id]!));

  const units: AlignedUnit[] = rawUnits.map((unit) => {
    const terms = Int32Array.from([...unit.termFactors.keys()].sort((a, b) => a - b));
    const weights = new Float64Array(terms.length);
    let squares = 0;
    terms.forEach((id, position) => {
      const weight = inverse[id]! * unit.termFactors.get(id)!;
      weights[position] = weight;
      squares += weight * weight;
    });
    return {
      article: unit.article,
      sentence: unit.sentence,
      terms,
      weights,
      norm: Math.sqrt(squares),
      centrality: 0,
    };
  });

  const anchor = new Uint8Array(vocabulary.size);
  for (const [key, id] of vocabulary) if (key.startsWith('@')) anchor[id] = 1;
  const negated = units.map((unit) => NEGATION.test(unit.sentence.text));
  const denies = units.map((unit) => DENIAL.test(unit.sentence.text));
  const soft = options.related === undefined ? undefined : softMatcher(surfaces, anchor, options.related);
  const softCosines = new Map<number, number>();
  const unitCosine = (first: number, second: number): number => {
    if (soft === undefined) return cosine(units[first]!, units[second]!, anchor);
    const key = first < second ? first * units.length + second : second * units.length + first;
    let value = softCosines.get(key);
    if (value === undefined) {
      value = cosine(units[first]!, units[second]!, anchor, soft);
      softCosines.set(key, value);
    }
    return value;
  };
  const similarity = (first: number, second: number): number =>
    unitCosine(first, second) *
    (denies[first] !== denies[second]
      ? DENIAL_FACTOR
      : negated[first] === negated[second]
        ? 1
        : POLARITY_FACTOR);
  const pairs = candidatePairs(units, documentFrequency);
  const strong: Array<[number, number, number]> = [];
  for (const [first, second] of pairs) {
    const value = similarity(first, second);
    if (value >= CENTRALITY_FLOOR) {
      units[first]!.centrality += value;
      units[second]!.centrality += value;
    }
    if (value >= threshold) strong.push([first, second, value]);
  }
  strong.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);

  const clusters = clusterUnits(units, strong, similarity, threshold);
  const secondary = secondaryEvidence(units, clusters, strong, similarity, threshold);
  const sourceCount = new Set(articles.map((article) => article.source.id)).size;
  const maxCentrality = maxOf(
    units.map((unit) => unit.centrality),
    1e-9,
  );
  const members: number[][] = [];
  const claims: Claim[] = [];
  for (const cluster of clusters) {
    const ordered = orderByRepresentativeness(cluster, units, similarity);
    const evidence: Evidence[] = [...ordered, ...(secondary.get(cluster) ?? [])].map((index) => {
      const unit = units[index]!;
      const source = articles[unit.article]!.source;
      return {
        source: source.id,
        start: unit.sentence.start,
        end: unit.sentence.end,
        text: unit.sentence.text,
      };
    });
    const sources = [...new Set(evidence.map((item) => item.source))];
    const kind: ClaimKind =
      sources.length >= 2 && sources.length === sourceCount
        ? 'consensus'
        : sources.length >= 2
          ? 'shared'
          : 'unique';
    const representative = units[ordered[0]!]!;
    claims.push({
      id: '',
      text: representative.sentence.text,
      sources,
      evidence,
      kind,
      score: claimScore(ordered, units, articles, sources.length, sourceCount, maxCentrality),
    });
    members.push(ordered);
  }
  const order = claims.map((_, index) => index).sort((a, b) => claims[b]!.score - claims[a]!.score || a - b);
  const sortedClaims = order.map((index, rank) => ({ ...claims[index]!, id: `c${rank + 1}` }));
  const sortedMembers = order.map((index) => members[index]!);
  return { claims: sortedClaims, units, members: sortedMembers, similarity };
}

/** Number words as digits: "two civilians" and "2 civilians" are one fact (not "one": mostly a pronoun). */
const NUMBER_WORDS = new Map(
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map(
    (word, index) => [word, String(index + 2)] as const,
  ),
);
/** Magnitudes written as a letter after the number ("$1.9T", "$3.5bn"). */
const MAGNITUDE_SUFFIX = /^(\d[\d.]*)(t|tn|trn|b|bn|m|mn|k)$/;
const MAGNITUDE_WORDS: Readonly<Record<string, string>> = {
  t: 'trillion',
  tn: 'trillion',
  trn: 'trillion',
  b: 'billion',
  bn: 'billion',
  m: 'million',
  mn: 'million',
  k: 'thousand',
};
const HYPHEN_PUNCTUATION = /^[-‐‑]$/;

/**
 * Words of five letters or more written closed somewhere in the story ("worksite", "ceasefire"), so that
 * the open and hyphenated forms of the same compound ("work site", "cease-fire") can be joined to them.
 */
function singleWords(articles: readonly AnalyzedArticle[]): Set<string> {
  const words = new Set<string>();
  for (const article of articles) {
    for (const token of article.segmentation.tokens) {
      if (token.kind === 'word' && token.normal.length >= 5 && !HYPHEN.test(token.normal))
        words.add(token.normal);
    }
  }
  return words;
}
const HYPHEN = /[-‐‑]/;

/**
 * Calls `emit` with each alignment term of a sentence and the offset where it stands: paraphrase classes
 * of content stems, numbers with their magnitude words, number words as digits, a word joined to the
 * number it is hyphenated to ("COVID-19" → covid19, "G-7" → g7), and compounds in the closed form the story
 * also uses.
 */
function sentenceTerms(
  tokens: readonly Token[],
  sentence: Sentence,
  closedCompounds: ReadonlySet<string>,
  emit: (term: string, offset: number, surface?: string) => void,
): void {
  const termsOfToken: string[] = [];
  for (let position = sentence.tokenStart; position < sentence.tokenEnd; position++) {
    const token = tokens[position]!;
    if (token.kind === 'punctuation' && token.text === '%') {
      emit('percent', token.start);
      continue;
    }
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    if (token.kind === 'word') {
      const hyphen = tokens[position + 1];
      const number = tokens[position + 2];
      if (
        position + 2 < sentence.tokenEnd &&
        hyphen?.kind === 'punctuation' &&
        HYPHEN_PUNCTUATION.test(hyphen.text) &&
        number?.kind === 'number' &&
        hyphen.start === token.end &&
        number.start === hyphen.end
      ) {
        emit(paraphraseClass(`${token.normal}${number.normal}`), token.start);
        position += 2;
        continue;
      }
      const digits = NUMBER_WORDS.get(token.normal);
      if (digits !== undefined) {
        emit(digits, token.start);
        continue;
      }
      const closed = HYPHEN.test(token.normal) ? token.normal.replace(/[-‐‑]/g, '') : undefined;
      if (closed !== undefined && closedCompounds.has(closed)) {
        emit(paraphraseClass(stem(closed)), token.start);
        continue;
      }
      const next = tokens[position + 1];
      if (
        next?.kind === 'word' &&
        position + 1 < sentence.tokenEnd &&
        next.start === token.end + 1 &&
        closedCompounds.has(token.normal + next.normal)
      ) {
        emit(paraphraseClass(stem(token.normal + next.normal)), token.start);
        position += 1;
        continue;
      }
    } else {
      const magnitude = MAGNITUDE_SUFFIX.exec(token.normal.replace(/,/g, ''));
      if (magnitude) {
        emit(magnitude[1]!, token.start);
        emit(MAGNITUDE_WORDS[magnitude[2]!]!, token.start);
        continue;
      }
    }
    termsOfToken.length = 0;
    appendContentTerms(token, termsOfToken);
    const surface = token.kind === 'word' && termsOfToken.length === 1 ? token.normal : undefined;
    for (const term of termsOfToken) emit(paraphraseClass(term), token.start, surface);
  }
}

/** Relatedness at or above which two words of two sentences count as one shared word. */
const SOFT_MATCH_MIN = 0.75;
/** Exact-term similarity below which two sentences are not compared word by word for meaning. */
const SOFT_FLOOR = 0.15;

/** Relatedness of two term ids, by their words, memoised; 0 for entity anchors and unknown words. */
type SoftMatcher = (first: number, second: number) => number;

function softMatcher(
  surfaces: ReadonlyArray<string | undefined>,
  anchor: Uint8Array,
  related: (first: string, second: string) => number,
): SoftMatcher {
  const memo = new Map<number, number>();
  const size = surfaces.length;
  return (first, second) => {
    const key = first < second ? first * size + second : second * size + first;
    let value = memo.get(key);
    if (value === undefined) {
      const left = surfaces[first];
      const right = surfaces[second];
      value =
        left === undefined || right === undefined || anchor[first] === 1 || anchor[second] === 1
          ? 0
          : related(left, right);
      memo.set(key, value);
    }
    return value;
  };
}

function cosine(first: AlignedUnit, second: AlignedUnit, anchor: Uint8Array, soft?: SoftMatcher): number {
  if (first.norm === 0 || second.norm === 0) return 0;
  let dot = 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  const a = first.terms;
  const b = second.terms;
  const unmatchedFirst: number[] = [];
  const unmatchedSecond: number[] = [];
  while (i < a.length && j < b.length) {
    const left = a[i]!;
    const right = b[j]!;
    if (left === right) {
      dot += first.weights[i]! * second.weights[j]!;
      if (anchor[left] === 0) shared++;
      i++;
      j++;
    } else if (left < right) {
      if (soft !== undefined) unmatchedFirst.push(i);
      i++;
    } else {
      if (soft !== undefined) unmatchedSecond.push(j);
      j++;
    }
  }
  // Only a near miss is worth the words' relatedness: most pairs share too little for it to matter.
  if (soft !== undefined && shared > 0 && dot >= SOFT_FLOOR * first.norm * second.norm) {
    for (; i < a.length; i++) unmatchedFirst.push(i);
    for (; j < b.length; j++) unmatchedSecond.push(j);
    // Each word of one sentence meets at most one word of the other, its most related.
    const used = new Set<number>();
    for (const left of unmatchedFirst) {
      let best = -1;
      let bestValue = SOFT_MATCH_MIN;
      for (const right of unmatchedSecond) {
        if (used.has(right)) continue;
        const value = soft(a[left]!, b[right]!);
        if (value >= bestValue) {
          best = right;
          bestValue = value;
        }
      }
      if (best < 0) continue;
      used.add(best);
      dot += first.weights[left]! * second.weights[best]! * bestValue;
      shared++;
    }
  }
  return shared >= MIN_SHARED_TERMS ? dot / (first.norm * second.norm) : 0;
}

/** Pairs of units from different articles that share at least one of their rarest terms. */
function candidatePairs(
  units: readonly AlignedUnit[],
  documentFrequency: Int32Array,
): Array<[number, number]> {
  const postings = new Map<number, number[]>();
  const blocking: number[][] = units.map((unit) => {
    const chosen = [...unit.terms]
      .filter((id) => documentFrequency[id]! >= 2 && documentFrequency[id]! <= MAX_POSTINGS)
      .sort((a, b) => documentFrequency[a]! - documentFrequency[b]! || a - b)
      .slice(0, BLOCKING_TERMS);
    return chosen;
  });
  blocking.forEach((terms, unitIndex) => {
    for (const id of terms) {
      const list = postings.get(id);
      if (list) list.push(unitIndex);
      else postings.set(id, [unitIndex]);
    }
  });
  const pairs: Array<[number, number]> = [];
  const seenBy = new Int32Array(units.length).fill(-1);
  blocking.forEach((terms, unitIndex) => {
    const article = units[unitIndex]!.article;
    for (const id of terms) {
      for (const other of postings.get(id) ?? []) {
        if (other <= unitIndex || seenBy[other] === unitIndex || units[other]!.article === article) continue;
        seenBy[other] = unitIndex;
        pairs.push([unitIndex, other]);
      }
    }
  });
  return pairs;
}

/**
 * Greedy average-link clustering over strong pairs, strongest first. A claim holds at most one sentence
 * per source, and a sentence joins only if it is close to the claim as a whole, which stops chaining; a
 * source's second sentence may move into a claim or take the place of its first (see `swapUnit`).
 */
function clusterUnits(
  units: readonly AlignedUnit[],
  strong: ReadonlyArray<[number, number, number]>,
  similarity: (first: number, second: number) => number,
  threshold: number,
): number[][] {
  const clusterOf = new Int32Array(units.length);
  const clusters: Array<number[] | undefined> = units.map((_, index) => {
    clusterOf[index] = index;
    return [index];
  });
  for (const [first, second] of strong) {
    const left = clusterOf[first]!;
    const right = clusterOf[second]!;
    if (left === right) continue;
    const leftMembers = clusters[left]!;
    const rightMembers = clusters[right]!;
    const leftArticles = new Set(leftMembers.map((index) => units[index]!.article));
    if (rightMembers.some((index) => leftArticles.has(units[index]!.article))) {
      if (
        !moveUnit(second, leftMembers, rightMembers, left) &&
        !moveUnit(first, rightMembers, leftMembers, right) &&
        !swapUnit(second, leftMembers, rightMembers, left, right)
      )
        swapUnit(first, rightMembers, leftMembers, right, left);
      continue;
    }
    let total = 0;
    for (const a of leftMembers) for (const b of rightMembers) total += similarity(a, b);
    const large =
      Math.max(leftMembers.length, rightMembers.length) >= LARGE_CLAIM &&
      Math.min(leftMembers.length, rightMembers.length) < LARGE_CLAIM;
    const cohesion = large ? LARGE_CLAIM_COHESION : COHESION;
    if (total / (leftMembers.length * rightMembers.length) < threshold * cohesion) continue;
    for (const index of rightMembers) {
      leftMembers.push(index);
      clusterOf[index] = left;
    }
    clusters[right] = undefined;
  }
  return clusters.filter((cluster): cluster is number[] => cluster !== undefined);

  /**
   * Two claims that cannot merge (both hold a sentence of one source) may still share a sentence that fits
   * the other claim as well as a member: it moves when the claim it joins is at least as large as the one
   * it leaves, so a fact three sources state is not split by one source's headline and lead.
   */
  function moveUnit(mover: number, target: number[], current: number[], targetId: number): boolean {
    if (target.length < current.length) return false;
    const article = units[mover]!.article;
    if (target.some((index) => units[index]!.article === article)) return false;
    let total = 0;
    for (const index of target) total += similarity(mover, index);
    if (total / target.length < threshold) return false;
    current.splice(current.indexOf(mover), 1);
    target.push(mover);
    clusterOf[mover] = targetId;
    return true;
  }

  /**
   * A lone sentence whose source already stands in the claim by another sentence takes that sentence's
   * place when it fits the rest of the claim better (a lead that states the fact against a headline that
   * only names it); the sentence it replaces is left alone, free to join another claim. Without the swap the
   * first sentence of a source to arrive kept its place whatever came later; with it, fewer claims mixed the
   * sister events of ECB+ (cross-event pairs 0.131 → 0.114 at 0.33).
   */
  function swapUnit(
    mover: number,
    target: number[],
    current: number[],
    targetId: number,
    currentId: number,
  ): boolean {
    if (current.length !== 1) return false;
    const article = units[mover]!.article;
    const holder = target.find((index) => units[index]!.article === article);
    if (holder === undefined || target.length < 2) return false;
    let moverFit = 0;
    let holderFit = 0;
    for (const index of target) {
      if (index === holder) continue;
      moverFit += similarity(mover, index);
      holderFit += similarity(holder, index);
    }
    if (moverFit <= holderFit || moverFit / (target.length - 1) < threshold) return false;
    target[target.indexOf(holder)] = mover;
    clusterOf[mover] = targetId;
    current[0] = holder;
    clusterOf[holder] = currentId;
    return true;
  }
}

/**
 * Sentences that state a claim's fact besides its members: a source's second statement of the fact
 * (headline and lead, lead and body), and a sentence that states two facts, whose clustering put it in the
 * other fact's claim. A claim holds one sentence per source so that clustering does not chain; these join
 * its evidence afterwards, each when it is as close to the claim's other sources as a member must be, and
 * never become its representative.
 */
function secondaryEvidence(
  units: readonly AlignedUnit[],
  clusters: readonly number[][],
  strong: ReadonlyArray<[number, number, number]>,
  similarity: (first: number, second: number) => number,
  threshold: number,
): Map<readonly number[], number[]> {
  const clusterOf = new Map<number, number[]>();
  for (const cluster of clusters) for (const index of cluster) clusterOf.set(index, cluster);
  const added = new Map<readonly number[], number[]>();
  // Close on average and to most of the other sources: a sentence that shares only a speaker and a
  // setting with one member ("Mayor Holt said at the ceremony …") is close to that member alone.
  // Close on average and to most of the other sources: a sentence that shares only a speaker and a
  // setting with one member ("Mayor Holt said at the ceremony …") is close to that member alone.
  const fits = (unit: number, cluster: readonly number[]): boolean => {
    const article = units[unit]!.article;
    let total = 0;
    let count = 0;
    let close = 0;
    for (const member of cluster) {
      if (units[member]!.article === article) continue;
      const value = similarity(unit, member);
      total += value;
      count++;
      if (value >= threshold * COHESION) close++;
    }
    return count > 0 && total / count >= threshold && close >= Math.ceil((count * 2) / 3);
  };
  for (const [first, second] of strong) {
    for (const [unit, other] of [
      [first, second],
      [second, first],
    ] as const) {
      const cluster = clusterOf.get(other)!;
      if (cluster === clusterOf.get(unit) || cluster.length < 2) continue;
      const list = added.get(cluster) ?? [];
      if (list.includes(unit) || !fits(unit, cluster)) continue;
      list.push(unit);
      added.set(cluster, list);
    }
  }
  for (const list of added.values()) list.sort((a, b) => a - b);
  return added;
}

/**
 * Orders a claim's sentences best representative first: close to the others, self-contained
 * (no leading pronoun or quotation), of a readable length.
 */
function orderByRepresentativeness(
  cluster: readonly number[],
  units: readonly AlignedUnit[],
  similarity: (first: number, second: number) => number,
): number[] {
  const quality = new Map<number, number>();
  for (const index of cluster) {
    const unit = units[index]!;
    let closeness = 0;
    for (const other of cluster) if (other !== index) closeness += similarity(index, other);
    if (cluster.length > 1) closeness /= cluster.length - 1;
    quality.set(index, closeness + readability(unit.sentence.text));
  }
  return [...cluster].sort((a, b) => quality.get(b)! - quality.get(a)! || a - b);
}

/** "…," she said: a reader taking the sentence alone does not learn who spoke. */
const PRONOUN_ATTRIBUTION = /["”’'],?\s+(?:he|she|they)\s+(?:said|added|says|told|wrote|continued)\b/i;

/**
 * Whether every quotation the sentence opens it also closes. A sentence cut out of a multi-sentence
 * quotation ("I will not gamble," she said.) reads as a misquote when shown alone.
 */
export function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opening = (text.match(/“/g) ?? []).length;
  const closing = (text.match(/”/g) ?? []).length;
  return straight % 2 === 0 && opening === closing;
}

/** A small bonus for sentences a reader can take alone; penalties for fragments and dangling openers. */
export function readability(text: string): number {
  const words = text.split(/\s+/).length;
  let value = 0;
  if (PRONOUN_START.test(text)) value -= 0.3;
  if (/^["“‘']/.test(text)) value -= 0.2;
  if (!/[.!?]["”’')\]]?$/.test(text)) value -= 0.3;
  if (words < 8) value -= 0.2;
  if (words > 45) value -= 0.2;
  if (!quotesBalanced(text)) value -= 0.5;
  if (PRONOUN_ATTRIBUTION.test(text)) value -= 0.25;
  return value;
}

function claimScore(
  ordered: readonly number[],
  units: readonly AlignedUnit[],
  articles: readonly AnalyzedArticle[],
  support: number,
  sourceCount: number,
  maxCentrality: number,
): number {
  let centrality = 0;
  let position = 0;
  for (const index of ordered) {
    const unit = units[index]!;
    centrality = Math.max(centrality, unit.centrality / maxCentrality);
    const total = articles[unit.article]!.segmentation.sentences.length;
    position = Math.max(position, 1 - unit.sentence.index / Math.max(1, total));
  }
  const supportShare = sourceCount > 1 ? (support - 1) / (sourceCount - 1) : 0;
  const lead = units[ordered[0]!]!.sentence.index === 0 ? 0.15 : 0;
  return Math.round((supportShare * 0.5 + centrality * 0.3 + position * 0.2 + lead) * 1e6) / 1e6;
}
