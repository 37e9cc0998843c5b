/**
 * The body of `POST /api/ingest` → articles for the newsroom: plain text as given, HTML through the
 * article extractor, a URL fetched through the guarded fetcher (private addresses refused unless
 * allowed) and then extracted. Every problem with the request is an {@link HttpError}.
 * @packageDocumentation
 */
import type { FetchOptions, FetchResult } from '../ingest/fetch/fetch-url.js';
import { decodeHtml } from '../ingest/html/charset.js';
import { type ExtractOptions, type ExtractResult, extractArticle } from '../ingest/html/extract-article.js';
import type { ArticleInput, Diagnostic } from '../model/index.js';
import { articleIdFor } from '../store/article-id.js';
import { appendAll } from '../text/iterables.js';
import { HttpError } from './errors.js';

/** Fetches one URL: `fetchUrl` of src/ingest/fetch, injected so tests stub the network. */
export type UrlFetcher = (url: string, options: FetchOptions) => Promise<FetchResult>;

/** Extracts the article of an HTML page: `extractArticle`, or the newsroom's worker running it. */
export type PageExtractor = (html: string, options: ExtractOptions) => Promise<ExtractResult>;

/** Options of {@link readIngestRequest}. */
export interface IngestRequestOptions {
  fetchUrl: UrlFetcher;
  /** Where pages are extracted (default: `extractArticle` on this thread). */
  extract?: PageExtractor;
  /** Let `{ url }` reach loopback and private addresses (a trusted local setup). */
  allowPrivate: boolean;
}

/** Articles ready for {@link Newsroom.ingest} with what extraction noted. */
export interface IngestRequest {
  articles: ArticleInput[];
  diagnostics: Diagnostic[];
}

/** Most articles accepted in one request; larger imports belong to the CLI. */
export const MAX_ARTICLES_PER_REQUEST = 500;
/** Longest metadata value (title, outlet, URL) accepted. */
const MAX_FIELD_LENGTH = 2000;
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

