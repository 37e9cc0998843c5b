/**
 * The embedded store: one SQLite file (better-sqlite3) in WAL mode, with FTS5 indexes over articles
 * and claims. better-sqlite3 is synchronous; the methods are async only to share the {@link Store}
 * contract with networked adapters.
 * @packageDocumentation
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StoryReport } from '../model/index.js';
import { articleIdFor } from './article-id.js';
import { type CursorField, decodeCursor, encodeCursor } from './cursor.js';
import { StoreError } from './errors.js';
import { toInstant } from './instant.js';
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
import { SQLITE_MIGRATIONS } from './sqlite-schema.js';
import {
  type Article,
  type ArticleFilter,
  type ArticleSummary,
  type Correction,
  type IngestBatch,
  type IngestResult,
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

/** The schema version this build writes and reads. */
export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

/** How long a writer waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;
/** Tokens around a match in a search snippet. */
const SNIPPET_TOKENS = 16;
/** The story list's key: latest publication ('' when undated), latest change, id. */
const STORY_KEY: readonly CursorField[] = ['string', 'string', 'string'];
/** The article list's key: undated (1) or not (0), publication ('' when undated), insertion order. */
const ARTICLE_KEY: readonly CursorField[] = ['number', 'string', 'number'];
/** The search key: score, kind, row, and the rank of the row, so ranks continue across pages. */
const SEARCH_KEY: readonly CursorField[] = ['number', 'string', 'number', 'number'];

type Row = Record<string, unknown>;

/**
 * Opens (creating when missing, with its folder) or upgrades the store at `location`, or an in-memory
 * store for `':memory:'`.
 * @throws StoreError `store-not-database` (not an SQLite file), `store-foreign-database` (another
 * program's database), `store-newer-schema` (written by a newer crosscheck), `store-open-failed`
 */
export async function openSqliteStore(location: string): Promise<SqliteStore> {
  return new SqliteStore(location, openDatabase(location));
}

function openDatabase(location: string): Database.Database {
  if (location !== ':memory:') {
    try {
      mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    } catch (error) {
      throw new StoreError(
        'store-open-failed',
        location,
        `cannot create the folder of the store ${location}: ${(error as Error).message}`,
        error,
      );
    }
  }
  let database: Database.Database;
  try {
    database = new Database(location);
  } catch (error) {
    throw classifyOpenError(error, location);
  }
  try {
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('foreign_keys = ON');
    // The first statement that reads the file: a file that is not a database fails here.
    database.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses nothing committed when the process dies, only on power loss.
    database.pragma('synchronous = NORMAL');
    migrate(database, location);
    return database;
  } catch (error) {
    database.close();
    throw classifyOpenError(error, location);
  }
}

function sqliteCode(error: unknown): string {
  return error instanceof Database.SqliteError ? error.code : '';
}

function classifyOpenError(error: unknown, location: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      'store-not-database',
      location,
      `${location} is not a crosscheck store: the file is not an SQLite database or is damaged. ` +
        'Give another path with --db, or move the file away.',
      error,
    );
  }
  return new StoreError(
    'store-open-failed',
    location,
    `cannot open the store ${location}: ${(error as Error).message}`,
    error,
  );
}

