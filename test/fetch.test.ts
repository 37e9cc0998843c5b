import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/ingest/fetch/decode-text.js';
import { DEFAULT_USER_AGENT, fetchUrl } from '../src/ingest/fetch/fetch-url.js';
import type { PageExtraction } from '../src/ingest/fetch/ingest-sources.js';
import { ingestSources } from '../src/ingest/fetch/ingest-sources.js';
import { htmlToText } from '../src/ingest/html/html-to-text.js';

// Every request in this file goes to a server on 127.0.0.1 started here (loopback only), with
// `allowPrivate: true` so that the guard lets the tests reach it. The guard itself is tested in ssrf.test.ts.

const PAGE = '<html><body><p>The ferry crossed the lake at dawn.</p></body></html>';
const TWO_MEGABYTES = 2 * 1024 * 1024;
const seenUserAgents: string[] = [];

const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/feeds/${name}`, import.meta.url));
const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

function route(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? '/';
  const served: Record<string, [string, string]> = {
    '/feeds/rss2.xml': ['application/rss+xml', fixture('rss2.xml')],
    '/feeds/atom.xml': ['application/atom+xml', fixture('atom.xml')],
    '/list.opml': [
      'text/x-opml',
      `<opml version="2.0"><body><outline text="Gazette" xmlUrl="/feeds/rss2.xml"/>` +
        `<outline text="Dispatch" xmlUrl="/feeds/atom.xml"/><outline text="Gone" xmlUrl="/feeds/gone.xml"/></body></opml>`,
    ],
    '/dump.jsonl': [
      'application/x-ndjson',
      '{"id": 1, "body": "The pier reopened."}\n{"id": 2, "body": "The pier closed."}\n',
    ],
    '/page.html': [
      'text/html',
      '<!doctype html><html><body><article><p>The pier reopened at noon.</p></article></body></html>',
    ],
    '/note.txt': ['text/plain', 'The pier reopened at noon, the harbour office said.'],
  };
  const file = served[path];
  if (file) {
    response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    return;
  }
  seenUserAgents.push(request.headers['user-agent'] ?? '');
  const redirect = /^\/redirect\/(\d+)$/.exec(path);
  if (redirect) {
    const remaining = Number(redirect[1]);
    response.writeHead(302, { location: remaining > 0 ? `/redirect/${remaining - 1}` : '/ok' }).end();
  } else if (path === '/ok') {
    response.writeHead(200, { 'content-type': 'text/html; charset="ISO-8859-1"' }).end(PAGE);
  } else if (path === '/loop') {
    response.writeHead(301, { location: '/loop' }).end();
  } else if (path === '/see-other') {
    response.writeHead(303, { location: 'ok' }).end();
  } else if (path === '/to-ftp') {
    response.writeHead(302, { location: 'ftp://files.example/ferry.txt' }).end();
  } else if (path === '/big') {
    // Chunked, no Content-Length: the cap has to be enforced while reading.
    response.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let written = 0; written < TWO_MEGABYTES; written += chunk.length) response.write(chunk);
    response.end();
  } else if (path === '/big-declared') {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(TWO_MEGABYTES) });
    response.write('a'.repeat(1024));
  } else if (path === '/gzip') {
    response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
  } else if (path === '/gzip-bomb') {
    // 8 MB of zeros compress to about 8 KB: the cap must apply to the decompressed size.
    response
      .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
      .end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
  } else if (path === '/slow-head') {
    // Never answers.
  } else if (path === '/slow-body') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('the first bytes arrive, the rest never does');
  } else if (path === '/missing') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
  } else {
    response.writeHead(500).end();
  }
}

let server: Server;
let base = '';
let closedPortUrl = '';

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free and is closed again: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local = { allowPrivate: true } as const;

describe('fetchUrl: a plain page', () => {
  it('returns the bytes, the media type and the charset', async () => {
    const result = await fetchUrl(`${base}/ok`, local);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({
      status: 200,
      contentType: 'text/html',
      charset: 'iso-8859-1',
      redirects: [],
    });
    expect(result.url).toBe(`${base}/ok`);
    expect(Buffer.from(result.bytes).toString('latin1')).toBe(PAGE);
  });

  it('sends the crosscheck User-Agent by default and a given one when asked', async () => {
    expect(DEFAULT_USER_AGENT).toMatch(
      /^crosscheck\/\d+\.\d+\.\d+\S* \(\+https:\/\/github\.com\/crosscheck; offline news reader\)$/,
    );
    await fetchUrl(`${base}/ok`, local);
    expect(seenUserAgents.at(-1)).toBe(DEFAULT_USER_AGENT);
    await fetchUrl(`${base}/ok`, { ...local, userAgent: 'feed-tester/1.0' });
    expect(seenUserAgents.at(-1)).toBe('feed-tester/1.0');
  });

  it('decompresses gzip', async () => {
    const result = await fetchUrl(`${base}/gzip`, local);
    expect(result.ok && Buffer.from(result.bytes).toString('utf8')).toBe(PAGE);
  });
});

describe('fetchUrl: redirects', () => {
  it.each([
    { path: '/redirect/0', maxRedirects: 5, redirects: 1 },
    { path: '/redirect/4', maxRedirects: 5, redirects: 5 },
    { path: '/redirect/1', maxRedirects: 2, redirects: 2 },
    { path: '/see-other', maxRedirects: 5, redirects: 1 },
  ])(
    '$path with at most $maxRedirects redirects arrives after $redirects',
    async ({ path, maxRedirects, redirects }) => {
      const result = await fetchUrl(`${base}${path}`, { ...local, maxRedirects });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.url).toBe(`${base}/ok`);
      expect(result.redirects).toHaveLength(redirects);
    },
  );

  it.each([
    { path: '/redirect/5', maxRedirects: 5 },
    { path: '/redirect/1', maxRedirects: 1 },
    { path: '/redirect/0', maxRedirects: 0 },
    { path: '/loop', maxRedirects: 5 },
  ])('$path with at most $maxRedirects redirects is too-many-redirects', async ({ path, maxRedirects }) => {
    const result = await fetchUrl(`${base}${path}`, { ...local, maxRedirects });
    expect(result).toMatchObject({ ok: false, reason: 'too-many-redirects' });
    expect(!result.ok && result.message).toContain(`${base}${path}`);
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const result = await fetchUrl(`${base}/to-ftp`, local);
    expect(result).toMatchObject({ ok: false, reason: 'bad-url' });
    expect(!result.ok && result.message).toContain('ftp:');
  });
});

describe('fetchUrl: limits and failures', () => {
  it.each([
    { name: 'a chunked body over the cap', path: '/big', maxBytes: 1024 * 1024, reason: 'too-large' },
    {
      name: 'a declared length over the cap',
      path: '/big-declared',
      maxBytes: 1024 * 1024,
      reason: 'too-large',
    },
    { name: 'a gzip bomb', path: '/gzip-bomb', maxBytes: 1024 * 1024, reason: 'too-large' },
    { name: 'a 404', path: '/missing', maxBytes: 1024 * 1024, reason: 'http-error' },
  ])('$name is $reason', async ({ path, maxBytes, reason }) => {
    const result = await fetchUrl(`${base}${path}`, { ...local, maxBytes });
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message).toContain(`${base}${path}`);
  });

  it('keeps a body under the cap whole', async () => {
    const result = await fetchUrl(`${base}/big`, { ...local, maxBytes: 4 * 1024 * 1024 });
    expect(result.ok && result.bytes.length).toBe(TWO_MEGABYTES);
  });

  it('reports the status of an HTTP error', async () => {
    const result = await fetchUrl(`${base}/missing`, local);
    expect(result).toMatchObject({ ok: false, reason: 'http-error', status: 404 });
  });

  it.each(['/slow-head', '/slow-body'])('%s times out within the limit', async (path) => {
    const started = performance.now();
    const result = await fetchUrl(`${base}${path}`, { ...local, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(!result.ok && result.message).toContain('300 ms');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports a refused connection as a network failure', async () => {
    const result = await fetchUrl(closedPortUrl, local);
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(!result.ok && result.message).toContain(closedPortUrl);
  });

  it('reports a name that does not resolve as a network failure', async () => {
    const result = await fetchUrl('http://nowhere.example/', {
      resolve: () => Promise.reject(new Error('no such host')),
    });
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(!result.ok && result.message).toContain('nowhere.example');
  });
});

describe('ingestSources', () => {
  const extractArticle = (html: string, options: { url?: string; name?: string }): PageExtraction =>
    html.includes('<article>')
      ? {
          ok: true,
          article: { title: 'Pier', text: htmlToText(html), ...(options.url ? { url: options.url } : {}) },
          diagnostics: [],
        }
      : { ok: false, reason: 'not-an-article', message: `${options.name}: no article` };
  const deps = () => ({ htmlToText, extractArticle, fetchOptions: { allowPrivate: true } });

  it('reads feeds, an OPML list, a dump, a page and a text by URL, and names what failed', async () => {
    const result = await ingestSources(
      [
        `${base}/list.opml`,
        `${base}/feeds/rss2.xml`,
        `${base}/dump.jsonl`,
        `${base}/page.html`,
        `${base}/note.txt`,
        `${base}/missing`,
      ],
      deps(),
    );
    // The OPML list gives the gazette (2 articles) and the dispatch (2); the gazette named again adds nothing.
    const where = (article: { outlet?: string; url?: string }) =>
      article.outlet ?? (article.url ? new URL(article.url).pathname : 'no url');
    expect(result.articles.map(where)).toEqual([
      'The Orrin Valley Gazette',
      'The Orrin Valley Gazette',
      'Lakeside Dispatch',
      'Lakeside Dispatch',
      'no url',
      'no url',
      '/page.html',
      '/note.txt',
    ]);
    expect(result.articles.filter((article) => article.body.includes('pier'))).toHaveLength(4);
    expect(result.failed.map((failure) => [failure.ref, failure.reason])).toEqual([
      [`${base}/feeds/gone.xml`, 'http-error'],
      [`${base}/missing`, 'http-error'],
    ]);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'ingest-duplicate')).toHaveLength(2);
  });

  it.each([
    [
      'a binary body is named by its URL, once',
      'text/plain',
      new Uint8Array([0x47, 0x49, 0x46, 0, 1, 2]),
      'binary',
      'looks like a binary file (contains NUL bytes)',
    ],
    [
      'a PDF served as text is no article',
      'text/plain',
      new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n'),
      'not-an-article',
      'a PDF document, not article text (convert it to text first, e.g. with pdftotext)',
    ],
    [
      'a document by its content type, whatever its bytes',
      'application/pdf',
      new TextEncoder().encode('A text-only file saved as a PDF.'),
      'not-an-article',
      'an application/pdf document, not an article page',
    ],
  ])('%s', async (_name, contentType, bytes, reason, problem) => {
    const url = 'https://files.example/scan';
    const result = await ingestSources([url], {
      ...deps(),
      fetch: async () => ({ ok: true, url, status: 200, contentType, bytes, redirects: [url] }),
    });
    expect(result.articles).toEqual([]);
    expect(result.failed).toEqual([{ ref: url, reason, message: `${url}: ${problem}` }]);
  });

  it('refuses loopback URLs unless private addresses are allowed', async () => {
    const result = await ingestSources([`${base}/feeds/rss2.xml`], { htmlToText });
    expect(result.articles).toEqual([]);
    expect(result.failed[0]).toMatchObject({ reason: 'blocked-address' });
  });

  it('reads feed files by content and reports missing paths', async () => {
    const result = await ingestSources(
      [fixturePath('json-feed.json'), fixturePath('atom.xml'), '/no/such/file.xml'],
      deps(),
    );
    expect(result.articles.map((article) => article.outlet)).toEqual([
      'East Shore Notes',
      'East Shore Notes',
      'Lakeside Dispatch',
      'Lakeside Dispatch',
    ]);
    expect(result.articles[0]?.path).toBe(fixturePath('json-feed.json'));
    expect(result.failed).toEqual([
      {
        ref: '/no/such/file.xml',
        reason: 'path-not-found',
        message: '/no/such/file.xml: does not exist or cannot be read',
      },
    ]);
  });
});

describe('decodeText', () => {
  it.each([
    {
      name: 'UTF-8 without declaration',
      bytes: Buffer.from('<rss>caf\u00e9</rss>', 'utf8'),
      charset: undefined,
      text: '<rss>café</rss>',
    },
    {
      name: 'a UTF-8 BOM',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('café', 'utf8')]),
      charset: 'iso-8859-1',
      text: 'café',
    },
    {
      name: 'an XML encoding declaration',
      bytes: Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>caf\u00e9</rss>', 'latin1'),
      charset: undefined,
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><rss>café</rss>',
    },
    {
      name: 'a header charset over the declaration',
      bytes: Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss>caf\u00e9</rss>', 'latin1'),
      charset: 'windows-1252',
      text: '<?xml version="1.0" encoding="utf-8"?><rss>café</rss>',
    },
    {
      name: 'an unknown charset, read as UTF-8',
      bytes: Buffer.from('café', 'utf8'),
      charset: 'x-made-up',
      text: 'café',
    },
  ])('$name', ({ bytes, charset, text }) => {
    expect(decodeText(new Uint8Array(bytes), charset).text).toBe(text);
  });
});
