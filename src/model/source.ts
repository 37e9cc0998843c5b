/** A calendar date `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type IsoDate = string;

/**
 * One article as read from its input, before cleaning: metadata plus the raw body.
 * Produced by the input adapters, consumed by the pipeline.
 */
export interface ArticleInput {
  /** Stable identifier, unique within one synthesis (the file name without extension by default). */
  id: string;
  path?: string;
  url?: string;
  outlet?: string;
  title?: string;
  /** Publication day, `YYYY-MM-DD`. */
  published?: IsoDate;
  /** Publication time of day, `HH:MM` on a 24-hour clock, as the article states it (its zone not applied). */
  publishedTime?: string;
  /** The body text, with metadata lines already removed. */
  body: string;
}

/** One source of a story as reported: its metadata and the cleaned text all spans index into. */
export interface Source {
  id: string;
  path?: string;
  url?: string;
  outlet?: string;
  title?: string;
  published?: IsoDate;
  /** Publication time of day, `HH:MM`, when the article gives one (metadata or its dateline). */
  publishedTime?: string;
  /**
   * The cleaned, canonical text: the title as its first paragraph when the body does not open with it,
   * then the body. Every {@link Evidence} of this source indexes into it.
   */
  text: string;
  /**
   * Where the title ends in {@link text} when the title was put there (it opens the text); absent when
   * the text does not start with the title. Outlets' headlines take part in alignment from there.
   */
  titleEnd?: number;
}
