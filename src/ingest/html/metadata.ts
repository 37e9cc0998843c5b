/**
 * Page metadata of a saved article: title, byline, outlet, canonical URL, and the published and
 * updated dates kept apart. Sources, strongest first: JSON-LD (schema.org `NewsArticle` and kin),
 * Open Graph / article / Dublin Core / Parse.ly `<meta>` tags, microdata `itemprop`, `<time>` elements,
 * `rel=author` links, the `<title>`, and last a date in the URL path (`/2024/02/20/`).
 *
 * Written here rather than taken from Readability: Readability reads only the published time, mixes
 * it with the modified time, and gives no canonical URL or date source. Every value records where it
 * came from so the caller can explain it.
 * @packageDocumentation
 */
// The English entry alone: the package root loads every locale, which costs ~200 ms at start-up.
import * as chrono from 'chrono-node/en';
import { outletOfSite } from '../../text/outlet-identity.js';

/** Where a metadata value was found. */
export type MetadataSource =
  | 'json-ld'
  | 'meta'
  | 'microdata'
  | 'time'
  | 'link'
  | 'title'
  | 'url'
  | 'host'
  /** The known outlet of the page's site (`src/text/known-outlets.ts`). */
  | 'site';

/** A metadata value with the place it came from. */
export interface Sourced<T> {
  value: T;
  source: MetadataSource;
  /** The key, e.g. `article:published_time` or `datePublished`. */
  key: string;
}

/** What the page says about itself. Dates are ISO 8601: a day `YYYY-MM-DD` (or `YYYY-MM`), or a day with time and offset. */
export interface PageMetadata {
  title?: Sourced<string>;
  byline?: Sourced<string>;
  outlet?: Sourced<string>;
  url?: Sourced<string>;
  published?: Sourced<string>;
  updated?: Sourced<string>;
  /** The schema.org `@type` or `og:type` the page gives itself, lower-cased, e.g. `newsarticle`, `website`. */
  pageType?: string;
}

/** The DOM surface metadata reading needs (linkedom's and the browser's elements satisfy it). */
export interface MetadataElement {
  /** Upper-case for HTML elements. */
  tagName: string;
  getAttribute(name: string): string | null;
  textContent: string | null;
  closest(selector: string): MetadataElement | null;
  querySelector(selector: string): MetadataElement | null;
}

/** A document that can list its elements. */
export interface MetadataDocument {
  querySelectorAll(selector: string): Iterable<MetadataElement>;
}

/** schema.org types that are articles; a page whose JSON-LD names one of them is an article page. */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
  'review',
]);

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'article.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'date',
];

const UPDATED_META = [
  'article:modified_time',
  'og:updated_time',
  'og:article:modified_time',
  'datemodified',
  'modified_time',
  'article.updated',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
];

const AUTHOR_META = [
  'author',
  'article:author',
  'byl',
  'dc.creator',
  'dcterms.creator',
  'parsely-author',
  'sailthru.author',
];
const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'headline', 'parsely-title', 'sailthru.title'];
const OUTLET_META = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site'];

const SCRIPT_JSON_LD =
  /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * The parsed JSON-LD blocks of a page, read from the raw HTML (before scripts are stripped). Blocks
 * that are not valid JSON, even after removing the HTML comment and CDATA wrappers some CMSs add,
 * are skipped: a page's broken metadata is not an error of the extraction.
 * @param html - the page's HTML
 */
export function readJsonLd(html: string): unknown[] {
  const blocks: unknown[] = [];
  for (const match of html.matchAll(SCRIPT_JSON_LD)) {
    const body = (match[1] ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .trim();
    if (body === '') continue;
    try {
      blocks.push(JSON.parse(body));
    } catch {
      // Raw control characters inside strings are the commonest breakage; try once without them.
      try {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing raw control characters is the repair
        blocks.push(JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ')));
      } catch {
        // Unreadable block: ignored.
      }
    }
  }
  return blocks;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object of the JSON-LD blocks, depth first, through arrays, `@graph` and nested values. */
function jsonLdObjects(blocks: readonly unknown[]): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isObject(value)) {
      objects.push(value);
      for (const [key, child] of Object.entries(value)) {
        if (key === '@graph' || key === 'mainEntity' || key === 'itemListElement') visit(child, depth + 1);
      }
    }
  };
  for (const block of blocks) visit(block, 0);
  return objects;
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.toLowerCase());
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstString(item);
      if (found !== undefined) return found;
    }
  }
  if (isObject(value)) return firstString(value['@value']);
  return undefined;
}

