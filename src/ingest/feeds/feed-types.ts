/**
 * The shapes every feed format (RSS, Atom, RDF, JSON Feed) is normalised to, and the result of parsing one.
 * @packageDocumentation
 */
import type { Diagnostic, IsoDate } from '../../model/index.js';

/** The syntax a feed was written in. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json-feed';

/** Where a feed's text came from; it names the feed in messages and resolves relative links. */
export interface FeedOrigin {
  /** The URL the feed was fetched from. */
  url?: string;
  /** The file the feed was read from. */
  path?: string;
}

/** One entry of a feed, normalised across formats. HTML fields are kept as HTML; the caller turns them into text. */
export interface FeedItem {
  /** The item's own identifier (RSS guid, Atom id, JSON Feed id), else its URL, else a hash of its content. */
  id: string;
  title?: string;
  /** Absolute link to the item's web page when the feed gives one. */
  url?: string;
  /** Day of first publication as written by the feed, in the feed's own time zone. */
  published?: IsoDate;
  /** Day of the last update, only when it differs from the publication time. */
  updated?: IsoDate;
  /** Author names, comma-separated. */
  author?: string;
  /** The full content: RSS `content:encoded`, Atom `content`, JSON Feed `content_html`. */
  contentHtml?: string;
  /** The short form: RSS `description`, Atom `summary`. Some feeds carry the whole article here. */
  summaryHtml?: string;
  /** JSON Feed `content_text`. */
  contentText?: string;
  /** JSON Feed `summary` (plain text in that format). */
  summaryText?: string;
}

/** A parsed feed. */
export interface Feed {
  format: FeedFormat;
  title?: string;
  /** The web site the feed belongs to (RSS `link`, Atom alternate link, JSON Feed `home_page_url`). */
  url?: string;
  items: FeedItem[];
}

/** Why a text could not be read as a feed. */
export type FeedFailureReason = 'malformed' | 'not-a-feed' | 'empty';

/** A feed that was read, possibly in part, with what was noticed while reading it. */
export interface FeedParseSuccess {
  ok: true;
  feed: Feed;
  diagnostics: Diagnostic[];
}

/** A text that gave no feed, with a message naming its origin and the problem. */
export interface FeedParseFailure {
  ok: false;
  reason: FeedFailureReason;
  message: string;
}

/** The outcome of parsing a feed. */
export type FeedParseResult = FeedParseSuccess | FeedParseFailure;

/**
 * How a feed's origin is named in messages: its path, else its URL, else `feed`.
 * @param origin - where the feed came from
 * @returns the name used in messages
 */
export function originName(origin: FeedOrigin): string {
  return origin.path ?? origin.url ?? 'feed';
}
