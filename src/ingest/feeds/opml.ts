/**
 * OPML subscription lists (the export format of every feed reader) to feed URLs.
 *
 * The format is a handful of `<outline>` elements with an `xmlUrl` attribute, nested in folders; a real XML
 * parser (linkedom's `DOMParser` in XML mode) reads it, and the walk over outlines is the only code written
 * here because no installed library knows OPML.
 * @packageDocumentation
 */

import type { Diagnostic } from '../../model/index.js';
import { linkedom } from '../lazy-module.js';
import type { FeedOrigin } from './feed-types.js';
import { originName } from './feed-types.js';
import { absoluteUrl } from './xml-feed.js';

/** One subscription of an OPML list. */
export interface OpmlFeed {
  /** The feed's absolute http(s) URL. */
  url: string;
  title?: string;
  /** The site the feed belongs to (`htmlUrl`). */
  siteUrl?: string;
  /** The folders the outline sits in, outermost first, joined with ` / `. */
  category?: string;
}

/** The feeds of an OPML list with what was noticed, or why the text is not one. */
export type OpmlParseResult =
  | { ok: true; title?: string; feeds: OpmlFeed[]; diagnostics: Diagnostic[] }
  | { ok: false; reason: 'empty' | 'not-opml'; message: string };

/** The subset of linkedom's element API used here (its DOM types clash with lib.dom, so they are not imported). */
interface XmlElement {
  readonly tagName: string;
  readonly children: ArrayLike<XmlElement>;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  readonly textContent: string | null;
}

/**
 * Reads the feed URLs of an OPML list, in document order, each URL once.
 * @param text - the OPML document
 * @param origin - where it came from: names it in messages and resolves relative URLs
 * @returns the list's title and feeds, or `empty` / `not-opml`
 */
export function parseOpml(text: string, origin: FeedOrigin): OpmlParseResult {
  const name = originName(origin);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { ok: false, reason: 'empty', message: `${name}: the OPML list is empty` };
  const document = new (linkedom().DOMParser)().parseFromString(body, 'text/xml') as unknown as {
    documentElement: XmlElement | null;
  };
  const root = document.documentElement;
  if (root?.tagName.toLowerCase() !== 'opml') {
    return {
      ok: false,
      reason: 'not-opml',
      message: `${name}: is not an OPML list (no <opml> root element)`,
    };
  }
  const diagnostics: Diagnostic[] = [];
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const head = childNamed(root, 'head');
  const title = (head && childNamed(head, 'title')?.textContent?.trim()) || undefined;
  const outlineBody = childNamed(root, 'body');

  const visit = (element: XmlElement, folders: string[]): void => {
    for (const child of Array.from(element.children)) {
      if (child.tagName.toLowerCase() !== 'outline') continue;
      const label = attribute(child, 'title') ?? attribute(child, 'text');
      const rawUrl = attribute(child, 'xmlurl');
      if (rawUrl === undefined) {
        // An outline without a feed URL is a folder.
        visit(child, label === undefined ? folders : [...folders, label]);
        continue;
      }
      const url = absoluteUrl(rawUrl, origin.url);
      if (url === undefined) {
        diagnostics.push({
          source: name,
          code: 'opml-bad-url',
          severity: 'warning',
          message: `${name}: outline ${label ? `"${label}" ` : ''}has no usable http(s) feed URL ("${rawUrl}"); skipped`,
        });
        continue;
      }
      if (seen.has(url)) continue;
      seen.add(url);
      const feed: OpmlFeed = { url };
      if (label !== undefined) feed.title = label;
      const siteUrl = absoluteUrl(attribute(child, 'htmlurl'), origin.url);
      if (siteUrl !== undefined) feed.siteUrl = siteUrl;
      if (folders.length > 0) feed.category = folders.join(' / ');
      feeds.push(feed);
    }
  };
  if (outlineBody) visit(outlineBody, []);
  if (feeds.length === 0) {
    diagnostics.push({
      source: name,
      code: 'opml-no-feeds',
      severity: 'warning',
      message: `${name}: the OPML list names no feeds`,
    });
  }
  const result: OpmlParseResult = { ok: true, feeds, diagnostics };
  if (title) result.title = title;
  return result;
}

function childNamed(element: XmlElement, tagName: string): XmlElement | undefined {
  return Array.from(element.children).find((child) => child.tagName.toLowerCase() === tagName);
}

/** OPML attribute names are camelCase by the spec but vary in case in the wild (`xmlURL`). */
function attribute(element: XmlElement, lowerName: string): string | undefined {
  for (const entry of Array.from(element.attributes)) {
    if (entry.name.toLowerCase() === lowerName) return entry.value.trim() || undefined;
  }
  return undefined;
}
