import type { AnalyzedArticle, EntityIndex } from '../model/index.js';

/** PLACEHOLDER (owned by the entities helper): merges mentions across sources into entities. */
export function mergeEntities(_articles: readonly AnalyzedArticle[]): EntityIndex {
  return { entities: [], canonicalName: () => undefined };
}
