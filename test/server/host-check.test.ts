/**
 * Issue 18, failure 10 (DNS rebinding): the app answers loopback host names only, unless told more.
 * In-process Hono requests, plus one over a real socket with a forged Host header.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { hostAllowed, hostOfHeader } from '../../src/server/host-check.js';
import { startServer } from '../../src/server/serve.js';
import { fakeNewsroom } from './helpers.js';

const get = (app: ReturnType<typeof createApp>, host: string, path = '/api/stories') =>
  app.request(`http://${host}${path}`, { headers: { host } });

describe('the Host header check', () => {
  const app = createApp(fakeNewsroom(), { webRoot: false });

  it.each(['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'app.localhost', 'LOCALHOST.'])(
    'answers %s',
    async (host) => {
      expect((await get(app, host)).status).toBe(200);
    },
  );

  it.each(['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', 'localhost.evil.example', ''])(
    'refuses Host "%s" with a 403 on every route',
    async (host) => {
      for (const path of ['/api/stories', '/api/openapi.json', '/', '/api/nothing-here']) {
        const response = await app.request(`http://localhost${path}`, { headers: { host } });
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
          /is not served here/,
        );
      }
    },
  );

  it('answers the names allowedHosts gives, and any with *', async () => {
    const named = createApp(fakeNewsroom(), { webRoot: false, allowedHosts: ['news.internal'] });
    expect((await get(named, 'news.internal:8080')).status).toBe(200);
    expect((await get(named, 'evil.example')).status).toBe(403);
    const any = createApp(fakeNewsroom(), { webRoot: false, allowedHosts: ['*'] });
    expect((await get(any, 'evil.example')).status).toBe(200);
  });

  it('reads host names from header values', () => {
    expect(hostOfHeader('Example.ORG:8080')).toBe('example.org');
    expect(hostOfHeader('[::1]:80')).toBe('[::1]');
    expect(hostAllowed(['10.0.0.5'])('10.0.0.5:8080')).toBe(true);
  });

  it('refuses a forged Host over a real socket, and answers the host it binds', async () => {
    const server = await startServer({ newsroom: fakeNewsroom(), webRoot: false, port: 0 });
    try {
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const sent = request({
            host: '127.0.0.1',
            port: server.port,
            path: '/api/stories',
            headers: { host },
          });
          sent.on('response', (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          });
          sent.on('error', reject);
          sent.end();
        });
      expect(await status('evil.example')).toBe(403);
      expect(await status(`127.0.0.1:${server.port}`)).toBe(200);
    } finally {
      await server.close();
    }
  });
});
