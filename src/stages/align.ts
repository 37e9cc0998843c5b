import type { AnalyzedArticle, Claim, ClaimKind, EntityIndex, Evidence, Sentence } from '../model/index.js';
import { normalizeName } from '../text/normalize.js';
import { paraphraseClass } from '../text/synonyms.js';
import { appendContentTerms } from '../text/terms.js';

/** Options of {@link alignClaims}. */
export interface AlignOptions {
  /** Similarity at or above which two sentences of different sources state the same fact (default 0.35). */
  threshold?: number;
  /** Entities merged across the story: mentions become alias-proof anchors ("Mr Kim" = "Kim Jong-un"). */
  entities?: EntityIndex;
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
 * adds, about 26 state the same fact.
 */
const DEFAULT_THRESHOLD = 0.35;
/** Weight of terms in a trailing subordinate clause: "X gave Y a car, following reports that …" is about the car. */
const SECONDARY_WEIGHT = 0.5;
const SECONDARY_CLAUSE =
  /(?:,\s+(?:following|as|after|while|because|since|although|though|amid|despite|according|saying|adding|the latest|in what|which|whereas|when)\b)|(?:\s(?:because|following)\s)/i;

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

/** How many of a sentence's rarest terms are used to find candidate partners. */
const BLOCKING_TERMS = 8;
/** Terms in more sentences than this are too common to block on: it keeps pair counts near linear. */
const MAX_POSTINGS = 64;
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
  const addTerm = (factors: Map<number, number>, key: string, factor: number): void => {
    let id = vocabulary.get(key);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(key, id);
    }
    factors.set(id, Math.max(factors.get(id) ?? 0, factor));
  };
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
        if (list) list.push({ start: mention.start, key });
        else mentionsBySentence.set(mention.sentence, [{ start: mention.start, key }]);
      }
    }
    const termsOfToken: string[] = [];
    for (const sentence of sentences) {
      const factors = new Map<number, number>();
      const secondaryFrom = sentence.start + secondaryClauseStart(sentence.text);
      for (let position = sentence.tokenStart; position < sentence.tokenEnd; position++) {
        const token = tokens[position]!;
        if (token.kind !== 'word' && token.kind !== 'number') continue;
        const factor = token.start >= secondaryFrom ? SECONDARY_WEIGHT : 1;
        termsOfToken.length = 0;
        appendContentTerms(token, termsOfToken);
        for (const term of termsOfToken) addTerm(factors, paraphraseClass(term), factor);
      }
      for (const mention of mentionsBySentence.get(sentence.index) ?? []) {
        addTerm(factors, mention.key, mention.start >= secondaryFrom ? SECONDARY_WEIGHT : 1);
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

  const negated = units.map((unit) => NEGATION.test(unit.sentence.text));
  const similarity = (first: number, second: number): number =>
    cosine(units[first]!, units[second]!) * (negated[first] === negated[second] ? 1 : POLARITY_FACTOR);
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
  const sourceCount = new Set(articles.map((article) => article.source.id)).size;
  const maxCentrality = Math.max(1e-9, ...units.map((unit) => unit.centrality));
  const members: number[][] = [];
  const claims: Claim[] = [];
  for (const cluster of clusters) {
    const ordered = orderByRepresentativeness(cluster, units, similarity);
    const evidence: Evidence[] = ordered.map((index) => {
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

function cosine(first: AlignedUnit, second: AlignedUnit): number {
  if (first.norm === 0 || second.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const a = first.terms;
  const b = second.terms;
  while (i < a.length && j < b.length) {
    const left = a[i]!;
    const right = b[j]!;
    if (left === right) {
      dot += first.weights[i]! * second.weights[j]!;
      i++;
      j++;
    } else if (left < right) i++;
    else j++;
  }
  return dot / (first.norm * second.norm);
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
 * per source, and a sentence joins only if it is close to the claim as a whole, which stops chaining.
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
    if (rightMembers.some((index) => leftArticles.has(units[index]!.article))) continue;
    let total = 0;
    for (const a of leftMembers) for (const b of rightMembers) total += similarity(a, b);
    if (total / (leftMembers.length * rightMembers.length) < threshold * 0.75) continue;
    for (const index of rightMembers) {
      leftMembers.push(index);
      clusterOf[index] = left;
    }
    clusters[right] = undefined;
  }
  return clusters.filter((cluster): cluster is number[] => cluster !== undefined);
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
