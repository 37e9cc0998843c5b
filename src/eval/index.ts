/**
 * Scorers for evaluating summaries (ROUGE), story clusters (B³, pairwise) and article extraction
 * (shingle F1) on your own corpora, as `npm run eval` does on ../shared/data.
 * @packageDocumentation
 */
export * from './clustering-metrics.js';
export * from './extraction-metrics.js';
export * from './rouge.js';
