import type { AnalyzedArticle, Claim } from '../model/index.js';

/** PLACEHOLDER (owned by the lead): one claim per sentence until alignment lands. */
export function alignClaims(articles: readonly AnalyzedArticle[]): Claim[] {
  const claims: Claim[] = [];
  for (const article of articles) {
    for (const sentence of article.segmentation.sentences) {
      claims.push({
        id: `c${claims.length + 1}`,
        text: sentence.text,
        sources: [article.source.id],
        evidence: [
          { source: article.source.id, start: sentence.start, end: sentence.end, text: sentence.text },
        ],
        kind: articles.length === 1 ? 'consensus' : 'unique',
        score: 1 / (1 + sentence.index),
      });
    }
  }
  return claims;
}
