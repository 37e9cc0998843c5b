/**
 * Turns the text of one input file into an {@link ArticleInput}: normalises line endings, strips a BOM,
 * reads optional metadata (a YAML-like front-matter block or a `date YYYY-MM-DD` prefix) and keeps the rest
 * as the body. Pure: the reader in `read-articles.ts` does the I/O and hands the decoded text here.
 *
 * Findings about the text (an unknown front-matter key, a malformed date) travel as diagnostics;
 * a text that cannot be an article at all is reported as `{ ok: false }` instead of thrown.
 * @packageDocumentation
 */
import type { ArticleInput, Diagnostic, IsoDate } from '../model/index.js';
import { isGeneratedName } from '../text/generated-name.js';
import { describeOutletClue, identifyOutlet } from '../text/outlet-identity.js';

/** Why an input cannot become an article. `not-utf8` and `too-large` are found by the reader, before parsing. */
export type ParseFailureReason = 'empty' | 'binary' | 'not-utf8' | 'too-large' | 'no-text' | 'not-an-article';

/** Where the text came from: the id the article gets and, for files, its path. */
export interface ArticleOrigin {
  id: string;
  path?: string;
}

/** A parsed article with the findings made while reading its metadata. */
export interface ParseSuccess {
  ok: true;
  article: ArticleInput;
  diagnostics: Diagnostic[];
}

/** An input that cannot be an article, with a message naming the input and the problem. */
export interface ParseFailure {
  ok: false;
  reason: ParseFailureReason;
  message: string;
}

/** The outcome of {@link parseArticleText}. */
export type ParseResult = ParseSuccess | ParseFailure;

/** Front-matter keys crosscheck understands; any other key is ignored with an info diagnostic. */
const KNOWN_KEYS = new Set(['title', 'outlet', 'url', 'date', 'published']);

/** `date 2024-02-20` (or `date: …`) at the very start, possibly glued to the first sentence of the body. */
const DATE_PREFIX = /^[ \t]*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|$)/i;

/**
 * Parses the text of one input into an article.
 * @param raw - the decoded file content
 * @param origin - the id the article gets and the path it was read from; the path names the input in messages
 *   and gives the outlet when the front matter names none
 * @returns the article and its diagnostics, or why the text cannot be an article
 */
export function parseArticleText(raw: string, origin: ArticleOrigin): ParseResult {
  const name = origin.path ?? origin.id;
  if (raw.includes('\u0000')) {
    return { ok: false, reason: 'binary', message: `${name}: looks like a binary file (contains NUL bytes)` };
  }
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2028|\u2029/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'empty', message: `${name}: the file is empty` };
  const format = documentFormat(text);
  if (format !== undefined) {
    return {
      ok: false,
      reason: 'not-an-article',
      message: `${name}: ${format}, not article text (${format.includes('PDF') ? 'convert it to text first, e.g. with pdftotext' : 'save it as plain text first'})`,
    };
  }

  const diagnostics: Diagnostic[] = [];
  const note = (severity: Diagnostic['severity'], code: string, message: string): void => {
    diagnostics.push({ source: origin.id, code, message: `${name}: ${message}`, severity });
  };

  const frontMatter = readFrontMatter(text, note);
  const metadata = frontMatter.metadata;
  let body = frontMatter.body;

  const prefix = DATE_PREFIX.exec(body);
  if (prefix) {
    const value = prefix[1] ?? '';
    const date = validDate(value);
    if (date === undefined) {
      note('warning', 'date-prefix-invalid', `ignored the malformed date "${value}" in the "date" prefix`);
    } else if (metadata.published === undefined) {
      metadata.published = date;
    } else if (metadata.published !== date) {
      note(
        'warning',
        'date-conflict',
        `the "date" prefix says ${date} but the front matter says ${metadata.published}; kept the front matter`,
      );
    }
    body = body.slice(prefix[0].length);
  }

  body = body.replace(/^\s+/, '').replace(/\s+$/, '');
  if (body === '')
    return { ok: false, reason: 'no-text', message: `${name}: has metadata but no article text` };

  const article: ArticleInput = { id: origin.id, body };
  if (origin.path !== undefined) article.path = origin.path;
  if (metadata.url !== undefined) article.url = metadata.url;
  const outlet = metadata.outlet ?? outletOfText(body, metadata.url, origin.path, note);
  if (outlet !== undefined && outlet !== '') article.outlet = outlet;
  if (metadata.title !== undefined) article.title = metadata.title;
  if (metadata.published !== undefined) article.published = metadata.published;
  return { ok: true, article, diagnostics };
}

