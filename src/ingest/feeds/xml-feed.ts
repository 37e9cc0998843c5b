/**
 * RSS 2.0, RSS 0.9x, RDF (RSS 1.0) and Atom through `@rowanmanning/feed-parser`, which is lenient with
 * real-world feeds (unknown entities, unclosed tags at the end). What it cannot read (a tag cut in half by a
 * truncated download) is recovered by re-reading the text up to the last complete item, so the items before
 * the damage are kept and the damage is reported.
 * @packageDocumentation
 */
import type { Diagnostic } from '../../model/index.js';
import { feedParser } from '../lazy-module.js';
import { feedDay } from './feed-dates.js';
import type { Feed, FeedFormat, FeedItem, FeedOrigin, FeedParseResult } from './feed-types.js';
import { originName } from './feed-types.js';
import { contentHash } from './hash.js';

/** The XML feed parser, loaded by the first feed (see {@link feedParser}). */
function parseXmlFeed(
  ...parameters: Parameters<ReturnType<typeof feedParser>['parseFeed']>
): ReturnType<ReturnType<typeof feedParser>['parseFeed']> {
  return feedParser().parseFeed(...parameters);
}

type ParsedFeed = ReturnType<typeof parseXmlFeed>;
type ParsedItem = ParsedFeed['items'][number];
type ParsedElement = ParsedItem['element'];

/** Raw date elements, most specific first; `date` is Dublin Core's `dc:date`. */
const PUBLISHED_ELEMENTS = [
  'pubdate',
  'published',
  'issued',
  'created',
  'date',
  'updated',
  'modified',
] as const;
const UPDATED_ELEMENTS = ['updated', 'modified', 'date'] as const;
const DATE_ELEMENTS = new Set<string>(PUBLISHED_ELEMENTS);
/**
 * A feed document ends with the end tag of its root (`</rss>`, `</feed>`, `</rdf:RDF>`, any prefix), possibly
 * followed by comments such as the generation time many publishing systems append.
 */
