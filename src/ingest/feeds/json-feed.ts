/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). The format is plain JSON with documented keys,
 * so `JSON.parse` and a field mapping are all it takes; no installed library reads it into the shape of the
 * XML formats.
 * @packageDocumentation
 */
import type { Diagnostic } from '../../model/index.js';
import { feedDay } from './feed-dates.js';
import type { Feed, FeedItem, FeedOrigin, FeedParseResult } from './feed-types.js';
import { originName } from './feed-types.js';
import { contentHash } from './hash.js';
import { absoluteUrl } from './xml-feed.js';

const VERSION_PREFIX = 'https://jsonfeed.org/version/';

/**
 * Parses a JSON Feed.
 * @param text - the feed, BOM already removed
 * @param origin - where it came from
 * @returns the feed and diagnostics, or why there is none
 */
export function parseJsonFeedText(text: string, origin: FeedOrigin): FeedParseResult {
  const name = originName(origin);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: 'malformed',
      message: `${name}: the JSON Feed is not valid JSON (${detail})`,
    };
  }
  if (!isRecord(value) || typeof value.version !== 'string' || !value.version.startsWith(VERSION_PREFIX)) {
    return {
      ok: false,
      reason: 'not-a-feed',
      message: `${name}: is JSON but not a JSON Feed (no "version": "${VERSION_PREFIX}…")`,
    };
  }
  const diagnostics: Diagnostic[] = [];
  const siteUrl = absoluteUrl(stringField(value.home_page_url), origin.url);
  const feed: Feed = { format: 'json-feed', items: [] };
  const title = stringField(value.title);
  if (title !== undefined) feed.title = title;
  if (siteUrl !== undefined) feed.url = siteUrl;
  if (!Array.isArray(value.items)) {
    diagnostics.push({
      source: name,
      code: 'feed-no-items',
      severity: 'warning',
      message: `${name}: the JSON Feed has no "items" array`,
    });
    return { ok: true, feed, diagnostics };
  }
  const base = siteUrl ?? origin.url;
  value.items.forEach((entry: unknown, index: number) => {
    if (!isRecord(entry)) {
      diagnostics.push({
        source: name,
        code: 'feed-item-invalid',
        severity: 'warning',
        message: `${name}: item ${index + 1} is not an object; skipped`,
      });
      return;
    }
    feed.items.push(toFeedItem(entry, base));
  });
  return { ok: true, feed, diagnostics };
}

function toFeedItem(entry: Record<string, unknown>, base: string | undefined): FeedItem {
  const url = absoluteUrl(stringField(entry.url) ?? stringField(entry.external_url), base);
  const title = stringField(entry.title);
  const contentHtml = stringField(entry.content_html);
  const contentText = stringField(entry.content_text);
  const summaryText = stringField(entry.summary);
  // JSON Feed requires an id, but 1.0 feeds in the wild use numbers or leave it out.
  const rawId = typeof entry.id === 'number' ? String(entry.id) : stringField(entry.id);
  const id =
    rawId ?? url ?? `sha256:${contentHash([title, contentHtml, contentText, summaryText].join('\u0000'))}`;
  const item: FeedItem = { id };
  if (title !== undefined) item.title = title;
  if (url !== undefined) item.url = url;
  const publishedText = stringField(entry.date_published);
  const modifiedText = stringField(entry.date_modified);
  const published = publishedText === undefined ? undefined : feedDay(publishedText);
  if (published !== undefined) item.published = published;
  if (modifiedText !== undefined && modifiedText !== publishedText) {
    const updated = feedDay(modifiedText);
    if (updated !== undefined) item.updated = updated;
  }
  const authors = [
    ...(Array.isArray(entry.authors) ? entry.authors : []),
    ...(isRecord(entry.author) ? [entry.author] : []),
  ]
    .map((author) => (isRecord(author) ? stringField(author.name) : undefined))
    .filter((author): author is string => author !== undefined);
  if (authors.length > 0) item.author = authors.join(', ');
  if (contentHtml !== undefined) item.contentHtml = contentHtml;
  if (contentText !== undefined) item.contentText = contentText;
  if (summaryText !== undefined) item.summaryText = summaryText;
  return item;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string field, trimmed. */
function stringField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
