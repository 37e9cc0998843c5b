/**
 * Everything `crosscheck ingest` accepts, to articles: URLs (pages, feeds, OPML lists, dumps), files of any of
 * those kinds, and folders of text articles. The kind of each input is read from its content, not its name.
 *
 * A bad input never stops the others: it becomes a `failed` entry and a warning diagnostic. Pages are
 * extracted by the injected extractor (see `../html`), so this module stays free of HTML heuristics.
 * @packageDocumentation
 */
import { readFile as readFileFromDisk, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ArticleInput, Diagnostic } from '../../model/index.js';
import { appendAll } from '../../text/iterables.js';
import { feedItemsToArticles } from '../feeds/feed-articles.js';
import type { FeedOrigin } from '../feeds/feed-types.js';
import { originName } from '../feeds/feed-types.js';
import { stableId } from '../feeds/hash.js';
import { parseOpml } from '../feeds/opml.js';
import { detectTextKind, parseFeed } from '../feeds/parse-feed.js';
import type { JsonlMapping } from '../jsonl.js';
import { parseJsonl } from '../jsonl.js';
import { parseArticleText } from '../parse-article.js';
import { decodeText } from './decode-text.js';
import type { FetchOptions, FetchResult } from './fetch-url.js';
import { fetchUrl } from './fetch-url.js';

/** The page extractor's result, as far as ingesting needs it (`extractArticle` of `../html` fits). */
export type PageExtraction =
  | {
      ok: true;
      article: { title?: string; outlet?: string; url?: string; published?: string; text: string };
      diagnostics: Diagnostic[];
    }
  | { ok: false; reason: string; message: string };

/** What {@link ingestSources} uses to do its work; only `htmlToText` is required. */
export interface IngestDeps {
  /** HTML fragments (feed content) to text with paragraphs. */
  htmlToText: (html: string) => string;
  /** Extracts the article of a web page; without it, pages are reported as `unsupported`. */
  extractArticle?: (html: string, options: { url?: string; name?: string }) => PageExtraction;
  /** Decodes a page's bytes by the HTML sniffing rules; default {@link decodeText}. */
  decodeHtml?: (bytes: Uint8Array, options: { contentType?: string }) => { text: string };
  /**
   * Reads folders, text articles and saved pages (`.html`, `.htm`, `.html.gz`) as `synth` and `extract`
   * do (`readArticles` of `../read-articles.js` fits); without it, those are reported as `unsupported`.
   */
  readArticles?: (paths: string[]) => Promise<{
    articles: ArticleInput[];
    diagnostics: Diagnostic[];
    skipped?: readonly { path: string; reason: string; message: string }[];
  }>;
  /** Options of every fetch: the address guard, limits, user agent. */
  fetchOptions?: FetchOptions;
  /** Replaces {@link fetchUrl}, for tests. */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchResult>;
  /** Field names of JSONL dumps. */
  jsonlMapping?: JsonlMapping;
  /** Fetch the feeds an OPML list names. Default `true`. */
  followOpml?: boolean;
  /** Files larger than this are not read. Default 50 MB. */
  maxFileBytes?: number;
}

/** One input that gave nothing. */
export interface FailedSource {
  ref: string;
  /** A fetch failure reason, a feed failure reason, `path-not-found`, `too-large`, `unsupported` or `unreadable`. */
  reason: string;
  message: string;
}

/** What {@link ingestSources} found. */
export interface IngestResult {
  articles: ArticleInput[];
  diagnostics: Diagnostic[];
  failed: FailedSource[];
}

const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/**
 * Files read by the one file reader `synth` and `extract` use (`readArticles`), whatever their content looks
 * like: plain-text articles and saved pages, gzip-compressed or not.
 */
const READER_FILES = /\.(?:txt|md|text|html?|xhtml|html?\.gz|xhtml\.gz)$/i;
/** Documents that are never article text: the file reader skips them with their reason. */
const DOCUMENT_FILES = /\.(?:pdf|docx?|odt|rtf|epub|pages)$/i;
/** Content types of documents that are never article text, whatever their bytes decode to. */
const DOCUMENT_TYPES =
  /^application\/(?:pdf|postscript|rtf|msword|vnd\.openxmlformats|vnd\.oasis\.opendocument|epub)/i;

