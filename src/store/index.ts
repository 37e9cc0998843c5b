/**
 * The store: the interface every adapter implements, the SQLite adapter and the helpers they share.
 * @packageDocumentation
 */
export { articleIdFor, normalizeBody } from './article-id.js';
export { defaultStorePath } from './default-path.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { type ReportItem, type ReportItemKind, reportItems } from './report-keys.js';
export { parseSearchTerms, type SearchTerm } from './search-terms.js';
export { openSqliteStore, SQLITE_SCHEMA_VERSION, SqliteStore } from './sqlite.js';
export * from './store.js';
