/**
 * The networked store: PostgreSQL through a `pg` connection pool, for teams that outgrow one machine.
 * It keeps the {@link Store} contract of the SQLite adapter: the same ids, ordering, paging, staleness,
 * history and search syntax, with PostgreSQL full-text search (generated tsvector columns, GIN indexes,
 * ts_rank and ts_headline) in place of FTS5.
 * @packageDocumentation
 */
import { Client, Pool, type PoolClient, type PoolConfig, type QueryResultRow } from 'pg';
import type { StoryReport } from '../model/index.js';
import { articleIdFor } from './article-id.js';
import { type CursorField, type CursorValue, decodeCursor, encodeCursor } from './cursor.js';
import { StoreError } from './errors.js';
import { toInstant } from './instant.js';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './postgres-schema.js';
import { reportItems } from './report-keys.js';
import {
  ARTICLE_SUMMARY_COLUMNS,
  type ArticleRow,
  articleFromRow,
  changesSince,
  checkPaging,
  nullable,
  reportFromJson,
  summaryFromRow,
} from './rows.js';
import { parseSearchTerms, type SearchTerm } from './search-terms.js';
import {
  type Article,
  type ArticleFilter,
  type ArticleSummary,
  type Correction,
  type IngestBatch,
  type IngestResult,
  type NewArticle,
  type Page,
  type Paging,
  type SearchHit,
  type SearchPage,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type Store,
  type StoryChanges,
  type StoryFilter,
  type StoryListItem,
  type StoryRecord,
} from './store.js';

export { POSTGRES_SCHEMA_VERSION };

/** Where the store lives: a `postgresql://` URL or a `pg` pool configuration. */
export type PostgresConnection = string | PoolConfig;

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /**
   * The PostgreSQL schema holding the store's tables, created when missing; several stores can share
   * one database this way. A plain identifier (letters, digits, `_`). Default: the connection's
   * current schema (usually `public`).
   */
  schema?: string;
}

/** How long opening waits for a connection when the caller set no timeout: pg's default waits forever. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Articles per INSERT: bounds one protocol message while keeping a big ingest to a few round trips. */
const INSERT_CHUNK = 500;
/** PostgreSQL drops words longer than this (in bytes) from tsvectors, so a query for one cannot match. */
const LONGEST_INDEXED_WORD_BYTES = 2047;
/** First key of the advisory locks, so crosscheck's locks cannot collide with another program's. */
const MIGRATION_LOCK = 0x63726f73;
/** First key of the store-wide write lock (the second key is the schema). */
const WRITE_LOCK = 0x63726f74;
/**
 * Rank weights for D, C, B, A: a title word (A) counts twice a body or claim word (B), as SQLite's
 * bm25(2.0, 1.0) does. Normalisation 1 divides by the log of the length, favouring short matches.
 */
/** The story list's key: latest publication ('' when undated), latest change, id. */
const STORY_KEY: readonly CursorField[] = ['string', 'string', 'string'];
/** The article list's key: undated (1) or not (0), publication ('' when undated), insertion order. */
const ARTICLE_KEY: readonly CursorField[] = ['number', 'string', 'number'];
/** The search key: score, kind, row, and the rank of the row, so ranks continue across pages. */
const SEARCH_KEY: readonly CursorField[] = ['number', 'string', 'number', 'number'];
const RANK = `ts_rank('{0.1, 0.2, 0.5, 1.0}'::float4[], %s, q.query, 1)`;
/** ts_headline options: constant text, never user input; about SQLite's 16-token snippets. */
const HEADLINE_OPTIONS =
  `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=20, MinWords=8, ShortWord=3, ` +
  'MaxFragments=2, FragmentDelimiter=" … "';
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Quotes an identifier for SQL: the schema names we build SQL with come from the database or are validated. */
const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The error code of a driver or socket exception: an SQLSTATE (`23505`) or a Node code (`ECONNREFUSED`). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Names the connection as a URL without its password, for messages. A `Client` that never connects
 * resolves it as the pool will: connection string, explicit fields, PG* environment variables, defaults.
 */
function describeConnection(config: PoolConfig): string {
  let client: Client;
  try {
    client = new Client(config);
  } catch {
    return 'postgresql://(unreadable connection settings)';
  }
  const user = encodeURIComponent(client.user ?? '');
  const database = encodeURIComponent(client.database ?? '');
  const port = Number.isFinite(client.port) ? client.port : 5432;
  const host = client.host ?? 'localhost';
  // A host starting with "/" is the folder of a Unix socket, which a URL can only carry as a parameter.
  if (host.startsWith('/')) {
    return `postgresql://${user}@/${database}?host=${host}${port === 5432 ? '' : `&port=${port}`}`;
  }
  return `postgresql://${user}@${host.includes(':') ? `[${host}]` : host}:${port}/${database}`;
}

