/**
 * Boilerplate removal around Mozilla Readability, tuned on the article-extraction benchmark
 * (../shared/data/extraction): markup that is never article text is cut from the HTML string before
 * parsing (which also makes parsing and Readability faster: linkedom's cost is per node), regions
 * that are page furniture are removed from the DOM before Readability scores it, and paragraphs
 * that are calls to action are dropped from its result.
 * @packageDocumentation
 */

/** Elements whose whole content is never article text; cut from the HTML string before parsing. */
const INERT_ELEMENTS =
  /<(script|style|svg|noscript|template|iframe|object|select|textarea|button|math)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
/** Inert elements whose closing tag is missing: cut from their opening tag only. */
const INERT_OPENING = /<(?:script|style|iframe|button)\b[^>]*>/gi;

/**
 * Elements that start a new block (or never render): whitespace next to their tags never shows, so
 * it is cut before parsing. Indentation between such tags is about 40% of a news page's nodes, and
 * linkedom's parse cost is per node.
 */
const BLOCK_TAGS = new Set(
  (
    'address article aside base blockquote body dd details div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 head header hgroup hr html li link main meta nav ol p section summary table tbody td ' +
    'tfoot th thead title tr ul'
  ).split(' '),
);
const TAG_THEN_WHITESPACE = /(<(\/?)([a-zA-Z][\w-]*)[^<>]*>)\s+(?=<\/?([a-zA-Z][\w-]*))/g;

/** Furniture elements cut from the HTML string before parsing: a page's menus are a third of its nodes. */
const CUT_BEFORE_PARSING = /<(\/?)(nav|aside)\b[^>]*>/gi;

/**
 * Cuts every `<nav>` and `<aside>` element, nested ones included, out of the HTML string: a scan
 * of their opening and closing tags with a depth count, so a nested menu does not end the cut
 * early. An element left unclosed is cut to the end of the page, as a parser would nest the rest inside it.
 */
function cutFurnitureElements(html: string): string {
  let result = '';
  let kept = 0;
  let depth = 0;
  let cutStart = 0;
  let cutName = '';
  CUT_BEFORE_PARSING.lastIndex = 0;
  for (let match = CUT_BEFORE_PARSING.exec(html); match !== null; match = CUT_BEFORE_PARSING.exec(html)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    if (depth === 0) {
      if (closing) continue;
      cutStart = match.index;
      cutName = name;
      depth = 1;
    } else if (name === cutName) {
      depth += closing ? -1 : 1;
      if (depth === 0) {
        result += `${html.slice(kept, cutStart)} `;
        kept = match.index + match[0].length;
      }
    }
  }
  return depth > 0 ? result + html.slice(kept, cutStart) : result + html.slice(kept);
}

/**
 * Removes scripts, styles, inline SVG, comments, frames, form widgets, navigation and asides from a
 * page's HTML, and the whitespace between tags where one of the two is a block tag (it never renders).
 * Regular expressions on HTML are unsafe for understanding markup but sound for cutting these
 * elements: their content is raw text up to the first closing tag in the HTML parser too.
 * @param html - the page's HTML
 */
export function stripInertMarkup(html: string): string {
  return cutFurnitureElements(html.replace(INERT_ELEMENTS, ' ').replace(INERT_OPENING, ' ')).replace(
    TAG_THEN_WHITESPACE,
    (_match, tag: string, _slash: string, name: string, next: string) =>
      BLOCK_TAGS.has(name.toLowerCase()) || BLOCK_TAGS.has(next.toLowerCase()) ? tag : `${tag} `,
  );
}

/**
 * Page furniture removed from the DOM before Readability runs: navigation, complementary regions,
 * figures and their captions (the benchmark's article text, like a reader's, leaves captions out),
 * page-level headers and footers, dialogs, form labels and fields, and hidden elements. Readability
 * would mostly score these low itself; removing them first keeps their links out of its link
 * density and keeps it from walking them.
 */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FIGURE', 'FIGCAPTION', 'DIALOG', 'INPUT', 'LABEL']);
