import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, normalizeCharset } from '../src/ingest/html/charset.js';
import { readHtmlFile } from '../src/ingest/html/read-html-file.js';
import { CrosscheckError } from '../src/model/errors.js';

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));

describe('decodeHtml', () => {
  it.each([
    {
      name: 'UTF-8 BOM wins over a meta declaration',
      input: bytes([0xef, 0xbb, 0xbf], '<meta charset="windows-1252"><p>caf', [0xc3, 0xa9], '</p>'),
      options: {},
      charset: 'utf-8',
      source: 'bom',
      contains: 'café',
    },
    {
      name: 'UTF-16LE BOM',
      input: Uint8Array.from([0xff, 0xfe, ...ascii('<p>hi</p>').flatMap((code) => [code, 0])]),
      options: {},
      charset: 'utf-16le',
      source: 'bom',
      contains: '<p>hi</p>',
    },
    {
      name: 'Content-Type header wins over meta',
      input: bytes('<meta charset="utf-8"><p>caf', [0xe9], '</p>'),
      options: { contentType: 'text/html; charset=ISO-8859-1' },
      charset: 'windows-1252',
      source: 'content-type',
      contains: 'café',
    },
    {
      name: '<meta charset>',
      input: bytes(
        '<html><head><meta charset="windows-1252"></head><p>',
        [0x93],
        'quoted',
        [0x94, 0x20, 0x80],
        '5</p>',
      ),
      options: {},
      charset: 'windows-1252',
      source: 'meta',
      contains: '“quoted” €5',
    },
    {
      name: '<meta http-equiv> with shift_jis',
      input: bytes(
        '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>',
        [0x82, 0xa0],
        '</p>',
      ),
      options: {},
      charset: 'shift_jis',
      source: 'meta',
      contains: 'あ',
    },
    {
      name: 'a declared UTF-16 without BOM is read as UTF-8',
      input: bytes('<meta charset="utf-16"><p>caf', [0xc3, 0xa9], '</p>'),
      options: {},
      charset: 'utf-8',
      source: 'meta',
      contains: 'café',
    },
    // Negative cases: unknown labels are ignored, undeclared bytes are sniffed.
    {
      name: 'unknown label in the header falls through to meta',
      input: bytes('<meta charset="utf-8"><p>caf', [0xc3, 0xa9], '</p>'),
      options: { contentType: 'text/html; charset=no-such-charset' },
      charset: 'utf-8',
      source: 'meta',
      contains: 'café',
    },
    {
      name: 'undeclared valid UTF-8',
      input: bytes('<p>caf', [0xc3, 0xa9], '</p>'),
      options: {},
      charset: 'utf-8',
      source: 'utf8-valid',
      contains: 'café',
    },
    {
      name: 'undeclared invalid UTF-8 falls back to windows-1252',
      input: bytes('<p>caf', [0xe9, 0x20, 0x96], ' ok</p>'),
      options: {},
      charset: 'windows-1252',
      source: 'fallback',
      contains: 'café – ok',
    },
  ])('$name', ({ input, options, charset, source, contains }) => {
    const decoded = decodeHtml(input, options);
    expect(decoded.charset).toBe(charset);
    expect(decoded.source).toBe(source);
    expect(decoded.text).toContain(contains);
    expect(decoded.text.startsWith('\uFEFF')).toBe(false);
  });
});

describe('charset labels', () => {
  it.each([
    { label: 'UTF8', expected: 'utf-8' },
    { label: ' latin1 ', expected: 'windows-1252' },
    { label: 'x-sjis', expected: 'shift_jis' },
    { label: 'koi8-r', expected: 'koi8-r' },
    { label: 'bogus', expected: undefined },
  ])('normalizeCharset($label) → $expected', ({ label, expected }) => {
    expect(normalizeCharset(label)).toBe(expected);
  });

  it.each([
    { header: 'text/html; charset="utf-8"', expected: 'utf-8' },
    { header: 'text/html;charset=windows-1251', expected: 'windows-1251' },
    { header: 'text/html', expected: undefined },
  ])('charsetFromContentType($header) → $expected', ({ header, expected }) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});

describe('readHtmlFile', () => {
  let directory = '';
  const page = bytes('<meta charset="windows-1252"><p>na', [0xef], 've caf', [0xe9], '</p>');
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'crosscheck-charset-'));
    await writeFile(path.join(directory, 'page.html'), page);
    await writeFile(path.join(directory, 'page.html.gz'), gzipSync(page));
    // gzip bytes under a plain .html name: the magic number decides, not the extension.
    await writeFile(path.join(directory, 'disguised.html'), gzipSync(page));
    await writeFile(path.join(directory, 'corrupt.html.gz'), Uint8Array.from([0x1f, 0x8b, 1, 2, 3]));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each([
    { file: 'page.html', compressed: false },
    { file: 'page.html.gz', compressed: true },
    { file: 'disguised.html', compressed: true },
  ])('reads $file', async ({ file, compressed }) => {
    const read = await readHtmlFile(path.join(directory, file));
    expect(read.compressed).toBe(compressed);
    expect(read.charset).toBe('windows-1252');
    expect(read.text).toContain('naïve café');
  });

  it.each([
    { file: 'absent.html', code: 'input-not-found', options: {} },
    { file: 'corrupt.html.gz', code: 'input-unreadable', options: {} },
    { file: 'page.html', code: 'input-too-large', options: { maxBytes: 10 } },
  ])('refuses $file with $code', async ({ file, code, options }) => {
    const error = await readHtmlFile(path.join(directory, file), options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrosscheckError);
    expect((error as CrosscheckError).code).toBe(code);
  });
});
