/**
 * Lower-cases a word and folds what varies between outlets without changing meaning:
 * accents, curly apostrophes and hyphens inside names ("Kim Jong-un" and "Kim Jong Un" agree).
 */
export function normalizeWord(word: string): string {
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
