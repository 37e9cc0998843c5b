import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExtractCommand } from '../src/cli/commands/extract.js';
import { evaluateExtraction } from '../src/eval/extraction-metrics.js';
import type { FetchResult } from '../src/ingest/fetch/fetch-url.js';
import { isFurnitureName, isFurnitureParagraph } from '../src/ingest/html/boilerplate.js';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { type ExtractedArticle, extractArticle } from '../src/ingest/html/extract-article.js';
import { cleanByline, dateFromUrl, normalizeDate, readJsonLd } from '../src/ingest/html/metadata.js';
import { CrosscheckError } from '../src/model/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureRoot = path.join(here, 'fixtures', 'html');

/** One golden page: `page.html` (bytes, any charset) and what must come out of it. */
interface GoldenExpectation {
  options?: { url?: string };
  ok: boolean;
  reason?: string;
  charset?: string;
  textExcludes?: string[];
  article?: Omit<ExtractedArticle, 'text'> & { text: string[] };
}

const goldenCases = readdirSync(fixtureRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    name: entry.name,
    page: readFileSync(path.join(fixtureRoot, entry.name, 'page.html')),
    expected: JSON.parse(
      readFileSync(path.join(fixtureRoot, entry.name, 'expected.json'), 'utf8'),
    ) as GoldenExpectation,
  }));

describe('golden pages (test/fixtures/html/<name>/page.html → expected.json)', () => {
  it('has the fixtures the extraction promises to handle', () => {
    expect(goldenCases.map((golden) => golden.name).sort()).toEqual([
      'hostile-content',
      'json-ld-news',
      'listing-page',
      'login-page',
      'meta-tags-only',
      'rel-author',
      'time-element',
      'windows-1252',
    ]);
  });

  it.each(goldenCases)('$name', ({ page, expected }) => {
    const decoded = decodeHtml(page);
    if (expected.charset !== undefined) expect(decoded.charset).toBe(expected.charset);
    const result = extractArticle(decoded.text, expected.options ?? {});
    if (!expected.ok) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toBe(expected.reason);
      return;
    }
    if (!result.ok) throw new Error(`expected an article, got ${result.reason}: ${result.message}`);
    const { text, ...metadata } = expected.article!;
    expect({ ...result.article, text: result.article.text.split('\n\n') }).toEqual({ ...metadata, text });
    for (const excluded of expected.textExcludes ?? []) expect(result.article.text).not.toContain(excluded);
  });
});

