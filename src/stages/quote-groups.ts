import type { AnalyzedArticle, EntityIndex, QuoteGroup, QuoteMention, QuoteVariant } from '../model/index.js';
import { normalizeWord } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { DisjointSets } from './disjoint-sets.js';
import { foldSpelling } from './entity-names.js';

/*
 * Groups renderings of the same quote across sources by their longest common run of words. Written by
 * hand because the comparison is specific (folded spellings, partial quotes inside longer ones, exact
 * evidence per variant) and a shingle index keeps it near-linear in the number of quotes.
 */

/** A shared run of at least this many words, covering this share of the shorter quote, makes one quote. */
const MIN_SHARED_WORDS = 3;
const MIN_SHARED_SHARE = 0.6;
/** A shared run this long joins two quotes whatever their lengths (a long quote cut differently). */
const LONG_SHARED_WORDS = 8;
const SHINGLE = 3;

interface Candidate {
  order: number;
  articleIndex: number;
  source: string;
  quote: QuoteMention;
  words: string[];
}

/**
 * One group per quote across sources: variants whose words overlap (a partial quote inside a longer one
 * joins it), the speaker most variants name (as canonical entity names), the fullest text, sorted by
 * number of sources.
 * @param articles - the analysed articles, with their quotes
 * @param entities - the merged entities, used to canonicalise each variant's speaker
 */
export function groupQuotes(articles: readonly AnalyzedArticle[], entities: EntityIndex): QuoteGroup[] {
  const candidates: Candidate[] = [];
  articles.forEach((article, articleIndex) => {
    for (const quote of article.quotes) {
      candidates.push({
        order: candidates.length,
        articleIndex,
        source: article.source.id,
        quote,
        words: quoteWords(quote.text),
      });
    }
  });
  const sets = new DisjointSets(candidates.length);
  const find = (index: number): number => sets.find(index);
  const union = (left: number, right: number): void => sets.union(left, right);
  // Wire copies repeat quotes word for word: identical renderings join without comparison.
  const identical = new Map<string, number>();
  const shingles = new Map<string, number[]>();
  for (const candidate of candidates) {
    const joined = candidate.words.join(' ');
    const twin = identical.get(joined);
    if (twin !== undefined) {
      union(twin, candidate.order);
      continue;
    }
    identical.set(joined, candidate.order);
    const comparedRoots = new Set<number>();
    const own = shinglesOf(candidate.words);
    for (const shingle of own) {
      for (const other of shingles.get(shingle) ?? []) {
        const otherRoot = find(other);
        if (otherRoot === find(candidate.order) || comparedRoots.has(other)) continue;
        comparedRoots.add(other);
        if (sameQuote(candidate.words, candidates[other]!.words)) union(other, candidate.order);
      }
    }
    for (const shingle of own) {
      const holders = shingles.get(shingle);
      if (!holders) shingles.set(shingle, [candidate.order]);
      // One holder per group and shingle keeps the index small when many sources carry a quote.
      else if (!holders.some((holder) => find(holder) === find(candidate.order)))
        holders.push(candidate.order);
    }
  }
  const members = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const root = find(candidate.order);
    members.set(root, [...(members.get(root) ?? []), candidate]);
  }
  const groups = [...members.values()].map((group) => toGroup(group, entities));
  return groups
    .map((group, position) => ({ group, position }))
    .sort(
      (left, right) =>
        right.group.sources.length - left.group.sources.length ||
        right.group.variants.length - left.group.variants.length ||
        left.position - right.position,
    )
    .map(({ group }) => group);
}

/** Lower-cased words of a quote with spellings folded: what two renderings are compared on. */
export function quoteWords(text: string): string[] {
  return (normalizeWord(text).match(/[a-z0-9]+/g) ?? []).map(foldSpelling);
}

function shinglesOf(words: readonly string[]): string[] {
  if (words.length < SHINGLE) return words.length === 0 ? [] : [words.join(' ')];
  const result: string[] = [];
  for (let index = 0; index + SHINGLE <= words.length; index++) {
    const slice = words.slice(index, index + SHINGLE);
    // Runs of function words ("of the two") would make every quote a candidate of every other.
    if (slice.every((word) => STOPWORDS.has(word))) continue;
    result.push(slice.join(' '));
  }
  return result;
}

