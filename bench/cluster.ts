/**
 * Story clustering throughput: features (the ingest side) and online clustering of 10,000 articles
 * pooled from every article in ../shared/data (ECB+ documents, AllSides excerpts), repeated under
 * distinct ids to reach the count, then the latency of one incremental add into the 10,000, and one
 * refinement pass over them all.
 * Repeats are exact copies, so they exercise the near-duplicate path as reprints in a real stream do.
 *
 * Usage: `npx tsx bench/cluster.ts [count]`; bench/run.ts calls {@link runClusterBench}.
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleFeatures } from '../src/cluster/features.js';
import { StoryClusterer } from '../src/cluster/story-clusterer.js';
import type { ArticleInput } from '../src/model/index.js';

import { sharedRoot } from './corpus.js';

const DATA = path.join(sharedRoot, 'data');
const ECBPLUS = path.join(DATA, 'ecbplus', 'docs.jsonl');
const ALLSIDES = path.join(DATA, 'allsides', 'raw-crawl.jsonl');
/** Articles timed one by one after the pool is in. */
const LATENCY_SAMPLES = 200;

/** What {@link runClusterBench} measured. */
export interface ClusterBenchResult {
  articles: number;
  /** Distinct articles in the pool before repetition. */
  distinct: number;
  stories: number;
  featuresPerSecond: number;
  clusterPerSecond: number;
  /** Features and clustering together. */
  ingestPerSecond: number;
  /** Latency of one `add` into a clusterer already holding `articles` articles. */
  addMedianMs: number;
  addP95Ms: number;
  /** One {@link StoryClusterer.refine} pass over every article, and the stories after it. */
  refineSeconds: number;
  refinedStories: number;
  peakRssMb: number;
  missing?: string;
}

function jsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every article of the shared data, with the dates it carries. */
export function poolArticles(): ArticleInput[] {
  const pool: ArticleInput[] = [];
  for (const document of jsonLines(ECBPLUS)) {
    pool.push({ id: String(document.doc), body: String(document.text) });
  }
  for (const story of jsonLines(ALLSIDES)) {
    const news = story.news as Record<string, { newsTitle?: string; newBody?: string[] } | null>;
    for (const [side, article] of Object.entries(news)) {
      if (article?.newsTitle === undefined) continue;
      pool.push({
        id: `${String(story.id)}/${side}`,
        title: article.newsTitle,
        body: (article.newBody ?? []).join('\n\n'),
        published: String(story.date).slice(0, 10),
      });
    }
  }
  return pool;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/**
 * Runs the bench.
 * @param count - articles to cluster (default 10,000)
 */
export function runClusterBench(count = 10_000): ClusterBenchResult {
  const empty = {
    articles: 0,
    distinct: 0,
    stories: 0,
    featuresPerSecond: 0,
    clusterPerSecond: 0,
    ingestPerSecond: 0,
    addMedianMs: 0,
    addP95Ms: 0,
    refineSeconds: 0,
    refinedStories: 0,
    peakRssMb: 0,
  };
  if (!existsSync(ECBPLUS) || !existsSync(ALLSIDES))
    return { ...empty, missing: `${ECBPLUS} or ${ALLSIDES}` };
  const pool = poolArticles();
  const inputs: ArticleInput[] = [];
  for (let position = 0; position < count + LATENCY_SAMPLES; position++) {
    const original = pool[position % pool.length]!;
    const round = Math.floor(position / pool.length);
    inputs.push(round === 0 ? original : { ...original, id: `${original.id}#${round}` });
  }

  const featureStart = performance.now();
  const features = inputs.map((input) => articleFeatures(input));
  const featureSeconds = (performance.now() - featureStart) / 1000;

  const clusterer = new StoryClusterer();
  const clusterStart = performance.now();
  for (let position = 0; position < count; position++) {
    clusterer.add(inputs[position]!.id, features[position]!);
  }
  const clusterSeconds = (performance.now() - clusterStart) / 1000;

  const latencies: number[] = [];
  for (let position = count; position < inputs.length; position++) {
    const started = performance.now();
    clusterer.add(inputs[position]!.id, features[position]!);
    latencies.push(performance.now() - started);
  }
  const stories = clusterer.stories().length;
  const refineStart = performance.now();
  const refined = clusterer.refine();
  const refineSeconds = (performance.now() - refineStart) / 1000;
  const featureRate = count / (featureSeconds * (count / inputs.length));
  return {
    articles: count,
    distinct: pool.length,
    stories,
    featuresPerSecond: featureRate,
    clusterPerSecond: count / clusterSeconds,
    ingestPerSecond: count / (featureSeconds * (count / inputs.length) + clusterSeconds),
    addMedianMs: percentile(latencies, 0.5),
    addP95Ms: percentile(latencies, 0.95),
    refineSeconds,
    refinedStories: refined.storiesAfter,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 10_000);
  const result = runClusterBench(count);
  if (result.missing !== undefined) {
    console.log(`cluster bench: skipped, ${result.missing} is absent`);
  } else {
    const format = (value: number, digits = 0): string => value.toFixed(digits);
    console.log(
      [
        `## Story clustering, ${result.articles} articles (${result.distinct} distinct, repeated under new ids)`,
        `features (segment, terms, entities, MinHash): ${format(result.featuresPerSecond)} articles/s`,
        `online clustering: ${format(result.clusterPerSecond)} articles/s, ${result.stories} stories`,
        `ingest + cluster: ${format(result.ingestPerSecond)} articles/s`,
        `one incremental add at ${result.articles}: median ${format(result.addMedianMs, 2)} ms, p95 ${format(result.addP95Ms, 2)} ms (target well under 10 ms)`,
        `refine (batch pass over all ${result.articles + LATENCY_SAMPLES}): ${format(result.refineSeconds, 1)} s, ${result.refinedStories} stories`,
        `peak RSS: ${format(result.peakRssMb)} MB`,
      ].join('\n'),
    );
  }
}
