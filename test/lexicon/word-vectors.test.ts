import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheDirectory } from '../../src/lexicon/cache-directory.js';
import {
  convertEmbeddings,
  decodeVectorFile,
  type EmbeddingsSource,
  findEmbeddingsSource,
  loadWordVectors,
  vectorCacheFile,
} from '../../src/lexicon/vector-cache.js';
import { WordIndex } from '../../src/lexicon/word-index.js';
import { WordVectors } from '../../src/lexicon/word-vectors.js';

const cosine = (first: number[], second: number[]): number => {
  const dot = first.reduce((sum, value, index) => sum + value * second[index]!, 0);
  const norm = (values: number[]): number => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return dot / norm(first) / norm(second);
};

/** A deterministic pseudo-random row, so the tests need no fixtures. */
function row(seed: number, dimensions = 12): number[] {
  let state = seed * 2654435761;
  return Array.from({ length: dimensions }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state / 2 ** 32 - 0.5) * 4;
  });
}

describe('WordIndex', () => {
  it('finds every word, ASCII or not, and nothing else', () => {
    const words = ['the', 'naïve', '東京', 'a b', 'the', 'x'];
    const index = new WordIndex(WordIndex.build(words));
    expect(index.get('the')).toBe(0);
    expect(index.get('naïve')).toBe(1);
    expect(index.get('東京')).toBe(2);
    expect(index.get('a b')).toBe(3);
    expect(index.get('x')).toBe(5);
    expect(index.word(4)).toBe('the');
    for (const absent of ['', 'th', 'thee', 'naive', '東', 'X']) expect(index.has(absent)).toBe(false);
  });
});

describe('WordVectors', () => {
  const entries = Array.from({ length: 50 }, (_, index) => [`w${index}`, row(index + 1)] as const);
  const vectors = WordVectors.fromRows(entries);

  it('gives the cosine of the rows within the int8 quantization error', () => {
    for (let first = 0; first < 10; first++) {
      for (let second = 10; second < 20; second++) {
        const exact = cosine(row(first + 1), row(second + 1));
        expect(Math.abs(vectors.similarity(`w${first}`, `w${second}`)! - exact)).toBeLessThan(0.01);
      }
    }
    expect(vectors.similarity('w3', 'w3')).toBe(1);
    expect(vectors.similarity('w3', 'absent')).toBeUndefined();
  });

  it('lists the nearest words, closest first, without the word itself', () => {
    const nearest = vectors.nearest('w0', 5);
    expect(nearest).toHaveLength(5);
    expect(nearest.map((entry) => entry.word)).not.toContain('w0');
    const scores = nearest.map((entry) => entry.similarity);
    expect([...scores].sort((first, second) => second - first)).toEqual(scores);
    const best = Math.max(...entries.slice(1).map(([word]) => vectors.similarity('w0', word)!));
    expect(nearest[0]!.similarity).toBe(best);
    expect(vectors.nearest('absent', 3)).toEqual([]);
  });

  it('gives back unit vectors', () => {
    const vector = [...vectors.vector('w7')!];
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  });
});

describe('the vector cache', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'crosscheck-vectors-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const words = ['the', ',', 'said', '"', 'naïve', 'killed', 'dead', 'orphan'];
  const json = JSON.stringify({
    precision: 8,
    l2NormIndex: 12,
    wordIndex: 13,
    size: words.length,
    dimensions: 12,
    words,
    // One word ("orphan") without a vector, and a vector for a word beyond the list.
    vectors: Object.fromEntries(
      [...words.slice(0, -1), 'unlisted'].map((word, index) => [word, [...row(index + 1), 9.9, index]]),
    ),
    unkVector: [...new Array(12).fill(0), -1],
  });
  const file = path.join(directory, 'embeddings.json');
  writeFileSync(file, json);
  const source: EmbeddingsSource = { file, version: '0.0.1-test', bytes: statSync(file).size };

  it('converts deterministically, keeping the most frequent words that have vectors', () => {
    const first = convertEmbeddings({ cacheDirectory: path.join(directory, 'a'), source, vocabularySize: 7 });
    const second = convertEmbeddings({
      cacheDirectory: path.join(directory, 'b'),
      source,
      vocabularySize: 7,
    });
    expect(readFileSync(first.file).equals(readFileSync(second.file))).toBe(true);
    expect(first.words).toBe(7);
    const vectors = decodeVectorFile(readFileSync(first.file));
    expect(Array.from({ length: vectors.size }, (_, index) => vectors.word(index))).toEqual(
      words.slice(0, 7),
    );
    const exact = cosine(row(6), row(7));
    expect(Math.abs(vectors.similarity('killed', 'dead')! - exact)).toBeLessThan(0.01);
    expect(vectors.has('orphan')).toBe(false);
    expect(vectors.has('unlisted')).toBe(false);
  });

  it('names the file by source and size, builds at first use, and replaces stale versions', () => {
    const cacheDirectory = path.join(directory, 'c');
    const built = loadWordVectors({ cacheDirectory, source, vocabularySize: 5 });
    expect(built.available && built.built).toBe(true);
    const again = loadWordVectors({ cacheDirectory, source, vocabularySize: 5 });
    expect(again.available && !again.built && again.vectors.size === 5).toBe(true);
    const newer = { ...source, version: '0.0.2-test' };
    expect(vectorCacheFile(cacheDirectory, newer, 5)).not.toBe(vectorCacheFile(cacheDirectory, source, 5));
    expect(loadWordVectors({ cacheDirectory, source: newer, vocabularySize: 5 }).available).toBe(true);
    expect(readdirSync(cacheDirectory)).toEqual([path.basename(vectorCacheFile(cacheDirectory, newer, 5))]);
  });

  it('says why when it cannot load, and never throws', () => {
    const cacheDirectory = path.join(directory, 'd');
    const unbuilt = loadWordVectors({ cacheDirectory, source, build: false });
    expect(unbuilt).toMatchObject({ available: false, reason: expect.stringContaining('npm run vectors') });
    const missing = { file: path.join(directory, 'absent.json'), version: '1', bytes: 1 };
    expect(loadWordVectors({ cacheDirectory, source: missing })).toMatchObject({
      available: false,
      reason: expect.stringContaining('could not be built'),
    });
    mkdirSync(cacheDirectory, { recursive: true });
    writeFileSync(vectorCacheFile(cacheDirectory, source), 'not a cache');
    expect(loadWordVectors({ cacheDirectory, source })).toMatchObject({
      available: false,
      reason: expect.stringContaining('unreadable'),
    });
    expect(findEmbeddingsSource(path.join(tmpdir(), 'nowhere', 'x.js'))).toEqual(
      expect.stringContaining('not installed'),
    );
    expect(existsSync(path.join(cacheDirectory, 'a'))).toBe(false);
  });
});

describe('defaultCacheDirectory', () => {
  it('follows XDG_CACHE_HOME when it is absolute, else ~/.cache', () => {
    expect(defaultCacheDirectory({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me')).toBe(
      '/var/cache/me/crosscheck',
    );
    expect(defaultCacheDirectory({ XDG_CACHE_HOME: 'relative' }, '/home/me')).toBe(
      '/home/me/.cache/crosscheck',
    );
    expect(defaultCacheDirectory({}, '/home/me')).toBe('/home/me/.cache/crosscheck');
  });
});
