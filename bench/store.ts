/**
 * Store bench: ingest throughput of 10,000 small invented articles in batches into a fresh store, then
 * single-article lookup latency, one-article incremental ingest into the full store, search and listing.
 * Runs on an SQLite file and, when a PostgreSQL server can be started (Debian's binaries, as the tests
 * do) or CROSSCHECK_TEST_POSTGRES names one, on PostgreSQL over its Unix socket, side by side.
 * Call {@link benchStore} from bench/run.ts, or run alone: `npx tsx bench/store.ts [articles] [batch]`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, type PoolConfig } from 'pg';
import {
  articleIdFor,
  type NewArticle,
  openPostgresStore,
  openSqliteStore,
  type Store,
} from '../src/store/index.js';
import { startTestPostgres } from '../test/store/postgres-server.js';

/** Options of {@link benchStore}. */
export interface StoreBenchOptions {
  /** Articles ingested (default 10,000). */
  articles?: number;
  /** Articles per ingest transaction (default 100). */
  batchSize?: number;
  /** Articles per story, so the assignments and story upserts are exercised (default 10). */
  storySize?: number;
  /** The store to fill, fresh and empty (default: an SQLite file in a temporary folder). */
  target?: StoreTarget;
}

/** A fresh store to bench and how to measure and remove it. */
export interface StoreTarget {
  /** Name in the table. */
  label: string;
  open: () => Promise<Store>;
  /** Size on disk after the run, in megabytes (read before {@link dispose}). */
  megabytes: () => Promise<number>;
  /** Deletes what the run created. */
  dispose: () => Promise<void>;
}

/** What {@link benchStore} measured. */
export interface StoreBenchResult {
  /** The store benched (`sqlite file`, `postgresql`). */
  label: string;
  articles: number;
  batchSize: number;
  /** Wall time of all batches, excluding building the articles and hashing their ids. */
  ingestSeconds: number;
  articlesPerSecond: number;
  /** Random `getArticle` calls timed one by one. */
  lookups: number;
  lookupMedianMicroseconds: number;
  lookupP99Microseconds: number;
  /** One article (with its story upsert and assignment) ingested into the full store, as `watch` does. */
  singleIngestMedianMilliseconds: number;
  /** A two-word search over the full store, first page of 20. */
  searchMedianMilliseconds: number;
  /** The first page (20) of the story listing, unfiltered and filtered by outlet. */
  listMedianMilliseconds: number;
  /** Size on disk after the run (SQLite: database and WAL; PostgreSQL: the schema's tables and indexes). */
  fileMegabytes: number;
}

const WORDS = [
  'council',
  'harbour',
  'ferry',
  'bridge',
  'orchard',
  'frost',
  'library',
  'marathon',
  'budget',
  'tram',
  'inspection',
  'closure',
  'residents',
  'officials',
  'engineers',
  'growers',
  'route',
  'garden',
  'storm',
  'pier',
];

