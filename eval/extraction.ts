/**
 * The article-extraction benchmark (scrapinghub, 116 of its 181 pages): the stored outputs of the
 * published extractors and crosscheck's own HTML extractor (run on the saved pages) scored with
 * {@link evaluateExtraction}, beside the data README's figures.
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  type ExtractedBody,
  type ExtractionScores,
  evaluateExtraction,
} from '../src/eval/extraction-metrics.js';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { extractArticle } from '../src/ingest/html/extract-article.js';
import { dataAvailable, dataPath } from './data-paths.js';

/** Ground truth of the benchmark. */
export const EXTRACTION_TRUTH_PATH = dataPath('extraction', 'ground-truth.json');
/** Directory of the extractors' stored outputs, `<extractor>.json`. */
export const EXTRACTION_OUTPUT_DIRECTORY = dataPath('extraction', 'output');
/** Directory of the saved pages, `<id>.html.gz`. */
export const EXTRACTION_HTML_DIRECTORY = dataPath('extraction', 'html');
/** The name crosscheck's own extractor has in the table. */
export const CROSSCHECK_EXTRACTOR = 'crosscheck';

/** F1 of the data README, by output file stem. */
export const PUBLISHED_EXTRACTION_F1: Readonly<Record<string, number>> = {
  rs_trafilatura: 0.976,
  AutoExtract: 0.973,
  go_trafilatura: 0.973,
  trafilatura: 0.968,
  news_please: 0.962,
  newspaper: 0.962,
  Diffbot: 0.961,
  readability_js: 0.953,
  go_readability: 0.944,
  go_domdistiller: 0.931,
  readability: 0.929,
  dragnet: 0.915,
  goose3: 0.906,
  boilerpipe: 0.861,
  justext: 0.833,
  'html-text': 0.676,
};

/** Whether the ground truth and the outputs are present. */
export function extractionAvailable(): boolean {
  return dataAvailable(EXTRACTION_TRUTH_PATH, EXTRACTION_OUTPUT_DIRECTORY);
}

/** The benchmark's ground truth, page id → `{articleBody}`. */
export function loadExtractionTruth(): Record<string, ExtractedBody> {
  return JSON.parse(readFileSync(EXTRACTION_TRUTH_PATH, 'utf8')) as Record<string, ExtractedBody>;
}

/** One extractor's stored output file. */
export interface ExtractorOutput {
  version?: string;
  output: Record<string, ExtractedBody>;
}

/** Reads one extractor's outputs by file stem (e.g. `trafilatura`). */
export function loadExtractorOutput(extractor: string): ExtractorOutput {
  return JSON.parse(
    readFileSync(path.join(EXTRACTION_OUTPUT_DIRECTORY, `${extractor}.json`), 'utf8'),
  ) as ExtractorOutput;
}

/** The extractors with a stored output, sorted by name. */
export function listExtractors(): string[] {
  return readdirSync(EXTRACTION_OUTPUT_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** One extractor's scores, with its version and the README's F1 where it gives one. */
export interface ExtractionRow {
  extractor: string;
  version?: string;
  scores: ExtractionScores;
  publishedF1?: number;
}

/** One saved page of the benchmark, decompressed (bytes: the page may declare any charset). */
export interface BenchmarkPage {
  id: string;
  url?: string;
  bytes: Uint8Array;
}

/** The benchmark's saved pages in ground-truth order, or undefined when the HTML directory is absent. */
export function loadBenchmarkPages(): BenchmarkPage[] | undefined {
  if (!existsSync(EXTRACTION_HTML_DIRECTORY) || !existsSync(EXTRACTION_TRUTH_PATH)) return undefined;
  const truth = JSON.parse(readFileSync(EXTRACTION_TRUTH_PATH, 'utf8')) as Record<string, { url?: string }>;
  return Object.entries(truth).map(([id, page]) => ({
    id,
    ...(page.url === undefined ? {} : { url: page.url }),
    bytes: gunzipSync(readFileSync(path.join(EXTRACTION_HTML_DIRECTORY, `${id}.html.gz`))),
  }));
}

/** What crosscheck's extractor made of the benchmark pages. */
export interface CrosscheckExtraction {
  /** Page id → extracted body (empty when the page was judged no article). */
  output: Record<string, ExtractedBody>;
  /** Pages judged no article, with the reason. */
  failures: Array<{ id: string; message: string }>;
}

/**
 * Runs crosscheck's extractor (decode, then {@link extractArticle} with the page's URL) on every page.
 * @param pages - from {@link loadBenchmarkPages}
 */
export function extractBenchmarkPages(pages: readonly BenchmarkPage[]): CrosscheckExtraction {
  const output: Record<string, ExtractedBody> = {};
  const failures: CrosscheckExtraction['failures'] = [];
  for (const page of pages) {
    const result = extractArticle(
      decodeHtml(page.bytes).text,
      page.url === undefined ? {} : { url: page.url },
    );
    output[page.id] = { articleBody: result.ok ? result.article.text : '' };
    if (!result.ok) failures.push({ id: page.id, message: result.message });
  }
  return { output, failures };
}

/** crosscheck's own row, or undefined when the saved pages are absent. */
export function runCrosscheckExtraction(
  truth: Record<string, ExtractedBody> = loadExtractionTruth(),
): ExtractionRow | undefined {
  const pages = loadBenchmarkPages();
  if (pages === undefined) return undefined;
  const { output } = extractBenchmarkPages(pages);
  return {
    extractor: CROSSCHECK_EXTRACTOR,
    version: 'this build',
    scores: evaluateExtraction(truth, output),
  };
}

/** Scores every stored extractor output and crosscheck's own extractor, best F1 first. */
export function runExtraction(): ExtractionRow[] {
  const truth = loadExtractionTruth();
  const ours = runCrosscheckExtraction(truth);
  return listExtractors()
    .map((extractor) => {
      const output = loadExtractorOutput(extractor);
      const row: ExtractionRow = { extractor, scores: evaluateExtraction(truth, output.output) };
      if (output.version !== undefined) row.version = output.version;
      const published = PUBLISHED_EXTRACTION_F1[extractor];
      if (published !== undefined) row.publishedF1 = published;
      return row;
    })
    .concat(ours === undefined ? [] : [ours])
    .sort((a, b) => b.scores.f1 - a.scores.f1 || a.extractor.localeCompare(b.extractor));
}
