/**
 * crosscheck: reads many news articles about one event and gives the story once, with its evidence.
 * @packageDocumentation
 */

export { clusterArticles } from './cluster/cluster-articles.js';
export { type ArticleFeatures, articleFeatures } from './cluster/features.js';
export { type Placement, StoryClusterer } from './cluster/story-clusterer.js';
export { parseFeed } from './ingest/feeds/parse-feed.js';
export { type FetchOptions, type FetchResult, fetchUrl } from './ingest/fetch/fetch-url.js';
export { ingestSources } from './ingest/fetch/ingest-sources.js';
export { decodeHtml } from './ingest/html/charset.js';
export { type ExtractedArticle, type ExtractResult, extractArticle } from './ingest/html/extract-article.js';
export { htmlToText } from './ingest/html/html-to-text.js';
export { parseJsonl } from './ingest/jsonl.js';
export { type ArticleOrigin, type ParseResult, parseArticleText } from './ingest/parse-article.js';
export {
  DEFAULT_MAX_BYTES,
  type ReadOptions,
  type ReadResult,
  readArticles,
  type SkippedInput,
} from './ingest/read-articles.js';
export * from './model/index.js';
export { DEFAULT_SUMMARY_WORDS, type SynthesizeOptions, synthesize } from './pipeline/synthesize.js';
export { renderMarkdown } from './render/markdown.js';
export { renderText, type TextRenderOptions } from './render/text.js';
export { createApp } from './server/app.js';
export { startServer } from './server/serve.js';
export { type NewsroomOptions, openNewsroom } from './service/newsroom.js';
export type * from './service/types.js';
export * from './store/index.js';
