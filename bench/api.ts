/**
 * API bench: latency of the read routes over stores of 1,000 and 10,000 invented articles (stories of
 * 10), served on 127.0.0.1 and loaded with autocannon for a bounded time: one story
 * (`GET /api/stories/:id`, with a stored report), the story list (first page, a deep page by offset and
 * by cursor, filtered by a query) and search (a word of one story, a word of a tenth of the store, a word
 * of every article). Then, over the larger store, `GET /api/stories` while a hostile article is ingested
 * over `POST /api/ingest` (4.8 MB of one repeated sentence; deeply nested HTML), on a newsroom that
 * synthesizes on a worker thread as `serve` does.
 *
 * The store is filled directly (one batch per 1,000 articles), placed by the real clusterer so its saved
 * state is as large as a real store's, and only the stories requested get a report (synthesized once),
 * so building it takes seconds, not the hours 1,000 syntheses would.
 * Run from bench/run.ts (`npm run bench -- api`), or alone:
 * `npx tsx bench/api.ts [articles…] [--seconds N] [--no-hostile | --hostile-only]` (default 1000 10000,
 * 5 s per route).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { articleFeatures } from '../src/cluster/features.js';
import { StoryClusterer } from '../src/cluster/story-clusterer.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { startServer } from '../src/server/serve.js';
import { openNewsroom } from '../src/service/newsroom.js';
import { workerSynthesizer } from '../src/service/worker-synthesizer.js';
import { articleIdFor, type NewArticle, openSqliteStore, type Store } from '../src/store/index.js';
import { maxOf } from '../src/text/iterables.js';
import { table } from './table.js';

/** One loaded route: what autocannon measured. */
export interface RouteResult {
  route: string;
  articles: number;
  /** Concurrent connections: 10 measures a loaded server (latency includes queueing), 1 one request's time. */
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
  maxMilliseconds: number;
  /** Non-2xx answers and connection errors (should be 0). */
  failures: number;
  /** Bytes of one answer. */
  responseBytes: number;
  /** Seconds the load ran (for the hostile rows: how long the ingest took). */
  seconds: number;
}

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests?: Array<{ method: string; path: string }>;
}) => Promise<AutocannonResult> & { stop: () => void };
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const STORY_SIZE = 10;
const STORIES_REQUESTED = 10;
const CONNECTIONS = 10;
const PAGE = 20;
const WORDS = [
  'harbour',
  'ferry',
  'council',
  'orchard',
  'library',
  'tram',
  'budget',
  'storm',
  'pier',
  'garden',
];
const OUTLETS = ['Aldous Post', 'Bay Ledger', 'Civic Wire', 'Dune Radio', 'East Gazette', 'Fjord Daily'];
/** The hostile article: 'Kim met Putin. ' × 320,000, 4.8 MB, under the API's 5 MB body cap. */
const HOSTILE_TEXT = 'Kim met Putin. '.repeat(320_000);
/** 10,000 nested elements, the depth that once overflowed Readability's stack. */
const NESTED_HTML = `<html><head><title>Nested</title></head><body>${'<div>'.repeat(10_000)}<p>${'Kim met Putin in Vladivostok on Tuesday. '.repeat(50)}</p>${'</div>'.repeat(10_000)}</body></html>`;

/** A small invented article of one story, deterministic by its numbers, with a few shared facts. */
function inventArticle(story: number, member: number): NewArticle {
  const topic = WORDS[story % WORDS.length]!;
  const other = WORDS[(story * 7 + member) % WORDS.length]!;
  const body = [
    `Officials in Port ${story} closed the ${topic} on Monday after inspectors found damage, the ${OUTLETS[member % OUTLETS.length]} reported.`,
    `Mayor Ada Lind${story} said repairs would cost $${(story % 9) + 1}.${member} million and take ${member + 2} weeks.`,
    `"We will reopen the ${topic} when it is safe," Lind${story} said on Tuesday.`,
    `Residents near the ${other} were asked to use the old road, report ${story}-${member} added.`,
  ].join('\n\n');
  return {
    id: articleIdFor(body),
    body,
    title: `Port ${story} closes its ${topic}`,
    outlet: OUTLETS[member % OUTLETS.length]!,
    // Spread over days so the list order (latest publication first) is not one big tie.
    published: `2025-${String(1 + (story % 12)).padStart(2, '0')}-${String(1 + ((story * 3 + member) % 28)).padStart(2, '0')}`,
  };
}

/**
 * Fills a store with `total` invented articles placed by a real clusterer (its state saved with them),
 * and gives the ids of a few stories spread over the store, each with a stored report.
 */
