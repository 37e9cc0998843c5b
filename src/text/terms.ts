import { stemmer } from 'stemmer';
import type { Token } from '../model/index.js';
import { STOPWORDS } from './stopwords.js';

const stemCache = new Map<string, string>();

/** Porter stem of a normalised word, cached because the same words recur across a story. */
export function stem(normal: string): string {
  let value = stemCache.get(normal);
  if (value === undefined) {
    value = stemmer(normal.replace(/'s$/, '').replace(/'/g, ''));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(normal, value);
  }
  return value;
}

/** Appends the content terms of one token to `terms`: see {@link contentTerms}. */
export function appendContentTerms(token: Token, terms: string[]): void {
  if (token.kind === 'number') terms.push(token.normal.replace(/,/g, ''));
  else if (token.kind === 'word') {
    // Hyphenated compounds count by their parts, so "Kim Jong-un" meets "Kim Jong Un" and "Russian-made" meets "Russian".
    if (!HYPHEN.test(token.normal)) {
      if (token.normal.length > 1 && !STOPWORDS.has(token.normal)) terms.push(stem(token.normal));
      return;
    }
    for (const part of token.normal.split(HYPHEN)) {
      if (part.length > 1 && !STOPWORDS.has(part)) terms.push(stem(part));
    }
  }
}

const HYPHEN = /[-‐‑]/;

/** The content terms of a token run: stems of non-stopword words, and numbers as written. */
export function contentTerms(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) appendContentTerms(token, terms);
  return terms;
}