/** Longest run of words two quotes share, by dynamic programming: its length and where it ends in `left`. */
export function longestSharedRun(
  left: readonly string[],
  right: readonly string[],
): { length: number; leftEnd: number } {
  let best = 0;
  let leftEnd = 0;
  let previous = new Int32Array(right.length + 1);
  let current = new Int32Array(right.length + 1);
  for (let row = 1; row <= left.length; row++) {
    const word = left[row - 1];
    for (let column = 1; column <= right.length; column++) {
      if (word === right[column - 1]) {
        const run = previous[column - 1]! + 1;
        current[column] = run;
        if (run > best) {
          best = run;
          leftEnd = row;
        }
      } else current[column] = 0;
    }
    [previous, current] = [current, previous];
  }
  return { length: best, leftEnd };
}

/**
 * Whether two word sequences render the same quote: a long shared run, or a run covering most of the
 * shorter quote that holds at least two content words ("the two countries" alone is not a quote).
 */
export function sameQuote(left: readonly string[], right: readonly string[]): boolean {
  const shorter = Math.min(left.length, right.length);
  if (shorter === 0) return false;
  const shared = longestSharedRun(left, right);
  if (shared.length >= LONG_SHARED_WORDS) return true;
  if (shared.length < Math.min(MIN_SHARED_WORDS, shorter) || shared.length / shorter < MIN_SHARED_SHARE)
    return false;
  const run = left.slice(shared.leftEnd - shared.length, shared.leftEnd);
  return run.filter((word) => !STOPWORDS.has(word)).length >= Math.min(2, shorter);
}

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'it']);

function toGroup(members: readonly Candidate[], entities: EntityIndex): QuoteGroup {
  const ordered = [...members].sort(
    (left, right) => left.articleIndex - right.articleIndex || left.quote.start - right.quote.start,
  );
  const variants: QuoteVariant[] = ordered.map((member) => {
    const variant: QuoteVariant = {
      source: member.source,
      text: member.quote.text,
      direct: member.quote.form !== 'reported',
      form: member.quote.form,
      evidence: {
        source: member.source,
        start: member.quote.start,
        end: member.quote.end,
        text: member.quote.text,
      },
    };
    if (member.quote.speaker !== undefined) variant.speaker = member.quote.speaker;
    return variant;
  });
  const sources: string[] = [];
  for (const member of ordered) if (!sources.includes(member.source)) sources.push(member.source);
  const fullest = [...ordered].sort(
    (left, right) =>
      right.words.length - left.words.length ||
      Number(right.quote.form !== 'reported') - Number(left.quote.form !== 'reported') ||
      left.order - right.order,
  )[0]!;
  return { speaker: groupSpeaker(ordered, entities), text: fullest.quote.text, sources, variants };
}

/**
 * The speaker most variants name, as a canonical entity name; when no variant's speaker is a known entity,
 * the most common written speaker that is not a bare pronoun ("a ministry official"); else null.
 */
function groupSpeaker(members: readonly Candidate[], entities: EntityIndex): string | null {
  const canonical = new Map<string, number>();
  const written = new Map<string, number>();
  for (const member of members) {
    const speaker = member.quote.speaker;
    if (speaker === undefined) continue;
    const name = entities.canonicalName(member.source, speaker);
    if (name !== undefined) canonical.set(name, (canonical.get(name) ?? 0) + 1);
    else if (!PRONOUNS.has(speaker.toLowerCase())) written.set(speaker, (written.get(speaker) ?? 0) + 1);
  }
  const pick = (votes: Map<string, number>): string | null => {
    let best: string | null = null;
    let bestCount = 0;
    // Map order is first-seen order, so ties go to the earliest source.
    for (const [name, count] of votes) {
      if (count > bestCount) {
        best = name;
        bestCount = count;
      }
    }
    return best;
  };
  return pick(canonical) ?? pick(written);
}
