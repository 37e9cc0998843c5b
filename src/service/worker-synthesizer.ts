/**
 * `synthesize` on a worker thread, with a time budget per story. `serve` uses it so that analysing a
 * long article never blocks the event loop: reads keep answering, and SIGTERM is heard. A story that
 * runs past its budget has its worker terminated (the only way to stop synchronous work) and fails
 * with a `budget-time-exceeded` error naming the story; the next story gets a fresh worker.
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';
import { type ArticleInput, CrosscheckError, type StoryReport } from '../model/index.js';
import type { SynthesizeOptions } from '../pipeline/synthesize.js';
import type { SynthesisJob } from './synthesis-worker.js';

/** Synthesizes stories somewhere other than the caller's thread. */
export interface Synthesizer {
  /** The report of one story's articles; rejects with a {@link CrosscheckError} past the budget. */
  synthesize(articles: readonly ArticleInput[], options: SynthesizeOptions): Promise<StoryReport>;
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
  resolve: (report: StoryReport) => void;
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
      (message: { id: number; report?: StoryReport; error?: { message: string; code?: string } }) => {
        const job = pending.get(message.id);
        if (job === undefined) return;
        pending.delete(message.id);
        clearTimeout(job.timer);
        if (message.report !== undefined) job.resolve(message.report);
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

  return {
    synthesize(articles, synthesizeOptions) {
      return new Promise<StoryReport>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          // Synchronous work cannot be interrupted: the worker goes, and the jobs queued behind it with it.
          void stop();
          failAll(new CrosscheckError('shutting-down', 'the synthesis worker was restarted'));
          reject(
            new CrosscheckError(
              'budget-time-exceeded',
              `story of ${articles.length} article(s) (${articles
                .map((article) => article.path ?? article.id)
                .join(', ')
                .slice(0, 200)}): synthesis ran past its ${budgetMs} ms budget; stopped`,
            ),
          );
        }, budgetMs);
        pending.set(id, { resolve, reject, timer });
        const job: SynthesisJob = { id, articles: [...articles], options: synthesizeOptions };
        ensureWorker().postMessage(job);
      });
    },
    async close() {
      failAll(new CrosscheckError('shutting-down', 'the server is shutting down'));
      await stop();
    },
  };
}
