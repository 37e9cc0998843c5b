import type {
  AnalyzedArticle,
  Claim,
  Conflict,
  ConflictKind,
  ConflictPosition,
  DateValue,
  Evidence,
  Fact,
  FactValue,
  QuantityValue,
  Update,
  UpdatePosition,
} from '../model/index.js';
import { minOf } from '../text/iterables.js';
import { type DatedSpan, DURATION, sameFrame, type ValueFrame, valueFrame } from './conflict-values.js';
import { DisjointSets } from './disjoint-sets.js';
import { isEventMeasure, PERSON_ATTRIBUTES } from './facts.js';

/*
 * Facts are compared slot by slot, never sentence by sentence: values are bucketed by what they measure,
 * and two values of one bucket from different sources fill one slot when the words around them (weighted
 * by nearness and rarity) and the entities they concern agree. A slot whose values cannot all be true at
 * once is a conflict, unless later reports revise an earlier figure: then it is an update.
 */

/** What {@link compareFacts} finds. */
export interface FactComparison {
  conflicts: Conflict[];
  updates: Update[];
}

/** Slot similarity two figures of one measure need to fill one slot. */
const MIN_QUANTITY_SIMILARITY = 0.38;
/** The same, when the figures concern a shared participant (a named person, place or organisation). */
const MIN_QUANTITY_SIMILARITY_SHARED = 0.3;
/** Slot similarity two dates need to be dates of one event. */
const MIN_DATE_SIMILARITY = 0.45;
/** The same, when an event word stands next to both dates. */
const MIN_DATE_SIMILARITY_SHARED_EVENT = 0.3;
/** Two weekdays of one event must be told in much the same words: days of a story are many. */
const MIN_WEEKDAY_SIMILARITY = 0.6;
/** Rates and lengths of time are worded freely around a slot their unit already narrows. */
const MIN_LOOSE_SIMILARITY = 0.12;
/** Two tolls of one event near the top of their articles: their event word says most of what they count. */
const MIN_TOLL_SIMILARITY = 0.2;
/** Two days of one event further apart than this are more likely two events. */
const MAX_DATE_GAP_DAYS = 31;
/** Two years given for one event further apart than this are more likely two events. */
const MAX_YEAR_GAP = 3;
/** Two months given for one event further apart than this are more likely two events. */
const MAX_MONTH_GAP_DAYS = 93;
/** Ranks of one series need the words around them to agree this much. */
const MIN_ORDINAL_SIMILARITY = 0.4;
/** Buckets beyond this size are compared only within their first items: it bounds the pair count. */
const MAX_BUCKET = 300;

/** Which kind of conflict a value makes. */
function kindOf(value: FactValue): ConflictKind {
  if (value.type === 'name') return 'name';
  return value.type === 'date' || value.type === 'weekday' || value.type === 'time' ? 'date' : 'number';
}

/** Two names for one role agree when one is the other, or the other with more words ("Minneapolis, Minn."). */
function namesAgree(first: string, second: string): boolean {
  const normal = (name: string): string =>
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const left = normal(first);
  const right = normal(second);
  return left === right || left.startsWith(`${right} `) || right.startsWith(`${left} `);
}

/** The buckets a fact is compared in: its measure, and for a count of no casualties both tolls. */
function bucketsOf(fact: Fact): string[] {
  if (fact.value.type === 'date' || fact.value.type === 'weekday') return ['date'];
  if (fact.value.type === 'time') return ['time'];
  if (fact.slot.measure === 'casualties') return ['~kill', '~injur'];
  return [fact.slot.measure];
}

/** How interchangeable two words are, in [0, 1] (1 the same word), from a lexicon loaded at the edge. */
export type WordRelatedness = (first: string, second: string) => number;

/** A word pair at least this related counts as one term, in proportion to its score. */
const MIN_RELATED = 0.88;

/**
 * Weighted cosine of two slots' terms, each term weighted by its nearness and its rarity in the story.
 * With a lexicon, a term the other slot lacks meets that slot's most related word ("grossed" /
 * "accumulated"), at that word's score.
 */
function slotSimilarity(
  first: Fact,
  second: Fact,
  weights: ReadonlyMap<string, number>,
  related?: WordRelatedness,
): number {
  let dot = 0;
  let left = 0;
  let right = 0;
  for (const [term, weight] of Object.entries(first.slot.terms)) {
    const rarity = weights.get(term) ?? 0;
    const value = weight * rarity;
    left += value * value;
    const other = second.slot.terms[term];
    if (other !== undefined) dot += value * other * rarity;
    else if (related !== undefined && value > 0) {
      const word = first.slot.words?.[term];
      if (word === undefined) continue;
      let best = 0;
      let bestValue = 0;
      for (const [otherTerm, otherWeight] of Object.entries(second.slot.terms)) {
        if (first.slot.terms[otherTerm] !== undefined) continue;
        const otherWord = second.slot.words?.[otherTerm];
        if (otherWord === undefined) continue;
        const score = related(word, otherWord);
        if (score >= MIN_RELATED && score > best) {
          best = score;
          bestValue = otherWeight * (weights.get(otherTerm) ?? 0);
        }
      }
      if (best > 0) dot += value * bestValue * best;
    }
  }
  for (const [term, weight] of Object.entries(second.slot.terms)) {
    const value = weight * (weights.get(term) ?? 0);
    right += value * value;
  }
  return left === 0 || right === 0 ? 0 : dot / Math.sqrt(left * right);
}

/** Rarity of each slot term across the story's facts. */
function termWeights(facts: readonly Fact[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const fact of facts)
    for (const term of Object.keys(fact.slot.terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [term, seen] of frequency) weights.set(term, Math.log(1 + facts.length / seen));
  return weights;
}

/** Events that are each other's opposite ends: times and dates of one are never of the other. */
const OPPOSED: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^open/, /^clos/],
  [/^(?:start|~begin|began|launch|open)/, /^(?:end|finish|conclud|complet|clos)/],
  [/^(?:arriv|land)/, /^(?:depart|left|leav|took)/],
  [/^(?:~arrest|stop|pull|~charg|~convict|sentenc|jail)/, /^(?:releas|freed|bail|parol)/],
  [/^(?:discov|found|~find)/, /^(?:~arrest|charg)/],
];

