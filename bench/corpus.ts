import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../src/model/index.js';

/** The repository root, found from this file so the bench runs from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The shared evaluation data beside the repository (absent on some machines); BENCH_SHARED_DIR overrides it. */
export const sharedRoot = path.resolve(repoRoot, process.env.BENCH_SHARED_DIR ?? '../shared');

const seedDirectory = path.join(sharedRoot, 'seeds');
const exampleDirectory = path.join(repoRoot, 'examples/harbour-bridge');
const ecbPlusDocs = path.join(sharedRoot, 'data/ecbplus/docs.jsonl');
const allSidesCrawl = path.join(sharedRoot, 'data/allsides/raw-crawl.jsonl');

/** Seed of the synthetic selection: change it and every size gets other articles. */
const SELECTION_SEED = 20250310;
/**
 * Synthetic article lengths are drawn uniformly from this range, then filled up to the end of the chunk
 * that crosses it: the overshoot (about 50 words) brings the mean to about 400.
 */
const TARGET_WORDS = { min: 270, max: 430 };
/** Long ECB+ documents are cut into chunks of at most this many words, at sentence (line) ends. */
const CHUNK_WORDS = 150;

/** A named set of articles to time, or the reason it cannot be built here. */
export type BenchCorpus =
  | { name: string; articles: ArticleInput[]; note?: string }
  | { name: string; missing: string };

/** Number of whitespace-separated words, the unit of every count in the bench. */
export function countWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) if (word !== '') count += 1;
  return count;
}

/**
 * The articles of one bench case: `example`, `seeds`, or a synthetic size such as `100`.
 * Synthetic sizes are prefixes of one deterministic stream, so `10` ⊂ `100` ⊂ `1000`.
 * @param name - the case name
 */
export function loadCorpus(name: string): BenchCorpus {
  if (name === 'example') return { name, articles: readFrontMatterDirectory(exampleDirectory) };
  if (name === 'seeds') {
    if (!existsSync(seedDirectory)) return { name, missing: `${seedDirectory} is absent` };
    return { name, articles: readSeedDirectory(seedDirectory) };
  }
  const size = Number(name);
  if (!Number.isInteger(size) || size < 1) throw new Error(`unknown bench case "${name}"`);
  for (const file of [ecbPlusDocs, allSidesCrawl]) {
    if (!existsSync(file)) return { name, missing: `${file} is absent` };
  }
  const { articles, reused } = syntheticArticles(size);
  return reused > 0
    ? { name, articles, note: `${reused} articles reuse pool text (pool exhausted)` }
    : { name, articles };
}

/** Seeds carry their date glued to the first line (` date 2024-02-20 Text…`), as scraped. */
function readSeedDirectory(directory: string): ArticleInput[] {
  return textFiles(directory).map(({ id, raw }) => {
    const glued = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(raw);
    if (glued?.[1] === undefined) return { id, body: raw };
    return { id, body: raw.slice(glued[0].length), published: glued[1] };
  });
}

/** The example corpus: `---` front matter with `key: value` lines, or the seeds' glued date. */
function readFrontMatterDirectory(directory: string): ArticleInput[] {
  return textFiles(directory).map(({ id, raw }) => {
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(raw);
    if (frontMatter === null) {
      const glued = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(raw);
      if (glued?.[1] === undefined) return { id, body: raw };
      return { id, body: raw.slice(glued[0].length), published: glued[1] };
    }
    const article: ArticleInput = { id, body: raw.slice(frontMatter[0].length) };
    for (const line of (frontMatter[1] ?? '').split('\n')) {
      const field = /^(\w+):\s*(.+)$/.exec(line.trim());
      if (field?.[1] === 'date' && field[2] !== undefined) article.published = field[2];
      if (field?.[1] === 'outlet' && field[2] !== undefined) article.outlet = field[2];
      if (field?.[1] === 'title' && field[2] !== undefined) article.title = field[2];
    }
    return article;
  });
}

function textFiles(directory: string): { id: string; raw: string }[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ id: file.slice(0, -4), raw: readFileSync(path.join(directory, file), 'utf8') }));
}

/** A run of text from one pool document, with that document's date when it has one. */
interface Chunk {
  text: string;
  words: number;
  published?: string;
}

/**
 * Builds `size` articles of about 400 words from the ECB+ and AllSides pools. Documents are shuffled
 * with a seeded PRNG (never Math.random, so every run times the same text), cut into chunks and
 * laid end to end; each article takes whole chunks until it reaches its drawn length.
 */
function syntheticArticles(size: number): { articles: ArticleInput[]; reused: number } {
  const random = mulberry32(SELECTION_SEED);
  const documents = shuffle(poolDocuments(), random);
  const articles: ArticleInput[] = [];
  let position = 0;
  let pass = 0;
  let reused = 0;
  let stream = documents.flat();
  while (articles.length < size) {
    const target = TARGET_WORDS.min + Math.floor(random() * (TARGET_WORDS.max - TARGET_WORDS.min + 1));
    const parts: string[] = [];
    let words = 0;
    let published: string | undefined;
    while (words < target) {
      if (position >= stream.length) {
        // The pool holds about a thousand articles' worth: later articles reuse it in a new order.
        pass += 1;
        stream = shuffle(documents, random).flat();
        position = 0;
      }
      const chunk = stream[position++]!;
      parts.push(chunk.text);
      words += chunk.words;
      published ??= chunk.published;
    }
    if (pass > 0) reused += 1;
    const article: ArticleInput = {
      id: `synthetic-${String(articles.length + 1).padStart(4, '0')}`,
      body: parts.join('\n\n'),
    };
    if (published !== undefined) article.published = published;
    articles.push(article);
  }
  return { articles, reused };
}

/** Every pool document as its chunks: ECB+ documents (sentence per line) and AllSides bodies. */
function poolDocuments(): Chunk[][] {
  const documents: Chunk[][] = [];
  for (const line of jsonLines(ecbPlusDocs)) {
    const text = (line as { text?: unknown }).text;
    if (typeof text === 'string' && text.trim() !== '') documents.push(chunkLines(text.split('\n')));
  }
  for (const line of jsonLines(allSidesCrawl)) {
    const story = line as { date?: unknown; news?: Record<string, { newBody?: unknown } | undefined> };
    const published = typeof story.date === 'string' ? story.date.slice(0, 10) : undefined;
    for (const side of ['left', 'center', 'right']) {
      const body = story.news?.[side]?.newBody;
      const text = Array.isArray(body) ? body.filter((part) => typeof part === 'string').join(' ') : body;
      if (typeof text !== 'string' || text.trim() === '') continue;
      const chunk: Chunk = { text, words: countWords(text) };
      if (published !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(published)) chunk.published = published;
      documents.push([chunk]);
    }
  }
  return documents;
}

function chunkLines(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let words = 0;
  for (const line of lines) {
    const lineWords = countWords(line);
    if (lineWords === 0) continue;
    if (words > 0 && words + lineWords > CHUNK_WORDS) {
      chunks.push({ text: current.join(' '), words });
      current = [];
      words = 0;
    }
    current.push(line.trim());
    words += lineWords;
  }
  if (words > 0) chunks.push({ text: current.join(' '), words });
  return chunks;
}

function jsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** Mulberry32: a tiny seeded PRNG; the standard library offers none and the selection must be reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy, driven by the given PRNG. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let last = copy.length - 1; last > 0; last--) {
    const other = Math.floor(random() * (last + 1));
    [copy[last], copy[other]] = [copy[other]!, copy[last]!];
  }
  return copy;
}