const PAGE_LEVEL_TAGS = new Set(['HEADER', 'FOOTER']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'banner', 'dialog']);

/**
 * Class or id words of containers that hold no article text on news sites: sharing bars, newsletter
 * and subscription prompts, related-story rails, advertising slots, comment threads, captions and
 * photo credits, galleries, bylines and datelines, author boxes, cookie notices. Matched as whole
 * words delimited by spaces, hyphens or underscores, so `share-bar` matches and `shareholder` does not.
 */
const FURNITURE_NAME = new RegExp(
  `(?:^|[\\s_-])(?:${[
    'ad',
    'ads',
    'adslot',
    'advert',
    'advertisement',
    'author-?bio',
    'author-?box',
    'about-?the-?author',
    'breadcrumbs?',
    'byline',
    'caption',
    'carousel',
    'comments?',
    'cookies?',
    'credits?',
    'dateline',
    'gallery',
    'inline-?related',
    'more-?stories',
    'newsletter',
    'outbrain',
    'paywall',
    'popup',
    'promo',
    'read-?more',
    'recommended',
    'related',
    'share',
    'sharing',
    'slideshow',
    'social',
    'sponsored',
    'subscribe',
    'subscription',
    'taboola',
    'timestamp',
    'trending',
  ].join('|')})(?:$|[\\s_-])`,
  'i',
);

/** Whether a class/id value names a furniture container (see {@link FURNITURE_NAME}). */
export function isFurnitureName(value: string): boolean {
  // Embedded posts (`social-media-embed` around a quoted tweet) are quoted content, not furniture.
  return FURNITURE_NAME.test(value) && !/embed/i.test(value);
}

/** The DOM surface the pruning needs. */
export interface PrunableElement {
  /** Upper-case for HTML elements. */
  tagName: string;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  parentElement: PrunableElement | null;
  childNodes: Iterable<unknown>;
  contains(other: PrunableElement): boolean;
  replaceWith(...nodes: unknown[]): void;
  remove(): void;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<PrunableElement>;
  getElementsByTagName(name: string): Iterable<PrunableElement>;
}

/** A paragraph this long is prose: a furniture-named container holding two of them is a page wrapper (`Page-ad-margins`), kept. */
const PROSE_PARAGRAPH_CHARACTERS = 120;

function holdsProse(element: PrunableElement): boolean {
  let prose = 0;
  for (const paragraph of element.getElementsByTagName('p')) {
    if ((paragraph.textContent ?? '').length >= PROSE_PARAGRAPH_CHARACTERS && ++prose >= 2) return true;
  }
  return false;
}

/**
 * Embedded posts (a quoted tweet in `<div class="social-media-embed"><blockquote class="twitter-tweet">`)
 * are part of the story, but Readability drops containers named "social" or "media" as unlikely
 * content, and `<div>`s whose text is mostly links (a tweet's signature line is one). The names of
 * the quotes are removed and their wrapper elements unwrapped, so the quote is scored as a block of its parent.
 * @param root - the document, changed in place
 */
export function unmarkEmbeddedPosts(root: {
  querySelectorAll(selector: string): Iterable<PrunableElement>;
}): void {
  const embedded = /embed|tweet|instagram|tiktok/i;
  for (const quote of root.querySelectorAll('blockquote[class]')) {
    if (!embedded.test(quote.getAttribute('class') ?? '')) continue;
    quote.removeAttribute('class');
    for (let wrapper = quote.parentElement; wrapper !== null; wrapper = quote.parentElement) {
      const name = `${wrapper.getAttribute('class') ?? ''} ${wrapper.getAttribute('id') ?? ''}`;
      if (!embedded.test(name)) break;
      wrapper.replaceWith(...wrapper.childNodes);
    }
  }
}

/** Whether an element is furniture by its tag, role, hidden state or name (see {@link FURNITURE_TAGS}, {@link isFurnitureName}). */
function isFurniture(element: PrunableElement): boolean {
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  if (PAGE_LEVEL_TAGS.has(element.tagName) && element.parentElement?.tagName === 'BODY') return true;
  const role = element.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role.trim().toLowerCase())) return true;
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  const className = element.getAttribute('class');
  const id = element.getAttribute('id');
  if (className === null && id === null) return false;
  return isFurnitureName(`${className ?? ''} ${id ?? ''}`) && !holdsProse(element);
}

