/**
 * Conflicts and stance splits on real multi-outlet coverage: each AllSides story's left, center and right
 * excerpts are synthesised as one story, and the conflicts found are counted per story and per kind.
 * A deterministic sample is written to `eval/results/conflicts-sample.md` for inspection by hand (its
 * passages are cut short: it is for judging the conflicts, not for reading the articles).
 *
 * Run alone with `tsx eval/conflicts.ts [--sample N]`, or through `npm run eval -- --task conflicts`.
 * @packageDocumentation
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput, Conflict, ConflictKind, Update } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { isStanceSplit } from '../src/stages/stance.js';
import { dataAvailable, dataPath, REPO_ROOT, RESULTS_DIRECTORY } from './data-paths.js';

/** The AllSides crawl: one story per line with the three sides' excerpts. */
export const ALLSIDES_CRAWL = dataPath('allsides', 'raw-crawl.jsonl');
const SIDES = ['left', 'center', 'right'] as const;
const KINDS: readonly ConflictKind[] = ['number', 'date', 'name', 'attribution', 'stance'];
/** Passages in the sample file are cut to this many characters. */
const PASSAGE_CHARACTERS = 220;

interface CrawlSide {
  newsSource?: string;
  newsTitle?: string;
  newBody?: string[] | string;
}
/** One line of the AllSides crawl. */
export interface CrawlStory {
  id: number;
  issue: string;
  date?: string;
  news?: Partial<Record<(typeof SIDES)[number], CrawlSide>>;
}

/** One story's result. */
export interface StoryConflicts {
  id: number;
  issue: string;
  conflicts: Conflict[];
  /** Figures later reports of the story revised. */
  updates: Update[];
  stanceSplits: number;
  reprints: number;
  /** The story's texts by source id, to show passages in the sample. */
  outlets: Record<string, string>;
}

/** What {@link runConflicts} measured. */
export interface ConflictsReport {
  stories: number;
  storiesWithConflicts: number;
  conflicts: number;
  byKind: Record<ConflictKind, number>;
  /** Updates (a figure revised by later reports) and the stories with one. */
  updates: number;
  storiesWithUpdates: number;
  stanceSplits: number;
  storiesWithStanceSplits: number;
  reprints: number;
  /** How many stories have 0, 1, 2, … conflicts (index = count, the last bucket is "that many or more"). */
  conflictsPerStory: number[];
  /** The same for stance splits. */
  stanceSplitsPerStory: number[];
  seconds: number;
  /** The sample file, relative to the repository. */
  sampleFile: string;
}

/** Histogram of per-story counts, with everything from `cap` up in the last bucket. */
function histogram(values: readonly number[], cap = 3): number[] {
  const buckets = new Array<number>(cap + 1).fill(0);
  for (const value of values) buckets[Math.min(value, cap)]!++;
  return buckets;
}

/** Whether the crawl is present. */
export function conflictsAvailable(): boolean {
  return dataAvailable(ALLSIDES_CRAWL);
}

/** A crawl story's sides as articles (id = side), with outlet, title and the story's date. */
export function articlesOf(story: CrawlStory): ArticleInput[] {
  const articles: ArticleInput[] = [];
  for (const side of SIDES) {
    const item = story.news?.[side];
    const body = Array.isArray(item?.newBody) ? item.newBody.join('\n\n') : (item?.newBody ?? '');
    if (item === undefined || body.trim() === '') continue;
    const article: ArticleInput = { id: side, body };
    if (item.newsSource !== undefined) article.outlet = item.newsSource;
    if (item.newsTitle !== undefined) article.title = item.newsTitle;
    if (story.date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(story.date))
      article.published = story.date.slice(0, 10);
    articles.push(article);
  }
  return articles;
}

/** Runs synthesize on every three-sided story of the crawl. */
export function measureStories(): StoryConflicts[] {
  const lines = readFileSync(ALLSIDES_CRAWL, 'utf8').split('\n');
  const results: StoryConflicts[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const story = JSON.parse(line) as CrawlStory;
    const articles = articlesOf(story);
    if (articles.length < 3) continue;
    const report = synthesize(articles);
    results.push({
      id: story.id,
      issue: story.issue,
      conflicts: report.conflicts,
      updates: report.updates,
      stanceSplits: report.claims.filter(isStanceSplit).length,
      reprints: report.reprints?.length ?? 0,
      outlets: Object.fromEntries(report.sources.map((source) => [source.id, source.outlet ?? source.id])),
    });
  }
  return results;
}

/** A deterministic pseudo-random order (xorshift), so the sample is the same on every run. */
function sampleOf<T>(items: readonly T[], count: number, seed = 20250310): T[] {
  let state = seed;
  const keyed = items.map((item) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return { item, key: state >>> 0 };
  });
  return keyed
    .sort((left, right) => left.key - right.key)
    .slice(0, count)
    .map(({ item }) => item);
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PASSAGE_CHARACTERS ? `${flat.slice(0, PASSAGE_CHARACTERS - 1)}…` : flat;
}

