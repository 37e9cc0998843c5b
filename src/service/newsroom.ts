import { clusteringOrder } from '../cluster/cluster-articles.js';
import { type ArticleFeatures, articleFeatures } from '../cluster/features.js';
import { type ClustererJson, type ClusterOptions, StoryClusterer } from '../cluster/story-clusterer.js';
import { type ExtractOptions, type ExtractResult, extractArticle } from '../ingest/html/extract-article.js';
import { type ArticleInput, CrosscheckError, type Diagnostic, type StoryReport } from '../model/index.js';
import { withinBudget } from '../pipeline/article-budget.js';
import { outletFromText, type SynthesizeOptions, synthesize } from '../pipeline/synthesize.js';
import { articleIdFor } from '../store/article-id.js';
import type { Article, Assignment, NewArticle, Store, StoryUpsert } from '../store/store.js';
import { appendAll } from '../text/iterables.js';
import { stringifyClustererState } from './clusterer-state.js';
import type {
  IngestOptions,
  IngestOutcome,
  Newsroom,
  PlacementExplanation,
  RefineOutcome,
  StoryView,
} from './types.js';
import type { Synthesizer } from './worker-synthesizer.js';

/** An ingest adding at least this many articles is followed by a re-clustering pass (a batch import). */
const AUTO_REFINE_ARTICLES = 20;
/** Articles per store transaction of an ingest, unless {@link NewsroomOptions.ingestChunk} says otherwise. */
const DEFAULT_INGEST_CHUNK = 250;
/** Stale stories listed at a time when an interrupted ingest's missing reports are written. */
const STALE_PAGE = 100;
/** The most stale stories one listing may return (the store's page limit). */
const MAX_STALE_LISTED = 1000;

/**
 * The durable steps of an ingest, where {@link NewsroomOptions.checkpoint} is called: a chunk of
 * articles committed (with the clusterer's state), the re-clustering pass committed, a report stored.
 */
export type IngestCheckpoint = 'chunk-committed' | 'clusters-committed' | 'report-stored';

/**
 * What the store keeps while an ingest is unfinished (`IngestBatch.pendingIngest`): written with
 * its first chunk of articles, deleted once every story it touched is re-clustered and reported.
 */
interface PendingNote {
  version: 1;
  /** Whether the ingest ends with a re-clustering pass over the whole store. */
  refine: boolean;
}

/** Reads a stored note; a note this version cannot read still means an ingest was interrupted. */
function readPendingNote(text: string | undefined): PendingNote | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<PendingNote> | null;
    if (parsed?.version === 1 && typeof parsed.refine === 'boolean')
      return { version: 1, refine: parsed.refine };
  } catch {
    // Falls through: an unreadable note is taken at its most cautious meaning.
  }
  return { version: 1, refine: true };
}

export type * from './types.js';

/** Options of {@link openNewsroom}. */
export interface NewsroomOptions {
  /** The clock, injected so that the service stays deterministic under test. */
  now: () => Date;
  cluster?: ClusterOptions;
  synthesize?: SynthesizeOptions;
  /**
   * Where stories are synthesized (`serve` passes a {@link workerSynthesizer}, so that analysis runs off
   * the event loop under a time budget); default: `synthesize` on the caller's thread. Closed with the newsroom.
   */
  synthesizer?: Synthesizer;
  /**
   * Articles per store transaction of an ingest (default 250): each chunk commits with the clusterer's
   * state, so a large import stopped midway keeps what it committed, and the next ingest finishes it.
   */
  ingestChunk?: number;
  /**
   * Called right after each durable step of an ingest ({@link IngestCheckpoint}), on the caller's
   * thread. A test hook: the crash-recovery test (`test/service/crash-recovery.test.ts`) stops the
   * process there with SIGKILL to prove that a re-run recovers from each step. Default: nothing.
   */
  checkpoint?: (point: IngestCheckpoint) => void;
}

/**
 * Opens the application service over a store: loads the clusterer's saved state (or starts one) and
 * returns a {@link Newsroom}. Calls are serialised: one ingest or correction at a time.
 */
