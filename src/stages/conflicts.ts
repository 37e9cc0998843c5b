import type {
  AnalyzedArticle,
  Claim,
  Conflict,
  ConflictPosition,
  DateMention,
  EntityIndex,
  Evidence,
  QuoteGroup,
  Sentence,
  Stance,
  Token,
} from '../model/index.js';
import { normalizeWord } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { paraphraseClass } from '../text/synonyms.js';
import { contentTerms, stem } from '../text/terms.js';
import {
  type DatedSpan,
  DURATION,
  daysApart,
  isBaseline,
  mayHoldQuantity,
  parseQuantities,
  type Quantity,
  quantitiesCompatible,
  sameFrame,
  type ValueFrame,
  valueFrame,
} from './conflict-values.js';
import { DEMONYMS } from './entity-gazetteer.js';
import {
  IMPLIED_DENIAL_HINT,
  isHypothetical,
  maskQuotes,
  readStance,
  STATES_NEGATION,
  statementTerms,
} from './stance.js';

/*
 * Conflicts are found slot by slot rather than over all sentence pairs: values are bucketed by what they
 * measure (a currency, a counted noun, a day), and only values in one bucket whose sentences share words
 * around them are compared. Denials are rare, so each is matched against every sentence of the story.
 */

/** What {@link findConflicts} needs. */
export interface ConflictInput {
  articles: readonly AnalyzedArticle[];
  claims: readonly Claim[];
  /** Quote groups with `conflictingSpeakers` (from `assessQuotes`). */
  quotes: readonly QuoteGroup[];
  entities: EntityIndex;
}

/** A sentence of the story with the terms conflicts compare it on. */
interface SentenceInfo {
  article: number;
  source: string;
  sentence: Sentence;
  /** Its tokens and, parallel to them, each token's term classes (computed once, read by every window). */
  tokens: readonly Token[];
  readonly tokenTerms: ReadonlyArray<readonly string[]>;
  /** Paraphrase classes of its content terms, numbers left out. */
  terms: Set<string>;
}

/** A value found in a sentence, with the words around it that say what it is the value of. */
interface SlotValue<Value> {
  info: SentenceInfo;
  value: Value;
  window: Set<string>;
  text: string;
  /** For numbers: the period, place, projection and dates the value is framed by. */
  readonly frame?: ValueFrame;
}

