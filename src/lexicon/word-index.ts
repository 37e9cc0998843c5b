/**
 * A read-only string → position table that needs no work to open: words as one UTF-8 block with their
 * offsets, and an open-addressing hash table of positions, all typed arrays that a cache file holds as
 * they are. Building a `Map` of 200k words costs 65–100 ms and splitting them out 40–50 ms, more than the
 * whole load budget of 50 ms; looking a word up here costs one hash and one comparison.
 * @packageDocumentation
 */

const EMPTY = 0;

/**
 * FNV-1a over UTF-16 code units: the same function at build and at look-up, both on JavaScript strings,
 * so no encoding is involved.
 */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The arrays a {@link WordIndex} is made of, as stored in a cache file. */
export interface WordIndexParts {
  /** Every word in UTF-8, back to back. */
  text: Uint8Array;
  /** `count + 1` offsets into `text`: word `i` is `text[offsets[i]..offsets[i+1]]`. */
  offsets: Uint32Array;
  /** A power-of-two table of `position + 1`, 0 for an empty slot, probed linearly from the hash. */
  slots: Uint32Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Words by position and positions by word, over {@link WordIndexParts}. */
export class WordIndex {
  /** Number of words. */
  readonly size: number;
  private readonly mask: number;

  /** @param parts - the arrays, shared, never copied */
  constructor(private readonly parts: WordIndexParts) {
    this.size = parts.offsets.length - 1;
    this.mask = parts.slots.length - 1;
    if (this.size < 0 || (parts.slots.length & this.mask) !== 0 || parts.slots.length <= this.size) {
      throw new RangeError('word index: inconsistent parts');
    }
  }

  /**
   * Builds the parts for a list of words; a repeated word keeps its first position (later copies are
   * still listed, never found).
   * @param words - the words in their order
   */
  static build(words: readonly string[]): WordIndexParts {
    const encoded = words.map((word) => encoder.encode(word));
    const offsets = new Uint32Array(words.length + 1);
    let total = 0;
    encoded.forEach((bytes, index) => {
      offsets[index] = total;
      total += bytes.length;
    });
    offsets[words.length] = total;
    const text = new Uint8Array(total);
    encoded.forEach((bytes, index) => {
      text.set(bytes, offsets[index]!);
    });
    // At most a half-full table keeps linear probes short.
    let capacity = 8;
    while (capacity < words.length * 2) capacity *= 2;
    const slots = new Uint32Array(capacity);
    const mask = capacity - 1;
    words.forEach((word, position) => {
      let slot = hashWord(word) & mask;
      while (slots[slot] !== EMPTY) {
        if (storedEquals(slots[slot]! - 1, word, text, offsets)) return;
        slot = (slot + 1) & mask;
      }
      slots[slot] = position + 1;
    });
    return { text, offsets, slots };
  }

  /** The position of a word, or undefined. */
  get(word: string): number | undefined {
    let slot = hashWord(word) & this.mask;
    for (;;) {
      const stored = this.parts.slots[slot]!;
      if (stored === EMPTY) return undefined;
      if (storedEquals(stored - 1, word, this.parts.text, this.parts.offsets)) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether the word is listed. */
  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  /** The word at a position. */
  word(position: number): string {
    const { text, offsets } = this.parts;
    return decoder.decode(text.subarray(offsets[position]!, offsets[position + 1]!));
  }
}

function isAscii(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (word.charCodeAt(index) >= 0x80) return false;
  return true;
}

/** Whether the word stored at `position` is `word`. */
function storedEquals(position: number, word: string, text: Uint8Array, offsets: Uint32Array): boolean {
  const start = offsets[position]!;
  const end = offsets[position + 1]!;
  // ASCII words (nearly all) compare code unit to byte; others through a decode.
  if (end - start !== word.length) {
    // An ASCII word has as many bytes as code units, so a longer stored word cannot be it.
    if (isAscii(word)) return false;
  } else {
    let ascii = true;
    for (let index = 0; index < word.length; index++) {
      const code = word.charCodeAt(index);
      if (code >= 0x80) {
        ascii = false;
        break;
      }
      if (text[start + index] !== code) return false;
    }
    if (ascii) return true;
  }
  return decoder.decode(text.subarray(start, end)) === word;
}
