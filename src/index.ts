/**
 * crosscheck: reads many news articles about one event and gives the story once, with its evidence.
 * @packageDocumentation
 */
export * from './model/index.js';
export { DEFAULT_SUMMARY_WORDS, type SynthesizeOptions, synthesize } from './pipeline/synthesize.js';
