/**
 * JSONL dumps (one JSON object per line, as crawlers write them) to articles. Pure: the caller reads the file.
 *
 * A bad line never costs the file: it is skipped with a diagnostic naming its line number. Field names are
 * mapped by options, with dotted paths into nested objects (`news.center.newsTitle`); a body given as an
 * array of paragraphs is joined with blank lines.
 * @packageDocumentation
 */
import type { ArticleInput, Diagnostic, IsoDate } from '../model/index.js';
import { feedDay } from './feeds/feed-dates.js';
import type { FeedOrigin } from './feeds/feed-types.js';
import { originName } from './feeds/feed-types.js';
import { stableId } from './feeds/hash.js';

/** Which field of each record holds each article field: a name or a dotted path. */
export interface JsonlMapping {
  id?: string;
  title?: string;
  body?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

/** The articles of a dump and the per-line findings. */
export interface JsonlResult {
  articles: ArticleInput[];
  diagnostics: Diagnostic[];
  /** How many non-blank lines did not become an article. */
  skippedLines: number;
}

/** Field names tried, in order, for each article field the mapping does not name. */
const DEFAULT_FIELDS: Record<keyof JsonlMapping, readonly string[]> = {
  id: ['id', 'guid', 'uuid'],
  title: ['title', 'headline'],
  body: ['body', 'text', 'content', 'maintext', 'article'],
  url: ['url', 'link', 'canonical_url'],
  outlet: ['outlet', 'source', 'site_name', 'publisher', 'source_domain'],
  published: ['published', 'date', 'date_publish', 'published_at', 'publishedAt', 'pubDate'],
};

/**
 * Reads a JSONL dump.
 *
 * Each record's `id` is its own id field (as text) when it has one, else `jsonl-` and a hash of its URL, else
 * of its body. A second record with an id already seen is skipped (`jsonl-duplicate-id`), as is a line that is
 * not JSON (`jsonl-invalid-json`), not an object (`jsonl-not-object`) or has no body text (`jsonl-no-body`).
 * A date that cannot be read is dropped with a `jsonl-bad-date` diagnostic; the record is kept.
 * @param text - the dump; LF or CRLF, with or without BOM; blank lines are ignored
 * @param origin - where it came from: names it in messages; its `path` becomes each article's `path`
 * @param mapping - which record field holds each article field; fields not named fall back to common names
 *   (`body`, `text`, `content`, …). A named field is the only one tried.
 * @returns the articles in line order and the diagnostics, each naming its line
 */
export function parseJsonl(text: string, origin: FeedOrigin, mapping: JsonlMapping = {}): JsonlResult {
  const name = originName(origin);
  const result: JsonlResult = { articles: [], diagnostics: [], skippedLines: 0 };
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const note = (
    lineNumber: number,
    code: string,
    severity: Diagnostic['severity'],
    message: string,
  ): void => {
    result.diagnostics.push({ source: name, code, severity, message: `${name}:${lineNumber}: ${message}` });
  };
  const skip = (lineNumber: number, code: string, message: string): void => {
    result.skippedLines += 1;
    note(lineNumber, code, 'warning', `${message}; line skipped`);
  };

  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.trim();
    if (line === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      skip(
        lineNumber,
        'jsonl-invalid-json',
        `not valid JSON (${error instanceof Error ? error.message : error})`,
      );
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      skip(lineNumber, 'jsonl-not-object', 'not a JSON object');
      return;
    }
    const field = (key: keyof JsonlMapping): unknown => {
      const named = mapping[key];
      const paths = named === undefined ? DEFAULT_FIELDS[key] : [named];
      for (const path of paths) {
        const value = valueAt(record, path);
        if (value !== undefined && value !== null && value !== '') return value;
      }
      return undefined;
    };

    const body = textOf(field('body'), '\n\n');
    if (body === undefined) {
      const where =
        mapping.body === undefined ? `any of ${DEFAULT_FIELDS.body.join(', ')}` : `"${mapping.body}"`;
      skip(lineNumber, 'jsonl-no-body', `no body text in ${where}`);
      return;
    }
    const url = textOf(field('url'), ' ');
    const ownId = field('id');
    const id =
      typeof ownId === 'string' || typeof ownId === 'number'
        ? String(ownId).trim()
        : stableId('jsonl', url ?? body);
    if (id === '' || seen.has(id)) {
      skip(lineNumber, 'jsonl-duplicate-id', id === '' ? 'empty id' : `id "${id}" was already read`);
      return;
    }
    seen.add(id);

    const article: ArticleInput = { id, body };
    if (origin.path !== undefined) article.path = origin.path;
    if (url !== undefined) article.url = url;
    const title = textOf(field('title'), ' ');
    if (title !== undefined) article.title = title;
    const outlet = textOf(field('outlet'), ' ');
    if (outlet !== undefined) article.outlet = outlet;
    const published = field('published');
    if (published !== undefined) {
      const day = dayOf(published);
      if (day === undefined) {
        note(
          lineNumber,
          'jsonl-bad-date',
          'warning',
          `cannot read the date ${JSON.stringify(published)}; ignored`,
        );
      } else {
        article.published = day;
      }
    }
    result.articles.push(article);
  });
  return result;
}

/**
 * Follows a dotted path into a record. A key containing dots is found too: the whole path is tried as a key
 * before it is split.
 */
function valueAt(record: object, path: string): unknown {
  const direct = (record as Record<string, unknown>)[path];
  if (direct !== undefined) return direct;
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A string, a number, or an array of them (paragraphs) as trimmed text; `undefined` when blank. */
function textOf(value: unknown, separator: string): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (Array.isArray(value)) {
    text = value
      .filter((part): part is string => typeof part === 'string')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(separator);
  }
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** A date string in any common form, or a Unix time in seconds or milliseconds, as the day it names. */
function dayOf(value: unknown): IsoDate | undefined {
  if (typeof value === 'string') return feedDay(value);
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds until the year 5138, milliseconds after: no news dump spans that ambiguity.
    const milliseconds = Math.abs(value) < 1e11 ? value * 1000 : value;
    const date = new Date(milliseconds);
    return Number.isNaN(date.valueOf()) ? undefined : date.toISOString().slice(0, 10);
  }
  return undefined;
}
