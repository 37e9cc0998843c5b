/**
 * Near-linear in article length (issue 18): each row times one input at a size and at twice that size,
 * and prints the time ratio of each doubling (2 = linear, 4 = quadratic). Inputs are generated here:
 * one short sentence repeated (`'Kim met Putin. '` × n), n distinct sentences with names, figures and
 * dates, and a page of n nested `<div>`s through the extractor. Each story is the long article and a
 * short one, so alignment has two sources. Run in a fresh process by bench/run.ts, or alone:
 * `npx tsx bench/doubling.ts [case…]`.
 * @packageDocumentation
 */
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../src/ingest/html/extract-article.js';
import type { ArticleInput } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { table } from './table.js';

/** A doubling whose time ratio is above this is flagged: 1.5 × linear, the bench's growth limit. */
const RATIO_LIMIT = 3;

interface DoublingCase {
  name: string;
  unit: string;
  sizes: number[];
  run: (size: number) => unknown;
}

const short: ArticleInput = {
  id: 'short',
  published: '2024-02-20',
  body: 'Kim met Putin in Pyongyang on Tuesday. The two leaders signed a pact worth $3 billion, officials said.',
};

const story = (body: string): ArticleInput[] => [{ id: 'long', published: '2024-02-20', body }, short];

/** Distinct sentences: each names another official, figure and weekday, so nothing collapses. */
function distinctSentences(count: number): string {
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const sentences: string[] = [];
  for (let index = 0; index < count; index++) {
    sentences.push(
      `Minister Aldo Varn${index} said on ${days[index % days.length]} that ${index + 3} ships had left port ${index}.`,
    );
  }
  return sentences.join(' ');
}

const paragraph = `<p>${'The harbour bridge closed on Tuesday after engineers found a cracked girder. '.repeat(5)}</p>`;

const CASES: DoublingCase[] = [
  {
    name: 'repeated sentence',
    unit: 'sentences',
    sizes: [8_000, 16_000, 32_000],
    run: (size) => synthesize(story('Kim met Putin. '.repeat(size))),
  },
  {
    name: 'distinct sentences',
    unit: 'sentences',
    sizes: [500, 1_000, 2_000],
    run: (size) => synthesize(story(distinctSentences(size))),
  },
  {
    name: 'nested divs (extract)',
    unit: 'levels',
    sizes: [2_500, 5_000, 10_000],
    run: (size) =>
      extractArticle(`<html><body>${'<div>'.repeat(size)}${paragraph}${'</div>'.repeat(size)}</body></html>`),
  },
];

function timeOnce(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const requested = process.argv.slice(2);
const rows: string[][] = [];
let flagged = 0;
for (const doubling of CASES) {
  if (requested.length > 0 && !requested.some((name) => doubling.name.startsWith(name))) continue;
  // One untimed call at the smallest size, so the first row does not carry the JIT's warm-up.
  doubling.run(doubling.sizes[0]!);
  let previous: number | undefined;
  for (const size of doubling.sizes) {
    // The better of two runs: a collection or another process lands in one run, rarely both.
    const ms = Math.min(
      timeOnce(() => doubling.run(size)),
      timeOnce(() => doubling.run(size)),
    );
    const ratio = previous === undefined ? undefined : ms / previous;
    if (ratio !== undefined && ratio > RATIO_LIMIT) flagged++;
    rows.push([
      doubling.name,
      `${size.toLocaleString('en-US')} ${doubling.unit}`,
      ms.toFixed(0),
      ratio === undefined ? '–' : ratio.toFixed(2),
      ratio === undefined ? '' : ratio > RATIO_LIMIT ? 'NOT LINEAR' : 'ok',
    ]);
    previous = ms;
  }
}
console.log(table(['input', 'size', 'ms', 'ratio to half', 'verdict'], rows));
console.log(
  `\nratio to half: time over the time at half the size (2 = linear, 4 = quadratic); above ${RATIO_LIMIT} is flagged.`,
);
if (flagged > 0) process.exitCode = 1;