function opposedEvents(first: Fact, second: Fact): boolean {
  const has = (fact: Fact, pattern: RegExp): boolean => fact.slot.events.some((term) => pattern.test(term));
  return OPPOSED.some(
    ([one, other]) =>
      (has(first, one) && !has(first, other) && has(second, other) && !has(second, one)) ||
      (has(first, other) && !has(first, one) && has(second, one) && !has(second, other)),
  );
}

function sharesEvent(first: Fact, second: Fact, related?: WordRelatedness): boolean {
  if (first.slot.events.some((term) => second.slot.events.includes(term))) return true;
  if (related === undefined) return false;
  // "checked into" and "entered", "grossed" and "accumulated": one event in two words.
  return first.slot.events.some((term) => {
    const word = first.slot.words?.[term];
    return (
      word !== undefined &&
      second.slot.events.some((other) => {
        const otherWord = second.slot.words?.[other];
        return otherWord !== undefined && related(word, otherWord) >= MIN_RELATED;
      })
    );
  });
}

/**
 * Whether two sentences open on the same noun with different words before it ("Used boat prices rose
 * 10.5%" / "Prices rose 5.4%", "Core inflation" / "Inflation"): figures of differently qualified subjects.
 */
function differentlyQualifiedSubjects(first: readonly string[], second: readonly string[]): boolean {
  const head = first.findIndex((term) => second.includes(term));
  if (head < 0) return false;
  const other = second.indexOf(first[head]!);
  return first.slice(0, head).join(' ') !== second.slice(0, other).join(' ');
}

/**
 * Words that scope what a figure counts ("career games", "additional sentences", "his first 11 seasons"):
 * a figure with one and a figure without count different things.
 */
const SCOPE_QUALIFIERS = new Set([
  'career',
  'addit',
  'total',
  'other',
  'more',
  'first',
  'last',
  'past',
  'final',
  'next',
  'previou',
  'initi',
  'remain',
  'further',
  'extra',
  'new',
  'annual',
  'overal',
  'consecut',
  'opening',
  'closing',
  'anoth',
]);

/**
 * Whether two figures' own words narrow them to different things: a scope word on one side only ("1,101
 * career games" / "52 games"), or descriptions that share nothing ("three outboard motors" / "three
 * rifles" never reach here, but "nine assault rifles" / "three hunting rifles" do). A description on one
 * side only ("two speed boats" / "three boats", "13 fully loaded magazines" / "13 loaded magazines")
 * narrows nothing.
 */
function differentlyNarrowed(first: readonly string[], second: readonly string[]): boolean {
  const scope = (terms: readonly string[]): string =>
    terms
      .filter((term) => SCOPE_QUALIFIERS.has(term) || term.startsWith('of-'))
      .sort()
      .join(' ');
  if (scope(first) !== scope(second)) return true;
  const describe = (terms: readonly string[]): string[] =>
    terms.filter((term) => !SCOPE_QUALIFIERS.has(term) && !term.startsWith('of-'));
  const [left, right] = [describe(first), describe(second)];
  return left.length > 0 && right.length > 0 && !left.some((term) => right.includes(term));
}

function sharesParticipant(first: Fact, second: Fact): boolean {
  return first.slot.participants.some((name) =>
    second.slot.participants.some((other) => sameName(name, other)),
  );
}

/**
 * Whether two names may name one party: equal, or sharing a word of three letters or more ("Teixeira" and
 * "Mark Teixeira", "Red Sox" and "Boston Red Sox") — the entity stage merges most aliases, and a figure
 * is not to be split from its slot over one it left apart.
 */
/** Offices of organisations, as against ranks of forces. */
const OFFICES = new Set(['CEO', 'COO', 'CFO', 'chairman', 'president']);

/** Whether a title is an office or a rank. */
function titleKind(title: string): 'office' | 'rank' {
  return OFFICES.has(title) ? 'office' : 'rank';
}

/**
 * Whether two names of people name one person: the same family name (their last word), and the same
 * given name when both give one ("Gary Gomes" is not his mother "Catherine Gomes"; "LaSalle" is
 * "Anthony Phillip LaSalle").
 */
function samePerson(first: string, second: string): boolean {
  const words = (name: string): string[] =>
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}'’-]+/u)
      .filter((word) => word !== '' && !/^(?:jr|sr|ii|iii|mr|mrs|ms|dr)$/.test(word));
  const left = words(first);
  const right = words(second);
  const family = left.at(-1);
  if (family === undefined || family.length < 2 || family !== right.at(-1)) return false;
  const [leftGiven] = left;
  const [rightGiven] = right;
  if (left.length < 2 || right.length < 2 || leftGiven === undefined || rightGiven === undefined) return true;
  return (
    leftGiven === rightGiven ||
    (leftGiven[0] === rightGiven && rightGiven.length === 1) ||
    (rightGiven[0] === leftGiven && leftGiven.length === 1)
  );
}

function sameName(first: string, second: string): boolean {
  if (first === second) return true;
  const words = (name: string): string[] =>
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !GENERIC_NAME_WORDS.has(word));
  const left = new Set(words(first));
  return words(second).some((word) => left.has(word));
}

/** Words many names share, which say nothing about which party a name is. */
const GENERIC_NAME_WORDS = new Set([
  'the',
  'new',
  'united',
  'national',
  'state',
  'states',
  'city',
  'county',
  'north',
  'south',
  'east',
  'west',
  'san',
  'los',
  'las',
  'saint',
  'fort',
  'port',
  'department',
  'ministry',
  'office',
  'university',
  'company',
  'group',
  'party',
  'council',
]);

const DAY = 86_400_000;
function dayNumber(value: string): number {
  return Date.parse(`${value.slice(0, 10)}T00:00:00Z`) / DAY;
}

/** The weekday of a day-precision date, 0 for Sunday. */
function weekdayOf(value: DateValue): number | undefined {
  if (value.precision !== 'day') return undefined;
  return new Date(Date.parse(`${value.value}T12:00:00Z`)).getUTCDay();
}

