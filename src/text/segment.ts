import type { Paragraph, Segmentation, Sentence, Token, TokenKind } from '../model/index.js';
import { MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS } from './calendar-words.js';
import { normalizeWord } from './normalize.js';

/*
 * Sentence and token segmentation, written by hand because every span must carry exact
 * offsets into the canonical text and the measured libraries either drop offsets (sbd),
 * split "Mr." (Intl.Segmenter) or fail on large inputs (natural, sentence-splitter).
 */

/** Abbreviations after which a full stop never ends a sentence. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'rev',
  'st',
  'mt',
  'ft',
  'jr',
  'sr',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'cpl',
  'pvt',
  'messrs',
]);
/** Abbreviations that end a sentence only when a clear sentence opener follows. */
const SOFT_ABBREVIATIONS = new Set([
  ...'inc ltd co corp vs etc no nos approx est dept univ assn bros fig al ave blvd rd p pp vol'.split(' '),
  ...MONTH_ABBREVIATIONS,
  ...WEEKDAY_ABBREVIATIONS,
]);
/** Capitalised words that usually begin a sentence, used to break after "U.S." or "Inc.". */
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'in',
  'on',
  'at',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'as',
  'for',
  'with',
  'there',
  'here',
  'what',
  'who',
  'why',
  'how',
  'some',
  'many',
  'most',
  'one',
  'meanwhile',
  'however',
  'still',
  'according',
  'last',
  'earlier',
  'later',
  'then',
  'both',
  'all',
  'no',
]);

const TOKEN_PATTERN =
  /(\p{L}[\p{L}\p{M}\p{N}]*(?:['’‐‑-]\p{L}[\p{L}\p{M}\p{N}]*)*(?:['’](?=\s|$|[.,;:!?]))?)|(\p{N}+(?:[.,:/]\p{N}+)*(?:\p{L}{1,3}\b)?)|([\p{P}])|(\S)/gu;

/** Splits a text into tokens with offsets. Words keep inner hyphens and apostrophes; numbers keep separators. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(offset, end);
  for (const match of slice.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = offset + (match.index ?? 0);
    let kind: TokenKind;
    if (match[1] !== undefined) kind = 'word';
    else if (match[2] !== undefined) kind = 'number';
    else if (match[3] !== undefined) kind = 'punctuation';
    else kind = 'symbol';
    tokens.push({ start, end: start + value.length, text: value, normal: normalizeWord(value), kind });
  }
  return tokens;
}

const TERMINAL = /[.!?]/;
const CLOSERS = /["'”’)\]»]/;

/** Whether a full stop at `dot` belongs to an abbreviation that must not end the sentence. */
function isAbbreviationStop(text: string, dot: number, nextWord: string): boolean {
  let wordStart = dot;
  while (wordStart > 0 && /[\p{L}.]/u.test(text[wordStart - 1] ?? '')) wordStart--;
  const word = text.slice(wordStart, dot);
  const bare = word.replace(/\./g, '').toLowerCase();
  if (bare.length === 0) return false;
  if (TITLES.has(bare)) return true;
  const nextIsOpener = OPENERS.has(nextWord.toLowerCase());
  // Initialisms such as "U.S." or "U.N." and single initials such as "J." in "John J. Smith".
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && (word.includes('.') || word.length === 1)) return !nextIsOpener;
  if (SOFT_ABBREVIATIONS.has(bare))
    return !nextIsOpener && !/^\p{Lu}\p{Ll}+$/u.test(nextWord) ? true : !nextIsOpener;
  return false;
}

/**
 * Finds sentence boundaries inside one paragraph `[start, end)` of `text`, without tokenizing.
 * @returns the sentence spans, in order
 */
