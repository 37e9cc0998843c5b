import type { AnalyzedArticle, EntityIndex, QuoteGroup } from '../model/index.js';

/** PLACEHOLDER (owned by the entities helper): one group per quote across sources. */
export function groupQuotes(_articles: readonly AnalyzedArticle[], _entities: EntityIndex): QuoteGroup[] {
  return [];
}
