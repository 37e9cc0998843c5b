const PLAIN = /^[A-Za-z0-9'.,-]*$/;

/**
 * Lower-cases a word and folds what varies between outlets without changing meaning:
 * accents, curly apostrophes and hyphens inside names ("Kim Jong-un" and "Kim Jong Un" agree).
 */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII letters: lower-casing is all they need, and it is far cheaper than NFKD.
  if (PLAIN.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase();
}

/** Folds a name for comparison: "Kim Jong-un" → "kim jong un", "Mr. Kim" → "mr kim". */
export function normalizeName(name: string): string {
  return normalizeWord(name)
    .replace(/'s$/u, '')
    .replace(/[-‐‑–—.]/g, ' ')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
