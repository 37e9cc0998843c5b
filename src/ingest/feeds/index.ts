/**
 * Feeds and subscription lists: RSS, RDF, Atom and JSON Feed to {@link Feed}s, feed items to articles,
 * OPML lists to feed URLs. Everything here is pure; fetching lives in `../fetch`.
 * @packageDocumentation
 */
export type { FeedArticles, HtmlToText } from './feed-articles.js';
export { feedItemsToArticles } from './feed-articles.js';
export { feedDay } from './feed-dates.js';
export type {
  Feed,
  FeedFailureReason,
  FeedFormat,
  FeedItem,
  FeedOrigin,
  FeedParseFailure,
  FeedParseResult,
  FeedParseSuccess,
} from './feed-types.js';
export { stableId } from './hash.js';
export type { OpmlFeed, OpmlParseResult } from './opml.js';
export { parseOpml } from './opml.js';
export type { TextKind } from './parse-feed.js';
export { detectTextKind, parseFeed } from './parse-feed.js';
