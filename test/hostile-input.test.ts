/**
 * Repros of issue 18: hostile inputs generated at test time (nothing large committed). For each: the
 * documented exit code, a message naming the file, and the good inputs beside it still read.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/run.js';
import { fetchUrl } from '../src/ingest/fetch/fetch-url.js';
import { extractArticle } from '../src/ingest/html/extract-article.js';
import { capTagDepth, flattenDeepElements } from '../src/ingest/html/flatten-depth.js';
import { htmlToText } from '../src/ingest/html/html-to-text.js';
import { linkedom } from '../src/ingest/lazy-module.js';
import { withinBudget } from '../src/pipeline/article-budget.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { alignClaims } from '../src/stages/align.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { cleanBody } from '../src/stages/clean.js';
import { appendAll, maxOf, minOf } from '../src/text/iterables.js';
import { runCliCaptured, sqliteStoreDependencies } from './helpers/cli.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-hostile-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

/** Runs the CLI in-process over a fresh SQLite store in `folder`. */
const run = (folder: string, ...argv: string[]) =>
  runCliCaptured(argv, { store: sqliteStoreDependencies(join(folder, 'store.db')).store });

const sentence =
  'The harbour bridge closed on Tuesday after engineers found a cracked girder in the eastbound span. ';
const paragraph = `<p>${sentence.repeat(5)}</p>`;
const goodPage = `<html><head><title>Bridge closes</title></head><body><article>${paragraph}${paragraph}</article></body></html>`;
const nestedPage = (depth: number, open = '<div>', close = '</div>'): string =>
  `<html><body>${open.repeat(depth)}${paragraph}${close.repeat(depth)}</body></html>`;

describe('1. nested HTML', () => {
  it('extracts the text of 10,000 nested <div>s, with a diagnostic, in bounded time', () => {
    const started = performance.now();
    const result = extractArticle(nestedPage(10_000), { name: 'deep.html' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain('cracked girder');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'html-depth-flattened',
        message: expect.stringContaining('deep.html'),
      }),
    );
  });

  it('reads 20,000 nested inline elements and unclosed blocks', () => {
    for (const page of [nestedPage(20_000, '<span>', '</span>'), nestedPage(20_000, '<div>', '')]) {
      const result = extractArticle(page, { name: 'deep.html' });
      expect(result.ok && result.article.text.includes('cracked girder')).toBe(true);
    }
  });

  it('leaves an ordinary page alone, and flattening keeps paragraphs', () => {
    expect(capTagDepth(goodPage)).toEqual({ html: goodPage, dropped: 0 });
    const { document } = linkedom().parseHTML(
      `<html><body>${'<div>'.repeat(50)}<p>One.</p><p>Two <b>bold</b>.</p>${'</div>'.repeat(50)}</body></html>`,
    );
    const root = document.documentElement as unknown as Parameters<typeof flattenDeepElements>[0];
    const factory = document as unknown as Parameters<typeof flattenDeepElements>[1];
    expect(flattenDeepElements(root, factory, 10)).toBe(1);
    expect(document.body.innerHTML).toContain('<p>One.</p><p>Two bold.</p>');
    expect(htmlToText(document.body.innerHTML)).toBe('One.\n\nTwo bold.');
  });

  it('converts deeply nested feed HTML to text without recursion', () => {
    expect(htmlToText(`${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`)).toBe('deep text');
  });

  it('keeps the good page beside a nested one in synth, extract and ingest', async () => {
    const folder = folderWith({ 'deep.html': nestedPage(10_000), 'good.html': goodPage });
    const pages = [join(folder, 'deep.html'), join(folder, 'good.html')];
    const synth = await run(folder, 'synth', ...pages, '--format', 'json');
    expect(synth.code).toBe(EXIT.ok);
    expect(JSON.parse(synth.stdout).sources).toHaveLength(2);

    const extract = await run(folder, 'extract', join(folder, 'deep.html'));
    expect(extract.code).toBe(EXIT.ok);
    expect(JSON.parse(extract.stdout).text).toContain('cracked girder');

    const ingest = await run(folder, 'ingest', ...pages, '--format', 'json');
    expect(ingest.code).toBe(EXIT.ok);
    expect(JSON.parse(ingest.stdout).added).toHaveLength(2);
  });
});