export async function fillStore(store: Store, total: number): Promise<string[]> {
  const at = '2025-12-31T00:00:00Z';
  const clusterer = new StoryClusterer();
  const storyCount = Math.ceil(total / STORY_SIZE);
  for (let first = 0; first < storyCount; first += 100) {
    const numbers = Array.from({ length: Math.min(100, storyCount - first) }, (_, offset) => first + offset);
    const articles = numbers.flatMap((story) =>
      Array.from({ length: STORY_SIZE }, (_, member) => inventArticle(story, member)),
    );
    const assignments = articles.map((article) => {
      const features = articleFeatures({ id: article.id, body: article.body });
      article.features = features;
      return { articleId: article.id, storyId: clusterer.add(article.id, features).story };
    });
    const wanted = new Set(assignments.map((assignment) => assignment.storyId));
    await store.ingest({
      at,
      articles,
      assignments,
      stories: clusterer
        .stories()
        .filter((story) => wanted.has(story.id))
        .map((story) => ({ id: story.id, title: story.title })),
      clustererState: JSON.stringify(clusterer.toJSON()),
    });
  }
  const stories = clusterer.stories();
  const requested = Array.from(
    { length: Math.min(STORIES_REQUESTED, stories.length) },
    (_, position) => stories[Math.floor((position * stories.length) / STORIES_REQUESTED)]!.id,
  );
  for (const id of requested) {
    const record = await store.getStory(id);
    const articles = await store.getArticles(record?.articleIds ?? []);
    await store.putReport(id, synthesize(articles.map((article) => ({ ...article }))), at);
  }
  return requested;
}

async function load(
  url: string,
  route: string,
  paths: string[],
  seconds: number,
  articles: number,
  connections: number,
): Promise<RouteResult> {
  const probe = await fetch(`${url}${paths[0]}`);
  const responseBytes = (await probe.arrayBuffer()).byteLength;
  if (!probe.ok) throw new Error(`bench: ${paths[0]} answered ${probe.status}`);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return resultOf(route, articles, connections, result, responseBytes, seconds);
}

function resultOf(
  route: string,
  articles: number,
  connections: number,
  result: AutocannonResult,
  responseBytes: number,
  seconds: number,
): RouteResult {
  return {
    route,
    articles,
    connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Milliseconds: result.latency.p50,
    p99Milliseconds: result.latency.p99,
    maxMilliseconds: result.latency.max,
    failures: result.non2xx + result.errors + result.timeouts,
    responseBytes,
    seconds,
  };
}

/** The cursor of the page after `pages` pages of the list, or undefined when the API gives none. */
async function cursorAfter(url: string, pages: number): Promise<string | undefined> {
  let next: string | undefined;
  for (let page = 0; page < pages; page++) {
    const query = next === undefined ? '' : `&cursor=${encodeURIComponent(next)}`;
    const body = (await (await fetch(`${url}/api/stories?limit=${PAGE}${query}`)).json()) as {
      next?: string | null;
    };
    if (typeof body.next !== 'string') return undefined;
    next = body.next;
  }
  return next;
}

/** Loads the read routes over a store of `total` articles. */
export async function benchReads(total: number, seconds: number): Promise<RouteResult[]> {
  const store = await openSqliteStore(':memory:');
  const requested = await fillStore(store, total);
  const newsroom = await openNewsroom(store, { now: () => new Date('2025-12-31T00:00:00Z') });
  const server = await startServer({ newsroom, host: '127.0.0.1', port: 0, webRoot: false });
  try {
    const { stories } = await store.counts();
    const deepOffset = Math.max(0, stories - PAGE);
    const rows: RouteResult[] = [];
    // Each route loaded by 10 connections (a busy server) and by one (the time of one request).
    const run = async (route: string, paths: string[]) => {
      for (const connections of [CONNECTIONS, 1]) {
        process.stderr.write(`bench api: ${total} articles, ${route}, ${connections} connection(s)…\n`);
        rows.push(await load(server.url, route, paths, seconds, total, connections));
      }
    };
    await run(
      'GET /api/stories/:id (10 stories in turn)',
      requested.map((id) => `/api/stories/${id}`),
    );
    await run('GET /api/stories (first page)', [`/api/stories?limit=${PAGE}`]);
    await run(`GET /api/stories (last page, offset ${deepOffset})`, [
      `/api/stories?limit=${PAGE}&offset=${deepOffset}`,
    ]);
    const deepCursor = await cursorAfter(server.url, Math.floor(deepOffset / PAGE));
    if (deepCursor !== undefined)
      await run(`GET /api/stories (page ${Math.floor(deepOffset / PAGE) + 1}, by cursor)`, [
        `/api/stories?limit=${PAGE}&cursor=${encodeURIComponent(deepCursor)}`,
      ]);
    await run('GET /api/stories?q=harbour (a tenth of the store)', [`/api/stories?limit=${PAGE}&q=harbour`]);
    await run('GET /api/search?q=Lind42 (one story)', [`/api/search?q=Lind42&limit=${PAGE}`]);
    await run('GET /api/search?q=harbour (a tenth)', [`/api/search?q=harbour&limit=${PAGE}`]);
    await run('GET /api/search?q=officials (every article)', [`/api/search?q=officials&limit=${PAGE}`]);
    return rows;
  } finally {
    await server.close();
    await newsroom.close();
  }
}

