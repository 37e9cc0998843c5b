import type {
  AnalyzedArticle,
  ArticleInput,
  CleanResult,
  Diagnostic,
  IsoDate,
  Removal,
  Source,
} from '../model/index.js';
import { type Dateline, findDateline } from '../text/dateline.js';
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
  // A dateline is metadata the article is dated by, not a sentence of the story. The cleaner reads the
  // body as it came (a line taken out before it would change what it takes for fragments around it); the
  // dateline then leaves the canonical text as a removal of its own.
  const dateline = findDateline(input.body);
  const cleaned = withoutDateline(cleanBody(input.body), dateline);
  const removals = cleaned.removals;
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

/**
 * The cleaned body without the dateline line, and the dateline's removal among the others: a removal the
 * cleaner made of it (as a fragment) is renamed; a dateline the cleaner kept ("July 3, 2013.", which reads
 * as finished) is cut from the text near its top.
 */
function withoutDateline(cleaned: CleanResult, dateline: Dateline | undefined): CleanResult {
  if (dateline === undefined || dateline.from !== 'line') return cleaned;
  const overlaps = (removal: Removal): boolean =>
    removal.start < dateline.end && dateline.start < removal.end;
  const removed = cleaned.removals.some(overlaps);
  const removals = cleaned.removals.map((removal) =>
    overlaps(removal) && removal.reason === 'fragment' ? { ...removal, reason: 'dateline' } : removal,
  );
  // What the cleaner kept of the line ("July 3, 2013." of "July 3, 2013. 4:49 pm") is a paragraph of its
  // own near the top: cut it.
  let text = cleaned.text;
  let offset = 0;
  let cut = false;
  for (const paragraph of text.slice(0, DATELINE_SEARCH).split('\n')) {
    const kept = paragraph.trim();
    if (kept !== '' && /\d/.test(kept) && dateline.text.includes(kept)) {
      text = `${text.slice(0, offset)}${text.slice(offset + paragraph.length)}`
        .replace(/^\n+/, '')
        .replace(/\n{3,}/, '\n\n');
      cut = true;
      break;
    }
    offset += paragraph.length + 1;
  }
  if (!cut && !removed) return cleaned;
  const own: Removal = { start: dateline.start, end: dateline.end, text: dateline.text, reason: 'dateline' };
  // One removal stands for the whole line, whatever pieces the cleaner had taken of it.
  return { text, removals: cut ? [own, ...removals.filter((removal) => !overlaps(removal))] : removals };
}

/** How far into the cleaned text a kept dateline is looked for. */
const DATELINE_SEARCH = 600;

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
