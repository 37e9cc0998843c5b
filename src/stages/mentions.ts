import type { Mention, Segmentation } from '../model/index.js';

/** PLACEHOLDER (owned by the entities helper): named mentions of one text. */
export function extractMentions(_text: string, _segmentation: Segmentation): Mention[] {
  return [];
}