/**
 * `GET /api/stories` under load while one hostile article is ingested over the API: the latencies of the
 * reads answered from the ingest's start to its end, on a newsroom that synthesizes on a worker thread.
 */
export async function benchHostileIngest(total: number): Promise<RouteResult[]> {
  const store = await openSqliteStore(':memory:');
  await fillStore(store, total);
  const newsroom = await openNewsroom(store, {
    now: () => new Date('2025-12-31T00:00:00Z'),
    synthesizer: workerSynthesizer(),
  });
  const server = await startServer({ newsroom, host: '127.0.0.1', port: 0, webRoot: false });
  const rows: RouteResult[] = [];
  try {
    const cases: Array<[string, object]> = [
      ["'Kim met Putin. ' × 320,000 as text (4.8 MB)", { articles: [{ text: HOSTILE_TEXT }] }],
      ['10,000 nested <div>s as HTML', { articles: [{ html: NESTED_HTML, title: 'Nested' }] }],
    ];
    for (const [name, body] of cases) {
      process.stderr.write(`bench api: GET /api/stories while ingesting ${name}…\n`);
      const json = JSON.stringify(body);
      // Reads start first, so the ingest begins on a loaded server.
      const reads = autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: 600,
        requests: [{ method: 'GET', path: `/api/stories?limit=${PAGE}` }],
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = performance.now();
      const answer = await fetch(`${server.url}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json,
      });
      const ingestSeconds = (performance.now() - started) / 1000;
      await answer.arrayBuffer();
      reads.stop();
      const result = await reads;
      const row = resultOf(
        `GET /api/stories during POST /api/ingest of ${name} (answered ${answer.status})`,
        total,
        CONNECTIONS,
        result,
        0,
        ingestSeconds,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    await server.close();
    await newsroom.close();
  }
}

/** Prints the rows as one table. */
export function printRoutes(rows: readonly RouteResult[]): void {
  console.log(
    table(
      [
        'route',
        'articles',
        'conn',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'requests',
        'failures',
        'KB',
        'seconds',
      ],
      rows.map((row) => [
        row.route,
        row.articles.toLocaleString('en-US'),
        String(row.connections),
        String(Math.round(row.requestsPerSecond)),
        String(row.p50Milliseconds),
        String(row.p99Milliseconds),
        String(row.maxMilliseconds),
        String(row.requests),
        String(row.failures),
        (row.responseBytes / 1024).toFixed(1),
        row.seconds.toFixed(1),
      ]),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const secondsAt = argv.indexOf('--seconds');
  const seconds = secondsAt >= 0 ? Math.min(Number(argv[secondsAt + 1]), 10) : 5;
  const sizes = argv
    .filter((value, position) => /^\d+$/.test(value) && argv[position - 1] !== '--seconds')
    .map(Number);
  const totals = sizes.length > 0 ? sizes : [1000, 10_000];
  const rows: RouteResult[] = [];
  if (!argv.includes('--hostile-only'))
    for (const total of totals) rows.push(...(await benchReads(total, seconds)));
  if (!argv.includes('--no-hostile')) rows.push(...(await benchHostileIngest(maxOf(totals, 0))));
  console.log(
    `autocannon on 127.0.0.1 in the server's process, ${seconds} s per read route, ${CONNECTIONS} connections ` +
      '(latency includes queueing behind the other 9) and 1; hostile rows: the reads answered while the ingest ran ' +
      '(seconds = the ingest).\n',
  );
  printRoutes(rows);
  const targets: string[][] = [];
  const largest = maxOf(totals, 0);
  for (const row of rows.filter((item) => item.articles === largest && !item.route.includes('during'))) {
    if (!/GET \/api\/(?:stories \(|stories\?q|search)/.test(row.route)) continue;
    targets.push([
      `${row.route}, ${row.connections} conn: p50 ≤ 20 ms`,
      `${row.p50Milliseconds} ms`,
      row.p50Milliseconds <= 20 ? 'ok' : 'MISSED',
    ]);
  }
  for (const row of rows.filter((item) => item.route.includes('during'))) {
    targets.push([
      `${row.route.replace(/ \(answered.*/, '')}: p99 ≤ 200 ms`,
      `${row.p99Milliseconds} ms`,
      row.p99Milliseconds <= 200 ? 'ok' : 'MISSED',
    ]);
  }
  console.log(`\n${table(['target (issue 18)', 'measured', 'verdict'], targets)}`);
  console.log(JSON.stringify(rows));
}
