/**
 * One entry point for every feed format: the text decides whether it is read as XML (RSS, RDF, Atom) or as
 * JSON Feed. Pure: no I/O, the caller fetched or read the text.
 * @packageDocumentation
 */
import type { Diagnostic } from '../../model/index.js';
import type { FeedOrigin, FeedParseResult } from './feed-types.js';
import { originName } from './feed-types.js';
import { parseJsonFeedText } from './json-feed.js';
import { parseXmlFeedText } from './xml-feed.js';

/** What a text looks like, decided from its first characters only. */
export type TextKind =
  | 'xml-feed'
  | 'json-feed'
  | 'opml'
  | 'html'
  | 'json'
  | 'jsonl'
  | 'xml'
  | 'text'
  | 'empty';

/**
 * Guesses what kind of document a text is, for routing it to the right reader. Looks only at the start of
 * the text, so it costs nothing on large inputs.
 * @param text - the decoded document
 * @returns its kind; `text` when it is none of the structured kinds
 */
export function detectTextKind(text: string): TextKind {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return 'empty';
  const head = start.slice(0, 4000).toLowerCase();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return 'json-feed';
    const firstLine = start.slice(0, start.indexOf('\n') < 0 ? start.length : start.indexOf('\n')).trim();
    // A JSONL dump starts with one complete object on its first line.
    if (firstLine.startsWith('{') && firstLine.endsWith('}') && firstLine.length < start.trimEnd().length) {
      return 'jsonl';
    }
    return 'json';
  }
  if (!head.startsWith('<')) return 'text';
  if (head.includes('<opml')) return 'opml';
  if (/<(rss|feed|rdf:rdf)[\s>]/.test(head)) return 'xml-feed';
  if (head.includes('<html') || head.startsWith('<!doctype html')) return 'html';
  return 'xml';
}

/**
 * Parses an RSS 2.0, RSS 0.9x, RDF, Atom or JSON Feed document.
 *
 * Lenient where the feed parser is (unknown entities, unclosed elements at the end); a feed damaged in the
 * middle of an item keeps the items before the damage and reports it as a `feed-malformed` warning.
 * A feed with no items is a success with a `feed-no-items` diagnostic, not a failure.
 * @param text - the decoded feed (a BOM is ignored)
 * @param origin - where it came from: names it in messages and resolves relative links
 * @returns the feed and diagnostics, or `empty` / `not-a-feed` / `malformed` with a message naming the origin
 */
export function parseFeed(text: string, origin: FeedOrigin): FeedParseResult {
  const name = originName(origin);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, reason: 'empty', message: `${name}: the feed is empty` };
  const trimmed = body.trimStart();
  const result =
    trimmed.startsWith('{') || trimmed.startsWith('[')
      ? parseJsonFeedText(trimmed, origin)
      : trimmed.startsWith('<')
        ? parseXmlFeedText(trimmed, origin)
        : ({
            ok: false,
            reason: 'not-a-feed',
            message: `${name}: is neither XML nor JSON, so not a feed`,
          } as const);
  if (result.ok && result.feed.items.length === 0 && !result.diagnostics.some(isNoItems)) {
    result.diagnostics.push({
      source: name,
      code: 'feed-no-items',
      severity: 'info',
      message: `${name}: the feed has no items`,
    });
  }
  return result;
}

function isNoItems(diagnostic: Diagnostic): boolean {
  return diagnostic.code === 'feed-no-items';
}
