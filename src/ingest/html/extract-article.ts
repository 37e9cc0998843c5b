/**
 * A saved news page → its article: body text (one paragraph per block element) and metadata.
 * Mozilla Readability over linkedom finds the body; around it, inert markup is cut before parsing,
 * page furniture is pruned before Readability scores the page, and furniture paragraphs are dropped
 * from its result (see ./boilerplate.ts). Metadata comes from ./metadata.ts, read before anything
 * is removed. Pure: no I/O, no clock; decoding bytes is ./charset.ts's job.
 * @packageDocumentation
 */

import { Readability } from '@mozilla/readability';
import type { Diagnostic } from '../../model/index.js';
import { describeOutletClue, identifyOutlet } from '../../text/outlet-identity.js';
import { linkedom } from '../lazy-module.js';
import {
  isFurnitureParagraph,
  type PrunableElement,
  pruneFurniture,
  pruneLinkBlocks,
  stripInertMarkup,
  unmarkEmbeddedPosts,
} from './boilerplate.js';
import {
  capTagDepth,
  type FlattenableNode,
  flattenDeepElements,
  MAX_DOM_DEPTH,
  type NodeFactory,
} from './flatten-depth.js';
import { nodeToText, type TextNodeLike } from './html-to-text.js';
import {
  type MetadataDocument,
  type MetadataElement,
  type PageMetadata,
  readJsonLd,
  readMetadata,
} from './metadata.js';

/** An article extracted from a page. Dates are ISO 8601 (a day, or a day with time and offset). */
export interface ExtractedArticle {
  title?: string;
  byline?: string;
  /** The publication's name (`og:site_name`, JSON-LD publisher, …), else the page's host name. */
  outlet?: string;
  /** The canonical URL, else the address the page came from. */
  url?: string;
  /** When the article was first published. */
  published?: string;
  /** When it was last updated, if the page says so and it differs from {@link published}. */
  updated?: string;
  /** The body, paragraphs separated by a blank line. */
  text: string;
}

/** Why a page gave no article. */
export type ExtractFailureReason = 'empty' | 'not-html' | 'not-an-article' | 'unparseable';

/** The article with what the extraction found along the way (where each metadata value came from, what was dropped). */
export interface ExtractSuccess {
  ok: true;
  article: ExtractedArticle;
  diagnostics: Diagnostic[];
}

/** A page that is not an article (a login form, a section front) or has no text at all. */
export interface ExtractFailure {
  ok: false;
  reason: ExtractFailureReason;
  message: string;
  /** The page's metadata, even without an article: a listing page still has a title and an outlet. */
  metadata?: PageMetadata;
}

/** The outcome of {@link extractArticle}. */
export type ExtractResult = ExtractSuccess | ExtractFailure;

/** Options of {@link extractArticle}. */
export interface ExtractOptions {
  /** The page's address: resolves relative links, and is the URL, date and outlet of last resort. */
  url?: string;
  /** Names the page in messages and diagnostics (a file path); defaults to the URL. */
  name?: string;
}

/** Below this many words the extracted text is not an article (a login box, an error page). */
const MIN_ARTICLE_WORDS = 40;
/** Extracted text whose characters are mostly link text is a list of links (a section front), not an article. */
const MAX_LINK_DENSITY = 0.5;

/** Readability's result element as this module uses it: walked for text, pruned of link blocks. */
type LinkedomElement = TextNodeLike & PrunableElement;

/** Words of a text, counted up to `limit`: only whether there are enough matters. */
function countWords(text: string, limit: number): number {
  const word = /[\p{L}\p{N}]+/gu;
  let count = 0;
  while (count < limit && word.exec(text) !== null) count++;
  return count;
}

/** Whether any text is left on the page at all (after scripts and furniture are gone): only asked on failure. */
function pageHasText(body: { textContent: string | null } | null): boolean {
  return /[\p{L}\p{N}]/u.test(body?.textContent ?? '');
}

function linkDensity(content: LinkedomElement, textLength: number): number {
  if (textLength === 0) return 0;
  let linkLength = 0;
  for (const link of content.getElementsByTagName('a')) linkLength += (link.textContent ?? '').trim().length;
  return linkLength / textLength;
}

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a paragraph only repeats the title or the byline ("By Jane Roe"), which the article carries apart. */
function repeatsMetadata(paragraph: string, title: string | undefined, byline: string | undefined): boolean {
  const text = comparable(paragraph);
  if (text === '') return true;
  if (title !== undefined && text === comparable(title)) return true;
  if (byline === undefined) return false;
  const name = comparable(byline);
  return text === name || text === `by ${name}`;
}

function metadataDiagnostics(metadata: PageMetadata, source: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const field of ['title', 'byline', 'outlet', 'url', 'published', 'updated'] as const) {
    const found = metadata[field];
    if (found === undefined) continue;
    const guessed = found.source === 'url' || found.source === 'host';
    diagnostics.push({
      source,
      code: `html-${field}-source`,
      message: `${source}: ${field} "${found.value}" from ${found.source} ${found.key}${guessed ? ' (a guess: the page does not say)' : ''}`,
      severity: guessed ? 'warning' : 'info',
    });
  }
  return diagnostics;
}