/**
 * Whether two values can both be true of one slot at one time: overlapping ranges (rounding and bounds
 * included), dates of which one contains the other, the same weekday, the same record or rank.
 */
export function valuesCompatible(first: FactValue, second: FactValue): boolean {
  if (first.type === 'quantity' && second.type === 'quantity') {
    if (first.unit !== second.unit && !(first.high === 0 || second.high === 0)) return true;
    return first.low <= second.high && second.low <= first.high;
  }
  if (first.type === 'date' && second.type === 'date') return datesOverlap(first, second);
  if (first.type === 'weekday' && second.type === 'weekday') return first.day === second.day;
  if (first.type === 'weekday' && second.type === 'date')
    return weekdayOf(second) === undefined || weekdayOf(second) === first.day;
  if (first.type === 'date' && second.type === 'weekday') return valuesCompatible(second, first);
  if (first.type === 'record' && second.type === 'record')
    return (
      first.wins === second.wins &&
      first.losses === second.losses &&
      (first.draws ?? 0) === (second.draws ?? 0)
    );
  if (first.type === 'ordinal' && second.type === 'ordinal') return first.rank === second.rank;
  if (first.type === 'name' && second.type === 'name') return namesAgree(first.name, second.name);
  if (first.type === 'time' && second.type === 'time') {
    // A night runs past midnight: "2 a.m." is in it as 26:00.
    const overlap = (shift: number): boolean =>
      first.low <= second.high + shift && second.low + shift <= first.high;
    return overlap(0) || overlap(1440) || overlap(-1440);
  }
  return true;
}

/** Whether two dates or spans of dates share a day at their common precision. */
function datesOverlap(first: DateValue, second: DateValue): boolean {
  const precision = Math.min(first.value.length, second.value.length);
  const cut = (value: string): string => value.slice(0, precision);
  const firstEnd = cut(first.endDate ?? first.value);
  const secondEnd = cut(second.endDate ?? second.value);
  return cut(first.value) <= secondEnd && cut(second.value) <= firstEnd;
}

/**
 * Whether two dates can be two versions of one event's date: the same precision ("May" does not dispute
 * "July 27"; it may be another event of the month), and both a point or both a span ("elected in 1978"
 * and "served from 1979 through 2009" date two events) — a decade is a vague point and meets a year.
 */
function comparableDates(first: DateValue, second: DateValue): boolean {
  if (first.precision !== second.precision) return false;
  const decade = (value: DateValue): boolean =>
    value.endDate !== undefined &&
    /0$/.test(value.value) &&
    Number(value.endDate) - Number(value.value) === 9;
  const span = (value: DateValue): boolean => value.endDate !== undefined && !decade(value);
  return span(first) === span(second);
}

/** Whether two values are close enough to be versions of one event's date rather than two events. */
function plausiblySameEvent(first: FactValue, second: FactValue): boolean {
  if (first.type === 'date' && second.type === 'date') {
    if (first.precision === 'day' && second.precision === 'day')
      return Math.abs(dayNumber(first.value) - dayNumber(second.value)) <= MAX_DATE_GAP_DAYS;
    // Years apart, spans measured from their nearer end ("the 1940s" is one year from 1950).
    const year = (value: string): number => Number(value.slice(0, 4));
    const gap = (left: DateValue, right: DateValue): number =>
      year(right.value) - year(left.endDate ?? left.value);
    // Two spans are two periods unless they start close together ("the early 1980s" / "the early 1990s").
    const years =
      first.endDate !== undefined && second.endDate !== undefined
        ? Math.abs(year(first.value) - year(second.value))
        : Math.max(0, gap(first, second), gap(second, first));
    if (first.precision === 'year' || second.precision === 'year') return years <= MAX_YEAR_GAP;
    return Math.abs(dayNumber(`${first.value}-01`) - dayNumber(`${second.value}-01`)) <= MAX_MONTH_GAP_DAYS;
  }
  return true;
}

const AS_OF_BEFORE = /\b(?:as\s+of|by|through|until|up\s+to)\s+$/i;

/** The frame of a figure: the period, place and projection its sentence scopes it to. */
function frameOf(article: AnalyzedArticle, fact: Fact): ValueFrame {
  const sentence = article.segmentation.sentences[fact.sentence]!;
  // "by Monday evening" says when the figure stood, which is its as-of time, not a period it covers.
  const dates: DatedSpan[] = article.dates
    .filter(
      (date) =>
        date.sentence === fact.sentence &&
        !AS_OF_BEFORE.test(sentence.text.slice(0, date.start - sentence.start)),
    )
    .map((date) => ({
      value: date.value,
      precision: date.precision,
      start: date.start - sentence.start,
      end: date.end - sentence.start,
    }));
  // "In 2005, a 6.4 quake hit Zarand. It killed 612 people": a sentence that opens on a pronoun goes on
  // about the event before it, and takes that sentence's dates as its frame.
  if (dates.length === 0 && fact.sentence > 0 && CONTINUING.test(sentence.text)) {
    const previous = article.segmentation.sentences[fact.sentence - 1]!;
    for (const date of article.dates)
      if (date.sentence === previous.index && date.precision !== 'day')
        dates.push({ value: date.value, precision: date.precision, start: -1, end: -1 });
  }
  // "handed out blankets Monday to survivors of a quake that killed 10": a day of the story's own week
  // often says when something else happened. It tells two figures apart only when both name a day.
  const written = article.dates.filter((date) => date.sentence === fact.sentence);
  const storyDay = (date: DatedSpan): boolean =>
    written.some((mention) => mention.start - sentence.start === date.start && STORY_DAY.test(mention.text));
  return valueFrame(sentence.text, fact.start - sentence.start, fact.end - sentence.start, {
    dates: dates.map((date) => (storyDay(date) ? { ...date, storyDay: true } : date)),
  });
}

/** Days named relative to the report ("Monday", "yesterday", "late Sunday"): the story's own days. */
const STORY_DAY =
  /^(?:(?:on|early|late|last|this|since|by|until)\s+)*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight)\b/i;

/** A sentence that goes on about the one before: it opens on a pronoun. */
const CONTINUING = /^(?:It|That|This|They)\s/;

