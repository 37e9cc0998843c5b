import { createHash } from 'node:crypto';

/**
 * Folds what varies between two copies of one article body without changing its text: Unicode
 * composition, line endings and runs of whitespace. Two bodies with the same normal form are the
 * same article.
 */
export function normalizeBody(body: string): string {
  return body.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The id of an article: the first 32 hex characters (128 bits) of the SHA-256 of its normalised body.
 * Keying by content makes re-ingesting the same page or feed item a no-op.
 */
export function articleIdFor(body: string): string {
  return createHash('sha256').update(normalizeBody(body), 'utf8').digest('hex').slice(0, 32);
}