/** Names of a JSON-LD person/organisation value: a string, an object with `name`, an `@id` reference, or a list. */
function names(value: unknown, byId: ReadonlyMap<string, JsonObject>): string[] {
  if (typeof value === 'string') return value.trim() === '' || isUrl(value) ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap((item) => names(item, byId));
  if (!isObject(value)) return [];
  const name = firstString(value.name);
  if (name !== undefined) return [name];
  const id = value['@id'];
  const target = typeof id === 'string' ? byId.get(id) : undefined;
  return target !== undefined && target !== value ? names(target, new Map()) : [];
}

const isUrl = (value: string): boolean => /^(?:https?:)?\/\//i.test(value.trim());

/** The collapsed, trimmed text of a value, or undefined when empty. */
function clean(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const text = value.replace(/[\s\u00a0]+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * A byline as people write it: without a leading "By", without a trailing "| Staff" or e-mail, at
 * most 120 characters (a longer "byline" is a paragraph picked up by mistake).
 * @param value - the raw byline text
 */
export function cleanByline(value: string | null | undefined): string | undefined {
  let text = clean(value);
  if (text === undefined) return undefined;
  text = text
    .replace(/^(?:written\s+)?by[\s:]+/i, '')
    .replace(/\s*[|•·]\s*.*$/, '')
    .replace(/\s*\S+@\S+\.\w+\s*$/, '')
    .replace(/[,;\s]+$/, '')
    .trim();
  if (text === '' || text.length > 120 || isUrl(text)) return undefined;
  return text;
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z)?)?$/;

const pad = (value: number): string => String(value).padStart(2, '0');

function plausibleDay(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneSuffix(zone: string | undefined): string {
  if (zone === undefined) return '';
  const upper = zone.toUpperCase();
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 'Z';
  const digits = zone.replace(':', '');
  const hours = digits.slice(0, 3);
  const minutes = digits.slice(3) || '00';
  return hours === '+00' && minutes === '00' ? 'Z' : `${hours}:${minutes}`;
}

/**
 * Normalises a date as pages write it to ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the
 * offset when the value has a time (`Z` for UTC). The day is the publisher's local day, as written.
 * ISO and compact forms are read directly; other forms ("Tue, 20 Feb 2024 10:00:00 GMT",
 * "February 20, 2024") by chrono-node, and only when they name a year, so nothing depends on today.
 * @param value - the raw date text
 * @returns the normalised date, or undefined when it is not a plausible date (years 1990–2100)
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const text = clean(value);
  if (text === undefined) return undefined;
  const iso = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (iso !== null) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!plausibleDay(year, month, day)) return undefined;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (iso[4] === undefined || iso[5] === undefined) return date;
    const [hour, minute, second] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    if (hour > 23 || minute > 59 || second > 60) return date;
    return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zoneSuffix(iso[7])}`;
  }
  const year = /\b(19\d{2}|20\d{2})\b/.exec(text)?.[1];
  if (year === undefined) return undefined;
  // A fixed reference inside the named year keeps chrono from reading the clock.
  const parsed = chrono.strict.parse(text, new Date(Date.UTC(Number(year), 5, 15)))[0];
  if (parsed === undefined || !parsed.start.isCertain('year') || !parsed.start.isCertain('day'))
    return undefined;
  const parts = [parsed.start.get('year'), parsed.start.get('month'), parsed.start.get('day')];
  const [parsedYear, month, day] = parts.map((part) => part ?? 0) as [number, number, number];
  return plausibleDay(parsedYear, month, day) ? `${parsedYear}-${pad(month)}-${pad(day)}` : undefined;
}

const URL_DAY = /\/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;
const URL_MONTH = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//;

/**
 * The date a URL's path carries, e.g. `/2024/02/20/`, `/2024-02-20-slug`, or `/2024/02/` for a
 * month (`YYYY-MM`), or undefined.
 * @param url - an absolute or relative URL
 */
export function dateFromUrl(url: string): string | undefined {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  const day = URL_DAY.exec(path);
  if (day !== null) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    return plausibleDay(year, month, date) ? `${year}-${pad(month)}-${pad(date)}` : undefined;
  }
  const month = URL_MONTH.exec(path);
  return month === null ? undefined : `${month[1]}-${month[2]}`;
}

/** An absolute http(s) URL for `href` resolved against `base`, or undefined. */
function absoluteUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  const text = clean(href);
  if (text === undefined) return undefined;
  try {
    const url = base === undefined ? new URL(text) : new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The elements metadata is read from, gathered in one walk over the document (each `querySelectorAll` walks it once more). */
interface PageScan {
  /** `<meta>` contents by lower-cased `property`, `name`, `itemprop` or `http-equiv`, in page order. */
  tags: Map<string, string[]>;
  canonical?: string;
  title?: string;
  /** `<time>` elements, in page order. */
  times: MetadataElement[];
  /** Non-`<meta>` elements with an `itemprop`, in page order. */
  itemprops: MetadataElement[];
  /** `<a rel="author">` elements. */
  authorLinks: MetadataElement[];
}

function scanPage(elements: Iterable<MetadataElement>): PageScan {
  const scan: PageScan = { tags: new Map(), times: [], itemprops: [], authorLinks: [] };
  for (const element of elements) {
    switch (element.tagName) {
      case 'META': {
        const content = clean(element.getAttribute('content'));
        if (content === undefined) break;
        for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
          const key = element.getAttribute(attribute)?.trim().toLowerCase();
          if (key === undefined || key === '') continue;
          const values = scan.tags.get(key);
          if (values === undefined) scan.tags.set(key, [content]);
          else values.push(content);
        }
        continue;
      }
      case 'LINK':
        if (
          scan.canonical === undefined &&
          /(?:^|\s)canonical(?:\s|$)/i.test(element.getAttribute('rel') ?? '')
        ) {
          const href = element.getAttribute('href');
          if (href !== null) scan.canonical = href;
        }
        continue;
      case 'TITLE':
        if (scan.title === undefined && element.textContent !== null) scan.title = element.textContent;
        continue;
      case 'TIME':
        scan.times.push(element);
        break;
      case 'A':
        if (/(?:^|\s)author(?:\s|$)/i.test(element.getAttribute('rel') ?? '')) scan.authorLinks.push(element);
        break;
    }
    if (element.getAttribute('itemprop') !== null) scan.itemprops.push(element);
  }
  return scan;
}

function firstMeta(
  tags: ReadonlyMap<string, string[]>,
  keys: readonly string[],
  accept: (value: string) => string | undefined = clean,
): Sourced<string> | undefined {
  for (const key of keys) {
    for (const raw of tags.get(key) ?? []) {
      const value = accept(raw);
      if (value !== undefined) return { value, source: 'meta', key };
    }
  }
  return undefined;
}

/** The JSON-LD object describing the article, preferring one whose URL is the page's. */
function articleObject(objects: readonly JsonObject[], pageUrl: string | undefined): JsonObject | undefined {
  const articles = objects.filter((object) => types(object).some((type) => ARTICLE_TYPES.has(type)));
  if (pageUrl !== undefined) {
    const same = articles.find((object) => {
      const url =
        firstString(object.url) ??
        firstString(
          isObject(object.mainEntityOfPage) ? object.mainEntityOfPage['@id'] : object.mainEntityOfPage,
        );
      return url !== undefined && url.replace(/\/$/, '') === pageUrl.replace(/\/$/, '');
    });
    if (same !== undefined) return same;
  }
  // Without a URL match, the article with a body or a date is the page's own, not a related teaser.
  return (
    articles.find((object) => object.articleBody !== undefined || object.datePublished !== undefined) ??
    articles[0]
  );
}

function jsonLdValue(value: string | undefined, key: string): Sourced<string> | undefined {
  return value === undefined ? undefined : { value, source: 'json-ld', key };
}

const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;

/**
 * A `<title>` without its site-name suffix or prefix ("Headline | Outlet", "Outlet - Headline"), when
 * the outlet is known or the other part is clearly shorter.
 */
function stripTitleAffix(title: string, outlet: string | undefined): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  const same = (part: string): boolean => outlet !== undefined && part.toLowerCase() === outlet.toLowerCase();
  if (same(last))
    return title
      .slice(0, title.lastIndexOf(last))
      .replace(TITLE_SEPARATOR, '')
      .replace(/\s+[|\-–—:·•»]\s*$/, '')
      .trim();
  if (same(first))
    return title
      .slice(first.length)
      .replace(/^\s*[|\-–—:·•»]\s+/, '')
      .trim();
  const words = (text: string): number => text.split(/\s+/).length;
  const head = parts.slice(0, -1).join(' - ');
  if (words(last) <= 4 && words(head) >= 4)
    return title
      .slice(0, title.length - last.length)
      .replace(/\s+[|\-–—:·•»]\s*$/, '')
      .trim();
  return title;
}

