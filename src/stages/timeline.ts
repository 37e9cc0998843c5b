import type {
  AnalyzedArticle,
  DateMention,
  Evidence,
  IsoDate,
  Sentence,
  TimelineEvent,
} from '../model/index.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from '../text/calendar-words.js';
import { appendAll } from '../text/iterables.js';
import { contentTerms } from '../text/terms.js';

/*
 * The timeline groups date mentions across sources by two tests at once: their dates must agree
 * (equal, or one refining the other: "last year" and "last September") and their sentences must talk
 * about the same thing (IDF-weighted Jaccard overlap of content terms). Grouping is single-link,
 * strongest pair first, so a vague "last year" joins the specific event it most resembles.
 * A range ("closed from 2015 to 2017") agrees with the same range and with a date inside it: a source
 * that says "repairs closed the bridge in 2016" tells part of the same closure, so the event keeps the
 * range and gains the source. Two dates inside a range still have to agree with each other.
 */

/**
 * Minimum IDF-weighted Jaccard similarity for two dated sentences to describe the same event.
 * Tuned on the seed story: same-event pairs across outlets score 0.17–0.45, while sentences that only
 * share the story's ubiquitous names ("Kim", "Russia", "car") stay under 0.12.
 */
export const EVENT_SIMILARITY_THRESHOLD = 0.1;

/** Words of date expressions and reporting that say nothing about what happened. */
const IGNORED_WORDS = new Set([
  ...MONTH_NAMES,
  ...MONTH_ABBREVIATIONS,
  ...WEEKDAY_NAMES,
  ...'morning afternoon evening night today yesterday year years month months week weeks day days last earlier later ago reported reports report confirmed announced added separately'.split(
    ' ',
  ),
]);

