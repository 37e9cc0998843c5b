/**
 * Online story clustering: each article joins the story it scores best with, or founds a new one.
 *
 * The score is a cosine over TF-IDF vectors (terms, and named entities as a second channel) between
 * the article and the story's summed vector, damped when the article's day lies outside the story's
 * days by more than a window. Document frequencies grow with every article, with a prior of pseudo
 * documents so the first articles are not all "rare". Reprints and near-copies are found first through
 * MinHash LSH and join their original's story whatever the cosine. User corrections (merge, split) are
 * kept as must-link and cannot-link constraints, so they also hold when the same articles are added
 * again into a fresh clusterer built with {@link StoryClusterer.constraints}.
 *
 * Written by hand: no installed package clusters a stream incrementally with explanations, and the
 * state must be plain JSON so a store can persist it. Pure: no I/O, no clock; the result depends only on
 * the options and the order of the calls.
 * @packageDocumentation
 */
import { CrosscheckError } from '../model/index.js';
import { appendAll } from '../text/iterables.js';
import { averageLink, type WeightedPair } from './average-link.js';
import type { ArticleFeatures } from './features.js';
import { bandKeys, estimatedJaccard, hashString } from './minhash.js';

/** Options of {@link StoryClusterer}. */
export interface ClusterOptions {
  /** Least score for an article to join a story rather than found one. Default 0.2. */
  threshold?: number;
  /** Share of the score that comes from named entities (the rest from terms) when both sides have some. Default 0.3. */
  entityWeight?: number;
  /** Days an article may lie outside its story's days (in refinement: apart from the other article) with no penalty. Default 0: most coverage of one event appears the same day. */
  windowDays?: number;
  /** Beyond the window the score is multiplied by exp(−extra days / decayDays). Default 1. */
  decayDays?: number;
  /** Estimated Jaccard similarity of shingles from which an article is a near-copy of an earlier one. Default 0.6. */
  nearDuplicate?: number;
  /** Pseudo documents added to the count when computing IDF, so the first articles' terms do not all look rare. Default 10. */
  idfPrior?: number;
  /** Stories scored exactly per article, chosen by a first pass over the inverted index. Default 40. */
  candidateLimit?: number;
  /** Rows per LSH band of the MinHash signatures. Default 4 (16 bands of a 64-hash signature: pairs from J ≈ 0.5). */
  bandRows?: number;
  /**
   * Least mean locally scaled similarity for {@link StoryClusterer.refine} to join two groups: an
   * article pair's similarity divided by the geometric mean of each one's nearest-neighbour similarity,
   * so long documents (high similarities) and short excerpts (low ones) share one setting, and damped
   * by the shared-neighbour factor ({@link sharedNeighbours}). Default 0.2.
   */
  refineThreshold?: number;
  /**
   * Share of an article pair's similarity that refinement takes away when both mention years and none
   * is shared: sister events (last year's flood, the 2004 death of another official) read alike. Default 0.5.
   */
  yearPenalty?: number;
  /**
   * Share taken away when both articles carry numbers other than years and share none: casualty
   * counts, magnitudes and sums tell sister events apart. Default 0.4.
   */
  numberPenalty?: number;
  /**
   * Share taken away when both articles name weekdays and share none, but only when the year or number
   * penalty also applies: one weekday mismatch alone is often a later follow-up of the same event
   * ("arrested Friday, charged Monday"), while with a second disagreement it marks a sister event (the
   * rule issued on a Thursday, its reversal months later on a Tuesday). Default 0.5.
   */
  weekdayPenalty?: number;
  /**
   * Neighbours each article lists for the shared-neighbour factor of {@link StoryClusterer.refine}: its
   * closest articles, at most this many and each at least half as alike as the closest. 0 turns the
   * factor off. Default 5.
   */
  sharedNeighbours?: number;
  /**
   * Share of a pair's refinement similarity that depends on how many listed neighbours the two articles
   * share (the rest is kept whatever the overlap), in [0, 1]. Default 0.5.
   */
  sharedNeighbourShare?: number;
}

/** What {@link StoryClusterer.refine} changed. */
export interface RefineResult {
  /** Articles now in a different story than before. */
  moved: number;
  /** Stories before and after. */
  storiesBefore: number;
  storiesAfter: number;
  /** Ids of the stories that gained or lost articles, or were created; ids of stories that are gone. */
  changed: string[];
  removed: string[];
}

/** Why an article went where it went. */
export interface PlacementWhy {
  /** Shared terms (stems and numbers) that weighed most in the score, strongest first. */
  terms: string[];
  /** Shared named entities that weighed most, strongest first. */
  entities: string[];
  /** The score with the chosen story (for a new story, with the closest story, which fell short). */
  score: number;
  /** The earlier article this one is a near-copy of. */
  nearDuplicateOf?: string;
  /** Estimated shingle Jaccard similarity with {@link nearDuplicateOf}. */
  similarity?: number;
  /** For a new story: the closest existing story, which scored below the threshold. */
  closestStory?: string;
  /** Set when a user correction decided the placement rather than the score. */
  correction?: 'merge';
}

/** Where {@link StoryClusterer.add} put an article. */
export interface Placement {
  story: string;
  created: boolean;
  score: number;
  why: PlacementWhy;
}

/** One story as listed by {@link StoryClusterer.stories}. */
export interface StorySummary {
  id: string;
  /** The label of the story's first article (its title or first sentence). */
  title: string;
  /** Article ids in the order they were added. */
  articles: string[];
}

/** A user correction, as recorded. */
export type Correction =
  | { kind: 'merge'; stories: [string, string]; into: string }
  | { kind: 'split'; story: string; articles: string[]; into: string };

/** The user corrections of a clusterer as constraints on article pairs, plain JSON. */
export interface ClusterConstraints {
  /** Groups of articles that must share a story. */
  mustLink: string[][];
  /** Pairs of article groups that must not share a story. */
  cannotLink: Array<[string[], string[]]>;
}