/** Options of {@link readMetadata}. */
export interface MetadataOptions {
  /** The address the page was fetched from or saved as: base for relative links, last source of a date and an outlet. */
  url?: string;
  /** JSON-LD blocks from {@link readJsonLd}, read from the raw HTML before scripts were removed. */
  jsonLd?: readonly unknown[];
  /** The document's elements in page order, when the caller already listed them (saves a walk). */
  elements?: Iterable<MetadataElement>;
}

const first = <T>(...candidates: Array<T | undefined>): T | undefined =>
  candidates.find((candidate) => candidate !== undefined);

function firstLazy<T>(...candidates: Array<() => T | undefined>): T | undefined {
  for (const candidate of candidates) {
    const value = candidate();
    if (value !== undefined) return value;
  }
  return undefined;
}

const dateOf = (element: MetadataElement): string | undefined =>
  normalizeDate(element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent);

function timeElement(
  times: readonly MetadataElement[],
  key: string,
  accept: (element: MetadataElement) => boolean,
): Sourced<string> | undefined {
  for (const element of times) {
    if (!accept(element)) continue;
    const value = dateOf(element);
    if (value !== undefined) return { value, source: 'time', key };
  }
  return undefined;
}

function timeClass(pattern: RegExp): (element: MetadataElement) => boolean {
  return (element) => pattern.test(element.getAttribute('class') ?? '');
}