describe('2. no argument spreads over unbounded arrays', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const sources = ['src', 'web/src'].flatMap((folder) =>
    (readdirSync(join(root, folder), { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => `${folder}/${file}`),
  );

  it('spreads no array into Math.max, Math.min, push or unshift anywhere in src and web', () => {
    const spread = /(?:Math\.(?:max|min)|\.push|\.unshift)\((?:[^(){}]*,\s*)?\.\.\.(?!\{)/;
    const offenders = sources.filter((file) =>
      spread.test(readFileSync(join(root, file), 'utf8').replace(/^\s*\*.*$/gm, '')),
    );
    expect(offenders).toEqual([]);
  });

  it('takes the maximum of, and appends, half a million values', () => {
    const values = Array.from({ length: 500_000 }, (_, index) => index % 977);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(976);
    expect(minOf(values, 5)).toBe(0);
    expect(maxOf([], 1e-9)).toBe(1e-9);
    expect(appendAll([1], values)).toHaveLength(500_001);
  });
});

describe('3. many short identical sentences', () => {
  it('keeps two copies of a sentence repeated verbatim, as one repeat removal', () => {
    const body = `Kim met Putin in Pyongyang. ${'Kim met Putin. '.repeat(1_000)}\n\nThe talks ended on Tuesday.`;
    const cleaned = cleanBody(body);
    expect(cleaned.text).toBe(
      'Kim met Putin in Pyongyang. Kim met Putin. Kim met Putin.\n\nThe talks ended on Tuesday.',
    );
    expect(cleaned.removals).toHaveLength(1);
    expect(cleaned.removals[0]).toMatchObject({ reason: 'repeat' });
    expect(body.slice(cleaned.removals[0]!.start, cleaned.removals[0]!.end)).toBe(cleaned.removals[0]!.text);
  });

  it('drops a paragraph pasted a third time whole, and keeps a sentence said twice', () => {
    const lead = 'The ferry stopped on Sunday. Repairs take two weeks.';
    const cleaned = cleanBody(`${lead}\n\n${lead}\n\n${lead}\n\nHe said no. Then he said no.`);
    expect(cleaned.text).toBe(`${lead}\n\n${lead}\n\nHe said no. Then he said no.`);
    expect(cleaned.removals.map((removal) => removal.reason)).toEqual(['repeat']);
  });

  it('aligns a sentence repeated within one article once', () => {
    const first = analyzeArticle(
      { id: 'a', published: '2024-02-20', body: 'Kim met Putin in Pyongyang. Kim met Putin in Pyongyang.' },
      '2024-02-20',
    );
    const second = analyzeArticle(
      { id: 'b', published: '2024-02-20', body: 'Kim met Putin in Pyongyang.' },
      '2024-02-20',
    );
    const alignment = alignClaims([first, second]);
    expect(alignment.units).toHaveLength(2);
    expect(alignment.claims[0]!.sources).toEqual(['a', 'b']);
  });

  it('synthesizes 320,000 copies of a sentence', () => {
    const report = synthesize([{ id: 'a', body: 'Kim met Putin. '.repeat(320_000) }]);
    expect(report.sources[0]!.text).toBe('Kim met Putin. Kim met Putin.');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'clean-repeat' }));
  });
});

