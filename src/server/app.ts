/**
 * The HTTP API and the web reader's host: a Hono app over a {@link Newsroom}. Routes are thin: they check
 * the request, call the newsroom and answer JSON; every failure is `{ error: { status, message } }`.
 * The app holds no state of its own, so tests drive it in-process with `app.request()`.
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { fetchUrl as guardedFetchUrl } from '../ingest/fetch/fetch-url.js';
import type { ExtractOptions } from '../ingest/html/extract-article.js';
import { CrosscheckError } from '../model/index.js';
import type { Newsroom, StoryView } from '../service/types.js';
import { errorBody, HttpError } from './errors.js';
import { hostAllowed } from './host-check.js';
import { readIngestRequest, type UrlFetcher } from './ingest-request.js';
import { openApiDocument } from './openapi.js';
import { dayParameter, instantParameter, pagingParameters, textParameter } from './query.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Largest request body accepted, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}); larger is a 413. */
  maxBodyBytes?: number;
  /** Let `POST /api/ingest { url }` fetch loopback and private addresses. Default `false`. */
  allowPrivate?: boolean;
  /** The URL fetcher (default: the guarded `fetchUrl` of src/ingest/fetch); tests inject a stub. */
  fetchUrl?: UrlFetcher;
  /** Folder of the built web reader (default `dist-web/` of the repository); `false` serves the API only. */
  webRoot?: string | false;
  /**
   * Host names answered besides loopback ones (`localhost`, `127.0.0.1`, `[::1]`); `*` answers any.
   * Any other `Host` header is refused with a 403, against DNS rebinding. Default: loopback only.
   */
  allowedHosts?: readonly string[];
  /** Where unexpected errors (500s) are reported; default `console.error`. */
  logError?: (error: unknown) => void;
}

/** Default for {@link AppOptions.maxBodyBytes}: 5 MB, room for a few long HTML pages. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Longest id accepted in a path or body; ids are content hashes and slugs, far shorter. */
const MAX_ID_LENGTH = 200;
/** Stories whose serialised answer is kept (oldest dropped first). */
const STORY_JSON_CACHE_SIZE = 200;
/** Most articles one split may move. */
const MAX_SPLIT_ARTICLES = 10_000;