const inThread: PageExtractor = async (html, options) => extractArticle(html, options);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `${where}.${field} must be a string`);
  if (value.length > MAX_FIELD_LENGTH)
    throw new HttpError(400, `${where}.${field} must be at most ${MAX_FIELD_LENGTH} characters`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function httpUrl(value: string, where: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new HttpError(400, `${where} must be an absolute http(s) URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new HttpError(400, `${where} must use http or https, got ${parsed.protocol}`);
  return parsed.href;
}

/** The day of an ISO date or instant: articles carry a publication day. */
function publicationDay(value: string, where: string): string {
  if (!ISO_DATE_OR_TIME.test(value) || Number.isNaN(Date.parse(value.slice(0, 10))))
    throw new HttpError(400, `${where}.published must be an ISO 8601 date, got "${value.slice(0, 40)}"`);
  return value.slice(0, 10);
}

/** Metadata given with or found for an article; `undefined` where nothing is known. */
interface Metadata {
  title?: string | undefined;
  outlet?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
}

/** Builds the article, dropping absent metadata (exactOptionalPropertyTypes forbids `undefined` values). */
function articleInput(body: string, metadata: Metadata): ArticleInput {
  const article: ArticleInput = { id: articleIdFor(body), body };
  for (const [key, value] of Object.entries(metadata) as Array<[keyof Metadata, string | undefined]>)
    if (value !== undefined) article[key] = value;
  return article;
}

async function fromHtml(
  html: string,
  given: Metadata,
  where: string,
  extract: PageExtractor,
): Promise<{ article: ArticleInput; diagnostics: Diagnostic[] }> {
  const extracted = await extract(html, given.url === undefined ? {} : { url: given.url, name: given.url });
  if (!extracted.ok) throw new HttpError(422, `${where}: ${extracted.message}`);
  const found = extracted.article;
  const published =
    given.published ?? (found.published === undefined ? undefined : found.published.slice(0, 10));
  return {
    article: articleInput(found.text, {
      ...given,
      title: given.title ?? found.title,
      outlet: given.outlet ?? found.outlet,
      url: given.url ?? found.url,
      published,
    }),
    diagnostics: extracted.diagnostics,
  };
}

async function readArticle(
  value: unknown,
  position: number,
  extract: PageExtractor,
): Promise<{ article: ArticleInput; diagnostics: Diagnostic[] }> {
  const where = `articles[${position}]`;
  if (!isRecord(value)) throw new HttpError(400, `${where} must be an object`);
  const text = value.text;
  const html = value.html;
  if ((text === undefined) === (html === undefined))
    throw new HttpError(400, `${where} must have exactly one of "text" or "html"`);
  const url = optionalString(value, 'url', where);
  const published = optionalString(value, 'published', where);
  const given = {
    title: optionalString(value, 'title', where),
    outlet: optionalString(value, 'outlet', where),
    url: url === undefined ? undefined : httpUrl(url, `${where}.url`),
    published: published === undefined ? undefined : publicationDay(published, where),
  };
  const content = text ?? html;
  if (typeof content !== 'string')
    throw new HttpError(400, `${where}.${text === undefined ? 'html' : 'text'} must be a string`);
  if (content.trim() === '') throw new HttpError(400, `${where} is empty`);
  if (html !== undefined) return fromHtml(content, given, where, extract);
  return { article: articleInput(content, given), diagnostics: [] };
}

async function readUrl(rawUrl: unknown, options: IngestRequestOptions): Promise<IngestRequest> {
  if (typeof rawUrl !== 'string') throw new HttpError(400, 'url must be a string');
  const url = httpUrl(rawUrl.trim(), 'url');
  const fetched = await options.fetchUrl(url, {
    allowPrivate: options.allowPrivate,
    accept: 'text/html,text/plain;q=0.8',
  });
  if (!fetched.ok) {
    const status = fetched.reason === 'blocked-address' || fetched.reason === 'bad-url' ? 400 : 502;
    throw new HttpError(status, fetched.message);
  }
  if (fetched.contentType === 'text/plain') {
    const text = decodeHtml(fetched.bytes, {
      contentType: `text/plain; charset=${fetched.charset ?? 'utf-8'}`,
    }).text;
    if (text.trim() === '') throw new HttpError(422, `${fetched.url} has no text`);
    return { articles: [articleInput(text, { url: fetched.url })], diagnostics: [] };
  }
  if (fetched.contentType !== '' && !HTML_TYPES.has(fetched.contentType))
    throw new HttpError(422, `${fetched.url} is ${fetched.contentType}, not an HTML page or plain text`);
  const contentType = fetched.charset === undefined ? undefined : `text/html; charset=${fetched.charset}`;
  const html = decodeHtml(fetched.bytes, contentType === undefined ? {} : { contentType }).text;
  const { article, diagnostics } = await fromHtml(
    html,
    { url: fetched.url },
    fetched.url,
    options.extract ?? inThread,
  );
  return { articles: [article], diagnostics };
}

/**
 * Checks and converts an ingest request body.
 * @param body - the parsed JSON: `{ articles: [...] }` or `{ url }`
 * @throws HttpError 400 for a malformed request or a refused URL, 422 when a page has no article, 502
 *   when fetching failed
 */
export async function readIngestRequest(
  body: unknown,
  options: IngestRequestOptions,
): Promise<IngestRequest> {
  if (!isRecord(body))
    throw new HttpError(400, 'the body must be a JSON object: { "articles": [...] } or { "url": "..." }');
  if ((body.articles === undefined) === (body.url === undefined))
    throw new HttpError(400, 'the body must have exactly one of "articles" or "url"');
  if (body.url !== undefined) return readUrl(body.url, options);
  const list = body.articles;
  if (!Array.isArray(list) || list.length === 0)
    throw new HttpError(400, 'articles must be a non-empty array');
  if (list.length > MAX_ARTICLES_PER_REQUEST)
    throw new HttpError(400, `at most ${MAX_ARTICLES_PER_REQUEST} articles per request, got ${list.length}`);
  const articles: ArticleInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [position, value] of list.entries()) {
    const read = await readArticle(value, position, options.extract ?? inThread);
    articles.push(read.article);
    appendAll(diagnostics, read.diagnostics);
  }
  return { articles, diagnostics };
}