/** Deterministic pseudo-random numbers, so every run ingests the same articles. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A small invented article of about 60 words, unique by its number. */
function inventArticle(index: number, next: () => number): NewArticle {
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentences = Array.from(
    { length: 5 },
    (_, sentence) =>
      `The ${pick()} ${pick()} report number ${index}.${sentence} said ${pick()} and ${pick()} met ${Math.floor(next() * 1000)} ${pick()} near the ${pick()}.`,
  );
  const body = sentences.join(' ');
  const day = 1 + (index % 28);
  return {
    id: articleIdFor(body),
    body,
    title: `Report ${index} on the ${pick()}`,
    outlet: `Outlet ${index % 17}`,
    published: `2025-02-${String(day).padStart(2, '0')}`,
    url: `https://news.example/${index}`,
    features: {
      terms: Object.fromEntries(Array.from({ length: 8 }, () => [pick(), Math.round(next() * 100) / 10])),
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const percentile = (values: number[], share: number): number => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
};

/** Runs the store bench in a temporary folder, removed afterwards. */
export async function benchStore(options: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const total = options.articles ?? 10_000;
  const batchSize = options.batchSize ?? 100;
  const storySize = options.storySize ?? 10;
  const next = random(20250312);
  const articles = Array.from({ length: total }, (_, index) => inventArticle(index, next));
  const target = options.target ?? sqliteTarget();
  const store = await target.open();
  try {
    const started = performance.now();
    for (let start = 0; start < total; start += batchSize) {
      const batch = articles.slice(start, start + batchSize);
      const storyIds = [
        ...new Set(batch.map((_, offset) => `story-${Math.floor((start + offset) / storySize)}`)),
      ];
      await store.ingest({
        at: '2025-03-01T00:00:00Z',
        articles: batch,
        stories: storyIds.map((id) => ({ id, title: `Title of ${id}` })),
        assignments: batch.map((article, offset) => ({
          articleId: article.id,
          storyId: `story-${Math.floor((start + offset) / storySize)}`,
        })),
      });
    }
    const ingestSeconds = (performance.now() - started) / 1000;

    const lookups = 10_000;
    const lookupTimes: number[] = [];
    for (let count = 0; count < lookups; count += 1) {
      const id = articles[Math.floor(next() * total)]!.id;
      const before = performance.now();
      const found = await store.getArticle(id);
      lookupTimes.push((performance.now() - before) * 1000);
      if (found === undefined) throw new Error(`bench: article ${id} is missing`);
    }

    const singleTimes: number[] = [];
    for (let count = 0; count < 200; count += 1) {
      const article = inventArticle(total + count, next);
      const storyId = `story-${Math.floor(next() * (total / storySize))}`;
      const before = performance.now();
      await store.ingest({
        at: '2025-03-02T00:00:00Z',
        articles: [article],
        stories: [{ id: storyId, title: `Title of ${storyId}` }],
        assignments: [{ articleId: article.id, storyId }],
        clustererState: JSON.stringify({ documents: total + count }),
      });
      singleTimes.push(performance.now() - before);
    }

    const searchTimes: number[] = [];
    for (let count = 0; count < 50; count += 1) {
      const query = `${WORDS[count % WORDS.length]} ${WORDS[(count * 7 + 3) % WORDS.length]}`;
      const before = performance.now();
      await store.search(query, { limit: 20, offset: 0 });
      searchTimes.push(performance.now() - before);
    }

    const listTimes: number[] = [];
    for (let count = 0; count < 20; count += 1) {
      const before = performance.now();
      await store.listStories(
        count % 2 === 0 ? { limit: 20, offset: 0 } : { outlet: `Outlet ${count}`, limit: 20, offset: 0 },
      );
      listTimes.push(performance.now() - before);
    }

    await store.close();
    return {
      label: target.label,
      articles: total,
      batchSize,
      ingestSeconds,
      articlesPerSecond: total / ingestSeconds,
      lookups,
      lookupMedianMicroseconds: median(lookupTimes),
      lookupP99Microseconds: percentile(lookupTimes, 0.99),
      singleIngestMedianMilliseconds: median(singleTimes),
      searchMedianMilliseconds: median(searchTimes),
      listMedianMilliseconds: median(listTimes),
      fileMegabytes: await target.megabytes(),
    };
  } catch (error) {
    await store.close();
    throw error;
  } finally {
    await target.dispose();
  }
}

/** A fresh SQLite file in a temporary folder. */
export function sqliteTarget(): StoreTarget {
  const folder = mkdtempSync(path.join(tmpdir(), 'crosscheck-bench-store-'));
  const location = path.join(folder, 'crosscheck.db');
  const size = (file: string): number => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return {
    label: 'sqlite file',
    open: () => openSqliteStore(location),
    megabytes: async () => (size(location) + size(`${location}-wal`)) / 1024 / 1024,
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A fresh schema in a PostgreSQL server, dropped afterwards. */
export function postgresTarget(connection: string | PoolConfig, schema: string): StoreTarget {
  const query = async <Row>(sql: string, values: unknown[] = []): Promise<Row[]> => {
    const client = new Client(connection);
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  return {
    label: 'postgresql',
    open: () => openPostgresStore(connection, { schema }),
    megabytes: async () => {
      const [row] = await query<{ bytes: string | null }>(
        `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
        [schema],
      );
      return Number(row?.bytes ?? 0) / 1024 / 1024;
    },
    dispose: async () => {
      await query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** A table with one column per store benched, one row per measure. */
export function formatStoreBench(results: readonly StoreBenchResult[]): string {
  const first = results[0];
  if (first === undefined) return '';
  const rows: Array<[string, (result: StoreBenchResult) => string]> = [
    [
      `ingest ${first.articles.toLocaleString('en-US')} articles in batches of ${first.batchSize}`,
      (result) =>
        `${result.ingestSeconds.toFixed(2)} s (${Math.round(result.articlesPerSecond).toLocaleString('en-US')}/s)`,
    ],
    [
      `getArticle, ${first.lookups.toLocaleString('en-US')} random ids: median / p99`,
      (result) =>
        `${result.lookupMedianMicroseconds.toFixed(1)} / ${result.lookupP99Microseconds.toFixed(1)} µs`,
    ],
    [
      'one-article ingest into the full store (median)',
      (result) => `${result.singleIngestMedianMilliseconds.toFixed(2)} ms`,
    ],
    [
      'search, two words, first 20 hits (median)',
      (result) => `${result.searchMedianMilliseconds.toFixed(2)} ms`,
    ],
    [
      'story listing, first 20, with and without outlet filter (median)',
      (result) => `${result.listMedianMilliseconds.toFixed(2)} ms`,
    ],
    ['size on disk', (result) => `${result.fileMegabytes.toFixed(1)} MB`],
  ];
  const header = ['measure', ...results.map((result) => result.label)];
  const body = rows.map(([measure, cell]) => [measure, ...results.map(cell)]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [articles, batchSize] = process.argv.slice(2).map(Number);
  const options: StoreBenchOptions = {};
  if (articles !== undefined && Number.isInteger(articles)) options.articles = articles;
  if (batchSize !== undefined && Number.isInteger(batchSize)) options.batchSize = batchSize;
  const results = [await benchStore(options)];
  const started = await startTestPostgres();
  if (started.server === undefined) {
    console.log(`(PostgreSQL not benched: ${started.reason})`);
  } else {
    try {
      const target = postgresTarget(started.server.connection, `bench_${process.pid}`);
      results.push(await benchStore({ ...options, target }));
    } finally {
      await started.server.stop();
    }
  }
  console.log(formatStoreBench(results));
}