export async function openNewsroom(store: Store, options: NewsroomOptions): Promise<Newsroom> {
  const chunk = options.ingestChunk;
  if (chunk !== undefined && !(Number.isInteger(chunk) && chunk >= 1)) {
    throw new CrosscheckError('invalid-option', `ingestChunk must be a positive whole number, got ${chunk}`);
  }
  const saved = await store.getClustererState();
  const clusterer = saved
    ? StoryClusterer.fromJSON(JSON.parse(saved) as ClustererJson)
    : new StoryClusterer(options.cluster ?? {});
  return new StoreNewsroom(store, clusterer, options);
}

/**
 * Lets the event loop answer what waits before the next step. An embedded store answers synchronously, so
 * an ingest's steps (hashing megabytes, serialising the clusterer, one write transaction) would otherwise
 * run back to back as one long block that no read could interrupt.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Turns a stored article back into the input `synthesize` reads; its store id is its source id. */
function toInput(article: Article): ArticleInput {
  const input: ArticleInput = { id: article.id, body: article.body };
  if (article.url !== undefined) input.url = article.url;
  if (article.outlet !== undefined) input.outlet = article.outlet;
  if (article.title !== undefined) input.title = article.title;
  if (article.published !== undefined) input.published = article.published;
  if (article.path !== undefined) input.path = article.path;
  return input;
}

