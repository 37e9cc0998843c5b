/**
 * Shared pieces of the server tests: a real newsroom over an in-memory store, a fake one over fixed
 * data (error paths), and request helpers.
 */
import type { Hono } from 'hono';
import type { FetchResult } from '../../src/ingest/fetch/fetch-url.js';
import type { StoryReport } from '../../src/model/index.js';
import { openNewsroom } from '../../src/service/newsroom.js';
import type { Newsroom } from '../../src/service/types.js';
import { openSqliteStore } from '../../src/store/index.js';

/** A newsroom over a fresh in-memory store with a fixed clock. */
export async function memoryNewsroom(): Promise<Newsroom> {
  return openNewsroom(await openSqliteStore(':memory:'), { now: () => new Date('2025-06-10T12:00:00Z') });
}

/** POSTs JSON (or a raw string) to the app. */
export function postJson(
  app: Hono,
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** A fetch answer for the stubbed `fetchUrl`. */
export function fetchedPage(url: string, html: string, contentType = 'text/html'): FetchResult {
  return {
    ok: true,
    url,
    status: 200,
    contentType,
    charset: 'utf-8',
    bytes: new TextEncoder().encode(html),
    redirects: [url],
  };
}

const FAKE_REPORT: StoryReport = {
  title: 'An invented story',
  sources: [{ id: 'a1', outlet: 'Outlet One', text: 'The pier reopened on Friday.' }],
  summary: [],
  claims: [],
  quotes: [],
  entities: [],
  timeline: [],
  conflicts: [],
  updates: [],
  diagnostics: [],
};

/** A newsroom over fixed data whose methods can be made to throw. */
export function fakeNewsroom(failure?: Error): Newsroom {
  const fail = async (): Promise<never> => {
    throw failure;
  };
  const record = {
    id: 's1',
    title: FAKE_REPORT.title,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    articleIds: ['a1'],
    report: FAKE_REPORT,
    reportVersion: 1,
    reportAt: '2025-01-01T00:00:00Z',
    stale: false,
  };
  const newsroom: Newsroom = {
    ingest: async () => ({ added: [], duplicates: [], placements: [], storiesChanged: [], diagnostics: [] }),
    listStories: async () => ({ total: 0, items: [], next: null }),
    story: async (id) => (id === 's1' ? { record, report: FAKE_REPORT } : undefined),
    storyChanges: async () => undefined,
    article: async () => undefined,
    listArticles: async () => ({ total: 0, items: [], next: null }),
    search: async () => ({ hits: [], next: null }),
    refine: async () => ({
      moved: 0,
      storiesBefore: 1,
      storiesAfter: 1,
      storiesChanged: [],
      storiesRemoved: [],
    }),
    recover: async () => undefined,
    merge: async (kept) => kept,
    split: async () => 's2',
    explain: async () => [],
    close: async () => undefined,
  };
  if (failure === undefined) return newsroom;
  return { ...newsroom, listStories: fail, story: fail, search: fail, ingest: fail, article: fail };
}
