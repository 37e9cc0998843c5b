/**
 * HTML to plain text with one paragraph per block element, paragraphs separated by blank lines.
 *
 * Written by hand because the installed tools do not give paragraphs: Readability's `textContent`
 * and the DOM's `textContent` glue the text of adjacent blocks (`…delegation.Mr. Kim drove…`),
 * which breaks sentence splitting downstream. Feeds reuse {@link htmlToText} for their HTML content.
 * @packageDocumentation
 */
import { linkedom } from '../lazy-module.js';

/** Elements whose text starts and ends a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose content is never reader-visible text (code, styling, embedded media, form widgets). */
const SKIPPED_ELEMENTS = new Set([
  'AUDIO',
  'BUTTON',
  'CANVAS',
  'EMBED',
  'HEAD',
  'IFRAME',
  'IMG',
  'INPUT',
  'MAP',
  'MATH',
  'NOSCRIPT',
  'OBJECT',
  'OPTION',
  'PICTURE',
  'SCRIPT',
  'SELECT',
  'SOURCE',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
  'TITLE',
  'VIDEO',
]);

/** Table cells stay on their row's line, separated by a space. */
const CELL_ELEMENTS = new Set(['TD', 'TH']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** The minimal DOM surface the walker reads, satisfied by linkedom's and the browser's nodes. */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: TextNodeLike | null;
  nextSibling: TextNodeLike | null;
  getAttribute?: (name: string) => string | null;
  hasAttribute?: (name: string) => boolean;
}

/** Collects paragraphs while the walker visits inline text; a block boundary closes the current one. */
class ParagraphBuilder {
  readonly paragraphs: string[] = [];
  private current = '';

  append(text: string): void {
    this.current += text;
  }

  /** Closes the current paragraph: whitespace collapsed per line, `<br>` line breaks kept. */
  close(): void {
    if (this.current === '') return;
    const lines = this.current
      .split('\n')
      .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '');
    this.current = '';
    if (lines.length > 0) this.paragraphs.push(lines.join('\n'));
  }

  /** Text of a `<pre>`: its own paragraph, inner whitespace and line breaks kept. */
  appendPreformatted(text: string): void {
    this.close();
    const trimmed = text.replace(/^\n+|\s+$/g, '');
    if (trimmed.trim() !== '') this.paragraphs.push(trimmed);
  }
}

function isHidden(element: TextNodeLike): boolean {
  if (element.hasAttribute?.('hidden')) return true;
  const style = element.getAttribute?.('style');
  return style != null && HIDDEN_STYLE.test(style);
}

/** Raw text of a subtree, for `<pre>`: `<br>` gives a line break, nothing is collapsed. */
function rawText(node: TextNodeLike): string {
  let text = '';
  // An explicit stack, not recursion: hostile markup nests deeper than the call stack goes.
  const stack: (TextNodeLike | null)[] = [node.firstChild];
  while (stack.length > 0) {
    const child = stack[stack.length - 1]!;
    if (child === null) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = child.nextSibling;
    if (child.nodeType === TEXT_NODE) text += child.nodeValue ?? '';
    else if (child.nodeType === ELEMENT_NODE) {
      if (child.nodeName === 'BR') text += '\n';
      else if (!SKIPPED_ELEMENTS.has(child.nodeName)) stack.push(child.firstChild);
    }
  }
  return text;
}

/** What ends when the walker leaves an element: a paragraph (block), a cell's spacing, or nothing. */
type Exit = 'block' | 'cell' | 'none';

function walk(root: TextNodeLike, builder: ParagraphBuilder): void {
  // An explicit stack of the next child to visit at each open element, not recursion: hostile markup
  // (10,000 nested <div>s) nests deeper than the call stack goes.
  const stack: { next: TextNodeLike | null; exit: Exit }[] = [{ next: root.firstChild, exit: 'none' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.next;
    if (child === null) {
      stack.pop();
      if (frame.exit === 'block') builder.close();
      else if (frame.exit === 'cell') builder.append(' ');
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === TEXT_NODE) {
      // Newlines in source text are plain whitespace; only <br> makes a line break.
      builder.append((child.nodeValue ?? '').replace(/\n/g, ' '));
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const name = child.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name) || isHidden(child)) continue;
    if (name === 'BR') {
      builder.append('\n');
    } else if (name === 'PRE') {
      builder.appendPreformatted(rawText(child));
    } else if (BLOCK_ELEMENTS.has(name)) {
      builder.close();
      stack.push({ next: child.firstChild, exit: 'block' });
    } else if (CELL_ELEMENTS.has(name)) {
      builder.append(' ');
      stack.push({ next: child.firstChild, exit: 'cell' });
    } else {
      stack.push({ next: child.firstChild, exit: 'none' });
    }
  }
}

/**
 * Plain text of a DOM subtree, one paragraph per block element, paragraphs joined by a blank line.
 * Scripts, styles, media, form widgets and elements hidden by `hidden` or an inline
 * `display:none` give no text; a `<br>` gives a line break inside its paragraph.
 * @param root - an element or document fragment (linkedom or browser DOM)
 */
export function nodeToText(root: TextNodeLike): string {
  const builder = new ParagraphBuilder();
  walk(root, builder);
  builder.close();
  return builder.paragraphs.join('\n\n');
}

/**
 * Converts an HTML fragment (or a whole page) to plain text, one paragraph per block element,
 * separated by blank lines. Entities are decoded; markup is never interpreted beyond parsing, so
 * scripts and event handlers come out inert (dropped, or as literal text when they were text).
 * @param html - the HTML fragment, e.g. a feed item's `content:encoded`
 * @example htmlToText('<p>First.</p><p>Second <b>one</b>.</p>') // 'First.\n\nSecond one.'
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) {
    return html
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter((paragraph) => paragraph !== '')
      .join('\n\n');
  }
  const { document } = linkedom().parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as TextNodeLike);
}
