/**
 * The size budget of one article: every stage is near-linear in article length, but a 50 MB page still
 * takes minutes and gigabytes. No news article comes near {@link DEFAULT_MAX_ARTICLE_CHARS} (a long read
 * of 20,000 words is about 120,000 characters), so a body past it is cut before analysis, at the last
 * paragraph or sentence end within the budget, with a warning naming the article. Pure, like
 * `synthesize`: a budget of characters, not of time, so the same article always gives the same report.
 * @packageDocumentation
 */
import type { ArticleInput, Diagnostic } from '../model/index.js';

/** Characters of body analysed per article by default. */
export const DEFAULT_MAX_ARTICLE_CHARS = 300_000;

/** A cut is moved back to a paragraph or sentence end only within this share of the budget. */
const BOUNDARY_WINDOW = 0.2;

/**
 * The article within the budget, and a `budget-article-truncated` warning when it was cut.
 * @param input - the article as read
 * @param maxChars - the budget in UTF-16 code units
 */
export function withinBudget(
  input: ArticleInput,
  maxChars: number = DEFAULT_MAX_ARTICLE_CHARS,
): { article: ArticleInput; diagnostics: Diagnostic[] } {
  if (input.body.length <= maxChars) return { article: input, diagnostics: [] };
  const end = cutPoint(input.body, maxChars);
  return {
    article: { ...input, body: input.body.slice(0, end) },
    diagnostics: [
      {
        source: input.id,
        code: 'budget-article-truncated',
        message: `${input.path ?? input.id}: ${input.body.length} characters, over the ${maxChars}-character budget of one article; analysed the first ${end}`,
        severity: 'warning',
      },
    ],
  };
}

/** The last paragraph end, else sentence end, near the budget; else the budget itself, off a surrogate pair. */
function cutPoint(body: string, maxChars: number): number {
  const floor = Math.floor(maxChars * (1 - BOUNDARY_WINDOW));
  const paragraph = body.lastIndexOf('\n\n', maxChars);
  if (paragraph >= floor) return paragraph;
  const window = body.slice(floor, maxChars + 1);
  let sentence = -1;
  for (const match of window.matchAll(/[.!?]["”’)]?\s/g))
    sentence = floor + match.index + match[0].length - 1;
  if (sentence >= floor) return sentence;
  const code = body.charCodeAt(maxChars - 1);
  return code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
}