describe('extractArticle: inputs that are no article', () => {
  it.each([
    { name: 'empty string', html: '', reason: 'empty' },
    { name: 'whitespace', html: '  \n\t ', reason: 'empty' },
    { name: 'plain text', html: 'Just a sentence without markup.', reason: 'not-html' },
    {
      name: 'markup without text',
      html: '<html><body><div><img src="a.png"></div></body></html>',
      reason: 'empty',
    },
    {
      name: 'one short paragraph',
      html: '<html><body><p>Page not found. Try the search box.</p></body></html>',
      reason: 'not-an-article',
    },
  ])('$name → $reason', ({ html, reason }) => {
    const result = extractArticle(html, { name: 'case.html' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(/^case\.html: /);
    }
  });
});

const prose = (count: number): string =>
  Array.from(
    { length: count },
    (_, index) =>
      `<p>Paragraph ${index + 1} of the invented report says the river pilots agreed a new rota with the port authority, and that night crossings will need two pilots on board until the channel is dredged.</p>`,
  ).join('');

describe('extractArticle: published and updated are kept apart', () => {
  const page = (head: string): string =>
    `<html><head><title>Pilots agree rota</title>${head}</head><body><article>${prose(3)}</article></body></html>`;
  it.each([
    {
      name: 'JSON-LD dates',
      head: '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-20","dateModified":"2024-02-22T10:00:00Z"}</script>',
      published: '2024-02-20',
      updated: '2024-02-22T10:00:00Z',
    },
    {
      name: 'JSON-LD wins over meta',
      head: '<meta property="article:published_time" content="2024-01-01"><script type="application/ld+json">[{"@type":"WebSite"},{"@type":["NewsArticle"],"datePublished":"2024-02-20"}]</script>',
      published: '2024-02-20',
      updated: undefined,
    },
    {
      name: 'updated equal to published is no update',
      head: '<meta property="article:published_time" content="2024-03-01T08:00:00+00:00"><meta property="article:modified_time" content="2024-03-01T08:00:00Z">',
      published: '2024-03-01T08:00:00Z',
      updated: undefined,
    },
    {
      name: 'only a modified time: published stays unknown',
      head: '<meta property="og:updated_time" content="2024-04-05">',
      published: undefined,
      updated: '2024-04-05',
    },
    {
      name: 'broken JSON-LD is skipped, meta used',
      head: '<script type="application/ld+json">{"@type":"NewsArticle", "datePublished": </script><meta name="pubdate" content="20240506">',
      published: '2024-05-06',
      updated: undefined,
    },
  ])('$name', ({ head, published, updated }) => {
    const result = extractArticle(page(head));
    if (!result.ok) throw new Error(result.message);
    expect(result.article.published).toBe(published);
    expect(result.article.updated).toBe(updated);
  });
});

describe('normalizeDate', () => {
  it.each([
    { value: '2024-02-20', expected: '2024-02-20' },
    { value: '2024-02-20T07:30:00+01:00', expected: '2024-02-20T07:30:00+01:00' },
    { value: '2024-02-20T07:30:00.123Z', expected: '2024-02-20T07:30:00Z' },
    { value: '2024-02-20 07:30', expected: '2024-02-20T07:30:00' },
    { value: '2024-02-20T07:30:00+0530', expected: '2024-02-20T07:30:00+05:30' },
    { value: '20240220', expected: '2024-02-20' },
    { value: 'Tue, 20 Feb 2024 10:00:00 GMT', expected: '2024-02-20' },
    { value: 'February 20, 2024', expected: '2024-02-20' },
    // Negative cases: impossible days, no year (would need today's date), not a date.
    { value: '2024-02-30', expected: undefined },
    { value: '1850-01-01', expected: undefined },
    { value: 'February 20', expected: undefined },
    { value: 'yesterday', expected: undefined },
    { value: '', expected: undefined },
  ])('$value → $expected', ({ value, expected }) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});

describe('dateFromUrl', () => {
  it.each([
    { url: 'https://a.example/news/2024/02/20/slug', expected: '2024-02-20' },
    { url: 'https://a.example/2024-2-5-slug.html', expected: '2024-02-05' },
    { url: 'https://a.example/entertainment/2019/11/slug.html', expected: '2019-11' },
    { url: '/2022/11/03/', expected: '2022-11-03' },
    { url: 'https://a.example/story/123456789', expected: undefined },
    { url: 'https://a.example/2024/13/40/slug', expected: undefined },
    { url: 'https://2024.example/?date=2024/02/20', expected: undefined },
  ])('$url → $expected', ({ url, expected }) => {
    expect(dateFromUrl(url)).toBe(expected);
  });
});

describe('cleanByline', () => {
  it.each([
    { value: 'By Jane Roe', expected: 'Jane Roe' },
    { value: '  by:  Jane   Roe ', expected: 'Jane Roe' },
    { value: 'Jane Roe | Staff Writer', expected: 'Jane Roe' },
    { value: 'Jane Roe jane@paper.example', expected: 'Jane Roe' },
    { value: 'https://facebook.com/janeroe', expected: undefined },
    { value: 'x'.repeat(200), expected: undefined },
    { value: '', expected: undefined },
  ])('$value → $expected', ({ value, expected }) => {
    expect(cleanByline(value)).toBe(expected);
  });
});

describe('readJsonLd', () => {
  it.each([
    { name: 'object', html: '<script type="application/ld+json">{"a":1}</script>', count: 1 },
    {
      name: 'two blocks',
      html: '<script type="application/ld+json">{}</script><script type=application/ld+json>[]</script>',
      count: 2,
    },
    {
      name: 'CDATA wrapper',
      html: '<script type="application/ld+json">//<![CDATA[\n{"a":1}\n//]]></script>',
      count: 1,
    },
    {
      name: 'raw newline inside a string',
      html: '<script type="application/ld+json">{"a":"line\nbreak"}</script>',
      count: 1,
    },
    { name: 'broken JSON', html: '<script type="application/ld+json">{"a":</script>', count: 0 },
    { name: 'other script type', html: '<script type="text/javascript">{"a":1}</script>', count: 0 },
  ])('$name → $count block(s)', ({ html, count }) => {
    expect(readJsonLd(html)).toHaveLength(count);
  });
});

describe('boilerplate rules', () => {
  it.each([
    { name: 'share-bar', furniture: true },
    { name: 'article__related-links', furniture: true },
    { name: 'Page-ad-margins', furniture: true },
    { name: 'newsletter_signup', furniture: true },
    { name: 'shareholder-report', furniture: false },
    { name: 'adventure', furniture: false },
    { name: 'social-media-embed', furniture: false },
    { name: 'article-body', furniture: false },
  ])('class "$name" is furniture: $furniture', ({ name, furniture }) => {
    expect(isFurnitureName(name)).toBe(furniture);
  });

  it.each([
    { paragraph: 'Advertisement', furniture: true },
    { paragraph: 'Image 3 of 9', furniture: true },
    { paragraph: '(Image credit: Some Agency)', furniture: true },
    { paragraph: 'Updated 10:01 pm PST, Tuesday, November 19, 2019', furniture: true },
    { paragraph: 'Read more: Council approves harbour budget', furniture: true },
    { paragraph: 'https://paper.example/story', furniture: true },
    { paragraph: 'Nov. 20, 2019, 9:28 AM UTC', furniture: true },
    { paragraph: 'Tuesday 19 November 2019 10:43', furniture: true },
    { paragraph: 'May 5, 2020 was the day the harbour bridge reopened.', furniture: false },
    { paragraph: 'The advertisement ran for three weeks before the council withdrew it.', furniture: false },
    {
      paragraph:
        'Subscribers to the council newsletter were told on Monday that the harbour would close for two days while divers inspected the pier.',
      furniture: false,
    },
  ])('"$paragraph" is furniture: $furniture', ({ paragraph, furniture }) => {
    expect(isFurnitureParagraph(paragraph)).toBe(furniture);
  });
});

describe('crosscheck extract (registerExtractCommand)', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'crosscheck-extract-'));
    const page = readFileSync(path.join(fixtureRoot, 'json-ld-news', 'page.html'));
    await writeFile(path.join(directory, 'page.html'), page);
    await writeFile(path.join(directory, 'page.html.gz'), gzipSync(page));
    await writeFile(
      path.join(directory, 'login.html'),
      readFileSync(path.join(fixtureRoot, 'login-page', 'page.html')),
    );
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** Serves the fixture page for one invented address; every other address is refused like the real guard. */
  const fakeFetch = async (url: string): Promise<FetchResult> =>
    url === 'https://courier.example/ferry'
      ? {
          ok: true,
          url,
          status: 200,
          contentType: 'text/html; charset=utf-8',
          bytes: readFileSync(path.join(fixtureRoot, 'json-ld-news', 'page.html')),
          redirects: [],
        }
      : { ok: false, reason: 'blocked-address', message: `${url}: refused, a private address`, url };

  async function run(argv: string[]): Promise<string> {
    let stdout = '';
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerExtractCommand(
      program,
      {
        stdout: (text) => (stdout += text),
        stderr: () => {},
        isTerminal: false,
      },
      fakeFetch,
    );
    await program.parseAsync(argv, { from: 'user' });
    return stdout;
  }

  it.each(['page.html', 'page.html.gz'])('prints the article of %s as JSON', async (file) => {
    const output = JSON.parse(await run(['extract', path.join(directory, file)])) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['title', 'byline', 'outlet', 'url', 'published', 'updated', 'text']);
    expect(output.outlet).toBe('The Aldous Courier');
    expect(output.published).toBe('2024-02-20T07:30:00+01:00');
    expect(String(output.text)).toMatch(/^The morning ferry/);
  });

  it('fetches a URL and extracts its article', async () => {
    const output = JSON.parse(await run(['extract', 'https://courier.example/ferry'])) as Record<
      string,
      unknown
    >;
    expect(output.outlet).toBe('The Aldous Courier');
    expect(String(output.text)).toMatch(/^The morning ferry/);
  });

  it('prints text with a metadata header', async () => {
    const output = await run(['extract', path.join(directory, 'page.html'), '--format', 'text']);
    expect(output).toMatch(/^title: Ferry service to Alder Island resumes after storm repairs\nbyline: /);
    expect(output).toContain('\n\nThe morning ferry');
  });

  it.each([
    { name: 'a page that is no article', file: 'login.html', code: 'extract-not-an-article' },
    { name: 'a missing file', file: 'absent.html', code: 'input-not-found' },
    { name: 'a refused address', file: 'https://paper.example/story', code: 'fetch-blocked-address' },
  ])('fails with $code on $name', async ({ file, code }) => {
    const target = file.startsWith('https:') ? file : path.join(directory, file);
    const error = await run(['extract', target]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrosscheckError);
    expect((error as CrosscheckError).code).toBe(code);
  });
});

