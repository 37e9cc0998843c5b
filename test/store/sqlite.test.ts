import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  articleIdFor,
  openSqliteStore,
  SQLITE_SCHEMA_VERSION,
  type SqliteStore,
  type StoreError,
} from '../../src/store/index.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-schema.js';
import { longSearchBody, makeArticle, makeBatch, openFailure, runStoreContract } from './contract.js';
import { CRASH_BATCH_SIZE, crashBody, PARTIAL_SIZE } from './crash-child.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'crosscheck-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let fileCount = 0;
const freshPath = (): string => {
  fileCount += 1;
  return path.join(scratch, `store-${fileCount}`, 'crosscheck.db');
};

runStoreContract('sqlite file', () => openSqliteStore(freshPath()), {
  reopen: async (store) => {
    await store.close();
    return openSqliteStore((store as SqliteStore).location);
  },
  writeStoredReport: async (store, storyId, json) => {
    // A second connection to the WAL file, as another crosscheck process would be.
    const raw = new Database((store as SqliteStore).location);
    raw.prepare('UPDATE stories SET report = ? WHERE id = ?').run(json, storyId);
    raw.close();
  },
});
runStoreContract('sqlite in memory', () => openSqliteStore(':memory:'));

function openError(location: string): Promise<StoreError> {
  return openFailure(openSqliteStore(location));
}