const isUpdateTime = timeClass(/update|modif/i);

function microdata(itemprops: readonly MetadataElement[], property: string): Sourced<string> | undefined {
  for (const element of itemprops) {
    if (element.getAttribute('itemprop') !== property) continue;
    const value = dateOf(element);
    if (value !== undefined) return { value, source: 'microdata', key: property };
  }
  return undefined;
}

function bylineFromDocument(scan: PageScan): Sourced<string> | undefined {
  const join = (found: Array<string | undefined>): string | undefined => {
    const unique = [...new Set(found.filter((name): name is string => name !== undefined))];
    return unique.length === 0 ? undefined : unique.slice(0, 4).join(', ');
  };
  const authors = scan.itemprops.filter((element) =>
    /(?:^|\s)author(?:\s|$)/.test(element.getAttribute('itemprop') ?? ''),
  );
  const microdataNames = join(
    authors
      .filter((element) => element.tagName !== 'LINK')
      .map((element) =>
        cleanByline(element.querySelector('[itemprop="name"]')?.textContent ?? element.textContent),
      ),
  );
  if (microdataNames !== undefined) return { value: microdataNames, source: 'microdata', key: 'author' };
  const linked = join(scan.authorLinks.map((element) => cleanByline(element.textContent)));
  return linked === undefined ? undefined : { value: linked, source: 'link', key: 'rel=author' };
}

/**
 * Reads a page's metadata. Pure and never throws: what the page does not say stays undefined.
 * @param document - the parsed page (before any content is removed)
 * @param options - the page's own address and its JSON-LD blocks
 */