class StoreNewsroom implements Newsroom {
  readonly #store: Store;
  readonly #clusterer: StoryClusterer;
  readonly #options: NewsroomOptions;
  readonly #chunk: number;
  /**
   * Stories whose synthesis ran past its budget, by story id, with the article ids it was tried on: a
   * later read of the unchanged story answers at once instead of spending the budget again.
   */
  readonly #overBudget = new Map<string, { articles: string; message: string }>();
  /** Serialises writes: the clusterer in memory and the store must move together. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: Store, clusterer: StoryClusterer, options: NewsroomOptions) {
    this.#store = store;
    this.#clusterer = clusterer;
    this.#options = options;
    this.#chunk = options.ingestChunk ?? DEFAULT_INGEST_CHUNK;
  }

  #serial<Result>(work: () => Promise<Result>): Promise<Result> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #now(): string {
    return this.#options.now().toISOString();
  }

  ingest(inputs: readonly ArticleInput[], options: IngestOptions = {}): Promise<IngestOutcome> {
    return this.#serial(() => this.#ingest(inputs, options));
  }

  recover(): Promise<IngestOutcome | undefined> {
    return this.#serial(async () =>
      (await this.#store.getPendingIngest()) === undefined ? undefined : this.#ingest([], {}),
    );
  }

  async #ingest(inputs: readonly ArticleInput[], options: IngestOptions): Promise<IngestOutcome> {
    const diagnostics: Diagnostic[] = [];
    // A note left in the store means an ingest was stopped after committing some of its articles.
    const pending = readPendingNote(await this.#store.getPendingIngest());
    const byId = new Map<string, ArticleInput>();
    for (const input of clusteringOrder(inputs)) {
      const id = articleIdFor(input.body);
      if (!byId.has(id)) byId.set(id, { ...input, id });
    }
    const existing = new Set((await this.#store.getArticles([...byId.keys()])).map((article) => article.id));
    const fresh = [...byId.values()].filter((input) => !existing.has(input.id));
    const duplicates = inputs.length - fresh.length;
    if (duplicates > 0) {
      diagnostics.push({
        code: 'ingest-duplicate',
        message: `${duplicates} article(s) were already stored (same text) and were skipped`,
        severity: 'info',
      });
    }
    const outcome: IngestOutcome = {
      added: [],
      duplicates: [...byId.keys()].filter((id) => existing.has(id)),
      placements: [],
      storiesChanged: [],
      diagnostics,
    };
    if (fresh.length === 0 && pending === undefined) return outcome;

    // Decided before the first commit and kept in the note, so that the run finishing an interrupted
    // ingest re-clusters exactly when the whole ingest would have: the re-run of an import whose
    // articles are all stored already adds none of its own.
    const refine = (options.refine ?? fresh.length >= AUTO_REFINE_ARTICLES) && fresh.length > 0;
    const note: PendingNote = { version: 1, refine: refine || pending?.refine === true };
    const changed = new Set<string>();
    for (let start = 0; start < fresh.length; start += this.#chunk) {
      const chunkChanged = new Set<string>();
      const articles: NewArticle[] = [];
      const assignments: Assignment[] = [];
      for (const input of fresh.slice(start, start + this.#chunk)) {
        // Placed by the part synthesize analyses: a 50 MB body is stored whole but read within its budget.
        const features = await this.#features(input);
        const placement = this.#clusterer.add(input.id, features);
        articles.push({ ...toStoredFields(input), id: input.id, body: input.body, features });
        assignments.push({ articleId: input.id, storyId: placement.story });
        chunkChanged.add(placement.story);
        changed.add(placement.story);
        outcome.placements.push(
          explanation(input.id, placement.story, placement.created, placement.score, placement.why),
        );
      }
      // The clusterer's state and the note commit with the articles they cover: a process killed after
      // this leaves a store that the next ingest continues as if nothing had happened.
      const clustererState = await stringifyClustererState(this.#clusterer.toJSON(), nextTurn);
      const result = await this.#store.ingest({
        at: this.#now(),
        articles,
        assignments,
        stories: this.#storyUpserts(chunkChanged),
        clustererState,
        pendingIngest: JSON.stringify(note),
      });
      await nextTurn();
      appendAll(outcome.added, result.added);
      this.#options.checkpoint?.('chunk-committed');
      options.onProgress?.(Math.min(fresh.length, start + this.#chunk), fresh.length);
    }
    const refined = note.refine ? await this.#refineClusters() : undefined;
    const removed = new Set(refined?.storiesRemoved ?? []);
    const report = [...new Set([...changed, ...(refined?.storiesChanged ?? [])])].filter(
      (id) => !removed.has(id),
    );
    for (const storyId of report) await this.#resynthesizeOrNote(storyId, diagnostics);
    outcome.storiesChanged = report;
    if (pending !== undefined) {
      // The interrupted ingest may have stored stories whose reports it never wrote.
      appendAll(outcome.storiesChanged, await this.#reportStale(new Set(report), diagnostics));
    }
    await this.#finishPending();
    if (refined !== undefined) outcome.refined = refined;
    return outcome;
  }

  /** Deletes the note of an unfinished ingest: everything it covers is stored, clustered and reported. */
  async #finishPending(): Promise<void> {
    await this.#store.ingest({
      at: this.#now(),
      articles: [],
      assignments: [],
      stories: [],
      pendingIngest: null,
    });
  }

  /**
   * Re-synthesizes every stale story not in `tried` (each once, so a story past its time budget, which
   * stays stale, cannot hold the loop).
   * @returns the stories re-synthesized
   */
  async #reportStale(tried: Set<string>, diagnostics: Diagnostic[]): Promise<string[]> {
    const reported: string[] = [];
    for (;;) {
      const limit = Math.min(MAX_STALE_LISTED, tried.size + STALE_PAGE);
      const next = (await this.#store.listStaleStories(limit)).filter((id) => !tried.has(id));
      if (next.length === 0) return reported;
      for (const storyId of next) {
        tried.add(storyId);
        await this.#resynthesizeOrNote(storyId, diagnostics);
        reported.push(storyId);
      }
    }
  }

  /**
   * An article's clustering features, read by the part synthesize analyses (a 50 MB body is stored whole
   * but read within its budget), on the synthesizer's worker when it has one: at 300,000 characters this
   * takes most of a second, which reads would otherwise wait for.
   */
  async #features(input: ArticleInput): Promise<ArticleFeatures> {
    const maxArticleChars = this.#options.synthesize?.maxArticleChars;
    const synthesizer = this.#options.synthesizer;
    if (synthesizer?.features !== undefined) return synthesizer.features(input, maxArticleChars);
    return articleFeatures(withinBudget(input, maxArticleChars).article);
  }

  async extractArticle(html: string, options: ExtractOptions): Promise<ExtractResult> {
    const synthesizer = this.#options.synthesizer;
    if (synthesizer?.extract !== undefined) return synthesizer.extract(html, options);
    return extractArticle(html, options);
  }

  #storyUpserts(ids: Iterable<string>): StoryUpsert[] {
    const wanted = new Set(ids);
    return this.#clusterer
      .stories()
      .filter((story) => wanted.has(story.id))
      .map((story) => ({ id: story.id, title: story.title }));
  }

  async #resynthesize(storyId: string): Promise<StoryReport | undefined> {
    const record = await this.#store.getStory(storyId);
    if (record === undefined || record.articleIds.length === 0) return undefined;
    const articles = await this.#store.getArticles(record.articleIds);
    const key = record.articleIds.join('\u0000');
    const failed = this.#overBudget.get(storyId);
    if (failed?.articles === key) throw new CrosscheckError('budget-time-exceeded', failed.message);
    let report: StoryReport;
    try {
      report = this.#options.synthesizer
        ? await this.#options.synthesizer.synthesize(articles.map(toInput), this.#options.synthesize ?? {})
        : synthesize(articles.map(toInput), this.#options.synthesize ?? {});
    } catch (error) {
      if (error instanceof CrosscheckError && error.code === 'budget-time-exceeded')
        this.#overBudget.set(storyId, { articles: key, message: `story ${storyId}: ${error.message}` });
      throw error;
    }
    this.#overBudget.delete(storyId);
    if (report.title !== record.title) {
      // The clusterer names a story after its first article; the report's title is the better headline.
      await this.#store.ingest({
        at: this.#now(),
        articles: [],
        assignments: [],
        stories: [{ id: storyId, title: report.title }],
      });
    }
    await this.#store.putReport(storyId, report, this.#now());
    this.#options.checkpoint?.('report-stored');
    return report;
  }

  /**
   * Re-synthesizes a story after an ingest; a story past its time budget stays stale (its articles are
   * stored) and becomes a warning of the ingest instead of failing it.
   */
  async #resynthesizeOrNote(storyId: string, diagnostics: Diagnostic[]): Promise<void> {
    try {
      await this.#resynthesize(storyId);
    } catch (error) {
      if (!(error instanceof CrosscheckError && error.code === 'budget-time-exceeded')) throw error;
      diagnostics.push({ source: storyId, code: error.code, message: error.message, severity: 'warning' });
    }
  }

  refine(): Promise<RefineOutcome> {
    return this.#serial(async () => {
      const pending = await this.#store.getPendingIngest();
      const refined = await this.#refineClusters();
      const diagnostics: Diagnostic[] = [];
      for (const storyId of refined.storiesChanged) await this.#resynthesizeOrNote(storyId, diagnostics);
      if (pending !== undefined) {
        // A re-clustering pass over the whole store is what an interrupted ingest still owed, but for the
        // reports it never wrote.
        appendAll(
          refined.storiesChanged,
          await this.#reportStale(new Set(refined.storiesChanged), diagnostics),
        );
        await this.#finishPending();
      }
      return refined;
    });
  }

  /** Re-clusters and saves the new assignments in one transaction; the caller re-synthesizes what changed. */
  async #refineClusters(): Promise<RefineOutcome> {
    const result = this.#clusterer.refine();
    const changed = result.changed.filter((id) => !result.removed.includes(id));
    const members = new Map(this.#clusterer.stories().map((story) => [story.id, story.articles]));
    await this.#store.ingest({
      at: this.#now(),
      articles: [],
      assignments: changed.flatMap((storyId) =>
        (members.get(storyId) ?? []).map((articleId) => ({ articleId, storyId })),
      ),
      stories: this.#storyUpserts(changed),
      removedStories: result.removed,
      clustererState: JSON.stringify(this.#clusterer.toJSON()),
    });
    this.#options.checkpoint?.('clusters-committed');
    return {
      moved: result.moved,
      storiesBefore: result.storiesBefore,
      storiesAfter: result.storiesAfter,
      storiesChanged: changed,
      storiesRemoved: result.removed,
    };
  }

  listStories: Newsroom['listStories'] = (filter) => this.#store.listStories(filter);

  async story(id: string): Promise<StoryView | undefined> {
    const record = await this.#store.getStory(id);
    if (record === undefined) return undefined;
    if (record.report !== null && !record.stale) return { record, report: record.report };
    const report = await this.#serial(() => this.#resynthesize(id));
    const fresh = await this.#store.getStory(id);
    if (fresh === undefined || report === undefined) return undefined;
    return { record: fresh, report };
  }

  storyChanges: Newsroom['storyChanges'] = (id, since) => this.#store.storyChangesSince(id, since);
  article: Newsroom['article'] = (id) => this.#store.getArticle(id);
  listArticles: Newsroom['listArticles'] = (filter) => this.#store.listArticles(filter);
  search: Newsroom['search'] = (query, paging) => this.#store.search(query, paging);

  merge(kept: string, absorbed: string): Promise<string> {
    return this.#serial(async () => {
      this.#requireStory(kept);
      this.#requireStory(absorbed);
      const into = this.#clusterer.merge(kept, absorbed);
      const gone = into === kept ? absorbed : kept;
      const members = this.#clusterer.stories().find((story) => story.id === into)?.articles ?? [];
      const at = this.#now();
      await this.#store.ingest({
        at,
        articles: [],
        assignments: members.map((articleId) => ({ articleId, storyId: into })),
        stories: this.#storyUpserts([into]),
        removedStories: [gone],
        corrections: [{ kind: 'merge', at, storyIds: [kept, absorbed], articleIds: members }],
        clustererState: JSON.stringify(this.#clusterer.toJSON()),
      });
      await this.#resynthesize(into);
      return into;
    });
  }

  split(storyId: string, articleIds: readonly string[]): Promise<string> {
    return this.#serial(async () => {
      this.#requireStory(storyId);
      const created = this.#clusterer.split(storyId, articleIds);
      const at = this.#now();
      await this.#store.ingest({
        at,
        articles: [],
        assignments: articleIds.map((articleId) => ({ articleId, storyId: created })),
        stories: this.#storyUpserts([storyId, created]),
        corrections: [{ kind: 'split', at, storyIds: [storyId, created], articleIds: [...articleIds] }],
        clustererState: JSON.stringify(this.#clusterer.toJSON()),
      });
      await this.#resynthesize(storyId);
      await this.#resynthesize(created);
      return created;
    });
  }

  #requireStory(id: string): void {
    if (!this.#clusterer.stories().some((story) => story.id === id)) {
      throw new CrosscheckError(
        'unknown-story',
        `no story with id "${id}": list them with \`crosscheck stories\``,
      );
    }
  }

  async explain(storyId: string): Promise<PlacementExplanation[]> {
    const story = this.#clusterer.stories().find((item) => item.id === storyId);
    if (story === undefined) return [];
    return story.articles.flatMap((articleId) => {
      const placement = this.#clusterer.placementOf(articleId);
      return placement
        ? [explanation(articleId, storyId, placement.created, placement.score, placement.why)]
        : [];
    });
  }

  async close(): Promise<void> {
    // The synthesis in flight is abandoned rather than awaited, so that shutting down takes seconds: its
    // story's articles are stored, and the story stays stale until its next read re-synthesizes it.
    await this.#options.synthesizer?.close();
    return this.#serial(() => this.#store.close());
  }
}

function toStoredFields(input: ArticleInput): Omit<NewArticle, 'id' | 'body'> {
  const fields: Omit<NewArticle, 'id' | 'body'> = {};
  if (input.url !== undefined) fields.url = input.url;
  // An article posted or fetched without an outlet is stored under the one its text names, so that the
  // story list and the outlet filter know it as the report does.
  const outlet = input.outlet ?? outletFromText(input).article.outlet;
  if (outlet !== undefined) fields.outlet = outlet;
  if (input.title !== undefined) fields.title = input.title;
  if (input.published !== undefined) fields.published = input.published;
  if (input.path !== undefined) fields.path = input.path;
  return fields;
}

function explanation(
  articleId: string,
  storyId: string,
  created: boolean,
  score: number,
  why: { terms: string[]; entities: string[]; nearDuplicateOf?: string },
): PlacementExplanation {
  const result: PlacementExplanation = {
    articleId,
    storyId,
    created,
    score,
    terms: why.terms,
    entities: why.entities,
  };
  if (why.nearDuplicateOf !== undefined) result.nearDuplicateOf = why.nearDuplicateOf;
  return result;
}
