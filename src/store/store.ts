/**
 * The store interface: what crosscheck keeps between runs (articles, stories, their reports and
 * history, the clusterer's state and the user's corrections). Every method returns a Promise so a
 * networked adapter (PostgreSQL) fits the same contract as the embedded SQLite one.
 * @packageDocumentation
 */
import type { Claim, Conflict, IsoDate, QuoteGroup, StoryReport, Update } from '../model/index.js';

/** An article to add: the id must be {@link articleIdFor}(body) so re-ingesting is idempotent. */
export interface NewArticle {
  /** Content hash of the normalised body, from {@link articleIdFor}. */
  id: string;
  url?: string;
  outlet?: string;
  title?: string;
  /** Publication date or instant, ISO 8601 (`YYYY-MM-DD` or a full timestamp). */
  published?: IsoDate;
  body: string;
  path?: string;
  /** The clusterer's serialisable features: stored as JSON, never read by the store. */
  features?: unknown;
}

/** A stored article. */
export interface Article extends NewArticle {
  /** When the article was first ingested (ISO instant, UTC). */
  ingestedAt: string;
  /** The story it belongs to, when assigned. */
  storyId?: string;
}

/** A stored article without its body and features, for listings. */
export type ArticleSummary = Omit<Article, 'body' | 'features'>;

/** A story to create or rename. */
export interface StoryUpsert {
  id: string;
  title: string;
}

/** Puts one article into one story (moving it out of any other). */
export interface Assignment {
  articleId: string;
  storyId: string;
}

/** A user's correction of the clustering, kept so it sticks on later ingests. */
export interface Correction {
  kind: 'merge' | 'split';
  /** When the user made it (ISO instant). */
  at: string;
  /** merge: the story kept first, then the stories folded into it; split: the story split, then the new story. */
  storyIds: string[];
  /** split: the articles moved to the new story; merge: usually empty. */
  articleIds: string[];
  note?: string;
}

/**
 * Everything one store batch writes: applied as one transaction, all or nothing. A large ingest of the
 * service is several batches (see `NewsroomOptions.ingestChunk`).
 */
export interface IngestBatch {
  /**
   * The time of this ingest (ISO instant), passed in because the store reads no clock: it becomes the
   * articles' `ingestedAt` and the created/updated time of the stories it touches.
   */
  at: string;
  articles: NewArticle[];
  /** Applied after the stories are upserted and the articles inserted; may name earlier articles. */
  assignments: Assignment[];
  stories: StoryUpsert[];
  /** Stories to delete after the assignments (a merge empties one); their remaining articles become unassigned. */
  removedStories?: string[];
  corrections?: Correction[];
  /** The clusterer's new state, replacing the stored one. */
  clustererState?: string;
  /**
   * The service's note of an ingest that has begun but not finished (opaque to the store): a string
   * replaces the stored note, `null` deletes it, absent leaves it. Written in the batch's transaction,
   * so the note commits exactly when the articles it covers do, and a process killed before the ingest
   * deletes it leaves it behind for the next run to find ({@link Store.getPendingIngest}).
   */
  pendingIngest?: string | null;
}

/** What an ingest did. */
export interface IngestResult {
  /** Ids of the articles that were new. */
  added: string[];
  /** Ids of the articles already stored (or repeated within the batch): left as they were. */
  duplicates: string[];
}

/** A story with its articles and its latest report. */
export interface StoryRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  articleIds: string[];
  report: StoryReport | null;
  /** How many reports have been stored for the story (0 when none). */
  reportVersion: number;
  /** When the latest report was stored. */
  reportAt: string | null;
  /** True when the articles changed after the latest report (or there is none): re-synthesize it. */
  stale: boolean;
}

/** One row of {@link Store.listStories}. */
export interface StoryListItem {
  id: string;
  title: string;
  size: number;
  /** Distinct outlets of its articles, sorted. */
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  /** The first summary sentence of the latest report. */
  headline: string | null;
  /** Number of conflicts in the latest report. */
  conflicts: number;
}

/** A page of results with the total count before paging. */
export interface Page<Item> {
  total: number;
  items: Item[];
  /** The cursor of the page after this one ({@link Paging.cursor}), or null when this page is the last. */
  next: string | null;
}

