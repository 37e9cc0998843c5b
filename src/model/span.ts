/** A half-open character range `[start, end)` into one canonical source text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * An exact passage of one source: `sources[i].text.slice(start, end) === text`
 * for the source whose id is `source`.
 */
export interface Evidence extends Span {
  /** The {@link Source.id} the span indexes into. */
  source: string;
  text: string;
}