function classifyOpenError(error: unknown, location: string, schema: string | undefined): StoreError {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  const detail = (error as Error).message;
  const explain = (text: string): StoreError =>
    new StoreError('store-open-failed', location, `cannot open the store ${location}: ${text}`, error);
  switch (code) {
    case 'ECONNREFUSED':
      return explain(
        'nothing accepts connections there. Start the PostgreSQL server, or fix the host and port of the connection.',
      );
    case 'ENOENT':
      return explain(
        'no PostgreSQL socket in that folder. Start the server, or fix the host (the socket folder) and port.',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return explain('the host name does not resolve. Fix the host of the connection.');
    case '28P01':
    case '28000':
      return explain(
        `the server refused the login (${detail}). Check the user and password (PGPASSWORD, ~/.pgpass) ` +
          "or the server's pg_hba.conf.",
      );
    case '3D000':
      return explain(`${detail}. Create it (createdb NAME) or name an existing database in the connection.`);
    case '42501':
      return explain(
        `the user may not create the store's tables (${detail}). Grant it CREATE on the database and ` +
          'schema, or give a schema it owns with the schema option.',
      );
    case '57P03':
    case '53300':
      return explain(`the server cannot take the connection now (${detail}). Try again shortly.`);
    default:
      if (/timeout/i.test(detail)) {
        return explain(
          'the server did not answer in time. Check that it runs and that the host is reachable.',
        );
      }
      return explain(`${detail}${schema === undefined ? '' : ` (schema ${schema})`}`);
  }
}

/** What opening needs to know about the target schema. */
interface SchemaState {
  schema: string | null;
  version: number | undefined;
  tables: number;
}

async function inspectSchema(client: PoolClient): Promise<SchemaState> {
  const row = (
    await client.query<{ schema: string | null; tables: number; has_version: boolean }>(
      `SELECT current_schema() AS schema,
         (SELECT count(*)::int FROM pg_catalog.pg_tables WHERE schemaname = current_schema()) AS tables,
         EXISTS (SELECT 1 FROM pg_catalog.pg_tables
                 WHERE schemaname = current_schema() AND tablename = 'schema_version') AS has_version`,
    )
  ).rows[0]!;
  if (row.schema === null || !row.has_version)
    return { schema: row.schema, version: undefined, tables: row.tables };
  const version = await client.query<{ version: number }>(
    `SELECT version FROM ${quoteIdentifier(row.schema)}.schema_version`,
  );
  return { schema: row.schema, version: version.rows[0]?.version ?? 0, tables: row.tables };
}

/** Refuses schemas crosscheck did not make or cannot read; returns the applied version. */
function checkSchema(state: SchemaState, location: string, wanted: string | undefined): number {
  if (state.schema === null) {
    throw new StoreError(
      'store-open-failed',
      location,
      `cannot open the store ${location}: the connection's search_path names no existing schema to create ` +
        'the tables in. Give a schema with the schema option.',
    );
  }
  if (wanted !== undefined && state.schema !== wanted) {
    throw new StoreError(
      'store-open-failed',
      location,
      `cannot open the store ${location}: the session works in schema ${state.schema}, not ${wanted}; ` +
        'remove the search_path setting from the connection options.',
    );
  }
  if (state.version === undefined) {
    if (state.tables > 0) {
      throw new StoreError(
        'store-foreign-database',
        location,
        `the schema ${state.schema} of ${location} holds tables of another program, not a crosscheck store: ` +
          'give another schema (the schema option) or database.',
      );
    }
    return 0;
  }
  if (state.version > POSTGRES_SCHEMA_VERSION) {
    throw new StoreError(
      'store-newer-schema',
      location,
      `the schema ${state.schema} of ${location} was written by a newer crosscheck (schema version ` +
        `${state.version}; this one reads up to ${POSTGRES_SCHEMA_VERSION}): upgrade crosscheck or give ` +
        'another schema.',
    );
  }
  return state.version;
}

/**
 * Brings the schema to {@link POSTGRES_SCHEMA_VERSION}. The work runs in one transaction under an
 * advisory lock, so two processes opening a new store at once migrate it once: the second waits, then
 * finds the schema current.
 */
async function migrate(pool: Pool, location: string, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // The fast path of every later open: no lock, no transaction. A missing schema takes the slow path.
    const state = await inspectSchema(client);
    if (state.schema !== null && checkSchema(state, location, schema) === POSTGRES_SCHEMA_VERSION) return;
    await client.query('BEGIN');
    try {
      await client.query(
        "SELECT pg_advisory_xact_lock($1::int, hashtext(coalesce($2::text, current_schema(), '')))",
        [MIGRATION_LOCK, schema ?? null],
      );
      // Created only when missing: CREATE SCHEMA IF NOT EXISTS still demands the database's CREATE
      // privilege, which a user given an existing schema by its administrator may lack.
      if (schema !== undefined) {
        const exists = await client.query('SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1', [
          schema,
        ]);
        if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
      }
      const state = await inspectSchema(client);
      const version = checkSchema(state, location, schema);
      if (state.version === undefined) {
        await client.query(
          'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (0)',
        );
      }
      for (let next = version; next < POSTGRES_SCHEMA_VERSION; next += 1) {
        await client.query(POSTGRES_MIGRATIONS[next]!);
        await client.query('UPDATE schema_version SET version = $1', [next + 1]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Opens the store in a PostgreSQL database, creating or upgrading its tables (and its schema, when
 * {@link PostgresStoreOptions.schema} names a missing one). The connection is a URL
 * (`postgresql://user:password@host:5432/database`) or a `pg` pool configuration; PG* environment
 * variables fill what neither gives, as in psql.
 * @throws StoreError `store-open-failed` (server unreachable, login refused, database missing, no
 * privilege: the message names the connection without its password and says what to fix),
 * `store-foreign-database` (the schema holds another program's tables), `store-newer-schema`,
 * `store-invalid-input` (a schema name that is not a plain identifier)
 */
export async function openPostgresStore(
  connection: PostgresConnection,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const config: PoolConfig =
    typeof connection === 'string' ? { connectionString: connection } : { ...connection };
  config.connectionTimeoutMillis ??= DEFAULT_CONNECT_TIMEOUT_MS;
  const location = describeConnection(config);
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreError(
      'store-invalid-input',
      location,
      `the schema name must be a plain identifier (letters, digits and _, at most 63), got "${schema}"`,
    );
  }
  const pool = new Pool(config);
  // An idle pooled connection that dies (server restart) is reported here; without a listener Node
  // would crash the process. The pool drops that connection and the next query opens a new one.
  pool.on('error', () => undefined);
  if (schema !== undefined) {
    // Set per connection rather than through the startup `options`, which an `options=` parameter of a
    // connection string would silently replace. Queries queue behind it, so none runs in another schema;
    // the name is a checked identifier. It can only fail on a dead connection, which the next query reports.
    pool.on('connect', (client) => {
      client.query(`SET search_path TO ${quoteIdentifier(schema)}`).catch(() => undefined);
    });
  }
  try {
    await migrate(pool, location, schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw classifyOpenError(error, location, schema);
  }
  return new PostgresStore(location, pool, schema);
}

/** Words of search terms hold only letters and digits; escaped anyway so no change there can open the parser. */
const quoteLexeme = (word: string): string => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * Turns parsed search terms into a tsquery expression whose user text travels only as parameters:
 * a phrase or word through phraseto_tsquery (which reads plain text), a prefix through to_tsquery
 * over quoted lexemes, all terms joined with `&&`. Terms reduced to stop words drop out, as in
 * PostgreSQL's own plainto_tsquery.
 */
function tsqueryExpression(terms: readonly SearchTerm[], parameter: (value: unknown) => string): string {
  return terms
    .map((term) => {
      if (!term.prefix) return `phraseto_tsquery('english', ${parameter(term.words.join(' '))})`;
      const lexemes = term.words.map(
        (word, position) => `${quoteLexeme(word)}${position === term.words.length - 1 ? ':*' : ''}`,
      );
      return `to_tsquery('english', ${parameter(lexemes.join(' <-> '))})`;
    })
    .join(' && ');
}

/** True when a term names a word no tsvector can hold, so the query (all terms required) matches nothing. */
const hasUnindexableWord = (terms: readonly SearchTerm[]): boolean =>
  terms.some((term) => term.words.some((word) => Buffer.byteLength(word) > LONGEST_INDEXED_WORD_BYTES));

/** Collects positional parameters while SQL is assembled, so user values never enter the SQL text. */
class Parameters {
  readonly values: unknown[] = [];
  /** Adds a value and returns its placeholder. */
  readonly add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/** ASCII-only case folding, as SQLite's NOCASE: lower() would also fold other letters by locale. */
const asciiFold = (expression: string): string =>
  `translate(${expression}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

function chunks<Item>(items: readonly Item[], size: number): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** The PostgreSQL adapter of {@link Store}; see {@link openPostgresStore}. */
export class PostgresStore implements Store {
  /** The connection as a URL without its password. */
  readonly location: string;
  /** The schema given at open, or undefined for the connection's current schema. */
  readonly schema: string | undefined;
  #pool: Pool | undefined;

  /** Use {@link openPostgresStore}, which migrates the schema first. */
  constructor(location: string, pool: Pool, schema: string | undefined) {
    this.location = location;
    this.#pool = pool;
    this.schema = schema;
  }

  #connection(): Pool {
    if (this.#pool === undefined) {
      throw new StoreError('store-closed', this.location, `the store ${this.location} is closed`);
    }
    return this.#pool;
  }

  #invalid(message: string): StoreError {
    return new StoreError('store-invalid-input', this.location, message);
  }

  /** Turns driver and socket exceptions into {@link StoreError}s that name the store. */
  #classify(action: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const code = errorCode(error);
    const message = (error as Error).message;
    // Class 23 is a broken constraint, class 22 a value PostgreSQL cannot hold (a NUL character, a
    // tsvector over 1 MB): both are the caller's data, as SQLite's constraint errors are.
    if (code.startsWith('23') || code.startsWith('22')) {
      return new StoreError(
        'store-invalid-input',
        this.location,
        `${action} in ${this.location} broke a rule of the store (${code}): ${message}`,
        error,
      );
    }
    let hint = '';
    if (code === '40001' || code === '40P01' || code === '55P03')
      hint = ' (another writer held the rows: try again)';
    else if (code.startsWith('E') || code.startsWith('08') || code.startsWith('57P')) {
      hint = ' (the server cannot be reached or closed the connection: check that it runs, then try again)';
    }
    return new StoreError(
      'store-failed',
      this.location,
      `${action} failed in ${this.location}${hint}: ${message}`,
      error,
    );
  }

  /** Runs one statement on any pooled connection. */
  async #query<Row extends QueryResultRow>(
    action: string,
    sql: string,
    values: unknown[] = [],
  ): Promise<Row[]> {
    const pool = this.#connection();
    try {
      return (await pool.query<Row>(sql, values)).rows;
    } catch (error) {
      throw this.#classify(action, error);
    }
  }

  /**
   * Runs work in one transaction on one connection, released in every case. Writers first take a
   * store-wide advisory lock, as SQLite's write lock does: two writers wait for each other instead of
   * deadlocking on rows they lock in different orders, and batches apply one after the other.
   */
  async #transaction<Result>(action: string, work: (client: PoolClient) => Promise<Result>): Promise<Result> {
    const pool = this.#connection();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw this.#classify(action, error);
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext(current_schema()))', [WRITE_LOCK]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool rather than reused.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw this.#classify(action, error);
    } finally {
      client.release(broken);
    }
  }

  async #writeBatch(client: PoolClient, batch: IngestBatch, at: string): Promise<IngestResult> {
    // One upsert per story id; the last title given wins, as with upserts applied in order.
    const titles = new Map<string, string>();
    for (const story of batch.stories) titles.set(story.id, story.title);
    if (titles.size > 0) {
      await client.query(
        `INSERT INTO stories (id, title, created_at, updated_at)
         SELECT id, title, $3, $3 FROM unnest($1::text[], $2::text[]) AS story(id, title)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at`,
        [[...titles.keys()], [...titles.values()], at],
      );
    }
    const seen = new Set<string>();
    const firsts: NewArticle[] = [];
    for (const article of batch.articles) {
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      firsts.push(article);
    }
    const inserted = new Set<string>();
    for (const chunk of chunks(firsts, INSERT_CHUNK)) {
      const column = <Value>(read: (article: NewArticle) => Value): Value[] => chunk.map(read);
      // WITH ORDINALITY keeps the batch order, so seq (the tie-breaker of listings) follows it.
      const result = await client.query<{ id: string }>(
        `INSERT INTO articles (id, url, outlet, title, published, body, path, features, ingested_at)
         SELECT id, url, outlet, title, published, body, path, features, $9
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           WITH ORDINALITY AS article(id, url, outlet, title, published, body, path, features, position)
         ORDER BY position
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [
          column((article) => article.id),
          column((article) => nullable(article.url)),
          column((article) => nullable(article.outlet)),
          column((article) => nullable(article.title)),
          column((article) => nullable(article.published)),
          column((article) => article.body),
          column((article) => nullable(article.path)),
          column((article) =>
            article.features === undefined ? null : (JSON.stringify(article.features) ?? null),
          ),
          at,
        ],
      );
      for (const row of result.rows) inserted.add(row.id);
    }
    const added: string[] = [];
    const duplicates: string[] = [];
    const reported = new Set<string>();
    for (const article of batch.articles) {
      const isNew = inserted.has(article.id) && !reported.has(article.id);
      reported.add(article.id);
      (isNew ? added : duplicates).push(article.id);
    }
    if (batch.assignments.length > 0) await this.#assign(client, batch, at);
    if ((batch.removedStories ?? []).length > 0) {
      await client.query('DELETE FROM stories WHERE id = ANY($1::text[])', [batch.removedStories]);
    }
    const corrections = batch.corrections ?? [];
    if (corrections.length > 0) {
      await client.query(
        `INSERT INTO corrections (kind, at, story_ids, article_ids, note)
         SELECT kind, at, story_ids, article_ids, note
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           WITH ORDINALITY AS correction(kind, at, story_ids, article_ids, note, position)
         ORDER BY position`,
        [
          corrections.map((correction) => correction.kind),
          corrections.map((correction) => toInstant(correction.at, 'correction.at', this.location)),
          corrections.map((correction) => JSON.stringify(correction.storyIds)),
          corrections.map((correction) => JSON.stringify(correction.articleIds)),
          corrections.map((correction) => nullable(correction.note)),
        ],
      );
    }
    if (batch.clustererState !== undefined) await this.#writeClustererState(client, batch.clustererState);
    if (batch.pendingIngest === null) await client.query('DELETE FROM pending_ingest');
    else if (batch.pendingIngest !== undefined) {
      await client.query(
        `INSERT INTO pending_ingest (id, note) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET note = excluded.note`,
        [batch.pendingIngest],
      );
    }
    return { added, duplicates };
  }

  /**
   * Applies the assignments in order with a few set-based statements: the current stories are read
   * (rows locked) in one query, the moves replayed in memory, then written at once. The result is that
   * of applying them one by one, in a handful of round trips however large the batch.
   */
  async #assign(client: PoolClient, batch: IngestBatch, at: string): Promise<void> {
    const articleIds = [...new Set(batch.assignments.map((assignment) => assignment.articleId))];
    const current = new Map<string, string | null>(
      (
        await client.query<{ id: string; story_id: string | null }>(
          'SELECT id, story_id FROM articles WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
          [articleIds],
        )
      ).rows.map((row) => [row.id, row.story_id]),
    );
    const storyIds = [...new Set(batch.assignments.map((assignment) => assignment.storyId))];
    const stories = new Set(
      (
        await client.query<{ id: string }>(
          'SELECT id FROM stories WHERE id = ANY($1::text[]) ORDER BY id FOR KEY SHARE',
          [storyIds],
        )
      ).rows.map((row) => row.id),
    );
    const moves = new Map<string, string>();
    const touched = new Set<string>();
    for (const { articleId, storyId } of batch.assignments) {
      const previous = current.get(articleId);
      if (previous === undefined) {
        throw this.#invalid(
          `an assignment names the article ${articleId}, which is neither stored nor in the batch`,
        );
      }
      if (previous === storyId) continue;
      if (!stories.has(storyId)) {
        throw this.#invalid(
          `an assignment names the story ${storyId}, which is neither stored nor in the batch`,
        );
      }
      current.set(articleId, storyId);
      moves.set(articleId, storyId);
      touched.add(storyId);
      if (previous !== null) touched.add(previous);
    }
    if (moves.size === 0) return;
    await client.query(
      `UPDATE articles SET story_id = move.story_id
       FROM unnest($1::text[], $2::text[]) AS move(article_id, story_id) WHERE articles.id = move.article_id`,
      [[...moves.keys()], [...moves.values()]],
    );
    // Once per story, not per article: the revision bump makes the story's report stale.
    await client.query(
      // What the list shows of a story's articles is re-read here, once per change, not on every list.
      `UPDATE stories SET revision = revision + 1, updated_at = $2,
         (article_count, first_published, last_published, sort_published, outlets) = (
           SELECT count(*)::int, min(a.published), max(a.published), coalesce(max(a.published), ''),
             coalesce(array_agg(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL), '{}')
           FROM articles a WHERE a.story_id = stories.id)
       WHERE id = ANY($1::text[])`,
      [[...touched], at],
    );
  }

  async #writeClustererState(client: PoolClient | Pool, state: string): Promise<void> {
    await client.query(
      `INSERT INTO clusterer_state (id, state) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state`,
      [state],
    );
  }

  async #writeReport(client: PoolClient, storyId: string, report: StoryReport, at: string): Promise<number> {
    // The UPDATE locks the story's row, so two reports for one story apply one after the other.
    const updated = await client.query<{ report_version: number }>(
      `UPDATE stories SET report = $2, report_version = report_version + 1, report_revision = revision,
         report_at = $3, headline = $4, conflict_count = $5
       WHERE id = $1 RETURNING report_version`,
      [storyId, JSON.stringify(report), at, report.summary[0]?.text ?? null, report.conflicts.length],
    );
    const version = updated.rows[0]?.report_version;
    if (version === undefined) throw this.#invalid(`cannot store a report for the unknown story ${storyId}`);
    await client.query('DELETE FROM claims WHERE story_id = $1', [storyId]);
    if (report.claims.length > 0) {
      await client.query(
        `INSERT INTO claims (story_id, claim_id, text)
         SELECT $1, claim_id, text FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS claim(claim_id, text, position)
         ORDER BY position`,
        [storyId, report.claims.map((claim) => claim.id), report.claims.map((claim) => claim.text)],
      );
    }
    // Distinct keys: one INSERT … ON CONFLICT cannot update the same row twice. Out-of-order reports
    // keep the earliest sighting of each item.
    const keys = [...new Set(reportItems(report).flatMap((item) => item.keys))];
    if (keys.length > 0) {
      await client.query(
        `INSERT INTO story_items (story_id, key, first_seen) SELECT $1, key, $3 FROM unnest($2::text[]) AS item(key)
         ON CONFLICT (story_id, key) DO UPDATE SET first_seen = LEAST(story_items.first_seen, excluded.first_seen)`,
        [storyId, keys, at],
      );
    }
    return version;
  }

  async ingest(batch: IngestBatch): Promise<IngestResult> {
    this.#connection();
    const at = toInstant(batch.at, 'batch.at', this.location);
    for (const article of batch.articles) {
      if (typeof article.body !== 'string' || article.id !== articleIdFor(article.body)) {
        throw this.#invalid(
          `the article ${String(article.id)} must have the id articleIdFor(body) (the hash of its normalised body)`,
        );
      }
    }
    return this.#transaction('ingest', (client) => this.#writeBatch(client, batch, at));
  }

  async putReport(storyId: string, report: StoryReport, at: string): Promise<number> {
    this.#connection();
    const instant = toInstant(at, 'report time', this.location);
    return this.#transaction('storing a report', (client) =>
      this.#writeReport(client, storyId, report, instant),
    );
  }

  async getStory(id: string): Promise<StoryRecord | undefined> {
    const row = (
      await this.#query<{
        id: string;
        title: string;
        created_at: string;
        updated_at: string;
        report: string | null;
        report_version: number;
        report_at: string | null;
        stale: boolean;
        article_ids: string[];
      }>(
        'reading a story',
        // NULLS FIRST: SQLite sorts missing dates first, and both adapters must list the same order.
        `SELECT id, title, created_at, updated_at, report, report_version, report_at,
           report_revision IS NULL OR report_revision < revision AS stale,
           ARRAY(SELECT a.id FROM articles a WHERE a.story_id = s.id ORDER BY a.published NULLS FIRST, a.seq)
             AS article_ids
         FROM stories s WHERE id = $1`,
        [id],
      )
    )[0];
    if (row === undefined) return undefined;
    return {
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      articleIds: row.article_ids,
      report: row.report === null ? null : reportFromJson(row.report),
      reportVersion: row.report_version,
      reportAt: row.report_at,
      stale: row.stale,
    };
  }

  async listStories(filter: StoryFilter): Promise<Page<StoryListItem>> {
    this.#connection();
    const offset = checkPaging(filter, this.location);
    const parameters = new Parameters();
    const conditions: string[] = [];
    let matched = '';
    if (filter.query !== undefined && filter.query.trim() !== '') {
      const terms = parseSearchTerms(filter.query);
      if (terms.length === 0 || hasUnindexableWord(terms)) return { total: 0, items: [], next: null };
      const query = tsqueryExpression(terms, parameters.add);
      // Found once (MATERIALIZED) for both the count and the page.
      matched = `matched AS MATERIALIZED (
        SELECT a.story_id FROM articles a WHERE a.search @@ (${query}) AND a.story_id IS NOT NULL
        UNION SELECT c.story_id FROM claims c WHERE c.search @@ (${query})),`;
      conditions.push('s.id IN (SELECT story_id FROM matched)');
    }
    if (filter.outlet !== undefined) {
      // The story's own list of outlets: one row per story is read, not every article of it.
      conditions.push(
        `EXISTS (SELECT 1 FROM unnest(s.outlets) AS o (outlet)
           WHERE ${asciiFold('o.outlet')} = ${asciiFold(`${parameters.add(filter.outlet)}::text`)})`,
      );
    }
    const dates: string[] = [];
    for (const bound of ['from', 'to'] as const) {
      const value = filter[bound];
      if (value === undefined) continue;
      if (!/^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?)?)?$/.test(value)) {
        throw this.#invalid(`${bound} must be an ISO date such as 2025-03-12, got "${value}"`);
      }
      const placeholder = `${parameters.add(value)}::text COLLATE "C"`;
      // "to" compares the same number of characters, so a day (or month) includes every time within it.
      dates.push(
        bound === 'from'
          ? `d.published >= ${placeholder}`
          : `left(d.published, length(${placeholder})) <= ${placeholder}`,
      );
    }
    if (dates.length > 0) {
      conditions.push(
        `EXISTS (SELECT 1 FROM articles d WHERE d.story_id = s.id AND d.published IS NOT NULL AND ${dates.join(' AND ')})`,
      );
    }
    const filtered = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    let after = '';
    if (filter.cursor !== undefined) {
      const [published, updated, id] = decodeCursor(filter.cursor, 'stories', STORY_KEY, this.location);
      const text = (value: unknown) => `${parameters.add(value)}::text COLLATE "C"`;
      // One row comparison in the index's order: PostgreSQL seeks to the cursor instead of scanning to it.
      after = `${filtered === '' ? 'WHERE' : 'AND'} (s.sort_published, s.updated_at, s.id) < (${text(published)}, ${text(updated)}, ${text(id)})`;
    }
    // One statement gives the total and the page from one snapshot, in one round trip; one row more than
    // the page says whether a next page exists. Every column is the story's own: no article is read.
    const rows = await this.#query<{
      total: number;
      id: string | null;
      title: string;
      headline: string | null;
      conflict_count: number;
      article_count: number;
      first_published: string | null;
      last_published: string | null;
      updated_at: string;
      outlets: string[];
      sort_published: string;
    }>(
      'listing stories',
      `WITH ${matched} page AS (
         SELECT s.id, s.title, s.headline, s.conflict_count, s.updated_at, s.last_published,
           s.article_count, s.first_published, s.outlets, s.sort_published
         FROM stories s ${filtered} ${after}
         ORDER BY s.sort_published DESC, s.updated_at DESC, s.id DESC
         LIMIT ${parameters.add(filter.limit + 1)} OFFSET ${parameters.add(offset)})
       SELECT counted.total, page.* FROM (SELECT count(*)::int AS total FROM stories s ${filtered}) counted
       LEFT JOIN page ON true
       ORDER BY page.sort_published DESC, page.updated_at DESC, page.id DESC`,
      parameters.values,
    );
    const present = rows.filter((row) => row.id !== null);
    const items = present.slice(0, filter.limit).map(
      (row): StoryListItem => ({
        id: row.id!,
        title: row.title,
        size: row.article_count,
        // Sorted in JavaScript, as the SQLite adapter does, so both give the same order.
        outlets: [...row.outlets].sort(),
        firstPublished: row.first_published,
        lastPublished: row.last_published,
        headline: row.headline,
        conflicts: row.conflict_count,
      }),
    );
    const last = present[filter.limit - 1];
    const next =
      present.length > filter.limit && last !== undefined
        ? encodeCursor('stories', [last.sort_published, last.updated_at, last.id!])
        : null;
    return { total: rows[0]?.total ?? 0, items, next };
  }

  async listStaleStories(limit: number): Promise<string[]> {
    this.#connection();
    checkPaging({ limit, offset: 0 }, this.location);
    const rows = await this.#query<{ id: string }>(
      'listing stale stories',
      `SELECT id FROM stories WHERE report_revision IS NULL OR report_revision < revision
       ORDER BY updated_at, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const rows = await this.#query<ArticleRow>('reading an article', 'SELECT * FROM articles WHERE id = $1', [
      id,
    ]);
    return rows[0] === undefined ? undefined : articleFromRow(rows[0]);
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    this.#connection();
    if (ids.length === 0) return [];
    const rows = await this.#query<ArticleRow>(
      'reading articles',
      'SELECT * FROM articles WHERE id = ANY($1::text[])',
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [articleFromRow(row)];
    });
  }

  async listArticles(filter: ArticleFilter): Promise<Page<ArticleSummary>> {
    this.#connection();
    const offset = checkPaging(filter, this.location);
    const parameters = new Parameters();
    const where = filter.storyId === undefined ? '' : `WHERE story_id = ${parameters.add(filter.storyId)}`;
    let after = '';
    if (filter.cursor !== undefined) {
      const [undated, published, seq] = decodeCursor(filter.cursor, 'articles', ARTICLE_KEY, this.location);
      after = `WHERE (published IS NULL, coalesce(published, ''), seq) > (${parameters.add(undated === 1)}::boolean,
        ${parameters.add(published)}::text COLLATE "C", ${parameters.add(seq)}::bigint)`;
    }
    const rows = await this.#query<ArticleRow & { total: number; seq: string }>(
      'listing articles',
      `WITH matched AS NOT MATERIALIZED (SELECT ${ARTICLE_SUMMARY_COLUMNS}, seq FROM articles ${where})
       SELECT counted.total, page.* FROM (SELECT count(*)::int AS total FROM matched) counted
       LEFT JOIN (SELECT * FROM matched ${after} ORDER BY published IS NULL, published, seq
                  LIMIT ${parameters.add(filter.limit + 1)} OFFSET ${parameters.add(offset)}) page ON true
       ORDER BY page.published IS NULL, page.published, page.seq`,
      parameters.values,
    );
    const present = rows.filter((row) => row.id !== null);
    const items = present.slice(0, filter.limit).map((row) => {
      const { total: _total, seq: _seq, ...article } = row;
      return summaryFromRow(article);
    });
    const last = present[filter.limit - 1];
    const next =
      present.length > filter.limit && last !== undefined
        ? encodeCursor('articles', [last.published === null ? 1 : 0, last.published ?? '', Number(last.seq)])
        : null;
    return { total: rows[0]?.total ?? 0, items, next };
  }

  async search(text: string, paging: Paging): Promise<SearchPage> {
    this.#connection();
    const offset = checkPaging(paging, this.location);
    let cursor: CursorValue[] | undefined;
    if (paging.cursor !== undefined)
      cursor = decodeCursor(paging.cursor, 'search', SEARCH_KEY, this.location);
    const terms = parseSearchTerms(text);
    if (terms.length === 0 || paging.limit === 0 || hasUnindexableWord(terms))
      return { hits: [], next: null };
    const parameters = new Parameters();
    const query = tsqueryExpression(terms, parameters.add);
    // Best first, then kind and row ascending: the cursor resumes after the last hit's place in that order.
    const after =
      cursor === undefined
        ? ''
        : `WHERE score < ${parameters.add(cursor[0])}::float4 OR (score = $${parameters.values.length}::float4
             AND (kind, seq) > (${parameters.add(cursor[1])}::text, ${parameters.add(cursor[2])}::bigint))`;
    const ranked = cursor === undefined ? 0 : (cursor[3] as number);
    // Ranks first, snippets after for the page only: a headline re-parses the whole text, and a common
    // word matches thousands of rows.
    const rows = await this.#query<{
      kind: SearchHit['kind'];
      seq: string;
      score: number;
      article_id: string | null;
      story_id: string | null;
      claim_id: string | null;
      snippet: string;
    }>(
      'searching',
      `WITH q AS (SELECT ${query} AS query),
       scored AS (
         SELECT 'article'::text AS kind, a.seq, ${RANK.replace('%s', 'a.search')} AS score
         FROM articles a, q WHERE a.search @@ q.query
         UNION ALL
         SELECT 'claim', c.seq, ${RANK.replace('%s', 'c.search')} FROM claims c, q WHERE c.search @@ q.query),
       page AS (SELECT * FROM scored ${after} ORDER BY score DESC, kind, seq
                LIMIT ${parameters.add(paging.limit + 1)} OFFSET ${parameters.add(offset)})
       SELECT page.kind, page.seq, page.score, a.id AS article_id, coalesce(a.story_id, c.story_id) AS story_id,
         c.claim_id,
         ts_headline('english', coalesce(coalesce(a.title || ' — ', '') || a.body, c.text), q.query,
           ${parameters.add(HEADLINE_OPTIONS)}) AS snippet
       FROM page CROSS JOIN q
       LEFT JOIN articles a ON page.kind = 'article' AND a.seq = page.seq
       LEFT JOIN claims c ON page.kind = 'claim' AND c.seq = page.seq
       ORDER BY page.score DESC, page.kind, page.seq`,
      parameters.values,
    );
    const first = ranked + offset;
    const hits = rows.slice(0, paging.limit).map((row, position) => {
      const hit: SearchHit = { kind: row.kind, snippet: row.snippet, rank: first + position + 1 };
      if (row.article_id !== null) hit.articleId = row.article_id;
      if (row.story_id !== null) hit.storyId = row.story_id;
      if (row.claim_id !== null) hit.claimId = row.claim_id;
      return hit;
    });
    const last = rows[paging.limit - 1];
    const next =
      rows.length > paging.limit && last !== undefined
        ? encodeCursor('search', [last.score, last.kind, Number(last.seq), first + paging.limit])
        : null;
    return { hits, next };
  }

  async storyChangesSince(storyId: string, since: string): Promise<StoryChanges | undefined> {
    this.#connection();
    const instant = toInstant(since, 'since', this.location);
    const row = (
      await this.#query<{ report: string | null; report_at: string | null; items: [string, string][] }>(
        'reading story changes',
        `SELECT report, report_at,
           ARRAY(SELECT ARRAY[key, first_seen] FROM story_items WHERE story_id = s.id) AS items
         FROM stories s WHERE id = $1`,
        [storyId],
      )
    )[0];
    if (row === undefined) return undefined;
    return changesSince(storyId, instant, row.report, row.report_at, new Map(row.items));
  }

  async getClustererState(): Promise<string | undefined> {
    const rows = await this.#query<{ state: string }>(
      'reading the clusterer state',
      'SELECT state FROM clusterer_state WHERE id = 1',
    );
    return rows[0]?.state;
  }

  async putClustererState(state: string): Promise<void> {
    const pool = this.#connection();
    try {
      await this.#writeClustererState(pool, state);
    } catch (error) {
      throw this.#classify('storing the clusterer state', error);
    }
  }

  async getPendingIngest(): Promise<string | undefined> {
    const rows = await this.#query<{ note: string }>(
      'reading the note of an unfinished ingest',
      'SELECT note FROM pending_ingest WHERE id = 1',
    );
    return rows[0]?.note;
  }

  async listCorrections(): Promise<Correction[]> {
    const rows = await this.#query<{
      kind: Correction['kind'];
      at: string;
      story_ids: string;
      article_ids: string;
      note: string | null;
    }>('reading corrections', 'SELECT kind, at, story_ids, article_ids, note FROM corrections ORDER BY seq');
    return rows.map((row) => {
      const correction: Correction = {
        kind: row.kind,
        at: row.at,
        storyIds: JSON.parse(row.story_ids) as string[],
        articleIds: JSON.parse(row.article_ids) as string[],
      };
      if (row.note !== null) correction.note = row.note;
      return correction;
    });
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const rows = await this.#query<{ articles: number; stories: number }>(
      'counting',
      'SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM stories)::int AS stories',
    );
    return { articles: rows[0]!.articles, stories: rows[0]!.stories };
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    if (pool === undefined) return;
    this.#pool = undefined;
    await pool.end();
  }
}
