/**
 * crosscheck: reads many news articles about one event and gives the story once, with its evidence.
 * @packageDocumentation
 */

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
