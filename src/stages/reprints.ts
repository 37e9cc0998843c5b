import type { Reprint, Source } from '../model/index.js';

/*
 * MinHash signatures over word 5-shingles with banded LSH, written by hand: the npm `minhash` package is
 * 15× slower and its LSH query throws (../shared/ecosystem.md), and a Uint32 implementation is a few
 * dozen lines. Candidate pairs from the bands are then checked with the exact shingle Jaccard.
 */

/** Options of {@link findReprints}. */
export interface ReprintOptions {
  /** Jaccard similarity of word 5-shingles at or above which one source copies another (default 0.5). */
  threshold?: number;
}

const SHINGLE = 5;
/** 16 bands of 2 rows: a pair at Jaccard 0.5 shares a band with probability 0.99, at 0.2 with 0.48. */
const HASHES = 32;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const DEFAULT_THRESHOLD = 0.5;

/** Fixed odd multipliers and offsets (from a seeded generator) so signatures are deterministic. */
const SALTS: Uint32Array = (() => {
  const salts = new Uint32Array(HASHES * 2);
  let state = 0x9e3779b9;
  for (let index = 0; index < salts.length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    salts[index] = (state >>> 0) | 1;
  }
  return salts;
})();

/**
 * Hashes of the words of a text, read in one pass over its characters: letters and digits (lower-cased)
 * make words, anything else separates them. No strings are built, which keeps it fast on long stories.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let index = 0; index <= text.length; index++) {
    let code = index < text.length ? text.charCodeAt(index) : 32;
    if (code >= 65 && code <= 90) code += 32;
    const wordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 0xc0;
    // Apostrophes inside words ("don't", "Kim’s") do not split them.
    if (!wordChar && inWord && (code === 39 || code === 0x2019)) continue;
    if (wordChar) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes.push(hash >>> 0);
      hash = 0x811c9dc5;
      inWord = false;
    }
  }
  return hashes;
}

/** The distinct word 5-shingles of a text, as sorted hashes. */
export function shingleHashes(text: string): Uint32Array {
  const words = wordHashes(text);
  const hashes = new Set<number>();
  const span = Math.min(SHINGLE, words.length);
  // A shingle combines its words' hashes: no string per shingle.
  for (let index = 0; index + span <= words.length && span > 0; index++) {
    let hash = 0x811c9dc5;
    for (let offset = 0; offset < span; offset++) {
      hash = Math.imul(hash ^ words[index + offset]!, 0x01000193);
      hash ^= hash >>> 13;
    }
    hashes.add(hash >>> 0);
  }
  return Uint32Array.from(hashes).sort();
}

/** MinHash signature: for each of the hash functions, the least mixed hash over the shingles. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const salts = SALTS;
  for (let position = 0; position < shingles.length; position++) {
    const shingle = shingles[position]!;
    for (let index = 0; index < HASHES; index++) {
      let mixed = Math.imul(shingle ^ salts[index * 2 + 1]!, salts[index * 2]!);
      mixed = (mixed ^ (mixed >>> 15)) >>> 0;
      if (mixed < signature[index]!) signature[index] = mixed;
    }
  }
  return signature;
}

/** Exact Jaccard similarity of two sorted hash sets. */
export function jaccard(first: Uint32Array, second: Uint32Array): number {
  if (first.length === 0 || second.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    if (first[i] === second[j]) {
      shared++;
      i++;
      j++;
    } else if (first[i]! < second[j]!) i++;
    else j++;
  }
  return shared / (first.length + second.length - shared);
}

/**
 * Sources that reprint or lightly edit another source of the story (wire copy, syndicated articles).
 * Needs: the sources' canonical texts, dates and outlets. Adds: `reprints`, one entry per copy, pointing at
 * the source it copies: the earlier one, else the one whose outlet the copy credits, else the first read.
 * Cost is linear in the story: only sources that share a band of their signatures are compared.
 * @param sources - the story's sources, in report order
 * @param options - the similarity threshold
 */
export function findReprints(sources: readonly Source[], options: ReprintOptions = {}): Reprint[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const shingles = sources.map((source) => shingleHashes(source.text));
  const buckets = new Map<string, number[]>();
  shingles.forEach((set, position) => {
    if (set.length === 0) return;
    const signature = minhashSignature(set);
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${signature.slice(band * ROWS, band * ROWS + ROWS).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(position);
      else buckets.set(key, [position]);
    }
  });
  const compared = new Set<string>();
  const pairs: Array<{ first: number; second: number; similarity: number }> = [];
  for (const bucket of buckets.values()) {
    for (let a = 0; a < bucket.length; a++) {
      for (let b = a + 1; b < bucket.length; b++) {
        const first = bucket[a]!;
        const second = bucket[b]!;
        const key = `${first}:${second}`;
        if (compared.has(key)) continue;
        compared.add(key);
        const similarity = jaccard(shingles[first]!, shingles[second]!);
        if (similarity >= threshold) pairs.push({ first, second, similarity });
      }
    }
  }
  pairs.sort((left, right) => left.first - right.first || left.second - right.second);
  const reprints: Reprint[] = [];
  const copied = new Set<number>();
  for (const pair of pairs) {
    const [original, copy] = originalFirst(sources, pair.first, pair.second);
    // A source copies one original; several copies of one original each point at it.
    if (copied.has(copy)) continue;
    copied.add(copy);
    reprints.push({
      source: sources[copy]!.id,
      copyOf: sources[original]!.id,
      similarity: Math.round(pair.similarity * 1000) / 1000,
    });
  }
  return reprints;
}

/** Which of two near-identical sources is the original: earlier date, then the credited outlet, then order. */
function originalFirst(sources: readonly Source[], first: number, second: number): [number, number] {
  const left = sources[first]!;
  const right = sources[second]!;
  if (left.published !== undefined && right.published !== undefined && left.published !== right.published)
    return left.published < right.published ? [first, second] : [second, first];
  const credits = (copy: Source, original: Source): boolean =>
    original.outlet !== undefined && copy.outlet !== original.outlet && copy.text.includes(original.outlet);
  if (credits(right, left) && !credits(left, right)) return [first, second];
  if (credits(left, right) && !credits(right, left)) return [second, first];
  return [first, second];
}

/**
 * Independent report groups: each source mapped to the source at the root of its copy chain.
 * @param sources - the story's source ids
 * @param reprints - as found by {@link findReprints}
 */
export function independentRoots(
  sources: readonly string[],
  reprints: readonly Reprint[],
): Map<string, string> {
  const copyOf = new Map(reprints.map((reprint) => [reprint.source, reprint.copyOf]));
  const roots = new Map<string, string>();
  for (const source of sources) {
    let root = source;
    const seen = new Set<string>();
    while (copyOf.has(root) && !seen.has(root)) {
      seen.add(root);
      root = copyOf.get(root)!;
    }
    roots.set(source, root);
  }
  return roots;
}

/** How many independent reports a set of sources amounts to. */
export function countIndependent(sources: readonly string[], roots: ReadonlyMap<string, string>): number {
  return new Set(sources.map((source) => roots.get(source) ?? source)).size;
}
