/**
 * The NeuS multi-outlet summarisation benchmark (AllSides, Lee et al. NAACL 2022): loaders for the
 * test and validation splits and the ten published systems' outputs, and the run that scores
 * crosscheck's summary against them with {@link rouge}.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { meanRouge, type RougeResult, rouge } from '../src/eval/rouge.js';
import type { ArticleInput } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { dataAvailable, dataPath } from './data-paths.js';

/** One test cluster: three outlets' title + excerpt and the neutral human summary. */
export interface NeusCluster {
  id: string;
  sources: string[];
  reference: string;
}

/** A published system with the ROUGE F1 (in points) the data README gives for it on neus-test. */
export interface PublishedSystem {
  system: string;
  label: string;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  meanWords: number;
}

/** The ten systems of `system_outputs/`, with the figures of the data README. */
export const NEUS_SYSTEMS: readonly PublishedSystem[] = [
  {
    system: 'llama_event_relation_graph',
    label: 'llama_event_relation_graph',
    rouge1: 45.15,
    rouge2: 22.3,
    rougeL: 34.02,
    meanWords: 50,
  },
  {
    system: 'led_event_relation_graph',
    label: 'led_event_relation_graph',
    rouge1: 42.97,
    rouge2: 20.66,
    rougeL: 32.74,
    meanWords: 43,
  },
  {
    system: 'llama_baseline',
    label: 'llama_baseline (Llama-2)',
    rouge1: 42.29,
    rouge2: 19.26,
    rougeL: 30.89,
    meanWords: 52,
  },
  { system: 'neus', label: 'neus', rouge1: 39.11, rouge2: 18.94, rougeL: 29.74, meanWords: 40 },
  {
    system: 'led_baseline',
    label: 'led_baseline',
    rouge1: 40.32,
    rouge2: 18.63,
    rougeL: 30.26,
    meanWords: 48,
  },
  { system: 'lexrank', label: 'lexrank', rouge1: 42.26, rouge2: 18.16, rougeL: 26.61, meanWords: 69 },
  {
    system: 'bart_large_multi',
    label: 'bart_large_multi',
    rouge1: 39.62,
    rouge2: 16.26,
    rougeL: 24.58,
    meanWords: 89,
  },
  {
    system: 'bart_large_cnn',
    label: 'bart_large_cnn',
    rouge1: 38.27,
    rouge2: 15.74,
    rougeL: 25.54,
    meanWords: 51,
  },
  { system: 'pegasus_cnn', label: 'pegasus_cnn', rouge1: 37.65, rouge2: 15.31, rougeL: 24.81, meanWords: 52 },
  {
    system: 'pegasus_multi',
    label: 'pegasus_multi',
    rouge1: 35.34,
    rouge2: 13.27,
    rougeL: 21.26,
    meanWords: 133,
  },
];

/** Path of the test split. */
export const NEUS_TEST_PATH = dataPath('allsides', 'neus-test.jsonl');
/** Paths of the validation split (sources, one cluster a line, and targets). */
export const NEUS_VALIDATION_PATHS = [
  dataPath('allsides', 'neus_val.source'),
  dataPath('allsides', 'neus_val.target'),
];

/** Path of one system's outputs. */
export function systemOutputPath(system: string): string {
  return dataPath('allsides', 'system_outputs', `${system}.txt`);
}

/** Whether the test split and every system output are present. */
export function neusTestAvailable(): boolean {
  return dataAvailable(NEUS_TEST_PATH, ...NEUS_SYSTEMS.map((entry) => systemOutputPath(entry.system)));
}

/** Whether the validation split is present. */
export function neusValidationAvailable(): boolean {
  return dataAvailable(...NEUS_VALIDATION_PATHS);
}

/** The 307 test clusters, in file order (`test_0` …). */
export function loadNeusTest(): NeusCluster[] {
  return readFileSync(NEUS_TEST_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { id: string; sources: string[]; reference: string };
      return { id: row.id, sources: row.sources, reference: row.reference };
    });
}

/**
 * `TITLE=> t. ARTICLE=> body` as the test split writes a source: `t. body`. The model tags are input
 * formatting of the seq2seq systems, not text.
 */
function untag(text: string): string {
  return text
    .replace(/\s*TITLE=>\s*/g, ' ')
    .replace(/\s*ARTICLE=>\s*/g, ' ')
    .trim();
}

/** The validation clusters: line i of `neus_val.source` (three `[SEP]`-joined sources) and of `.target`. */
export function loadNeusValidation(): NeusCluster[] {
  const [sourcePath, targetPath] = NEUS_VALIDATION_PATHS as [string, string];
  const sources = readFileSync(sourcePath, 'utf8').split('\n');
  const targets = readFileSync(targetPath, 'utf8').split('\n');
  const clusters: NeusCluster[] = [];
  sources.forEach((line, position) => {
    if (line.trim() === '') return;
    clusters.push({
      id: `val_${position}`,
      sources: line.split('[SEP]').map(untag),
      reference: untag(targets[position] ?? ''),
    });
  });
  return clusters;
}

/**
 * One system's summaries aligned with the clusters: line i of the file is cluster `test_i`. The lines
 * are scored as written (the NeuS outputs keep stray `TITLE=>` tags, Pegasus keeps `<n>`), as the
 * published figures were computed.
 */
export function loadSystemOutputs(system: string, clusters: readonly NeusCluster[]): string[] {
  const lines = readFileSync(systemOutputPath(system), 'utf8').split('\n');
  return clusters.map((cluster) => {
    const number = /^test_(\d+)$/.exec(cluster.id)?.[1];
    return number === undefined ? '' : (lines[Number(number)] ?? '');
  });
}