const benchmarkRoot = path.resolve(here, '../../shared/data/extraction');
const benchmarkPresent = existsSync(path.join(benchmarkRoot, 'ground-truth.json'));
if (!benchmarkPresent)
  console.log(`html-extract: benchmark absent at ${benchmarkRoot}, skipping its F1 check`);

describe.skipIf(!benchmarkPresent)('article-extraction benchmark (../shared/data/extraction)', () => {
  it('scores at least 0.97 shingle F1 over its 116 pages', { timeout: 120_000 }, async () => {
    const { gunzipSync } = await import('node:zlib');
    const truth = JSON.parse(readFileSync(path.join(benchmarkRoot, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody?: string; url?: string }
    >;
    const predictions: Record<string, { articleBody: string }> = {};
    for (const [id, page] of Object.entries(truth)) {
      const html = decodeHtml(
        gunzipSync(readFileSync(path.join(benchmarkRoot, 'html', `${id}.html.gz`))),
      ).text;
      const result = extractArticle(html, page.url === undefined ? {} : { url: page.url });
      predictions[id] = { articleBody: result.ok ? result.article.text : '' };
    }
    const scores = evaluateExtraction(truth, predictions);
    expect(scores.pages).toBe(116);
    expect(scores.f1).toBeGreaterThanOrEqual(0.97);
  });
});