/** Why two facts are not values of one slot; each names the test that told them apart. */
export type SlotMismatch =
  | 'same-source'
  | 'denied'
  | 'different-measure'
  | 'different-event'
  | 'different-holder'
  | 'different-complement'
  | 'different-qualifiers'
  | 'unlike-words'
  | 'different-frame'
  | 'too-far-apart';

/** The story-wide context slot comparison reads: term rarities and each figure's frame. */
export interface SlotContext {
  weights: ReadonlyMap<string, number>;
  frames: (fact: Fact) => ValueFrame;
  /** Whether alignment put the two facts' sentences in one claim: they state one thing in two wordings. */
  aligned?: (first: Fact, second: Fact) => boolean;
  /** How related two words are, when a lexicon was loaded. */
  related?: WordRelatedness;
}

/** What {@link compareFacts} reads besides the facts: alignment's claims and a lexicon's word relatedness. */
export interface CompareOptions {
  claims?: ClaimSentences;
  related?: WordRelatedness;
}

/** Sentences that alignment put in one claim, as the keys of their sources and starts. */
export interface ClaimSentences {
  /** The claim ids of each `source@start` sentence key. */
  claimsOf: ReadonlyMap<string, readonly string[]>;
}

/** Indexes the sentences of each claim, for {@link compareFacts}. */
export function claimSentences(claims: readonly Claim[]): ClaimSentences {
  const claimsOf = new Map<string, string[]>();
  for (const claim of claims) {
    if (claim.sources.length < 2) continue;
    for (const item of claim.evidence) {
      const key = `${item.source}@${item.start}`;
      const list = claimsOf.get(key) ?? [];
      if (!list.includes(claim.id)) list.push(claim.id);
      claimsOf.set(key, list);
    }
  }
  return { claimsOf };
}

/**
 * Why two facts do not fill one slot, or undefined when they do.
 * @param first - a fact
 * @param second - a fact of the same bucket
 * @param context - the story's term weights and figure frames
 */
