/**
 * `synthesize`, an article's clustering features and a page's extraction on a worker thread, with a time
 * budget per job. `serve` uses it so that analysing a long article or a hostile page never blocks the
 * event loop: reads keep answering, and SIGTERM is heard. A job that runs past its budget has its worker
 * terminated (the only way to stop synchronous work) and fails with a `budget-time-exceeded` error
 * naming what it was working on; the next job gets a fresh worker.
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';
import type { ArticleFeatures } from '../cluster/features.js';
import type { ExtractOptions, ExtractResult } from '../ingest/html/extract-article.js';
import { type ArticleInput, CrosscheckError, type StoryReport } from '../model/index.js';
import type { SynthesizeOptions } from '../pipeline/synthesize.js';
import type { WorkerJob } from './synthesis-worker.js';

/** Synthesizes stories, and optionally reads articles, somewhere other than the caller's thread. */
export interface Synthesizer {
  /** The report of one story's articles; rejects with a {@link CrosscheckError} past the budget. */
  synthesize(articles: readonly ArticleInput[], options: SynthesizeOptions): Promise<StoryReport>;
  /** The clustering features of one article, read within `maxArticleChars` as synthesis reads it. */
  features?(article: ArticleInput, maxArticleChars: number | undefined): Promise<ArticleFeatures>;
  /** The article of one HTML page, as `extractArticle` gives it. */
  extract?(html: string, options: ExtractOptions): Promise<ExtractResult>;
  /** Stops the worker; work in flight is rejected with `shutting-down`. */
  close(): Promise<void>;
}

/** Options of {@link workerSynthesizer}. */
export interface WorkerSynthesizerOptions {
  /** Time one story may take, in milliseconds. Default {@link DEFAULT_STORY_BUDGET_MS}. */
  budgetMs?: number;
}

/** Default time budget of one story's synthesis: far above the 300,000-character article budget's cost. */
export const DEFAULT_STORY_BUDGET_MS = 60_000;

/**
 * The worker's entry. Built, it is the `.js` beside this file; under tsx (development, tests) it is the
 * `.ts` source, which a worker can only load once tsx's loader is registered inside it.
 */
function startWorker(): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./synthesis-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (!source) return new Worker(entry);
  // The ESM build of tsx's API: the CommonJS one cannot register the loader inside an ES module worker.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true },
  );
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A synthesizer over one worker thread, started on first use.
 * @param options - the time budget of one story
 */
export function workerSynthesizer(options: WorkerSynthesizerOptions = {}): Synthesizer {
  const budgetMs = options.budgetMs ?? DEFAULT_STORY_BUDGET_MS;
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const job of pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    pending.clear();
  };
  const stop = (): Promise<number> | undefined => {
    const running = worker;
    worker = undefined;
    return running?.terminate();
  };
  const ensureWorker = (): Worker => {
    if (worker !== undefined) return worker;
    const started = startWorker();
    started.on(
      'message',
      (message: { id: number; result?: unknown; error?: { message: string; code?: string } }) => {
        const job = pending.get(message.id);
        if (job === undefined) return;
        pending.delete(message.id);
        clearTimeout(job.timer);
        if (message.error === undefined) job.resolve(message.result);
        else
          job.reject(
            new CrosscheckError(
              message.error?.code ?? 'synthesis-failed',
              message.error?.message ?? 'failed',
            ),
          );
      },
    );
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    // The pending jobs keep the process alive through their timers; an idle worker must not.
    started.unref();
    worker = started;
    return started;
  };

  /** Runs one job on the worker under the budget; `what` names it in the budget's message. */
  const submit = <Result>(job: WorkerJob, what: () => string): Promise<Result> =>
    new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(job.id);
        // Synchronous work cannot be interrupted: the worker goes, and the jobs queued behind it with it.
        void stop();
        failAll(new CrosscheckError('shutting-down', 'the synthesis worker was restarted'));
        reject(
          new CrosscheckError(
            'budget-time-exceeded',
            `${what()} ran past its ${budgetMs} ms budget; stopped`,
          ),
        );
      }, budgetMs);
      pending.set(job.id, { resolve: resolve as (result: unknown) => void, reject, timer });
      ensureWorker().postMessage(job);
    });

  return {
    synthesize(articles, synthesizeOptions) {
      return submit<StoryReport>(
        { id: nextId++, articles: [...articles], options: synthesizeOptions },
        () =>
          `story of ${articles.length} article(s) (${articles
            .map((article) => article.path ?? article.id)
            .join(', ')
            .slice(0, 200)}): synthesis`,
      );
    },
    features(article, maxArticleChars) {
      const job: WorkerJob = { id: nextId++, kind: 'features', article };
      if (maxArticleChars !== undefined) job.maxArticleChars = maxArticleChars;
      return submit<ArticleFeatures>(job, () => `article ${article.path ?? article.id}: feature reading`);
    },
    extract(html, extractOptions) {
      return submit<ExtractResult>(
        { id: nextId++, kind: 'extract', html, options: extractOptions },
        () => `page ${extractOptions.name ?? extractOptions.url ?? '(no name)'}: extraction`,
      );
    },
    async close() {
      failAll(new CrosscheckError('shutting-down', 'the server is shutting down'));
      await stop();
    },
  };
}
