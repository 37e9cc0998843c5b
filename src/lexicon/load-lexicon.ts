/**
 * The edge where the lexical resources are loaded for a run: the pipeline or the CLI calls
 * {@link loadLexicon} once and passes the {@link Lexicon} on as an option; no stage reads files.
 * @packageDocumentation
 */
import { homedir } from 'node:os';
import { defaultCacheDirectory } from './cache-directory.js';
import type { Lexicon } from './term-similarity.js';
import { loadWordVectors, type WordVectorOptions } from './vector-cache.js';
import { loadWordNet, type WordNetOptions } from './wordnet-cache.js';

/** Options of {@link loadLexicon}. */
export interface LexiconOptions {
  /** Cache directory (default `$XDG_CACHE_HOME/crosscheck` or `~/.cache/crosscheck`). */
  cacheDirectory?: string;
  /** Build missing caches (default true: the first run converts, in about 10 s). */
  build?: boolean;
  /** Sources and vocabulary size, for tests. */
  vectors?: Omit<WordVectorOptions, 'cacheDirectory' | 'build'>;
  wordNet?: Omit<WordNetOptions, 'cacheDirectory' | 'build'>;
}

/** What {@link loadLexicon} found. */
export interface LoadedLexicon {
  /** The resources that loaded; a missing one is absent. */
  lexicon: Lexicon;
  /** One line per missing resource, for the caller to say once (stderr, a diagnostic). */
  notices: string[];
  /** Milliseconds spent per resource: building (first run only) and loading. */
  timings: { vectorsBuildMs: number; vectorsLoadMs: number; wordNetBuildMs: number; wordNetLoadMs: number };
}

/**
 * Loads the word vectors and WordNet, building their caches when missing. Never throws: a resource
 * that cannot be had is left out and explained in `notices`.
 */
export function loadLexicon(options: LexiconOptions = {}): LoadedLexicon {
  const cacheDirectory = options.cacheDirectory ?? defaultCacheDirectory(process.env, homedir());
  const build = options.build ?? true;
  const lexicon: Lexicon = {};
  const notices: string[] = [];
  const vectors = loadWordVectors({ ...options.vectors, cacheDirectory, build });
  if (vectors.available) lexicon.vectors = vectors.vectors;
  else notices.push(`word vectors unavailable, terms are compared without them: ${vectors.reason}`);
  const wordNet = loadWordNet({ ...options.wordNet, cacheDirectory, build });
  if (wordNet.available) lexicon.wordNet = wordNet.wordNet;
  else notices.push(`WordNet unavailable, terms are compared without it: ${wordNet.reason}`);
  const timings = {
    vectorsBuildMs: vectors.available ? vectors.buildMs : 0,
    vectorsLoadMs: vectors.available ? vectors.loadMs : 0,
    wordNetBuildMs: wordNet.available ? wordNet.buildMs : 0,
    wordNetLoadMs: wordNet.available ? wordNet.loadMs : 0,
  };
  return { lexicon, notices, timings };
}
