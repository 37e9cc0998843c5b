import type { DateMention, Mention, QuoteMention } from './annotation.js';
import type { Diagnostic } from './diagnostic.js';
import type { IsoDate, Source } from './source.js';
import type { Segmentation } from './text.js';

/**
 * One article after the per-article stages: the canonical source, its segmentation and annotations.
 * Story-level stages (alignment, entity merging, quote grouping, timeline, summary) read these.
 */
export interface AnalyzedArticle {
  source: Source;
  segmentation: Segmentation;
  /** The day relative dates resolve against: the published date, or one inferred for undated articles. */
  referenceDate?: IsoDate;
  mentions: Mention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  diagnostics: Diagnostic[];
}

/** What removing boilerplate took out of a raw body, in raw-body offsets. */
export interface Removal {
  start: number;
  end: number;
  text: string;
  /** Why it went: `newsletter`, `template`, `privacy`, `caption`, `credit`, `fragment`, … */
  reason: string;
}

/** The result of cleaning a raw body: the canonical text and what was dropped. */
export interface CleanResult {
  text: string;
  removals: Removal[];
}

/** Entities merged across a story's sources, with a way to map any surface form back to its entity. */
export interface EntityIndex {
  entities: import('./report.js').Entity[];
  /**
   * The canonical name for a surface form used by one source ("Mr Kim", "her brother"'s resolved name,
   * "Kim Yo-jong"), or undefined when it names no known entity.
   */
  canonicalName(sourceId: string, surface: string): string | undefined;
}
