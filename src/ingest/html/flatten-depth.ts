/**
 * Bounds the nesting depth of a parsed page before Readability reads it. Readability walks the DOM
 * recursively (`_cleanStyles`, `_getInnerText`, …), so 10,000 nested `<div>`s overflow the call stack,
 * and 5,000 take seconds of ancestor walks. No real article nests anywhere near {@link MAX_DOM_DEPTH}:
 * below that depth the page is left as it is, and each element at that depth keeps its text as flat
 * paragraphs, so what is read stays read. The HTML parser itself (linkedom) slows quadratically with
 * depth (100,000 levels took 15 s), so {@link capTagDepth} first drops the tags nested past
 * {@link MAX_TAG_DEPTH} from the string, keeping their text.
 * @packageDocumentation
 */
import { nodeToText, type TextNodeLike } from './html-to-text.js';

/** Elements deeper than this are flattened into paragraphs of their ancestor at this depth. */
export const MAX_DOM_DEPTH = 200;

/** Start tags nested deeper than this are dropped from the HTML string before parsing. */
export const MAX_TAG_DEPTH = 1_000;

/** Elements with no end tag: they never nest. */
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements the parser closes when a sibling opens (`<p>a<p>b`): counting them would overstate depth. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/**
 * Drops the start tags nested past `maxDepth` (and as many end tags after them) from an HTML string,
 * keeping all text. A count of start and end tags, not a parse: it only has to bound what the parser
 * is handed, and an ordinary page never reaches the cap, so it is returned unchanged.
 * @param html - the page, scripts and comments already cut (see `stripInertMarkup`)
 * @param maxDepth - the depth kept
 * @returns the capped HTML and how many start tags were dropped
 */
export function capTagDepth(
  html: string,
  maxDepth: number = MAX_TAG_DEPTH,
): { html: string; dropped: number } {
  let depth = 0;
  let excess = 0;
  let dropped = 0;
  let kept = 0;
  const parts: string[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (VOID_TAGS.has(name) || SELF_CLOSING_SIBLINGS.has(name) || match[3] === '/') continue;
    let drop = false;
    if (match[1] === '/') {
      if (excess > 0) {
        excess--;
        drop = true;
      } else if (depth > 0) depth--;
    } else if (depth >= maxDepth) {
      excess++;
      dropped++;
      drop = true;
    } else depth++;
    if (drop) {
      parts.push(html.slice(kept, match.index), ' ');
      kept = match.index + match[0].length;
    }
  }
  if (dropped === 0) return { html, dropped };
  parts.push(html.slice(kept));
  return { html: parts.join(''), dropped };
}

/** The DOM surface flattening needs, satisfied by linkedom's nodes. */
export interface FlattenableNode extends TextNodeLike {
  firstChild: FlattenableNode | null;
  nextSibling: FlattenableNode | null;
  textContent: string | null;
  appendChild(child: FlattenableNode): unknown;
}

/** Creates the replacement nodes: linkedom's `document`. */
export interface NodeFactory {
  createElement(name: string): FlattenableNode;
  createTextNode(text: string): FlattenableNode;
}

const ELEMENT_NODE = 1;

/**
 * Replaces the content of every element at `maxDepth` that still has child elements with its text,
 * one `<p>` per paragraph (line breaks as `<br>`). Iterative, so it cannot overflow the stack itself.
 * @param root - the page's root element (depth 0)
 * @param document - makes the new paragraphs
 * @param maxDepth - the deepest an element may sit afterwards is `maxDepth + 1`
 * @returns how many elements were flattened (0 for every ordinary page)
 */
export function flattenDeepElements(
  root: FlattenableNode,
  document: NodeFactory,
  maxDepth: number = MAX_DOM_DEPTH,
): number {
  let flattened = 0;
  const stack: { node: FlattenableNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      if (depth + 1 < maxDepth) stack.push({ node: child, depth: depth + 1 });
      else if (hasElementChild(child)) {
        flatten(child, document);
        flattened++;
      }
    }
  }
  return flattened;
}

function hasElementChild(node: FlattenableNode): boolean {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) return true;
  }
  return false;
}

function flatten(element: FlattenableNode, document: NodeFactory): void {
  const paragraphs = nodeToText(element).split('\n\n');
  // Setting textContent drops every child in one step (linkedom unlinks the subtree without recursion).
  element.textContent = '';
  for (const paragraph of paragraphs) {
    if (paragraph === '') continue;
    const p = document.createElement('p');
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) p.appendChild(document.createElement('br'));
      p.appendChild(document.createTextNode(line));
    });
    element.appendChild(p);
  }
}
