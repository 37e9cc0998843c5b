/**
 * The worker-thread side of {@link workerSynthesizer}: runs the jobs it is sent (a story's synthesis, an
 * article's clustering features, a page's extraction), one at a time, so that the server's event loop
 * keeps answering while an article is analysed.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { articleFeatures } from '../cluster/features.js';
import { type ExtractOptions, extractArticle } from '../ingest/html/extract-article.js';
import type { ArticleInput } from '../model/index.js';
import { withinBudget } from '../pipeline/article-budget.js';
import { type SynthesizeOptions, synthesize } from '../pipeline/synthesize.js';

/** A story to synthesize. */
export interface SynthesisJob {
  id: number;
  kind?: 'synthesize';
  articles: ArticleInput[];
  options: SynthesizeOptions;
}

/** An article whose clustering features to compute, within its size budget. */
export interface FeaturesJob {
  id: number;
  kind: 'features';
  article: ArticleInput;
  maxArticleChars?: number;
}

/** An HTML page to extract the article from. */
export interface ExtractJob {
  id: number;
  kind: 'extract';
  html: string;
  options: ExtractOptions;
}

/** Any job the worker runs. */
export type WorkerJob = SynthesisJob | FeaturesJob | ExtractJob;

function run(job: WorkerJob): unknown {
  if (job.kind === 'features') return articleFeatures(withinBudget(job.article, job.maxArticleChars).article);
  if (job.kind === 'extract') return extractArticle(job.html, job.options);
  return synthesize(job.articles, job.options);
}

parentPort?.on('message', (job: WorkerJob) => {
  try {
    parentPort?.postMessage({ id: job.id, result: run(job) });
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    parentPort?.postMessage({
      id: job.id,
      error: { message: (error as Error).message ?? String(error), code },
    });
  }
});
