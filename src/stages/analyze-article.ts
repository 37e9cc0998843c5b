import type { AnalyzedArticle, ArticleInput, Diagnostic, IsoDate, Removal, Source } from '../model/index.js';
import { findDateline } from '../text/dateline.js';
import { segment } from '../text/segment.js';
import { cleanBody } from './clean.js';
import { extractDates } from './dates.js';
import { extractMentions } from './mentions.js';
import { extractQuotes } from './quotes.js';

/**
 * Runs the per-article stages in order: clean → segment → mentions → dates → quotes.
 * Needs: an {@link ArticleInput}. Adds: the canonical {@link Source} and its annotations.
 * @param input - the article as read
 * @param referenceDate - the day relative dates resolve against when the article carries none
 */
export function analyzeArticle(input: ArticleInput, referenceDate?: IsoDate): AnalyzedArticle {
  // A dateline is metadata the article is dated by, not a sentence of the story: it leaves the canonical
  // text as a removal of its own (blanked, so every other removal keeps its raw-body offsets).
  const dateline = findDateline(input.body);
  const datelineRemoval: Removal | undefined =
    dateline?.from === 'line'
      ? { start: dateline.start, end: dateline.end, text: dateline.text, reason: 'dateline' }
      : undefined;
  const body =
    datelineRemoval === undefined
      ? input.body
      : `${input.body.slice(0, datelineRemoval.start)}${' '.repeat(datelineRemoval.end - datelineRemoval.start)}${input.body.slice(datelineRemoval.end)}`;
  const cleaned = cleanBody(body);
  const removals = datelineRemoval === undefined ? cleaned.removals : [datelineRemoval, ...cleaned.removals];
  const diagnostics: Diagnostic[] = removals.map((removal) => ({
    source: input.id,
    code: `clean-${removal.reason}`,
    message: `${input.path ?? input.id}: removed ${removal.reason} "${abbreviate(removal.text)}"`,
    severity: 'info',
    start: removal.start,
    end: removal.end,
  }));
  const title = input.title?.replace(/\s+/g, ' ').trim() ?? '';
  // The headline is where outlets most often agree: it joins the canonical text as its first paragraph,
  // unless the body already opens with it (bodies pasted with their title, some extracted pages).
  const titled = title !== '' && !opensWith(cleaned.text, title);
  const text = titled ? (cleaned.text === '' ? title : `${title}\n\n${cleaned.text}`) : cleaned.text;
  const source: Source = { id: input.id, text };
  if (titled) source.titleEnd = title.length;
  if (input.path !== undefined) source.path = input.path;
  if (input.url !== undefined) source.url = input.url;
  if (input.outlet !== undefined) source.outlet = input.outlet;
  if (input.title !== undefined) source.title = input.title;
  if (input.published !== undefined) source.published = input.published;
  if (input.publishedTime !== undefined) source.publishedTime = input.publishedTime;
  const segmentation = segment(source.text);
  const reference = input.published ?? referenceDate;
  const mentions = extractMentions(source.text, segmentation);
  const dates = extractDates(source.text, segmentation, reference);
  const quotes = extractQuotes(source.text, segmentation, mentions);
  const article: AnalyzedArticle = { source, segmentation, mentions, dates, quotes, diagnostics };
  if (reference !== undefined) article.referenceDate = reference;
  return article;
}

/** Whether a text starts with a title, ignoring case, spacing and the title's final punctuation. */
function opensWith(text: string, title: string): boolean {
  const simplify = (value: string): string =>
    value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const head = simplify(title);
  return head !== '' && simplify(text.slice(0, title.length + 20)).startsWith(head);
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
