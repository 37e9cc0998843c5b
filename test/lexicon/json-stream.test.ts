import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type JsonScalar, JsonStreamParser, parseJsonFile } from '../../src/lexicon/json-stream.js';

type Event = [string, ReadonlyArray<string | number>, JsonScalar?];

/** Every event of a document fed in pieces of `size` characters. */
function events(text: string, size: number): Event[] {
  const seen: Event[] = [];
  const parser = new JsonStreamParser({
    value: (at, value) => seen.push(['value', [...at], value]),
    end: (at) => seen.push(['end', [...at]]),
  });
  for (let start = 0; start < text.length; start += size) parser.write(text.slice(start, start + size));
  parser.finish();
  return seen;
}

const DOCUMENT = JSON.stringify({
  precision: 8,
  words: ['the', '"', '\\', 'naïve', 'ü\u2028x', 'a\nb', ''],
  vectors: { the: [0.1, -2.5e-3, 1e10, -0], '"': [1, 2], naïve: [] },
  flags: [true, false, null, { nested: [[1], [2, 3]] }],
});

describe('JsonStreamParser', () => {
  it('reports the same values whatever the piece size, as JSON.parse reads them', () => {
    const whole = events(DOCUMENT, DOCUMENT.length);
    for (const size of [1, 2, 3, 7, 64]) expect(events(DOCUMENT, size)).toEqual(whole);
    const words = whole
      .filter(([kind, at]) => kind === 'value' && at[0] === 'words')
      .map((event) => event[2]);
    expect(words).toEqual(JSON.parse(DOCUMENT).words);
    expect(whole).toContainEqual(['value', ['vectors', 'the', 1], -2.5e-3]);
    expect(whole).toContainEqual(['end', ['vectors', 'naïve']]);
    expect(whole).toContainEqual(['value', ['flags', 3, 'nested', 1, 1], 3]);
  });

  it('rejects malformed and incomplete input instead of guessing', () => {
    expect(() => events('{"a": [1, 2}', 4)).toThrow(SyntaxError);
    expect(() => events('{"a": tru', 4)).toThrow(SyntaxError);
    expect(() => events('{"a": 1', 4)).toThrow(SyntaxError);
    expect(() => events('{"a": @}', 4)).toThrow(SyntaxError);
    expect(() => events('1 2', 4)).toThrow(SyntaxError);
  });
});

describe('parseJsonFile', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'crosscheck-json-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads a file and shows every byte to the hashing callback', () => {
    const file = path.join(directory, 'document.json');
    writeFileSync(file, DOCUMENT);
    const values: JsonScalar[] = [];
    let bytes = 0;
    parseJsonFile(file, { value: (_, value) => values.push(value) }, (chunk) => {
      bytes += chunk.length;
    });
    expect(bytes).toBe(Buffer.byteLength(DOCUMENT));
    expect(values).toEqual(
      events(DOCUMENT, DOCUMENT.length).flatMap((event) => (event[0] === 'value' ? [event[2]] : [])),
    );
  });
});
