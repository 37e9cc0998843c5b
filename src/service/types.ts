import type { ExtractOptions, ExtractResult } from '../ingest/html/extract-article.js';
import type { ArticleInput, Diagnostic, StoryReport } from '../model/index.js';
import type {
  Article,
  ArticleFilter,
  ArticleSummary,
  Page,
  Paging,
  SearchPage,
  StoryChanges,
  StoryFilter,
  StoryListItem,
  StoryRecord,
} from '../store/store.js';

/** Why an article was placed in its story: the evidence the clusterer used. */
export interface PlacementExplanation {
  articleId: string;
  storyId: string;
  /** Whether the article started a new story. */
  created: boolean;
  score: number;
  terms: string[];
  entities: string[];
  nearDuplicateOf?: string;
}

/** What one ingest did. */
export interface IngestOutcome {
  added: string[];
  duplicates: string[];
  placements: PlacementExplanation[];
  /** Stories that gained articles or were re-clustered (and were re-synthesized). */
  storiesChanged: string[];
  /** The re-clustering pass that followed, when one ran. */
  refined?: RefineOutcome;
  diagnostics: Diagnostic[];
}

/** What one re-clustering pass changed. */
export interface RefineOutcome {
  /** Articles now in another story than before. */
  moved: number;
  storiesBefore: number;
  storiesAfter: number;
  /** Stories that gained, lost or were created (and were re-synthesized). */
  storiesChanged: string[];
  /** Stories that no longer exist. */
  storiesRemoved: string[];
}

/** Options of {@link Newsroom.ingest}. */
export interface IngestOptions {
  /**
   * Re-cluster every stored article after placing the new ones (see {@link Newsroom.refine}). Default:
   * when the ingest adds at least 20 articles, as a batch import does; single articles are placed online.
   */
  refine?: boolean;
  /**
   * Called after each chunk of new articles is committed, with how many of them are stored so far and
   * how many there are (articles already stored are not counted): for a progress bar.
   */
  onProgress?: (done: number, total: number) => void;
}

/** One story with its current report. */
export interface StoryView {
  record: StoryRecord;
  report: StoryReport;
}

/**
 * The application service over a store: ingest articles into stories, read stories with fresh reports,
 * correct the clustering. The CLI and the HTTP API are thin shells over it.
 */
export interface Newsroom {
  /**
   * Stores new articles (re-ingesting is idempotent), places each in a story, re-synthesizes changed
   * stories. Articles commit in chunks, each with the clusterer's state; a store left by an ingest that
   * was stopped midway is finished first (its re-clustering pass and missing reports), so the stories
   * come out as one uninterrupted ingest of the same articles would have made them.
   */
  ingest(articles: readonly ArticleInput[], options?: IngestOptions): Promise<IngestOutcome>;
  /**
   * Re-clusters every stored article in one pass (locally scaled average link), which corrects what
   * online placement got wrong; user corrections still hold. Costs about a second per thousand articles.
   * After an interrupted ingest it also writes the reports that ingest never wrote.
   */
  refine(): Promise<RefineOutcome>;
  /**
   * Finishes an ingest that was stopped midway (a process killed after committing some of its
   * articles): its re-clustering pass when it was to have one, and the reports it never wrote. The
   * next {@link ingest} does this by itself; `serve` calls it on start.
   * @returns what was done, or undefined when no ingest was left unfinished
   */
  recover(): Promise<IngestOutcome | undefined>;
  listStories(filter: StoryFilter): Promise<Page<StoryListItem>>;
  /** A story and its report; a stale report is re-synthesized first. Undefined for an unknown id. */
  story(id: string): Promise<StoryView | undefined>;
  /** Claims, quotes, conflicts and updates a story gained since an ISO time. */
  storyChanges(id: string, since: string): Promise<StoryChanges | undefined>;
  article(id: string): Promise<Article | undefined>;
  listArticles(filter: ArticleFilter): Promise<Page<ArticleSummary>>;
  search(query: string, paging: Paging): Promise<SearchPage>;
  /** Merges story `absorbed` into story `kept`; the correction sticks on later ingests. Returns the kept id. */
  merge(kept: string, absorbed: string): Promise<string>;
  /** Moves the given articles of a story into a new story; the correction sticks. Returns the new id. */
  split(storyId: string, articleIds: readonly string[]): Promise<string>;
  /** Placement explanations for the articles of a story (`crosscheck stories --why`). */
  explain(storyId: string): Promise<PlacementExplanation[]>;
  /**
   * The article of an HTML page, as `extractArticle` gives it, on the newsroom's worker when it has one, so
   * a hostile page (deep nesting, megabytes of markup) never blocks the caller's thread.
   */
  extractArticle?(html: string, options: ExtractOptions): Promise<ExtractResult>;
  close(): Promise<void>;
}