describe('sqlite store', () => {
  it('upgrades a version 1 store: each story gets its latest publication, size and outlets', async () => {
    const location = freshPath();
    mkdirSync(path.dirname(location), { recursive: true });
    const old = new Database(location);
    old.exec(SQLITE_MIGRATIONS[0]!);
    old.exec(
      'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);',
    );
    old
      .prepare('INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run('quay', 'Quay repairs', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z');
    old
      .prepare(
        'INSERT INTO articles (id, body, outlet, published, ingested_at, story_id) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)',
      )
      .run(
        ...['a1', 'The quay survey began.', 'Quay Post', '2025-03-01', '2025-03-01T00:00:00Z', 'quay'],
        ...['a2', 'The quay reopened.', 'Bay Wire', '2025-03-09', '2025-03-09T00:00:00Z', 'quay'],
      );
    old.close();
    const store = await openSqliteStore(location);
    const listing = await store.listStories({ limit: 5, offset: 0 });
    expect(
      listing.items.map((item) => [
        item.id,
        item.firstPublished,
        item.lastPublished,
        item.size,
        item.outlets,
      ]),
    ).toEqual([['quay', '2025-03-01', '2025-03-09', 2, ['Bay Wire', 'Quay Post']]]);
    await store.close();
  });

  it('upgrades a version 2 store: a body indexed whole is re-indexed within the search budget', async () => {
    const location = freshPath();
    mkdirSync(path.dirname(location), { recursive: true });
    const old = new Database(location);
    old.exec(`${SQLITE_MIGRATIONS[0]!}${SQLITE_MIGRATIONS[1]!}`);
    old.exec(
      'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (2);',
    );
    const body = longSearchBody('Quayhead opened the sitting.');
    old
      .prepare('INSERT INTO articles (id, body, ingested_at) VALUES (?, ?, ?)')
      .run(articleIdFor(body), body, '2025-03-01T00:00:00Z');
    expect(
      old.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'zephyrtail'").get(),
    ).toEqual({
      n: 1,
    });
    old.close();
    const store = await openSqliteStore(location);
    expect((await store.search('zephyrtail', { limit: 5 })).hits).toEqual([]);
    expect((await store.search('quayhead', { limit: 5 })).hits).toHaveLength(1);
    await store.close();
    // The index holds exactly what the triggers would delete: FTS5's own check agrees.
    const raw = new Database(location);
    expect(() =>
      raw.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0)"),
    ).not.toThrow();
    raw.exec(
      "INSERT INTO articles_fts(articles_fts, rowid, title, body) SELECT 'delete', seq, title, substr(body, 1, 300000) FROM articles",
    );
    expect(raw.prepare('SELECT count(*) AS n FROM articles_fts_docsize').get()).toEqual({ n: 0 });
    // A token left behind by a delete that named other text would still match.
    expect(
      raw
        .prepare(
          "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'quayhead OR zephyrtail OR harbour'",
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(() =>
      raw.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0)"),
    ).not.toThrow();
    raw.close();
  });

  it('creates the folder, uses WAL and records the schema version', async () => {
    const location = freshPath();
    const store = await openSqliteStore(location);
    await store.ingest(makeBatch({ articles: [makeArticle('An invented body to create the file.')] }));
    await store.close();
    const raw = new Database(location, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_version').get()).toEqual({
      version: SQLITE_SCHEMA_VERSION,
    });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('reopens a file store and keeps writing to it', async () => {
    const location = freshPath();
    const first = await openSqliteStore(location);
    await first.ingest(makeBatch({ articles: [makeArticle('First invented body.')] }));
    await first.close();
    const second = await openSqliteStore(location);
    const result = await second.ingest(
      makeBatch({ articles: [makeArticle('First invented body.'), makeArticle('Second invented body.')] }),
    );
    expect(result.duplicates).toEqual([articleIdFor('First invented body.')]);
    expect(await second.counts()).toEqual({ articles: 2, stories: 0 });
    await second.close();
  });

  it.each([
    {
      case: 'a text file',
      code: 'store-not-database',
      prepare: (location: string) => writeFileSync(location, 'these are notes, not a database\n'.repeat(200)),
    },
    {
      case: 'another program’s SQLite database',
      code: 'store-foreign-database',
      prepare: (location: string) => {
        const raw = new Database(location);
        raw.exec('CREATE TABLE recipes (name TEXT)');
        raw.close();
      },
    },
    {
      case: 'a store from a newer crosscheck',
      code: 'store-newer-schema',
      prepare: (location: string) => {
        const raw = new Database(location);
        raw.exec(
          `CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (${SQLITE_SCHEMA_VERSION + 5})`,
        );
        raw.close();
      },
    },
    {
      case: 'a path below a file',
      code: 'store-open-failed',
      prepare: () => undefined,
      below: true,
    },
  ])('refuses $case with $code, naming the path', async ({ code, prepare, below }) => {
    const folder = path.dirname(freshPath());
    const file = path.join(folder, 'existing.db');
    mkdirSync(folder, { recursive: true });
    let location = file;
    if (below === true) {
      writeFileSync(file, 'a plain file');
      location = path.join(file, 'inside', 'crosscheck.db');
    } else {
      prepare(file);
    }
    const error = await openError(location);
    expect(error.code).toBe(code);
    expect(error.message).toContain(location);
    expect(error.location).toBe(location);
  });

  it('upgrades nothing and fails cleanly for a newer schema without touching the file', async () => {
    const location = freshPath();
    const store = await openSqliteStore(location);
    await store.ingest(makeBatch({ articles: [makeArticle('A body that must survive.')] }));
    await store.close();
    const raw = new Database(location);
    raw.exec(`UPDATE schema_version SET version = ${SQLITE_SCHEMA_VERSION + 1}`);
    raw.close();
    expect((await openError(location)).code).toBe('store-newer-schema');
    const check = new Database(location, { readonly: true });
    expect(check.prepare('SELECT count(*) AS count FROM articles').get()).toEqual({ count: 1 });
    check.close();
  });

  it('a process killed in the middle of an ingest loses nothing that was committed', async () => {
    const location = freshPath();
    const marker = path.join(path.dirname(location), 'marker');
    const committed = 3;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./crash-child.ts', import.meta.url)),
        location,
        marker,
        String(committed),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    const deadline = Date.now() + 25_000;
    while (!existsSync(marker) && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(existsSync(marker), `the child never reached the open transaction: ${stderr}`).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = await openSqliteStore(location);
    try {
      expect(await store.counts()).toEqual({ articles: committed * CRASH_BATCH_SIZE, stories: committed });
      for (let batch = 0; batch < committed; batch += 1) {
        const story = await store.getStory(`story-${batch}`);
        expect(story?.articleIds).toHaveLength(CRASH_BATCH_SIZE);
        expect((await store.getArticle(articleIdFor(crashBody(batch, 7))))?.outlet).toBe(`Outlet ${batch}`);
      }
      for (const index of [0, 1, PARTIAL_SIZE - 1]) {
        expect(await store.getArticle(articleIdFor(crashBody('partial', index)))).toBeUndefined();
      }
      expect(await store.getStory('story-partial')).toBeUndefined();
      expect(await store.getClustererState()).toBe(JSON.stringify({ batches: committed }));
      expect((await store.search('ramp', { limit: 1000, offset: 0 })).hits.length).toBe(
        committed * CRASH_BATCH_SIZE,
      );
      const after = await store.ingest(
        makeBatch({ articles: [makeArticle(crashBody('partial', 0))], at: '2025-03-14T00:00:00Z' }),
      );
      expect(after.added).toHaveLength(1);
    } finally {
      await store.close();
    }
    const raw = new Database(location, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 40_000);
});
