/**
 * Every route of the API in-process (`app.request()`), over a real newsroom and an in-memory store:
 * answers, paging and filters, bad requests, unknown ids, oversized and non-JSON bodies, URL ingest
 * through a stubbed fetcher, and a hostile article whose markup comes back as plain text.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchOptions } from '../../src/ingest/fetch/fetch-url.js';
import { fetchUrl as realFetchUrl } from '../../src/ingest/fetch/fetch-url.js';
import { createApp } from '../../src/server/app.js';
import type { Newsroom } from '../../src/service/types.js';
import {
  FERRY_ARTICLES,
  HOSTILE_ARTICLE,
  HOSTILE_MARKUP,
  LIBRARY_ARTICLES,
  LIBRARY_PAGE_HTML,
} from './fixtures.js';
import { fetchedPage, memoryNewsroom, postJson } from './helpers.js';

interface ErrorJson {
  error: { status: number; message: string };
}

let newsroom: Newsroom;
let app: Hono;
let ferryId = '';
let libraryId = '';
const fetched: Array<{ url: string; options: FetchOptions }> = [];

beforeAll(async () => {
  newsroom = await memoryNewsroom();
  app = createApp(newsroom, {
    webRoot: false,
    maxBodyBytes: 64 * 1024,
    fetchUrl: async (url, options) => {
      fetched.push({ url, options });
      if (url.includes('/broken'))
        return { ok: false, reason: 'network', message: `${url}: connection reset`, url };
      if (url.includes('/picture')) return fetchedPage(url, 'GIF89a', 'image/gif');
      if (url.includes('/plain')) return fetchedPage(url, LIBRARY_ARTICLES[1]!.text!, 'text/plain');
      return fetchedPage(url, LIBRARY_PAGE_HTML);
    },
  });
  const response = await postJson(app, '/api/ingest', {
    articles: [...FERRY_ARTICLES, ...LIBRARY_ARTICLES, HOSTILE_ARTICLE],
  });
  expect(response.status).toBe(201);
  const list = (await (await app.request('/api/stories')).json()) as {
    items: Array<{ id: string; outlets: string[] }>;
  };
  ferryId = list.items.find((story) => story.outlets.includes('Verrin Post'))?.id ?? '';
  libraryId = list.items.find((story) => story.outlets.includes('Oakridge Ledger'))?.id ?? '';
});

afterAll(async () => {
  await newsroom.close();
});

async function expectError(response: Response, status: number, message?: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorJson;
  expect(body.error.status).toBe(status);
  expect(typeof body.error.message).toBe('string');
  if (message) expect(body.error.message).toMatch(message);
}

describe('GET /api/stories', () => {
  it('lists both invented stories with size, outlets, dates and conflicts', async () => {
    expect(ferryId).not.toBe('');
    expect(libraryId).not.toBe('');
    expect(ferryId).not.toBe(libraryId);
    const body = (await (await app.request('/api/stories')).json()) as {
      total: number;
      limit: number;
      items: Array<{ id: string; size: number; firstPublished: string; conflicts: number }>;
    };
    expect(body.total).toBe(2);
    expect(body.limit).toBe(20);
    const ferry = body.items.find((story) => story.id === ferryId)!;
    expect(ferry.size).toBe(4);
    expect(ferry.firstPublished).toBe('2025-06-02');
    expect(typeof ferry.conflicts).toBe('number');
  });

  it.each([
    { query: '?limit=1', total: 2, count: 1 },
    { query: '?limit=1&offset=1', total: 2, count: 1 },
    { query: '?offset=5', total: 2, count: 0 },
    { query: '?q=ferry', total: 1, count: 1 },
    { query: '?q=librarian', total: 1, count: 1 },
    { query: '?q=zeppelin', total: 0, count: 0 },
    { query: '?outlet=dunmore%20daily', total: 1, count: 1 },
    { query: '?from=2025-06-01', total: 1, count: 1 },
    { query: '?to=2025-01-31', total: 1, count: 1 },
    { query: '?from=2025-01-01&to=2025-12-31', total: 2, count: 2 },
  ])('filters and pages: $query', async ({ query, total, count }) => {
    const response = await app.request(`/api/stories${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; items: unknown[] };
    expect(body.total).toBe(total);
    expect(body.items).toHaveLength(count);
  });

  it.each([
    ['?limit=0', /limit/],
    ['?limit=101', /limit/],
    ['?limit=ten', /limit/],
    ['?offset=-1', /offset/],
    ['?from=2025-13-40', /from/],
    ['?to=yesterday', /to/],
    ['?from=2025-06-02&to=2025-06-01', /after/],
    [`?q=${'a'.repeat(501)}`, /q must be/],
  ])('rejects %s with 400', async (query, message) => {
    await expectError(await app.request(`/api/stories${query}`), 400, message);
  });
});

describe('cursor paging', () => {
  it.each(['/api/stories', `/api/search?q=ferry`])(
    '%s pages by next cursor through every row once',
    async (route) => {
      const separator = route.includes('?') ? '&' : '?';
      const whole = (await (await app.request(`${route}${separator}limit=100`)).json()) as {
        items?: Array<{ id: string }>;
        hits?: unknown[];
        next: string | null;
      };
      expect(whole.next).toBeNull();
      const rows = whole.items ?? whole.hits ?? [];
      expect(rows.length).toBeGreaterThan(1);
      const paged: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const response = await app.request(`${route}${separator}limit=1${query}`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { items?: unknown[]; hits?: unknown[]; next: string | null };
        paged.push(...(body.items ?? body.hits ?? []));
        cursor = body.next;
      } while (cursor !== null && paged.length <= rows.length);
      expect(paged).toEqual(rows);
    },
  );

  it('pages the articles of a story by cursor', async () => {
    const first = (await (await app.request(`/api/stories/${ferryId}/articles?limit=3`)).json()) as {
      items: Array<{ id: string }>;
      next: string;
    };
    const rest = (await (
      await app.request(`/api/stories/${ferryId}/articles?limit=3&cursor=${first.next}`)
    ).json()) as { items: Array<{ id: string }>; next: string | null };
    expect(rest.next).toBeNull();
    expect([...first.items, ...rest.items].map((article) => article.id)).toHaveLength(4);
  });

  it.each([
    ['/api/stories?cursor=%25%25', /not base64url/],
    ['/api/stories?cursor=AAAA', /does not decode/],
    [
      `/api/search?q=ferry&cursor=${Buffer.from('["stories","","",""]').toString('base64url')}`,
      /stories listing/,
    ],
  ])('answers a bad cursor %s with a typed 400 naming the problem', async (route, problem) => {
    const response = await app.request(route);
    await expectError(response.clone(), 400, problem);
    const body = (await response.json()) as { error: { code?: string } };
    expect(body.error.code).toBe('store-invalid-cursor');
  });

  it('refuses a cursor with an offset, and an overlong cursor', async () => {
    const { next } = (await (await app.request('/api/stories?limit=1')).json()) as { next: string };
    await expectError(await app.request(`/api/stories?limit=1&offset=1&cursor=${next}`), 400, /not both/);
    await expectError(await app.request(`/api/stories?cursor=${'A'.repeat(2001)}`), 400, /at most 2000/);
  });
});

describe('GET /api/stories/:id and its sub-routes', () => {
  it('returns the story and its report once, with offsets that index the source text', async () => {
    const response = await app.request(`/api/stories/${ferryId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      story: Record<string, unknown>;
      report: {
        sources: Array<{ id: string; text: string }>;
        claims: Array<{ evidence: Array<{ source: string; start: number; end: number; text: string }> }>;
      };
    };
    expect(body.story.id).toBe(ferryId);
    expect(body.story).not.toHaveProperty('report');
    expect(body.report.sources).toHaveLength(4);
    const texts = new Map(body.report.sources.map((source) => [source.id, source.text]));
    for (const evidence of body.report.claims.flatMap((claim) => claim.evidence))
      expect(texts.get(evidence.source)!.slice(evidence.start, evidence.end)).toBe(evidence.text);
  });

  it.each([
    ['/api/stories/s-unknown', 404],
    ['/api/stories/s-unknown/changes?since=2025-01-01', 404],
    ['/api/stories/s-unknown/articles', 404],
    [`/api/stories/${'x'.repeat(201)}`, 400],
  ])('%s → %i', async (path, status) => {
    await expectError(await app.request(path), status);
  });

  it('lists the changes since a time, and requires a valid time', async () => {
    const response = await app.request(`/api/stories/${ferryId}/changes?since=2025-01-01T00:00:00Z`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { storyId: string; claims: unknown[] };
    expect(body.storyId).toBe(ferryId);
    expect(body.claims.length).toBeGreaterThan(0);
    const later = (await (await app.request(`/api/stories/${ferryId}/changes?since=2030-01-01`)).json()) as {
      claims: unknown[];
    };
    expect(later.claims).toHaveLength(0);
    await expectError(await app.request(`/api/stories/${ferryId}/changes`), 400, /since/);
    await expectError(await app.request(`/api/stories/${ferryId}/changes?since=last-week`), 400, /since/);
  });

  it('lists the articles of a story without bodies, paged', async () => {
    const response = await app.request(`/api/stories/${ferryId}/articles?limit=2`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; items: Array<Record<string, unknown>> };
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).not.toHaveProperty('body');
    expect(body.items[0]).toHaveProperty('ingestedAt');
    await expectError(await app.request(`/api/stories/${ferryId}/articles?limit=500`), 400);
  });
});

describe('GET /api/articles/:id', () => {
  it('returns the stored article with its body and without the clusterer features', async () => {
    const list = (await (await app.request(`/api/stories/${libraryId}/articles`)).json()) as {
      items: Array<{ id: string }>;
    };
    const response = await app.request(`/api/articles/${list.items[0]!.id}`);
    expect(response.status).toBe(200);
    const article = (await response.json()) as Record<string, unknown>;
    expect(article.body).toEqual(expect.stringContaining('Oakridge'));
    expect(article).not.toHaveProperty('features');
  });

  it('answers 404 for an unknown id', async () => {
    await expectError(await app.request('/api/articles/0000'), 404, /no article/);
  });
});

describe('GET /api/search', () => {
  it('finds claims and articles with marked snippets', async () => {
    const response = await app.request('/api/search?q=librarian&limit=5');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      hits: Array<{ snippet: string; storyId?: string; rank: number }>;
    };
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits[0]!.snippet).toMatch(/«librarian»/i);
    expect(body.hits[0]!.rank).toBe(1);
  });

  it.each([
    ['', /q is required/],
    ['?q=%20%20', /q is required/],
    ['?q=ferry&limit=0', /limit/],
  ])('rejects %j with 400', async (query, message) => {
    await expectError(await app.request(`/api/search${query}`), 400, message);
  });

  it('takes operators and stray punctuation as plain words', async () => {
    const response = await app.request(`/api/search?q=${encodeURIComponent('ferry" OR (NEAR* -')}`);
    expect(response.status).toBe(200);
  });
});

describe('POST /api/ingest', () => {
  it('is idempotent: the same text again is a duplicate and a 200', async () => {
    const response = await postJson(app, '/api/ingest', { articles: [FERRY_ARTICLES[0]] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { added: string[]; duplicates: string[] };
    expect(body.added).toHaveLength(0);
    expect(body.duplicates).toHaveLength(1);
  });

  it('extracts HTML: keeps the article, drops its scripts and furniture, reads metadata', async () => {
    const response = await postJson(app, '/api/ingest', {
      articles: [{ html: LIBRARY_PAGE_HTML, url: 'https://oakridge-courier.example/damage' }],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { added: string[] };
    const article = (await (await app.request(`/api/articles/${body.added[0]}`)).json()) as Record<
      string,
      string
    >;
    expect(article.outlet).toBe('Oakridge Courier');
    expect(article.published).toBe('2025-01-16');
    expect(article.body).toContain('restoration firm');
    expect(article.body).not.toMatch(/alert|onerror|newsletter/);
  });

  it('fetches a URL through the injected fetcher with private addresses refused by default', async () => {
    const response = await postJson(app, '/api/ingest', { url: 'https://oakridge-courier.example/by-url' });
    // The same page was posted as HTML above: its text is a duplicate now.
    expect(response.status).toBe(200);
    expect(((await response.json()) as { duplicates: string[] }).duplicates).toHaveLength(1);
    expect(fetched.at(-1)).toEqual(
      expect.objectContaining({
        url: 'https://oakridge-courier.example/by-url',
        options: expect.objectContaining({ allowPrivate: false }),
      }),
    );
  });

  it('takes a plain-text URL as the article text', async () => {
    const response = await postJson(app, '/api/ingest', { url: 'https://oakridge-gazette.example/plain' });
    expect([200, 201]).toContain(response.status);
  });

  it.each([
    { body: 'not json at all', status: 400, message: /not valid JSON/ },
    { body: [], status: 400, message: /JSON object/ },
    { body: {}, status: 400, message: /exactly one of "articles" or "url"/ },
    { body: { articles: [], url: 'https://a.example' }, status: 400, message: /exactly one/ },
    { body: { articles: [] }, status: 400, message: /non-empty/ },
    { body: { articles: [{}] }, status: 400, message: /exactly one of "text" or "html"/ },
    { body: { articles: [{ text: 'x', html: '<p>x</p>' }] }, status: 400, message: /exactly one/ },
    { body: { articles: [{ text: 42 }] }, status: 400, message: /must be a string/ },
    { body: { articles: [{ text: '   ' }] }, status: 400, message: /empty/ },
    {
      body: { articles: [{ text: 'Some words.', published: 'last Tuesday' }] },
      status: 400,
      message: /published/,
    },
    {
      body: { articles: [{ text: 'Some words.', url: 'javascript:alert(1)' }] },
      status: 400,
      message: /http or https/,
    },
    { body: { articles: [{ text: 'Some words.', title: 7 }] }, status: 400, message: /title/ },
    {
      body: { articles: Array.from({ length: 501 }, () => ({ text: 'a' })) },
      status: 400,
      message: /at most 500/,
    },
    {
      body: { articles: [{ html: '<html><body><nav>Home</nav></body></html>' }] },
      status: 422,
      message: /./,
    },
    { body: { url: 'file:///etc/passwd' }, status: 400, message: /http or https/ },
    { body: { url: 'https://a.example/broken' }, status: 502, message: /connection reset/ },
    { body: { url: 'https://a.example/picture' }, status: 422, message: /image\/gif/ },
  ])('answers $status to a bad body ($message)', async ({ body, status, message }) => {
    await expectError(await postJson(app, '/api/ingest', body), status, message);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers 415 to a %s body',
    async (contentType) => {
      await expectError(await postJson(app, '/api/ingest', { articles: [{ text: 'x' }] }, contentType), 415);
    },
  );

  it('answers 413 to a body over the limit', async () => {
    const big = { articles: [{ text: 'word '.repeat(20_000) }] };
    await expectError(await postJson(app, '/api/ingest', big), 413, /larger than 65536/);
  });

  it('refuses a private address with the real guarded fetcher (no connection is made)', async () => {
    const guarded = createApp(newsroom, { webRoot: false, fetchUrl: realFetchUrl });
    for (const url of ['http://127.0.0.1:9/x', 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data'])
      await expectError(await postJson(guarded, '/api/ingest', { url }), 400);
  });
});

describe('hostile article', () => {
  it('comes back as JSON text, markup and all, never as HTML', async () => {
    const story = (await (await app.request(`/api/stories/${ferryId}`)).json()) as {
      report: { sources: Array<{ outlet?: string; title?: string; text: string }> };
    };
    const hostile = story.report.sources.find((source) => source.outlet?.includes('Bold'));
    expect(hostile?.outlet).toBe('Verrin <b>Bold</b> Times');
    for (const markup of Object.values(HOSTILE_MARKUP)) expect(hostile?.text).toContain(markup);
    const page = await app.request(`/api/stories/${ferryId}`);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('merge and split', () => {
  it.each([
    { path: () => `/api/stories/${ferryId}/merge`, body: {}, status: 400 },
    { path: () => `/api/stories/${ferryId}/merge`, body: { with: 5 }, status: 400 },
    { path: () => `/api/stories/${ferryId}/merge`, body: { with: ferryId }, status: 400 },
    { path: () => `/api/stories/${ferryId}/merge`, body: { with: 's-none' }, status: 404 },
    { path: () => '/api/stories/s-none/merge', body: { with: ferryId }, status: 404 },
    { path: () => `/api/stories/${ferryId}/split`, body: {}, status: 400 },
    { path: () => `/api/stories/${ferryId}/split`, body: { articles: [] }, status: 400 },
    { path: () => `/api/stories/${ferryId}/split`, body: { articles: [1] }, status: 400 },
    { path: () => `/api/stories/${ferryId}/split`, body: { articles: ['not-in-story'] }, status: 400 },
    { path: () => '/api/stories/s-none/split', body: { articles: ['a'] }, status: 404 },
  ])('answers $status to $body', async ({ path, body, status }) => {
    await expectError(await postJson(app, path(), body), status);
  });

  it('refuses a split that would move every article', async () => {
    const view = (await (await app.request(`/api/stories/${libraryId}`)).json()) as {
      story: { articleIds: string[] };
    };
    await expectError(
      await postJson(app, `/api/stories/${libraryId}/split`, { articles: view.story.articleIds }),
      400,
      /at least one/,
    );
  });

  it('splits one article out, then merges it back', async () => {
    const view = (await (await app.request(`/api/stories/${libraryId}`)).json()) as {
      story: { articleIds: string[] };
    };
    const moved = view.story.articleIds[0]!;
    const split = await postJson(app, `/api/stories/${libraryId}/split`, { articles: [moved] });
    expect(split.status).toBe(201);
    const { id: newId } = (await split.json()) as { id: string };
    expect(newId).not.toBe(libraryId);
    const after = (await (await app.request(`/api/stories/${newId}`)).json()) as {
      story: { articleIds: string[] };
    };
    expect(after.story.articleIds).toEqual([moved]);
    const merge = await postJson(app, `/api/stories/${libraryId}/merge`, { with: newId });
    expect(merge.status).toBe(200);
    expect(await merge.json()).toEqual({ id: libraryId });
    await expectError(await app.request(`/api/stories/${newId}`), 404);
  });
});

describe('the app around the routes', () => {
  it('describes every route it answers in its OpenAPI document, and nothing else', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const answered = [
      ...new Set(
        app.routes
          .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ].sort();
    expect(described).toEqual(answered);
  });

  it.each([
    ['GET', '/api/nothing-here', 404],
    ['DELETE', `/api/stories/${'s1'}`, 404],
    ['GET', '/', 503],
  ])('%s %s → %i as JSON or text, never a stack', async (method, path, status) => {
    const response = await app.request(path, { method });
    expect(response.status).toBe(status);
    expect(await response.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sends a strict content security policy and no-store on the API', async () => {
    const response = await app.request('/api/stories');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
