/** How much a diagnostic matters to the reader of a report. */
export type Severity = 'info' | 'warning' | 'error';

/**
 * A finding about the data, carried with the result rather than thrown:
 * a skipped file, a removed caption, an inferred date.
 */
export interface Diagnostic {
  /** The {@link Source.id} (or input path when no source was made) the finding is about. */
  source?: string;
  /** Stable code, e.g. `input-empty`, `clean-caption`. */
  code: string;
  /** Human-readable explanation naming the file and the problem. */
  message: string;
  severity: Severity;
  /** Where in the raw input the finding applies, when it has a place. */
  start?: number;
  end?: number;
}
