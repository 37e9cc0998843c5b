/**
 * Batch story clustering: the online clusterer run over articles in publication order, then refined.
 * @packageDocumentation
 */
import type { ArticleInput } from '../model/index.js';
import { type ArticleFeatures, articleFeatures, type FeatureOptions } from './features.js';
import { type ClusterOptions, type Placement, StoryClusterer, type StorySummary } from './story-clusterer.js';

/** Options of {@link clusterArticles}: feature and scoring settings together. */
export interface ClusterArticlesOptions extends ClusterOptions {
  features?: FeatureOptions;
  /**
   * Whether to finish with {@link StoryClusterer.refine} (the batch pass over all articles). Default: when
   * there are at least {@link MIN_REFINE_ARTICLES} articles.
   */
  refine?: boolean;
}

/** The stories found by {@link clusterArticles}, with how each article was placed. */
export interface ClusterResult {
  stories: StorySummary[];
  /** Placement of every article, by article id. */
  placements: Map<string, Placement>;
}

/**
 * Fewest articles for refinement by default: it scales each article's similarities by its nearest
 * neighbour's and weighs terms by document frequency, and among a handful of articles both are noise
 * (two invented earthquake reports in two places, four articles in all, were joined).
 */
export const MIN_REFINE_ARTICLES = 20;

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The order articles are clustered in: by publication day, then id; undated articles first (by id),
 * so the result never depends on the order the inputs came in.
 * @param inputs - the articles
 */
export function clusteringOrder(inputs: readonly ArticleInput[]): ArticleInput[] {
  return [...inputs].sort(
    (left, right) =>
      compareText(left.published ?? '', right.published ?? '') || compareText(left.id, right.id),
  );
}

/**
 * Groups articles into stories: {@link StoryClusterer} over the articles in {@link clusteringOrder},
 * then one {@link StoryClusterer.refine} pass over them all.
 * Pure and deterministic. Article ids must be unique.
 * @param inputs - the articles
 * @param options - feature and scoring settings
 */
export function clusterArticles(
  inputs: readonly ArticleInput[],
  options: ClusterArticlesOptions = {},
): ClusterResult {
  const {
    features: featureOptions,
    refine = inputs.length >= MIN_REFINE_ARTICLES,
    ...clusterOptions
  } = options;
  const clusterer = new StoryClusterer(clusterOptions);
  const placements = new Map<string, Placement>();
  for (const input of clusteringOrder(inputs)) {
    const features: ArticleFeatures = articleFeatures(input, featureOptions);
    placements.set(input.id, clusterer.add(input.id, features));
  }
  if (refine) {
    clusterer.refine();
    // A placement names the story the article is in now; how it was first placed stays in `why`.
    for (const [id, placement] of placements) placements.set(id, clusterer.placementOf(id) ?? placement);
  }
  return { stories: clusterer.stories(), placements };
}
