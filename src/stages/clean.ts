import type { CleanResult } from '../model/index.js';

/** PLACEHOLDER (owned by the ingest helper): removes boilerplate from a raw body. */
export function cleanBody(body: string): CleanResult {
  return { text: body.trim(), removals: [] };
}