function sampleMarkdown(sample: ReadonlyArray<{ story: StoryConflicts; conflict: Conflict }>): string {
  const out = [
    '# Sampled conflicts on the AllSides crawl',
    '',
    'Written by `eval/conflicts.ts` for judging by hand: is each a real disagreement between the outlets?',
    'Passages are cut short. Verdicts are added by the person inspecting (✔ real, ✘ false, ~ debatable).',
    '',
  ];
  sample.forEach(({ story, conflict }, index) => {
    out.push(
      `## ${index + 1}. ${conflict.kind} · story ${story.id}: ${story.issue}`,
      '',
      `Topic: ${conflict.topic}`,
      '',
    );
    for (const position of conflict.positions) {
      const who = position.sources
        .map((source) => `${source} (${story.outlets[source] ?? source})`)
        .join(', ');
      out.push(`- **${position.value}** — ${who}`);
      for (const evidence of position.evidence) out.push(`  - “${cut(evidence.text)}”`);
    }
    out.push('', 'Verdict: ', '');
  });
  return `${out.join('\n')}\n`;
}

/**
 * Measures conflicts and stance splits per story and writes the hand-inspection sample.
 * @param sampleSize - how many conflicts to sample (default 20)
 */
export function runConflicts(sampleSize = 20): ConflictsReport {
  const started = performance.now();
  const stories = measureStories();
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<ConflictKind, number>;
  for (const story of stories) for (const conflict of story.conflicts) byKind[conflict.kind]++;
  const all = stories.flatMap((story) => story.conflicts.map((conflict) => ({ story, conflict })));
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const sampleFile = path.join(RESULTS_DIRECTORY, 'conflicts-sample.md');
  writeFileSync(sampleFile, sampleMarkdown(sampleOf(all, sampleSize)));
  return {
    stories: stories.length,
    storiesWithConflicts: stories.filter((story) => story.conflicts.length > 0).length,
    conflicts: all.length,
    byKind,
    updates: stories.reduce((total, story) => total + story.updates.length, 0),
    storiesWithUpdates: stories.filter((story) => story.updates.length > 0).length,
    stanceSplits: stories.reduce((total, story) => total + story.stanceSplits, 0),
    storiesWithStanceSplits: stories.filter((story) => story.stanceSplits > 0).length,
    reprints: stories.reduce((total, story) => total + story.reprints, 0),
    conflictsPerStory: histogram(stories.map((story) => story.conflicts.length)),
    stanceSplitsPerStory: histogram(stories.map((story) => story.stanceSplits)),
    seconds: (performance.now() - started) / 1000,
    sampleFile: path.relative(REPO_ROOT, sampleFile),
  };
}

/** Prints a report of {@link runConflicts} as a few lines of text. */
export function printConflicts(report: ConflictsReport): void {
  const perStory = (value: number): string =>
    report.stories === 0 ? '0' : (value / report.stories).toFixed(2);
  console.log(
    `\n## Conflicts on the AllSides crawl (${report.stories} stories with left, center and right excerpts)`,
  );
  console.log(
    `conflicts: ${report.conflicts} (${perStory(report.conflicts)} per story), in ${report.storiesWithConflicts} stories`,
  );
  console.log(`by kind: ${KINDS.map((kind) => `${kind} ${report.byKind[kind]}`).join(', ')}`);
  console.log(
    `updates (figures revised by later reports): ${report.updates}, in ${report.storiesWithUpdates} stories`,
  );
  console.log(
    `stance splits (a claim one outlet asserts and another hedges or denies): ${report.stanceSplits} ` +
      `(${perStory(report.stanceSplits)} per story), in ${report.storiesWithStanceSplits} stories`,
  );
  const spread = (buckets: readonly number[]): string =>
    buckets.map((count, index) => `${index}${index === buckets.length - 1 ? '+' : ''}: ${count}`).join(', ');
  console.log(`stories by number of conflicts: ${spread(report.conflictsPerStory)}`);
  console.log(`stories by number of stance splits: ${spread(report.stanceSplitsPerStory)}`);
  console.log(`reprints between sides: ${report.reprints}`);
  console.log(`sample for inspection: ${report.sampleFile}`);
  console.log(`(${report.seconds.toFixed(1)} s)`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!conflictsAvailable()) console.log(`conflicts: skipped, ${ALLSIDES_CRAWL} is absent`);
  else {
    const sampleArgument = process.argv.indexOf('--sample');
    const size = sampleArgument === -1 ? 20 : Number(process.argv[sampleArgument + 1]);
    printConflicts(runConflicts(Number.isInteger(size) && size > 0 ? size : 20));
  }
}
