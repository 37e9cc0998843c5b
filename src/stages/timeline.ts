import type { AnalyzedArticle, TimelineEvent } from '../model/index.js';

/** PLACEHOLDER (owned by the dates helper): dated events merged across sources. */
export function buildTimeline(_articles: readonly AnalyzedArticle[]): TimelineEvent[] {
  return [];
}