export function slotMismatch(first: Fact, second: Fact, context: SlotContext): SlotMismatch | undefined {
  if (first.source === second.source) return 'same-source';
  // A fact reported as denied is a stance, not a value: the stance stage compares it.
  if (first.modality === 'denied' || second.modality === 'denied') return 'denied';
  // A person's age, home town or title is that person's: the holder alone names the slot.
  if (PERSON_ATTRIBUTES.has(first.slot.measure) || PERSON_ATTRIBUTES.has(second.slot.measure)) {
    if (first.slot.measure !== second.slot.measure) return 'different-measure';
    // A rank and an office are two titles one person holds at once ("Gen. Mark Milley, the chairman").
    if (
      first.value.type === 'name' &&
      second.value.type === 'name' &&
      titleKind(first.value.name) !== titleKind(second.value.name)
    )
      return 'different-measure';
    return first.slot.holder !== undefined &&
      second.slot.holder !== undefined &&
      samePerson(first.slot.holder, second.slot.holder)
      ? undefined
      : 'different-holder';
  }
  const value = first.value;
  let cached: number | undefined;
  const similarity = (): number => {
    cached ??= slotSimilarity(first, second, context.weights, context.related);
    return cached;
  };
  // "Jackson, arrested Jan. 6" and "Williams was arrested Feb. 1": two people's days are two events.
  if (
    kindOf(value) === 'date' &&
    first.slot.holder !== undefined &&
    second.slot.holder !== undefined &&
    first.slot.holderIsPerson === true &&
    second.slot.holderIsPerson === true &&
    !samePerson(first.slot.holder, second.slot.holder)
  )
    return 'different-holder';
  // Polls that opened at 8 a.m. and closed at 4 p.m., a man charged in 2005 and released in 2006.
  if (kindOf(value) === 'date' && opposedEvents(first, second)) return 'different-event';
  if (value.type === 'time') {
    if (second.value.type !== 'time') return 'different-measure';
    // "Saturday morning" and "Thursday evening" are two days' times: no one time of one event.
    if (value.day !== undefined && second.value.day !== undefined && value.day !== second.value.day)
      return 'different-measure';
    // A time of day is one step of a story (a surrender in the morning, charges unsealed at 2 p.m.): two
    // times meet only on the event beside both, or on the same people and places named.
    if (sharesEvent(first, second, context.related) && similarity() >= MIN_DATE_SIMILARITY_SHARED_EVENT)
      return undefined;
    const shared = first.slot.participants.filter((name) => second.slot.participants.includes(name));
    return shared.length >= 2 ? undefined : 'unlike-words';
  }
  if (value.type === 'date' || value.type === 'weekday') {
    if (second.value.type !== 'date' && second.value.type !== 'weekday') return 'different-measure';
    if (!plausiblySameEvent(value, second.value)) return 'too-far-apart';
    if (value.type === 'date' && second.value.type === 'date' && !comparableDates(value, second.value))
      return 'different-measure';
    // A weekday against a written date rests on a publication day that scraped pages often lack or
    // misstate; two weekdays disagree only about one event plainly named beside both.
    // A weekday against a written date's own weekday needs no publication day: "Tuesday, December 9"
    // is a Tuesday whatever day the page was printed.
    const dayOfDate = (other: FactValue): boolean => other.type === 'date' && other.precision === 'day';
    // Alignment is not asked here: it joins sentences on one topic as well as restatements, and two days
    // in sentences on one topic are most often the days of two steps of the story.
    const weekdaysMeet = (): boolean =>
      similarity() >= MIN_WEEKDAY_SIMILARITY && sharesEvent(first, second, context.related);
    if (value.type !== second.value.type) {
      if (!(value.type === 'weekday' ? dayOfDate(second.value) : dayOfDate(value)))
        return 'different-measure';
      return weekdaysMeet() ? undefined : 'unlike-words';
    }
    if (value.type === 'weekday') return weekdaysMeet() ? undefined : 'unlike-words';
    if (similarity() >= MIN_DATE_SIMILARITY) return undefined;
    // "an inspection on March 7" and "an inspection carried out on March 5": the event word beside both.
    return sharesEvent(first, second, context.related) && similarity() >= MIN_DATE_SIMILARITY_SHARED_EVENT
      ? undefined
      : 'unlike-words';
  }
  // Two people's figures are two slots: DiLeo's 19 seasons and Cheeks's 11, Klitschko's record and Povetkin's.
  if (
    first.slot.holder !== undefined &&
    second.slot.holder !== undefined &&
    !sameName(first.slot.holder, second.slot.holder)
  )
    return 'different-holder';
  // The Orioles' offer and the Red Sox's, J. D. Drew's contract and Teixeira's: disjoint parties.
  if (
    first.slot.parties.length > 0 &&
    second.slot.parties.length > 0 &&
    !first.slot.parties.some((name) => second.slot.parties.some((other) => sameName(name, other)))
  )
    return 'different-holder';
  if (
    first.slot.organizations.length > 0 &&
    second.slot.organizations.length > 0 &&
    !first.slot.organizations.some((name) => second.slot.organizations.some((other) => sameName(name, other)))
  )
    return 'different-holder';
  if (value.type === 'record') {
    if (second.value.type !== 'record') return 'different-measure';
    // A vote's tally is the vote's: the measure and the words of the vote name it, not a holder.
    if (first.slot.measure === 'vote' || second.slot.measure === 'vote')
      return first.slot.measure === second.slot.measure && similarity() >= MIN_LOOSE_SIMILARITY
        ? undefined
        : 'unlike-words';
    return first.slot.participants[0] !== undefined &&
      first.slot.participants[0] === second.slot.participants[0]
      ? undefined
      : 'different-holder';
  }
  // "four seasons as the team's director" and "19 seasons with the 76ers" count different things.
  if (
    first.slot.complement.length > 0 &&
    second.slot.complement.length > 0 &&
    !first.slot.complement.some((term) => second.slot.complement.includes(term))
  )
    return 'different-complement';
  // "a $1 trillion infrastructure bill" and "the $3.5 trillion budget resolution": amounts of two things.
  if (
    first.slot.object !== undefined &&
    second.slot.object !== undefined &&
    !first.slot.object.some((term) => second.slot.object?.includes(term))
  )
    return 'different-complement';
  // "1,101 career games" and "52 games", "two additional life sentences" and "three life sentences".
  if (differentlyNarrowed(first.slot.qualifiers, second.slot.qualifiers)) return 'different-qualifiers';
  if (value.type === 'ordinal') {
    // "second victory over Thompson" and "58th victory" rank different series.
    if ((first.slot.complement.length === 0) !== (second.slot.complement.length === 0))
      return 'different-complement';
    // The degree of one person's charge is named by its measure: the rest of the words may vary.
    const needed = first.slot.measure === 'ordinal:degre' ? MIN_LOOSE_SIMILARITY : MIN_ORDINAL_SIMILARITY;
    return similarity() >= needed && sharesParticipant(first, second) ? undefined : 'unlike-words';
  }
  const unit = (value as QuantityValue).unit;
  // A rate ("vehicles a day") names its slot; any other figure needs an event or measure word next to both
  // values ("extend the licence for two months" / "keeps its licence alive for three months").
  // A count of one counted thing in two sentences alignment reads as one statement is one slot; a length
  // of time is too common a unit to say as much.
  const together =
    unit !== DURATION && context.aligned?.(first, second) === true && similarity() >= MIN_LOOSE_SIMILARITY;
  if (!unit.includes('/') && !together && !sharesEvent(first, second, context.related))
    return 'different-event';
  if (differentlyQualifiedSubjects(first.slot.subject, second.slot.subject)) return 'different-qualifiers';
  let needed = sharesParticipant(first, second) ? MIN_QUANTITY_SIMILARITY_SHARED : MIN_QUANTITY_SIMILARITY;
  // A toll ("killing 10", "ten people were killed") is named by its event: the rest of the wording varies
  // from outlet to outlet, and only a frame or a holder sets two tolls apart.
  // Deeper in an article a toll is as often a part's ("In another, floodwaters swept through a care home,
  // killing 12"): there the words must agree as for any figure.
  const toll =
    first.slot.measure === second.slot.measure &&
    isEventMeasure(first.slot.measure) &&
    ((first.sentence <= LEAD_SENTENCES && second.sentence <= LEAD_SENTENCES) ||
      sharesParticipant(first, second));
  if (unit.includes('/') || unit === DURATION) needed = MIN_LOOSE_SIMILARITY;
  else if (toll) needed = MIN_TOLL_SIMILARITY;
  if (!together && similarity() < needed) return 'unlike-words';
  // How often something happened is scoped by its own words, not by the dates around it.
  if (unit === 'time') return undefined;
  return sameFrame(context.frames(first), context.frames(second)) ? undefined : 'different-frame';
}

/** Slot similarity of two facts in a story, for reading decisions. */
export function slotScore(first: Fact, second: Fact, context: SlotContext): number {
  return slotSimilarity(first, second, context.weights, context.related);
}