const ROOT_CLOSED = /<\/(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>(?:\s|<!--[\s\S]*?-->)*$/i;

/**
 * Parses an XML feed.
 * @param text - the feed, BOM already removed
 * @param origin - where it came from
 * @returns the feed and diagnostics, or why there is none
 */
export function parseXmlFeedText(text: string, origin: FeedOrigin): FeedParseResult {
  const name = originName(origin);
  const diagnostics: Diagnostic[] = [];
  let parsed: ParsedFeed;
  let recoveredFromError = false;
  try {
    parsed = parseXmlFeed(text);
  } catch (error) {
    if (isInvalidFeed(error)) return notAFeed(text, name);
    const problem = errorMessage(error);
    const recovered = recoverTruncated(text, error);
    if (recovered === undefined) {
      return {
        ok: false,
        reason: 'malformed',
        message: `${name}: the feed is not well-formed XML (${problem})`,
      };
    }
    parsed = recovered.feed;
    recoveredFromError = true;
    diagnostics.push({
      source: name,
      code: 'feed-malformed',
      severity: 'warning',
      message: `${name}: the feed is not well-formed XML (${problem}); kept the ${plural(recovered.feed.items.length, 'item')} before the damage`,
      start: recovered.cut,
    });
  }
  if (!recoveredFromError && !ROOT_CLOSED.test(text.slice(-400))) {
    // The parser closes what is left open without a word; a download cut short looks exactly like that.
    diagnostics.push({
      source: name,
      code: 'feed-truncated',
      severity: 'warning',
      message: `${name}: the feed ends before its root element is closed: it may be cut off, and its last item incomplete`,
    });
  }

  const format: FeedFormat =
    parsed.meta.type === 'atom' ? 'atom' : parsed.meta.type === 'rdf' ? 'rdf' : 'rss';
  const siteUrl = absoluteUrl(parsed.url, origin.url);
  const feed: Feed = { format, items: [] };
  const title = clean(parsed.title);
  if (title !== undefined) feed.title = title;
  if (siteUrl !== undefined) feed.url = siteUrl;
  const base = siteUrl ?? origin.url;
  for (const item of itemsWithCachedFeed(parsed)) feed.items.push(toFeedItem(item, base, format));
  return { ok: true, feed, diagnostics };
}

/**
 * The feed's items, rebuilt over a copy of the feed whose `url`, `authors` and `categories` are computed once.
 * The parser's items read those from the feed for every item (to resolve links and default authors), and each
 * read scans every child of the channel: quadratic, 10,000 items took minutes instead of well under a second.
 */
function itemsWithCachedFeed(parsed: ParsedFeed): ParsedItem[] {
  const items = parsed.items;
  const first = items[0];
  if (first === undefined) return items;
  const cachedFeed = Object.create(parsed, {
    url: { value: parsed.url },
    authors: { value: parsed.authors },
    categories: { value: parsed.categories },
  }) as ParsedFeed;
  const ItemClass = first.constructor as new (feed: ParsedFeed, element: ParsedElement) => ParsedItem;
  return items.map((item) => new ItemClass(cachedFeed, item.element));
}

function toFeedItem(item: ParsedItem, base: string | undefined, format: FeedFormat): FeedItem {
  const url = absoluteUrl(item.url, base);
  const title = clean(item.title);
  const contentHtml = clean(item.content);
  const summaryHtml = clean(item.description);
  const id =
    clean(item.id) ?? url ?? `sha256:${contentHash([title, contentHtml, summaryHtml].join('\u0000'))}`;
  const result: FeedItem = { id };
  if (title !== undefined) result.title = title;
  if (url !== undefined) result.url = url;
  // Dates are read from the raw elements, looked up in one pass over the item's children: the parser's date
  // getters scan the children again for every candidate name, which dominated the time on large feeds.
  const dates = rawDates(item.element, format);
  const published = feedDay(dates.published);
  if (published !== undefined) result.published = published;
  if (dates.updated !== undefined && !sameInstant(dates.updated, dates.published)) {
    const updated = feedDay(dates.updated);
    if (updated !== undefined) result.updated = updated;
  }
  const authors = item.authors.map((author) => author.name?.trim()).filter((value) => !!value);
  if (authors.length > 0) result.author = authors.join(', ');
  if (contentHtml !== undefined) result.contentHtml = contentHtml;
  if (summaryHtml !== undefined && summaryHtml !== contentHtml) result.summaryHtml = summaryHtml;
  return result;
}

function rawDates(element: ParsedElement, format: FeedFormat): { published?: string; updated?: string } {
  const texts = new Map<string, string>();
  for (const child of element.children) {
    if (typeof child === 'string' || !DATE_ELEMENTS.has(child.name) || texts.has(child.name)) continue;
    const text = child.textContentNormalized;
    if (text) texts.set(child.name, text);
  }
  const first = (names: readonly string[]): string | undefined =>
    names.map((elementName) => texts.get(elementName)).find((text) => text !== undefined);
  const result: { published?: string; updated?: string } = {};
  const published = first(PUBLISHED_ELEMENTS);
  const updated = first(format === 'atom' ? UPDATED_ELEMENTS : ['date']);
  if (published !== undefined) result.published = published;
  if (updated !== undefined) result.updated = updated;
  return result;
}

function sameInstant(first: string, second: string | undefined): boolean {
  if (second === undefined || first === second) return true;
  const firstTime = Date.parse(first);
  return !Number.isNaN(firstTime) && firstTime === Date.parse(second);
}

/**
 * Re-reads a feed the parser gave up on, up to the end of the last complete item before the error.
 * The parser tolerates elements left open at the end of the text, so cutting there is enough.
 */
function recoverTruncated(text: string, error: unknown): { feed: ParsedFeed; cut: number } | undefined {
  const position = /position (\d+)/.exec(errorMessage(error));
  const limit = position ? Number(position[1]) : text.length;
  const lower = text.slice(0, limit).toLowerCase();
  const cut = Math.max(endOf(lower, '</item>'), endOf(lower, '</entry>'));
  if (cut <= 0) return undefined;
  try {
    const feed = parseXmlFeed(text.slice(0, cut));
    return feed.items.length > 0 ? { feed, cut } : undefined;
  } catch {
    return undefined;
  }
}

function endOf(text: string, tag: string): number {
  const at = text.lastIndexOf(tag);
  return at < 0 ? -1 : at + tag.length;
}

function notAFeed(text: string, name: string): FeedParseResult {
  const head = text.slice(0, 2000).toLowerCase();
  if (head.includes('<html') || head.includes('<!doctype html')) {
    return { ok: false, reason: 'not-a-feed', message: `${name}: is an HTML page, not a feed` };
  }
  if (head.includes('<opml')) {
    return { ok: false, reason: 'not-a-feed', message: `${name}: is an OPML list of feeds, not a feed` };
  }
  return {
    ok: false,
    reason: 'not-a-feed',
    message: `${name}: is XML but not a feed (no <rss>, <feed> or <rdf:RDF> element)`,
  };
}

function isInvalidFeed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'INVALID_FEED';
}

/** The parser's message without the quoted context it appends, which can be long and repeats the input. */
function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split(/\n|\. Context:/)[0]!
    .trim()
    .replace(/\.$/, '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Resolves a link against a base, keeping only http(s) URLs.
 * @param value - the link as found
 * @param base - the URL it is relative to, when known
 * @returns the absolute URL, or `undefined` when there is no usable one
 */
export function absoluteUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
