/**
 * The PostgreSQL adapter against a real server: the shared store contract, one fresh schema per store,
 * plus what only PostgreSQL can get wrong (tsquery syntax in user input, the transaction on a server
 * error, concurrent migrations, connection errors). Every text here is invented for the tests.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, type PoolConfig } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/cli/run.js';
import { articleIdFor, StoreError } from '../../src/store/index.js';
import {
  openPostgresStore,
  POSTGRES_SCHEMA_VERSION,
  type PostgresConnection,
  type PostgresStore,
} from '../../src/store/postgres.js';
import { makeArticle, makeBatch, openFailure, runStoreContract } from './contract.js';
import { startTestPostgres } from './postgres-server.js';

const example = fileURLToPath(new URL('../../examples/harbour-bridge', import.meta.url));
const started = await startTestPostgres();
const server = started.server;
if (server === undefined) {
  console.warn(`PostgreSQL store tests skipped: ${started.reason}`);
}

/** Every schema made here, dropped at the end when the server outlives the tests. */
const schemas: string[] = [];
const freshSchema = (): string => {
  const name = `test_${randomBytes(6).toString('hex')}`;
  schemas.push(name);
  return name;
};

/** The test server's connection with another database. */
function withDatabase(connection: PostgresConnection, database: string): PostgresConnection {
  if (typeof connection !== 'string') return { ...connection, database };
  // By pattern, not WHATWG URL: it rejects socket URLs such as postgresql://user@/db?host=/run/pg.
  return connection.replace(/^([a-z]+:\/\/[^/?#]*)(\/[^?#]*)?/i, `$1/${database}`);
}

/** Runs one statement on the test server outside any store. */
async function raw<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client(server!.connection as string | PoolConfig);
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

function openError(connection: PostgresConnection, schema?: string): Promise<StoreError> {
  return openFailure(openPostgresStore(connection, schema === undefined ? {} : { schema }));
}

afterAll(async () => {
  if (server === undefined) return;
  // A throwaway server goes whole; a shared one (CROSSCHECK_TEST_POSTGRES) loses only our schemas.
  if (typeof server.connection === 'string') {
    for (const schema of schemas) await raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  await server.stop();
});

describe.skipIf(server === undefined)('postgres store', () => {
  const connection = server?.connection ?? '';

  runStoreContract('postgres', () => openPostgresStore(connection, { schema: freshSchema() }), {
    reopen: async (store) => {
      await store.close();
      return openPostgresStore(connection, { schema: (store as PostgresStore).schema! });
    },
    writeStoredReport: async (store, storyId, json) => {
      await raw(`UPDATE "${(store as PostgresStore).schema!}".stories SET report = $1 WHERE id = $2`, [
        json,
        storyId,
      ]);
    },
  });

  describe('search input is text, never tsquery syntax', () => {
    const bodies = [
      "The lighthouse keeper's logbook lists a storm at dawn.",
      'A storm warning closed the quay; the ferry stayed moored.',
      'The pier café served soup to stranded walkers.',
    ];
    it.each([
      // Each operator or quote character must act as a separator, never as syntax.
      { query: "keeper's", hits: 1 },
      { query: "keeper'", hits: 1 },
      { query: 'storm | soup', hits: 0 },
      { query: 'storm & ferry', hits: 1 },
      { query: '!ferry', hits: 1 },
      { query: 'storm <-> dawn', hits: 1 },
      { query: '(storm) & !(ferry)', hits: 1 },
      { query: 'ferry:*', hits: 1 },
      { query: 'fer:* | soup', hits: 0 },
      { query: 'fer*', hits: 1 },
      { query: "'storm':A", hits: 2 },
      { query: '\\storm\\', hits: 2 },
      { query: "storm' | 'soup", hits: 0 },
      { query: '"storm warning', hits: 1 },
      { query: "'; DROP TABLE articles; --", hits: 0 },
      { query: "') OR 1=1 --", hits: 0 },
      { query: 'café', hits: 1 },
      { query: ':* & | ! ( ) <->', hits: 0 },
      { query: 'x'.repeat(3000), hits: 0 },
      { query: `storm ${'y'.repeat(3000)}`, hits: 0 },
    ])('$query matches $hits article(s) literally', async ({ query, hits }) => {
      const store = await openPostgresStore(connection, { schema: freshSchema() });
      try {
        await store.ingest(makeBatch({ articles: bodies.map((body) => makeArticle(body)) }));
        const found = (await store.search(query, { limit: 10, offset: 0 })).hits;
        expect(found.filter((hit) => hit.kind === 'article')).toHaveLength(hits);
        const listed = await store.listStories({ query, limit: 10, offset: 0 });
        expect(listed.total).toBe(0);
        expect(await store.counts()).toEqual({ articles: 3, stories: 0 });
      } finally {
        await store.close();
      }
    });
  });

  it('a batch the server rejects midway (a NUL character in row 30) leaves nothing behind', async () => {
    const store = await openPostgresStore(connection, { schema: freshSchema() });
    try {
      await store.ingest(makeBatch({ articles: [makeArticle('An invented article kept before.')] }));
      const articles = Array.from({ length: 40 }, (_, index) =>
        makeArticle(`Invented row ${index} about a tide gauge${index === 30 ? '\u0000' : ''}.`),
      );
      const error = await store
        .ingest(
          makeBatch({
            articles,
            stories: [{ id: 'tide', title: 'Tide gauge' }],
            assignments: [{ articleId: articles[0]!.id, storyId: 'tide' }],
            clustererState: '{"never":true}',
          }),
        )
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('store-invalid-input');
      expect(await store.counts()).toEqual({ articles: 1, stories: 0 });
      expect(await store.getClustererState()).toBeUndefined();
      // The connection went back to the pool clean: the next batch commits.
      const next = await store.ingest(makeBatch({ articles: articles.slice(0, 30) }));
      expect(next.added).toHaveLength(30);
    } finally {
      await store.close();
    }
  });

  it('four stores opening one new schema at once migrate it once', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore(connection, { schema })),
    );
    try {
      const versions = await raw<{ version: number }>(`SELECT version FROM "${schema}".schema_version`);
      expect(versions).toEqual([{ version: POSTGRES_SCHEMA_VERSION }]);
      await Promise.all(
        stores.map((store, index) =>
          store.ingest(makeBatch({ articles: [makeArticle(`Invented body number ${index}.`)] })),
        ),
      );
      expect(await stores[0]!.counts()).toEqual({ articles: 4, stories: 0 });
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('concurrent writers to one store wait for each other and both commit', async () => {
    const schema = freshSchema();
    const [first, second] = [
      await openPostgresStore(connection, { schema }),
      await openPostgresStore(connection, { schema }),
    ];
    try {
      await first.ingest(makeBatch({ stories: [{ id: 'shared', title: 'Shared' }] }));
      const bodies = Array.from({ length: 20 }, (_, index) => `Concurrent invented body ${index}.`);
      await Promise.all(
        bodies.map((body, index) =>
          (index % 2 === 0 ? first : second).ingest(
            makeBatch({
              articles: [makeArticle(body)],
              assignments: [{ articleId: articleIdFor(body), storyId: 'shared' }],
            }),
          ),
        ),
      );
      expect((await second.getStory('shared'))?.articleIds).toHaveLength(20);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it.each([
    {
      case: 'a socket folder with no server',
      connection: (): PostgresConnection => ({
        host: '/nonexistent-crosscheck-socket-folder',
        user: 'reader',
        database: 'news',
      }),
      code: 'store-open-failed',
      says: ['/nonexistent-crosscheck-socket-folder', 'Start the'],
    },
    {
      case: 'an unknown database, password not shown',
      connection: (): PostgresConnection =>
        typeof connection === 'string'
          ? withDatabase(connection, 'no_such_database')
          : { ...connection, database: 'no_such_database', password: 'invented-secret' },
      code: 'store-open-failed',
      says: ['no_such_database', 'createdb'],
    },
    {
      case: 'a schema name that is not an identifier',
      connection: (): PostgresConnection => connection,
      schema: 'news; DROP SCHEMA public',
      code: 'store-invalid-input',
      says: ['plain identifier'],
    },
  ])('opening with $case fails with $code', async (entry) => {
    const error = await openError(entry.connection(), entry.schema);
    expect(error.code).toBe(entry.code);
    for (const text of entry.says) expect(error.message).toContain(text);
    expect(error.message).not.toContain('invented-secret');
  });

  it.each([
    {
      case: "another program's tables",
      prepare: (schema: string) => `CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".invoices (id int)`,
      code: 'store-foreign-database',
    },
    {
      case: 'a newer crosscheck schema',
      prepare: (schema: string) =>
        `CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".schema_version (version int);
         INSERT INTO "${schema}".schema_version VALUES (${POSTGRES_SCHEMA_VERSION + 1})`,
      code: 'store-newer-schema',
    },
  ])('refuses a schema holding $case', async ({ prepare, code }) => {
    const schema = freshSchema();
    await raw(prepare(schema));
    const error = await openError(connection, schema);
    expect(error.code).toBe(code);
    expect(error.message).toContain(schema);
  });
});

describe.skipIf(server === undefined)('the CLI over PostgreSQL', () => {
  it('ingests the example corpus into a postgresql:// URL given as --db and lists its story', async () => {
    const database = `cli_${randomBytes(6).toString('hex')}`;
    await raw(`CREATE DATABASE ${database}`);
    const connection = server!.connection;
    // The throwaway server listens on a socket folder only: libpq's URL form takes it as `host=`.
    const url =
      typeof connection === 'string'
        ? (withDatabase(connection, database) as string)
        : `postgresql://${connection.user}@localhost/${database}?host=${encodeURIComponent(String(connection.host))}`;
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text: string) => {
        stdout += text;
      },
      stderr: (text: string) => {
        stderr += text;
      },
      isTerminal: false,
    };
    try {
      expect(await runCli(['ingest', example, '--db', url], io), stderr).toBe(EXIT.ok);
      expect(stdout).toMatch(/ingested 6 new article\(s\)/);
      stdout = '';
      expect(await runCli(['stories', '--db', url, '--format', 'json'], io), stderr).toBe(EXIT.ok);
      const listing = JSON.parse(stdout) as { total: number; items: Array<{ size: number }> };
      expect(listing.total).toBe(1);
      expect(listing.items[0]!.size).toBe(6);
    } finally {
      await raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });

  it('names the database without its password when it cannot connect', async () => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (text: string) => (stderr += text), isTerminal: false };
    const code = await runCli(
      ['stories', '--db', 'postgresql://reader:hunter2@127.0.0.1:1/newsroom?connect_timeout=2'],
      io,
    );
    expect(code).not.toBe(EXIT.ok);
    expect(stderr).toMatch(/127\.0\.0\.1:1/);
    expect(stderr).not.toMatch(/hunter2/);
  });
});
