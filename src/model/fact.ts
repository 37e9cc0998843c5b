import type { DatePrecision } from './annotation.js';
import type { IsoDate } from './source.js';
import type { Span } from './span.js';

/**
 * A figure: a count, an amount of money, a percentage, a length of time, a magnitude. `low` and `high`
 * bound what the writer vouches for, rounding and qualifiers included ("about 30,000" is 27,000–33,000,
 * "at least 12" is 12–∞).
 */
export interface QuantityValue {
  type: 'quantity';
  low: number;
  high: number;
  /** What is measured: `money:USD`, `percent`, `duration:days`, `magnitude`, or the class of the counted noun. */
  unit: string;
  /** "at least", "more than", "about", "nearly", … as written, lower-cased. */
  qualifier?: string;
}

/** A date at its precision, or a span of dates (a decade, "1951-1957"). */
export interface DateValue {
  type: 'date';
  value: IsoDate;
  precision: DatePrecision;
  /** The last date of a span, at the same precision. */
  endDate?: IsoDate;
}

/** A day of the week a source names without a date to resolve it against ("on Tuesday"). */
export interface WeekdayValue {
  type: 'weekday';
  /** 0 for Sunday … 6 for Saturday. */
  day: number;
}

/** A win–loss(–draw) record ("52-3", "45-7-2"). */
export interface RecordValue {
  type: 'record';
  wins: number;
  losses: number;
  draws?: number;
}

/** A place in an order ("fifth", "6th"). */
export interface OrdinalValue {
  type: 'ordinal';
  rank: number;
}

/** What a fact states, normalised so that two outlets' wordings of it compare. */
/**
 * A time of day ("about 2:30 a.m.", "Tuesday afternoon") as a range of minutes after midnight, bounds and
 * approximations included. A range past midnight ("night") runs beyond 1440.
 */
export interface TimeValue {
  type: 'time';
  low: number;
  high: number;
  /** The weekday a part of a day is of ("Tuesday morning"), 0 for Sunday. */
  day?: number;
}

/** A name filling a role: where someone lives, the title they hold ("Bloomington", "COO"). */
export interface NameValue {
  type: 'name';
  /** The name as written, spaces normalised. */
  name: string;
}

export type FactValue =
  | QuantityValue
  | DateValue
  | WeekdayValue
  | TimeValue
  | RecordValue
  | OrdinalValue
  | NameValue;

/**
 * How the source holds the fact: states it (`asserted`), qualifies it (`hedged`), gives it as someone
 * else's (`attributed`), or reports it denied (`denied`).
 */
export type FactModality = 'asserted' | 'hedged' | 'attributed' | 'denied';

/**
 * What a fact is about: the measure or event and what it concerns, as the comparable terms around the
 * value. Two facts fill one slot when their measures agree and their terms overlap enough.
 */
export interface FactSlot {
  /**
   * The measure: for figures the class of what is counted, joined to the event it undergoes when the count
   * is of people or things ("~kill" for "24 dead", "12 killed" and "killing 24 people"); for dates `date`.
   */
  measure: string;
  /** Term classes near the value, each with its weight (nearer words weigh more). */
  terms: Record<string, number>;
  /** Canonical names of the entities the value's clause names, nearest first. */
  participants: string[];
  /**
   * The people and organisations the value's clause names other than as speakers ("the Orioles offered
   * Teixeira a seven-year deal"): two figures whose clauses name disjoint parties are two parties' figures.
   */
  parties: string[];
  /** The organisations among {@link parties}: the Orioles' offer and the Red Sox's are two figures. */
  organizations: string[];
  /**
   * Whose value it is: the person or organisation named nearest before the value in its clause ("DiLeo has
   * spent 19 seasons", "Alexander Povetkin (16-0)"), by canonical name. Absent when the clause names none.
   */
  holder?: string;
  /** Whether {@link holder} names a person (as against an organisation or a thing with a name). */
  holderIsPerson?: boolean;
  /** The event or measure words next to the value (lower-case content words, at most four each side). */
  events: string[];
  /**
   * The word as written (lower case) behind each of {@link terms} and {@link events}, for comparing
   * words by meaning ("grossed" / "accumulated") where their stems differ.
   */
  words?: Record<string, string>;
  /** The terms of the phrase right after the value ("seasons *as the team's director*"). */
  complement: string[];
  /**
   * For an amount or a share, the terms of the noun phrase it stands before ("a $1 trillion *bipartisan
   * infrastructure bill*", "a $3.5 trillion *budget resolution*"): what the amount is of.
   */
  object?: string[];
  /** Term classes of the sentence's first words, where its subject stands ("used boat prices"). */
  subject: string[];
  /** Words inside the value's own phrase that narrow what is counted ("*career* games", "*additional* life sentences"). */
  qualifiers: string[];
  /** A short label of the slot in the source's own words ("people killed", "record of Klitschko"). */
  label: string;
}

/**
 * One fact stated by one source: a value in a slot, with its place in the canonical text, the time it was
 * reported as of, and how the source holds it.
 */
export interface Fact extends Span {
  /** The source the fact's spans index into. */
  source: string;
  /** Index of the sentence that states it. */
  sentence: number;
  /** The value's words as written (`start`–`end`). */
  text: string;
  value: FactValue;
  slot: FactSlot;
  /**
   * When the source reports the fact as of: the article's date (and time, when known), or a day the
   * sentence names as the time of the figure ("as of Tuesday", "by Monday evening"). Absent for undated
   * articles.
   */
  asOf?: string;
  modality: FactModality;
  /** Who the source gives the fact as said by, as written ("police", "the agency"), when attributed. */
  attribution?: string;
}
