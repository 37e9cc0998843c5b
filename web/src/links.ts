/**
 * Every href the reader makes: hash routes built from encoded parts, and outside links only when they
 * are http(s) — a `javascript:` or `data:` URL from an article never becomes a link.
 */

/** The URL when it is absolute http or https, else undefined. */
export function safeExternalUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Cursors are base64url, so a dot never occurs in one and can join the trail. */
const TRAIL_SEPARATOR = '.';

/**
 * The story list, optionally filtered by a query and paged: `trail` holds the API cursors of the pages
 * walked from the first to this one, so "Newer" steps back by dropping the last (keyset cursors only go
 * forward).
 */
export function listHref(query?: string, trail: readonly string[] = []): string {
  const parameters = new URLSearchParams();
  if (query) parameters.set('q', query);
  if (trail.length > 0) parameters.set('pages', trail.join(TRAIL_SEPARATOR));
  const text = parameters.toString();
  return text ? `#/?${text}` : '#/';
}

/** A story page, optionally scrolled to one of its sections. */
export function storyHref(storyId: string): string {
  return `#/story/${encodeURIComponent(storyId)}`;
}

/** One source of a story in context, optionally with one passage highlighted. */
export function sourceHref(
  storyId: string,
  sourceId: string,
  passage?: { start: number; end: number },
): string {
  const base = `#/story/${encodeURIComponent(storyId)}/source/${encodeURIComponent(sourceId)}`;
  return passage === undefined ? base : `${base}?start=${passage.start}&end=${passage.end}`;
}

/** A parsed hash route. */
export type Route =
  | { page: 'list'; query: string; trail: string[] }
  | { page: 'story'; storyId: string }
  | { page: 'source'; storyId: string; sourceId: string; start?: number; end?: number }
  | { page: 'missing'; hash: string };

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Reads `location.hash` into a route; anything unknown is a `missing` page, never an exception. */
export function parseRoute(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?', 2);
  const parameters = new URLSearchParams(queryPart);
  const parts = pathPart.split('/').filter((part) => part !== '');
  if (parts.length === 0) {
    const trail = (parameters.get('pages') ?? '')
      .split(TRAIL_SEPARATOR)
      .filter((cursor) => /^[A-Za-z0-9_-]+$/.test(cursor));
    return { page: 'list', query: parameters.get('q') ?? '', trail };
  }
  const storyId = parts[1] === undefined ? undefined : decode(parts[1]);
  if (parts[0] === 'story' && storyId !== undefined && parts.length === 2) return { page: 'story', storyId };
  const sourceId = parts[3] === undefined ? undefined : decode(parts[3]);
  if (
    parts[0] === 'story' &&
    storyId !== undefined &&
    parts[2] === 'source' &&
    sourceId !== undefined &&
    parts.length === 4
  ) {
    const start = Number(parameters.get('start'));
    const end = Number(parameters.get('end'));
    const passage =
      parameters.has('start') && Number.isInteger(start) && Number.isInteger(end) && end > start
        ? { start, end }
        : {};
    return { page: 'source', storyId, sourceId, ...passage };
  }
  return { page: 'missing', hash };
}