function readSchemaVersion(database: Database.Database): number | undefined {
  const table = database
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (table === undefined) return undefined;
  const row = database.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/** Brings the schema to {@link SQLITE_SCHEMA_VERSION}, refusing files it does not own. */
function migrate(database: Database.Database, location: string): void {
  const check = (): number => {
    const version = readSchemaVersion(database);
    if (version === undefined) {
      const objects = database
        .prepare("SELECT count(*) AS count FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
        .get() as { count: number };
      if (objects.count > 0) {
        throw new StoreError(
          'store-foreign-database',
          location,
          `${location} is an SQLite database made by another program, not a crosscheck store: ` +
            'give another path with --db.',
        );
      }
      return 0;
    }
    if (version > SQLITE_SCHEMA_VERSION) {
      throw new StoreError(
        'store-newer-schema',
        location,
        `${location} was written by a newer crosscheck (schema version ${version}; this one reads up to ` +
          `${SQLITE_SCHEMA_VERSION}): upgrade crosscheck or give another path with --db.`,
      );
    }
    return version;
  };
  if (check() === SQLITE_SCHEMA_VERSION) return;
  // Check again under the write lock: another process may have migrated in the meantime.
  database
    .transaction(() => {
      const version = check();
      if (version === 0 && readSchemaVersion(database) === undefined) {
        database.exec(
          'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (0);',
        );
      }
      for (let next = version; next < SQLITE_SCHEMA_VERSION; next += 1) {
        database.exec(SQLITE_MIGRATIONS[next]!);
        database.prepare('UPDATE schema_version SET version = ?').run(next + 1);
      }
    })
    .immediate();
}

/** Quotes parsed search terms as FTS5 phrases, so no user input reaches the FTS5 parser raw. */
function toFts5Query(terms: readonly SearchTerm[]): string {
  // The words hold only letters and digits, so they need no escaping inside the double quotes.
  return terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? ' *' : ''}`).join(' AND ');
}

/** The SQLite adapter of {@link Store}; see {@link openSqliteStore}. */
export class SqliteStore implements Store {
  /** The file path, or `:memory:`. */
  readonly location: string;
  #database: Database.Database | undefined;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #ingestTransaction: (batch: IngestBatch, at: string) => IngestResult;
  readonly #reportTransaction: (storyId: string, report: StoryReport, at: string) => number;

  /** Use {@link openSqliteStore}, which migrates the schema first. */
  constructor(location: string, database: Database.Database) {
    this.location = location;
    this.#database = database;
    // IMMEDIATE takes the write lock up front, so two writers wait for each other instead of deadlocking.
    const ingest = database.transaction((batch: IngestBatch, at: string) => this.#writeBatch(batch, at));
    this.#ingestTransaction = (batch, at) => ingest.immediate(batch, at);
    const report = database.transaction((storyId: string, value: StoryReport, at: string) =>
      this.#writeReport(storyId, value, at),
    );
    this.#reportTransaction = (storyId, value, at) => report.immediate(storyId, value, at);
  }

  #db(): Database.Database {
    if (this.#database === undefined) {
      throw new StoreError('store-closed', this.location, `the store ${this.location} is closed`);
    }
    return this.#database;
  }

  /** Prepared statements are cached by their text: listings build a few variants from their filters. */
  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db().prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs work, turning driver exceptions into {@link StoreError}s that name the store. */
  #guard<Result>(action: string, work: () => Result): Result {
    this.#db();
    try {
      return work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      const code = sqliteCode(error);
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        throw new StoreError(
          'store-invalid-input',
          this.location,
          `${action} in ${this.location} broke a rule of the store (${code}): ${(error as Error).message}`,
          error,
        );
      }
      const busy = code.startsWith('SQLITE_BUSY') ? ' (another process holds the store: try again)' : '';
      throw new StoreError(
        'store-failed',
        this.location,
        `${action} failed in ${this.location}${busy}: ${(error as Error).message}`,
        error,
      );
    }
  }

  #invalid(message: string): StoreError {
    return new StoreError('store-invalid-input', this.location, message);
  }

  /**
   * Records a change of the story's articles: its report goes stale, and what the list shows of its
   * articles (count, first and latest publication, outlets) is re-read once here rather than on every list.
   */
  #touchStory(storyId: string, at: string): void {
    this.#statement(
      `UPDATE stories SET revision = revision + 1, updated_at = @at,
         (article_count, first_published, last_published, sort_published, outlets) = (
           SELECT count(*), min(published), max(published), coalesce(max(published), ''),
             json_group_array(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL)
           FROM articles WHERE story_id = @id)
       WHERE id = @id`,
    ).run({ id: storyId, at });
  }

  #writeBatch(batch: IngestBatch, at: string): IngestResult {
    const upsertStory = this.#statement(
      `INSERT INTO stories (id, title, created_at, updated_at) VALUES (@id, @title, @at, @at)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at`,
    );
    for (const story of batch.stories) upsertStory.run({ id: story.id, title: story.title, at });

    const insertArticle = this.#statement(
      `INSERT INTO articles (id, url, outlet, title, published, body, path, features, ingested_at)
       VALUES (@id, @url, @outlet, @title, @published, @body, @path, @features, @at)
       ON CONFLICT (id) DO NOTHING`,
    );
    const added: string[] = [];
    const duplicates: string[] = [];
    const seen = new Set<string>();
    for (const article of batch.articles) {
      if (seen.has(article.id)) {
        duplicates.push(article.id);
        continue;
      }
      seen.add(article.id);
      // Serialised row by row inside the transaction: a failure midway must roll back the rows before it.
      const features = article.features === undefined ? undefined : JSON.stringify(article.features);
      const result = insertArticle.run({
        id: article.id,
        url: nullable(article.url),
        outlet: nullable(article.outlet),
        title: nullable(article.title),
        published: nullable(article.published),
        body: article.body,
        path: nullable(article.path),
        features: features ?? null,
        at,
      });
      (result.changes > 0 ? added : duplicates).push(article.id);
    }

    const currentStory = this.#statement('SELECT story_id FROM articles WHERE id = ?');
    const assign = this.#statement('UPDATE articles SET story_id = @storyId WHERE id = @articleId');
    const touched = new Set<string>();
    for (const { articleId, storyId } of batch.assignments) {
      const row = currentStory.get(articleId) as { story_id: string | null } | undefined;
      if (row === undefined) {
        throw this.#invalid(
          `an assignment names the article ${articleId}, which is neither stored nor in the batch`,
        );
      }
      if (row.story_id === storyId) continue;
      const exists = this.#statement('SELECT 1 FROM stories WHERE id = ?').get(storyId);
      if (exists === undefined) {
        throw this.#invalid(
          `an assignment names the story ${storyId}, which is neither stored nor in the batch`,
        );
      }
      assign.run({ articleId, storyId });
      touched.add(storyId);
      if (row.story_id !== null) touched.add(row.story_id);
    }
    // Once per story, not per article: a batch of a hundred articles into ten stories makes ten updates.
    for (const storyId of touched) this.#touchStory(storyId, at);

    const removeStory = this.#statement('DELETE FROM stories WHERE id = ?');
    for (const storyId of batch.removedStories ?? []) removeStory.run(storyId);

    const insertCorrection = this.#statement(
      `INSERT INTO corrections (kind, at, story_ids, article_ids, note)
       VALUES (@kind, @at, @storyIds, @articleIds, @note)`,
    );
    for (const correction of batch.corrections ?? []) {
      insertCorrection.run({
        kind: correction.kind,
        at: toInstant(correction.at, 'correction.at', this.location),
        storyIds: JSON.stringify(correction.storyIds),
        articleIds: JSON.stringify(correction.articleIds),
        note: nullable(correction.note),
      });
    }

    if (batch.clustererState !== undefined) this.#writeClustererState(batch.clustererState);
    if (batch.pendingIngest === null) this.#statement('DELETE FROM pending_ingest').run();
    else if (batch.pendingIngest !== undefined) {
      this.#statement(
        `INSERT INTO pending_ingest (id, note) VALUES (1, @note)
         ON CONFLICT (id) DO UPDATE SET note = excluded.note`,
      ).run({ note: batch.pendingIngest });
    }
    return { added, duplicates };
  }

  #writeClustererState(state: string): void {
    this.#statement(
      `INSERT INTO clusterer_state (id, state) VALUES (1, @state)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state`,
    ).run({ state });
  }

  #writeReport(storyId: string, report: StoryReport, at: string): number {
    const story = this.#statement('SELECT revision FROM stories WHERE id = ?').get(storyId);
    if (story === undefined) throw this.#invalid(`cannot store a report for the unknown story ${storyId}`);
    this.#statement(
      `UPDATE stories SET report = @report, report_version = report_version + 1, report_revision = revision,
         report_at = @at, headline = @headline, conflict_count = @conflicts
       WHERE id = @id`,
    ).run({
      id: storyId,
      report: JSON.stringify(report),
      at,
      headline: report.summary[0]?.text ?? null,
      conflicts: report.conflicts.length,
    });
    this.#statement('DELETE FROM claims WHERE story_id = ?').run(storyId);
    const insertClaim = this.#statement(
      'INSERT INTO claims (story_id, claim_id, text) VALUES (@storyId, @claimId, @text)',
    );
    for (const claim of report.claims) insertClaim.run({ storyId, claimId: claim.id, text: claim.text });
    // Out-of-order reports keep the earliest sighting of each item.
    const recordKey = this.#statement(
      `INSERT INTO story_items (story_id, key, first_seen) VALUES (@storyId, @key, @at)
       ON CONFLICT (story_id, key) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)`,
    );
    for (const item of reportItems(report)) {
      for (const key of item.keys) recordKey.run({ storyId, key, at });
    }
    const version = this.#statement('SELECT report_version FROM stories WHERE id = ?').get(storyId) as {
      report_version: number;
    };
    return version.report_version;
  }

  async ingest(batch: IngestBatch): Promise<IngestResult> {
    const at = toInstant(batch.at, 'batch.at', this.location);
    for (const article of batch.articles) {
      if (typeof article.body !== 'string' || article.id !== articleIdFor(article.body)) {
        throw this.#invalid(
          `the article ${String(article.id)} must have the id articleIdFor(body) (the hash of its normalised body)`,
        );
      }
    }
    return this.#guard('ingest', () => this.#ingestTransaction(batch, at));
  }

  async putReport(storyId: string, report: StoryReport, at: string): Promise<number> {
    const instant = toInstant(at, 'report time', this.location);
    return this.#guard('storing a report', () => this.#reportTransaction(storyId, report, instant));
  }

  async getStory(id: string): Promise<StoryRecord | undefined> {
    return this.#guard('reading a story', () => {
      const row = this.#statement(
        `SELECT id, title, created_at, updated_at, report, report_version, report_at,
           report_revision IS NULL OR report_revision < revision AS stale
         FROM stories WHERE id = ?`,
      ).get(id) as Row | undefined;
      if (row === undefined) return undefined;
      const articleIds = (
        this.#statement('SELECT id FROM articles WHERE story_id = ? ORDER BY published, seq').all(id) as {
          id: string;
        }[]
      ).map((article) => article.id);
      return {
        id: row.id as string,
        title: row.title as string,
        createdAt: row.created_at as string,
        updatedAt: row.updated_at as string,
        articleIds,
        report: row.report === null ? null : reportFromJson(row.report as string),
        reportVersion: row.report_version as number,
        reportAt: row.report_at as string | null,
        stale: row.stale === 1,
      };
    });
  }

  async listStories(filter: StoryFilter): Promise<Page<StoryListItem>> {
    const offset = checkPaging(filter, this.location);
    const conditions: string[] = [];
    const parameters: Record<string, string | number | null> = {};
    if (filter.query !== undefined && filter.query.trim() !== '') {
      const terms = parseSearchTerms(filter.query);
      if (terms.length === 0) return { total: 0, items: [], next: null };
      parameters.query = toFts5Query(terms);
      conditions.push('s.id IN matched');
    }
    if (filter.outlet !== undefined) {
      parameters.outlet = filter.outlet;
      // The story's own list of outlets: one row per story is read, not every article of it.
      conditions.push('EXISTS (SELECT 1 FROM json_each(s.outlets) WHERE value = @outlet COLLATE NOCASE)');
    }
    const dates: string[] = [];
    for (const bound of ['from', 'to'] as const) {
      const value = filter[bound];
      if (value === undefined) continue;
      if (!/^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?)?)?$/.test(value)) {
        throw this.#invalid(`${bound} must be an ISO date such as 2025-03-12, got "${value}"`);
      }
      parameters[bound] = value;
      // "to" compares the same number of characters, so a day (or month) includes every time within it.
      dates.push(bound === 'from' ? 'd.published >= @from' : 'substr(d.published, 1, length(@to)) <= @to');
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
      Object.assign(parameters, { afterPublished: published!, afterUpdated: updated!, afterId: id! });
      // One row-value comparison in the index's order: SQLite seeks to the cursor instead of scanning to it.
      after = 'WHERE (s.sort_published, s.updated_at, s.id) < (@afterPublished, @afterUpdated, @afterId)';
    }
    // The stories matching a query are found once (MATERIALIZED) for both the count and the page.
    const matched =
      parameters.query === undefined
        ? ''
        : `matched AS MATERIALIZED (
             SELECT a.story_id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
             WHERE articles_fts MATCH @query AND a.story_id IS NOT NULL
             UNION SELECT c.story_id FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid
             WHERE claims_fts MATCH @query),`;
    return this.#guard('listing stories', () => {
      // One statement gives the total and the page; one row more than the page says whether a next page
      // exists; every column is the story's own, so no article is read.
      const rows = this.#statement(
        `WITH ${matched} filtered AS NOT MATERIALIZED (SELECT * FROM stories s ${filtered})
         SELECT counted.total, page.* FROM (SELECT count(*) AS total FROM filtered) counted
         LEFT JOIN (
           SELECT s.id, s.title, s.headline, s.conflict_count, s.last_published, s.updated_at,
             s.article_count, s.first_published, s.outlets, s.sort_published
           FROM filtered s ${after}
           ORDER BY s.sort_published DESC, s.updated_at DESC, s.id DESC
           LIMIT @limit OFFSET @offset) page ON true
         ORDER BY page.sort_published DESC, page.updated_at DESC, page.id DESC`,
      ).all({ ...parameters, limit: filter.limit + 1, offset }) as Row[];
      const total = (rows[0]?.total as number | undefined) ?? 0;
      const present = rows.filter((row) => row.id !== null);
      const items = present.slice(0, filter.limit).map(
        (row): StoryListItem => ({
          id: row.id as string,
          title: row.title as string,
          size: row.article_count as number,
          outlets: (JSON.parse(row.outlets as string) as string[]).sort(),
          firstPublished: row.first_published as string | null,
          lastPublished: row.last_published as string | null,
          headline: row.headline as string | null,
          conflicts: row.conflict_count as number,
        }),
      );
      const last = present[filter.limit - 1];
      const next =
        present.length > filter.limit && last !== undefined
          ? encodeCursor('stories', [
              last.sort_published as string,
              last.updated_at as string,
              last.id as string,
            ])
          : null;
      return { total, items, next };
    });
  }

  async listStaleStories(limit: number): Promise<string[]> {
    checkPaging({ limit, offset: 0 }, this.location);
    return this.#guard('listing stale stories', () =>
      (
        this.#statement(
          `SELECT id FROM stories WHERE report_revision IS NULL OR report_revision < revision
           ORDER BY updated_at, id LIMIT ?`,
        ).all(limit) as { id: string }[]
      ).map((row) => row.id),
    );
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return this.#guard('reading an article', () => {
      const row = this.#statement('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
      return row === undefined ? undefined : articleFromRow(row);
    });
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    return this.#guard('reading articles', () => {
      const statement = this.#statement('SELECT * FROM articles WHERE id = ?');
      return ids.flatMap((id) => {
        const row = statement.get(id) as ArticleRow | undefined;
        return row === undefined ? [] : [articleFromRow(row)];
      });
    });
  }

  async listArticles(filter: ArticleFilter): Promise<Page<ArticleSummary>> {
    const offset = checkPaging(filter, this.location);
    const conditions: string[] = [];
    const parameters: Record<string, string | number> = {};
    if (filter.storyId !== undefined) {
      conditions.push('story_id = @storyId');
      parameters.storyId = filter.storyId;
    }
    const counted = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    if (filter.cursor !== undefined) {
      const [undated, published, seq] = decodeCursor(filter.cursor, 'articles', ARTICLE_KEY, this.location);
      Object.assign(parameters, { afterUndated: undated!, afterPublished: published!, afterSeq: seq! });
      conditions.push(
        "(published IS NULL, coalesce(published, ''), seq) > (@afterUndated, @afterPublished, @afterSeq)",
      );
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    return this.#guard('listing articles', () => {
      const total = (
        this.#statement(`SELECT count(*) AS count FROM articles ${counted}`).get(
          filter.storyId === undefined ? {} : { storyId: filter.storyId },
        ) as { count: number }
      ).count;
      const rows = this.#statement(
        `SELECT ${ARTICLE_SUMMARY_COLUMNS}, seq FROM articles ${where}
         ORDER BY published IS NULL, published, seq LIMIT @limit OFFSET @offset`,
      ).all({ ...parameters, limit: filter.limit + 1, offset }) as (ArticleRow & { seq: number })[];
      const last = rows[filter.limit - 1];
      const next =
        rows.length > filter.limit && last !== undefined
          ? encodeCursor('articles', [last.published === null ? 1 : 0, last.published ?? '', last.seq])
          : null;
      return {
        total,
        items: rows.slice(0, filter.limit).map(({ seq: _seq, ...row }) => summaryFromRow(row)),
        next,
      };
    });
  }

  async search(text: string, paging: Paging): Promise<SearchPage> {
    const offset = checkPaging(paging, this.location);
    const parameters: Record<string, string | number> = {};
    let ranked = 0;
    let after = '';
    if (paging.cursor !== undefined) {
      const [score, kind, seq, rank] = decodeCursor(paging.cursor, 'search', SEARCH_KEY, this.location);
      Object.assign(parameters, { afterScore: score!, afterKind: kind!, afterSeq: seq! });
      ranked = rank as number;
      after = 'WHERE (score, kind, seq) > (@afterScore, @afterKind, @afterSeq)';
    }
    const terms = parseSearchTerms(text);
    if (terms.length === 0 || paging.limit === 0) return { hits: [], next: null };
    const marks = `'${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}`;
    const query = toFts5Query(terms);
    return this.#guard('searching', () => {
      // Ranked inside the full-text indexes alone, each index giving only its best rows past the cursor,
      // and joined to the articles and claims for the page only: a common word matches every article,
      // and reading or sorting each matching row cost more than scoring it.
      const best = (kind: string, table: string, score: string) =>
        `SELECT * FROM (SELECT '${kind}' AS kind, rowid AS seq, ${score} AS score FROM ${table}
           WHERE ${table} MATCH @query) ${after} ORDER BY score, seq LIMIT @limit + @offset`;
      const rows = this.#statement(
        `WITH page AS (
           SELECT * FROM (
             SELECT * FROM (${best('article', 'articles_fts', 'bm25(articles_fts, 2.0, 1.0)')})
             UNION ALL SELECT * FROM (${best('claim', 'claims_fts', 'bm25(claims_fts)')}))
           ORDER BY score, kind, seq LIMIT @limit OFFSET @offset)
         SELECT page.kind, page.seq, page.score, a.id AS article_id, coalesce(a.story_id, c.story_id) AS story_id,
           c.claim_id AS claim_id
         FROM page
         LEFT JOIN articles a ON page.kind = 'article' AND a.seq = page.seq
         LEFT JOIN claims c ON page.kind = 'claim' AND c.seq = page.seq
         ORDER BY page.score, page.kind, page.seq`,
      ).all({ ...parameters, query, limit: paging.limit + 1, offset }) as Row[];
      // better-sqlite3 binds JavaScript numbers as REAL, and FTS5 then ignores `rowid = ?` beside MATCH
      // and returns the first match's snippet for every hit (SQLite 3.53): the CAST keeps the row.
      const articleSnippet = this.#statement(
        `SELECT snippet(articles_fts, -1, ${marks}) AS snippet FROM articles_fts
         WHERE articles_fts MATCH @query AND rowid = CAST(@seq AS INTEGER)`,
      );
      const claimSnippet = this.#statement(
        `SELECT snippet(claims_fts, 0, ${marks}) AS snippet FROM claims_fts
         WHERE claims_fts MATCH @query AND rowid = CAST(@seq AS INTEGER)`,
      );
      const first = ranked + offset;
      const hits = rows.slice(0, paging.limit).map((row, position) => {
        const kind = row.kind as SearchHit['kind'];
        const snippet = (kind === 'article' ? articleSnippet : claimSnippet).get({ query, seq: row.seq }) as
          | { snippet: string }
          | undefined;
        const hit: SearchHit = { kind, snippet: snippet?.snippet ?? '', rank: first + position + 1 };
        if (row.article_id !== null) hit.articleId = row.article_id as string;
        if (row.story_id !== null) hit.storyId = row.story_id as string;
        if (row.claim_id !== null) hit.claimId = row.claim_id as string;
        return hit;
      });
      const last = rows[paging.limit - 1];
      const next =
        rows.length > paging.limit && last !== undefined
          ? encodeCursor('search', [
              last.score as number,
              last.kind as string,
              last.seq as number,
              first + paging.limit,
            ])
          : null;
      return { hits, next };
    });
  }

  async storyChangesSince(storyId: string, since: string): Promise<StoryChanges | undefined> {
    const instant = toInstant(since, 'since', this.location);
    return this.#guard('reading story changes', () => {
      const row = this.#statement('SELECT report, report_at FROM stories WHERE id = ?').get(storyId) as
        | { report: string | null; report_at: string | null }
        | undefined;
      if (row === undefined) return undefined;
      const firstSeen = new Map(
        (
          this.#statement('SELECT key, first_seen FROM story_items WHERE story_id = ?').all(storyId) as {
            key: string;
            first_seen: string;
          }[]
        ).map((item) => [item.key, item.first_seen]),
      );
      return changesSince(storyId, instant, row.report, row.report_at, firstSeen);
    });
  }

  async getClustererState(): Promise<string | undefined> {
    return this.#guard('reading the clusterer state', () => {
      const row = this.#statement('SELECT state FROM clusterer_state WHERE id = 1').get() as
        | { state: string }
        | undefined;
      return row?.state;
    });
  }

  async putClustererState(state: string): Promise<void> {
    this.#guard('storing the clusterer state', () => this.#writeClustererState(state));
  }

  async getPendingIngest(): Promise<string | undefined> {
    return this.#guard('reading the note of an unfinished ingest', () => {
      const row = this.#statement('SELECT note FROM pending_ingest WHERE id = 1').get() as
        | { note: string }
        | undefined;
      return row?.note;
    });
  }

  async listCorrections(): Promise<Correction[]> {
    return this.#guard('reading corrections', () =>
      (this.#statement('SELECT * FROM corrections ORDER BY seq').all() as Row[]).map((row) => {
        const correction: Correction = {
          kind: row.kind as Correction['kind'],
          at: row.at as string,
          storyIds: JSON.parse(row.story_ids as string) as string[],
          articleIds: JSON.parse(row.article_ids as string) as string[],
        };
        if (row.note !== null) correction.note = row.note as string;
        return correction;
      }),
    );
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    return this.#guard('counting', () => {
      const row = this.#statement(
        'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM stories) AS stories',
      ).get() as { articles: number; stories: number };
      return { articles: row.articles, stories: row.stories };
    });
  }

  async close(): Promise<void> {
    const database = this.#database;
    if (database === undefined) return;
    this.#database = undefined;
    this.#statements.clear();
    database.close();
  }
}
