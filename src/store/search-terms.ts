/** One term of a user's search: words that must appear in this order, the last maybe as a prefix. */
export interface SearchTerm {
  words: string[];
  /** The last word matches any word it begins (`bridg*`). */
  prefix: boolean;
}

/** Longest query kept: longer input is cut so one request cannot build a huge full-text query. */
const MAX_TERMS = 32;

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Reads what a user typed into search terms, never failing: `"quoted text"` is a phrase, a chunk such as
 * `Jong-un` is the phrase of its words, a trailing `*` makes a prefix, and everything else (operators,
 * brackets, stray quotes) is plain text or ignored. Adapters turn the terms into their own syntax, so user
 * input never reaches a query parser unquoted. Written by hand because each engine's own parser
 * (FTS5 MATCH, PostgreSQL to_tsquery) throws on unbalanced input.
 */
export function parseSearchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // An odd quote count leaves the last quote unmatched: it is ignored rather than swallowing the rest.
  const quotes = [...query.matchAll(/"/g)].length;
  const text = quotes % 2 === 1 ? replaceLast(query, '"', ' ') : query;
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = match[1];
    const chunk = match[2];
    const source = phrase ?? chunk ?? '';
    const words = [...source.matchAll(WORD)].map((word) => word[0].toLowerCase());
    if (words.length === 0) continue;
    const prefix = chunk !== undefined && /[\p{L}\p{N}]\*+$/u.test(chunk);
    terms.push({ words, prefix });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

function replaceLast(text: string, search: string, replacement: string): string {
  const position = text.lastIndexOf(search);
  return text.slice(0, position) + replacement + text.slice(position + search.length);
}
