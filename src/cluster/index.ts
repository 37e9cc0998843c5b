/**
 * Story clustering of a stream of articles: features, the online clusterer and the batch entry point.
 * @packageDocumentation
 */

export { type AverageLinkInput, averageLink, type WeightedPair } from './average-link.js';
export {
  type ClusterArticlesOptions,
  type ClusterResult,
  clusterArticles,
  clusteringOrder,
  MIN_REFINE_ARTICLES,
} from './cluster-articles.js';
export { type ArticleFeatures, articleFeatures, dayNumber, type FeatureOptions } from './features.js';
export { bandKeys, estimatedJaccard, hashString, minHashSignature } from './minhash.js';
export {
  type ClusterConstraints,
  type ClustererJson,
  type ClusterOptions,
  type Correction,
  DEFAULT_CLUSTER_OPTIONS,
  type Placement,
  type PlacementWhy,
  type RefineResult,
  StoryClusterer,
  type StorySummary,
} from './story-clusterer.js';