/** Words the contexts of two numbers must share for them to measure the same thing. */
const MIN_SHARED_WINDOW = 3;
/** Words before and after a value read as its context. */
const WINDOW_BEFORE = 6;
const WINDOW_AFTER = 4;
/** Two dates of one event further apart than this are more likely two events. */
const MAX_DATE_GAP_DAYS = 31;
/** Share of a denied statement's terms another sentence must carry to state the same thing. */
const DENIAL_COVERAGE = 0.6;
/** Buckets beyond this size are compared only within their first items: it bounds the pair count. */
const MAX_BUCKET = 400;
/** A context word shared by more values than this is too common to say two values measure one thing. */
const MAX_POSTINGS = 48;
/** A date written with its month and day ("March 7", "7 March 2025", "2025-03-07"), not a weekday. */
const EXPLICIT_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\b/i;
/** A denied statement that runs into an excerpt's cut ("went against the..."): no clause end before the ellipsis. */
const TRUNCATED = /^[^,;]*(?:\.\.\.|…)["”’]?\s*$/;
/** A cheap test run before the full stance reading: most sentences report no denial. */
const DENIAL_HINT = /\b(?:den[iy]|dismiss|reject|refut|disput|rebu)/i;
/** Words a name slot needs before its patterns are tried. */
const NAME_HINT =
  /\b(?:make|model|brand|type|name|identity|the\s+[a-z]+\s+(?:is|was|could|may|might|would|to)\s)/i;
const CALENDAR =
  /^(?:mon|tue|wed|thu|fri|sat|sun)|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^(?:morn|even|afternoon|night|dai|week|month|year|todai|yesterdai|tomorrow|last|next|earlier|later)$/;

/**
 * Where the sources of a story disagree: numbers, dates of one event, the name in one slot, who said a
 * quote, and statements some assert and others report denied.
 * Needs: analysed articles, claims, assessed quote groups, merged entities. Adds: `conflicts`.
 * @param input - the story's stages so far
 */
export function findConflicts(input: ConflictInput): Conflict[] {
  const infos = sentenceInfos(input.articles);
  const weights = inverseFrequencies(infos);
  const similarity = (first: SentenceInfo, second: SentenceInfo): number =>
    weightedCosine(first, second, weights);
  return [
    ...stanceConflicts(input.articles, infos),
    ...nameConflicts(input.articles, infos, input.claims),
    ...numberConflicts(input.articles, infos, similarity),
    ...dateConflicts(input.articles, infos, similarity),
    ...attributionConflicts(input.quotes, input.entities),
  ];
}

const NO_TERMS: readonly string[] = [];

/** Term classes of one word token: like {@link contentTerms} but without a regex split per token, as it runs on every word of the story. */
function tokenClassTerms(token: Token): readonly string[] {
  if (token.kind !== 'word') return NO_TERMS;
  const normal = token.normal;
  if (!/[-‐‑]/.test(normal)) {
    if (normal.length < 2 || STOPWORDS.has(normal)) return NO_TERMS;
    return [paraphraseClass(stem(normal))];
  }
  return classTerms([token]);
}

function classTerms(tokens: readonly Token[]): string[] {
  return contentTerms(tokens)
    .filter((term) => !/^\d/.test(term))
    .map(paraphraseClass);
}

/**
 * Every sentence with its term set. Per-token terms, which only sentences with a number or a date need,
 * are computed on first use: most sentences never need them.
 */
function sentenceInfos(articles: readonly AnalyzedArticle[]): SentenceInfo[][] {
  return articles.map((article, articleIndex) =>
    article.segmentation.sentences.map((sentence) => {
      const tokens = article.segmentation.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
      const terms = new Set<string>();
      for (const token of tokens) for (const term of tokenClassTerms(token)) terms.add(term);
      let tokenTerms: ReadonlyArray<readonly string[]> | undefined;
      return {
        article: articleIndex,
        source: article.source.id,
        sentence,
        tokens,
        terms,
        get tokenTerms(): ReadonlyArray<readonly string[]> {
          tokenTerms ??= tokens.map(tokenClassTerms);
          return tokenTerms;
        },
      };
    }),
  );
}

/** IDF weights of the story's sentence terms: shared rare words say more than shared common ones. */
function inverseFrequencies(infos: readonly SentenceInfo[][]): Map<string, number> {
  const frequency = new Map<string, number>();
  let count = 0;
  for (const list of infos) {
    for (const info of list) {
      count++;
      for (const term of info.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  const weights = new Map<string, number>();
  for (const [term, seen] of frequency) weights.set(term, Math.log(1 + count / seen));
  return weights;
}

/** IDF-weighted cosine of two sentences' term sets. */
function weightedCosine(
  first: SentenceInfo,
  second: SentenceInfo,
  weights: ReadonlyMap<string, number>,
): number {
  let dot = 0;
  let left = 0;
  let right = 0;
  for (const term of first.terms) {
    const weight = weights.get(term) ?? 0;
    left += weight * weight;
    if (second.terms.has(term)) dot += weight * weight;
  }
  for (const term of second.terms) right += (weights.get(term) ?? 0) ** 2;
  return left === 0 || right === 0 ? 0 : dot / Math.sqrt(left * right);
}

function sharedCount(first: ReadonlySet<string>, second: ReadonlySet<string>): number {
  let count = 0;
  for (const term of first) if (second.has(term)) count++;
  return count;
}

function sentenceEvidence(article: AnalyzedArticle, sentence: Sentence): Evidence {
  return { source: article.source.id, start: sentence.start, end: sentence.end, text: sentence.text };
}

/** Content terms of the tokens around `[start, end)` in one sentence, calendar words left out. */
function windowTerms(info: SentenceInfo, start: number, end: number): Set<string> {
  const window = new Set<string>();
  let taken = 0;
  for (let position = info.tokens.length - 1; position >= 0 && taken < WINDOW_BEFORE; position--) {
    if (info.tokens[position]!.end > start) continue;
    for (const term of info.tokenTerms[position]!) {
      if (CALENDAR.test(term)) continue;
      window.add(term);
      taken++;
    }
  }
  taken = 0;
  for (let position = 0; position < info.tokens.length && taken < WINDOW_AFTER; position++) {
    if (info.tokens[position]!.start < end) continue;
    for (const term of info.tokenTerms[position]!) {
      if (CALENDAR.test(term)) continue;
      window.add(term);
      taken++;
    }
  }
  return window;
}

/** Speech and reporting verbs: the day something was said is not the day it happened. */
const SPEECH = new Set(
  ['say', 'said', 'report', 'confirm', 'speak', 'announc', 'tell', 'quot', 'add', 'state', 'statement'].map(
    (word) => paraphraseClass(stem(word)),
  ),
);
/** Words before a date that name its event. */
const EVENT_WORDS = 4;

/**
 * The event a date is the date of: the last few lower-case content words before it in its sentence
 * ("a routine inspection on March 7"), names, calendar words and speech verbs left out.
 */
function eventTerms(info: SentenceInfo, start: number): Set<string> {
  const terms: string[] = [];
  info.tokens.forEach((token, position) => {
    if (token.end > start || /^[A-Z]/.test(token.text)) return;
    for (const term of info.tokenTerms[position]!)
      if (!CALENDAR.test(term) && !SPEECH.has(term)) terms.push(term);
  });
  return new Set(terms.slice(-EVENT_WORDS));
}

/** Words before a date within which a speech verb makes it the day of a statement ("said … on Tuesday"). */
const SPEECH_REACH = 5;

/** Whether a date is the day something was said ("said Pyongyang's state media on Tuesday (Feb 20)"). */
function saidOn(info: SentenceInfo, start: number): boolean {
  let words = 0;
  for (let position = info.tokens.length - 1; position >= 0 && words < SPEECH_REACH; position--) {
    const token = info.tokens[position]!;
    if (token.end > start || token.kind !== 'word') continue;
    words++;
    if (info.tokenTerms[position]!.some((term) => SPEECH.has(term))) return true;
  }
  return false;
}

/**
 * Index pairs `[a, b]` (a < b, each once) where a key term of one item is among the terms of the other:
 * an inverted index, so the cost follows the number of real candidates rather than all pairs.
 * @param terms - every item's terms
 * @param keys - every item's key terms (default: all its terms)
 */
function pairsSharingTerm(
  terms: ReadonlyArray<readonly string[]>,
  keys: ReadonlyArray<readonly string[]> = terms,
): Array<[number, number]> {
  const postings = new Map<string, number[]>();
  terms.forEach((list, index) => {
    for (const term of list) {
      const posting = postings.get(term);
      if (posting) {
        if (posting.at(-1) !== index) posting.push(index);
      } else postings.set(term, [index]);
    }
  });
  for (const [term, posting] of postings) if (posting.length > MAX_POSTINGS) postings.delete(term);
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  keys.forEach((list, index) => {
    for (const term of list) {
      for (const other of postings.get(term) ?? []) {
        if (other === index) continue;
        const [a, b] = index < other ? [index, other] : [other, index];
        const key = a * terms.length + b;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([a, b]);
      }
    }
  });
  return pairs;
}

/** Union-find over item indices. */
function components(count: number, pairs: ReadonlyArray<[number, number]>): number[][] {
  const parent = Array.from({ length: count }, (_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  for (const [first, second] of pairs) {
    const left = find(first);
    const right = find(second);
    if (left !== right) parent[Math.max(left, right)] = Math.min(left, right);
  }
  const groups = new Map<number, number[]>();
  for (let index = 0; index < count; index++) {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  }
  return [...groups.values()];
}

/** Days before publication within which a date means "now" ("by Tuesday, 37% were vaccinated"). */
const RECENT_DAYS = 7;

/**
 * The dates of a sentence that frame its figures, in sentence offsets: the day something was said is
 * left out, and so is a recent day, since "by Tuesday" in a report of Wednesday is the figure as it
 * stands, which an undated "39% have been vaccinated" also gives.
 */
function framingDates(article: AnalyzedArticle, info: SentenceInfo): DatedSpan[] {
  const published = article.source.published;
  const spans: DatedSpan[] = [];
  for (const date of article.dates) {
    if (date.sentence !== info.sentence.index || saidOn(info, date.start)) continue;
    if (published !== undefined && date.precision === 'day' && date.value <= published) {
      const gap = daysApart(date, { value: published, precision: 'day' });
      if (gap !== undefined && gap <= RECENT_DAYS) continue;
    }
    const start = date.start - info.sentence.start;
    spans.push({ value: date.value, precision: date.precision, start, end: date.end - info.sentence.start });
  }
  return spans;
}

/** The frame of one quantity of a sentence, read from the words nearer to it than to the sentence's other quantities. */
function frameOf(
  info: SentenceInfo,
  quantities: readonly Quantity[],
  quantity: Quantity,
  dates: readonly DatedSpan[],
): ValueFrame {
  const base = info.sentence.start;
  const others = quantities.map((other) => ({ start: other.start - base, end: other.end - base }));
  return valueFrame(info.sentence.text, quantity.start - base, quantity.end - base, { others, dates });
}

const RISE = paraphraseClass(stem('rise'));
const FALL = paraphraseClass(stem('fall'));

/** One context says the measure rose and the other that it fell: two different measures. */
function opposite(first: ReadonlySet<string>, second: ReadonlySet<string>): boolean {
  return (first.has(RISE) && second.has(FALL)) || (first.has(FALL) && second.has(RISE));
}

/** Words at a sentence's start searched for its subject noun. */
const SUBJECT_REACH = 4;

/**
 * The sentence's opening subject: the first of its first few words that is one of `shared`, with the
 * content words before it ("Used car prices …" → prices, [used, car]).
 */
function openingSubject(
  info: SentenceInfo,
  shared: ReadonlySet<string>,
): { term: string; qualifiers: string[] } | undefined {
  const qualifiers: string[] = [];
  let words = 0;
  for (let index = 0; index < info.tokens.length && words < SUBJECT_REACH; index++) {
    if (info.tokens[index]!.kind !== 'word') continue;
    words++;
    const terms = info.tokenTerms[index]!;
    const term = terms.find((candidate) => shared.has(candidate));
    if (term !== undefined) return { term, qualifiers };
    qualifiers.push(...terms);
  }
  return undefined;
}

/**
 * Whether two values belong to differently qualified subjects: both sentences open on the same noun,
 * one with qualifiers the other lacks ("Used car prices spiked 10.5%" vs "Prices rose 5.4%", "Core
 * inflation" vs "Inflation"). Such figures measure different things and do not contradict each other.
 */
function differentlyQualified<Value>(left: SlotValue<Value>, right: SlotValue<Value>): boolean {
  const shared = new Set([...left.window].filter((term) => right.window.has(term)));
  const leftSubject = openingSubject(left.info, shared);
  const rightSubject = openingSubject(right.info, shared);
  if (leftSubject === undefined || rightSubject === undefined || leftSubject.term !== rightSubject.term) {
    return false;
  }
  return leftSubject.qualifiers.join(' ') !== rightSubject.qualifiers.join(' ');
}

/** Positions of one slot: values grouped into compatible classes, each with its sources and passages. */
function positionsOf<Value>(
  articles: readonly AnalyzedArticle[],
  members: ReadonlyArray<SlotValue<Value>>,
  sameClass: (first: Value, second: Value) => boolean,
): ConflictPosition[] {
  const classes: Array<Array<SlotValue<Value>>> = [];
  for (const member of members) {
    const home = classes.find((group) => group.every((other) => sameClass(other.value, member.value)));
    if (home) home.push(member);
    else classes.push([member]);
  }
  return classes.map((group) => {
    const sources: string[] = [];
    const evidence: Evidence[] = [];
    for (const member of group) {
      if (!sources.includes(member.info.source)) sources.push(member.info.source);
      if (
        !evidence.some(
          (item) => item.source === member.info.source && item.start === member.info.sentence.start,
        )
      )
        evidence.push(sentenceEvidence(articles[member.info.article]!, member.info.sentence));
    }
    return { value: group[0]!.text, sources, evidence };
  });
}

/**
 * Whether every source stands in one position only: a source that gives two values for one slot shows the
 * slot holds several things (this month's and last month's rate), not a disagreement.
 */
function oneValuePerSource(positions: readonly ConflictPosition[]): boolean {
  const seen = new Set<string>();
  for (const position of positions) {
    for (const source of position.sources) {
      if (seen.has(source)) return false;
      seen.add(source);
    }
  }
  return true;
}

/** Whether at least two positions have no source in common: a source giving two values is not a dispute. */
function disputed(positions: readonly ConflictPosition[]): boolean {
  for (let a = 0; a < positions.length; a++)
    for (let b = a + 1; b < positions.length; b++)
      if (!positions[a]!.sources.some((source) => positions[b]!.sources.includes(source))) return true;
  return false;
}

/** Words of the first member's context that the other members share: what the slot is about. */
function topicWords<Value>(
  articles: readonly AnalyzedArticle[],
  members: ReadonlyArray<SlotValue<Value>>,
  start: (member: SlotValue<Value>) => number,
): string {
  const [first, ...rest] = members;
  if (first === undefined) return '';
  const article = articles[first.info.article]!;
  const words: string[] = [];
  for (let position = first.info.sentence.tokenStart; position < first.info.sentence.tokenEnd; position++) {
    const token = article.segmentation.tokens[position]!;
    if (token.kind !== 'word' || STOPWORDS.has(token.normal) || token.end > start(first)) continue;
    const term = paraphraseClass(stem(token.normal));
    if (
      first.window.has(term) &&
      rest.some((member) => member.window.has(term)) &&
      !words.includes(token.text)
    )
      words.push(token.text);
  }
  return words.join(' ');
}

/** How two sentences' similarity is measured (IDF-weighted cosine over the story). */
type Similarity = (first: SentenceInfo, second: SentenceInfo) => number;
/** Sentences whose values are compared must say much the same thing around them. */
const MIN_SIMILARITY = 0.2;
/**
 * Durations are worded freely ("kicks the can two months" / "extends it for only three months") and share
 * no context words around the number, so their sentences may be a little less alike. On AllSides 0.12 finds
 * the one real duration dispute (debt limit raised for two months vs three; its sentences score 0.138 once
 * "debt limit" and "debt ceiling" are one term, which makes the phrase common and light) and no false one;
 * 0.10 adds a false one (vaccine efficacy over different periods).
 */
const MIN_DURATION_SIMILARITY = 0.12;
/** Dates already share the words naming their event, so their sentences may differ more. */
const MIN_DATE_SIMILARITY = 0.2;

function numberConflicts(
  articles: readonly AnalyzedArticle[],
  infos: readonly SentenceInfo[][],
  similarity: Similarity,
): Conflict[] {
  const buckets = new Map<string, Array<SlotValue<Quantity>>>();
  articles.forEach((article, articleIndex) => {
    const dates = article.dates;
    for (const info of infos[articleIndex]!) {
      if (!mayHoldQuantity(info.sentence.text)) continue;
      const quantities = parseQuantities(info.sentence.text, info.sentence.start).filter(
        (quantity) => !dates.some((date) => date.start < quantity.end && quantity.start < date.end),
      );
      let framing: DatedSpan[] | undefined;
      const frameDates = (): DatedSpan[] => {
        framing ??= framingDates(article, info);
        return framing;
      };
      for (const quantity of quantities) {
        // A baseline ("down from 943,000") is given to compare with: it is nobody's figure for the slot.
        if (isBaseline(info.sentence.text, quantity.start - info.sentence.start)) continue;
        let frame: ValueFrame | undefined;
        const value: SlotValue<Quantity> = {
          info,
          value: quantity,
          window: windowTerms(info, quantity.start, quantity.end),
          text: quantity.text,
          // Read on first comparison: most values are never compared with another.
          get frame(): ValueFrame {
            frame ??= frameOf(info, quantities, quantity, frameDates());
            return frame;
          },
        };
        const bucket = buckets.get(quantity.unit);
        if (bucket) bucket.push(value);
        else buckets.set(quantity.unit, [value]);
      }
    }
  });
  const conflicts: Conflict[] = [];
  for (const [unit, all] of buckets) {
    const bucket = all.slice(0, MAX_BUCKET);
    if (new Set(bucket.map((item) => item.info.source)).size < 2) continue;
    const rate = unit.includes('/');
    // A length of time is rarely repeated with the same words around it ("kicks the can two months",
    // "extending the limit for only three months"): similar sentences are enough.
    const duration = unit === DURATION;
    const pairs: Array<[number, number]> = [];
    const consider = (a: number, b: number): void => {
      const left = bucket[a]!;
      const right = bucket[b]!;
      if (left.info.source === right.info.source) return;
      // A rate ("vehicles a day") names its slot; a bare count or amount needs shared context around it.
      // The names around a length of time are the parties to it, not forecasters whose figures differ.
      const frames = duration
        ? [
            { ...left.frame!, agents: [] },
            { ...right.frame!, agents: [] },
          ]
        : [left.frame!, right.frame!];
      if (!sameFrame(frames[0]!, frames[1]!)) return;
      if (
        rate ||
        (duration && similarity(left.info, right.info) >= MIN_DURATION_SIMILARITY) ||
        (sharedCount(left.window, right.window) >= MIN_SHARED_WINDOW &&
          !opposite(left.window, right.window) &&
          !differentlyQualified(left, right) &&
          similarity(left.info, right.info) >= MIN_SIMILARITY)
      )
        pairs.push([a, b]);
    };
    if (rate || duration) {
      for (let a = 0; a < bucket.length; a++) for (let b = a + 1; b < bucket.length; b++) consider(a, b);
    } else {
      for (const [a, b] of pairsSharingTerm(bucket.map((item) => [...item.window]))) consider(a, b);
    }
    for (const component of components(bucket.length, pairs)) {
      if (component.length < 2) continue;
      const members = component.map((index) => bucket[index]!);
      const positions = positionsOf(articles, members, quantitiesCompatible);
      if (positions.length < 2 || !disputed(positions) || !oneValuePerSource(positions)) continue;
      const about = topicWords(articles, members, (member) => member.value.start);
      const label = unit.startsWith('money:')
        ? unit.slice(6)
        : members[0]!.text.replace(/^[^\d$£€¥]*[$£€¥]?[\d,.]+\s*/, '');
      conflicts.push({ kind: 'number', topic: about === '' ? label : `${about} (${label})`, positions });
    }
  }
  return conflicts;
}

function dateConflicts(
  articles: readonly AnalyzedArticle[],
  infos: readonly SentenceInfo[][],
  similarity: Similarity,
): Conflict[] {
  const values: Array<SlotValue<DateMention>> = [];
  articles.forEach((article, articleIndex) => {
    const sentences = infos[articleIndex]!;
    for (const date of article.dates) {
      // Only dates written out count: a weekday or "today" is resolved against a publication date that
      // scraped articles often lack or misstate, and a disagreement must be stated, not inferred.
      // A range ("March 3-5") is not one day to hold against another source's day.
      if (date.precision !== 'day' || date.endDate !== undefined || !EXPLICIT_DATE.test(date.text)) continue;
      const info = sentences[date.sentence];
      if (info === undefined || saidOn(info, date.start)) continue;
      values.push({
        info,
        value: date,
        window: eventTerms(info, date.start),
        text: date.value,
      });
    }
  });
  const pairs: Array<[number, number]> = [];
  // One event: a word among the two nearest one date stands before the other ("inspection on March 7" /
  // "inspection carried out on March 5"). The index is on those nearest words.
  for (const [a, b] of pairsSharingTerm(
    values.map((item) => [...item.window]),
    values.map((item) => [...item.window].slice(-2)),
  )) {
    const left = values[a]!;
    const right = values[b]!;
    if (left.info.source === right.info.source) continue;
    const gap = daysApart(left.value, right.value);
    if (gap === undefined || gap > MAX_DATE_GAP_DAYS) continue;
    if (similarity(left.info, right.info) >= MIN_DATE_SIMILARITY) pairs.push([a, b]);
  }
  const conflicts: Conflict[] = [];
  for (const component of components(values.length, pairs)) {
    if (component.length < 2) continue;
    const members = component.map((index) => values[index]!);
    const positions = positionsOf(articles, members, (first, second) => first.value === second.value);
    if (positions.length < 2 || !disputed(positions) || !oneValuePerSource(positions)) continue;
    const about = topicWords(articles, members, (member) => member.value.start);
    conflicts.push({ kind: 'date', topic: about === '' ? 'date' : `date of ${about}`, positions });
  }
  return conflicts;
}

/**
 * Content-term classes of a passage, for matching a denied statement against other sentences.
 * @param lowercaseOnly - keep only words written in lower case: the predicate and its objects, not the names
 */
function passageTerms(text: string, lowercaseOnly = false): Set<string> {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const terms = new Set<string>();
  for (const word of words) {
    if (lowercaseOnly && /^[A-Z]/.test(word)) continue;
    for (const part of normalizeWord(word).split('-')) {
      if (part.length > 1 && !STOPWORDS.has(part)) terms.add(paraphraseClass(stem(part)));
    }
  }
  return terms;
}

interface Side {
  source: string;
  stance: Stance;
  cue?: string;
  evidence: Evidence;
}

const STANCE_RANK: Readonly<Record<Stance, number>> = { asserts: 0, hedges: 1, attributes: 2, denies: 3 };

function stanceConflicts(articles: readonly AnalyzedArticle[], infos: readonly SentenceInfo[][]): Conflict[] {
  const conflicts: Conflict[] = [];
  const used = new Set<string>();
  // Built on the first denial only: most stories report none.
  let index: Map<string, SentenceInfo[]> | undefined;
  const postingsOf = (term: string): readonly SentenceInfo[] => {
    if (index === undefined) {
      index = new Map();
      for (const list of infos) {
        for (const candidate of list) {
          for (const held of candidate.terms) {
            const posting = index.get(held);
            if (posting) posting.push(candidate);
            else index.set(held, [candidate]);
          }
        }
      }
    }
    return index.get(term) ?? [];
  };
  articles.forEach((article, articleIndex) => {
    for (const info of infos[articleIndex]!) {
      const key = `${info.source}:${info.sentence.index}`;
      if (used.has(key)) continue;
      const explicitHint = DENIAL_HINT.test(info.sentence.text);
      if (!explicitHint && !IMPLIED_DENIAL_HINT.test(info.sentence.text)) continue;
      let reading = explicitHint ? readStance(info.sentence.text, outletOption(article)) : undefined;
      // A negation without a denial verb ("said the ferry was not sold") is found with the sentence's own
      // terms; each sentence that states it must then confirm it (see below).
      const implied = reading?.stance !== 'denies';
      if (implied) {
        reading = readStance(info.sentence.text, {
          ...outletOption(article),
          claimTerms: new Set(statementTerms(info.sentence.text).keys()),
        });
      }
      if (reading === undefined || reading.stance !== 'denies' || reading.denied === undefined) continue;
      // A denial cut off by the excerpt ("denied that his decision went against the...") denies we know not what.
      if (TRUNCATED.test(info.sentence.text.slice(reading.denied.start))) continue;
      const denied = passageTerms(reading.denied.text);
      // Names are cheap to share ("shipped from Russia"): the predicate's own words must match too.
      const predicate = passageTerms(reading.denied.text, true);
      if (denied.size < 2 || predicate.size < 2) continue;
      const sides: Side[] = [
        {
          source: info.source,
          stance: 'denies',
          ...(reading.cue === undefined ? {} : { cue: reading.cue }),
          evidence: sentenceEvidence(article, info.sentence),
        },
      ];
      const members = [key];
      // Candidates carry at least two of the denied statement's own (lower-case) words.
      const hits = new Map<SentenceInfo, number>();
      for (const term of predicate) {
        for (const candidate of postingsOf(term)) hits.set(candidate, (hits.get(candidate) ?? 0) + 1);
      }
      const ordered = [...hits].sort(
        ([left], [right]) => left.article - right.article || left.sentence.index - right.sentence.index,
      );
      for (const [candidate, predicateMatched] of ordered) {
        if (predicateMatched < 2) continue;
        const other = articles[candidate.article]!;
        const candidateKey = `${candidate.source}:${candidate.sentence.index}`;
        if (candidateKey === key) continue;
        let matched = 0;
        for (const term of denied) if (candidate.terms.has(term)) matched++;
        if (matched < 2 || matched / denied.size < DENIAL_COVERAGE) continue;
        // The predicate itself must be stated, not just its names: most of its own words, not two of five.
        if (predicateMatched / predicate.size < DENIAL_COVERAGE) continue;
        if (implied) {
          // A sentence that negates something itself ("the ferry was not sold") agrees with the negation
          // or speaks of something else; one that states it must carry what this sentence negates.
          if (STATES_NEGATION.test(maskQuotes(candidate.sentence.text))) continue;
          const confirmed = readStance(info.sentence.text, {
            ...outletOption(article),
            claimTerms: new Set(statementTerms(candidate.sentence.text).keys()),
          });
          if (confirmed.stance !== 'denies' || confirmed.denied?.start !== reading.denied.start) continue;
        }
        const focus = focusOffset(candidate.sentence.text, denied);
        // Its hedge must bear on the denied statement, not on a side clause of the sentence.
        const side = readStance(candidate.sentence.text, {
          ...outletOption(other),
          focus,
          claimTerms: denied,
        });
        if (side.stance === 'denies') {
          // Another denial counts only if it denies the same thing.
          const terms = passageTerms(side.denied?.text ?? '');
          let same = 0;
          for (const term of denied) if (terms.has(term)) same++;
          if (same / denied.size < DENIAL_COVERAGE) continue;
        } else if (isHypothetical(clauseAt(candidate.sentence.text, focus))) continue;
        members.push(candidateKey);
        sides.push({
          source: candidate.source,
          stance: side.stance,
          ...(side.cue === undefined ? {} : { cue: side.cue }),
          evidence: sentenceEvidence(other, candidate.sentence),
        });
      }
      // Outlets disagree only if some other outlet affirms what this one reports denied.
      const deniers = new Set(sides.filter((side) => side.stance === 'denies').map((side) => side.source));
      const affirming = sides.filter((side) => side.stance !== 'denies' && !deniers.has(side.source));
      // "Reportedly did it" beside "denied doing it" takes no side: neither outlet says it happened.
      if (!affirming.some((side) => side.stance !== 'hedges')) continue;
      for (const member of members) used.add(member);
      conflicts.push({ kind: 'stance', topic: reading.denied.text, positions: stancePositions(sides) });
    }
  });
  return conflicts;
}

function outletOption(article: AnalyzedArticle): { outlet?: string } {
  return article.source.outlet === undefined ? {} : { outlet: article.source.outlet };
}

/** Offset of the first word of a sentence whose term is among `terms`: where the matched statement stands. */
function focusOffset(text: string, terms: ReadonlySet<string>): number {
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'-]*/g)) {
    const term = paraphraseClass(stem(normalizeWord(match[0])));
    if (terms.has(term)) return match.index ?? 0;
  }
  return 0;
}

/** The comma-delimited clause of a sentence around an offset. */
function clauseAt(text: string, offset: number): string {
  const start = text.lastIndexOf(',', offset) + 1;
  const next = text.indexOf(',', offset);
  return text.slice(start, next === -1 ? text.length : next);
}

const STANCE_VALUE: Readonly<Record<Stance, string>> = {
  asserts: 'asserted',
  hedges: 'hedged',
  attributes: 'attributed to others',
  denies: 'reported denied',
};

/** One position per stance; a source stands once on each side, at its most committed stance. */
function stancePositions(sides: readonly Side[]): ConflictPosition[] {
  const best = new Map<string, Side>();
  for (const side of sides) {
    const key = `${side.source}:${side.stance === 'denies' ? 'against' : 'for'}`;
    const held = best.get(key);
    if (held === undefined || STANCE_RANK[side.stance] < STANCE_RANK[held.stance]) best.set(key, side);
  }
  const positions: ConflictPosition[] = [];
  for (const stance of ['asserts', 'hedges', 'attributes', 'denies'] as const) {
    const group = [...best.values()].filter((side) => side.stance === stance);
    if (group.length === 0) continue;
    const cue = group.find((side) => side.cue !== undefined)?.cue;
    const position: ConflictPosition = {
      value: cue === undefined ? STANCE_VALUE[stance] : `${STANCE_VALUE[stance]} (“${cue}”)`,
      sources: [...new Set(group.map((side) => side.source))],
      evidence: group.map((side) => side.evidence),
      stance,
    };
    if (cue !== undefined) position.cue = cue;
    positions.push(position);
  }
  return positions;
}

/** A name given to a thing in one slot ("the car" → "Aurus"), or a statement that it was not disclosed. */
interface NameValue {
  slot: string;
  noun: string;
  /** The name, or undefined for "not disclosed". */
  name?: string;
  stance: Stance;
  cue?: string;
}

const IDENTITY = '(?:make|model|brand|type|name|identity)';
const UNDISCLOSED_OF = new RegExp(
  `\\b(?:the\\s+)?${IDENTITY}(?:\\s+(?:and|or)\\s+${IDENTITY})?\\s+of\\s+the\\s+([a-z]+)\\s+(?:was|were|has|have|had|is|are)\\s+(?:not|never)\\s+(?:been\\s+)?(?:disclosed|revealed|specified|given|released|identified|made public|confirmed|known)`,
  'i',
);
const UNDISCLOSED_VERB = new RegExp(
  `\\b(?:(?:did|does|do|has|have|had)\\s+not|without)\\s+(?:specify|specifying|disclose|disclosing|reveal|revealing|name|naming|identify|identifying|confirm|confirming)\\s+(?:the\\s+)?([a-z]+)(?:'s|’s)\\s+${IDENTITY}`,
  'i',
);
const COPULAR_NAME =
  /\b[Tt]he\s+([a-z]+)\s+(?:is|was|could be|may be|might be|would be|to be)\s+(?:a|an|the)\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)/;
const NAMED_NOUN = /\b(?:a|an)\s+(?:[a-z-]+\s+){0,3}?((?:[A-Z][\w-]*\s+){1,3})([a-z]+)\b/g;

function slotOf(noun: string): string {
  return paraphraseClass(stem(noun.toLowerCase()));
}

/** Leading demonyms ("Russian Aurus" → "Aurus") describe the origin, not the name. */
function stripDemonyms(name: string): string {
  const words = name.trim().split(/\s+/);
  const descriptive = (word: string): boolean =>
    DEMONYMS.has(word.toLowerCase()) || /-(?:made|built|based|owned|backed|born|style|designed)$/i.test(word);
  while (words.length > 1 && descriptive(words[0]!)) words.shift();
  return descriptive(words[0] ?? '') ? '' : words.join(' ');
}

function nameConflicts(
  articles: readonly AnalyzedArticle[],
  infos: readonly SentenceInfo[][],
  claims: readonly Claim[],
): Conflict[] {
  const found: Array<SlotValue<NameValue>> = [];
  articles.forEach((article, articleIndex) => {
    for (const info of infos[articleIndex]!) {
      const text = info.sentence.text;
      if (!NAME_HINT.test(text)) continue;
      const undisclosed = UNDISCLOSED_OF.exec(text) ?? UNDISCLOSED_VERB.exec(text);
      if (undisclosed?.[1] !== undefined) {
        const noun = undisclosed[1].toLowerCase();
        found.push({
          info,
          value: { slot: slotOf(noun), noun, stance: 'asserts' },
          window: new Set(),
          text: 'not disclosed',
        });
      }
      const copular = COPULAR_NAME.exec(text);
      if (copular?.[1] !== undefined && copular[2] !== undefined) {
        const name = stripDemonyms(copular[2]);
        if (name === '') continue;
        const reading = readStance(text, { ...outletOption(article), focus: copular.index });
        const value: NameValue = { slot: slotOf(copular[1]), noun: copular[1], name, stance: reading.stance };
        if (reading.cue !== undefined) value.cue = reading.cue;
        found.push({ info, value, window: new Set(), text: nameText(value) });
      }
    }
  });
  const slots = new Set(found.map((item) => item.value.slot));
  if (slots.size === 0) return [];
  // Names given in passing in a shared claim ("a luxury Russian Aurus limousine") where the other sources
  // of the claim leave the same thing unnamed ("a car"): the slot is the claim's object.
  const byLocation = new Map<string, SentenceInfo>();
  for (const list of infos)
    for (const info of list) byLocation.set(`${info.source}:${info.sentence.start}`, info);
  for (const claim of claims) {
    if (claim.sources.length < 3) continue;
    for (const evidence of claim.evidence) {
      for (const match of evidence.text.matchAll(NAMED_NOUN)) {
        const noun = match[2]!;
        const slot = slotOf(noun);
        if (!slots.has(slot) || match[1] === undefined) continue;
        const name = stripDemonyms(match[1]);
        if (name === '') continue;
        const unnamedElsewhere = claim.evidence.filter(
          (other) =>
            other.source !== evidence.source &&
            passageTerms(other.text).has(slot) &&
            !other.text.includes(name),
        ).length;
        if (unnamedElsewhere * 2 < claim.evidence.length - 1) continue;
        const info = byLocation.get(`${evidence.source}:${evidence.start}`);
        if (info === undefined) continue;
        const article = articles[info.article]!;
        const reading = readStance(evidence.text, outletOption(article));
        const value: NameValue = { slot, noun, name, stance: reading.stance };
        if (reading.cue !== undefined) value.cue = reading.cue;
        found.push({ info, value, window: new Set(), text: nameText(value) });
      }
    }
  }
  const conflicts: Conflict[] = [];
  for (const slot of slots) {
    const members = found.filter((item) => item.value.slot === slot);
    const named = members.filter((item) => item.value.name !== undefined);
    const undisclosed = members.some((item) => item.value.name === undefined);
    const firm = named.filter(
      (item) => item.value.stance === 'asserts' || item.value.stance === 'attributes',
    );
    const names = named.map((item) => item.value.name!);
    const clash = names.some((first) => names.some((second) => !compatibleNames(first, second)));
    if (!(clash || (undisclosed && firm.length > 0))) continue;
    if (new Set(members.map((item) => item.info.source)).size < 2) continue;
    const positions = positionsOf(
      articles,
      members,
      (first, second) =>
        first.name === second.name && (first.stance === 'hedges') === (second.stance === 'hedges'),
    ).map((position, index) => {
      const member = members.find((item) => item.text === position.value) ?? members[index]!;
      const withStance: ConflictPosition = { ...position, stance: member.value.stance };
      if (member.value.cue !== undefined) withStance.cue = member.value.cue;
      return withStance;
    });
    if (positions.length < 2) continue;
    conflicts.push({ kind: 'name', topic: `which ${members[0]!.value.noun}`, positions });
  }
  return conflicts;
}

function nameText(value: NameValue): string {
  if (value.name === undefined) return 'not disclosed';
  return value.stance === 'hedges' ? `possibly ${value.name}` : value.name;
}

/** "Aurus" and "Aurus Senat" can name the same thing; "Aurus" and "Maybach" cannot. */
function compatibleNames(first: string, second: string): boolean {
  const left = first.toLowerCase().split(/\s+/);
  const right = second.toLowerCase().split(/\s+/);
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.every((word, index) => longer[index] === word);
}

function attributionConflicts(quotes: readonly QuoteGroup[], entities: EntityIndex): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const group of quotes) {
    const speakers = group.conflictingSpeakers;
    if (speakers === undefined || speakers.length < 2) continue;
    const positions: ConflictPosition[] = speakers.map((speaker) => ({
      value: speaker,
      sources: [],
      evidence: [],
    }));
    for (const variant of group.variants) {
      if (variant.speaker === undefined) continue;
      const canonical = entities.canonicalName(variant.source, variant.speaker) ?? variant.speaker;
      const position = positions.find((item) => item.value === canonical);
      if (position === undefined) continue;
      if (!position.sources.includes(variant.source)) position.sources.push(variant.source);
      position.evidence.push(variant.evidence);
    }
    const kept = positions.filter((position) => position.sources.length > 0);
    if (kept.length < 2 || !disputed(kept)) continue;
    const words = group.text.split(/\s+/);
    const topic = `who said “${words.slice(0, 10).join(' ')}${words.length > 10 ? '…' : ''}”`;
    conflicts.push({ kind: 'attribution', topic, positions: kept });
  }
  return conflicts;
}