/**
 * Reads and fetches every input, in the order given. Articles are unique by id: a second article with an id
 * already read (the same item in two feeds, the same page twice) is dropped with an info diagnostic.
 * @param refs - http(s) URLs, file paths and folder paths
 * @param deps - the extractor, the HTML-to-text converter and fetch options
 * @returns the articles, the diagnostics and the inputs that gave nothing
 */
export async function ingestSources(refs: readonly string[], deps: IngestDeps): Promise<IngestResult> {
  const result: IngestResult = { articles: [], diagnostics: [], failed: [] };
  const seen = new Set<string>();
  const fail = (ref: string, reason: string, message: string): void => {
    result.failed.push({ ref, reason, message });
    result.diagnostics.push({ source: ref, code: `ingest-${reason}`, severity: 'warning', message });
  };
  const add = (articles: readonly ArticleInput[], diagnostics: readonly Diagnostic[]): void => {
    appendAll(result.diagnostics, diagnostics);
    for (const article of articles) {
      if (seen.has(article.id)) {
        result.diagnostics.push({
          source: article.id,
          code: 'ingest-duplicate',
          severity: 'info',
          message: `${article.url ?? article.path ?? article.id}: already read from another input; kept the first`,
        });
        continue;
      }
      seen.add(article.id);
      result.articles.push(article);
    }
  };
  const context: Context = { deps, fail, add };
  for (const ref of refs) {
    if (isUrlRef(ref)) await ingestUrl(ref, context, true);
    else await ingestPath(ref, context);
  }
  return result;
}

/**
 * Whether an input names a URL (`scheme://…`) rather than a path.
 * @param ref - an input as given on the command line
 */
export function isUrlRef(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}

interface Context {
  deps: IngestDeps;
  fail: (ref: string, reason: string, message: string) => void;
  add: (articles: readonly ArticleInput[], diagnostics: readonly Diagnostic[]) => void;
}

async function ingestUrl(url: string, context: Context, followOpml: boolean): Promise<void> {
  const fetched = await (context.deps.fetch ?? fetchUrl)(url, {
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8',
    ...context.deps.fetchOptions,
  });
  if (!fetched.ok) {
    context.fail(url, fetched.reason, fetched.message);
    return;
  }
  if (DOCUMENT_TYPES.test(fetched.contentType)) {
    context.fail(url, 'not-an-article', `${url}: an ${fetched.contentType} document, not an article page`);
    return;
  }
  const contentType = fetched.charset
    ? `${fetched.contentType}; charset=${fetched.charset}`
    : fetched.contentType;
  await ingestBytes(fetched.bytes, { url: fetched.url }, contentType, fetched.charset, context, followOpml);
}

async function ingestPath(path: string, context: Context): Promise<void> {
  let size: number;
  let isDirectory: boolean;
  try {
    const info = await stat(path);
    size = info.size;
    isDirectory = info.isDirectory();
  } catch {
    context.fail(path, 'path-not-found', `${path}: does not exist or cannot be read`);
    return;
  }
  if (isDirectory || READER_FILES.test(path) || DOCUMENT_FILES.test(path)) {
    if (!context.deps.readArticles) {
      context.fail(path, 'unsupported', `${path}: text articles, pages and folders need a reader`);
      return;
    }
    const read = await context.deps.readArticles([path]);
    const skipped = new Set((read.skipped ?? []).map((entry) => entry.path));
    // The reader's own warning about a skipped file is replaced by the failure that counts it.
    context.add(
      read.articles.map((article) =>
        article.path === undefined ? article : { ...article, id: stableId('file', resolve(article.path)) },
      ),
      read.diagnostics.filter(
        (diagnostic) => !(diagnostic.code.startsWith('input-') && skipped.has(diagnostic.source ?? '')),
      ),
    );
    for (const entry of read.skipped ?? []) context.fail(entry.path, entry.reason, entry.message);
    return;
  }
  const maxBytes = context.deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (size > maxBytes) {
    context.fail(path, 'too-large', `${path}: ${size} bytes, over the ${maxBytes}-byte limit`);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFileFromDisk(path);
  } catch (error) {
    context.fail(
      path,
      'unreadable',
      `${path}: cannot be read (${error instanceof Error ? error.message : error})`,
    );
    return;
  }
  await ingestBytes(bytes, { path }, '', undefined, context, true);
}

