/**
 * What the SQLite and PostgreSQL adapters share once a row is read: the article row shape and its
 * conversion, paging checks, and "what is new since" computed from a stored report. Keeping them in one
 * place keeps the two adapters' answers identical, which the contract suite checks.
 * @packageDocumentation
 */
import type { StoryReport } from '../model/index.js';
import { StoreError } from './errors.js';
import { reportItems } from './report-keys.js';
import type { Article, ArticleSummary, Paging, StoryChanges } from './store.js';

/** Largest page a listing or search returns, so one request cannot ask for the whole store. */
export const MAX_LIMIT = 1000;

/** An `articles` row as both schemas name its columns. */
export interface ArticleRow {
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  body?: string;
  path: string | null;
  features?: string | null;
  ingested_at: string;
  story_id: string | null;
}

/** The columns of an article listing: everything but the body and the clusterer's features. */
export const ARTICLE_SUMMARY_COLUMNS = 'id, url, outlet, title, published, path, ingested_at, story_id';

/** SQL NULL for an absent optional field. */
export const nullable = (value: string | undefined): string | null => value ?? null;

/** A stored article from its row; absent columns stay absent rather than null. */
export function articleFromRow(row: ArticleRow): Article {
  const article: Article = { id: row.id, body: row.body ?? '', ingestedAt: row.ingested_at };
  if (row.url !== null) article.url = row.url;
  if (row.outlet !== null) article.outlet = row.outlet;
  if (row.title !== null) article.title = row.title;
  if (row.published !== null) article.published = row.published;
  if (row.path !== null) article.path = row.path;
  if (row.features !== undefined && row.features !== null) article.features = JSON.parse(row.features);
  if (row.story_id !== null) article.storyId = row.story_id;
  return article;
}

/** A listing entry from its row. */
export function summaryFromRow(row: ArticleRow): ArticleSummary {
  const { body: _body, features: _features, ...summary } = articleFromRow(row);
  return summary;
}

/**
 * Refuses a page that is not whole numbers, asks for more than {@link MAX_LIMIT} rows, or gives both a
 * cursor and an offset; gives the offset to skip (0 when absent).
 * @throws StoreError `store-invalid-input` naming the store and the bad value
 */
export function checkPaging(paging: Paging, location: string): number {
  const offset = paging.offset ?? 0;
  for (const [name, value] of [
    ['limit', paging.limit],
    ['offset', offset],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || (name === 'limit' && value > MAX_LIMIT)) {
      throw new StoreError(
        'store-invalid-input',
        location,
        `${name} must be an integer from 0${name === 'limit' ? ` to ${MAX_LIMIT}` : ''}, got ${String(value)}`,
      );
    }
  }
  if (paging.cursor !== undefined && offset > 0) {
    throw new StoreError(
      'store-invalid-input',
      location,
      `give a cursor or an offset, not both (offset ${offset} with a cursor)`,
    );
  }
  return offset;
}

/**
 * A stored report from its JSON. Reports stored by an older version lack the sections added since
 * (`updates`): they read back empty, so every reader of the store gets the current shape.
 */
export function reportFromJson(json: string): StoryReport {
  const report = JSON.parse(json) as Omit<StoryReport, 'updates'> & Partial<Pick<StoryReport, 'updates'>>;
  return { ...report, updates: report.updates ?? [] };
}

/**
 * The claims, quotes, conflicts and updates of a story's stored report that first appeared after `since`.
 * @param report - the stored report JSON, or null when the story has none yet
 * @param firstSeen - when each report item key was first stored
 */
export function changesSince(
  storyId: string,
  since: string,
  report: string | null,
  reportAt: string | null,
  firstSeen: ReadonlyMap<string, string>,
): StoryChanges {
  const changes: StoryChanges = {
    storyId,
    since,
    reportAt,
    claims: [],
    quotes: [],
    conflicts: [],
    updates: [],
  };
  if (report === null) return changes;
  const parsed = reportFromJson(report);
  for (const item of reportItems(parsed)) {
    const times = item.keys.map((key) => firstSeen.get(key) ?? reportAt ?? '');
    // ISO instants in UTC sort as strings: the first is the earliest sighting.
    const appeared = times.sort()[0] ?? '';
    if (appeared <= since) continue;
    if (item.kind === 'claim') changes.claims.push(parsed.claims[item.index]!);
    else if (item.kind === 'quote') changes.quotes.push(parsed.quotes[item.index]!);
    else if (item.kind === 'conflict') changes.conflicts.push(parsed.conflicts[item.index]!);
    else changes.updates.push(parsed.updates[item.index]!);
  }
  return changes;
}
