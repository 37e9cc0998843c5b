import type { Mention, QuoteMention, Segmentation } from '../model/index.js';

/** PLACEHOLDER (owned by the entities helper): quotations of one text with their speakers. */
export function extractQuotes(
  _text: string,
  _segmentation: Segmentation,
  _mentions: readonly Mention[],
): QuoteMention[] {
  return [];
}
