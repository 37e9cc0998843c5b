/**
 * API bench: latency of `GET /api/stories/:id` for a story with a stored, fresh report, over a store of
 * 10,000 invented articles in stories of 10, served on 127.0.0.1 and loaded with autocannon for a bounded
 * time. The store is filled directly (one batch per 1,000 articles) and only the stories requested get a
 * report (synthesized once), so building it takes seconds, not the hours 1,000 syntheses would.
 * Call {@link benchApi} from bench/run.ts, or run alone: `npx tsx bench/api.ts [articles] [seconds]`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { synthesize } from '../src/pipeline/synthesize.js';
import { startServer } from '../src/server/serve.js';
import { openNewsroom } from '../src/service/newsroom.js';
import { articleIdFor, type NewArticle, openSqliteStore } from '../src/store/index.js';

/** Options of {@link benchApi}. */
export interface ApiBenchOptions {
  /** Articles in the store (default 10,000). */
  articles?: number;
  /** Load duration in seconds (default 5, at most 10). */
  seconds?: number;
  /** Concurrent connections (default 10). */
  connections?: number;
}

/** What {@link benchApi} measured. */
export interface ApiBenchResult {
  articles: number;
  stories: number;
  /** Seconds spent filling the store and synthesizing the requested stories' reports. */
  setupSeconds: number;
  /** Stories requested in turn. */
  storiesRequested: number;
  responseBytes: number;
  requests: number;
  requestsPerSecond: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
  maxMilliseconds: number;
  /** Non-2xx answers and connection errors (should be 0). */
  failures: number;
}

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests?: Array<{ method: string; path: string }>;
}) => Promise<{
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}>;

const STORY_SIZE = 10;
const STORIES_REQUESTED = 10;
const MAX_SECONDS = 10;
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
    published: `2025-03-${String(10 + (member % 3)).padStart(2, '0')}`,
  };
}

/** Fills an in-memory store, serves it on loopback and loads one story route with autocannon. */
export async function benchApi(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const total = options.articles ?? 10_000;
  const seconds = Math.min(options.seconds ?? 5, MAX_SECONDS);
  const storyCount = Math.ceil(total / STORY_SIZE);
  const started = performance.now();
  const store = await openSqliteStore(':memory:');
  const at = '2025-03-12T00:00:00Z';
  for (let first = 0; first < storyCount; first += 100) {
    const stories = Array.from({ length: Math.min(100, storyCount - first) }, (_, offset) => first + offset);
    const articles = stories.flatMap((story) =>
      Array.from({ length: STORY_SIZE }, (_, member) => inventArticle(story, member)),
    );
    await store.ingest({
      at,
      articles,
      stories: stories.map((story) => ({ id: `story-${story}`, title: `Port ${story}` })),
      assignments: articles.map((article, position) => ({
        articleId: article.id,
        storyId: `story-${stories[Math.floor(position / STORY_SIZE)]}`,
      })),
    });
  }
  const requested = Array.from({ length: Math.min(STORIES_REQUESTED, storyCount) }, (_, position) =>
    Math.floor((position * storyCount) / STORIES_REQUESTED),
  );
  for (const story of requested) {
    const record = await store.getStory(`story-${story}`);
    const articles = await store.getArticles(record?.articleIds ?? []);
    await store.putReport(`story-${story}`, synthesize(articles.map((article) => ({ ...article }))), at);
  }
  const newsroom = await openNewsroom(store, { now: () => new Date(at) });
  const server = await startServer({ newsroom, host: '127.0.0.1', port: 0, webRoot: false });
  const setupSeconds = (performance.now() - started) / 1000;
  try {
    const probe = await fetch(`${server.url}/api/stories/story-${requested[0]}`);
    const responseBytes = (await probe.arrayBuffer()).byteLength;
    if (!probe.ok) throw new Error(`bench: the story route answered ${probe.status}`);
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    const result = await autocannon({
      url: server.url,
      connections: options.connections ?? 10,
      duration: seconds,
      requests: requested.map((story) => ({ method: 'GET', path: `/api/stories/story-${story}` })),
    });
    return {
      articles: total,
      stories: storyCount,
      setupSeconds,
      storiesRequested: requested.length,
      responseBytes,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50Milliseconds: result.latency.p50,
      p99Milliseconds: result.latency.p99,
      maxMilliseconds: result.latency.max,
      failures: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await server.close();
    await newsroom.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [articles, seconds] = process.argv.slice(2).map(Number);
  const result = await benchApi({
    ...(articles ? { articles } : {}),
    ...(seconds ? { seconds } : {}),
  });
  console.log(
    `API GET /api/stories/:id over ${result.articles} articles (${result.stories} stories), ${result.storiesRequested} cached stories in turn:\n` +
      `  p50 ${result.p50Milliseconds} ms, p99 ${result.p99Milliseconds} ms, max ${result.maxMilliseconds} ms, ` +
      `${Math.round(result.requestsPerSecond)} req/s, ${result.requests} requests, ${result.failures} failures, ` +
      `${Math.round(result.responseBytes / 1024)} KB per answer (setup ${result.setupSeconds.toFixed(1)} s)`,
  );
  console.log(JSON.stringify(result));
}
