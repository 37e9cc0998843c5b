/**
 * Feed items to articles: the fullest text the item carries becomes the body, the feed's title the outlet.
 * @packageDocumentation
 */
import type { ArticleInput, Diagnostic } from '../../model/index.js';
import { hostName } from '../host-name.js';
import type { Feed, FeedItem, FeedOrigin } from './feed-types.js';
import { originName } from './feed-types.js';
import { stableId } from './hash.js';

/** Turns an HTML fragment into plain text with paragraphs separated by blank lines. */
export type HtmlToText = (html: string) => string;

/** Articles made from feed items, and what was noticed (items skipped, items with only a summary). */
export interface FeedArticles {
  articles: ArticleInput[];
  diagnostics: Diagnostic[];
}

/**
 * Maps feed items to articles.
 *
 * - `id`: `feed-` and a hash of the item's id (guid), else its URL. An id that is not globally unique by
 *   itself (a guid like `42`, unlike a URL or `urn:`/`tag:` id) is hashed together with the feed's URL or title,
 *   so two small feeds numbering their items from 1 do not collide, while one article in two feeds of the
 *   same outlet keeps one id.
 * - `body`: the longest of the texts of `content:encoded`/Atom content/`content_html`, `content_text`, the
 *   summary; an item whose texts are all blank (or only undecoded entities such as `&bogus;`) is skipped with a
 *   `feed-item-no-content` warning.
 * - `outlet`: the feed's title, else its site's host name.
 * Items that only carry a summary are kept and counted in one `feed-summary-only` info diagnostic: their
 * body is a teaser, and the caller may want to fetch the page.
 * @param feed - the parsed feed (gives the outlet and scopes short ids)
 * @param items - the items to convert, usually `feed.items`, or the new ones only
 * @param htmlToText - how HTML content becomes text
 * @param origin - where the feed came from: names it in messages; its `path` becomes each article's `path`
 * @returns the articles in item order, duplicates (same id) dropped with a diagnostic
 */
export function feedItemsToArticles(
  feed: Feed,
  items: readonly FeedItem[],
  htmlToText: HtmlToText,
  origin: FeedOrigin = {},
): FeedArticles {
  const name = originName(origin);
  const outlet = feed.title ?? hostName(feed.url ?? origin.url);
  const scope = feed.url ?? origin.url ?? feed.title ?? '';
  const articles: ArticleInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let summaryOnly = 0;

  for (const item of items) {
    const id = stableId('feed', isGlobalId(item.id) ? item.id : `${scope}\u0000${item.id}`);
    const label = item.title ? `"${item.title}"` : (item.url ?? item.id);
    if (seen.has(id)) {
      diagnostics.push({
        source: id,
        code: 'feed-item-duplicate',
        severity: 'info',
        message: `${name}: item ${label} appears more than once; kept the first`,
      });
      continue;
    }
    const body = fullestText(item, htmlToText);
    if (body === undefined) {
      diagnostics.push({
        source: id,
        code: 'feed-item-no-content',
        severity: 'warning',
        message: `${name}: item ${label} has no text (no content or summary, or only undecoded entities); skipped`,
      });
      continue;
    }
    seen.add(id);
    if (!body.full) summaryOnly += 1;
    const article: ArticleInput = { id, body: body.text };
    if (origin.path !== undefined) article.path = origin.path;
    if (item.url !== undefined) article.url = item.url;
    if (outlet !== undefined) article.outlet = outlet;
    if (item.title !== undefined) article.title = item.title;
    if (item.published !== undefined) article.published = item.published;
    articles.push(article);
  }
  if (summaryOnly > 0) {
    diagnostics.push({
      source: name,
      code: 'feed-summary-only',
      severity: 'info',
      message: `${name}: ${summaryOnly} of ${articles.length} items carry only a summary, not the full article`,
    });
  }
  return { articles, diagnostics };
}

/** The longest non-blank text among the item's content and summary fields, and whether it is full content. */
function fullestText(item: FeedItem, htmlToText: HtmlToText): { text: string; full: boolean } | undefined {
  const candidates: { text: string; full: boolean }[] = [];
  if (item.contentHtml !== undefined) candidates.push({ text: htmlToText(item.contentHtml), full: true });
  if (item.contentText !== undefined) candidates.push({ text: item.contentText, full: true });
  if (item.summaryHtml !== undefined) candidates.push({ text: htmlToText(item.summaryHtml), full: false });
  if (item.summaryText !== undefined) candidates.push({ text: item.summaryText, full: false });
  let best: { text: string; full: boolean } | undefined;
  for (const candidate of candidates) {
    const text = candidate.text.trim();
    if (!hasWords(text)) continue;
    // Ties go to full content: it comes first and only a strictly longer summary replaces it.
    if (best === undefined || text.length > best.text.length) best = { ...candidate, text };
  }
  return best;
}

/**
 * Whether a text holds a word once entity references the parser left undecoded (`&bogus;`) are set
 * aside: a body of only such references, punctuation or markup debris is no article.
 */
function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(/&#?[\w]+;/g, ''));
}

/** URLs, `urn:` and `tag:` ids name one thing everywhere; bare numbers and slugs only within their feed. */
function isGlobalId(id: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(id);
}