/** The context {@link slotMismatch} reads, built once per story. */
export function slotContext(
  facts: readonly Fact[],
  articles: readonly AnalyzedArticle[],
  options: CompareOptions = {},
): SlotContext {
  const claims = options.claims;
  const byId = new Map(articles.map((article) => [article.source.id, article]));
  const claimKey = (fact: Fact): string =>
    `${fact.source}@${byId.get(fact.source)!.segmentation.sentences[fact.sentence]!.start}`;
  const aligned =
    claims === undefined
      ? undefined
      : (first: Fact, second: Fact): boolean => {
          const left = claims.claimsOf.get(claimKey(first));
          const right = claims.claimsOf.get(claimKey(second));
          return left !== undefined && right !== undefined && left.some((id) => right.includes(id));
        };
  const weights = termWeights(facts);
  const written = new Map<Fact, ValueFrame>();
  const writtenFrame = (fact: Fact): ValueFrame => {
    let frame = written.get(fact);
    if (frame === undefined) {
      frame = frameOf(byId.get(fact.source)!, fact);
      written.set(fact, frame);
    }
    return frame;
  };
  let home: string[] | undefined;
  // A figure with no place of its own is of the story's place: "10 killed" in a story on a quake in Iran
  // is not the "dozen killed by a quake in eastern China" that one outlet adds as background.
  const storyPlaces = (): string[] => {
    if (home !== undefined) return home;
    const sourcesByPlace = new Map<string, Set<string>>();
    for (const fact of facts)
      for (const place of writtenFrame(fact).places) {
        if (place === 'World') continue;
        const sources = sourcesByPlace.get(place) ?? new Set<string>();
        sources.add(fact.source);
        sourcesByPlace.set(place, sources);
      }
    const sourceCount = new Set(facts.map((fact) => fact.source)).size;
    const ranked = [...sourcesByPlace].sort((left, right) => right[1].size - left[1].size);
    const top = ranked[0];
    home =
      top !== undefined && top[1].size >= 2 && top[1].size * 3 >= sourceCount
        ? ranked.filter(([, sources]) => sources.size === top[1].size).map(([place]) => place)
        : [];
    return home;
  };
  const cache = new Map<Fact, ValueFrame>();
  const frames = (fact: Fact): ValueFrame => {
    let frame = cache.get(fact);
    if (frame === undefined) {
      frame = writtenFrame(fact);
      if (frame.places.length === 0 && storyPlaces().length > 0) frame = { ...frame, places: storyPlaces() };
      cache.set(fact, frame);
    }
    return frame;
  };
  return {
    weights,
    frames,
    ...(aligned !== undefined && { aligned }),
    ...(options.related !== undefined && { related: options.related }),
  };
}

/**
 * Index pairs `[a, b]` (a < b) of facts from different sources that share a slot term or a participant:
 * every other pair has a slot similarity of 0 and no holder in common, so no test could join it. An
 * inverted index keeps the cost to the real candidates instead of all pairs.
 */
