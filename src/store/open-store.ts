/**
 * Opening a store from what a user types after `--db`: a file path for the embedded SQLite store, a
 * `postgres://` or `postgresql://` URL for a shared PostgreSQL database.
 * @packageDocumentation
 */
import type { PostgresConnection, PostgresStore, PostgresStoreOptions } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** Whether a `--db` value names a PostgreSQL database rather than an SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return POSTGRES_URL.test(location);
}

/**
 * Opens the PostgreSQL store. The adapter and its driver load on first use: a user of the embedded
 * store never pays their start-up cost (about 100 ms for the driver here).
 * @see {@link PostgresStore} for the behaviour, `src/store/postgres.ts` for the errors it throws
 */
export async function openPostgresStore(
  connection: PostgresConnection,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const adapter = await import('./postgres.js');
  return adapter.openPostgresStore(connection, options);
}

/**
 * Opens the store a location names: PostgreSQL for a `postgres://` or `postgresql://` URL (e.g.
 * `postgresql://crosscheck@db.internal/newsroom`), otherwise the SQLite file at that path (created
 * with its folder when missing, `:memory:` for a throwaway store).
 * @throws StoreError when the store cannot be opened; the message names the location without its password
 */
export async function openStore(location: string): Promise<Store> {
  return isPostgresLocation(location) ? openPostgresStore(location) : openSqliteStore(location);
}
