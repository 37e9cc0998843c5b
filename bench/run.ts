/**
 * `npm run bench`: times `synthesize` on the example corpus, the seeds and synthetic stories of
 * 10, 100 and 1,000 articles, each in a child process (bench/one.ts) so memory figures stay apart;
 * `seeds-cli` is the seed story under the CLI's V8 flags.
 * Then runs the benches of the other parts (extraction, cluster, store, api), each in its own process.
 * Usage: `tsx bench/run.ts [case…]` with cases among example, seeds, 10, 100, 1000, extraction, cluster,
 * store, api, doubling, lexicon (default: all).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './corpus.js';
import type { CaseResult } from './one.js';
import { table } from './table.js';

const DEFAULT_CASES = ['example', 'seeds', 'seeds-cli', '10', '100', '1000'];
/** A case that takes longer than this is reported as timed out rather than hanging the bench. */
const CASE_TIMEOUT_MS = 15 * 60 * 1000;
/** Growth above this (time ratio over size ratio) is flagged as not near linear. */
const GROWTH_LIMIT = 1.5;

type Outcome = { name: string; result?: CaseResult; failure?: string };

function runCase(name: string): Outcome {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(repoRoot, 'bench/one.ts'), name],
    { cwd: repoRoot, encoding: 'utf8', timeout: CASE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.error !== undefined) return { name, failure: child.error.message };
  if (child.status !== 0) {
    const lastError = child.stderr.trim().split('\n').slice(-3).join(' | ');
    return { name, failure: `exit ${String(child.status ?? child.signal)}: ${lastError}` };
  }
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return { name, result: JSON.parse(line) as CaseResult };
  } catch {
    return { name, failure: `unreadable output: ${line.slice(0, 200)}` };
  }
}

const format = (value: number, digits = 1): string => value.toFixed(digits);
const group = (value: number): string => Math.round(value).toLocaleString('en-US');

/** Benches of the other parts, each a script of its own that prints its own table. */
const PART_BENCHES = ['extraction', 'cluster', 'store', 'api', 'doubling', 'lexicon'];
const requested = process.argv.slice(2);
const cases = requested.length > 0 ? requested.filter((name) => !PART_BENCHES.includes(name)) : DEFAULT_CASES;
const parts = requested.length > 0 ? requested.filter((name) => PART_BENCHES.includes(name)) : PART_BENCHES;
const outcomes: Outcome[] = [];
for (const name of cases) {
  process.stderr.write(`bench: ${name}…\n`);
  outcomes.push(runCase(name));
}

if (cases.length > 0) console.log('## synthesize\n');
const rows: string[][] = [];
const messages: string[] = [];
let previous: CaseResult | undefined;
for (const { name, result, failure } of outcomes) {
  if (failure !== undefined || result === undefined) {
    messages.push(`${name}: FAILED (${failure ?? 'no result'})`);
    continue;
  }
  if (result.missing !== undefined) {
    messages.push(
      `${name}: skipped, ${result.missing} (the shared data sits beside the repository in ../shared)`,
    );
    continue;
  }
  if (result.note !== undefined) messages.push(`${name}: ${result.note}`);
  // Growth compares consecutive synthetic sizes only: the example and the seeds are other texts.
  const synthetic = /^\d+$/.test(name);
  let growth = '';
  if (synthetic && previous !== undefined) {
    growth = format(result.medianMs / previous.medianMs / (result.articles / previous.articles), 2);
  }
  if (synthetic) previous = result;
  rows.push([
    name,
    group(result.articles),
    group(result.words),
    format(result.startupMs, 0),
    result.firstMs === undefined ? '–' : format(result.firstMs),
    format(result.medianMs),
    String(result.runsMs.length),
    group(result.words / (result.medianMs / 1000)),
    growth,
    format(result.maxRssMb),
    result.reportHeapMb === null ? '–' : format(Math.max(0, result.reportHeapMb)),
    String(result.summaryWords),
  ]);
}

if (rows.length > 0)
  console.log(
    table(
      [
        'case',
        'articles',
        'words',
        'start-up ms',
        'first ms',
        'median ms',
        'runs',
        'words/s',
        'growth',
        'peak RSS MB',
        'report heap MB',
        'summary words',
      ],
      rows,
    ),
  );
if (rows.length > 0)
  console.log(
    '\nstart-up: process start until synthesize is imported (tsx); first: the cold first call (for 1000, the' +
      '\nwarm-up ran on its first 100 articles); median: of the timed calls after the warm-up; growth: time ratio' +
      '\nover size ratio against the previous synthetic size (1 = linear); peak RSS: the child process maxRSS;' +
      '\nreport heap: heap still held after the calls (the report and caches), after a collection.',
  );

const results = new Map(
  outcomes.flatMap((outcome) =>
    outcome.result?.missing === undefined && outcome.result ? [[outcome.name, outcome.result]] : [],
  ),
);
const verdict = (pass: boolean): string => (pass ? 'ok' : 'MISSED');
const targets: string[][] = [];
const seeds = results.get('seeds');
if (seeds !== undefined) {
  // "After start-up" is read both ways: the cold first call a one-shot CLI pays, and a warm call.
  if (seeds.firstMs !== undefined) {
    targets.push([
      'seeds < 100 ms after start-up (cold first call)',
      `${format(seeds.firstMs)} ms`,
      verdict(seeds.firstMs < 100),
    ]);
  }
  const asCli = results.get('seeds-cli');
  if (asCli?.firstMs !== undefined) {
    targets.push([
      'seeds < 100 ms after start-up (cold first call, CLI flags)',
      `${format(asCli.firstMs)} ms`,
      verdict(asCli.firstMs < 100),
    ]);
  }
  targets.push([
    'seeds < 100 ms after start-up (warm median)',
    `${format(seeds.medianMs)} ms`,
    verdict(seeds.medianMs < 100),
  ]);
}
const hundred = results.get('100');
if (hundred !== undefined) {
  targets.push([
    '100 articles < 1 s',
    `median ${format(hundred.medianMs)} ms`,
    verdict(hundred.medianMs < 1000),
  ]);
}
for (const [from, to] of [
  ['10', '100'],
  ['100', '1000'],
] as const) {
  const small = results.get(from);
  const large = results.get(to);
  if (small === undefined || large === undefined) continue;
  const growth = large.medianMs / small.medianMs / (large.articles / small.articles);
  targets.push([
    `growth ${from} → ${to} near linear (≤ ${GROWTH_LIMIT})`,
    format(growth, 2),
    verdict(growth <= GROWTH_LIMIT),
  ]);
}
if (targets.length > 0)
  console.log(`\n${table(['target (from the issue)', 'measured', 'verdict'], targets)}`);
if (messages.length > 0) console.log(`\n${messages.join('\n')}`);
if (outcomes.some((outcome) => outcome.failure !== undefined)) process.exitCode = 1;

for (const part of parts) {
  console.log(`\n## ${part}\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, `bench/${part}.ts`)], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: CASE_TIMEOUT_MS,
  });
  if (child.status !== 0) {
    console.log(`${part}: FAILED (exit ${String(child.status ?? child.signal)})`);
    process.exitCode = 1;
  }
}
