/**
 * Keyset paging: a cursor names the last row of a page by its sort key, so the next page starts right
 * after it with an index seek, whatever the page's depth, and rows inserted meanwhile neither repeat nor
 * hide the rows not yet read. Cursors are opaque to clients: base64url JSON of the listing's name and the
 * key, checked on the way back in, so a damaged or foreign cursor is a typed error that names the problem
 * instead of a wrong page.
 * @packageDocumentation
 */
import { StoreError } from './errors.js';

/** The listings that page by cursor; a cursor of one is refused by the others. */
export type CursorListing = 'stories' | 'articles' | 'search';

/** One value of a sort key. */
export type CursorValue = string | number | null;

/** What each position of a key may hold. */
export type CursorField = 'string' | 'number' | 'string-or-null';

/** Longest cursor accepted: keys are a few short values, so anything longer is not ours. */
const MAX_CURSOR_LENGTH = 2000;

/** The cursor of the row whose sort key is `key` in `listing`. */
export function encodeCursor(listing: CursorListing, key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([listing, ...key]), 'utf8').toString('base64url');
}

function fits(value: unknown, field: CursorField): boolean {
  if (field === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (field === 'string') return typeof value === 'string';
  return value === null || typeof value === 'string';
}

/**
 * The sort key a cursor names.
 * @param fields - the type of each position of the listing's key
 * @throws StoreError `store-invalid-cursor` naming what is wrong (not base64url JSON, another listing's
 *   cursor, a key of the wrong shape)
 */
export function decodeCursor(
  cursor: string,
  listing: CursorListing,
  fields: readonly CursorField[],
  location: string,
): CursorValue[] {
  const refuse = (problem: string): never => {
    throw new StoreError(
      'store-invalid-cursor',
      location,
      `cursor "${cursor.slice(0, 40)}${cursor.length > 40 ? '…' : ''}" is not valid here: ${problem}; ` +
        'pass the "next" value of the previous page unchanged, or leave cursor out for the first page',
    );
  };
  if (cursor.length > MAX_CURSOR_LENGTH) refuse(`it is longer than ${MAX_CURSOR_LENGTH} characters`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) refuse('it is not base64url text');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return refuse('it does not decode to a page position');
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string')
    return refuse('it does not decode to a page position');
  if (parsed[0] !== listing) return refuse(`it is a cursor of the ${parsed[0]} listing, not of ${listing}`);
  const key = parsed.slice(1) as unknown[];
  if (key.length !== fields.length || !key.every((value, position) => fits(value, fields[position]!)))
    return refuse(`its position does not have the shape of a ${listing} key`);
  return key as CursorValue[];
}
