import type { AnalyzedArticle, DateMention } from '../../src/model/index.js';
import { extractDates } from '../../src/stages/dates.js';
import { segment } from '../../src/text/segment.js';

/** A Tuesday: every relative expression in the date tests resolves against it. */
export const REFERENCE = '2024-02-20';

/** The date mentions of a text, against {@link REFERENCE} (or none, with `null`). */
export function datesOf(text: string, referenceDate: string | null = REFERENCE): DateMention[] {
  return extractDates(text, segment(text), referenceDate ?? undefined);
}

/** `text=value/precision`, or `text=value..endDate/precision` for a range. */
export function summary(mentions: readonly DateMention[]): string[] {
  return mentions.map(
    (mention) =>
      `${mention.text}=${mention.value}${mention.endDate === undefined ? '' : `..${mention.endDate}`}/${mention.precision}`,
  );
}

/** One table row of the date tests: a text and its mentions as {@link summary} writes them. */
export interface DateCase {
  text: string;
  expected: string[];
  knownFailure?: boolean;
}

/** Builds the part of an analysed article the timeline reads: source, segmentation and dates. */
export function datedArticle(id: string, body: string, referenceDate = REFERENCE): AnalyzedArticle {
  const segmentation = segment(body);
  return {
    source: { id, text: body, published: referenceDate },
    segmentation,
    referenceDate,
    mentions: [],
    dates: extractDates(body, segmentation, referenceDate),
    quotes: [],
    diagnostics: [],
  };
}
