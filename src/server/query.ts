/**
 * Reading and checking query-string parameters: each bad value is a 400 naming the parameter.
 * @packageDocumentation
 */
import { HttpError } from './errors.js';

/** Default page size of list routes. */
export const DEFAULT_LIMIT = 20;
/** Largest page size a client may ask for. */
export const MAX_LIMIT = 100;
/** Longest query string accepted by search and story filters. */
export const MAX_QUERY_LENGTH = 500;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A whole number within bounds, or the fallback when the parameter is absent.
 * @throws HttpError 400 when present but not a whole number in `[minimum, maximum]`
 */
export function integerParameter(
  name: string,
  value: string | undefined,
  fallback: number,
  minimum: number,
  maximum: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw new HttpError(400, `${name} must be a whole number, got "${value.slice(0, 40)}"`);
  const parsed = Number(value);
  if (parsed < minimum || parsed > maximum)
    throw new HttpError(400, `${name} must be between ${minimum} and ${maximum}, got ${parsed}`);
  return parsed;
}

/** Longest cursor accepted: the API's cursors are a few dozen characters. */
export const MAX_CURSOR_LENGTH = 2000;

/** The paging of a list route: a page size and either a cursor (keyset paging) or an offset. */
export interface PagingParameters {
  limit: number;
  offset: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

/**
 * `limit` with `cursor` (the `next` of the previous page) or `offset` (kept for old clients) of a list
 * route. The cursor's content is checked by the store, which made it.
 * @throws HttpError 400 for a bad limit or offset, an overlong cursor, or a cursor with an offset
 */
export function pagingParameters(
  limit: string | undefined,
  offset: string | undefined,
  cursor?: string | undefined,
): PagingParameters {
  const paging: PagingParameters = {
    limit: integerParameter('limit', limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
    offset: integerParameter('offset', offset, 0, 0, Number.MAX_SAFE_INTEGER),
  };
  if (cursor === undefined || cursor === '') return paging;
  if (cursor.length > MAX_CURSOR_LENGTH)
    throw new HttpError(400, `cursor must be at most ${MAX_CURSOR_LENGTH} characters`);
  if (paging.offset > 0)
    throw new HttpError(400, 'give cursor or offset, not both: cursor already says where the page starts');
  return { ...paging, cursor };
}

/**
 * A calendar day `YYYY-MM-DD` that exists, or undefined when absent.
 * @throws HttpError 400 when present and malformed
 */
export function dayParameter(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new HttpError(400, `${name} must be a date as YYYY-MM-DD, got "${value.slice(0, 40)}"`);
  return value;
}

/**
 * An ISO 8601 day or instant (`2025-03-10`, `2025-03-10T08:00:00Z`).
 * @throws HttpError 400 when absent or malformed
 */
export function instantParameter(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new HttpError(400, `${name} is required (an ISO 8601 time)`);
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    throw new HttpError(400, `${name} must be an ISO 8601 time, got "${value.slice(0, 40)}"`);
  return value;
}

/**
 * Free text of at most {@link MAX_QUERY_LENGTH} characters, trimmed; undefined when absent or blank.
 * @throws HttpError 400 when too long
 */
export function textParameter(name: string, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (trimmed.length > MAX_QUERY_LENGTH)
    throw new HttpError(400, `${name} must be at most ${MAX_QUERY_LENGTH} characters`);
  return trimmed;
}
