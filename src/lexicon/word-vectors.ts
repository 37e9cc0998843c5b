/**
 * Word vectors held as int8 rows with one scale per row: 100 bytes a word instead of 400, and a cosine
 * is an integer dot product times two stored factors. Pure: built from arrays, never reads files
 * (see vector-cache.ts for that).
 * @packageDocumentation
 */
import { WordIndex } from './word-index.js';

/** A word and how close it is to another. */
export interface Neighbour {
  word: string;
  similarity: number;
}

/**
 * Quantized, unit-free word vectors: {@link WordVectors.similarity} is the cosine of the two quantized
 * rows, in [-1, 1].
 */
export class WordVectors {
  /** Number of words. */
  readonly size: number;

  /**
   * @param indexOf - the vocabulary, most frequent first; row `i` of `matrix` is word `i`
   * @param dimensions - values per row
   * @param matrix - `size × dimensions` quantized values, row after row
   * @param inverseNorms - per row, 1 / the Euclidean length of its quantized values (0 for a zero row)
   */
  constructor(
    private readonly indexOf: WordIndex,
    readonly dimensions: number,
    private readonly matrix: Int8Array,
    private readonly inverseNorms: Float32Array,
  ) {
    this.size = indexOf.size;
    if (matrix.length !== this.size * dimensions || inverseNorms.length !== this.size) {
      throw new RangeError('word vectors: matrix, norms and words disagree in size');
    }
  }

  /**
   * Builds vectors from float rows (for tests and small vocabularies; the cache stores the result).
   * @param entries - words with their vectors, most frequent first, all of one length
   */
  static fromRows(entries: ReadonlyArray<readonly [string, ArrayLike<number>]>): WordVectors {
    const dimensions = entries[0]?.[1].length ?? 0;
    const matrix = new Int8Array(entries.length * dimensions);
    const inverseNorms = new Float32Array(entries.length);
    entries.forEach(([, values], row) => {
      if (values.length !== dimensions) throw new RangeError('word vectors: rows of different lengths');
      inverseNorms[row] = quantizeRow(values, matrix, row * dimensions);
    });
    const index = new WordIndex(WordIndex.build(entries.map(([word]) => word)));
    return new WordVectors(index, dimensions, matrix, inverseNorms);
  }

  /** The word of a row (0 = most frequent). */
  word(row: number): string {
    return this.indexOf.word(row);
  }

  /** Whether the vocabulary holds the word (exactly: the source vocabulary is lower case). */
  has(word: string): boolean {
    return this.indexOf.has(word);
  }

  /** The frequency rank of a word (0 = most frequent), or undefined when it is not in the vocabulary. */
  rank(word: string): number | undefined {
    return this.indexOf.get(word);
  }

  /**
   * The cosine of two words' vectors, or undefined when either is not in the vocabulary (which is not
   * the same as unrelated: callers decide what an unknown word means).
   */
  similarity(first: string, second: string): number | undefined {
    const firstIndex = this.indexOf.get(first);
    const secondIndex = this.indexOf.get(second);
    if (firstIndex === undefined || secondIndex === undefined) return undefined;
    if (firstIndex === secondIndex) return this.inverseNorms[firstIndex] === 0 ? 0 : 1;
    return this.rowCosine(firstIndex, secondIndex);
  }

  /**
   * The `count` words closest to `word` by cosine, closest first (ties by frequency), without the word
   * itself; empty when the word is unknown. Scans every row: about 35 ms for 200k words, meant for
   * exploration and tests rather than inner loops.
   */
  nearest(word: string, count: number): Neighbour[] {
    const index = this.indexOf.get(word);
    if (index === undefined || count <= 0) return [];
    const best: Array<{ row: number; similarity: number }> = [];
    for (let row = 0; row < this.size; row++) {
      if (row === index) continue;
      const similarity = this.rowCosine(index, row);
      if (best.length === count && similarity <= best[best.length - 1]!.similarity) continue;
      let position = best.length;
      while (position > 0 && best[position - 1]!.similarity < similarity) position--;
      best.splice(position, 0, { row, similarity });
      if (best.length > count) best.pop();
    }
    return best.map(({ row, similarity }) => ({ word: this.indexOf.word(row), similarity }));
  }

  /** The quantized row of a word as floats of unit length, or undefined when unknown. */
  vector(word: string): Float32Array | undefined {
    const index = this.indexOf.get(word);
    if (index === undefined) return undefined;
    const result = new Float32Array(this.dimensions);
    const scale = this.inverseNorms[index]!;
    const offset = index * this.dimensions;
    for (let dimension = 0; dimension < this.dimensions; dimension++) {
      result[dimension] = this.matrix[offset + dimension]! * scale;
    }
    return result;
  }

  private rowCosine(first: number, second: number): number {
    const dimensions = this.dimensions;
    const matrix = this.matrix;
    let dot = 0;
    const firstOffset = first * dimensions;
    const secondOffset = second * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension++) {
      dot += matrix[firstOffset + dimension]! * matrix[secondOffset + dimension]!;
    }
    return dot * this.inverseNorms[first]! * this.inverseNorms[second]!;
  }
}

/**
 * Quantizes one row of floats into int8 in place of `target` at `offset`, scaled so its largest
 * magnitude becomes 127 (a per-row scale keeps small rows precise; the cosine does not depend on it),
 * and returns 1 / the length of the quantized row, or 0 for a zero row.
 * @param values - the row's floats
 * @param target - the matrix written into
 * @param offset - where the row starts in `target`
 */
export function quantizeRow(values: ArrayLike<number>, target: Int8Array, offset: number): number {
  let largest = 0;
  for (let index = 0; index < values.length; index++) largest = Math.max(largest, Math.abs(values[index]!));
  if (largest === 0 || !Number.isFinite(largest)) {
    target.fill(0, offset, offset + values.length);
    return 0;
  }
  const scale = 127 / largest;
  let squares = 0;
  for (let index = 0; index < values.length; index++) {
    const quantized = Math.round(values[index]! * scale);
    target[offset + index] = quantized;
    squares += quantized * quantized;
  }
  return Math.fround(1 / Math.sqrt(squares));
}
