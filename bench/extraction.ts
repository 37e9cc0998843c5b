/**
 * Extraction speed: pages per second of crosscheck's HTML extractor (decode + {@link extractArticle})
 * over the 116 saved pages of the article-extraction benchmark, on one thread. Target: 50 pages/s.
 *
 * Both wall-clock and CPU-time rates are reported: on a shared machine the wall clock counts time
 * other processes took, while CPU time counts only this process's (its garbage collector threads
 * included, so the CPU rate is the conservative one of the two on an idle machine). Plain
 * Readability 0.6 over linkedom (parse, `parse()`, `textContent`) is timed on the same pages in the
 * same process as a baseline, so a loaded machine can be told apart from a slow extractor.
 *
 * Usage: `npx tsx bench/extraction.ts [rounds]`, or `benchExtraction()` from `bench/run.ts`.
 * @packageDocumentation
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type BenchmarkPage, loadBenchmarkPages } from '../eval/extraction.js';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { extractArticle } from '../src/ingest/html/extract-article.js';

/** The target, pages per second on one core. */
export const EXTRACTION_TARGET_PAGES_PER_SECOND = 50;

/** What the extraction bench measured. */
export interface ExtractionBenchResult {
  pages: number;
  /** Decompressed HTML size of all pages, in megabytes. */
  megabytes: number;
  /** The untimed first pass: cold JIT, in milliseconds. */
  warmUpMs: number;
  /** Wall-clock milliseconds of each timed pass over all pages. */
  roundsMs: number[];
  /** CPU milliseconds (user + system) of each timed pass. */
  roundsCpuMs: number[];
  /** Pages per second from the median wall-clock pass. */
  pagesPerSecond: number;
  /** Pages per second from the median CPU-time pass. */
  cpuPagesPerSecond: number;
  megabytesPerSecond: number;
  /** Pages judged no article (they still count: their time was spent). */
  failures: number;
  /** Plain Readability + linkedom on the same pages, when measured. */
  baseline?: { pagesPerSecond: number; cpuPagesPerSecond: number };
}

/** The bench could not run: the benchmark pages are absent. */
export interface ExtractionBenchMissing {
  missing: string;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Plain Readability over linkedom, as a reader would use it (the baseline). */
function readabilityAll(pages: readonly BenchmarkPage[]): number {
  let failures = 0;
  for (const page of pages) {
    const { document } = parseHTML(decodeHtml(page.bytes).text);
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    if (!article?.textContent) failures++;
  }
  return failures;
}

/** Wall and CPU milliseconds of `rounds` timed passes of `run` after one untimed warm-up pass. */
function timePasses(
  run: () => number,
  rounds: number,
): { warmUpMs: number; failures: number; roundsMs: number[]; roundsCpuMs: number[] } {
  let started = performance.now();
  const failures = run();
  const warmUpMs = performance.now() - started;
  const roundsMs: number[] = [];
  const roundsCpuMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu = process.cpuUsage();
    started = performance.now();
    run();
    roundsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    roundsCpuMs.push((used.user + used.system) / 1000);
  }
  return { warmUpMs, failures, roundsMs, roundsCpuMs };
}

function extractAll(pages: readonly BenchmarkPage[]): number {
  let failures = 0;
  for (const page of pages) {
    const result = extractArticle(
      decodeHtml(page.bytes).text,
      page.url === undefined ? {} : { url: page.url },
    );
    if (!result.ok) failures++;
  }
  return failures;
}

/**
 * Times the extractor over the benchmark pages: one warm-up pass, then `rounds` timed passes; then
 * the same for plain Readability as a baseline unless `baseline` is false.
 * @param options - number of timed passes (default 3), whether to time the baseline (default true)
 */
export function benchExtraction(
  options: { rounds?: number; baseline?: boolean } = {},
): ExtractionBenchResult | ExtractionBenchMissing {
  const pages = loadBenchmarkPages();
  if (pages === undefined)
    return { missing: 'the extraction benchmark pages (../shared/data/extraction/html)' };
  const rounds = Math.max(1, options.rounds ?? 3);
  const bytes = pages.reduce((sum, page) => sum + page.bytes.length, 0);
  const ours = timePasses(() => extractAll(pages), rounds);
  const wallMs = median(ours.roundsMs);
  const megabytes = bytes / (1024 * 1024);
  const result: ExtractionBenchResult = {
    pages: pages.length,
    megabytes,
    warmUpMs: ours.warmUpMs,
    roundsMs: ours.roundsMs,
    roundsCpuMs: ours.roundsCpuMs,
    pagesPerSecond: (pages.length * 1000) / wallMs,
    cpuPagesPerSecond: (pages.length * 1000) / median(ours.roundsCpuMs),
    megabytesPerSecond: (megabytes * 1000) / wallMs,
    failures: ours.failures,
  };
  if (options.baseline !== false) {
    const baseline = timePasses(() => readabilityAll(pages), rounds);
    result.baseline = {
      pagesPerSecond: (pages.length * 1000) / median(baseline.roundsMs),
      cpuPagesPerSecond: (pages.length * 1000) / median(baseline.roundsCpuMs),
    };
  }
  return result;
}

/** A short plain-text report of a bench result, with the target verdict. */
export function formatExtractionBench(result: ExtractionBenchResult | ExtractionBenchMissing): string {
  if ('missing' in result) return `extraction: skipped, ${result.missing} absent`;
  const verdict = (rate: number): string => (rate >= EXTRACTION_TARGET_PAGES_PER_SECOND ? 'ok' : 'MISSED');
  return [
    `extraction: ${result.pages} pages, ${result.megabytes.toFixed(1)} MB of HTML, ${result.roundsMs.length} timed pass(es) after a ${(result.warmUpMs / 1000).toFixed(1)} s warm-up`,
    `  wall clock: ${result.pagesPerSecond.toFixed(1)} pages/s (${result.megabytesPerSecond.toFixed(2)} MB/s), target ≥ ${EXTRACTION_TARGET_PAGES_PER_SECOND}: ${verdict(result.pagesPerSecond)}`,
    `  CPU time:   ${result.cpuPagesPerSecond.toFixed(1)} pages/s, target ≥ ${EXTRACTION_TARGET_PAGES_PER_SECOND}: ${verdict(result.cpuPagesPerSecond)}`,
    `  passes (wall ms): ${result.roundsMs.map((ms) => ms.toFixed(0)).join(', ')}; pages judged no article: ${result.failures}`,
    ...(result.baseline === undefined
      ? []
      : [
          `  baseline, plain Readability 0.6 + linkedom on the same pages: ${result.baseline.pagesPerSecond.toFixed(1)} pages/s wall, ${result.baseline.cpuPagesPerSecond.toFixed(1)} CPU`,
        ]),
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rounds = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  console.log(formatExtractionBench(benchExtraction(rounds === undefined ? {} : { rounds })));
}
