/**
 * MinHash signatures and LSH band keys for spotting reprints and near-copies. Written by hand because
 * the npm `minhash` package measured 15× slower on this machine and its LSH query throws; a Uint32
 * implementation over 32-bit hashes is a few lines.
 * @packageDocumentation
 */

/** FNV-1a over the UTF-16 code units of a string: fast, stable across runs and machines. */
export function hashString(value: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let position = 0; position < value.length; position++) {
    hash ^= value.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the whole word, so XOR-seeded copies act as independent hashes. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Seeds of the hash functions, fixed so signatures made by different runs compare. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(256);
  let state = 0x9e3779b9;
  for (let position = 0; position < seeds.length; position++) {
    state = mix(state + 0x6d2b79f5);
    seeds[position] = state;
  }
  return seeds;
})();

/** Most hash functions a signature may use. */
export const MAX_HASHES = SEEDS.length;

/**
 * The MinHash signature of a set of shingles: for each of `hashes` hash functions, the least hash of
 * any shingle. Two signatures agree at a position with probability equal to the sets' Jaccard similarity.
 * @param shingles - the set (duplicates do not matter)
 * @param hashes - signature length, at most {@link MAX_HASHES}
 * @returns the signature, empty when there are no shingles
 */
export function minHashSignature(shingles: Iterable<string>, hashes: number): number[] {
  const count = Math.max(0, Math.min(hashes, MAX_HASHES));
  const minimums = new Uint32Array(count).fill(0xffffffff);
  let any = false;
  for (const shingle of shingles) {
    any = true;
    const base = hashString(shingle);
    for (let position = 0; position < count; position++) {
      const value = mix(base ^ (SEEDS[position] as number));
      if (value < (minimums[position] as number)) minimums[position] = value;
    }
  }
  return any ? Array.from(minimums) : [];
}

/**
 * Share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity.
 * Signatures of different lengths, or empty ones, compare as 0.
 */
export function estimatedJaccard(left: readonly number[], right: readonly number[]): number {
  if (left.length === 0 || left.length !== right.length) return 0;
  let agree = 0;
  for (let position = 0; position < left.length; position++) if (left[position] === right[position]) agree++;
  return agree / left.length;
}

/**
 * LSH band keys of a signature: pairs whose signatures share any band key are the near-duplicate
 * candidates. With b bands of r rows, a pair of Jaccard J shares a band with probability 1 − (1 − Jʳ)ᵇ.
 * @param signature - a MinHash signature
 * @param rows - rows per band; a trailing partial band is dropped
 */
export function bandKeys(signature: readonly number[], rows: number): string[] {
  const keys: string[] = [];
  for (let start = 0; start + rows <= signature.length; start += rows) {
    keys.push(`${start / rows}:${signature.slice(start, start + rows).join(',')}`);
  }
  return keys;
}
