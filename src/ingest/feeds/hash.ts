/**
 * Stable identifiers from content: the same input always gives the same id, on every machine and run.
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';

/**
 * The SHA-256 of a text, in hexadecimal.
 * @param text - what to hash (UTF-8)
 * @returns 64 hexadecimal digits
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A short stable id for a key: a prefix and the first 16 hexadecimal digits (64 bits) of its hash,
 * enough that a store of millions of articles will not see two keys collide.
 * @param prefix - names where the id comes from, e.g. `feed` or `jsonl`
 * @param key - what identifies the thing
 * @returns e.g. `feed-3f2a9c0d1b4e5f67`
 */
export function stableId(prefix: string, key: string): string {
  return `${prefix}-${contentHash(key).slice(0, 16)}`;
}
