/**
 * The app over a fake newsroom: failures of the service become JSON errors (400 for misuse, 500 with a
 * generic message otherwise), and the built reader is served with its security headers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CrosscheckError } from '../../src/model/index.js';
import { createApp } from '../../src/server/app.js';
import { StoreError } from '../../src/store/index.js';
import { fakeNewsroom, postJson } from './helpers.js';

describe('service failures', () => {
  it.each([
    { failure: new Error('disk on fire at /secret/path'), status: 500, message: /internal error/ },
    { failure: new StoreError('store-failed', '/secret/db', 'busy'), status: 500, message: /internal error/ },
    {
      failure: new StoreError('store-invalid-input', 'mem', 'bad time'),
      status: 400,
      message: /bad time/,
      code: 'store-invalid-input',
    },
    {
      failure: new CrosscheckError('invalid-option', 'words must be positive'),
      status: 400,
      message: /positive/,
      code: 'invalid-option',
    },
  ])('$failure.message → $status', async ({ failure, status, message, code }) => {
    const logged: unknown[] = [];
    const app = createApp(fakeNewsroom(failure), { webRoot: false, logError: (error) => logged.push(error) });
    for (const response of [
      await app.request('/api/stories'),
      await app.request('/api/stories/s1'),
      await app.request('/api/search?q=pier'),
      await postJson(app, '/api/ingest', { articles: [{ text: 'The pier reopened on Friday.' }] }),
    ]) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { status: number; message: string } };
      // A typed failure keeps its stable code; an unexpected one says nothing about itself.
      expect(body.error).toEqual({
        status,
        message: expect.stringMatching(message),
        ...(code === undefined ? {} : { code }),
      });
      expect(body.error.message).not.toContain('/secret');
    }
    expect(logged).toHaveLength(status === 500 ? 4 : 0);
  });

  it('answers the fake story and 404s the rest', async () => {
    const app = createApp(fakeNewsroom(), { webRoot: false });
    expect((await app.request('/api/stories/s1')).status).toBe(200);
    expect((await app.request('/api/stories/s1/changes?since=2025-01-01')).status).toBe(404);
    expect((await app.request('/api/articles/a1')).status).toBe(404);
    expect((await postJson(app, '/api/stories/s1/split', { articles: ['a1'] })).status).toBe(400);
  });
});

describe('static reader', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'crosscheck-web-'));
  mkdirSync(path.join(folder, 'assets'));
  writeFileSync(
    path.join(folder, 'index.html'),
    '<!doctype html><title>reader</title><script type="module" src="/assets/app-1.js"></script>',
  );
  writeFileSync(path.join(folder, 'assets', 'app-1.js'), 'console.log(1)');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const app = createApp(fakeNewsroom(), { webRoot: folder });

  it.each([
    { path: '/', status: 200, type: /text\/html/, cache: null },
    { path: '/assets/app-1.js', status: 200, type: /javascript/, cache: /immutable/ },
    { path: '/assets/missing.js', status: 404, type: /json/, cache: null },
    { path: '/../package.json', status: 404, type: /json/, cache: null },
  ])('GET $path → $status', async ({ path: requested, status, type, cache }) => {
    const response = await app.request(requested);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(type);
    if (cache) expect(response.headers.get('cache-control')).toMatch(cache);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