describe('4. one reader for every command: .html.gz, junk, symlink loops, exit codes', () => {
  const goodText = `date 2025-03-12 ${'The harbour bridge closed on Tuesday after engineers found a cracked girder. '.repeat(3)}`;
  const bad: Record<string, string | Buffer> = {
    'empty.txt': '',
    'binary.txt': Buffer.from([65, 0, 66]),
    'latin1.txt': Buffer.from([0xe9, 0x20, 0x61]),
    'fake.html.gz': 'plain words in a file named like a compressed page, about the bridge.',
    'corrupt.html.gz': Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from('garbage')]),
  };
  const hostileFolder = (): string => {
    const folder = folderWith({ 'good.txt': goodText, 'page.html.gz': gzipSync(goodPage), ...bad });
    symlinkSync('loop.txt', join(folder, 'loop.txt'));
    mkdirSync(join(folder, 'sub'));
    symlinkSync('..', join(folder, 'sub', 'up'));
    return folder;
  };
  const skippedNames = [...Object.keys(bad), 'loop.txt', 'sub/up'];

  it.each(['synth', 'ingest'])(
    '%s reads the good files, names every bad one and exits 1',
    async (command) => {
      const folder = hostileFolder();
      const result = await run(folder, command, folder, '--format', 'json');
      expect(result.code).toBe(EXIT.partial);
      for (const name of skippedNames) expect(result.stderr).toContain(`skipped ${join(folder, name)}: `);
      expect(result.stderr).toMatch(/loop\.txt: a symbolic link loop/);
      expect(result.stderr).toMatch(/sub\/up: a symbolic link loop back to/);
      const count =
        command === 'synth'
          ? JSON.parse(result.stdout).sources.length
          : JSON.parse(result.stdout).added.length;
      expect(count).toBe(2);
    },
  );

  it('ingest reads a .html.gz page given by name as synth and extract do', async () => {
    const folder = folderWith({ 'page.html.gz': gzipSync(goodPage), 'fake.html.gz': bad['fake.html.gz']! });
    const ingest = await run(folder, 'ingest', join(folder, 'page.html.gz'), '--format', 'json');
    expect(ingest.code).toBe(EXIT.ok);
    expect(JSON.parse(ingest.stdout).added).toHaveLength(1);
    const fake = await run(folder, 'ingest', join(folder, 'fake.html.gz'));
    expect(fake.code).toBe(EXIT.failure);
    expect(fake.stderr).toContain(`skipped ${join(folder, 'fake.html.gz')}: no HTML markup found`);
    const extract = await run(folder, 'extract', join(folder, 'fake.html.gz'));
    expect(extract.code).toBe(EXIT.failure);
    expect(extract.stderr).toContain('fake.html.gz');
  });

  it('a missing path is a usage error (exit 2) in synth and ingest, and nothing is stored', async () => {
    const folder = folderWith({ 'good.txt': goodText });
    for (const command of ['synth', 'ingest']) {
      const result = await run(folder, command, join(folder, 'good.txt'), join(folder, 'missing.txt'));
      expect(result.code).toBe(EXIT.failure);
      expect(result.stderr).toContain(`not exist: ${join(folder, 'missing.txt')}`);
    }
    expect(JSON.parse((await run(folder, 'stories', '--format', 'json')).stdout).total).toBe(0);
  });

  it('an Atom entry whose body is only an undecoded entity is no article', async () => {
    const entry = (id: number, content: string) =>
      `<entry><title>Item ${id}</title><id>urn:item:${id}</id><updated>2025-03-12T09:00:00Z</updated>${content}</entry>`;
    const feed = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title><id>urn:feed</id><updated>2025-03-12T09:00:00Z</updated>${entry(1, '<content type="html">&amp;bogus;</content>')}${entry(2, '<content>&bogus;</content>')}${entry(3, `<content type="text">${sentence.repeat(3)}</content>`)}</feed>`;
    const folder = folderWith({ 'feed.xml': feed });
    const result = await run(folder, 'ingest', join(folder, 'feed.xml'), '--format', 'json');
    expect(JSON.parse(result.stdout).added).toHaveLength(1);
    expect(result.stderr).toMatch(/item "Item 1" has no text/);
    expect(result.stderr).toMatch(/item "Item 2" has no text/);
  });
});

describe('6. fetch integrity: a body cut short is never complete', () => {
  const page = Buffer.from(
    `<html><head><title>Plant</title></head><body><article>${'<p>The Mercedes-Benz plant closed on Tuesday after a fire in the paint shop, officials said.</p>'.repeat(8)}</article></body></html>`,
  );
  const cut = page.subarray(0, Math.floor(page.length * 0.6));
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      const socket = response.socket!;
      if (request.url === '/closed') {
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': page.length });
        response.write(cut);
        setTimeout(() => socket.destroy(), 20);
      } else if (request.url === '/short-length') {
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: ${page.length}\r\n\r\n${cut}`,
        );
      } else if (request.url === '/chunked-closed') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write(cut);
        setTimeout(() => socket.destroy(), 20);
      } else if (request.url === '/drip') {
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': page.length });
        response.write(cut);
        const drip = setInterval(() => response.write(' '), 50);
        response.on('close', () => clearInterval(drip));
      } else {
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': page.length });
        response.end(page);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it.each([
    ['/closed', 'truncated', /cut short after \d+ of \d+ bytes/],
    ['/short-length', 'truncated', /cut short after \d+ of \d+ bytes/],
    ['/chunked-closed', 'truncated', /cut short after \d+ bytes/],
    ['/drip', 'timeout', /no complete response within 300 ms/],
  ])('%s is a %s failure naming the URL', async (path, reason, message) => {
    const result = await fetchUrl(`${base}${path}`, { allowPrivate: true, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.message).toContain(`${base}${path}`);
      expect(result.message).toMatch(message);
    }
  });

  it('ingest stores the whole page, skips the cut one and exits 1', async () => {
    const folder = folderWith({});
    const result = await run(
      folder,
      'ingest',
      `${base}/whole`,
      `${base}/closed`,
      '--allow-private',
      '--format',
      'json',
    );
    expect(result.code).toBe(EXIT.partial);
    expect(result.stderr).toContain(`skipped ${base}/closed: the body was cut short`);
    expect(JSON.parse(result.stdout).added).toHaveLength(1);
  });
});