/** Whitespace-separated words of a text, as the README's "mean words" column counts them. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Mean word count of texts (0 for none). */
export function meanWords(texts: readonly string[]): number {
  return texts.length === 0 ? 0 : texts.reduce((total, text) => total + wordCount(text), 0) / texts.length;
}

/** Mean ROUGE of candidates against the clusters' references, position by position. */
export function scoreCandidates(
  candidates: readonly string[],
  clusters: readonly NeusCluster[],
): RougeResult {
  return meanRouge(
    clusters.map((cluster, position) => rouge(candidates[position] ?? '', [cluster.reference])),
  );
}

/** crosscheck's summaries of some clusters, with the clusters where `synthesize` threw. */
export interface OurSummaries {
  candidates: string[];
  failures: Array<{ id: string; message: string }>;
}

/**
 * Summarises each cluster with crosscheck: sources `s0..s2` with the text as body, the summary
 * sentences joined by spaces. A cluster where `synthesize` throws scores as an empty summary and is
 * reported, so one bug does not hide the rest of the run.
 */
export function summarizeClusters(clusters: readonly NeusCluster[], words: number): OurSummaries {
  const failures: OurSummaries['failures'] = [];
  const candidates = clusters.map((cluster) => {
    const articles: ArticleInput[] = cluster.sources.map((text, position) => ({
      id: `s${position}`,
      body: text,
    }));
    try {
      return synthesize(articles, { words })
        .summary.map((sentence) => sentence.text)
        .join(' ');
    } catch (error) {
      failures.push({ id: cluster.id, message: error instanceof Error ? error.message : String(error) });
      return '';
    }
  });
  return { candidates, failures };
}

/** The budget chosen for a length and how it was chosen. */
export interface BudgetChoice {
  words: number;
  /** Mean summary length at that budget on the calibration clusters. */
  meanWords: number;
  /** Mean reference length on the calibration clusters. */
  targetWords: number;
  tried: Array<{ words: number; meanWords: number }>;
}

/**
 * Budgets tried by {@link calibrateBudget}, apart. Ten left the chosen mean 3.6 words off the references
 * (a budget of 80 fell 5 short, 90 over); five lands within one word.
 */
const BUDGET_STEP = 5;

/**
 * The word budget whose summaries come closest on average to the references' mean length, so ROUGE
 * compares like with like (ROUGE-1 recall grows with length). Budgets are tried upward in steps of
 * {@link BUDGET_STEP} until the summaries overshoot; the summariser packs whole sentences, so its mean stays under
 * the budget and the budget lands above the target.
 * @param clusters - the calibration clusters (the validation split, never the test references)
 */
export function calibrateBudget(clusters: readonly NeusCluster[]): BudgetChoice {
  const targetWords = meanWords(clusters.map((cluster) => cluster.reference));
  const tried: BudgetChoice['tried'] = [];
  for (let words = 40; words <= 200; words += BUDGET_STEP) {
    const mean = meanWords(summarizeClusters(clusters, words).candidates);
    tried.push({ words, meanWords: mean });
    if (mean >= targetWords + 5) break;
  }
  const best = tried.reduce((chosen, entry) =>
    Math.abs(entry.meanWords - targetWords) < Math.abs(chosen.meanWords - targetWords) ? entry : chosen,
  );
  return { words: best.words, meanWords: best.meanWords, targetWords, tried };
}

/** One row of the NeuS table. */
export interface NeusRow {
  system: string;
  scores: RougeResult;
  meanWords: number;
  /** The README figures, for the published systems. */
  published?: PublishedSystem;
}

/** Everything one NeuS run measured. */
export interface NeusReport {
  split: 'test' | 'val';
  clusters: number;
  budget: { words: number; source: string };
  referenceMeanWords: number;
  ours: NeusRow;
  failures: OurSummaries['failures'];
  systems: NeusRow[];
  seconds: number;
}

/**
 * Scores crosscheck (and, on the test split, the ten published systems) on NeuS.
 * @param split - `test` (with the published systems) or `val` (tuning: crosscheck alone)
 * @param words - a fixed budget, or undefined to calibrate it on the validation split
 */
export function runNeus(split: 'test' | 'val', words: number | undefined): NeusReport {
  const started = performance.now();
  const clusters = split === 'test' ? loadNeusTest() : loadNeusValidation();
  let budget: NeusReport['budget'];
  if (words !== undefined) {
    budget = { words, source: '--words' };
  } else {
    const choice = calibrateBudget(loadNeusValidation());
    budget = {
      words: choice.words,
      source: `calibrated on val: mean ${choice.meanWords.toFixed(1)} words vs references ${choice.targetWords.toFixed(1)}`,
    };
  }
  const summaries = summarizeClusters(clusters, budget.words);
  const ours: NeusRow = {
    system: `crosscheck (words: ${budget.words})`,
    scores: scoreCandidates(summaries.candidates, clusters),
    meanWords: meanWords(summaries.candidates),
  };
  const systems: NeusRow[] =
    split === 'test'
      ? NEUS_SYSTEMS.map((published) => {
          const candidates = loadSystemOutputs(published.system, clusters);
          return {
            system: published.label,
            scores: scoreCandidates(candidates, clusters),
            meanWords: meanWords(candidates),
            published,
          };
        })
      : [];
  return {
    split,
    clusters: clusters.length,
    budget,
    referenceMeanWords: meanWords(clusters.map((cluster) => cluster.reference)),
    ours,
    failures: summaries.failures,
    systems,
    seconds: (performance.now() - started) / 1000,
  };
}