export function readMetadata(document: MetadataDocument, options: MetadataOptions = {}): PageMetadata {
  const scan = scanPage(options.elements ?? document.querySelectorAll('*'));
  const tags = scan.tags;
  const objects = jsonLdObjects(options.jsonLd ?? []);
  const byId = new Map<string, JsonObject>();
  for (const object of objects) if (typeof object['@id'] === 'string') byId.set(object['@id'], object);

  const canonical =
    first(
      ((): Sourced<string> | undefined => {
        const href = absoluteUrl(scan.canonical, options.url);
        return href === undefined ? undefined : { value: href, source: 'link', key: 'canonical' };
      })(),
      ((): Sourced<string> | undefined => {
        const found = firstMeta(tags, ['og:url', 'twitter:url'], (value) => absoluteUrl(value, options.url));
        return found;
      })(),
    ) ?? undefined;
  const baseUrl = canonical?.value ?? options.url;
  const article = articleObject(objects, baseUrl);
  const publisher =
    article?.publisher ?? objects.find((object) => types(object).includes('newsmediaorganization'));

  const metadata: PageMetadata = {};
  const url = first(
    canonical,
    jsonLdValue(
      absoluteUrl(
        firstString(article?.url) ??
          firstString(
            isObject(article?.mainEntityOfPage) ? article.mainEntityOfPage['@id'] : article?.mainEntityOfPage,
          ),
        options.url,
      ),
      'url',
    ),
    options.url === undefined
      ? undefined
      : { value: options.url, source: 'url' as const, key: 'options.url' },
  );
  if (url !== undefined) metadata.url = url;

  const outlet = first(
    firstMeta(tags, ['og:site_name']),
    jsonLdValue(names(publisher, byId)[0], 'publisher'),
    firstMeta(tags, OUTLET_META.slice(1, 3)),
  );
  const rawTitle = first(
    jsonLdValue(clean(firstString(article?.headline) ?? firstString(article?.name)), 'headline'),
    firstMeta(tags, TITLE_META),
    ((): Sourced<string> | undefined => {
      const value = clean(scan.title);
      return value === undefined ? undefined : { value, source: 'title', key: 'title' };
    })(),
  );
  if (rawTitle !== undefined) {
    const value = stripTitleAffix(rawTitle.value, outlet?.value);
    metadata.title = { ...rawTitle, value };
  }
  // A page that names no outlet is its site's: a known outlet's name, else the registrable domain
  // ("news.example.org" is example.org's), which is only a guess.
  const site = outletOfSite(url?.value ?? options.url);
  const resolvedOutlet = first(
    outlet,
    site === undefined
      ? undefined
      : {
          value: site.outlet,
          source: site.from === 'known-site' ? ('site' as const) : ('host' as const),
          key: site.from === 'known-site' ? `${site.evidence} (a known outlet)` : site.evidence,
        },
  );
  if (resolvedOutlet !== undefined) metadata.outlet = resolvedOutlet;

  const authors = [...new Set(names(article?.author ?? article?.creator, byId).map(cleanByline))].filter(
    (name): name is string => name !== undefined,
  );
  // Lazy: the later sources walk elements and run chrono-node, needed only when the earlier ones say nothing.
  const byline = firstLazy(
    () => (authors.length > 0 ? jsonLdValue(authors.slice(0, 4).join(', '), 'author') : undefined),
    () => firstMeta(tags, AUTHOR_META, cleanByline),
    () => bylineFromDocument(scan),
  );
  if (byline !== undefined) metadata.byline = byline;

  const published = firstLazy(
    () =>
      jsonLdValue(
        normalizeDate(firstString(article?.datePublished) ?? firstString(article?.dateCreated)),
        'datePublished',
      ),
    () => firstMeta(tags, PUBLISHED_META, normalizeDate),
    () => microdata(scan.itemprops, 'datePublished'),
    () => timeElement(scan.times, 'time[pubdate]', (element) => element.getAttribute('pubdate') !== null),
    () => timeElement(scan.times, 'time.published', timeClass(/publish|posted/i)),
    () =>
      timeElement(
        scan.times,
        'article time',
        (element) => !isUpdateTime(element) && element.closest('article') !== null,
      ),
    () => timeElement(scan.times, 'time', (element) => !isUpdateTime(element)),
    () => {
      const value = url === undefined ? undefined : dateFromUrl(url.value);
      return value === undefined ? undefined : { value, source: 'url' as const, key: 'path' };
    },
  );
  if (published !== undefined) metadata.published = published;

  const updated = firstLazy(
    () => jsonLdValue(normalizeDate(firstString(article?.dateModified)), 'dateModified'),
    () => firstMeta(tags, UPDATED_META, normalizeDate),
    () => microdata(scan.itemprops, 'dateModified'),
    () => timeElement(scan.times, 'time.updated', isUpdateTime),
  );
  // An "updated" equal to the publication is no update.
  if (updated !== undefined && updated.value !== published?.value) metadata.updated = updated;

  const pageType = first(
    article === undefined ? undefined : types(article).find((type) => ARTICLE_TYPES.has(type)),
    objects.flatMap(types)[0],
    firstMeta(tags, ['og:type'])?.value.toLowerCase(),
  );
  if (pageType !== undefined) metadata.pageType = pageType;
  return metadata;
}
