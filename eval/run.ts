/**
 * `npm run eval`: runs every evaluation whose data is present, prints one table per task with
 * crosscheck beside the published baselines, and writes `eval/results/<task>.json`.
 *
 * Usage: `tsx eval/run.ts [--task neus|neus-ceiling|extraction|clustering|alignment|alignment-gold|conflicts|disagreements|entities]… [--split test|val] [--words N]`
 * - `--split val` scores crosscheck alone on the NeuS validation split (for tuning).
 * - `--words N` fixes the summary budget; by default it is calibrated on the validation split so the
 *   summaries' mean length matches the references'.
 * - `neus-ceiling` bounds whole-sentence extraction on the validation split with oracles (80 words
 *   unless `--words`).
 * @packageDocumentation
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAlignment } from './alignment.js';
import { alignmentGoldAvailable, printAlignmentGold, runAlignmentGold } from './alignment-gold.js';
import { clusteringAvailable, runClustering } from './clustering.js';
import { conflictsAvailable, printConflicts, runConflicts } from './conflicts.js';
import { RESULTS_DIRECTORY } from './data-paths.js';
import { disagreementsAvailable, printDisagreements, runDisagreements } from './disagreements.js';
import { entitiesAvailable, printEntities, runEntities } from './entities.js';
import { extractionAvailable, runExtraction } from './extraction.js';
import {
  type NeusReport,
  type NeusRow,
  neusTestAvailable,
  neusValidationAvailable,
  runNeus,
} from './neus.js';
import { type CeilingReport, runNeusCeiling } from './neus-ceiling.js';
import { clusteringScoreCells, clusteringScoreHeader, formatTable } from './table.js';

const TASKS = [
  'neus',
  'neus-ceiling',
  'extraction',
  'clustering',
  'alignment',
  'alignment-gold',
  'conflicts',
  'disagreements',
  'entities',
] as const;
type Task = (typeof TASKS)[number];

/** The summary may be this many words longer or shorter on average than the references. */
const LENGTH_TOLERANCE = 10;