async function ingestBytes(
  bytes: Uint8Array,
  origin: FeedOrigin,
  contentType: string,
  charset: string | undefined,
  context: Context,
  followOpml: boolean,
): Promise<void> {
  const name = originName(origin);
  const { text } = decodeText(bytes, charset);
  const kind = detectTextKind(text);
  switch (kind) {
    case 'xml-feed':
    case 'json-feed': {
      const parsed = parseFeed(text, origin);
      if (!parsed.ok) {
        context.fail(name, parsed.reason, parsed.message);
        return;
      }
      const mapped = feedItemsToArticles(parsed.feed, parsed.feed.items, context.deps.htmlToText, origin);
      context.add(mapped.articles, [...parsed.diagnostics, ...mapped.diagnostics]);
      return;
    }
    case 'opml': {
      const list = parseOpml(text, origin);
      if (!list.ok) {
        context.fail(name, list.reason, list.message);
        return;
      }
      context.add([], list.diagnostics);
      // One level only: an OPML list naming another list is not followed, so lists cannot loop.
      if (!followOpml || context.deps.followOpml === false) return;
      for (const feed of list.feeds) await ingestUrl(feed.url, context, false);
      return;
    }
    case 'jsonl':
    case 'json': {
      const dump = parseJsonl(text, origin, context.deps.jsonlMapping);
      // A dump's own ids ("1", "2", …) are unique only within it: scoped by the dump's name, two dumps cannot collide.
      context.add(
        dump.articles.map((article) => ({
          ...article,
          id: article.id.startsWith('jsonl-') ? article.id : stableId('jsonl', `${name}\u0000${article.id}`),
        })),
        dump.diagnostics,
      );
      return;
    }
    case 'html':
      ingestPage(bytes, origin, contentType, context);
      return;
    case 'empty':
      context.fail(name, 'empty', `${name}: is empty`);
      return;
    case 'xml':
      context.fail(name, 'unsupported', `${name}: is XML but neither a feed nor an OPML list`);
      return;
    case 'text': {
      const id = stableId('text', name);
      const parsed = parseArticleText(text, {
        id,
        ...(origin.path ? { path: origin.path } : {}),
      });
      if (!parsed.ok) {
        // The parser names the input by the id it was given; a fetched text is named by its URL.
        const message = parsed.message.startsWith(`${id}: `)
          ? `${name}: ${parsed.message.slice(id.length + 2)}`
          : parsed.message;
        context.fail(name, parsed.reason, message);
        return;
      }
      const article =
        origin.url && parsed.article.url === undefined
          ? { ...parsed.article, url: origin.url }
          : parsed.article;
      context.add([article], parsed.diagnostics);
      return;
    }
  }
}

function ingestPage(bytes: Uint8Array, origin: FeedOrigin, contentType: string, context: Context): void {
  const name = originName(origin);
  if (!context.deps.extractArticle) {
    context.fail(name, 'unsupported', `${name}: is a web page, and no page extractor was given`);
    return;
  }
  const html = context.deps.decodeHtml
    ? context.deps.decodeHtml(bytes, contentType ? { contentType } : {}).text
    : decodeText(bytes).text;
  const options: { url?: string; name?: string } = { name };
  if (origin.url !== undefined) options.url = origin.url;
  const extracted = context.deps.extractArticle(html, options);
  if (!extracted.ok) {
    context.fail(name, extracted.reason, extracted.message);
    return;
  }
  const page = extracted.article;
  const url = page.url ?? origin.url;
  const article: ArticleInput = { id: stableId('page', url ?? name), body: page.text };
  if (origin.path !== undefined) article.path = origin.path;
  if (url !== undefined) article.url = url;
  if (page.title !== undefined) article.title = page.title;
  if (page.outlet !== undefined) article.outlet = page.outlet;
  const day = page.published?.slice(0, 10);
  if (day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day)) article.published = day;
  context.add([article], extracted.diagnostics);
}