/** The repository's `dist-web/`, from src/server or dist/server alike. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist-web');

/**
 * The policy keeps every script, style and request on this origin and allows no inline script at all:
 * article text is hostile, and if some of it ever reached the page as markup it still could not run.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function checkId(value: string, what: string): string {
  if (value.length === 0 || value.length > MAX_ID_LENGTH)
    throw new HttpError(400, `${what} is not a valid id`);
  return value;
}

function isJson(context: Context): boolean {
  const type = context.req.header('content-type') ?? '';
  return /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(type);
}

/** Reads a JSON body: 415 unless the request says it is JSON, 400 when it does not parse. */
async function jsonBody(context: Context): Promise<unknown> {
  if (!isJson(context))
    throw new HttpError(415, 'the request body must be JSON (Content-Type: application/json)');
  const text = await context.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

async function existingStory(newsroom: Newsroom, id: string): Promise<StoryView> {
  const view = await newsroom.story(checkId(id, 'the story id'));
  if (view === undefined) throw new HttpError(404, `no story with id "${id.slice(0, 80)}"`);
  return view;
}

/** The story without the report copy its record carries: the report is sent once, beside it. */
function storyBody(view: StoryView): object {
  const { report: _duplicate, ...story } = view.record;
  return { story, report: view.report };
}

/**
 * Builds the app: the JSON API under `/api` and, when built, the web reader at `/`.
 * @param newsroom - the application service the routes call
 * @param options - body limit, URL fetching policy, where the reader's files are
 */
export function createApp(newsroom: Newsroom, options: AppOptions = {}): Hono {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const fetchUrl = options.fetchUrl ?? guardedFetchUrl;
  const allowPrivate = options.allowPrivate ?? false;
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const isAllowedHost = hostAllowed(options.allowedHosts);
  const app = new Hono();

  // First of all: a request for another site's name gets nothing from this one, not even the reader.
  app.use('*', async (context, next) => {
    const host = context.req.header('host') ?? new URL(context.req.url).host;
    if (!isAllowedHost(host)) {
      return context.json(
        errorBody(403, `host "${host.slice(0, 100)}" is not served here (serve --allowed-host names more)`),
        403,
      );
    }
    await next();
  });
  app.use(
    '*',
    secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: 'no-referrer' }),
  );
  app.use('/api/*', async (context, next) => {
    await next();
    context.header('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (context) =>
        context.json(errorBody(413, `the request body is larger than ${maxBodyBytes} bytes`), 413),
    }),
  );

  app.onError((error, context) => {
    if (error instanceof HttpError) return context.json(errorBody(error.status, error.message), error.status);
    if (error instanceof CrosscheckError && /invalid/.test(error.code))
      return context.json(errorBody(400, error.message, error.code), 400);
    // A story past its time budget, or work cut off by shutting down: the server is fine, this answer is not.
    if (
      error instanceof CrosscheckError &&
      (error.code === 'budget-time-exceeded' || error.code === 'shutting-down')
    )
      return context.json(errorBody(503, error.message), 503);
    logError(error);
    return context.json(errorBody(500, 'internal error: the server could not answer this request'), 500);
  });
  app.notFound((context) =>
    context.json(errorBody(404, `no route for ${context.req.method} ${context.req.path}`), 404),
  );

  app.get('/api/openapi.json', (context) => context.json(openApiDocument));

  app.get('/api/stories', async (context) => {
    const query = context.req.query();
    const paging = pagingParameters(query.limit, query.offset, query.cursor);
    const filter = {
      ...paging,
      ...optional('query', textParameter('q', query.q)),
      ...optional('outlet', textParameter('outlet', query.outlet)),
      ...optional('from', dayParameter('from', query.from)),
      ...optional('to', dayParameter('to', query.to)),
    };
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
      throw new HttpError(400, `from (${filter.from}) is after to (${filter.to})`);
    const page = await newsroom.listStories(filter);
    return context.json({ ...paging, total: page.total, items: page.items, next: page.next });
  });

  // Serialising a report costs more than reading it: keep the JSON of recently read stories, keyed by
  // the report version and times so any new report or change of articles misses the cache.
  const storyJson = new Map<string, { version: string; json: string }>();
  app.get('/api/stories/:id', async (context) => {
    const view = await existingStory(newsroom, context.req.param('id'));
    const { id, reportVersion, reportAt, updatedAt, stale } = view.record;
    const version = `${reportVersion}|${reportAt}|${updatedAt}|${stale}`;
    let cached = storyJson.get(id);
    if (cached?.version !== version) {
      cached = { version, json: JSON.stringify(storyBody(view)) };
      storyJson.delete(id);
      storyJson.set(id, cached);
      if (storyJson.size > STORY_JSON_CACHE_SIZE) storyJson.delete(storyJson.keys().next().value!);
    }
    return context.body(cached.json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  app.get('/api/stories/:id/changes', async (context) => {
    const id = checkId(context.req.param('id'), 'the story id');
    const since = instantParameter('since', context.req.query('since'));
    const changes = await newsroom.storyChanges(id, since);
    if (changes === undefined) throw new HttpError(404, `no story with id "${id.slice(0, 80)}"`);
    return context.json(changes);
  });

  app.get('/api/stories/:id/articles', async (context) => {
    const id = checkId(context.req.param('id'), 'the story id');
    const paging = pagingParameters(
      context.req.query('limit'),
      context.req.query('offset'),
      context.req.query('cursor'),
    );
    const page = await newsroom.listArticles({ storyId: id, ...paging });
    // An empty page is either an unknown story or an offset past the end: only the first needs a 404.
    if (page.total === 0) await existingStory(newsroom, id);
    return context.json({ ...paging, total: page.total, items: page.items, next: page.next });
  });

  app.get('/api/articles/:id', async (context) => {
    const id = checkId(context.req.param('id'), 'the article id');
    const article = await newsroom.article(id);
    if (article === undefined) throw new HttpError(404, `no article with id "${id.slice(0, 80)}"`);
    const { features: _internal, ...visible } = article;
    return context.json(visible);
  });

  app.get('/api/search', async (context) => {
    const query = textParameter('q', context.req.query('q'));
    if (query === undefined) throw new HttpError(400, 'q is required: the words to search for');
    const paging = pagingParameters(
      context.req.query('limit'),
      context.req.query('offset'),
      context.req.query('cursor'),
    );
    const { hits, next } = await newsroom.search(query, paging);
    return context.json({ query, ...paging, hits, next });
  });

  app.post('/api/ingest', async (context) => {
    const request = await readIngestRequest(await jsonBody(context), {
      fetchUrl,
      allowPrivate,
      // On the newsroom's worker when it has one: a hostile page must not stop the other requests.
      ...(newsroom.extractArticle === undefined
        ? {}
        : { extract: (html: string, options: ExtractOptions) => newsroom.extractArticle!(html, options) }),
    });
    const outcome = await newsroom.ingest(request.articles);
    return context.json(
      { ...outcome, diagnostics: [...request.diagnostics, ...outcome.diagnostics] },
      outcome.added.length > 0 ? 201 : 200,
    );
  });

  app.post('/api/stories/:id/merge', async (context) => {
    const body = await jsonBody(context);
    const absorbed = field(body, 'with');
    if (typeof absorbed !== 'string')
      throw new HttpError(400, '"with" must be the id of the story to merge in');
    const kept = context.req.param('id');
    if (absorbed === kept) throw new HttpError(400, 'a story cannot be merged with itself');
    await existingStory(newsroom, kept);
    await existingStory(newsroom, absorbed);
    return context.json({ id: await newsroom.merge(kept, absorbed) });
  });

  app.post('/api/stories/:id/split', async (context) => {
    const body = await jsonBody(context);
    const articles = field(body, 'articles');
    if (
      !Array.isArray(articles) ||
      articles.length === 0 ||
      articles.length > MAX_SPLIT_ARTICLES ||
      !articles.every((id): id is string => typeof id === 'string')
    )
      throw new HttpError(400, '"articles" must be a non-empty array of article ids');
    const view = await existingStory(newsroom, context.req.param('id'));
    const members = new Set(view.record.articleIds);
    const strangers = articles.filter((id) => !members.has(id));
    if (strangers.length > 0)
      throw new HttpError(
        400,
        `not articles of this story: ${strangers.slice(0, 5).join(', ').slice(0, 300)}`,
      );
    if (new Set(articles).size === members.size)
      throw new HttpError(400, 'a split must leave at least one article in the story');
    return context.json({ id: await newsroom.split(view.record.id, articles) }, 201);
  });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot !== false && existsSync(path.join(webRoot, 'index.html'))) {
    app.use('/assets/*', async (context, next) => {
      await next();
      // Vite names assets by content hash: they never change under the same name.
      if (context.res.status === 200) context.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: webRoot }));
  } else {
    app.get('/', (context) =>
      context.text(
        'The web reader is not built: run `npm run build:web`, then reload. The API is under /api.',
        503,
      ),
    );
  }
  return app;
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (exactOptionalPropertyTypes forbids undefined). */
function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [Name in Key]?: Value } {
  return value === undefined ? {} : ({ [key]: value } as { [Name in Key]?: Value });
}
