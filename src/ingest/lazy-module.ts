/**
 * Packages loaded on first use. Importing linkedom costs about 100 ms, twice the whole analysis engine,
 * and the feed parser a fifth of the CLI's start-up, yet most runs (plain-text articles, the store
 * commands without HTML or feeds) never use them, so neither the CLI nor the library may pay for them at
 * start-up. ESM imports cannot be deferred in synchronous code, hence `require` of the packages'
 * CommonJS builds, which share the ESM builds' API and types.
 * @packageDocumentation
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

/**
 * A loader of a CommonJS package that requires it on its first call and returns the same module after.
 * @param specifier - the package name
 */
function lazyModule<Module>(specifier: string): () => Module {
  let loaded: Module | undefined;
  return () => {
    loaded ??= requireFromHere(specifier) as Module;
    return loaded;
  };
}

/** The linkedom module, loaded by the first call. */
export const linkedom = lazyModule<typeof import('linkedom')>('linkedom');

/** The RSS/Atom parser `@rowanmanning/feed-parser`, loaded by the first call. */
export const feedParser = lazyModule<typeof import('@rowanmanning/feed-parser')>('@rowanmanning/feed-parser');