/**
 * Paging: `limit` rows after the row a `cursor` names (keyset paging: an index seek at any depth, and
 * stable while rows are inserted), or after skipping `offset` rows (kept for old clients; its cost grows
 * with the offset). A cursor and a non-zero offset together are refused.
 */
export interface Paging {
  limit: number;
  /** Rows skipped; default 0. Prefer {@link Paging.cursor}. */
  offset?: number;
  /** The `next` of the previous page, exactly as returned. */
  cursor?: string;
}

/** Filters of {@link Store.listStories}; all given filters must hold. */
export interface StoryFilter extends Paging {
  /** Full-text query over the story's articles and claims (same syntax as {@link Store.search}). */
  query?: string;
  /** Stories with at least one article from this outlet (ASCII case ignored). */
  outlet?: string;
  /** Stories with at least one article published on or after this date. */
  from?: string;
  /** Stories with at least one article published on or before this date (a day includes its times). */
  to?: string;
}

/** Filters of {@link Store.listArticles}. */
export interface ArticleFilter extends Paging {
  storyId?: string;
}

/** One full-text search hit. */
export interface SearchHit {
  kind: 'article' | 'claim';
  articleId?: string;
  storyId?: string;
  /** The claim's id within its story's report. */
  claimId?: string;
  /** The matching passage, matched terms between {@link SNIPPET_OPEN} and {@link SNIPPET_CLOSE}. */
  snippet: string;
  /** 1-based position in the whole ranked result (best first), so pages continue each other. */
  rank: number;
}

/** A page of {@link Store.search}. */
export interface SearchPage {
  hits: SearchHit[];
  /** The cursor of the next page of hits, or null when this page is the last. */
  next: string | null;
}

/** Opens a matched term in {@link SearchHit.snippet}. */
export const SNIPPET_OPEN = '«';
/** Closes a matched term in {@link SearchHit.snippet}. */
export const SNIPPET_CLOSE = '»';

/** What appeared in a story's report after a given time. */
export interface StoryChanges {
  storyId: string;
  since: string;
  /** When the report compared was stored, or null when the story has none yet. */
  reportAt: string | null;
  claims: Claim[];
  quotes: QuoteGroup[];
  conflicts: Conflict[];
  updates: Update[];
}

/** The persistence of crosscheck: one interface, one contract suite, several adapters. */
export interface Store {
  /** Writes one batch in one transaction: either all of it is stored or none of it. */
  ingest(batch: IngestBatch): Promise<IngestResult>;
  /**
   * Stores the story's new report, records when each claim, quote, conflict and update first appeared and
   * indexes the claims for search.
   * @returns the report version (1 for the first)
   */
  putReport(storyId: string, report: StoryReport, at: string): Promise<number>;
  getStory(id: string): Promise<StoryRecord | undefined>;
  /**
   * Stories, latest publication first (undated last), then latest change first, then id: keyset-paged on
   * an index of that order, so a page costs the same at any depth and in any size of store.
   */
  listStories(filter: StoryFilter): Promise<Page<StoryListItem>>;
  /** Ids of the stories whose report is missing or older than their articles, oldest change first. */
  listStaleStories(limit: number): Promise<string[]>;
  getArticle(id: string): Promise<Article | undefined>;
  /** The stored articles among `ids`, in the order given; unknown ids are left out. */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  listArticles(filter: ArticleFilter): Promise<Page<ArticleSummary>>;
  /**
   * Full-text search over article titles and bodies and report claims. User input is taken as words
   * (all must match), `"quoted phrases"` and `word*` prefixes; operators and stray punctuation are
   * plain text, so no query string throws.
   */
  search(query: string, paging: Paging): Promise<SearchPage>;
  /** Claims, quotes, conflicts and updates of the current report that first appeared after `since`. */
  storyChangesSince(storyId: string, since: string): Promise<StoryChanges | undefined>;
  getClustererState(): Promise<string | undefined>;
  putClustererState(state: string): Promise<void>;
  /** The note of an unfinished ingest ({@link IngestBatch.pendingIngest}), when one is stored. */
  getPendingIngest(): Promise<string | undefined>;
  /** Every correction ever made, oldest first. */
  listCorrections(): Promise<Correction[]>;
  counts(): Promise<{ articles: number; stories: number }>;
  close(): Promise<void>;
}
