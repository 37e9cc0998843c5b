import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ingest/jsonl.js';

// Every record below is invented for these tests; the AllSides crawl is only read, never copied.
const lines = (...records: unknown[]): string =>
  records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n');

describe('parseJsonl: default field names', () => {
  it('reads one article per line with its metadata', () => {
    const text = lines(
      {
        id: 'a1',
        title: 'Ferry halted',
        body: 'The ferry stopped mid-lake.',
        url: 'https://a.example/1',
        outlet: 'Gazette',
        published: '2025-03-04T22:15:00-05:00',
      },
      {
        id: 7,
        headline: 'Tug praised',
        text: 'The tug crew was praised.',
        source: 'Dispatch',
        date: 'Wed, 05 Mar 2025 09:00:00 GMT',
      },
    );
    const result = parseJsonl(text, { path: 'dump.jsonl' });
    expect(result.articles).toEqual([
      {
        id: 'a1',
        path: 'dump.jsonl',
        title: 'Ferry halted',
        body: 'The ferry stopped mid-lake.',
        url: 'https://a.example/1',
        outlet: 'Gazette',
        published: '2025-03-04',
      },
      {
        id: '7',
        path: 'dump.jsonl',
        title: 'Tug praised',
        body: 'The tug crew was praised.',
        outlet: 'Dispatch',
        published: '2025-03-05',
      },
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.skippedLines).toBe(0);
  });

  it('gives a record without an id a stable hash of its URL, else of its body', () => {
    const text = lines({ url: 'https://a.example/2', body: 'One.' }, { body: 'Two.' });
    const first = parseJsonl(text, {}).articles.map((article) => article.id);
    expect(first).toHaveLength(2);
    for (const id of first) expect(id).toMatch(/^jsonl-[0-9a-f]{16}$/);
    expect(parseJsonl(text, {}).articles.map((article) => article.id)).toEqual(first);
  });

  it('accepts CRLF, a BOM, blank lines and a last line without newline', () => {
    const text = `\uFEFF${JSON.stringify({ id: 'x', body: 'Alpha.' })}\r\n\r\n   \r\n${JSON.stringify({ id: 'y', body: 'Beta.' })}`;
    const result = parseJsonl(text, {});
    expect(result.articles.map((article) => article.id)).toEqual(['x', 'y']);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads Unix times in seconds and milliseconds', () => {
    const text = lines(
      { id: 's', body: 'A.', date: 1741132800 },
      { id: 'ms', body: 'B.', date: 1741132800000 },
    );
    expect(parseJsonl(text, {}).articles.map((article) => article.published)).toEqual([
      '2025-03-05',
      '2025-03-05',
    ]);
  });
});

describe('parseJsonl: bad lines are skipped, never the file', () => {
  const good = { id: 'ok', body: 'The lake froze.' };
  it.each([
    { name: 'invalid JSON', line: '{"id": "bad", "body": "unterminated', code: 'jsonl-invalid-json' },
    { name: 'a truncated last line', line: '{"id": "cut", "bo', code: 'jsonl-invalid-json' },
    { name: 'an array', line: '["a", "b"]', code: 'jsonl-not-object' },
    { name: 'a bare string', line: '"just text"', code: 'jsonl-not-object' },
    { name: 'null', line: 'null', code: 'jsonl-not-object' },
    { name: 'no body', line: JSON.stringify({ id: 'nb', title: 'Only a title' }), code: 'jsonl-no-body' },
    { name: 'a blank body', line: JSON.stringify({ id: 'blank', body: '   ' }), code: 'jsonl-no-body' },
    {
      name: 'a duplicate id',
      line: JSON.stringify({ id: 'ok', body: 'Again.' }),
      code: 'jsonl-duplicate-id',
    },
  ])('$name on line 2 → $code', ({ line, code }) => {
    const text = lines(good, line, { id: 'after', body: 'The ice broke.' });
    const result = parseJsonl(text, { path: 'crawl.jsonl' });
    expect(result.articles.map((article) => article.id)).toEqual(['ok', 'after']);
    expect(result.skippedLines).toBe(1);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code, severity: 'warning' });
    expect(result.diagnostics[0]?.message).toMatch(/^crawl\.jsonl:2: .*line skipped$/);
  });

  it('keeps a record whose date cannot be read, without the date', () => {
    const result = parseJsonl(lines({ id: 'd', body: 'Text.', published: 'last Tuesday' }), {
      path: 'd.jsonl',
    });
    expect(result.articles).toEqual([{ id: 'd', path: 'd.jsonl', body: 'Text.' }]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'jsonl-bad-date' });
    expect(result.diagnostics[0]?.message).toContain('d.jsonl:1:');
  });

  it('gives no articles and no diagnostics for an empty dump', () => {
    expect(parseJsonl('\n\n', {})).toEqual({ articles: [], diagnostics: [], skippedLines: 0 });
  });
});

describe('parseJsonl: mapped fields', () => {
  const record = {
    story: { key: 'k-1' },
    piece: { headline: 'Dam inspected', paragraphs: ['The dam was inspected.', '', 'No cracks were found.'] },
    meta: { site: 'Valley Post', link: 'https://post.example/dam', when: '2025-03-06' },
    'flat.key': 'a key with a dot',
  };
  const mapping = {
    id: 'story.key',
    title: 'piece.headline',
    body: 'piece.paragraphs',
    outlet: 'meta.site',
    url: 'meta.link',
    published: 'meta.when',
  };

  it('follows dotted paths and joins paragraph arrays', () => {
    const result = parseJsonl(lines(record), {}, mapping);
    expect(result.articles).toEqual([
      {
        id: 'k-1',
        title: 'Dam inspected',
        body: 'The dam was inspected.\n\nNo cracks were found.',
        outlet: 'Valley Post',
        url: 'https://post.example/dam',
        published: '2025-03-06',
      },
    ]);
  });

  it('finds a key that itself contains a dot', () => {
    const result = parseJsonl(lines(record), {}, { ...mapping, title: 'flat.key' });
    expect(result.articles[0]?.title).toBe('a key with a dot');
  });

  it('tries only the named field, and names it when it is missing', () => {
    const result = parseJsonl(
      lines({ id: 'z', body: 'Default body.' }),
      { path: 'm.jsonl' },
      { body: 'content.text' },
    );
    expect(result.articles).toEqual([]);
    expect(result.diagnostics[0]?.message).toContain('"content.text"');
  });
});

const crawl = fileURLToPath(new URL('../../shared/data/allsides/raw-crawl.jsonl', import.meta.url));
const hasCrawl = existsSync(crawl);
if (!hasCrawl) console.log(`jsonl.test: ${crawl} is absent; skipping the AllSides crawl test`);

describe.skipIf(!hasCrawl)('parseJsonl on the AllSides crawl (../shared/data)', () => {
  it('maps the centre outlet of every story, skipping none', () => {
    const text = readFileSync(crawl, 'utf8');
    const lineCount = text.split('\n').filter((line) => line.trim() !== '').length;
    const result = parseJsonl(
      text,
      { path: 'raw-crawl.jsonl' },
      {
        id: 'id',
        title: 'news.center.newsTitle',
        body: 'news.center.newBody',
        outlet: 'news.center.newsSource',
        url: 'news.center.newsLink',
        published: 'date',
      },
    );
    expect(result.articles.length + result.skippedLines).toBe(lineCount);
    expect(result.articles.length).toBeGreaterThan(lineCount * 0.9);
    for (const article of result.articles) {
      expect(article.body.length).toBeGreaterThan(0);
      expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
