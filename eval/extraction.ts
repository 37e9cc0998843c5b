/**
 * The article-extraction benchmark (scrapinghub, 116 of its 181 pages): the stored outputs of the
 * published extractors scored with {@link evaluateExtraction}, beside the data README's figures.
 * crosscheck's own HTML extractor is scored here once the ingestion work lands.
 * @packageDocumentation
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ExtractedBody,
  type ExtractionScores,
  evaluateExtraction,
} from '../src/eval/extraction-metrics.js';
import { dataAvailable, dataPath } from './data-paths.js';

/** Ground truth of the benchmark. */
export const EXTRACTION_TRUTH_PATH = dataPath('extraction', 'ground-truth.json');
/** Directory of the extractors' stored outputs, `<extractor>.json`. */
export const EXTRACTION_OUTPUT_DIRECTORY = dataPath('extraction', 'output');

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

/** Scores every stored extractor output, best F1 first. */
export function runExtraction(): ExtractionRow[] {
  const truth = loadExtractionTruth();
  return listExtractors()
    .map((extractor) => {
      const output = loadExtractorOutput(extractor);
      const row: ExtractionRow = { extractor, scores: evaluateExtraction(truth, output.output) };
      if (output.version !== undefined) row.version = output.version;
      const published = PUBLISHED_EXTRACTION_F1[extractor];
      if (published !== undefined) row.publishedF1 = published;
      return row;
    })
    .sort((a, b) => b.scores.f1 - a.scores.f1 || a.extractor.localeCompare(b.extractor));
}
