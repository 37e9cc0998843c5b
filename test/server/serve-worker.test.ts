/**
 * Issue 18, failure 4: one long article must not freeze the server. `crosscheck serve` runs as a child
 * process (stories are analysed on its worker thread): while a 4 MB article is ingested over the API, the
 * story list keeps answering, and SIGTERM stops the server within 5 s.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFeatures } from '../../src/cluster/features.js';
import { extractArticle } from '../../src/ingest/html/extract-article.js';
import { CrosscheckError } from '../../src/model/index.js';
import { withinBudget } from '../../src/pipeline/article-budget.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { createApp } from '../../src/server/app.js';
import { openNewsroom } from '../../src/service/newsroom.js';
import { openSqliteStore } from '../../src/store/index.js';
import { postJson } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'crosscheck-serve-worker-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** Distinct sentences with names, figures and days, so that nothing is collapsed as a repeat. */
function longArticle(characters: number): string {
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const sentences: string[] = [];
  let length = 0;
  for (let index = 0; length < characters; index++) {
    const sentence = `Minister Aldo Varn${index} said on ${days[index % 5]} that ${index + 3} ships had left port ${index}.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}

describe('crosscheck serve under a long article', () => {
  it('keeps answering the story list during the ingest, and stops on SIGTERM within 5 s', async () => {
    const started = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', join(folder, 'store.db'), '--port', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    started.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/serving http:\/\/127\.0\.0\.1:\d+\//);
    const base = /http:\/\/127\.0\.0\.1:\d+/.exec(output)![0];

    const ingest = fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: longArticle(4_000_000), outlet: 'The Long Read' }] }),
    });
    let done = false;
    const ingested = ingest.then(async (response) => {
      done = true;
      return { status: response.status, body: await response.text() };
    });
    const latencies: number[] = [];
    while (!done) {
      const before = performance.now();
      const list = await fetch(`${base}/api/stories`);
      expect(list.status).toBe(200);
      await list.arrayBuffer();
      latencies.push(performance.now() - before);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await ingested;
    expect(result.status, result.body).toBe(201);
    const storyId = (JSON.parse(result.body) as { storiesChanged: string[] }).storiesChanged[0]!;
    expect((await fetch(`${base}/api/stories/${storyId}`)).status).toBe(200);
    latencies.sort((a, b) => a - b);
    // Bounded, not benchmarked: the list answers all through the analysis. The main thread still parses
    // the request and stores the article (a stall of up to about a second), so the median is asserted.
    expect(latencies.length).toBeGreaterThan(5);
    expect(latencies[Math.floor(latencies.length / 2)]!).toBeLessThan(200);

    const stopped = new Promise<number>((resolve) => started.once('exit', () => resolve(performance.now())));
    const signalled = performance.now();
    started.kill('SIGTERM');
    expect((await stopped) - signalled).toBeLessThan(5_000);
  }, 90_000);
});

describe('a story past its time budget', () => {
  it('is a warning of the ingest, and later reads answer at once without trying again', async () => {
    let calls = 0;
    const newsroom = await openNewsroom(await openSqliteStore(':memory:'), {
      now: () => new Date('2025-06-10T12:00:00Z'),
      synthesizer: {
        synthesize: async () => {
          calls++;
          throw new CrosscheckError('budget-time-exceeded', 'synthesis ran past its 10 ms budget; stopped');
        },
        close: async () => undefined,
      },
    });
    const outcome = await newsroom.ingest([{ id: 'a', body: 'The pier reopened on Friday after repairs.' }]);
    expect(outcome.added).toHaveLength(1);
    expect(outcome.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'budget-time-exceeded', severity: 'warning' }),
    );
    const storyId = outcome.storiesChanged[0]!;
    await expect(newsroom.story(storyId)).rejects.toThrow(/past its 10 ms budget/);
    expect(calls).toBe(1);
    await newsroom.close();
  });
});

describe('reading articles off the event loop', () => {
  const page = `<html><head><title>Pier</title></head><body>${'<div>'.repeat(3000)}<article><p>${'The pier reopened on Friday after repairs, the harbour master said. '.repeat(12)}</p></article>${'</div>'.repeat(3000)}</body></html>`;

  it('the worker gives the features and the extraction this thread would', () => {
    // In a child process: the worker loads the TypeScript sources through tsx, which vitest's module
    // runner cannot hand to a worker.
    const script = `
      import { workerSynthesizer } from ${JSON.stringify(join(root, 'src/service/worker-synthesizer.ts'))};
      const worker = workerSynthesizer();
      const article = JSON.parse(process.env.ARTICLE);
      const features = await worker.features(article, 1000);
      const extracted = await worker.extract(process.env.PAGE, { name: 'pier.html' });
      await worker.close();
      process.stdout.write(JSON.stringify({ features, extracted }));`;
    const article = { id: 'a', body: 'The pier reopened on Friday. '.repeat(200), title: 'Pier' };
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ARTICLE: JSON.stringify(article), PAGE: page },
    });
    expect(child.status, child.stderr).toBe(0);
    const answer = JSON.parse(child.stdout) as { features: unknown; extracted: unknown };
    expect(answer.features).toEqual(articleFeatures(withinBudget(article, 1000).article));
    expect(answer.extracted).toEqual(JSON.parse(JSON.stringify(extractArticle(page, { name: 'pier.html' }))));
  });

  it("the API extracts pages and the newsroom reads features on the newsroom's worker", async () => {
    const calls: string[] = [];
    const newsroom = await openNewsroom(await openSqliteStore(':memory:'), {
      now: () => new Date('2025-06-10T12:00:00Z'),
      synthesizer: {
        synthesize: async (articles, options) => synthesize(articles, options),
        features: async (article, maxArticleChars) => {
          calls.push(`features ${article.title ?? ''}`);
          return articleFeatures(withinBudget(article, maxArticleChars).article);
        },
        extract: async (html, options) => {
          calls.push('extract');
          return extractArticle(html, options);
        },
        close: async () => undefined,
      },
    });
    const app = createApp(newsroom, { webRoot: false });
    const response = await postJson(app, '/api/ingest', { articles: [{ html: page }] });
    expect(response.status).toBe(201);
    expect(calls).toEqual(['extract', 'features Pier']);
    await newsroom.close();
  });
});