/**
 * The outlet of an article whose front matter names none: what its text says (its URL's site, the
 * outlet's newsletter box or copyright line, a wire tag), with a note saying so; else its file name when
 * a person chose it ("the-daily-ledger.txt"); a generated name ("004_d98c98faffdd0a40.txt") names nothing.
 */
function outletOfText(
  body: string,
  url: string | undefined,
  path: string | undefined,
  note: Note,
): string | undefined {
  const clue = identifyOutlet(url === undefined ? { body } : { body, url });
  if (clue !== undefined) {
    note('info', 'outlet-from-text', `outlet "${clue.outlet}", read from ${describeOutletClue(clue)}`);
    return clue.outlet;
  }
  const stem = path === undefined ? undefined : fileStem(path);
  return stem === undefined || isGeneratedName(stem) ? undefined : stem;
}

/**
 * Formats whose files can be all text yet are no article: an uncompressed PDF or a PostScript file
 * decodes as UTF-8 and would be read as a page of operators, an RTF file as markup.
 */
const DOCUMENT_SIGNATURES: readonly [RegExp, string][] = [
  [/^%PDF-/, 'a PDF document'],
  [/^%!PS/, 'a PostScript document'],
  [/^\{\\rtf/, 'an RTF document'],
];

/** What document format a text opens with, when it is one that is no article. */
function documentFormat(text: string): string | undefined {
  const head = text.trimStart().slice(0, 16);
  return DOCUMENT_SIGNATURES.find(([signature]) => signature.test(head))?.[1];
}

/** The file name without folders and without its last extension: `a/the-daily-ledger.txt` → `the-daily-ledger`. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

interface Metadata {
  title?: string;
  outlet?: string;
  url?: string;
  published?: IsoDate;
}

type Note = (severity: Diagnostic['severity'], code: string, message: string) => void;

/*
 * Front matter is read by hand: crosscheck only needs flat `key: value` lines, and no YAML parser is installed.
 * Nested YAML, lists and multi-line values are outside the supported format and are reported, not guessed at.
 */
function readFrontMatter(text: string, note: Note): { metadata: Metadata; body: string } {
  const metadata: Metadata = {};
  const opening = /^\s*---[ \t]*\n/.exec(text);
  if (!opening) return { metadata, body: text };
  const closing = /^---[ \t]*$/m;
  const rest = text.slice(opening[0].length);
  const close = closing.exec(rest);
  if (!close) {
    note(
      'warning',
      'front-matter-unclosed',
      'the front matter opened with "---" is never closed; read it as text',
    );
    return { metadata, body: text };
  }
  const block = rest.slice(0, close.index);
  for (const line of block.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const pair = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) {
      note('info', 'front-matter-line-ignored', `ignored the front-matter line "${line.trim()}"`);
      continue;
    }
    const key = (pair[1] ?? '').toLowerCase();
    const value = unquote((pair[2] ?? '').trim());
    if (!KNOWN_KEYS.has(key)) {
      note('info', 'front-matter-key-ignored', `ignored the unknown front-matter key "${key}"`);
      continue;
    }
    if (value === '') continue;
    if (key === 'date' || key === 'published') {
      const date = validDate(value);
      if (date === undefined) {
        note(
          'warning',
          'front-matter-date-invalid',
          `ignored the malformed ${key} "${value}" (want YYYY-MM-DD)`,
        );
      } else {
        metadata.published = date;
      }
    } else if (key === 'title' || key === 'outlet' || key === 'url') {
      metadata[key] = value;
    }
  }
  return { metadata, body: rest.slice(close.index + close[0].length) };
}

/** Removes one pair of matching quotes; inside double quotes, `\"` and `\\` are unescaped as in YAML. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  // An unquoted YAML value ends at " #" (a comment).
  return value.replace(/\s+#.*$/, '');
}

/**
 * The `YYYY-MM-DD` day a value names, or undefined when it is not a real calendar day.
 * A time after the day (`2024-02-20T09:30:00Z`) is accepted and dropped: articles are dated by day.
 */
function validDate(value: string): IsoDate | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this one; UTC keeps the check free of time zones.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
