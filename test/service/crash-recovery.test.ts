/**
 * Crash recovery (issue 18): `crosscheck ingest` killed with SIGKILL at each durable step of an ingest,
 * then run again, leaves the store an uninterrupted ingest of the same articles leaves: the same
 * articles, the same grouping into stories (as sets of article ids) and a current report for every
 * story, on SQLite and on PostgreSQL. The kill points are reached through the newsroom's checkpoint
 * hook and a marker file, not timing. The corpus is generated and invented.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type PoolConfig } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres } from '../store/postgres-server.js';
import {
  CRASH_CHUNK,
  type KillPoint,
  openSpecStore,
  runCrashIngest,
  type StoreSpec,
  writeCrashCorpus,
} from './crash-ingest-child.js';

const child = fileURLToPath(new URL('./crash-ingest-child.ts', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'crosscheck-crash-'));
const corpus = path.join(scratch, 'corpus');
const corpusSize = writeCrashCorpus(corpus);

const started = await startTestPostgres();
const server = started.server;
if (server === undefined) console.warn(`PostgreSQL crash-recovery tests skipped: ${started.reason}`);

afterAll(async () => {
  if (server !== undefined) {
    if (typeof server.connection === 'string') {
      for (const schema of schemas) await dropSchema(server.connection, schema);
    }
    await server.stop();
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** Every PostgreSQL schema made here, dropped at the end when the server outlives the tests. */
const schemas: string[] = [];

async function dropSchema(connection: string | PoolConfig, schema: string): Promise<void> {
  const client = new Client(connection);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * The kill points, in the order an ingest reaches them. The corpus is five chunks
 * ({@link CRASH_CHUNK} articles each), then one re-clustering pass, then a report per story. With
 * `--no-refine` the grouping is the online placement alone, which the clusterer's state committed with
 * each chunk must let the re-run continue exactly.
 */
const KILL_POINTS: ReadonlyArray<{ name: string; at: KillPoint; options: string[]; stored: number }> = [
  {
    name: 'after the first chunk commits',
    at: { point: 'chunk-committed', count: 1 },
    options: [],
    stored: CRASH_CHUNK,
  },
  {
    name: 'inside the third chunk’s transaction',
    at: { point: 'in-transaction', count: 3 },
    options: [],
    stored: 2 * CRASH_CHUNK,
  },
  {
    name: 'after the last chunk, before re-clustering',
    at: { point: 'chunk-committed', count: 5 },
    options: [],
    stored: corpusSize,
  },
  {
    name: 'after re-clustering, before any report',
    at: { point: 'clusters-committed', count: 1 },
    options: [],
    stored: corpusSize,
  },
  {
    name: 'after the third report',
    at: { point: 'report-stored', count: 3 },
    options: [],
    stored: corpusSize,
  },
  {
    name: 'after the second chunk of a --no-refine ingest',
    at: { point: 'chunk-committed', count: 2 },
    options: ['--no-refine'],
    stored: 2 * CRASH_CHUNK,
  },
];

/** What the tests compare: what an ingest leaves in the store. */
interface StoreOutcome {
  articles: number;
  /** Each story's article ids, sorted, the stories sorted: the grouping without story ids. */
  grouping: string[][];
  /** Stories with no report, or one older than their articles. */
  unreported: number;
  pendingNote: boolean;
}

async function outcomeOf(spec: StoreSpec): Promise<StoreOutcome> {
  const store = await openSpecStore(spec);
  try {
    const grouping: string[][] = [];
    let unreported = 0;
    const listing = await store.listStories({ limit: 1000, offset: 0 });
    expect(listing.total).toBeLessThan(1000);
    for (const item of listing.items) {
      const story = await store.getStory(item.id);
      grouping.push([...(story?.articleIds ?? [])].sort());
      if (story?.report === null || story?.stale !== false) unreported += 1;
    }
    grouping.sort((left, right) => left.join().localeCompare(right.join()));
    return {
      articles: (await store.counts()).articles,
      grouping,
      unreported,
      pendingNote: (await store.getPendingIngest()) !== undefined,
    };
  } finally {
    await store.close();
  }
}

/** Starts the ingest in a child process, waits until it reaches `at`, and kills it with SIGKILL. */
async function killIngestAt(spec: StoreSpec, at: KillPoint, options: readonly string[]): Promise<void> {
  const marker = path.join(scratch, `marker-${randomBytes(4).toString('hex')}`);
  const ingest: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', child, JSON.stringify(spec), `${at.point}:${at.count}`, marker, corpus, ...options],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  ingest.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    ingest.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const deadline = Date.now() + 30_000;
  while (!existsSync(marker) && ingest.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const reached = existsSync(marker);
  ingest.kill('SIGKILL');
  const end = await exited;
  expect(reached, `the ingest never reached ${at.point}:${at.count}: ${stderr}`).toBe(true);
  expect(end).toBe('SIGKILL');
}

function runRecoveryTests(label: string, freshSpec: () => StoreSpec): void {
  describe(`crash recovery on ${label}`, () => {
    /** What an uninterrupted ingest leaves, by its options. */
    const clean = new Map<string, StoreOutcome>();

    beforeAll(async () => {
      for (const options of [[], ['--no-refine']]) {
        const spec = freshSpec();
        const run = await runCrashIngest(spec, [corpus, ...options]);
        expect(run.code, run.stderr).toBe(0);
        clean.set(options.join(), await outcomeOf(spec));
      }
    });

    it('a clean ingest stores every article in several stories, each with a report', () => {
      for (const outcome of clean.values()) {
        expect(outcome.articles).toBe(corpusSize);
        expect(outcome.grouping.length).toBeGreaterThan(3);
        expect(outcome.grouping.flat()).toHaveLength(corpusSize);
        expect(outcome.unreported).toBe(0);
        expect(outcome.pendingNote).toBe(false);
      }
    });

    // Concurrent: each case waits mostly on its child process, and each has a store of its own.
    it.concurrent.each(KILL_POINTS)(
      'killed $name, a re-run gives the clean run’s stories',
      async ({ at, options, stored }) => {
        const expected = clean.get(options.join())!;
        const spec = freshSpec();
        await killIngestAt(spec, at, options);
        const killed = await outcomeOf(spec);
        // The kill left work undone, so the comparison below proves the re-run did it; a chunk killed
        // inside its transaction left none of its articles.
        expect(killed.articles).toBe(stored);
        expect(killed.pendingNote).toBe(true);
        expect(
          killed.articles < corpusSize ||
            killed.unreported > 0 ||
            JSON.stringify(killed.grouping) !== JSON.stringify(expected.grouping),
        ).toBe(true);

        const rerun = await runCrashIngest(spec, [corpus, ...options]);
        expect(rerun.code, rerun.stderr).toBe(0);
        const recovered = await outcomeOf(spec);
        expect(recovered.articles).toBe(expected.articles);
        expect(recovered.grouping).toEqual(expected.grouping);
        expect(recovered.unreported).toBe(0);
        expect(recovered.pendingNote).toBe(false);
      },
    );
  });
}

let files = 0;
runRecoveryTests('SQLite', () => {
  files += 1;
  return { sqlite: path.join(scratch, `store-${files}`, 'crosscheck.db') };
});

describe.skipIf(server === undefined)('PostgreSQL', () => {
  runRecoveryTests('PostgreSQL', () => {
    const schema = `crash_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return { postgres: server!.connection, schema };
  });
});
