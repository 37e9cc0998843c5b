import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, readArticles } from '../src/ingest/read-articles.js';
import { CrosscheckError } from '../src/model/index.js';

// Every article text below is invented for these tests.
const fixtures = fileURLToPath(new URL('./fixtures/inputs/harbour', import.meta.url));

describe('readArticles: a folder with bad files among good ones', () => {
  let folder = '';
  const badFiles = [
    { name: 'b-empty.txt', reason: 'empty' },
    { name: 'c-binary.txt', reason: 'binary' },
    { name: 'd-latin1.txt', reason: 'not-utf8' },
    { name: 'e-huge.txt', reason: 'too-large' },
  ];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'crosscheck-read-'));
    await writeFile(join(folder, 'a-good.txt'), 'date 2024-05-01 The bridge reopened on Wednesday.\n');
    await writeFile(join(folder, 'b-empty.txt'), '');
    await writeFile(
      join(folder, 'c-binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]),
    );
    // "café" in Latin-1: the lone 0xE9 byte is not valid UTF-8.
    await writeFile(join(folder, 'd-latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e]));
    // 51 MB without writing 51 MB: truncate extends the file sparsely, and the size is checked before reading.
    await writeFile(join(folder, 'e-huge.txt'), 'x');
    await truncate(join(folder, 'e-huge.txt'), 51 * 1024 * 1024);
    await writeFile(
      join(folder, 'f-good.md'),
      '---\noutlet: Valley News\n---\nTraffic returned to the bridge.\n',
    );
  });
  afterAll(async () => {
    if (folder !== '') await rm(folder, { recursive: true, force: true });
  });

  it('reads the two good files and skips the four bad ones, naming each file and reason', async () => {
    const result = await readArticles([folder]);
    expect(result.articles.map((article) => article.id)).toEqual(['a-good', 'f-good']);
    expect(result.articles[0]?.published).toBe('2024-05-01');
    expect(result.articles[1]?.outlet).toBe('Valley News');
    expect(result.skipped.map((entry) => entry.reason)).toEqual(badFiles.map((file) => file.reason));
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
    expect(warnings).toHaveLength(4);
    badFiles.forEach((file, position) => {
      expect(result.skipped[position]?.path).toBe(join(folder, file.name));
      expect(warnings[position]?.message).toContain(file.name);
      expect(warnings[position]?.code).toBe(`input-${file.reason}`);
    });
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('empty'),
      expect.stringContaining('binary'),
      expect.stringContaining('UTF-8'),
      expect.stringContaining('too large'),
    ]);
  });

  it('respects a smaller maxBytes', async () => {
    const result = await readArticles([folder], { maxBytes: 10 });
    expect(result.articles.map((article) => article.id)).toEqual([]);
    expect(result.skipped.filter((entry) => entry.reason === 'too-large')).toHaveLength(3);
  });

  it('rejects a maxBytes that is not positive', async () => {
    await expect(readArticles([folder], { maxBytes: 0 })).rejects.toBeInstanceOf(CrosscheckError);
  });

  it('gives the same result on every run', async () => {
    const first = await readArticles([folder]);
    const second = await readArticles([folder]);
    expect(second).toEqual(first);
  });

  it.skipIf(process.getuid?.() === 0)('skips an unreadable file (not testable as root)', async () => {
    const locked = join(folder, 'g-locked.txt');
    await writeFile(locked, 'A locked file.\n');
    await chmod(locked, 0o000);
    try {
      const result = await readArticles([locked]);
      expect(result.skipped).toEqual([expect.objectContaining({ path: locked, reason: 'unreadable' })]);
    } finally {
      await rm(locked, { force: true });
    }
  });
});

describe('readArticles: missing paths', () => {
  it('throws one path-not-found error naming every missing path, after checking all', async () => {
    const missing = [join(tmpdir(), 'crosscheck-no-such-1.txt'), join(tmpdir(), 'crosscheck-no-such-2')];
    const error = await readArticles([fixtures, ...missing]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrosscheckError);
    expect((error as CrosscheckError).code).toBe('path-not-found');
    for (const path of missing) expect((error as CrosscheckError).message).toContain(path);
    expect((error as CrosscheckError).message).not.toContain(fixtures);
  });
});

describe('readArticles: the invented fixture folder', () => {
  it('walks sub-folders in path order, skips hidden, README and non-article files, and makes ids unique', async () => {
    const result = await readArticles([fixtures]);
    expect(result.skipped).toEqual([]);
    expect(result.articles.map((article) => [article.id, article.path])).toEqual([
      ['coast-courier', join(fixtures, 'coast-courier.txt')],
      ['the-daily-ledger', join(fixtures, 'nested', 'the-daily-ledger.txt')],
      ['the-daily-ledger-2', join(fixtures, 'the-daily-ledger.md')],
    ]);
    const ledger = result.articles[2];
    expect(ledger?.title).toBe('Harbour ferry returns after two-week repair');
    expect(ledger?.outlet).toBe('The Daily Ledger');
    expect(ledger?.published).toBe('2024-03-05');
    expect(ledger?.body.startsWith('The harbour ferry returned')).toBe(true);
    expect(result.articles[0]?.outlet).toBe('coast-courier');
    // The unknown "editor" key is reported, not fatal.
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'front-matter-key-ignored',
        severity: 'info',
        source: 'the-daily-ledger-2',
      }),
    ]);
  });

  it('reads a file named directly and the same file only once', async () => {
    const file = join(fixtures, 'coast-courier.txt');
    const result = await readArticles([file, fixtures]);
    expect(result.articles.map((article) => article.id)).toEqual([
      'coast-courier',
      'the-daily-ledger',
      'the-daily-ledger-2',
    ]);
  });

  it('keeps the order of the paths given', async () => {
    const first = join(fixtures, 'the-daily-ledger.md');
    const second = join(fixtures, 'coast-courier.txt');
    const result = await readArticles([first, second]);
    expect(result.articles.map((article) => article.id)).toEqual(['the-daily-ledger', 'coast-courier']);
  });

  it('reads an explicitly named file whatever its extension', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'crosscheck-ext-'));
    try {
      await mkdir(join(folder, 'sub'));
      await writeFile(join(folder, 'sub', 'story.article'), 'The lighthouse was repainted in May.\n');
      const named = await readArticles([join(folder, 'sub', 'story.article')]);
      expect(named.articles.map((article) => article.id)).toEqual(['story']);
      const walked = await readArticles([folder]);
      expect(walked.articles).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('defaults to a 50 MB limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });
});

describe('readArticles: saved web pages', () => {
  const pages = fileURLToPath(new URL('./fixtures/html/', import.meta.url));

  it('extracts articles from .html and .html.gz files and skips pages that are not articles', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'crosscheck-pages-'));
    await copyFile(join(pages, 'json-ld-news/page.html'), join(folder, 'story.html'));
    await writeFile(
      join(folder, 'packed.html.gz'),
      gzipSync(await readFile(join(pages, 'time-element/page.html'))),
    );
    await copyFile(join(pages, 'login-page/page.html'), join(folder, 'login.html'));
    const result = await readArticles([folder]);
    expect(result.articles.map((article) => article.id)).toEqual(['packed', 'story']);
    const story = result.articles.find((article) => article.id === 'story')!;
    expect(story.title).toBeDefined();
    expect(story.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(story.body).not.toMatch(/<[a-z]/i);
    expect(result.skipped).toEqual([
      expect.objectContaining({ path: join(folder, 'login.html'), reason: 'not-an-article' }),
    ]);
    expect(result.skipped[0]!.message).toContain('login.html');
    await rm(folder, { recursive: true, force: true });
  });
});
