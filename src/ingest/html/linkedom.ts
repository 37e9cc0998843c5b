/**
 * linkedom, loaded on first use. Importing it costs about 100 ms, twice the whole analysis engine, and
 * most runs (plain-text articles, feeds of text, the store commands without HTML) never parse HTML, so
 * the CLI and library must not pay for it at start-up. ESM imports cannot be deferred in synchronous
 * code, hence `require` of the package's CommonJS build; the two builds share one API and types.
 * @packageDocumentation
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');

const requireFromHere = createRequire(import.meta.url);
let loaded: Linkedom | undefined;

/** The linkedom module, loaded by the first call. */
export function linkedom(): Linkedom {
  loaded ??= requireFromHere('linkedom') as Linkedom;
  return loaded;
}
