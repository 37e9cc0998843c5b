/**
 * A word-level diff of two renderings of one quote, for the quote ledger. Written here because no
 * installed package diffs text and quotes are a few dozen words: a plain longest-common-subsequence
 * table is small and exact.
 */

/** One run of a diff: words both share, words only the rendering has, words only the base has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Words compared without case and surrounding punctuation: "safe." and "Safe" are the same word. */
function comparable(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Longest quote compared word by word; longer ones are shown without diff (the table grows as n×m). */
const MAX_WORDS = 400;

/**
 * The words of `rendering` against `base`, in reading order. Removed runs at either end are dropped:
 * an outlet that quotes only part of a sentence cut it, and the fidelity label already says so.
 */
export function wordDiff(base: string, rendering: string): DiffPart[] {
  const left = base.split(/\s+/).filter(Boolean);
  const right = rendering.split(/\s+/).filter(Boolean);
  if (left.length > MAX_WORDS || right.length > MAX_WORDS) return [{ kind: 'same', text: rendering }];
  const leftKeys = left.map(comparable);
  const rightKeys = right.map(comparable);
  const width = right.length + 1;
  const table = new Uint16Array((left.length + 1) * width);
  for (let row = left.length - 1; row >= 0; row -= 1)
    for (let column = right.length - 1; column >= 0; column -= 1)
      table[row * width + column] =
        leftKeys[row] === rightKeys[column]
          ? table[(row + 1) * width + column + 1]! + 1
          : Math.max(table[(row + 1) * width + column]!, table[row * width + column + 1]!);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], word: string): void => {
    const last = parts.at(-1);
    if (last !== undefined && last.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let row = 0;
  let column = 0;
  while (row < left.length || column < right.length) {
    if (row < left.length && column < right.length && leftKeys[row] === rightKeys[column]) {
      push('same', right[column]!);
      row += 1;
      column += 1;
    } else if (
      column < right.length &&
      (row >= left.length || table[row * width + column + 1]! >= table[(row + 1) * width + column]!)
    ) {
      push('added', right[column]!);
      column += 1;
    } else {
      push('removed', left[row]!);
      row += 1;
    }
  }
  while (parts[0]?.kind === 'removed') parts.shift();
  while (parts.at(-1)?.kind === 'removed') parts.pop();
  return parts;
}
