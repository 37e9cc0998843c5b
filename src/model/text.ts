import type { Span } from './span.js';

/** What a token is made of. */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol';

/** A token of a canonical text with its offsets. */
export interface Token extends Span {
  /** The characters as they stand in the text. */
  text: string;
  /** Lower-cased, accent- and apostrophe-normalised form. */
  normal: string;
  kind: TokenKind;
}

/** A sentence of a canonical text. */
export interface Sentence extends Span {
  /** Position among the article's sentences, from 0. */
  index: number;
  /** Position of the paragraph the sentence belongs to, from 0. */
  paragraph: number;
  text: string;
  /** Index range `[tokenStart, tokenEnd)` into the article's token array. */
  tokenStart: number;
  tokenEnd: number;
}

/** A paragraph of a canonical text (separated by blank lines or line breaks). */
export interface Paragraph extends Span {
  index: number;
}

/** The segmentation of one canonical text. */
export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}