/** A reporting verb just before the date: "KCNA said on Tuesday", "was confirmed on Tuesday morning". */
const REPORTING_BEFORE =
  /\b(?:said|says|reported|reports|confirmed|announced|added|stated|told|wrote|disclosed|quoted)\b(?:\s+[\p{L}'’.-]+){0,3}\s+(?:on\s+)?$/iu;
/** "On Tuesday, KCNA separately reported that …". */
const REPORTING_AFTER =
  /^(?:\s*\([^)]*\))?\s*,?\s*(?:[\p{L}'’.-]+\s+){0,4}(?:said|says|reported|reports|confirmed|announced|added|stated|told|wrote|disclosed)\b/iu;
const TERMINAL = /[.!?]["'”’)\]]*$/u;
const OPENING_QUOTE = /^["“‘']/u;

/** One dated sentence of one source: a node of the grouping. */
interface DatedSentence {
  source: string;
  /** The article's reference day, if it has one: what "still to come" is measured against. */
  referenceDate: IsoDate | undefined;
  sentence: Sentence;
  mention: DateMention;
  terms: ReadonlySet<string>;
  /** Whether the date only says when the news was published ("KCNA said on Tuesday"). */
  reporting: boolean;
  evidence: Evidence;
}

/** Code-unit order, not locale order, so the timeline is the same on every machine. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether two date values can name the same moment: equal, or one a coarser prefix of the other. */
function samePoint(left: IsoDate, right: IsoDate): boolean {
  return left.startsWith(right) || right.startsWith(left);
}

/** The dates of a mention or event: a single date, or a range when `endDate` is set. */
interface DateSpan {
  value: IsoDate;
  endDate?: IsoDate | undefined;
}

/** Whether a single date lies within a range, at the coarser of their precisions (2016 in 2015–2017). */
function inside(point: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return (point >= start || start.startsWith(point)) && (point <= end || point.startsWith(end));
}

/**
 * Whether two dates can belong to one event: two single dates that name the same moment, two ranges
 * whose starts and ends do, or a single date inside a range.
 */
function compatible(left: DateSpan, right: DateSpan): boolean {
  if (left.endDate === undefined && right.endDate === undefined) return samePoint(left.value, right.value);
  if (left.endDate !== undefined && right.endDate !== undefined) {
    return samePoint(left.value, right.value) && samePoint(left.endDate, right.endDate);
  }
  const [point, range] = left.endDate === undefined ? [left, right] : [right, left];
  return inside(point.value, range.value, range.endDate ?? range.value);
}

/** The first day a date can mean, as `YYYY-MM-DD`: "2024-03" is 2024-03-01. */
function firstDay(value: IsoDate): IsoDate {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** Years a range may span and still be looked up under each of them; longer ones only under their ends. */
const MAX_INDEXED_YEARS = 50;

/** The years under which a mention is looked up for candidate pairs: every year its dates cover. */
function yearsOf(mention: DateSpan): string[] {
  const first = Number(mention.value.slice(0, 4));
  const last = mention.endDate === undefined ? first : Number(mention.endDate.slice(0, 4));
  if (last - first > MAX_INDEXED_YEARS) return [String(first), String(last)];
  return Array.from({ length: last - first + 1 }, (_, offset) => String(first + offset).padStart(4, '0'));
}

/** The content terms of a sentence, without the words of its date expressions. */
function sentenceTerms(article: AnalyzedArticle, sentence: Sentence): Set<string> {
  const dateSpans = article.dates.filter((date) => date.sentence === sentence.index);
  const tokens = article.segmentation.tokens
    .slice(sentence.tokenStart, sentence.tokenEnd)
    .filter(
      (token) =>
        !IGNORED_WORDS.has(token.normal) &&
        !dateSpans.some((span) => token.start < span.end && token.end > span.start),
    );
  return new Set(contentTerms(tokens));
}

function isReporting(article: AnalyzedArticle, sentence: Sentence, mention: DateMention): boolean {
  if (article.referenceDate === undefined || mention.value !== article.referenceDate) return false;
  if (mention.endDate !== undefined) return false;
  const text = article.source.text;
  const before = text.slice(sentence.start, mention.start);
  const after = text.slice(mention.end, sentence.end);
  return REPORTING_BEFORE.test(before) || REPORTING_AFTER.test(after);
}

function collect(articles: readonly AnalyzedArticle[]): DatedSentence[] {
  const nodes: DatedSentence[] = [];
  for (const article of articles) {
    const text = article.source.text;
    for (const mention of article.dates) {
      const sentence = article.segmentation.sentences[mention.sentence];
      if (sentence === undefined) continue;
      const sentenceText = text.slice(sentence.start, sentence.end);
      // Captions, credits and newsletter fragments lack terminal punctuation; they are not reported events.
      if (!TERMINAL.test(sentenceText)) continue;
      nodes.push({
        source: article.source.id,
        referenceDate: article.referenceDate,
        sentence,
        mention,
        terms: sentenceTerms(article, sentence),
        reporting: isReporting(article, sentence, mention),
        evidence: { source: article.source.id, start: sentence.start, end: sentence.end, text: sentenceText },
      });
    }
  }
  return nodes;
}

/** Inverse document frequency of each term over every sentence of the story. */
function inverseDocumentFrequency(articles: readonly AnalyzedArticle[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  for (const article of articles) {
    for (const sentence of article.segmentation.sentences) {
      documents++;
      const tokens = article.segmentation.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
      for (const term of new Set(contentTerms(tokens))) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }
  const idf = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) idf.set(term, Math.log(1 + documents / frequency));
  return idf;
}

/** IDF-weighted Jaccard similarity of two term sets. */
function similarity(left: ReadonlySet<string>, right: ReadonlySet<string>, idf: Map<string, number>): number {
  let shared = 0;
  let union = 0;
  for (const term of left) {
    const weight = idf.get(term) ?? 1;
    union += weight;
    if (right.has(term)) shared += weight;
  }
  for (const term of right) if (!left.has(term)) union += idf.get(term) ?? 1;
  return union === 0 ? 0 : shared / union;
}

/**
 * The dates of a group whose members are pairwise compatible: its most precise range if it has one (the
 * single dates lie inside it), otherwise its most precise single date (they form a chain).
 */
function groupDates(mentions: readonly DateMention[]): DateSpan {
  const ranges = mentions.filter((mention) => mention.endDate !== undefined);
  const pool = ranges.length > 0 ? ranges : mentions;
  const precision = (mention: DateMention) => mention.value.length + (mention.endDate?.length ?? 0);
  const best = pool.reduce((chosen, mention) => (precision(mention) > precision(chosen) ? mention : chosen));
  return { value: best.value, endDate: best.endDate };
}

/**
 * The clearest sentence of a group: one that states the event's own date ("in September" rather than
 * "last year"), is not a quotation, and is the shortest such.
 */
function representative(members: readonly DatedSentence[], date: DateSpan): DatedSentence {
  const preferences = [
    (member: DatedSentence) =>
      member.mention.value === date.value &&
      member.mention.endDate === date.endDate &&
      !OPENING_QUOTE.test(member.evidence.text),
    (member: DatedSentence) => !OPENING_QUOTE.test(member.evidence.text),
  ];
  const pool =
    preferences.map((accept) => members.filter(accept)).find((subset) => subset.length > 0) ?? members;
  return pool.reduce((best, member) =>
    member.evidence.text.length < best.evidence.text.length ? member : best,
  );
}

/** Terms in more of one year's dated sentences than this do not propose pairs: it keeps the cost near linear. */
const MAX_TIMELINE_POSTINGS = 64;

/**
 * Pairs of dated sentences that may tell one event: compatible dates (so the same year) and a shared term
 * that is not too common. Comparing all pairs grew quadratically with the story; a pair that shares only
 * very common terms stays far below the similarity threshold anyway.
 */
function candidatePairs(
  nodes: readonly DatedSentence[],
  idf: Map<string, number>,
): Array<{ left: number; right: number; score: number }> {
  const pairs: Array<{ left: number; right: number; score: number }> = [];
  const byYear = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    for (const year of yearsOf(node.mention)) {
      const members = byYear.get(year);
      if (members) members.push(index);
      else byYear.set(year, [index]);
    }
  });
  const bySentence = new Map<Sentence, number[]>();
  nodes.forEach((node, index) => {
    const members = bySentence.get(node.sentence);
    if (members) members.push(index);
    else bySentence.set(node.sentence, [index]);
  });
  const seenBy = new Int32Array(nodes.length).fill(-1);
  for (const members of byYear.values()) {
    const postings = new Map<string, number[]>();
    for (const index of members) {
      for (const term of nodes[index]!.terms) {
        const list = postings.get(term);
        if (list) list.push(index);
        else postings.set(term, [index]);
      }
    }
    for (const left of members) {
      const first = nodes[left]!;
      const candidates = [...first.terms].flatMap((term) => {
        const list = postings.get(term) ?? [];
        return list.length > MAX_TIMELINE_POSTINGS ? [] : list;
      });
      // Two dates of one sentence ("Tuesday (Feb 20)") are one event by construction.
      appendAll(candidates, bySentence.get(first.sentence) ?? []);
      for (const right of candidates) {
        if (right <= left || seenBy[right] === left) continue;
        seenBy[right] = left;
        const second = nodes[right]!;
        if (!compatible(first.mention, second.mention)) continue;
        const score = first.sentence === second.sentence ? 1 : similarity(first.terms, second.terms, idf);
        if (score >= EVENT_SIMILARITY_THRESHOLD) pairs.push({ left, right, score });
      }
    }
  }
  return pairs;
}

/**
 * Builds the story's timeline: one event per date and happening, merged across sources.
 * Events whose only dates are the publication day attached to a reporting verb ("KCNA said on Tuesday")
 * are kept, because the announcement is itself an event, but sort after the other events of that day.
 * @param articles - the analysed articles of one story, with their date mentions
 * An event every source dates after its own publication day is marked `scheduled`: the article states it
 * as planned ("will visit from Monday to Wednesday next week"), which is part of the story for a reader.
 * @returns events sorted by date (coarser before finer at the same prefix), a single date before a range
 *   starting on it, then substantive before reporting-only, then by number of sources, most first
 */
export function buildTimeline(articles: readonly AnalyzedArticle[]): TimelineEvent[] {
  const nodes = collect(articles);
  const idf = inverseDocumentFrequency(articles);
  const pairs = candidatePairs(nodes, idf);
  pairs.sort((one, other) => other.score - one.score || one.left - other.left || one.right - other.right);

  // Each node starts alone; a merge must keep every date of the group compatible with every other.
  const groups = nodes.map((_, index) => [index]);
  const groupOf = nodes.map((_, index) => index);
  for (const { left, right } of pairs) {
    const leftGroup = groupOf[left] ?? left;
    const rightGroup = groupOf[right] ?? right;
    if (leftGroup === rightGroup) continue;
    const merged = [...(groups[leftGroup] ?? []), ...(groups[rightGroup] ?? [])];
    const dates = merged.map((index) => nodes[index]?.mention).filter((mention) => mention !== undefined);
    if (!dates.every((date) => dates.every((other) => compatible(date, other)))) continue;
    groups[leftGroup] = merged;
    groups[rightGroup] = [];
    for (const index of merged) groupOf[index] = leftGroup;
  }

  const ranked: Array<{ event: TimelineEvent; reporting: boolean }> = [];
  for (const group of groups) {
    const members = group.map((index) => nodes[index]).filter((node) => node !== undefined);
    if (members.length === 0) continue;
    const evidence: Evidence[] = [];
    for (const member of members) {
      const duplicate = evidence.some(
        (item) => item.source === member.source && item.start === member.evidence.start,
      );
      if (!duplicate) evidence.push(member.evidence);
    }
    evidence.sort((one, other) => compareText(one.source, other.source) || one.start - other.start);
    const sources = [...new Set(evidence.map((item) => item.source))];
    const dates = groupDates(members.map((member) => member.mention));
    // Still to come in every report of it: each source dates it after its own publication day.
    const scheduled = members.every(
      (member) => member.referenceDate !== undefined && firstDay(member.mention.value) > member.referenceDate,
    );
    ranked.push({
      event: {
        date: dates.value,
        ...(dates.endDate !== undefined && { endDate: dates.endDate }),
        ...(scheduled && { scheduled }),
        text: representative(members, dates).evidence.text,
        sources,
        evidence,
      },
      reporting: members.every((member) => member.reporting),
    });
  }
  ranked.sort(
    (one, other) =>
      compareText(one.event.date, other.event.date) ||
      compareText(one.event.endDate ?? '', other.event.endDate ?? '') ||
      Number(one.reporting) - Number(other.reporting) ||
      other.event.sources.length - one.event.sources.length ||
      compareText(one.event.evidence[0]?.source ?? '', other.event.evidence[0]?.source ?? '') ||
      (one.event.evidence[0]?.start ?? 0) - (other.event.evidence[0]?.start ?? 0),
  );
  return ranked.map((item) => item.event);
}
