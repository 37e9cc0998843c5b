import type { DateMention, IsoDate, Segmentation } from '../model/index.js';

/** PLACEHOLDER (owned by the dates helper): finds date expressions and resolves them against the reference date. */
export function extractDates(
  _text: string,
  _segmentation: Segmentation,
  _referenceDate: IsoDate | undefined,
): DateMention[] {
  return [];
}