function writeResult(name: string, value: unknown): string {
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const file = path.join(RESULTS_DIRECTORY, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

const points = (value: number): number => value * 100;

function neusRowCells(row: NeusRow): Array<string | number> {
  const published = row.published;
  return [
    row.system,
    points(row.scores.rouge1.f1),
    points(row.scores.rouge2.f1),
    points(row.scores.rougeL.f1),
    row.meanWords,
    published === undefined
      ? ''
      : `${published.rouge1.toFixed(2)} / ${published.rouge2.toFixed(2)} / ${published.rougeL.toFixed(2)}`,
  ];
}

function printNeus(report: NeusReport): void {
  console.log(
    `\n## NeuS ${report.split} (${report.clusters} clusters, ROUGE F1 ×100, stemmed, no truncation)`,
  );
  console.log(`budget: ${report.budget.words} words (${report.budget.source})`);
  const rows = [...report.systems, report.ours].sort((a, b) => b.scores.rouge2.f1 - a.scores.rouge2.f1);
  console.log(
    formatTable(
      ['system', 'R-1', 'R-2', 'R-L', 'mean words', 'README R-1 / R-2 / R-L'],
      rows.map((row) => neusRowCells(row)),
      [0, 2, 2, 2, 1, 0],
    ),
  );
  const gap = report.ours.meanWords - report.referenceMeanWords;
  console.log(
    `crosscheck mean length ${report.ours.meanWords.toFixed(1)} words, references ${report.referenceMeanWords.toFixed(1)} ` +
      `(${gap >= 0 ? '+' : ''}${gap.toFixed(1)})` +
      (Math.abs(gap) > LENGTH_TOLERANCE ? `: OUTSIDE ±${LENGTH_TOLERANCE}, pass --words to match` : ''),
  );
  if (report.failures.length > 0) {
    const first = report.failures[0]!;
    console.log(
      `synthesize threw on ${report.failures.length} clusters (scored as empty), first ${first.id}: ${first.message}`,
    );
  }
  console.log(`(${report.seconds.toFixed(1)} s)`);
}

function evaluateNeus(split: 'test' | 'val', words: number | undefined): void {
  if (!neusValidationAvailable() || (split === 'test' && !neusTestAvailable())) {
    console.log('\n## NeuS: skipped, the AllSides data is absent under ../shared/data/allsides');
    return;
  }
  const report = runNeus(split, words);
  printNeus(report);
  console.log(`wrote ${writeResult(split === 'test' ? 'neus' : 'neus-val', report)}`);
}

/** The budget of the ceiling table when none is given: the one calibration picks on validation. */
const CEILING_WORDS = 80;

function printCeiling(report: CeilingReport): void {
  console.log(
    `\n## NeuS ${report.split}: how far whole sentences can go (${report.clusters} clusters, ${report.words}-word budget, ROUGE F1 ×100)`,
  );
  console.log(
    formatTable(
      ['strategy', 'reads the reference', 'R-1', 'R-2', 'R-L', 'mean words'],
      report.rows.map((row) => [
        row.strategy,
        row.oracle ? 'yes (oracle)' : 'no',
        points(row.scores.rouge1.f1),
        points(row.scores.rouge2.f1),
        points(row.scores.rougeL.f1),
        row.meanWords,
      ]),
      [0, 0, 2, 2, 2, 1],
    ),
  );
  console.log(
    `references ${report.referenceMeanWords.toFixed(1)} words; the oracles bound a ranking of the outlets' own sentences (${report.seconds.toFixed(1)} s)`,
  );
}

function evaluateNeusCeiling(words: number | undefined): void {
  if (!neusValidationAvailable()) {
    console.log('\n## NeuS ceiling: skipped, the AllSides data is absent under ../shared/data/allsides');
    return;
  }
  const report = runNeusCeiling(words ?? CEILING_WORDS);
  printCeiling(report);
  console.log(`wrote ${writeResult('neus-ceiling', report)}`);
}

function evaluateExtraction(): void {
  if (!extractionAvailable()) {
    console.log('\n## Extraction: skipped, the benchmark is absent under ../shared/data/extraction');
    return;
  }
  const started = performance.now();
  const rows = runExtraction();
  console.log(`\n## Article extraction (${rows[0]?.scores.pages ?? 0} pages, shingle F1 of the benchmark)`);
  console.log(
    formatTable(
      ['extractor', 'version', 'precision', 'recall', 'F1', 'README F1'],
      rows.map((row) => [
        row.extractor,
        row.version ?? '',
        row.scores.precision,
        row.scores.recall,
        row.scores.f1,
        row.publishedF1?.toFixed(3) ?? '',
      ]),
      3,
    ),
  );
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`wrote ${writeResult('extraction', rows)}`);
}

function evaluateClustering(): void {
  const available = clusteringAvailable();
  if (!available.ecbplus && !available.allsides) {
    console.log('\n## Story clustering: skipped, neither ECB+ nor the AllSides crawl is present');
    return;
  }
  const rows = runClustering();
  console.log(
    '\n## Story clustering (crosscheck beside reference clusterers; Barhom et al. 2019: B³ F1 0.968 on ECB+ test)',
  );
  console.log(
    formatTable(
      clusteringScoreHeader('corpus', 'items'),
      rows.map((row) => clusteringScoreCells(row.corpus, row.clusterer, row.scores)),
      3,
    ),
  );
  console.log(`wrote ${writeResult('clustering', rows)}`);
}

function evaluateAlignment(): void {
  if (!conflictsAvailable()) {
    console.log('\n## Alignment: skipped, the AllSides crawl is absent under ../shared/data/allsides');
    return;
  }
  const report = runAlignment();
  console.log(
    `\n## Claim alignment on the AllSides crawl (${report.stories} stories of three outlets, no gold pairs)`,
  );
  console.log(
    formatTable(
      ['measure', 'value'],
      [
        [
          'stories with a fact all three outlets report',
          `${report.storiesWithConsensus} (${((100 * report.storiesWithConsensus) / Math.max(1, report.stories)).toFixed(1)}%)`,
        ],
        ['facts two or more outlets report, per story', report.sharedClaimsPerStory.toFixed(2)],
        [
          'false alignments per story (one outlet mixed with two of another story)',
          report.falseAlignmentsPerStory.toFixed(3),
        ],
      ],
      [0, 0],
    ),
  );
  console.log(`(${report.seconds.toFixed(1)} s)`);
  console.log(`wrote ${writeResult('alignment', report)}`);
}

function evaluateConflicts(): void {
  if (!conflictsAvailable()) {
    console.log('\n## Conflicts: skipped, the AllSides crawl is absent under ../shared/data/allsides');
    return;
  }
  const report = runConflicts();
  printConflicts(report);
  console.log(`wrote ${writeResult('conflicts', report)}`);
}

function evaluateDisagreements(): void {
  if (!disagreementsAvailable()) {
    console.log(
      '\n## Disagreements: skipped, no annotated stories under ../shared/annotation or eval/annotations/disagreements',
    );
    return;
  }
  const report = runDisagreements();
  printDisagreements(report, formatTable);
  console.log(`wrote ${writeResult('disagreements', report)}`);
}

function evaluateAlignmentGold(): void {
  if (!alignmentGoldAvailable()) {
    console.log('\n## Alignment (ECB+ gold): skipped, ECB+ is absent under ../shared/data/ecbplus');
    return;
  }
  const report = runAlignmentGold();
  printAlignmentGold(report);
  console.log(`wrote ${writeResult('alignment-gold', report)}`);
}

function evaluateEntities(): void {
  if (!entitiesAvailable()) {
    console.log('\n## Entities: skipped, ECB+ is absent under ../shared/data/ecbplus');
    return;
  }
  const report = runEntities();
  printEntities(report);
  console.log(`wrote ${writeResult('entities', report)}`);
}

/** A mistake on the command line: reported in one line, without a stack trace. */
class UsageError extends Error {}

function main(): void {
  const { values } = parseArgs({
    options: {
      task: { type: 'string', multiple: true },
      split: { type: 'string', default: 'test' },
      words: { type: 'string' },
    },
  });
  const tasks = (values.task ?? [...TASKS]) as string[];
  const unknown = tasks.filter((task) => !(TASKS as readonly string[]).includes(task));
  if (unknown.length > 0)
    throw new UsageError(`unknown task ${unknown.join(', ')}: choose from ${TASKS.join(', ')}`);
  if (values.split !== 'test' && values.split !== 'val') throw new UsageError('--split must be test or val');
  let words: number | undefined;
  if (values.words !== undefined) {
    words = Number(values.words);
    if (!Number.isInteger(words) || words < 1) throw new UsageError('--words must be a positive integer');
  }
  const run: Record<Task, () => void> = {
    neus: () => evaluateNeus(values.split as 'test' | 'val', words),
    'neus-ceiling': () => evaluateNeusCeiling(words),
    extraction: evaluateExtraction,
    clustering: evaluateClustering,
    alignment: evaluateAlignment,
    'alignment-gold': evaluateAlignmentGold,
    conflicts: evaluateConflicts,
    disagreements: evaluateDisagreements,
    entities: evaluateEntities,
  };
  for (const task of tasks as Task[]) run[task]();
}

try {
  main();
} catch (error) {
  if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
  console.error(`eval: ${error.message}`);
  console.error(
    'usage: tsx eval/run.ts [--task neus|neus-ceiling|extraction|clustering|alignment|alignment-gold|conflicts|disagreements|entities]… [--split test|val] [--words N]',
  );
  process.exitCode = 2;
}