/**
 * Extracts the article of a saved HTML page. Never throws on bad HTML: a page without an article
 * is `{ ok: false }` with its reason.
 * @param html - the decoded page (see `decodeHtml` in ./charset.ts for bytes)
 * @param options - the page's address and name
 * @example
 * const result = extractArticle(html, { url: 'https://courier.example/bridge' });
 * if (result.ok) console.log(result.article.title, result.article.published, result.article.text);
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractResult {
  const name = options.name ?? options.url ?? 'page';
  try {
    return extract(html, options, name);
  } catch (error) {
    // A page that still defeats the parser or Readability is one skipped input, never a lost batch.
    return {
      ok: false,
      reason: 'unparseable',
      message: `${name}: cannot be parsed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function extract(html: string, options: ExtractOptions, name: string): ExtractResult {
  if (html.trim() === '') return { ok: false, reason: 'empty', message: `${name}: the page is empty` };
  if (!/<[a-z!]/i.test(html)) {
    return { ok: false, reason: 'not-html', message: `${name}: no HTML markup found` };
  }
  const jsonLd = readJsonLd(html);
  const capped = capTagDepth(stripInertMarkup(html));
  const { document } = linkedom().parseHTML(capped.html);
  const flattened =
    document.documentElement === null
      ? capped.dropped
      : capped.dropped +
        flattenDeepElements(
          document.documentElement as unknown as FlattenableNode,
          document as unknown as NodeFactory,
        );
  // One walk lists the elements for both metadata and pruning: every querySelectorAll is a walk of the whole page.
  const elements = [...document.querySelectorAll('*')] as unknown as PrunableElement[];
  const metadata = readMetadata(document as unknown as MetadataDocument, {
    ...(options.url === undefined ? {} : { url: options.url }),
    jsonLd,
    elements: elements as unknown as MetadataElement[],
  });
  const diagnostics = metadataDiagnostics(metadata, name);
  if (flattened > 0) {
    diagnostics.push({
      source: name,
      code: 'html-depth-flattened',
      message: `${name}: markup nested deeper than ${MAX_DOM_DEPTH} levels; flattened ${flattened} element(s) there into plain paragraphs`,
      severity: 'warning',
    });
  }
  const pruned = pruneFurniture(elements);
  unmarkEmbeddedPosts(document);

  // Readability returns its article as a DOM node with this serializer: no HTML re-serialised and re-parsed.
  const parsed = new Readability<LinkedomElement>(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      serializer: (node) => node as unknown as LinkedomElement,
      disableJSONLD: true,
      keepClasses: true,
    },
  ).parse();
  const content = parsed?.content ?? undefined;
  const linkBlocks = content === undefined ? 0 : pruneLinkBlocks(content);
  const paragraphs = content === undefined ? [] : nodeToText(content).split('\n\n');
  const title = metadata.title?.value ?? (parsed?.title?.trim() || undefined);
  const byline = metadata.byline?.value ?? (parsed?.byline?.trim() || undefined);
  const kept = paragraphs.filter(
    (paragraph) => !isFurnitureParagraph(paragraph) && !repeatsMetadata(paragraph, title, byline),
  );
  const text = kept.join('\n\n');
  if (kept.length < paragraphs.length) {
    diagnostics.push({
      source: name,
      code: 'html-furniture-paragraphs',
      message: `${name}: dropped ${paragraphs.length - kept.length} furniture paragraph(s) (labels, calls to action, the title or byline repeated) and ${linkBlocks} link block(s); pruned ${pruned} furniture element(s) before extraction`,
      severity: 'info',
    });
  }

  const words = countWords(text, MIN_ARTICLE_WORDS);
  const density = content === undefined ? 0 : linkDensity(content, text.length);
  if (words < MIN_ARTICLE_WORDS || density > MAX_LINK_DENSITY) {
    const why =
      words < MIN_ARTICLE_WORDS
        ? `only ${words} word(s) of body text`
        : `its text is ${Math.round(density * 100)}% link text (a list of links)`;
    return {
      ok: false,
      reason: pageHasText(document.body) ? 'not-an-article' : 'empty',
      message: `${name}: not an article: ${why}`,
      metadata,
    };
  }

  const article: ExtractedArticle = { text };
  if (title !== undefined) article.title = title;
  if (byline !== undefined) article.byline = byline;
  if (metadata.outlet !== undefined) article.outlet = metadata.outlet.value;
  else {
    // A page without metadata or address may still carry a wire tag or a copyright line.
    const clue = identifyOutlet({ body: text });
    if (clue !== undefined) {
      article.outlet = clue.outlet;
      diagnostics.push({
        source: name,
        code: 'outlet-from-text',
        message: `${name}: outlet "${clue.outlet}", read from ${describeOutletClue(clue)}`,
        severity: 'info',
      });
    }
  }
  if (metadata.url !== undefined) article.url = metadata.url.value;
  if (metadata.published !== undefined) article.published = metadata.published.value;
  if (metadata.updated !== undefined) article.updated = metadata.updated.value;
  return { ok: true, article, diagnostics };
}
