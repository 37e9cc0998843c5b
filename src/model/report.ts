import type { EntityType, QuoteForm } from './annotation.js';
import type { Diagnostic } from './diagnostic.js';
import type { IsoDate, Source } from './source.js';
import type { Evidence } from './span.js';

/** One sentence of the summary with the sources that support it and the passages it came from. */
export interface SummarySentence {
  text: string;
  sources: string[];
  evidence: Evidence[];
  /** The claim the sentence represents. */
  claim: string;
  /**
   * Topics of the conflicts this sentence takes a side in: its passages stand in a conflict's position, so
   * other sources report it otherwise. Absent when no source disputes it.
   */
  disputed?: string[];
}

/** How widely a claim is reported across the story's sources. */
export type ClaimKind = 'consensus' | 'shared' | 'unique';

/** One fact stated by one or more sources, with each source's passage. */
export interface Claim {
  id: string;
  /** The representative wording (one source's sentence). */
  text: string;
  sources: string[];
  evidence: Evidence[];
  kind: ClaimKind;
  /** Centrality-and-support score used for ranking; higher is more central. */
  score: number;
  /** How each source holds the claim (asserts, hedges, attributes, reports a denial), one per evidence. */
  stances?: ClaimStance[];
  /**
   * How many independent reports support the claim: sources that copy another source (see
   * {@link StoryReport.reprints}) count once with what they copy.
   */
  independentSources?: number;
}

/**
 * How a source holds a statement: states it as fact (`asserts`), qualifies it ("likely", "reportedly",
 * "is believed to": `hedges`), gives it as someone else's ("the Kremlin said", "according to KCNA":
 * `attributes`), or reports that it was denied ("dismissed any notion", "denied": `denies`).
 */
export type Stance = 'asserts' | 'hedges' | 'attributes' | 'denies';

/** One source's stance toward one claim. */
export interface ClaimStance {
  source: string;
  stance: Stance;
  /** The words that show it, as written, outside quotation marks; absent for plain assertions. */
  cue?: string;
}

/**
 * How one outlet rendered a quote compared with the fullest rendering of its group: word for word
 * (`verbatim`), cut at either end (`trimmed`), the same words in another spelling (`spelling-variant`,
 * neighbour/neighbor), some words changed (`altered`), few words shared (`paraphrase`), or given as
 * reported speech without quotation marks (`reported`).
 */
export type QuoteFidelity =
  | 'verbatim'
  | 'trimmed'
  | 'spelling-variant'
  | 'altered'
  | 'paraphrase'
  | 'reported';

/** One rendering of a quote by one source. */
export interface QuoteVariant {
  source: string;
  text: string;
  direct: boolean;
  form: QuoteForm;
  /** The speaker this source gives, as written, if any. */
  speaker?: string;
  evidence: Evidence;
  /** How faithful this rendering is to the group's fullest one. */
  fidelity?: QuoteFidelity;
  /** Set when the rendering is a paraphrase or altered words presented inside quotation marks. */
  paraphraseInQuotes?: boolean;
}

/** One quote as rendered by every source that carries it. */
export interface QuoteGroup {
  /** Canonical speaker name, or null where no source names one. */
  speaker: string | null;
  /** The fullest rendering. */
  text: string;
  sources: string[];
  variants: QuoteVariant[];
  /** The distinct speakers the sources give when they disagree on who said it (canonical names). */
  conflictingSpeakers?: string[];
}

/** A person, organisation, place, product or amount, merged across sources. */
export interface Entity {
  name: string;
  type: EntityType;
  /** Every other form the sources use for it. */
  aliases: string[];
  sources: string[];
  mentions: number;
}

/** A dated event of the story: one day, month or year, or a range of them ({@link endDate}). */
export interface TimelineEvent {
  /** When the event happened or starts: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: IsoDate;
  /**
   * When an event that lasts ends ("closed from 2015 to 2017"), in the same forms as {@link date} and
   * always later than it. Absent for an event of one date.
   */
  endDate?: IsoDate;
  /**
   * Present (true) when every source tells the event as still to come: it starts after the publication
   * day of each article that reports it ("the mayor will visit next week"). Absent otherwise.
   */
  scheduled?: boolean;
  text: string;
  sources: string[];
  evidence: Evidence[];
}

/** One side of a conflict. */
export interface ConflictPosition {
  value: string;
  sources: string[];
  evidence: Evidence[];
  /** How the sources of this side hold the value (for `stance` and `name` conflicts). */
  stance?: Stance;
  /** The cue words behind {@link stance} as written by the first source ("likely", "dismissed any notion"). */
  cue?: string;
}

/**
 * What the sources disagree about: a count or amount (`number`), the date of one event (`date`), the name
 * of a thing or person in one role (`name`), who said a quote (`attribution`), or whether a statement is
 * true at all (`stance`: asserted by some, reported denied by others).
 */
export type ConflictKind = 'number' | 'date' | 'name' | 'attribution' | 'stance';

/** Where sources disagree. */
export interface Conflict {
  kind: ConflictKind;
  topic: string;
  positions: ConflictPosition[];
}

/** One reported value of a developing figure: a {@link ConflictPosition} with the time it was reported. */
export interface UpdatePosition extends ConflictPosition {
  /**
   * When the sources of this position reported the value: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the
   * time is known (a dateline's "4:49 pm", a "Updated 14:05 GMT" line), refined by the sentence's own time
   * words ("on Monday", "late Tuesday").
   */
  asOf: string;
}

/**
 * A figure that moved as the story developed: later reports revise an earlier value of the same slot (a
 * death toll rising through the day). Positions are in time order, earliest first; the last is the latest.
 */
export interface Update {
  kind: ConflictKind;
  topic: string;
  positions: UpdatePosition[];
}

/**
 * A source that reprints or lightly edits another: both say the same once, so they count as one report.
 * `similarity` is the Jaccard similarity of their word 5-shingles (1 is identical).
 */
export interface Reprint {
  /** The copy. */
  source: string;
  /** The source it copies (the earlier one, or the one it credits). */
  copyOf: string;
  similarity: number;
}

/** The story once, with its evidence: what {@link synthesize} returns. */
export interface StoryReport {
  title: string;
  sources: Source[];
  summary: SummarySentence[];
  claims: Claim[];
  quotes: QuoteGroup[];
  entities: Entity[];
  timeline: TimelineEvent[];
  conflicts: Conflict[];
  /**
   * Figures revised as the story developed, each value as of its time. Values of one slot that differ at
   * the same time are {@link conflicts}; values that differ because a later report revised them are here.
   */
  updates: Update[];
  /** Sources that copy other sources; absent when the stage did not run. */
  reprints?: Reprint[];
  diagnostics: Diagnostic[];
}