export function splitParagraph(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let sentenceStart = start;
  let index = start;
  while (index < end) {
    const char = text[index] ?? '';
    if (!TERMINAL.test(char)) {
      index++;
      continue;
    }
    let boundary = index + 1;
    while (boundary < end && (TERMINAL.test(text[boundary] ?? '') || CLOSERS.test(text[boundary] ?? '')))
      boundary++;
    let next = boundary;
    while (next < end && /\s/.test(text[next] ?? '')) next++;
    if (next === boundary || next >= end) {
      index = boundary;
      continue;
    }
    const nextChar = text[next] ?? '';
    const opens = /[\p{Lu}\p{N}"'“‘([«]/u.test(nextChar);
    const nextWord = /^[\p{L}]+/u.exec(text.slice(next, next + 40).replace(/^["'“‘([«]/u, ''))?.[0] ?? '';
    const abbreviation = char === '.' && boundary === index + 1 && isAbbreviationStop(text, index, nextWord);
    const numberFollows =
      char === '.' &&
      /\p{N}/u.test(nextChar) &&
      /\p{L}\.$/u.test(text.slice(index - 1, index + 1)) &&
      SOFT_ABBREVIATIONS.has(wordBefore(text, index));
    // "$368. 0 million", "5. 8 percent": a decimal point that a tokeniser spaced out, not a full stop.
    const spacedDecimal =
      char === '.' &&
      boundary === index + 1 &&
      /\p{N}/u.test(text[index - 1] ?? '') &&
      (/^\d{1,2}(?:\s+(?:million|billion|trillion|percent|per\s+cent)\b|\s*%)/.test(
        text.slice(next, next + 20),
      ) ||
        // "magnitude - 5. 9 shook", "4. 8 on the Richter scale": a short figure split at its point and read
        // on in lower case is one number; a sentence that opens on a figure goes on with a capital or a noun.
        (/magnitude\s+(?:-\s+|of\s+)?(?:(?:at\s+least|about|nearly)\s+)?\d$/i.test(
          text.slice(Math.max(0, index - 30), index),
        ) &&
          /^\d\b/.test(text.slice(next, next + 2))) ||
        (/(?:^|[^\d,.])\d{1,2}$/.test(text.slice(Math.max(0, index - 4), index)) &&
          /^\d{1,2}\s+(?:-\s|magnitude\b|degree\b|on\s+the\s+Richter\b|(?:shook|struck|hit|quake|earthquake|tremor|jolted|rattled)\b)/.test(
            text.slice(next, next + 30),
          )));
    if (opens && !abbreviation && !numberFollows && !spacedDecimal) {
      spans.push([sentenceStart, boundary]);
      sentenceStart = next;
    }
    index = boundary;
  }
  let tail = end;
  while (tail > sentenceStart && /\s/.test(text[tail - 1] ?? '')) tail--;
  if (tail > sentenceStart) spans.push([sentenceStart, tail]);
  return spans;
}

function wordBefore(text: string, dot: number): string {
  let wordStart = dot;
  while (wordStart > 0 && /\p{L}/u.test(text[wordStart - 1] ?? '')) wordStart--;
  return text.slice(wordStart, dot).toLowerCase();
}

/**
 * Splits a text into paragraphs. A blank line always separates paragraphs; a single line break does too,
 * unless the line ends mid-sentence and the next begins in lower case (hard-wrapped text).
 */
export function splitParagraphs(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const linePattern = /[^\n]+/g;
  for (const match of text.matchAll(linePattern)) {
    const lineStart = match.index ?? 0;
    let s = lineStart;
    let e = lineStart + match[0].length;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) lines.push([s, e]);
  }
  const paragraphs: Array<[number, number]> = [];
  for (const line of lines) {
    const previous = paragraphs[paragraphs.length - 1];
    if (previous) {
      const between = text.slice(previous[1], line[0]);
      const singleBreak = (between.match(/\n/g) ?? []).length === 1;
      const endsOpen = !/[.!?:"'”’)\]]$/.test(text.slice(previous[0], previous[1]));
      const nextLower = /^\p{Ll}/u.test(text[line[0]] ?? '');
      if (singleBreak && endsOpen && nextLower) {
        previous[1] = line[1];
        continue;
      }
    }
    paragraphs.push([line[0], line[1]]);
  }
  return paragraphs;
}

/** Segments a canonical text into paragraphs, sentences and tokens, all with offsets into `text`. */
export function segment(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  splitParagraphs(text).forEach(([paragraphStart, paragraphEnd], paragraphIndex) => {
    paragraphs.push({ index: paragraphIndex, start: paragraphStart, end: paragraphEnd });
    for (const [start, end] of splitParagraph(text, paragraphStart, paragraphEnd)) {
      const tokenStart = tokens.length;
      for (const token of tokenize(text, start, end)) tokens.push(token);
      sentences.push({
        index: sentences.length,
        paragraph: paragraphIndex,
        start,
        end,
        text: text.slice(start, end),
        tokenStart,
        tokenEnd: tokens.length,
      });
    }
  });
  return { paragraphs, sentences, tokens };
}