/**
 * Removes page furniture from a parsed document: elements that are furniture by tag, role or
 * hidden state, and containers whose class or id is a furniture name unless they hold prose.
 * Returns how many elements were removed.
 * @param elements - the document's elements in page order (one `querySelectorAll('*')`)
 */
export function pruneFurniture(elements: Iterable<PrunableElement>): number {
  let removed = 0;
  let last: PrunableElement | undefined;
  for (const element of elements) {
    // Elements come in page order: the descendants of a removed element follow it, and need no look.
    if (last?.contains(element)) continue;
    if (isFurniture(element)) {
      element.remove();
      last = element;
      removed++;
    }
  }
  return removed;
}

/** Blocks of the extracted article that are judged by their link density. */
const LINK_BLOCK_SELECTOR = 'p,li,h2,h3,h4,h5,h6,dt,dd';
/** A block whose text is at least this share link text is a link to elsewhere ("related", "more"), not prose. */
const LINK_BLOCK_DENSITY = 0.8;

/**
 * Removes blocks of Readability's result that are mostly link text: related-story links, lists of
 * other articles, "also on" teasers inside the body. Returns how many blocks were removed.
 * @param content - Readability's article element, pruned in place
 */
export function pruneLinkBlocks(content: {
  querySelectorAll(selector: string): Iterable<PrunableElement>;
}): number {
  let removed = 0;
  for (const block of content.querySelectorAll(LINK_BLOCK_SELECTOR)) {
    const text = (block.textContent ?? '').replace(/\s+/g, '');
    if (text === '') continue;
    let linkLength = 0;
    for (const link of block.getElementsByTagName('a'))
      linkLength += (link.textContent ?? '').replace(/\s+/g, '').length;
    if (linkLength / text.length >= LINK_BLOCK_DENSITY) {
      block.remove();
      removed++;
    }
  }
  return removed;
}

/**
 * Whole paragraphs that are page furniture even inside the article body: advertising labels, calls
 * to subscribe or share, "read more" links, gallery counters, photo credits, datelines, bare links.
 */
const FURNITURE_PARAGRAPHS: readonly RegExp[] = [
  /^(?:advertisement|advert|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|skip to (?:main )?content|caption|close|expand|enlarge|comments?|share|share this(?: article| story)?)$/i,
  /^(?:read more|related|recommended|more|see also|also on \S+|don'?t miss)\b.{0,80}$/i,
  /^(?:sign up|subscribe|follow us|like this (?:story|article)|get the latest|click here|tell us what you think)\b/i,
  /^(?:image|photo|picture|slide)\s*\d+\s*(?:of|\/)\s*\d+$/i,
  /^\(?(?:image|photo|picture)s?(?: credit)?\s*(?::|by\b|courtesy\b)/i,
  /^\|?\s*(?:published|updated|posted|last updated|first published)\b[\s:]*.{0,60}\d/i,
  // A dateline alone: "Nov. 20, 2019, 9:28 AM UTC", "Tuesday 19 November 2019 10:43".
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?),?\s+\d{4}(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?)?$/i,
  /^(?:https?:\/\/|www\.)\S+$/i,
  /^\S+@\S+\.\w+$/,
];
/** Furniture paragraphs are short; a long paragraph starting "Subscribe…" is still prose. */
const SHORT_PARAGRAPH_WORDS = 15;

/**
 * Whether one paragraph of extracted text is furniture: short (at most 15 words) and matching a
 * known call to action, label, counter, credit or dateline.
 * @param paragraph - one paragraph of the extracted text
 */
export function isFurnitureParagraph(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.split(/\s+/).length > SHORT_PARAGRAPH_WORDS) return false;
  return FURNITURE_PARAGRAPHS.some((pattern) => pattern.test(text));
}
