import type { AnalyzedArticle, SummarySentence } from '../model/index.js';
import { type ClaimAlignment, readability } from './align.js';

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** Word budget of the summary. */
  words: number;
  /** Similarity above which a claim repeats one already chosen (default 0.45). */
  redundancy?: number;
}

/**
 * Picks the most central, best-supported claims within a word budget, no two saying the same thing;
 * the lead fact first, then the rest in the order the articles tell them (what follows, then background).
 * Needs: the story's claim alignment. Adds: summary sentences citing each claim's sources and passages.
 */
export function summarize(
  alignment: ClaimAlignment,
  articles: readonly AnalyzedArticle[],
  options: SummarizeOptions,
): SummarySentence[] {
  const redundancy = options.redundancy ?? 0.45;
  const candidates = alignment.claims
    .map((claim, index) => {
      const quality = readability(claim.text);
      return { index, value: claim.score + Math.min(0, quality) };
    })
    .filter((candidate) => {
      const text = alignment.claims[candidate.index]!.text;
      return /[.!?]["”’')\]]?$/.test(text) && text.split(/\s+/).length >= 6;
    })
    .sort((a, b) => b.value - a.value || a.index - b.index);

  const chosen: number[] = [];
  let used = 0;
  for (const candidate of candidates) {
    if (used >= options.words) break;
    const claim = alignment.claims[candidate.index]!;
    const words = claim.text.split(/\s+/).length;
    if (used + words > options.words) continue;
    const members = alignment.members[candidate.index]!;
    const repeats = chosen.some((other) =>
      alignment.members[other]!.some((a) => members.some((b) => alignment.similarity(a, b) >= redundancy)),
    );
    if (repeats) continue;
    chosen.push(candidate.index);
    used += words;
  }

  const [lead, ...rest] = chosen;
  if (lead === undefined) return [];
  rest.sort((a, b) => meanPosition(alignment, articles, a) - meanPosition(alignment, articles, b) || a - b);
  return [lead, ...rest].map((index) => {
    const claim = alignment.claims[index]!;
    return { text: claim.text, sources: claim.sources, evidence: claim.evidence, claim: claim.id };
  });
}

/** Where a claim stands in the articles that carry it, from 0 (the top) to 1 (the end). */
function meanPosition(
  alignment: ClaimAlignment,
  articles: readonly AnalyzedArticle[],
  claim: number,
): number {
  const members = alignment.members[claim]!;
  let total = 0;
  for (const index of members) {
    const unit = alignment.units[index]!;
    const count = articles[unit.article]!.segmentation.sentences.length;
    total += unit.sentence.index / Math.max(1, count);
  }
  return total / Math.max(1, members.length);
}
