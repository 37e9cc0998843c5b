/**
 * The worker-thread side of {@link workerSynthesizer}: synthesizes the stories it is sent, one at a time,
 * so that the server's event loop keeps answering while a story is analysed.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleInput } from '../model/index.js';
import { type SynthesizeOptions, synthesize } from '../pipeline/synthesize.js';

/** A job sent to the worker. */
export interface SynthesisJob {
  id: number;
  articles: ArticleInput[];
  options: SynthesizeOptions;
}

parentPort?.on('message', (job: SynthesisJob) => {
  try {
    parentPort?.postMessage({ id: job.id, report: synthesize(job.articles, job.options) });
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    parentPort?.postMessage({
      id: job.id,
      error: { message: (error as Error).message ?? String(error), code },
    });
  }
});