/** The persisted state of a {@link StoryClusterer}. */
export interface ClustererJson {
  version: 1;
  options: Required<ClusterOptions>;
  articles: Array<{ id: string; features: ArticleFeatures; placement: Placement }>;
  stories: Array<{
    id: string;
    sequence: number;
    articles: string[];
    termNorm: number;
    entityNorm: number;
    normCount: number;
  }>;
  nextSequence: number;
  usedStoryIds: string[];
  constraints: ClusterConstraints;
  corrections: Correction[];
}

/** The defaults of {@link ClusterOptions}. */
export const DEFAULT_CLUSTER_OPTIONS: Readonly<Required<ClusterOptions>> = {
  threshold: 0.2,
  entityWeight: 0.3,
  windowDays: 0,
  decayDays: 1,
  nearDuplicate: 0.6,
  idfPrior: 10,
  candidateLimit: 40,
  bandRows: 4,
  refineThreshold: 0.2,
  yearPenalty: 0.5,
  numberPenalty: 0.4,
  weekdayPenalty: 0.5,
  sharedNeighbours: 5,
  sharedNeighbourShare: 0.5,
};

/** How many shared terms and entities an explanation lists. */
const EXPLAINED_TERMS = 8;
const EXPLAINED_ENTITIES = 5;
/** Norms are recomputed once the article count grew by this factor since, as IDF drifts slowly. */
const NORM_REFRESH = 1.2;
/** Terms in more than this share of the articles (and more than {@link MIN_POSTING_DF}) do not propose candidates. */
const POSTING_SHARE = 0.05;
const MIN_POSTING_DF = 50;
/** Earlier articles scored exactly per article during refinement, chosen by their shared rare terms. */
const REFINE_NEIGHBOURS = 30;
/** Least nearest-neighbour similarity used for local scaling, so an article alike to nothing does not join its faint nearest. */
const SCALE_FLOOR = 0.05;
/** Most articles a term may be in and still propose refinement pairs. */
const REFINE_MAX_DF = 100;
/** Pair similarity from which two articles are copies of one text, left out of the local scale. */
const COPY_SIMILARITY = 0.8;
/** A four-digit number read as a year when it falls in this range. */
const YEAR_TERM = /^(?:19[5-9]\d|20[0-4]\d)$/;

/** An article as refinement compares it: unit TF-IDF vectors and the years it mentions. */
interface ArticleVector {
  terms: Map<string, number>;
  entities: Map<string, number>;
  years: Set<string>;
  /** Numbers other than years among the terms. */
  numbers: Set<string>;
  /** Weekday names among the terms (as stemmed). */
  weekdays: Set<string>;
}

/** A term that is a plain number (digits, perhaps a decimal point). */
const NUMBER_TERM = /^\d+(?:\.\d+)?$/;
/** Weekday names as the content terms stem them; abbreviations ("Tue") are left out, as they mostly stand in datelines. */
const WEEKDAY_TERMS = new Set(['mondai', 'tuesdai', 'wednesdai', 'thursdai', 'fridai', 'saturdai', 'sundai']);

/** Least similarity to an article, as a share of its closest article's, of the neighbours it lists. */
const NEIGHBOUR_RATIO = 0.5;

/**
 * Share of the smaller of two neighbour lists that the other list holds too (1 when the factor is off).
 * Articles of one event list each other; sister events that share rare terms list their own mates.
 * Measured against the smaller list, so two articles of a three-article story that list only each other
 * count as fully shared.
 */
function sharedShare(left: ReadonlySet<number> | undefined, right: ReadonlySet<number> | undefined): number {
  if (left === undefined || right === undefined) return 1;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const member of small) if (large.has(member)) shared++;
  return shared / small.size;
}

/** Both sets hold something and they share nothing: the two articles state different values. */
function disagree(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  if (left.size === 0 || right.size === 0) return false;
  for (const value of left) if (right.has(value)) return false;
  return true;
}