function pairsSharingKey(facts: readonly Fact[]): Array<[number, number]> {
  const postings = new Map<string, number[]>();
  facts.forEach((fact, index) => {
    for (const key of [
      ...Object.keys(fact.slot.terms),
      ...fact.slot.participants.map((name) => `@${name}`),
    ]) {
      const posting = postings.get(key);
      if (posting === undefined) postings.set(key, [index]);
      else if (posting.at(-1) !== index) posting.push(index);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const posting of postings.values()) {
    for (let left = 0; left < posting.length; left++) {
      for (let right = left + 1; right < posting.length; right++) {
        const a = posting[left]!;
        const b = posting[right]!;
        if (facts[a]!.source === facts[b]!.source) continue;
        const key = a * facts.length + b;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([a, b]);
      }
    }
  }
  return pairs.sort((first, second) => first[0] - second[0] || first[1] - second[1]);
}

/** Sentences from the top of an article that state its main event: a headline, a standfirst, the lead. */
const LEAD_SENTENCES = 3;

/** Mismatches that tell two slots apart outright: a group holding both facts would join two slots. */
const SEPARATING: ReadonlySet<SlotMismatch> = new Set(['different-frame']);

/**
 * Groups of items linked by pairs, the strongest links first, where no group may hold two items that
 * must stay apart. Plain chains of links join a quake's toll to an older quake's through one sentence
 * that resembles both; a source that gives both figures, or a frame that sets them apart, forbids it.
 */
function constrainedComponents(
  count: number,
  pairs: ReadonlyArray<readonly [number, number, number]>,
  apart: ReadonlyArray<readonly number[]>,
): number[][] {
  const sets = new DisjointSets(count);
  const members = new Map<number, number[]>(Array.from({ length: count }, (_, index) => [index, [index]]));
  const ordered = [...pairs].sort(
    (left, right) => right[2] - left[2] || left[0] - right[0] || left[1] - right[1],
  );
  for (const [first, second] of ordered) {
    const leftRoot = sets.find(first);
    const rightRoot = sets.find(second);
    if (leftRoot === rightRoot) continue;
    const left = members.get(leftRoot)!;
    const right = members.get(rightRoot)!;
    // The few items each must stay apart from, looked up by their group: no scan of all member pairs.
    const [small, otherRoot] = left.length <= right.length ? [left, rightRoot] : [right, leftRoot];
    if (small.some((item) => apart[item]!.some((other) => sets.find(other) === otherRoot))) continue;
    sets.union(first, second);
    const root = sets.find(first);
    members.set(root, [...left, ...right]);
    members.delete(root === leftRoot ? rightRoot : leftRoot);
  }
  return sets.groups();
}

/**
 * A component without its loosely attached members: chains of pairs can join two slots through a value
 * that resembles both ("11 seasons as a player with the 76ers" between "four seasons as director" and "19
 * seasons with the 76ers"). Members that match fewer than half of the others leave, the weakest first.
 */
function cohesive(component: readonly number[], matches: (a: number, b: number) => boolean): number[] {
  const members = [...component];
  while (members.length > 2) {
    const degrees = members.map(
      (member) => members.filter((other) => other !== member && matches(member, other)).length,
    );
    const weakest = degrees.indexOf(minOf(degrees));
    if (degrees[weakest]! * 2 >= members.length - 1) break;
    members.splice(weakest, 1);
  }
  return members;
}

/**
 * One fact per source per time: a source whose sentence gives two figures that both resemble the slot
 * ("over 55% have received one dose, and 39% are fully vaccinated") keeps the one most like the other
 * sources' figures, and a source reporting at two times keeps one figure for each.
 */
function bestPerSource(members: readonly Fact[], context: SlotContext): Fact[] {
  // Several dates from one source ("the Emmys in 2001 and 2005, co-hosting them in 2003") are several
  // events of the slot, not one date to choose from: the slot is left whole, and shows no dispute.
  if (
    members.some(
      (fact) => fact.value.type === 'date' || fact.value.type === 'weekday' || fact.value.type === 'time',
    )
  )
    return [...members];
  const bySource = new Map<string, Fact[]>();
  for (const fact of members) {
    const key = `${fact.source}@${fact.asOf ?? ''}`;
    const list = bySource.get(key) ?? [];
    list.push(fact);
    bySource.set(key, list);
  }
  const kept = new Set<Fact>();
  for (const facts of bySource.values()) {
    if (facts.length === 1) {
      kept.add(facts[0]!);
      continue;
    }
    const others = members.filter((other) => other.source !== facts[0]!.source);
    const affinity = (fact: Fact): number =>
      others.reduce((total, other) => total + slotScore(fact, other, context), 0);
    const best = [...facts].sort((left, right) => affinity(right) - affinity(left))[0]!;
    // "at least three people" and "three people killed" in one report: the exact figure says more.
    const exact = facts
      .filter((fact) => valuesCompatible(fact.value, best.value))
      .sort((left, right) => width(left.value) - width(right.value))[0]!;
    kept.add(exact);
  }
  return members.filter((fact) => kept.has(fact));
}

/** How wide a range a value allows: a bound is wider than any figure, a figure than an exact count. */
function width(value: FactValue): number {
  return value.type === 'quantity' ? value.high - value.low : 0;
}

interface Group {
  facts: Fact[];
}

/** Values of one slot grouped into classes whose members are all compatible. */
function classesOf(members: readonly Fact[]): Group[] {
  const groups: Group[] = [];
  for (const fact of members) {
    const home = groups.find((group) =>
      group.facts.every((other) => valuesCompatible(other.value, fact.value)),
    );
    if (home) home.facts.push(fact);
    else groups.push({ facts: [fact] });
  }
  return groups;
}

function evidenceOf(articles: ReadonlyMap<string, AnalyzedArticle>, fact: Fact): Evidence {
  const sentence = articles.get(fact.source)!.segmentation.sentences[fact.sentence]!;
  return { source: fact.source, start: sentence.start, end: sentence.end, text: sentence.text };
}

function positionOf(articles: ReadonlyMap<string, AnalyzedArticle>, group: Group): ConflictPosition {
  const sources: string[] = [];
  const evidence: Evidence[] = [];
  for (const fact of group.facts) {
    if (!sources.includes(fact.source)) sources.push(fact.source);
    const passage = evidenceOf(articles, fact);
    if (!evidence.some((item) => item.source === passage.source && item.start === passage.start))
      evidence.push(passage);
  }
  // The class is named by its most exact figure: "10 people" rather than "at least 10 people".
  const first = [...group.facts].sort((left, right) => width(left.value) - width(right.value))[0]!;
  // A date is given in its normal form, so "March 7" and "7 March" read as one value.
  const value =
    first.value.type === 'date'
      ? first.value.value
      : first.value.type === 'name'
        ? first.value.name
        : first.text;
  return { value, sources, evidence };
}

/** Whether each source stands in one class only: a source giving two values shows the slot holds several things. */
function oneClassPerSource(groups: readonly Group[]): boolean {
  const seen = new Map<string, number>();
  for (const [index, group] of groups.entries()) {
    for (const fact of group.facts) {
      const other = seen.get(fact.source);
      if (other !== undefined && other !== index) return false;
      seen.set(fact.source, index);
    }
  }
  return true;
}

/** The earliest and latest as-of time of a class, or undefined when a member has none. */
function timesOf(group: Group): [string, string] | undefined {
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const fact of group.facts) {
    if (fact.asOf === undefined) return undefined;
    if (earliest === undefined || fact.asOf < earliest) earliest = fact.asOf;
    if (latest === undefined || fact.asOf > latest) latest = fact.asOf;
  }
  return earliest === undefined || latest === undefined ? undefined : [earliest, latest];
}

/** Units of measurement (distance, weight, area, volume, speed): a length is no count that accumulates. */
const MEASUREMENT_UNITS =
  /^(?:mile|km|kilometr|kilomet|metr|meter|feet|foot|inch|yard|kg|kilogram|gram|ton|tonn|pound|lb|acr|hectar|litr|liter|gallon|barrel|knot|mph|degre)/;

/** Measures that only grow as a story develops: a toll, a count of arrests, a tally of money raised. */
function isTally(value: FactValue): value is QuantityValue {
  // A length of time, a magnitude or a share is a fact of one moment, not a count that accumulates.
  return (
    value.type === 'quantity' &&
    value.unit !== 'magnitude' &&
    value.unit !== 'age' &&
    !MEASUREMENT_UNITS.test(value.unit) &&
    value.unit !== 'percent' &&
    value.unit !== DURATION
  );
}

/**
 * The classes in time order when they read as a developing figure: every class reported at its own
 * time, each strictly after the one before, and the figure never falling as time goes on.
 */
function asUpdate(groups: readonly Group[]): Array<{ group: Group; asOf: string }> | undefined {
  if (!groups.every((group) => isTally(group.facts[0]!.value))) return undefined;
  const timed = groups.map((group) => ({ group, times: timesOf(group) }));
  if (timed.some((item) => item.times === undefined)) return undefined;
  const ordered = [...timed].sort((left, right) => left.times![0].localeCompare(right.times![0]));
  for (let index = 1; index < ordered.length; index++) {
    const previous = ordered[index - 1]!;
    const current = ordered[index]!;
    if (previous.times![1] >= current.times![0]) return undefined;
    const before = previous.group.facts[0]!.value as QuantityValue;
    const after = current.group.facts[0]!.value as QuantityValue;
    if (after.high < before.low) return undefined;
  }
  return ordered.map((item) => ({ group: item.group, asOf: item.times![1] }));
}

/** The slot's name: the words near the first value that the other values share, then what is measured. */
/**
 * Compatible values of a tally read as a revision: reported at two or more times, the figure at each time
 * higher than at the one before ("at least 5 dead" on Monday, "at least 24" on Tuesday). Each time is one
 * position; undefined when a value lacks a time, a time holds two figures, or the figure never grows.
 */
function asRevision(members: readonly Fact[]): Array<{ group: Group; asOf: string }> | undefined {
  if (!members.every((fact) => fact.asOf !== undefined && isTally(fact.value))) return undefined;
  const byTime = new Map<string, Fact[]>();
  for (const fact of members) {
    const list = byTime.get(fact.asOf!) ?? [];
    list.push(fact);
    byTime.set(fact.asOf!, list);
  }
  if (byTime.size < 2) return undefined;
  const ordered = [...byTime.entries()].sort(([left], [right]) => left.localeCompare(right));
  const lows: number[] = [];
  for (const [, facts] of ordered) {
    const values = new Set(facts.map((fact) => (fact.value as QuantityValue).low));
    if (values.size > 1) return undefined;
    lows.push([...values][0]!);
  }
  for (let index = 1; index < lows.length; index++) if (lows[index]! <= lows[index - 1]!) return undefined;
  return ordered.map(([asOf, facts]) => ({ group: { facts }, asOf }));
}

function topicOf(members: readonly Fact[], kind: ConflictKind): string {
  const [first, ...rest] = members;
  if (first === undefined) return kind;
  if (PERSON_ATTRIBUTES.has(first.slot.measure)) return first.slot.label;
  const shared = first.slot.label
    .split(' ')
    .filter(
      (word) =>
        word !== '' &&
        rest.some((member) => Object.keys(member.slot.terms).some((term) => termMatches(term, word))),
    );
  if (kind === 'date') return shared.length === 0 ? 'date' : `date of ${shared.join(' ')}`;
  const value = first.value;
  // The counted noun is named once, after the slot's words: "inspectors counted girder (cracks)".
  const counted = value.type === 'quantity' ? first.text.toLowerCase().split(/\s+/) : [];
  const about = shared.filter((word) => !counted.includes(word.toLowerCase())).join(' ');
  let unit = first.slot.measure.replace(/^~/, '');
  if (value.type === 'quantity') {
    unit = value.unit.startsWith('money:')
      ? value.unit.slice(6)
      : first.text.replace(/^[^\d$£€¥]*[$£€¥]?[\d,.]+\s*/, '').trim() || unit;
  } else if (value.type === 'record') unit = 'record';
  else if (value.type === 'ordinal') unit = `rank (${first.slot.measure.replace(/^ordinal:~?/, '')})`;
  return about === '' ? unit : `${about} (${unit})`;
}

/** Whether a slot term is the term of a written word (its stem, or its paraphrase class). */
function termMatches(term: string, word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  return term === lower || lower.startsWith(term.replace(/^~/, '')) || term.startsWith(lower.slice(0, 4));
}

/**
 * Compares the story's facts across sources: conflicts where values of one slot cannot all be true at
 * one time, updates where later reports revise a developing figure.
 * Needs: facts of every article, and the analysed articles they index into. Adds: conflicts and updates
 * of numbers and dates.
 * @param facts - every article's facts
 * @param articles - the analysed articles, for the passages positions cite
 */
export function compareFacts(
  facts: readonly Fact[],
  articles: readonly AnalyzedArticle[],
  options: CompareOptions = {},
): FactComparison {
  const byId = new Map(articles.map((article) => [article.source.id, article]));
  const context = slotContext(facts, articles, options);
  const buckets = new Map<string, Fact[]>();
  for (const fact of facts) {
    for (const key of bucketsOf(fact)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(fact);
      else buckets.set(key, [fact]);
    }
  }
  const conflicts: Conflict[] = [];
  const updates: Update[] = [];
  for (const all of buckets.values()) {
    const bucket = all.slice(0, MAX_BUCKET);
    if (new Set(bucket.map((fact) => fact.source)).size < 2) continue;
    const pairs: Array<[number, number, number]> = [];
    const apart: number[][] = bucket.map(() => []);
    for (const [a, b] of pairsSharingKey(bucket)) {
      const mismatch = slotMismatch(bucket[a]!, bucket[b]!, context);
      if (mismatch === undefined) pairs.push([a, b, slotScore(bucket[a]!, bucket[b]!, context)]);
      else if (SEPARATING.has(mismatch)) {
        apart[a]!.push(b);
        apart[b]!.push(a);
      }
    }
    // One source's two figures of one time are two slots ("10 killed on Qeshm"; "612 killed in Zarand").
    const bySource = new Map<string, number[]>();
    bucket.forEach((fact, index) => {
      const list = bySource.get(fact.source) ?? [];
      for (const other of list) {
        const earlier = bucket[other]!;
        if (earlier.asOf === fact.asOf && !valuesCompatible(earlier.value, fact.value)) {
          apart[index]!.push(other);
          apart[other]!.push(index);
        }
      }
      list.push(index);
      bySource.set(fact.source, list);
    });
    const linked = new Set(pairs.map(([a, b]) => a * bucket.length + b));
    const matches = (a: number, b: number): boolean =>
      linked.has(Math.min(a, b) * bucket.length + Math.max(a, b));
    for (const found of constrainedComponents(bucket.length, pairs, apart)) {
      const component = cohesive(found, matches);
      if (component.length < 2) continue;
      const all = component.map((index) => bucket[index]!);
      const members = bestPerSource(all, context);
      const groups = classesOf(members);
      // A source that gives the figure twice (lead and body) cites both passages for it.
      for (const group of groups)
        for (const fact of all)
          if (
            !members.includes(fact) &&
            group.facts.some((member) => member.source === fact.source && member.asOf === fact.asOf) &&
            group.facts.every((member) => valuesCompatible(member.value, fact.value))
          )
            group.facts.push(fact);
      const kind = kindOf(members[0]!.value);
      // A figure that grew from one report time to the next ("at least 5", then "11", then "at least 24")
      // is one update, whether or not its bounds all hold at once.
      const revision = asRevision(members);
      if (revision !== undefined) {
        const positions: UpdatePosition[] = revision.map(({ group, asOf }) => ({
          ...positionOf(byId, group),
          asOf,
        }));
        updates.push({ kind, topic: topicOf(members, kind), positions });
        continue;
      }
      if (groups.length === 1) continue;
      if (!oneClassPerSource(groups)) continue;
      const topic = topicOf(members, kind);
      const timeline = asUpdate(groups);
      if (timeline !== undefined) {
        const positions: UpdatePosition[] = timeline.map(({ group, asOf }) => ({
          ...positionOf(byId, group),
          asOf,
        }));
        updates.push({ kind, topic, positions });
      } else {
        conflicts.push({ kind, topic, positions: groups.map((group) => positionOf(byId, group)) });
      }
    }
  }
  return { conflicts, updates };
}