describe('2 and 7. the size budget of one article', () => {
  it('cuts a body over the budget at a paragraph end, else a sentence end, with a warning naming it', () => {
    const body = `${'First paragraph sentence. '.repeat(34)}\n\n${'Second paragraph sentence. '.repeat(30)}`;
    const cut = withinBudget({ id: 'a', path: 'long.txt', body }, 1_000);
    expect(cut.article.body).toBe(body.slice(0, body.indexOf('\n\n')));
    expect(cut.diagnostics).toEqual([
      expect.objectContaining({
        code: 'budget-article-truncated',
        severity: 'warning',
        message: expect.stringMatching(/^long\.txt: 1\d{3} characters, over the 1000-character budget/),
      }),
    ]);
    const sentences = withinBudget({ id: 'b', body: 'One more sentence here. '.repeat(100) }, 1_000);
    expect(sentences.article.body.endsWith('here.')).toBe(true);
    expect(sentences.article.body.length).toBeLessThanOrEqual(1_000);
    const same = { id: 'c', body: 'short' };
    expect(withinBudget(same, 1_000)).toEqual({ article: same, diagnostics: [] });
  });

  it('synthesizes a long run-on line within the budget, reporting the cut', () => {
    const words = ['harbour', 'Kim', 'bridge', 'Putin', 'closed', 'Seoul', 'girder', 'said'];
    const body = Array.from(
      { length: 120_000 },
      (_, index) => `${words[index % words.length]} ${index % 97}`,
    ).join(' ');
    const report = synthesize([{ id: 'a', body }], { maxArticleChars: 100_000 });
    expect(report.sources[0]!.text.length).toBeLessThanOrEqual(100_000);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'budget-article-truncated' }));
    expect(() => synthesize([{ id: 'a', body }], { maxArticleChars: 0 })).toThrow(/maxArticleChars/);
  });
});

describe('properties of hostile markup and text (fast-check)', () => {
  const tags = ['div', 'span', 'p', 'section', 'b', 'li', 'table', 'td', 'em', 'blockquote'];
  /** Markup nested to a generated depth, tags unbalanced at random, with prose at the bottom. */
  const nestedMarkup = fc
    .record({
      opening: fc.array(fc.constantFrom(...tags), { minLength: 1, maxLength: 8 }),
      depth: fc.integer({ min: 1, max: 3_000 }),
      closeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ opening, depth, closeShare }) => {
      let open = '';
      let close = '';
      for (let level = 0; level < depth; level++) {
        const tag = opening[level % opening.length]!;
        open += `<${tag}>`;
        if (level < depth * closeShare) close = `</${tag}>${close}`;
      }
      return `<html><body>${open}${paragraph}${close}</body></html>`;
    });

  it('extraction never throws and keeps the text, however the markup nests', () => {
    fc.assert(
      fc.property(nestedMarkup, (page) => {
        const result = extractArticle(page, { name: 'generated.html' });
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.article.text).toContain('cracked girder');
      }),
      { numRuns: 25 },
    );
  });

  it('cleaning keeps every removal a slice of the body, whatever repeats', () => {
    const repeated = fc
      .array(
        fc.constantFrom(
          'Kim met Putin.',
          'The talks ended.',
          'He left.',
          '\n\n',
          'Sign up for our newsletter.',
        ),
        {
          maxLength: 200,
        },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(repeated, (body) => {
        const cleaned = cleanBody(body);
        for (const removal of cleaned.removals)
          expect(body.slice(removal.start, removal.end)).toBe(removal.text);
        for (const sentence of ['Kim met Putin.', 'The talks ended.', 'He left.'])
          expect(cleaned.text.split(sentence).length - 1).toBeLessThanOrEqual(2);
      }),
      { numRuns: 100 },
    );
  });
});