function sparseDot(left: Map<string, number>, right: Map<string, number>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let sum = 0;
  for (const [key, weight] of small) {
    const other = large.get(key);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

interface ArticleState {
  id: string;
  sequence: number;
  features: ArticleFeatures;
  placement: Placement;
  story: StoryState;
}

interface StoryState {
  id: string;
  sequence: number;
  /** Members in insertion order. */
  articles: ArticleState[];
  terms: Map<string, number>;
  entities: Map<string, number>;
  firstDay: number | undefined;
  lastDay: number | undefined;
  termNorm: number;
  entityNorm: number;
  /** Article count when the norms were last computed. */
  normCount: number;
}

interface Query {
  features: ArticleFeatures;
  /** IDF of each term and entity of the features, in their order. */
  termIdf: number[];
  entityIdf: number[];
  termNorm: number;
  entityNorm: number;
}

interface Scored {
  story: StoryState;
  score: number;
  termDot: Map<string, number>;
  entityDot: Map<string, number>;
}

/** Stable story id from the id of the article that founds it. */
function storyIdFor(articleId: string): string {
  const high = hashString(articleId).toString(16).padStart(8, '0');
  const low = hashString(articleId, 0x1b873593).toString(16).padStart(8, '0');
  return `s-${high}${low.slice(0, 4)}`;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function topKeys(contributions: Map<string, number>, count: number): string[] {
  return [...contributions.entries()]
    .sort((left, right) => right[1] - left[1] || compareText(left[0], right[0]))
    .slice(0, count)
    .map(([key]) => key);
}

/**
 * Incremental story clusterer; see the module comment for the method.
 *
 * @example
 * const clusterer = new StoryClusterer();
 * const placement = clusterer.add('a1', articleFeatures({ id: 'a1', body: '…' }));
 * clusterer.stories(); // [{ id: placement.story, title: '…', articles: ['a1'] }]
 */
export class StoryClusterer {
  readonly #options: Required<ClusterOptions>;
  readonly #articles = new Map<string, ArticleState>();
  readonly #stories = new Map<string, StoryState>();
  readonly #usedStoryIds = new Set<string>();
  readonly #termDf = new Map<string, number>();
  readonly #entityDf = new Map<string, number>();
  readonly #termPostings = new Map<string, Set<StoryState>>();
  readonly #entityPostings = new Map<string, Set<StoryState>>();
  readonly #bands = new Map<string, ArticleState[]>();
  /** Must-link groups: article id → group, and group → members. */
  readonly #groupOf = new Map<string, Set<string>>();
  #cannotLink: Array<[Set<string>, Set<string>]> = [];
  #corrections: Correction[] = [];
  #nextSequence = 0;

  /**
   * @param options - scoring settings; see {@link DEFAULT_CLUSTER_OPTIONS}
   * @param constraints - user corrections from another clusterer ({@link constraints}), to hold while
   *   the same articles are added again
   */
  constructor(options: ClusterOptions = {}, constraints?: ClusterConstraints) {
    this.#options = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    const { threshold, entityWeight, nearDuplicate, bandRows, candidateLimit, idfPrior, windowDays } =
      this.#options;
    if (!(entityWeight >= 0 && entityWeight <= 1)) {
      throw new CrosscheckError('invalid-option', `entityWeight must be in [0, 1], got ${entityWeight}`);
    }
    if (!Number.isFinite(threshold) || !Number.isFinite(nearDuplicate)) {
      throw new CrosscheckError('invalid-option', 'threshold and nearDuplicate must be finite numbers');
    }
    if (
      !Number.isInteger(bandRows) ||
      bandRows < 1 ||
      !Number.isInteger(candidateLimit) ||
      candidateLimit < 1
    ) {
      throw new CrosscheckError(
        'invalid-option',
        'bandRows and candidateLimit must be positive whole numbers',
      );
    }
    if (!(idfPrior >= 0) || !(windowDays >= 0) || !(this.#options.decayDays > 0)) {
      throw new CrosscheckError(
        'invalid-option',
        'idfPrior and windowDays must not be negative, and decayDays must be positive',
      );
    }
    const { yearPenalty, numberPenalty, weekdayPenalty, sharedNeighbours, sharedNeighbourShare } =
      this.#options;
    for (const [name, value] of Object.entries({
      yearPenalty,
      numberPenalty,
      weekdayPenalty,
      sharedNeighbourShare,
    })) {
      if (!(value >= 0 && value <= 1)) {
        throw new CrosscheckError('invalid-option', `${name} must be in [0, 1], got ${value}`);
      }
    }
    if (!Number.isInteger(sharedNeighbours) || sharedNeighbours < 0) {
      throw new CrosscheckError('invalid-option', 'sharedNeighbours must be a whole number, 0 or more');
    }
    if (constraints !== undefined) {
      for (const group of constraints.mustLink) this.#link(group);
      this.#cannotLink = constraints.cannotLink.map(([left, right]) => [new Set(left), new Set(right)]);
    }
  }

  /** The settings in force, defaults filled in. */
  get options(): Readonly<Required<ClusterOptions>> {
    return this.#options;
  }

  /** Number of articles added. */
  get size(): number {
    return this.#articles.size;
  }

  #idf(df: number | undefined): number {
    return Math.log((this.#articles.size + this.#options.idfPrior + 1) / ((df ?? 0) + 1));
  }

  #norm(weights: Map<string, number> | Array<[string, number]>, df: Map<string, number>): number {
    let sum = 0;
    for (const [key, weight] of weights) {
      const value = weight * this.#idf(df.get(key));
      sum += value * value;
    }
    return Math.sqrt(sum);
  }

  #refreshNorms(story: StoryState): void {
    story.termNorm = this.#norm(story.terms, this.#termDf);
    story.entityNorm = this.#norm(story.entities, this.#entityDf);
    story.normCount = this.#articles.size;
  }

  /** Recomputes a story's norms once the article count grew enough since they were computed. */
  #freshen(story: StoryState): void {
    if (this.#articles.size >= story.normCount * NORM_REFRESH) this.#refreshNorms(story);
  }

  /** Sums, days and norms of a story recomputed from its members, in insertion order so the floats never depend on history. */
  #rebuildStory(story: StoryState): void {
    story.articles.sort((left, right) => left.sequence - right.sequence);
    story.terms = new Map();
    story.entities = new Map();
    story.firstDay = undefined;
    story.lastDay = undefined;
    for (const article of story.articles) this.#accumulate(story, article.features);
    this.#refreshNorms(story);
  }

  /** Change of a story's squared norm when an article's weights are added to its sums (not yet added). */
  #squaresDelta(sums: Map<string, number>, added: Array<[string, number]>, df: Map<string, number>): number {
    let delta = 0;
    for (const [key, weight] of added) {
      const before = sums.get(key) ?? 0;
      const after = before + weight;
      const idf = this.#idf(df.get(key));
      delta += (after * after - before * before) * idf * idf;
    }
    return delta;
  }

  #accumulate(story: StoryState, features: ArticleFeatures): void {
    for (const [term, weight] of features.terms) story.terms.set(term, (story.terms.get(term) ?? 0) + weight);
    for (const [key, weight] of features.entities) {
      story.entities.set(key, (story.entities.get(key) ?? 0) + weight);
    }
    if (features.day !== undefined) {
      story.firstDay = story.firstDay === undefined ? features.day : Math.min(story.firstDay, features.day);
      story.lastDay = story.lastDay === undefined ? features.day : Math.max(story.lastDay, features.day);
    }
  }

  /** Adds the story to the postings of the given terms and entities (by default all of its own). */
  #post(
    story: StoryState,
    terms: Iterable<string> = story.terms.keys(),
    entities: Iterable<string> = story.entities.keys(),
  ): void {
    for (const term of terms) {
      const posting = this.#termPostings.get(term);
      if (posting === undefined) this.#termPostings.set(term, new Set([story]));
      else posting.add(story);
    }
    for (const key of entities) {
      const posting = this.#entityPostings.get(key);
      if (posting === undefined) this.#entityPostings.set(key, new Set([story]));
      else posting.add(story);
    }
  }

  #unpost(story: StoryState): void {
    for (const term of story.terms.keys()) this.#termPostings.get(term)?.delete(story);
    for (const key of story.entities.keys()) this.#entityPostings.get(key)?.delete(story);
  }

  #newStory(founder: string): StoryState {
    let id = storyIdFor(founder);
    for (let suffix = 2; this.#usedStoryIds.has(id); suffix++) id = `${storyIdFor(founder)}-${suffix}`;
    this.#usedStoryIds.add(id);
    const story: StoryState = {
      id,
      sequence: this.#nextSequence++,
      articles: [],
      terms: new Map(),
      entities: new Map(),
      firstDay: undefined,
      lastDay: undefined,
      termNorm: 0,
      entityNorm: 0,
      normCount: 0,
    };
    this.#stories.set(id, story);
    return story;
  }

  /** 1 inside the story's days widened by the window, decaying beyond; 1 when either side has no date. */
  #timeFactor(story: StoryState, day: number | undefined): number {
    if (day === undefined || story.firstDay === undefined || story.lastDay === undefined) return 1;
    const gap = day < story.firstDay ? story.firstDay - day : day > story.lastDay ? day - story.lastDay : 0;
    const window = this.#options.windowDays;
    if (gap <= window) return 1;
    return Math.exp(-(gap - window) / this.#options.decayDays);
  }

  /** An article about to be placed, with its IDF weights computed once for every candidate story. */
  #query(features: ArticleFeatures): Query {
    const weighted = (weights: Array<[string, number]>, df: Map<string, number>): [number[], number] => {
      const idfs = weights.map(([key]) => this.#idf(df.get(key)));
      let squares = 0;
      for (const [position, [, weight]] of weights.entries()) {
        const value = weight * idfs[position]!;
        squares += value * value;
      }
      return [idfs, Math.sqrt(squares)];
    };
    const [termIdf, termNorm] = weighted(features.terms, this.#termDf);
    const [entityIdf, entityNorm] = weighted(features.entities, this.#entityDf);
    return { features, termIdf, entityIdf, termNorm, entityNorm };
  }

  /** Score of an article with a story; the per-key contributions only when `explain` (they cost allocations). */
  #score(query: Query, story: StoryState, explain = false): Scored {
    this.#freshen(story);
    const { features, termNorm, entityNorm } = query;
    const termDot = new Map<string, number>();
    let termSum = 0;
    for (const [position, [term, weight]] of features.terms.entries()) {
      const storyWeight = story.terms.get(term);
      if (storyWeight === undefined) continue;
      const idf = query.termIdf[position]!;
      const value = weight * storyWeight * idf * idf;
      if (explain) termDot.set(term, value);
      termSum += value;
    }
    const entityDot = new Map<string, number>();
    let entitySum = 0;
    for (const [position, [key, weight]] of features.entities.entries()) {
      const storyWeight = story.entities.get(key);
      if (storyWeight === undefined) continue;
      const idf = query.entityIdf[position]!;
      const value = weight * storyWeight * idf * idf;
      if (explain) entityDot.set(key, value);
      entitySum += value;
    }
    const termCosine = termNorm > 0 && story.termNorm > 0 ? termSum / (termNorm * story.termNorm) : 0;
    let score = termCosine;
    if (entityNorm > 0 && story.entityNorm > 0) {
      const entityCosine = entitySum / (entityNorm * story.entityNorm);
      const share = this.#options.entityWeight;
      score = (1 - share) * termCosine + share * entityCosine;
    }
    score *= this.#timeFactor(story, features.day);
    return { story, score, termDot, entityDot };
  }

  /** Stories holding an article the new one must not share a story with. */
  #blockedStories(articleId: string): Set<StoryState> {
    const blocked = new Set<StoryState>();
    for (const [left, right] of this.#cannotLink) {
      const others = left.has(articleId) ? right : right.has(articleId) ? left : undefined;
      if (others === undefined) continue;
      for (const other of others) {
        const story = this.#articles.get(other)?.story;
        if (story !== undefined) blocked.add(story);
      }
    }
    return blocked;
  }

  /** The story a must-link correction ties the article to, if any member of its group is placed. */
  #linkedStory(articleId: string): StoryState | undefined {
    const group = this.#groupOf.get(articleId);
    if (group === undefined) return undefined;
    let found: ArticleState | undefined;
    for (const member of group) {
      const placed = this.#articles.get(member);
      if (placed !== undefined && (found === undefined || placed.sequence < found.sequence)) found = placed;
    }
    return found?.story;
  }

  #candidates(features: ArticleFeatures, termNorm: number, entityNorm: number): StoryState[] {
    const ceiling = Math.max(MIN_POSTING_DF, POSTING_SHARE * this.#articles.size);
    const first = new Map<StoryState, number>();
    const share = entityNorm > 0 ? this.#options.entityWeight : 0;
    const pass = (
      weights: Array<[string, number]>,
      df: Map<string, number>,
      postings: Map<string, Set<StoryState>>,
      scale: number,
      entity: boolean,
    ): void => {
      if (scale <= 0) return;
      for (const [key, weight] of weights) {
        const frequency = df.get(key) ?? 0;
        if (frequency === 0 || frequency > ceiling) continue;
        const posting = postings.get(key);
        if (posting === undefined) continue;
        const idf = this.#idf(frequency);
        const base = weight * idf * idf * scale;
        for (const story of posting) {
          this.#freshen(story);
          const storyWeight = (entity ? story.entities : story.terms).get(key) ?? 0;
          const norm = entity ? story.entityNorm : story.termNorm;
          if (norm > 0) first.set(story, (first.get(story) ?? 0) + (base * storyWeight) / norm);
        }
      }
    };
    pass(features.terms, this.#termDf, this.#termPostings, termNorm > 0 ? (1 - share) / termNorm : 0, false);
    pass(
      features.entities,
      this.#entityDf,
      this.#entityPostings,
      entityNorm > 0 ? share / entityNorm : 0,
      true,
    );
    return [...first.entries()]
      .sort((left, right) => right[1] - left[1] || left[0].sequence - right[0].sequence)
      .slice(0, this.#options.candidateLimit)
      .map(([story]) => story);
  }

  #nearDuplicate(
    features: ArticleFeatures,
    blocked: Set<StoryState>,
  ): { article: ArticleState; similarity: number } | undefined {
    if (features.signature.length === 0) return undefined;
    let best: { article: ArticleState; similarity: number } | undefined;
    const seen = new Set<ArticleState>();
    for (const key of bandKeys(features.signature, this.#options.bandRows)) {
      for (const article of this.#bands.get(key) ?? []) {
        if (seen.has(article)) continue;
        seen.add(article);
        if (blocked.has(article.story)) continue;
        const similarity = estimatedJaccard(features.signature, article.features.signature);
        if (
          similarity >= this.#options.nearDuplicate &&
          (best === undefined ||
            similarity > best.similarity ||
            (similarity === best.similarity && article.sequence < best.article.sequence))
        ) {
          best = { article, similarity };
        }
      }
    }
    return best;
  }

  /**
   * Places one article: with a near-copy's story, else the best-scoring story at or above the
   * threshold, else a new story. Adding an id already present changes nothing and returns its placement.
   * @param articleId - unique id of the article
   * @param features - its {@link articleFeatures}
   */
  add(articleId: string, features: ArticleFeatures): Placement {
    const existing = this.#articles.get(articleId);
    if (existing !== undefined) return { ...existing.placement, story: existing.story.id };

    const query = this.#query(features);
    const { termNorm, entityNorm } = query;
    const blocked = this.#blockedStories(articleId);
    const linked = this.#linkedStory(articleId);

    let best: Scored | undefined;
    for (const story of this.#candidates(features, termNorm, entityNorm)) {
      if (blocked.has(story)) continue;
      const scored = this.#score(query, story);
      if (
        best === undefined ||
        scored.score > best.score ||
        (scored.score === best.score && story.sequence < best.story.sequence)
      ) {
        best = scored;
      }
    }

    let target: StoryState | undefined;
    let chosen: Scored | undefined;
    const why: PlacementWhy = { terms: [], entities: [], score: 0 };
    const duplicate = linked === undefined ? this.#nearDuplicate(features, blocked) : undefined;
    if (linked !== undefined) {
      target = linked;
      chosen = this.#score(query, linked, true);
      why.correction = 'merge';
    } else if (duplicate !== undefined) {
      target = duplicate.article.story;
      chosen = this.#score(query, target, true);
      why.nearDuplicateOf = duplicate.article.id;
      why.similarity = duplicate.similarity;
    } else if (best !== undefined && best.score >= this.#options.threshold) {
      target = best.story;
      chosen = this.#score(query, best.story, true);
    }

    const created = target === undefined;
    if (chosen !== undefined) {
      why.terms = topKeys(chosen.termDot, EXPLAINED_TERMS);
      why.entities = topKeys(chosen.entityDot, EXPLAINED_ENTITIES);
      why.score = chosen.score;
    } else if (best !== undefined) {
      why.score = best.score;
      why.closestStory = best.story.id;
    }
    const story = target ?? this.#newStory(articleId);
    const placement: Placement = { story: story.id, created, score: why.score, why };

    const article: ArticleState = {
      id: articleId,
      sequence: this.#articles.size,
      features,
      placement,
      story,
    };
    this.#articles.set(articleId, article);
    for (const [term] of features.terms) this.#termDf.set(term, (this.#termDf.get(term) ?? 0) + 1);
    for (const [key] of features.entities) this.#entityDf.set(key, (this.#entityDf.get(key) ?? 0) + 1);
    for (const key of bandKeys(features.signature, this.#options.bandRows)) {
      const bucket = this.#bands.get(key);
      if (bucket === undefined) this.#bands.set(key, [article]);
      else bucket.push(article);
    }
    story.articles.push(article);
    // A changed story needs its norm now. Only the article's own terms changed weight, so the squared
    // norm is updated by their difference alone (a full recount over the story's vocabulary made large
    // stories slow); IDF drift on the other terms is caught by #freshen once the count has grown.
    const termSquares =
      story.termNorm * story.termNorm + this.#squaresDelta(story.terms, features.terms, this.#termDf);
    const entitySquares =
      story.entityNorm * story.entityNorm +
      this.#squaresDelta(story.entities, features.entities, this.#entityDf);
    if (created) story.normCount = this.#articles.size;
    this.#accumulate(story, features);
    story.termNorm = Math.sqrt(Math.max(0, termSquares));
    story.entityNorm = Math.sqrt(Math.max(0, entitySquares));
    this.#post(
      story,
      features.terms.map(([term]) => term),
      features.entities.map(([key]) => key),
    );
    return placement;
  }

  /**
   * Re-clusters every article in one batch pass, for a whole corpus at once ({@link clusterArticles})
   * or now and then over a stream. The online pass sees each article once against the stories of that
   * moment; here every article is compared with its nearest articles under the final document
   * frequencies, and groups are joined by average link (the mean similarity of all their article
   * pairs), so a story cannot chain into its sister event through one alike pair.
   *
   * Similarities are locally scaled (divided by the geometric mean of both articles' nearest-neighbour
   * similarity): a long report and its rewrite score 0.5, two 80-word excerpts of one event 0.15, and a
   * fixed threshold suits only one of them. Pairs that both mention years but share none are damped
   * ({@link ClusterOptions.yearPenalty}), and so are pairs that both carry numbers other than years but
   * share none ({@link ClusterOptions.numberPenalty}), more when their weekdays disagree too
   * ({@link ClusterOptions.weekdayPenalty}); the time window applies between the two articles'
   * days. Last, each pair is weighed by the share of their closest articles the two have in common
   * ({@link ClusterOptions.sharedNeighbours}): articles of one event list each other, while a sister
   * event that shares the rare terms (the same player, another club's offer) lists its own articles.
   *
   * Corrections hold: must-link groups start as one cluster, and cannot-link groups never join. A story
   * keeps its id when the refined cluster holds most of its articles.
   */
  refine(): RefineResult {
    const articles = [...this.#articles.values()].sort((left, right) => left.sequence - right.sequence);
    const storiesBefore = this.#stories.size;
    const previous = new Map(articles.map((article) => [article, article.story]));
    const vectors = articles.map((article) => this.#articleVector(article.features));

    // Candidate pairs: earlier articles sharing rare terms or entities, the strongest few scored exactly.
    // Capped: at 10,000 articles a 5% share would let posting lists of 500 through and cost minutes.
    const ceiling = Math.min(REFINE_MAX_DF, Math.max(MIN_POSTING_DF, POSTING_SHARE * articles.length));
    const termPostings = new Map<string, number[]>();
    const entityPostings = new Map<string, number[]>();
    const entityWeight = this.#options.entityWeight;
    const edges: Array<[number, number, number]> = [];
    const nearest = new Float64Array(articles.length);
    for (const [index, vector] of vectors.entries()) {
      const partial = new Map<number, number>();
      const gather = (
        weights: Map<string, number>,
        postings: Map<string, number[]>,
        df: Map<string, number>,
        scale: number,
      ): void => {
        for (const [key, weight] of weights) {
          const frequency = df.get(key) ?? 0;
          const posting = postings.get(key);
          if (frequency <= ceiling && posting !== undefined) {
            for (const other of posting) {
              const otherWeight =
                (postings === termPostings ? vectors[other]!.terms : vectors[other]!.entities).get(key) ?? 0;
              partial.set(other, (partial.get(other) ?? 0) + scale * weight * otherWeight);
            }
          }
          if (frequency <= ceiling) {
            if (posting === undefined) postings.set(key, [index]);
            else posting.push(index);
          }
        }
      };
      gather(vector.terms, termPostings, this.#termDf, 1 - entityWeight);
      gather(vector.entities, entityPostings, this.#entityDf, entityWeight);
      const chosen = [...partial.entries()]
        .sort((left, right) => right[1] - left[1] || left[0] - right[0])
        .slice(0, REFINE_NEIGHBOURS);
      for (const [other] of chosen) {
        const similarity = this.#pairSimilarity(vector, vectors[other]!, articles[index]!, articles[other]!);
        if (similarity <= 0) continue;
        edges.push([other, index, similarity]);
        // A reprint is no measure of how alike an article's story mates are: scaling by it would split
        // the story into its copies and the rest.
        if (similarity >= COPY_SIMILARITY) continue;
        if (similarity > nearest[index]!) nearest[index] = similarity;
        if (similarity > nearest[other]!) nearest[other] = similarity;
      }
    }

    // Initial clusters: must-link groups, else single articles.
    const initialOf = new Array<number>(articles.length);
    const groupIndex = new Map<Set<string>, number>();
    const sizes: number[] = [];
    for (const [index, article] of articles.entries()) {
      const group = this.#groupOf.get(article.id);
      let initial = group === undefined ? undefined : groupIndex.get(group);
      if (initial === undefined) {
        initial = sizes.length;
        sizes.push(0);
        if (group !== undefined) groupIndex.set(group, initial);
      }
      initialOf[index] = initial;
      sizes[initial] = sizes[initial]! + 1;
    }
    const indexOf = new Map(articles.map((article, index) => [article.id, index]));
    const tags = sizes.map(() => [] as number[]);
    for (const [position, [left, right]] of this.#cannotLink.entries()) {
      for (const [side, members] of [[0, left] as const, [1, right] as const]) {
        for (const id of members) {
          const index = indexOf.get(id);
          if (index !== undefined) tags[initialOf[index]!]!.push(position * 2 + side);
        }
      }
    }
    const neighbourLists = this.#neighbourLists(articles.length, edges);
    const share = this.#options.sharedNeighbourShare;
    const pairs: WeightedPair[] = [];
    for (const [left, right, similarity] of edges) {
      const first = initialOf[left]!;
      const second = initialOf[right]!;
      if (first === second) continue;
      const scale = Math.sqrt(Math.max(nearest[left]!, SCALE_FLOOR) * Math.max(nearest[right]!, SCALE_FLOOR));
      const overlap = sharedShare(neighbourLists[left], neighbourLists[right]);
      pairs.push([first, second, (similarity / scale) * (1 - share + share * overlap)]);
    }
    const representative = averageLink({ sizes, pairs, threshold: this.#options.refineThreshold, tags });

    // Final clusters in order of their earliest article; each keeps the id of the story most of it came from.
    const clusters = new Map<number, ArticleState[]>();
    for (const [index, article] of articles.entries()) {
      const root = representative[initialOf[index]!]!;
      const members = clusters.get(root);
      if (members === undefined) clusters.set(root, [article]);
      else members.push(article);
    }
    for (const story of this.#stories.values()) this.#unpost(story);
    const claimed = new Set<StoryState>();
    const assigned: Array<[StoryState, ArticleState[]]> = [];
    for (const members of clusters.values()) {
      const votes = new Map<StoryState, number>();
      for (const article of members) votes.set(article.story, (votes.get(article.story) ?? 0) + 1);
      let owner: StoryState | undefined;
      for (const [story, count] of votes) {
        if (claimed.has(story)) continue;
        const best = owner === undefined ? 0 : (votes.get(owner) ?? 0);
        if (owner === undefined || count > best || (count === best && story.sequence < owner.sequence))
          owner = story;
      }
      const story = owner ?? this.#newStory(members[0]!.id);
      claimed.add(story);
      assigned.push([story, members]);
    }
    const removed: string[] = [];
    for (const story of [...this.#stories.values()]) {
      if (!claimed.has(story)) {
        this.#stories.delete(story.id);
        removed.push(story.id);
      }
    }
    const changed = new Set<string>();
    for (const [story, members] of assigned) {
      const before = story.articles.map((article) => article.id).join('\n');
      story.articles = members;
      for (const article of members) article.story = story;
      this.#rebuildStory(story);
      this.#post(story);
      if (story.articles.map((article) => article.id).join('\n') !== before) changed.add(story.id);
    }
    return {
      moved: articles.filter((article) => previous.get(article) !== article.story).length,
      storiesBefore,
      storiesAfter: this.#stories.size,
      changed: [...changed],
      removed,
    };
  }

  /**
   * Each article with its closest articles ({@link ClusterOptions.sharedNeighbours} at most, each at
   * least {@link NEIGHBOUR_RATIO} as alike as the closest), itself included; none when the factor is off.
   */
  #neighbourLists(
    count: number,
    edges: ReadonlyArray<readonly [number, number, number]>,
  ): Array<Set<number>> {
    const limit = this.#options.sharedNeighbours;
    if (limit === 0 || this.#options.sharedNeighbourShare === 0) return [];
    const scored = Array.from({ length: count }, () => [] as Array<[number, number]>);
    for (const [left, right, similarity] of edges) {
      scored[left]!.push([right, similarity]);
      scored[right]!.push([left, similarity]);
    }
    return scored.map((list, index) => {
      list.sort((first, second) => second[1] - first[1] || first[0] - second[0]);
      const least = NEIGHBOUR_RATIO * (list[0]?.[1] ?? 0);
      const members = new Set([index]);
      // Copies count like any neighbour: on ECB+ keeping them out of the list (or beyond its limit)
      // lowered B³ F1 by 0.006, though an article with many reprints then lists only its reprints.
      for (const [other, similarity] of list.slice(0, limit)) if (similarity >= least) members.add(other);
      return members;
    });
  }

  /** Unit TF-IDF vectors of an article under the current document frequencies. */
  #articleVector(features: ArticleFeatures): ArticleVector {
    const unit = (weights: Array<[string, number]>, df: Map<string, number>): Map<string, number> => {
      const vector = new Map<string, number>();
      let squares = 0;
      for (const [key, weight] of weights) {
        const value = weight * this.#idf(df.get(key));
        if (value <= 0) continue;
        vector.set(key, value);
        squares += value * value;
      }
      const norm = Math.sqrt(squares);
      for (const [key, value] of vector) vector.set(key, value / norm);
      return vector;
    };
    return {
      terms: unit(features.terms, this.#termDf),
      entities: unit(features.entities, this.#entityDf),
      years: new Set(features.terms.map(([term]) => term).filter((term) => YEAR_TERM.test(term))),
      numbers: new Set(
        features.terms
          .map(([term]) => term)
          .filter((term) => NUMBER_TERM.test(term) && !YEAR_TERM.test(term)),
      ),
      weekdays: new Set(features.terms.map(([term]) => term).filter((term) => WEEKDAY_TERMS.has(term))),
    };
  }

  /** Similarity of two articles as refinement scores it: cosines, year, number and weekday mismatch, and time window. */
  #pairSimilarity(
    left: ArticleVector,
    right: ArticleVector,
    leftArticle: ArticleState,
    rightArticle: ArticleState,
  ): number {
    let score = sparseDot(left.terms, right.terms);
    if (left.entities.size > 0 && right.entities.size > 0) {
      const share = this.#options.entityWeight;
      score = (1 - share) * score + share * sparseDot(left.entities, right.entities);
    }
    const options = this.#options;
    // A penalty set to 0 switches its signal off, also as corroboration for the weekday penalty.
    const years = options.yearPenalty > 0 && disagree(left.years, right.years);
    const numbers = options.numberPenalty > 0 && disagree(left.numbers, right.numbers);
    if (years) score *= 1 - options.yearPenalty;
    if (numbers) score *= 1 - options.numberPenalty;
    if ((years || numbers) && disagree(left.weekdays, right.weekdays)) score *= 1 - options.weekdayPenalty;
    const leftDay = leftArticle.features.day;
    const rightDay = rightArticle.features.day;
    if (leftDay !== undefined && rightDay !== undefined) {
      const gap = Math.abs(leftDay - rightDay);
      if (gap > this.#options.windowDays)
        score *= Math.exp(-(gap - this.#options.windowDays) / this.#options.decayDays);
    }
    return score;
  }

  /**
   * Merges two stories: the older one absorbs the other and keeps its id. The articles of both stay
   * together from now on, also when added again into a clusterer built with {@link constraints}.
   * @returns the id of the merged story
   */
  merge(storyA: string, storyB: string): string {
    const left = this.#story(storyA);
    const right = this.#story(storyB);
    if (left === right)
      throw new CrosscheckError('invalid-argument', `cannot merge story ${storyA} with itself`);
    const [keep, gone] = left.sequence < right.sequence ? [left, right] : [right, left];
    this.#unpost(gone);
    this.#unpost(keep);
    this.#stories.delete(gone.id);
    for (const article of gone.articles) article.story = keep;
    appendAll(keep.articles, gone.articles);
    this.#rebuildStory(keep);
    this.#post(keep);
    const members = keep.articles.map((article) => article.id);
    this.#link(members);
    const merged = new Set(members);
    // The latest correction wins: a cannot-link the merge contradicts is dropped.
    this.#cannotLink = this.#cannotLink.filter(
      ([one, other]) => ![...one].some((id) => merged.has(id)) || ![...other].some((id) => merged.has(id)),
    );
    this.#corrections.push({ kind: 'merge', stories: [storyA, storyB], into: keep.id });
    return keep.id;
  }

  /**
   * Moves some articles of a story into a new story. They never rejoin the story they left on their
   * own, and stay together.
   * @param storyId - the story to split
   * @param articleIds - the articles to move out: some, not all, of the story's articles
   * @returns the id of the new story
   */
  split(storyId: string, articleIds: readonly string[]): string {
    const story = this.#story(storyId);
    const moving = new Set(articleIds);
    if (moving.size === 0) throw new CrosscheckError('invalid-argument', 'split needs at least one article');
    for (const id of moving) {
      if (this.#articles.get(id)?.story !== story) {
        throw new CrosscheckError('invalid-argument', `article ${id} is not in story ${storyId}`);
      }
    }
    if (moving.size === story.articles.length) {
      throw new CrosscheckError(
        'invalid-argument',
        `split would leave story ${storyId} empty: name only the articles to move out`,
      );
    }
    const moved = story.articles.filter((article) => moving.has(article.id));
    const remaining = story.articles.filter((article) => !moving.has(article.id));
    this.#unpost(story);
    const created = this.#newStory(moved[0]!.id);
    story.articles = remaining;
    created.articles = moved;
    for (const article of moved) article.story = created;
    this.#rebuildStory(story);
    this.#rebuildStory(created);
    this.#post(story);
    this.#post(created);
    const movedIds = moved.map((article) => article.id);
    const remainingIds = remaining.map((article) => article.id);
    // Groups linked by earlier merges are cut along the split: links among those that stay hold.
    const groups = new Set<Set<string>>();
    for (const id of [...movedIds, ...remainingIds]) {
      const group = this.#groupOf.get(id);
      if (group !== undefined) groups.add(group);
      this.#groupOf.delete(id);
    }
    for (const group of groups) this.#link([...group].filter((id) => !moving.has(id)));
    this.#link(movedIds);
    this.#cannotLink.push([new Set(movedIds), new Set(remainingIds)]);
    this.#corrections.push({ kind: 'split', story: storyId, articles: movedIds, into: created.id });
    return created.id;
  }

  #story(id: string): StoryState {
    const story = this.#stories.get(id);
    if (story === undefined) throw new CrosscheckError('unknown-story', `no story with id ${id}`);
    return story;
  }

  /** Joins the must-link groups of the given articles into one. */
  #link(ids: readonly string[]): void {
    if (ids.length < 2) return;
    const group = new Set<string>();
    for (const id of ids) {
      for (const member of this.#groupOf.get(id) ?? [id]) group.add(member);
    }
    for (const member of group) this.#groupOf.set(member, group);
  }

  /** The story an article is in now, or undefined for an unknown id. */
  storyOf(articleId: string): string | undefined {
    return this.#articles.get(articleId)?.story.id;
  }

  /** How an article was placed when it was added, with the story it is in now. */
  placementOf(articleId: string): Placement | undefined {
    const article = this.#articles.get(articleId);
    return article === undefined ? undefined : { ...article.placement, story: article.story.id };
  }

  /** Every story in the order it was founded, articles in the order they were added. */
  stories(): StorySummary[] {
    return [...this.#stories.values()]
      .sort((left, right) => left.sequence - right.sequence)
      .map((story) => ({
        id: story.id,
        title: story.articles[0]?.features.label ?? '',
        articles: story.articles.map((article) => article.id),
      }));
  }

  /** The corrections made, in order. */
  corrections(): Correction[] {
    return this.#corrections.map((correction) => structuredClone(correction));
  }

  /** The corrections as constraints, for a fresh clusterer that re-adds the same articles. */
  constraints(): ClusterConstraints {
    const groups = new Set(this.#groupOf.values());
    return {
      mustLink: [...groups].map((group) => [...group]).filter((group) => group.length > 1),
      cannotLink: this.#cannotLink.map(([left, right]) => [[...left], [...right]]),
    };
  }

  /** The whole state as JSON; {@link StoryClusterer.fromJSON} restores a clusterer that continues identically. */
  toJSON(): ClustererJson {
    const articles = [...this.#articles.values()];
    return {
      version: 1,
      options: { ...this.#options },
      articles: articles.map((article) => ({
        id: article.id,
        features: article.features,
        placement: article.placement,
      })),
      stories: [...this.#stories.values()]
        .sort((left, right) => left.sequence - right.sequence)
        .map((story) => ({
          id: story.id,
          sequence: story.sequence,
          articles: story.articles.map((article) => article.id),
          termNorm: story.termNorm,
          entityNorm: story.entityNorm,
          normCount: story.normCount,
        })),
      nextSequence: this.#nextSequence,
      usedStoryIds: [...this.#usedStoryIds],
      constraints: this.constraints(),
      corrections: this.corrections(),
    };
  }

  /**
   * Restores a clusterer saved with {@link toJSON}.
   * @param json - the saved state (parsed)
   */
  static fromJSON(json: ClustererJson): StoryClusterer {
    if (json?.version !== 1) {
      throw new CrosscheckError('invalid-argument', 'not a saved story clusterer (version 1 expected)');
    }
    const clusterer = new StoryClusterer(json.options, json.constraints);
    clusterer.#restore(json);
    return clusterer;
  }

  #restore(json: ClustererJson): void {
    const storyOfArticle = new Map<string, StoryState>();
    for (const saved of json.stories) {
      const story: StoryState = {
        id: saved.id,
        sequence: saved.sequence,
        articles: [],
        terms: new Map(),
        entities: new Map(),
        firstDay: undefined,
        lastDay: undefined,
        termNorm: saved.termNorm,
        entityNorm: saved.entityNorm,
        normCount: saved.normCount,
      };
      this.#stories.set(story.id, story);
      for (const id of saved.articles) storyOfArticle.set(id, story);
    }
    for (const [sequence, saved] of json.articles.entries()) {
      const story = storyOfArticle.get(saved.id);
      if (story === undefined) {
        throw new CrosscheckError('invalid-argument', `saved article ${saved.id} belongs to no story`);
      }
      const article: ArticleState = {
        id: saved.id,
        sequence,
        features: saved.features,
        placement: saved.placement,
        story,
      };
      this.#articles.set(article.id, article);
      story.articles.push(article);
      for (const [term] of saved.features.terms) this.#termDf.set(term, (this.#termDf.get(term) ?? 0) + 1);
      for (const [key] of saved.features.entities) {
        this.#entityDf.set(key, (this.#entityDf.get(key) ?? 0) + 1);
      }
      for (const key of bandKeys(saved.features.signature, this.#options.bandRows)) {
        const bucket = this.#bands.get(key);
        if (bucket === undefined) this.#bands.set(key, [article]);
        else bucket.push(article);
      }
    }
    for (const story of this.#stories.values()) {
      for (const article of story.articles) this.#accumulate(story, article.features);
      this.#post(story);
    }
    for (const id of json.usedStoryIds) this.#usedStoryIds.add(id);
    this.#nextSequence = json.nextSequence;
    this.#corrections = json.corrections.map((correction) => structuredClone(correction));
  }
}
