/**
 * The store: the interface every adapter implements, the SQLite and PostgreSQL adapters and the helpers
 * they share. The PostgreSQL adapter loads only when opened, so importing the store costs nothing for it.
 * @packageDocumentation
 */
export { articleIdFor, normalizeBody } from './article-id.js';
export { defaultStorePath } from './default-path.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { isPostgresLocation, openPostgresStore, openStore } from './open-store.js';
export type { PostgresConnection, PostgresStore, PostgresStoreOptions } from './postgres.js';
export { POSTGRES_SCHEMA_VERSION } from './postgres-schema.js';
export { type ReportItem, type ReportItemKind, reportItems } from './report-keys.js';
export { parseSearchTerms, type SearchTerm } from './search-terms.js';
export { openSqliteStore, SQLITE_SCHEMA_VERSION, SqliteStore } from './sqlite.js';
export * from './store.js';
