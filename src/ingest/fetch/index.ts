/**
 * The network edge: URLs to bytes behind the address guard, bytes to text, and every kind of input to articles.
 * @packageDocumentation
 */
export { blockedAddressKind } from './address-guard.js';
export type { DecodedText } from './decode-text.js';
export { decodeText } from './decode-text.js';
export type {
  FetchFailure,
  FetchFailureReason,
  FetchOptions,
  FetchResult,
  FetchSuccess,
} from './fetch-url.js';
export {
  DEFAULT_FETCH_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  fetchUrl,
} from './fetch-url.js';
export type { FailedSource, IngestDeps, IngestResult, PageExtraction } from './ingest-sources.js';
export { ingestSources } from './ingest-sources.js';
