import type { IsoDate } from './source.js';
import type { Span } from './span.js';

/** The kinds of named things crosscheck recognises. */
export type EntityType = 'person' | 'organization' | 'place' | 'product' | 'money' | 'date' | 'other';

/** One mention of a named thing in one source. */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** Index of the sentence the mention stands in. */
  sentence: number;
}

/** How exact a normalised date is. */
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * A date expression of one source, resolved against the article's reference date. A range ("from 2015 to
 * 2017", "March 3-5", "between Monday and Wednesday") is one mention whose span covers both ends.
 */
export interface DateMention extends Span {
  text: string;
  /** Absolute value at {@link precision}: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a range's first day. */
  value: IsoDate;
  /** How exact {@link value} is. */
  precision: DatePrecision;
  /**
   * The last date of a range, in the same `YYYY-MM-DD`, `YYYY-MM` or `YYYY` form (its length gives its
   * precision), always later than {@link value}. Absent for a single date.
   */
  endDate?: IsoDate;
  sentence: number;
}

/** How a quotation was given. */
export type QuoteForm = 'direct' | 'partial' | 'reported';

/** One quotation in one source: the quoted words and who said them. */
export interface QuoteMention extends Span {
  /** The quoted (or reported) words, without the quotation marks. */
  text: string;
  form: QuoteForm;
  /** The speaker as written near the quote (after pronoun resolution), if found. */
  speaker?: string;
  /** Where the speaker's name stands in the text, if it does. */
  speakerSpan?: Span;
  /** The sentence(s) the quote stands in. */
  sentenceStart: number;
  sentenceEnd: number;
}
