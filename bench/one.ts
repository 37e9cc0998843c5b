/**
 * Times `synthesize` on one bench case in a process of its own, so that the peak memory (maxRSS) of
 * one size is not inflated by another. Prints one JSON line ({@link CaseResult}) on stdout.
 * Usage: `node --expose-gc --import tsx bench/one.ts <example|seeds|10|100|1000>[-cli]`
 */
import { performance } from 'node:perf_hooks';
import { countWords, loadCorpus } from './corpus.js';

/** What one case measured; `bench/run.ts` reads it. */
export interface CaseResult {
  name: string;
  /** Why the case was skipped, when it was. */
  missing?: string;
  note?: string;
  articles: number;
  words: number;
  /** Milliseconds from process start until `synthesize` was imported (tsx start-up and transpiling). */
  startupMs: number;
  /** The first call: cold JIT, what a one-shot CLI run pays. Absent when the warm-up used a smaller set. */
  firstMs?: number;
  /** The timed calls after the warm-up. */
  runsMs: number[];
  medianMs: number;
  /** Resident set size just before the timed calls, and the process's peak, in megabytes. */
  rssBeforeMb: number;
  maxRssMb: number;
  /** Heap the report keeps alive after a collection, in megabytes (null without --expose-gc). */
  reportHeapMb: number | null;
  summaryWords: number;
}

/** Timed calls after the warm-up, by size: fewer for large sizes so the bench stays in minutes. */
function runCount(articles: number): number {
  if (articles <= 20) return 5;
  if (articles <= 200) return 3;
  return 2;
}

const name = process.argv[2];
if (name === undefined) {
  console.error('usage: bench/one.ts <example|seeds|10|100|1000>');
  process.exit(2);
}
// `<case>-cli` runs the case as the CLI does, with its V8 flags set before the engine loads.
const asCli = name.endsWith('-cli');
if (asCli) (await import('../src/cli/v8-flags.js')).applyCliV8Flags();
const { synthesize } = await import('../src/pipeline/synthesize.js');
const startupMs = performance.now();
const corpus = loadCorpus(asCli ? name.slice(0, -'-cli'.length) : name);
if ('missing' in corpus) {
  console.log(JSON.stringify({ name, missing: corpus.missing }));
  process.exit(0);
}
const { articles } = corpus;
const collect = (globalThis as { gc?: () => void }).gc;
const megabytes = (bytes: number): number => bytes / (1024 * 1024);

// Large sizes warm the JIT on their first hundred articles: a full warm-up run would double the bench.
const warmUp = articles.length > 200 ? articles.slice(0, 100) : articles;
let started = performance.now();
synthesize(warmUp);
const warmUpMs = performance.now() - started;

collect?.();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const runsMs: number[] = [];
let report = synthesize(articles.slice(0, 1));
for (let run = 0; run < runCount(articles.length); run++) {
  started = performance.now();
  report = synthesize(articles);
  runsMs.push(performance.now() - started);
}
collect?.();
const heapAfter = process.memoryUsage().heapUsed;

const sorted = [...runsMs].sort((a, b) => a - b);
const middle = Math.floor(sorted.length / 2);
const medianMs = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
const result: CaseResult = {
  name,
  articles: articles.length,
  words: articles.reduce((total, article) => total + countWords(article.body), 0),
  startupMs,
  runsMs,
  medianMs,
  rssBeforeMb: megabytes(rssBefore),
  // maxRSS is in kilobytes.
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  reportHeapMb: collect === undefined ? null : megabytes(heapAfter - heapBefore),
  summaryWords: report.summary.reduce((total, sentence) => total + countWords(sentence.text), 0),
};
if (warmUp === articles) result.firstMs = warmUpMs;
if (corpus.note !== undefined) result.note = corpus.note;
console.log(JSON.stringify(result));
