/**
 * Tagged templates for preact: htm turns `html\`<p>${text}</p>\`` into `h()` calls, so there is no
 * build-time JSX and every interpolated value is a text node or a property, never parsed as markup.
 */
import htm from 'htm';
import { h } from 'preact';

/** The reader's only way to make elements. */
export const html = htm.bind(h);
