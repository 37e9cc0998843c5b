/**
 * The reader's calls to its own origin's JSON API, typed with the server's shapes.
 */
import type { StoryReport } from '../../src/model/index.js';
import type { ArticleSummary, SearchHit, StoryListItem, StoryRecord } from '../../src/store/store.js';

export type { ArticleSummary, SearchHit, StoryListItem, StoryReport };

/** `GET /api/stories/:id`. */
export interface StoryResponse {
  story: Omit<StoryRecord, 'report'>;
  report: StoryReport;
}

/** A page of a list route. */
export interface PageResponse<Item> {
  limit: number;
  offset: number;
  total: number;
  items: Item[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/** `GET /api/search`. */
export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  next: string | null;
}

/** A stored article (`GET /api/articles/:id`). */
export interface ArticleResponse extends ArticleSummary {
  body: string;
}

/** An API failure with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a JSON route; throws {@link ApiError} with the server's message on failure. */
export async function getJson<Result>(path: string): Promise<Result> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { status: number; message: string } }
    | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  return body as Result;
}

const storyCache = new Map<string, Promise<StoryResponse>>();

/** One story, fetched once per page load: the story page and its article views share it. */
export function loadStory(id: string): Promise<StoryResponse> {
  let pending = storyCache.get(id);
  if (pending === undefined) {
    pending = getJson<StoryResponse>(`/api/stories/${encodeURIComponent(id)}`);
    pending.catch(() => storyCache.delete(id));
    storyCache.set(id, pending);
  }
  return pending;
}
