/**
 * The lexicon as the word relatedness that {@link synthesize}'s `related` option takes: loaded once at
 * the edge (the CLI, the evaluation), memoised, and absent when neither resource can be had.
 * @packageDocumentation
 */
import type { WordRelatedness } from '../stages/compare-facts.js';
import { type LexiconOptions, loadLexicon } from './load-lexicon.js';
import { createFastTermComparer, createTermComparer, type Lexicon } from './term-similarity.js';

/** The loaded lexicon, or undefined when neither resource could be had; notices go to `notice`. */
function loadedLexicon(options: LexiconOptions, notice: (line: string) => void): Lexicon | undefined {
  const { lexicon, notices } = loadLexicon(options);
  for (const line of notices) notice(line);
  return lexicon.vectors === undefined && lexicon.wordNet === undefined ? undefined : lexicon;
}

const toStderr = (line: string): void => {
  process.stderr.write(`crosscheck: ${line}\n`);
};

/**
 * Loads the lexicon and returns its word relatedness, or undefined when neither word vectors nor
 * WordNet could be loaded. Notices about missing resources go to `notice` (default: stderr, once).
 * @param options - where the caches are and whether to build them
 * @param notice - where to say what is missing
 */
export function lexiconRelatedness(
  options: LexiconOptions = {},
  notice: (line: string) => void = toStderr,
): WordRelatedness | undefined {
  const lexicon = loadedLexicon(options, notice);
  if (lexicon === undefined) return undefined;
  const compare = createTermComparer(lexicon);
  return (first, second) => compare(first, second).score;
}

/**
 * Like {@link lexiconRelatedness}, with the cheaper comparison alignment needs for its many word pairs
 * ({@link createFastTermComparer}), memoised by the caller.
 * @param options - where the caches are and whether to build them
 * @param notice - where to say what is missing
 */
export function fastLexiconRelatedness(
  options: LexiconOptions = {},
  notice: (line: string) => void = toStderr,
): WordRelatedness | undefined {
  const lexicon = loadedLexicon(options, notice);
  return lexicon === undefined ? undefined : createFastTermComparer(lexicon);
}
