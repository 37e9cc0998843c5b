import type { Claim, SummarySentence } from '../model/index.js';

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** Word budget of the summary. */
  words: number;
}

/** PLACEHOLDER (owned by the lead): best-scored claims within the word budget. */
export function summarize(claims: readonly Claim[], options: SummarizeOptions): SummarySentence[] {
  const ranked = [...claims].sort((a, b) => b.score - a.score);
  const summary: SummarySentence[] = [];
  let used = 0;
  for (const claim of ranked) {
    const words = claim.text.split(/\s+/).length;
    if (used + words > options.words) continue;
    used += words;
    summary.push({ text: claim.text, sources: claim.sources, evidence: claim.evidence, claim: claim.id });
  }
  return summary;
}
