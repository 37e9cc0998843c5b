/**
 * Claim alignment against gold pairs: on ECB+ (topics 1–35), two sentences of different documents of one
 * gold story state the same fact when they mention the same ACTION_OCCURRENCE instance of the corpus's
 * cross-document coreference (the "event" variant), and, stricter, when they also share a HUMAN_PART or LOC
 * instance (the "event + participant" variant, nearer to "the same fact" than to "the same event").
 * Reporting events ("said") do not count. crosscheck predicts a pair when both sentences are evidence of
 * one claim; pairs are scored for precision, recall and F1 over the annotated sentences only (ECB+ annotates
 * a selection of sentences per document; a sentence outside it carries no gold either way).
 *
 * The corpus's list of annotated sentences (`ECBplus_coreference_sentences.csv`) is not in the shared
 * data: when it is absent, the annotated sentences are those holding a cross-document mention of an action
 * (any class). Sentences holding only participant mentions are left out: many are partly annotated (an
 * event the sentence plainly states left unlinked), which would count correct alignments as errors; the
 * report gives the looser choice's scores too.
 *
 * Documents are fed as an input adapter would hand a page over ({@link splitHeadline}): the URL line as
 * `url`, an unpunctuated first line of text as `title` (crosscheck puts it at the head of the Source text),
 * the rest as body. Fed as one flat body, the headline was removed by cleaning as a fragment, and a quarter
 * of the gold pairs could not be found.
 *
 * Cross-event joins ({@link crossEventCounts}): each topic's two stories, two similar but different real
 * events, are also aligned together as if a clusterer had merged them; a claim joining documents of both
 * reports a fact "by" outlets that covered another event, so the share of such pairs is an error rate to
 * read beside the within-story precision and recall when choosing the threshold.
 *
 * Run alone with `tsx eval/alignment-gold.ts`, or through `npm run eval -- --task alignment-gold`.
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fastLexiconRelatedness } from '../src/lexicon/relatedness.js';
import type { AnalyzedArticle, ArticleInput, Claim } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { alignClaims } from '../src/stages/align.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import type { WordRelatedness } from '../src/stages/compare-facts.js';
import { mergeEntities } from '../src/stages/entities.js';
import { tokenize } from '../src/text/segment.js';
import { contentTerms } from '../src/text/terms.js';
import { dataPath } from './data-paths.js';
import {
  crossDocumentMentions,
  ECBPLUS_DOCUMENTS,
  ecbplusAvailable,
  type InstanceMention,
  readCromer,
  readEcbplusDocuments,
  sentenceCount,
} from './ecbplus.js';
import { formatTable } from './table.js';

/**
 * Word relatedness from the lexicon, on request (`CROSSCHECK_LEXICON=on`), as the pipeline's `related`
 * option; loaded once.
 */
let lexiconRelated: WordRelatedness | undefined | null = null;
function lexiconOption(): { related?: WordRelatedness } {
  if (lexiconRelated === null)
    lexiconRelated = process.env.CROSSCHECK_LEXICON === 'on' ? fastLexiconRelatedness() : undefined;
  return lexiconRelated === undefined ? {} : { related: lexiconRelated };
}

/** The corpus's own list of annotated sentences; used when present, else approximated (see above). */
export const ECBPLUS_SENTENCE_LIST = dataPath('ecbplus', 'ECBplus_coreference_sentences.csv');

/** alignClaims's default threshold (the curve reuses the default run there). */
const DEFAULT_THRESHOLD = 0.33;
/** Alignment thresholds of the precision/recall curve. */
export const CURVE_THRESHOLDS: readonly number[] = [0.25, 0.3, 0.33, 0.35, 0.4, 0.45];
/** Sentences sharing this many content terms are paired by the word-overlap baseline. */
export const SHARED_WORDS_BASELINE = 3;
/** A stricter word-overlap baseline, nearer crosscheck's precision. */
export const STRICT_SHARED_WORDS = 5;
/** The lead baseline pairs each document's first sentence of at least this many words (skipping URL, headline and date lines). */
export const LEAD_MIN_WORDS = 8;
/** Error examples kept per class for inspection. */
const EXAMPLES_PER_CLASS = 4;

/** Whether ECB+ is present under the shared data. */
export function alignmentGoldAvailable(): boolean {
  return ecbplusAvailable();
}

// ---------------------------------------------------------------------------------------------------------
// Gold

/** One cross-document coreference mention (see {@link crossDocumentMentions}). */
export type GoldMention = InstanceMention;

/** A document's sentences and gold, as the scorer needs them. */
export interface GoldDocument {
  doc: string;
  topic: number;
  /** Gold story, `<topic>_<ecb|ecbplus>`. */
  story: string;
  sentences: string[];
  /** The raw text crosscheck reads: the sentences joined by newlines. */
  text: string;
  mentions: GoldMention[];
  /** Indices of the annotated sentences: only these take part in gold and predicted pairs. */
  annotated: number[];
}

/** Mentions of actions of any class, negated ones included ("ACTION_OCCURRENCE", "NEG_ACTION_STATE"). */
export const ACTION_MENTION = /ACTION/;

/**
 * Sentences holding a cross-document mention of the given kind: the corpus's annotated sentences,
 * approximately, when its list is absent.
 * @param mentions - a document's mentions
 * @param kind - which mention types count (default: actions, see {@link ACTION_MENTION})
 */
export function sentencesWithMentions(
  mentions: readonly GoldMention[],
  kind: RegExp = ACTION_MENTION,
): number[] {
  return [
    ...new Set(mentions.filter((mention) => kind.test(mention.type)).map((mention) => mention.sentence)),
  ].sort((a, b) => a - b);
}

/**
 * Reads the corpus's list of annotated sentences (`Topic,File,Sentence Number`, e.g. `1,10ecbplus,1`)
 * into document name → sentence indices.
 * @param csv - the file's text
 */
export function parseSentenceList(csv: string): Map<string, number[]> {
  const list = new Map<string, number[]>();
  for (const line of csv.split(/\r?\n/)) {
    const [topic, file, sentence] = line.split(',').map((cell) => cell.trim());
    if (topic === undefined || file === undefined || sentence === undefined || !/^\d+$/.test(sentence))
      continue;
    const doc = `${topic}_${file.replace(/\.xml$/, '')}`;
    const sentences = list.get(doc) ?? [];
    sentences.push(Number(sentence));
    list.set(doc, sentences);
  }
  return list;
}

/** Which gold: same event, or same event and a shared participant or location. */
export type GoldVariant = 'event' | 'event+participant';
/** Both variants, in the order the tables show them. */
export const GOLD_VARIANTS: readonly GoldVariant[] = ['event', 'event+participant'];

const EVENT_TYPE = 'ACTION_OCCURRENCE';
/** Participants and places: a shared one makes "the same event" nearer to "the same fact". */
const PARTICIPANT_TYPE = /^(?:HUMAN_PART|LOC_)/;

/** A sentence of a document: `doc` and sentence index. */
export interface SentenceRef {
  doc: string;
  sentence: number;
}

const sentenceKey = (ref: SentenceRef): string => `${ref.doc}#${ref.sentence}`;

/** The key of an unordered pair of sentences of two documents (the same pair gives the same key either way). */
export function pairKey(first: SentenceRef, second: SentenceRef): string {
  const left = `${first.doc}#${first.sentence}`;
  const right = `${second.doc}#${second.sentence}`;
  return left < right ? `${left}|${right}` : `${right}|${left}`;
}

interface SentenceGold {
  ref: SentenceRef;
  events: Set<string>;
  participants: Set<string>;
}

function sentenceGold(document: GoldDocument): SentenceGold[] {
  const annotated = new Set(document.annotated);
  const bySentence = new Map<number, SentenceGold>();
  for (const sentence of annotated) {
    bySentence.set(sentence, {
      ref: { doc: document.doc, sentence },
      events: new Set(),
      participants: new Set(),
    });
  }
  for (const mention of document.mentions) {
    const gold = bySentence.get(mention.sentence);
    if (gold === undefined) continue;
    if (mention.type === EVENT_TYPE) gold.events.add(mention.instance);
    else if (PARTICIPANT_TYPE.test(mention.type)) gold.participants.add(mention.instance);
  }
  return [...bySentence.values()];
}

function intersects(first: ReadonlySet<string>, second: ReadonlySet<string>): boolean {
  for (const value of first) if (second.has(value)) return true;
  return false;
}

/**
 * The gold pairs of one story's documents: annotated sentences of two different documents that mention one
 * ACTION_OCCURRENCE instance (and, for `event+participant`, one HUMAN_PART or LOC instance too).
 * @param documents - the documents of one gold story
 * @param variant - which definition of "the same fact"
 */
export function goldPairs(documents: readonly GoldDocument[], variant: GoldVariant): Set<string> {
  const sentences = documents.map(sentenceGold);
  const pairs = new Set<string>();
  for (let left = 0; left < sentences.length; left++) {
    for (let right = left + 1; right < sentences.length; right++) {
      for (const first of sentences[left]!) {
        if (first.events.size === 0) continue;
        for (const second of sentences[right]!) {
          if (!intersects(first.events, second.events)) continue;
          if (variant === 'event+participant' && !intersects(first.participants, second.participants))
            continue;
          pairs.add(pairKey(first.ref, second.ref));
        }
      }
    }
  }
  return pairs;
}

/**
 * The predicted pairs of a grouping of sentences (one group per claim): every two sentences of different
 * documents in one group, both annotated.
 * @param groups - each claim's sentences (one piece of evidence may cover several sentences)
 * @param annotated - annotated sentence keys (`doc#sentence`)
 */
export function groupPairs(
  groups: readonly (readonly SentenceRef[])[],
  annotated: ReadonlySet<string>,
): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    const members = group.filter((ref) => annotated.has(`${ref.doc}#${ref.sentence}`));
    for (let left = 0; left < members.length; left++) {
      for (let right = left + 1; right < members.length; right++) {
        if (members[left]!.doc !== members[right]!.doc) pairs.add(pairKey(members[left]!, members[right]!));
      }
    }
  }
  return pairs;
}

/**
 * Claims read off the gold in crosscheck's shape: one claim per ACTION_OCCURRENCE instance (those in most
 * documents first) taking, of each document, the first annotated sentence that mentions it and is in no
 * claim yet. Like crosscheck's, a claim holds one sentence per document and a sentence stands in one claim,
 * so the recall of these claims is one crosscheck's claims could reach: its ceiling is at least that.
 * @param documents - the documents of one gold story
 */
export function oracleGroups(documents: readonly GoldDocument[]): SentenceRef[][] {
  const sentences = documents.map(sentenceGold);
  const documentsOf = new Map<string, number>();
  for (const document of sentences) {
    const instances = new Set(document.flatMap((sentence) => [...sentence.events]));
    for (const instance of instances) documentsOf.set(instance, (documentsOf.get(instance) ?? 0) + 1);
  }
  const order = [...documentsOf.keys()].sort(
    (a, b) => documentsOf.get(b)! - documentsOf.get(a)! || (a < b ? -1 : a > b ? 1 : 0),
  );
  const used = new Set<string>();
  return order.map((instance) =>
    sentences.flatMap((document) => {
      const found = document
        .filter((sentence) => sentence.events.has(instance) && !used.has(sentenceKey(sentence.ref)))
        .sort((a, b) => a.ref.sentence - b.ref.sentence)[0];
      if (found === undefined) return [];
      used.add(sentenceKey(found.ref));
      return [found.ref];
    }),
  );
}

/** Pairwise counts and scores. */
export interface PairScores {
  predicted: number;
  gold: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pairs of documents with a gold pair between them. */
  documentPairs: number;
  /** Of those, the ones with a correct predicted pair: a reader sees that the two report one fact. */
  documentPairsFound: number;
  documentRecall: number;
}

/** Scores from counts; precision is 0 when nothing is predicted, recall 0 when there is no gold. */
export function scoresOf(
  predicted: number,
  gold: number,
  correct: number,
  documentPairs = 0,
  documentPairsFound = 0,
): PairScores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const documentRecall = documentPairs === 0 ? 0 : documentPairsFound / documentPairs;
  return {
    predicted,
    gold,
    correct,
    precision,
    recall,
    f1,
    documentPairs,
    documentPairsFound,
    documentRecall,
  };
}

const documentsOfPair = (key: string): string => {
  const [first, second] = parseKey(key);
  return `${first.doc}|${second.doc}`;
};

/** Counts of predicted, gold and correct pairs, and of the document pairs the gold and the correct pairs join. */
export function pairScores(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): PairScores {
  let correct = 0;
  const found = new Set<string>();
  for (const pair of predicted) {
    if (!gold.has(pair)) continue;
    correct++;
    found.add(documentsOfPair(pair));
  }
  const documentPairs = new Set([...gold].map(documentsOfPair)).size;
  return scoresOf(predicted.size, gold.size, correct, documentPairs, found.size);
}

function addScores(total: PairScores, part: PairScores): PairScores {
  return scoresOf(
    total.predicted + part.predicted,
    total.gold + part.gold,
    total.correct + part.correct,
    total.documentPairs + part.documentPairs,
    total.documentPairsFound + part.documentPairsFound,
  );
}

const EMPTY_SCORES: PairScores = scoresOf(0, 0, 0);

// ---------------------------------------------------------------------------------------------------------
// From crosscheck's evidence to the corpus's sentences

/**
 * Where each character of crosscheck's canonical text stands in the raw text it was cleaned from (-1 when
 * it stands nowhere: whitespace joins and characters the cleaner added). Cleaning keeps verbatim slices and
 * drops the rest, so the canonical text is matched piece by piece, each piece the longest run found at or
 * after the end of the previous one.
 * @param canonical - the Source text
 * @param raw - the body crosscheck was given
 */
export function canonicalToRaw(canonical: string, raw: string): Int32Array {
  const map = new Int32Array(canonical.length).fill(-1);
  let position = 0;
  let cursor = 0;
  while (position < canonical.length) {
    if (/\s/.test(canonical[position]!)) {
      position++;
      continue;
    }
    if (raw.indexOf(canonical[position]!, cursor) < 0) {
      position++;
      continue;
    }
    // The longest run starting here that occurs in the raw text: grow by doubling, then bisect.
    let found = 1;
    let limit = 2;
    while (
      position + found < canonical.length &&
      raw.indexOf(canonical.slice(position, Math.min(canonical.length, position + limit)), cursor) >= 0
    ) {
      found = Math.min(canonical.length - position, limit);
      limit *= 2;
    }
    let high = Math.min(canonical.length - position, limit);
    while (high - found > 1) {
      const middle = (found + high) >> 1;
      if (raw.indexOf(canonical.slice(position, position + middle), cursor) >= 0) found = middle;
      else high = middle;
    }
    const at = raw.indexOf(canonical.slice(position, position + found), cursor);
    for (let offset = 0; offset < found; offset++) map[position + offset] = at + offset;
    position += found;
    cursor = at + found;
  }
  return map;
}

/** A crosscheck Source text laid over the raw text it came from and the raw text's sentences. */
export interface TextMapping {
  canonical: string;
  raw: string;
  /** From {@link canonicalToRaw}. */
  map: Int32Array;
  /** Raw offset where each sentence starts, ascending. */
  sentenceStarts: readonly number[];
}

/**
 * Lays a canonical text over a raw text made of sentences joined by newlines.
 * @param canonical - the Source text
 * @param sentences - the raw text's sentences, in order
 */
export function textMapping(canonical: string, sentences: readonly string[]): TextMapping {
  const raw = sentences.join('\n');
  const sentenceStarts: number[] = [];
  let offset = 0;
  for (const sentence of sentences) {
    sentenceStarts.push(offset);
    offset += sentence.length + 1;
  }
  return { canonical, raw, map: canonicalToRaw(canonical, raw), sentenceStarts };
}

/** How one evidence span mapped onto the raw sentences. */
export interface SpanMapping {
  /** Sentences the span stands in (by the rule of {@link spanSentences}). */
  sentences: number[];
  /** Whether every visible character mapped, onto one unbroken raw slice (whitespace aside). */
  exact: boolean;
}

const visibleLength = (text: string): number => text.replace(/\s+/g, '').length;

/**
 * The raw sentences one evidence span stands in: each sentence with at least half of its visible characters
 * within the span, and always the one holding most of the span.
 * @param mapping - from {@link textMapping}
 * @param span - `[start, end)` in the canonical text
 */
export function spanSentences(mapping: TextMapping, span: { start: number; end: number }): SpanMapping {
  const { map, raw, sentenceStarts } = mapping;
  const counts = new Map<number, number>();
  let mapped = 0;
  let first = -1;
  let last = -1;
  for (let offset = span.start; offset < span.end; offset++) {
    const target = map[offset] ?? -1;
    // Whitespace is laid out anew by cleaning: only visible characters locate a span.
    if (target < 0 || /\s/.test(mapping.canonical[offset]!)) continue;
    mapped++;
    if (first < 0) first = target;
    last = target;
    let low = 0;
    let high = sentenceStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (sentenceStarts[middle]! <= target) low = middle;
      else high = middle - 1;
    }
    counts.set(low, (counts.get(low) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  const chosen = new Set<number>();
  for (const [sentence, count] of counts) {
    if (count > bestCount) {
      best = sentence;
      bestCount = count;
    }
    const end = sentenceStarts[sentence + 1] ?? raw.length;
    if (count * 2 >= visibleLength(raw.slice(sentenceStarts[sentence]!, end))) chosen.add(sentence);
  }
  if (best >= 0) chosen.add(best);
  const exact =
    mapped > 0 &&
    mapped === visibleLength(mapping.canonical.slice(span.start, span.end)) &&
    visibleLength(raw.slice(first, last + 1)) === mapped;
  return { sentences: [...chosen].sort((a, b) => a - b), exact };
}

// ---------------------------------------------------------------------------------------------------------
// Feeding documents as the product receives them

/**
 * A URL line as ECB+ tokenizes it (`http: / / www. example. com / …`): the first line of every `ecbplus`
 * document, the page the text was taken from.
 */
const URL_LINE = /^\s*(?:https?\s*:\s*\/\s*\/|www\s*\.\s*\S)/i;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/**
 * A dateline: a numeric date (`05 / 02 / 2013`, `2012 - 04 - 04`), a clock time (`1: 32 PM`), or a month
 * name beside a day number (`May 3rd, 2013`, `7 July 2012`). A year alone is no date: headlines carry years.
 */
const DATE_PATTERNS: readonly RegExp[] = [
  /\b\d{1,4} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}\b/,
  /\b\d{1,2} ?: ?\d{2}\b/,
  new RegExp(`\\b${MONTH},? \\d{1,2}(?:st|nd|rd|th)?\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH}(?=\\W|$)`, 'i'),
];
/** A dateline is short: a longer line with a date in it is a sentence. */
const DATELINE_MAX_WORDS = 16;
/**
 * A dateline leads with its date or a short label (`Last Updated: Monday, 28 November 2005`, `FOR IMMEDIATE
 * RELEASE July 13, 2009`); a headline ending in a date (`Seacom operations fully restored: 4 November 2011`)
 * is no dateline.
 */
const DATELINE_DATE_WITHIN = 30;
/** Datelines skipped between the URL line and a headline (ECB+ puts the publication date either side of it). */
const MAX_DATELINES = 2;
/** Sentence-final punctuation, closing quotes and brackets after it allowed. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;
/** A line ending mid-sentence (a cut-off lede, a label): no headline. */
const OPEN_END = /[,;:–-]$/;

const wordCount = (line: string): number => line.trim().split(/\s+/).filter(Boolean).length;

/** Whether a line is a publication dateline (`UPDATED 05 / 03 / 2013 at 11: 00 AM EDT`). */
export function isDateline(line: string): boolean {
  const trimmed = line.trim();
  return (
    wordCount(trimmed) <= DATELINE_MAX_WORDS &&
    DATE_PATTERNS.some((pattern) => (pattern.exec(trimmed)?.index ?? Infinity) <= DATELINE_DATE_WITHIN)
  );
}

/**
 * Whether a line reads as a headline: words, no sentence-final punctuation, not ending mid-sentence, not a
 * dateline. Body sentences of ECB+ end in punctuation; the lines that do not are headlines, datelines,
 * standfirsts and the odd cut-off lede, and only the first line of text (see {@link splitHeadline}) is taken.
 */
export function isHeadline(line: string): boolean {
  const trimmed = line.trim();
  return (
    /\p{L}/u.test(trimmed) &&
    wordCount(trimmed) >= 2 &&
    !SENTENCE_END.test(trimmed) &&
    !OPEN_END.test(trimmed) &&
    !isDateline(trimmed)
  );
}

/** Where a document's lines go when it is fed as an article: URL, title and the body's first line. */
export interface HeadlineSplit {
  /** The leading URL line with its tokenizer spaces removed, for {@link ArticleInput.url}. */
  url?: string;
  /** Index of the sentence fed as the title. */
  title?: number;
  /** Index of the body's first sentence: the body is every sentence from there on. */
  bodyStart: number;
}

/**
 * Splits a document's lines the way an input adapter hands a page to crosscheck (`ArticleInput`: metadata
 * apart, "the body text, with metadata lines already removed"). The rule:
 * - a first line that is a URL is the article's `url`, never body;
 * - after it, up to {@link MAX_DATELINES} datelines are skipped, and the next line is the `title` when it
 *   reads as a headline ({@link isHeadline}: no sentence-final punctuation); the skipped datelines are then
 *   metadata and left out, and the body starts after the title;
 * - with no headline there, nothing but the URL line is taken out: datelines stay in the body, where
 *   cleaning deals with them as before.
 * Only lines before the first sentence of text can be a title: a later unpunctuated line (a standfirst, a
 * subhead, a second dateline) stays in the body.
 * @param sentences - the document's lines (ECB+ sentences), in order
 */
export function splitHeadline(sentences: readonly string[]): HeadlineSplit {
  const split: HeadlineSplit = { bodyStart: 0 };
  let next = 0;
  const first = sentences[0];
  if (first !== undefined && URL_LINE.test(first)) {
    split.url = first.replace(/\s+/g, '');
    split.bodyStart = next = 1;
  }
  let candidate = next;
  while (candidate < next + MAX_DATELINES && isDateline(sentences[candidate] ?? '')) candidate++;
  const line = sentences[candidate];
  if (line !== undefined && isHeadline(line)) {
    split.title = candidate;
    split.bodyStart = candidate + 1;
  }
  return split;
}

/**
 * A document as crosscheck receives it: {@link splitHeadline}'s URL and title as metadata, the rest of its
 * lines, joined by newlines, as the body. The title and the body are verbatim lines of the document, in its
 * order, so the Source text (title, blank line, cleaned body) still maps onto the document's sentences.
 * @param document - the document's id and lines
 */
export function articleInputOf(document: Pick<GoldDocument, 'doc' | 'sentences'>): ArticleInput {
  const split = splitHeadline(document.sentences);
  const input: ArticleInput = {
    id: document.doc,
    body: document.sentences.slice(split.bodyStart).join('\n'),
  };
  if (split.url !== undefined) input.url = split.url;
  if (split.title !== undefined) input.title = document.sentences[split.title]!;
  return input;
}

// ---------------------------------------------------------------------------------------------------------
// Cross-event joins

/**
 * ECB+ gives each topic two similar but different real events (the `ecb` and the `ecbplus` story: two
 * earthquakes, two rehab check-ins). Aligned together, as if a clusterer had merged them, any claim joining
 * documents of the two stories reports a fact "by" outlets that covered another event: an error whatever the
 * wording, so the share of such pairs is a precision measure that needs no sentence annotation.
 */
function crossCounts(
  claims: number,
  crossClaims: number,
  pairs: ReadonlySet<string>,
  storyOf: ReadonlyMap<string, string>,
): CrossEventCounts {
  let crossPairs = 0;
  for (const pair of pairs) {
    const [first, second] = parseKey(pair);
    if (storyOf.get(first.doc) !== storyOf.get(second.doc)) crossPairs++;
  }
  return {
    claims,
    crossClaims,
    pairs: pairs.size,
    crossPairs,
    rate: pairs.size === 0 ? 0 : crossPairs / pairs.size,
  };
}

/**
 * Counts a mixed run's claims and pairs and those joining documents of different gold stories.
 * @param groups - each claim's sentences
 * @param storyOf - document → gold story
 * @param universe - sentence keys (`doc#sentence`) that count; other sentences are ignored
 */
export function crossEventCounts(
  groups: readonly (readonly SentenceRef[])[],
  storyOf: ReadonlyMap<string, string>,
  universe: ReadonlySet<string>,
): CrossEventCounts {
  let claims = 0;
  let crossClaims = 0;
  for (const group of groups) {
    const members = group.filter((ref) => universe.has(sentenceKey(ref)));
    if (new Set(members.map((ref) => ref.doc)).size < 2) continue;
    claims++;
    if (new Set(members.map((ref) => storyOf.get(ref.doc))).size > 1) crossClaims++;
  }
  return crossCounts(claims, crossClaims, groupPairs(groups, universe), storyOf);
}

/**
 * Counts the pairs of a pairwise system (no claims) that join documents of different gold stories.
 * @param pairs - predicted pair keys
 * @param storyOf - document → gold story
 */
export function crossEventPairCounts(
  pairs: ReadonlySet<string>,
  storyOf: ReadonlyMap<string, string>,
): CrossEventCounts {
  return crossCounts(0, 0, pairs, storyOf);
}

function addCross(total: CrossEventCounts, part: CrossEventCounts): CrossEventCounts {
  const pairs = total.pairs + part.pairs;
  const crossPairs = total.crossPairs + part.crossPairs;
  return {
    claims: total.claims + part.claims,
    crossClaims: total.crossClaims + part.crossClaims,
    pairs,
    crossPairs,
    rate: pairs === 0 ? 0 : crossPairs / pairs,
  };
}

const EMPTY_CROSS: CrossEventCounts = { claims: 0, crossClaims: 0, pairs: 0, crossPairs: 0, rate: 0 };

// ---------------------------------------------------------------------------------------------------------
// The run

/** Reads every ECB+ document with its gold. */
export function readGoldDocuments(): { documents: GoldDocument[]; annotatedFrom: string; listed: boolean } {
  const list = existsSync(ECBPLUS_SENTENCE_LIST)
    ? parseSentenceList(readFileSync(ECBPLUS_SENTENCE_LIST, 'utf8'))
    : undefined;
  const documents = readEcbplusDocuments().map((entry): GoldDocument => {
    const cromer = readCromer(entry);
    // Sentence indices of the XML index the lines of the text: both must be the same sentences.
    if (sentenceCount(cromer) !== entry.sentences.length || entry.text !== entry.sentences.join('\n')) {
      throw new Error(`${entry.doc}: docs.jsonl and the XML disagree on the sentences`);
    }
    const mentions = crossDocumentMentions(cromer);
    return {
      doc: entry.doc,
      topic: entry.topic,
      story: entry.story,
      sentences: entry.sentences,
      text: entry.text,
      mentions,
      annotated: list?.get(entry.doc) ?? sentencesWithMentions(mentions),
    };
  });
  return {
    documents,
    listed: list !== undefined,
    annotatedFrom:
      list === undefined
        ? 'sentences with a cross-document action mention (corpus list absent)'
        : 'the corpus list',
  };
}

/** One system's pair scores under both gold variants. */
export interface AlignmentGoldRow {
  system: string;
  /** Alignment threshold, for crosscheck's rows. */
  threshold?: number;
  scores: Record<GoldVariant, PairScores>;
}

/** One topic's scores (its two gold stories pooled). */
export interface TopicRow {
  topic: number;
  crosscheck: Record<GoldVariant, PairScores>;
  sharedWords: Record<GoldVariant, PairScores>;
}

/** A class of errors, counted, with a few examples. */
export interface ErrorClass {
  name: string;
  count: number;
  examples: Array<{ first: string; second: string; note: string }>;
}

/** How crosscheck's evidence mapped onto the corpus's sentences. */
export interface MappingStats {
  /** Documents whose Source text is what they were fed unchanged (title, blank line, body; or the body). */
  unchangedTexts: number;
  documents: number;
  evidence: number;
  /** Evidence whose every visible character mapped onto one unbroken raw slice. */
  exact: number;
  /** Evidence standing in two or more raw sentences (crosscheck joined them). */
  multiSentence: number;
  /** Evidence that mapped nowhere. */
  unmapped: number;
  /** Annotated sentences crosscheck's text drops (cleaning removed them): they cannot be aligned. */
  droppedAnnotatedSentences: number;
}

/** How the documents were fed ({@link splitHeadline}). */
export interface FeedingStats {
  /** Documents fed with a title. */
  titled: number;
  /** Documents whose URL line went to `url`. */
  withUrl: number;
  /** Datelines left out because they stood between the URL line and the title. */
  datelinesLeftOut: number;
  /** Annotated sentences fed as a title. */
  annotatedTitles: number;
  /** Annotated sentences fed nowhere (a URL line or a dateline left out). */
  annotatedLeftOut: number;
}

/** Claims and pairs of a mixed run, and those joining documents of different gold stories. */
export interface CrossEventCounts {
  /** Claims with evidence from two documents or more (within the universe counted). */
  claims: number;
  /** Of those, claims with evidence from documents of two gold stories. */
  crossClaims: number;
  /** Predicted pairs (sentences of two documents in one claim). */
  pairs: number;
  /** Of those, pairs whose documents belong to different gold stories: every one is an error. */
  crossPairs: number;
  /** crossPairs / pairs (0 when nothing is predicted). */
  rate: number;
}

/** One system on the mixed runs of every topic: over annotated sentences, and over every sentence. */
export interface CrossEventRow {
  system: string;
  threshold?: number;
  annotated: CrossEventCounts;
  /** Every sentence (baselines: absent, they are defined on annotated sentences). */
  all?: CrossEventCounts;
}

/** One topic's mixed run. */
export interface CrossEventTopic {
  topic: number;
  /** Documents of the `ecb` and the `ecbplus` story. */
  documents: [number, number];
  /** crosscheck at each threshold of {@link CURVE_THRESHOLDS}, over annotated sentences. */
  curve: CrossEventCounts[];
  /** crosscheck at the default threshold over every sentence. */
  allAtDefault: CrossEventCounts;
  /** The shared-words baselines ({@link SHARED_WORDS_BASELINE}+, {@link STRICT_SHARED_WORDS}+) over annotated sentences. */
  sharedWords: [CrossEventCounts, CrossEventCounts];
}

/** Alignment run on both stories of each topic at once, as if a clusterer had merged them. */
export interface CrossEventReport {
  /** Topics with both stories present. */
  topics: number;
  documents: number;
  /** crosscheck at each threshold, then the shared-words baselines. */
  rows: CrossEventRow[];
  perTopic: CrossEventTopic[];
  /** Pairs of sentences from different stories joined at the default threshold, over every sentence. */
  examples: Array<{ first: string; second: string; note: string }>;
}

/** What {@link runAlignmentGold} measured. */
export interface AlignmentGoldReport {
  documents: number;
  stories: number;
  sentences: number;
  annotatedSentences: number;
  annotatedFrom: string;
  goldPairs: Record<GoldVariant, number>;
  /** Gold pairs whose two sentences both survive cleaning: the most crosscheck can find. */
  reachableGoldPairs: Record<GoldVariant, number>;
  /** How documents were split into URL, title and body. */
  feeding: FeedingStats;
  /** Baselines and crosscheck as synthesize runs it. */
  rows: AlignmentGoldRow[];
  /** crosscheck at each threshold of {@link CURVE_THRESHOLDS} (stages called directly). */
  curve: AlignmentGoldRow[];
  perTopic: TopicRow[];
  mapping: MappingStats;
  /**
   * crosscheck's default run scored over a looser universe: every sentence with a cross-document mention
   * of any kind (absent when the corpus list gives the annotated sentences).
   */
  looseUniverse?: { sentences: number; scores: Record<GoldVariant, PairScores> };
  /** Whether synthesize's claims give the same pairs as alignClaims at its default threshold. */
  synthesizeMatchesStages: boolean;
  /** Errors of crosscheck's default run against the event gold. */
  falsePositives: ErrorClass[];
  falseNegatives: ErrorClass[];
  /** Both stories of a topic aligned together: claims joining them are errors. */
  crossEvent: CrossEventReport;
  seconds: number;
}

function parseKey(key: string): [SentenceRef, SentenceRef] {
  const [left, right] = key.split('|') as [string, string];
  const ref = (part: string): SentenceRef => {
    const cut = part.lastIndexOf('#');
    return { doc: part.slice(0, cut), sentence: Number(part.slice(cut + 1)) };
  };
  return [ref(left), ref(right)];
}

function bothVariants(
  predicted: ReadonlySet<string>,
  gold: Record<GoldVariant, Set<string>>,
): Record<GoldVariant, PairScores> {
  return {
    event: pairScores(predicted, gold.event),
    'event+participant': pairScores(predicted, gold['event+participant']),
  };
}

function addBoth(
  total: Record<GoldVariant, PairScores>,
  part: Record<GoldVariant, PairScores>,
): Record<GoldVariant, PairScores> {
  return {
    event: addScores(total.event, part.event),
    'event+participant': addScores(total['event+participant'], part['event+participant']),
  };
}

const emptyBoth = (): Record<GoldVariant, PairScores> => ({
  event: EMPTY_SCORES,
  'event+participant': EMPTY_SCORES,
});

/** Every cross-document pair of annotated sentences. */
function allPairs(documents: readonly GoldDocument[]): Set<string> {
  return groupPairs(
    [
      documents.flatMap((document) =>
        document.annotated.map((sentence) => ({ doc: document.doc, sentence })),
      ),
    ],
    new Set(
      documents.flatMap((document) => document.annotated.map((sentence) => `${document.doc}#${sentence}`)),
    ),
  );
}

/** Annotated sentences of different documents sharing {@link SHARED_WORDS_BASELINE} content terms or more. */
export function sharedWordPairs(
  documents: readonly GoldDocument[],
  minimum = SHARED_WORDS_BASELINE,
): Set<string> {
  const terms = documents.map((document) =>
    document.annotated.map((sentence) => ({
      ref: { doc: document.doc, sentence },
      terms: new Set(contentTerms(tokenize(document.sentences[sentence] ?? ''))),
    })),
  );
  const pairs = new Set<string>();
  for (let left = 0; left < terms.length; left++) {
    for (let right = left + 1; right < terms.length; right++) {
      for (const first of terms[left]!) {
        for (const second of terms[right]!) {
          let shared = 0;
          for (const term of first.terms) if (second.terms.has(term)) shared++;
          if (shared >= minimum) pairs.add(pairKey(first.ref, second.ref));
        }
      }
    }
  }
  return pairs;
}

/** Each document's first sentence of {@link LEAD_MIN_WORDS} words or more, all paired together (when annotated). */
export function leadPairs(documents: readonly GoldDocument[]): Set<string> {
  const leads = documents.flatMap((document) => {
    const sentence = document.sentences.findIndex((text) => text.split(/\s+/).length >= LEAD_MIN_WORDS);
    return sentence < 0 ? [] : [{ doc: document.doc, sentence }];
  });
  return groupPairs(
    [leads],
    new Set(
      documents.flatMap((document) => document.annotated.map((sentence) => `${document.doc}#${sentence}`)),
    ),
  );
}

const shorten = (text: string): string => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

class ErrorCollector {
  private readonly classes = new Map<string, ErrorClass>();
  constructor(names: readonly string[]) {
    for (const name of names) this.classes.set(name, { name, count: 0, examples: [] });
  }
  add(name: string, first: string, second: string, note: string): void {
    const entry = this.classes.get(name)!;
    entry.count++;
    if (entry.examples.length < EXAMPLES_PER_CLASS)
      entry.examples.push({ first: shorten(first), second: shorten(second), note });
  }
  list(): ErrorClass[] {
    return [...this.classes.values()];
  }
}

const FP_CLASSES = [
  'share a participant or place, not the event',
  'share another action (reporting, state, …), not the event',
  'share no annotated instance',
] as const;
const FN_CLASSES = [
  'a sentence dropped by cleaning (or not fed: a URL line, a dateline)',
  'similar enough, kept apart by clustering (one sentence per source, cohesion)',
  'similarity under the threshold',
] as const;

/**
 * Each claim's corpus sentences: its evidence spans laid over the documents' sentences.
 * @param claims - the claims
 * @param mappings - document → its Source text laid over its sentences
 * @param stats - when given, counts how each span mapped
 */
function evidenceGroups(
  claims: readonly Claim[],
  mappings: ReadonlyMap<string, TextMapping>,
  stats?: MappingStats,
): SentenceRef[][] {
  return claims.map((claim) =>
    claim.evidence.flatMap((evidence) => {
      const mapped = spanSentences(mappings.get(evidence.source)!, evidence);
      if (stats !== undefined) {
        stats.evidence++;
        if (mapped.exact) stats.exact++;
        if (mapped.sentences.length > 1) stats.multiSentence++;
        if (mapped.sentences.length === 0) stats.unmapped++;
      }
      return mapped.sentences.map((sentence) => ({ doc: evidence.source, sentence }));
    }),
  );
}

/** Cross-event examples kept: one topic at a time in turn, so that a few topics do not fill the list. */
const CROSS_EVENT_EXAMPLES = 10;

/**
 * Aligns the two stories of every topic together at each threshold of the curve and counts the claims and
 * pairs joining them; the shared-words baselines are counted on the same documents.
 * @param stories - gold story → its documents
 * @param analyzedOf - document → its analysed article (as fed in the per-story runs)
 * @param mappings - document → its Source text laid over its sentences
 */
function runCrossEvent(
  stories: ReadonlyMap<string, GoldDocument[]>,
  analyzedOf: ReadonlyMap<string, AnalyzedArticle>,
  mappings: ReadonlyMap<string, TextMapping>,
): CrossEventReport {
  const topics = new Map<number, GoldDocument[][]>();
  for (const storyDocuments of stories.values()) {
    const topic = storyDocuments[0]!.topic;
    topics.set(topic, [...(topics.get(topic) ?? []), storyDocuments]);
  }
  const curveTotals = CURVE_THRESHOLDS.map(() => ({ annotated: EMPTY_CROSS, all: EMPTY_CROSS }));
  const wordTotals = [EMPTY_CROSS, EMPTY_CROSS];
  const perTopic: CrossEventTopic[] = [];
  const candidates = new Map<number, Array<{ first: string; second: string; note: string }>>();
  let documentCount = 0;
  for (const [topic, halves] of [...topics].sort((a, b) => a[0] - b[0])) {
    if (halves.length < 2) continue;
    // ecb before ecbplus, whichever the file listed first.
    const ordered = [...halves].sort((a, b) => (a[0]!.story < b[0]!.story ? -1 : 1));
    const documents = ordered.flat();
    documentCount += documents.length;
    const storyOf = new Map(documents.map((document) => [document.doc, document.story]));
    const byDoc = new Map(documents.map((document) => [document.doc, document]));
    const annotated = new Set(
      documents.flatMap((document) => document.annotated.map((sentence) => `${document.doc}#${sentence}`)),
    );
    const every = new Set(
      documents.flatMap((document) => document.sentences.map((_, sentence) => `${document.doc}#${sentence}`)),
    );
    const analyzed = documents.map((document) => analyzedOf.get(document.doc)!);
    const entities = mergeEntities(analyzed);
    const row: CrossEventTopic = {
      topic,
      documents: [ordered[0]!.length, ordered[1]!.length],
      curve: [],
      allAtDefault: EMPTY_CROSS,
      sharedWords: [
        crossEventPairCounts(sharedWordPairs(documents), storyOf),
        crossEventPairCounts(sharedWordPairs(documents, STRICT_SHARED_WORDS), storyOf),
      ],
    };
    wordTotals[0] = addCross(wordTotals[0]!, row.sharedWords[0]);
    wordTotals[1] = addCross(wordTotals[1]!, row.sharedWords[1]);
    CURVE_THRESHOLDS.forEach((threshold, index) => {
      const alignment = alignClaims(analyzed, { entities, threshold, ...lexiconOption() });
      const groups = evidenceGroups(alignment.claims, mappings);
      const onAnnotated = crossEventCounts(groups, storyOf, annotated);
      const onEvery = crossEventCounts(groups, storyOf, every);
      row.curve.push(onAnnotated);
      curveTotals[index] = {
        annotated: addCross(curveTotals[index]!.annotated, onAnnotated),
        all: addCross(curveTotals[index]!.all, onEvery),
      };
      if (threshold !== DEFAULT_THRESHOLD) return;
      row.allAtDefault = onEvery;
      const unitsOf = new Map<string, number[]>();
      alignment.units.forEach((unit, unitIndex) => {
        const doc = documents[unit.article]!.doc;
        for (const sentence of spanSentences(mappings.get(doc)!, unit.sentence).sentences) {
          const key = `${doc}#${sentence}`;
          unitsOf.set(key, [...(unitsOf.get(key) ?? []), unitIndex]);
        }
      });
      const textOf = (ref: SentenceRef): string => byDoc.get(ref.doc)?.sentences[ref.sentence] ?? '';
      const instancesOf = (ref: SentenceRef): GoldMention[] =>
        byDoc.get(ref.doc)?.mentions.filter((mention) => mention.sentence === ref.sentence) ?? [];
      const found: Array<{ first: string; second: string; note: string }> = [];
      for (const pair of [...groupPairs(groups, every)].sort()) {
        const [first, second] = parseKey(pair);
        if (storyOf.get(first.doc) === storyOf.get(second.doc)) continue;
        let similarity = 0;
        for (const a of unitsOf.get(sentenceKey(first)) ?? [])
          for (const b of unitsOf.get(sentenceKey(second)) ?? [])
            similarity = Math.max(similarity, alignment.similarity(a, b));
        const rightInstances = new Set(instancesOf(second).map((mention) => mention.instance));
        const shared = [
          ...new Set(
            instancesOf(first)
              .filter((mention) => rightInstances.has(mention.instance))
              .map((mention) => mention.type),
          ),
        ];
        found.push({
          first: shorten(textOf(first)),
          second: shorten(textOf(second)),
          note:
            `${first.doc} / ${second.doc}; similarity ${similarity.toFixed(2)}; ` +
            `${annotated.has(sentenceKey(first)) && annotated.has(sentenceKey(second)) ? 'both annotated' : 'not both annotated'}; ` +
            `shared gold instances: ${shared.join(', ') || 'none'}`,
        });
      }
      candidates.set(topic, found);
    });
    perTopic.push(row);
  }
  const examples: Array<{ first: string; second: string; note: string }> = [];
  for (let round = 0; examples.length < CROSS_EVENT_EXAMPLES; round++) {
    const before = examples.length;
    for (const found of candidates.values()) {
      const example = found[round];
      if (example !== undefined && examples.length < CROSS_EVENT_EXAMPLES) examples.push(example);
    }
    if (examples.length === before) break;
  }
  return {
    topics: perTopic.length,
    documents: documentCount,
    rows: [
      ...CURVE_THRESHOLDS.map((threshold, index) => ({
        system: `crosscheck alignClaims ${threshold.toFixed(2)}`,
        threshold,
        ...curveTotals[index]!,
      })),
      { system: `${SHARED_WORDS_BASELINE}+ shared content words`, annotated: wordTotals[0]! },
      { system: `${STRICT_SHARED_WORDS}+ shared content words`, annotated: wordTotals[1]! },
    ],
    perTopic,
    examples,
  };
}

/** Runs crosscheck on every gold story of ECB+ topics 1–35 and scores its claims against the gold pairs. */
export function runAlignmentGold(): AlignmentGoldReport {
  const started = performance.now();
  const { documents, annotatedFrom, listed } = readGoldDocuments();
  let looseTotal = emptyBoth();
  let looseSentences = 0;
  const stories = new Map<string, GoldDocument[]>();
  for (const document of documents) {
    const list = stories.get(document.story) ?? [];
    list.push(document);
    stories.set(document.story, list);
  }
  const baselineNames = [
    'every pair (all annotated sentences)',
    'lead sentences of all documents',
    `${SHARED_WORDS_BASELINE}+ shared content words`,
    `${STRICT_SHARED_WORDS}+ shared content words`,
    'oracle: gold events as claims, one sentence per document',
  ];
  const baselineTotals = baselineNames.map(() => emptyBoth());
  let defaultTotal = emptyBoth();
  const curveTotals = CURVE_THRESHOLDS.map(() => emptyBoth());
  const goldCount = { event: 0, 'event+participant': 0 };
  const reachable = { event: 0, 'event+participant': 0 };
  const perTopic = new Map<number, TopicRow>();
  const mapping: MappingStats = {
    unchangedTexts: 0,
    documents: documents.length,
    evidence: 0,
    exact: 0,
    multiSentence: 0,
    unmapped: 0,
    droppedAnnotatedSentences: 0,
  };
  const feeding: FeedingStats = {
    titled: 0,
    withUrl: 0,
    datelinesLeftOut: 0,
    annotatedTitles: 0,
    annotatedLeftOut: 0,
  };
  let synthesizeMatchesStages = true;
  const falsePositives = new ErrorCollector(FP_CLASSES);
  const falseNegatives = new ErrorCollector(FN_CLASSES);
  // Kept for the cross-event runs, which align each topic's two stories together.
  const analyzedOf = new Map<string, AnalyzedArticle>();
  const mappings = new Map<string, TextMapping>();

  for (const storyDocuments of [...stories.values()]) {
    const gold = {
      event: goldPairs(storyDocuments, 'event'),
      'event+participant': goldPairs(storyDocuments, 'event+participant'),
    };
    goldCount.event += gold.event.size;
    goldCount['event+participant'] += gold['event+participant'].size;
    const annotated = new Set(
      storyDocuments.flatMap((document) =>
        document.annotated.map((sentence) => `${document.doc}#${sentence}`),
      ),
    );
    const byDoc = new Map(storyDocuments.map((document) => [document.doc, document]));

    const baselines = [
      allPairs(storyDocuments),
      leadPairs(storyDocuments),
      sharedWordPairs(storyDocuments),
      sharedWordPairs(storyDocuments, STRICT_SHARED_WORDS),
      groupPairs(oracleGroups(storyDocuments), annotated),
    ];
    baselines.forEach((pairs, index) => {
      baselineTotals[index] = addBoth(baselineTotals[index]!, bothVariants(pairs, gold));
    });

    const articles: ArticleInput[] = storyDocuments.map((document) => {
      const split = splitHeadline(document.sentences);
      const annotatedHere = new Set(document.annotated);
      if (split.url !== undefined) feeding.withUrl++;
      if (split.title !== undefined) {
        feeding.titled++;
        feeding.datelinesLeftOut += split.title - (split.url === undefined ? 0 : 1);
        if (annotatedHere.has(split.title)) feeding.annotatedTitles++;
      }
      for (let sentence = 0; sentence < split.bodyStart; sentence++)
        if (sentence !== split.title && annotatedHere.has(sentence)) feeding.annotatedLeftOut++;
      return articleInputOf(document);
    });
    const analyzed: AnalyzedArticle[] = articles.map((article) => analyzeArticle(article));
    for (const [index, article] of analyzed.entries()) {
      const document = storyDocuments[index]!;
      const input = articles[index]!;
      const fed = input.title === undefined ? input.body : `${input.title.trim()}\n\n${input.body}`;
      if (article.source.text === fed) mapping.unchangedTexts++;
      mappings.set(document.doc, textMapping(article.source.text, document.sentences));
      analyzedOf.set(document.doc, article);
    }
    const claimGroups = (claims: readonly Claim[], count: boolean): SentenceRef[][] =>
      evidenceGroups(claims, mappings, count ? mapping : undefined);

    // What crosscheck sees of each raw sentence: the alignment units standing in it.
    const entities = mergeEntities(analyzed);
    const base = alignClaims(analyzed, { entities, ...lexiconOption() });
    const unitsOf = new Map<string, number[]>();
    base.units.forEach((unit, index) => {
      const doc = storyDocuments[unit.article]!.doc;
      for (const sentence of spanSentences(mappings.get(doc)!, unit.sentence).sentences) {
        const key = `${doc}#${sentence}`;
        unitsOf.set(key, [...(unitsOf.get(key) ?? []), index]);
      }
    });
    for (const key of annotated) if (!unitsOf.has(key)) mapping.droppedAnnotatedSentences++;
    for (const variant of GOLD_VARIANTS) {
      for (const pair of gold[variant]) {
        const [first, second] = parseKey(pair);
        if (unitsOf.has(sentenceKey(first)) && unitsOf.has(sentenceKey(second))) reachable[variant]++;
      }
    }

    const synthesized = synthesize(articles, lexiconOption());
    const predicted = groupPairs(claimGroups(synthesized.claims, true), annotated);
    const stagePairs = groupPairs(claimGroups(base.claims, false), annotated);
    if (predicted.size !== stagePairs.size || [...predicted].some((pair) => !stagePairs.has(pair)))
      synthesizeMatchesStages = false;
    const scores = bothVariants(predicted, gold);
    if (!listed) {
      const loose = storyDocuments.map((document) => ({
        ...document,
        annotated: sentencesWithMentions(document.mentions, /./),
      }));
      const looseAnnotated = new Set(
        loose.flatMap((document) => document.annotated.map((sentence) => `${document.doc}#${sentence}`)),
      );
      looseSentences += looseAnnotated.size;
      looseTotal = addBoth(
        looseTotal,
        bothVariants(groupPairs(claimGroups(synthesized.claims, false), looseAnnotated), {
          event: goldPairs(loose, 'event'),
          'event+participant': goldPairs(loose, 'event+participant'),
        }),
      );
    }
    defaultTotal = addBoth(defaultTotal, scores);
    const topic = storyDocuments[0]!.topic;
    const row = perTopic.get(topic) ?? { topic, crosscheck: emptyBoth(), sharedWords: emptyBoth() };
    row.crosscheck = addBoth(row.crosscheck, scores);
    row.sharedWords = addBoth(row.sharedWords, bothVariants(baselines[2]!, gold));
    perTopic.set(topic, row);

    CURVE_THRESHOLDS.forEach((threshold, index) => {
      const claims =
        threshold === DEFAULT_THRESHOLD
          ? base.claims
          : alignClaims(analyzed, { entities, threshold, ...lexiconOption() }).claims;
      curveTotals[index] = addBoth(
        curveTotals[index]!,
        bothVariants(groupPairs(claimGroups(claims, false), annotated), gold),
      );
    });

    // Errors of the default run against the event gold.
    const textOf = (ref: SentenceRef): string => byDoc.get(ref.doc)?.sentences[ref.sentence] ?? '';
    const mentionsOf = (ref: SentenceRef): GoldMention[] =>
      byDoc.get(ref.doc)?.mentions.filter((mention) => mention.sentence === ref.sentence) ?? [];
    for (const pair of predicted) {
      if (gold.event.has(pair)) continue;
      const [first, second] = parseKey(pair);
      const left = mentionsOf(first);
      const rightInstances = new Set(mentionsOf(second).map((mention) => mention.instance));
      const shared = left.filter((mention) => rightInstances.has(mention.instance));
      const participant = shared.find((mention) => PARTICIPANT_TYPE.test(mention.type));
      const action = shared.find((mention) => mention.type.includes('ACTION'));
      const name = participant ? FP_CLASSES[0] : action ? FP_CLASSES[1] : FP_CLASSES[2];
      falsePositives.add(
        name,
        textOf(first),
        textOf(second),
        `${first.doc} / ${second.doc}; shared: ${[...new Set(shared.map((mention) => mention.type))].join(', ') || 'none'}`,
      );
    }
    for (const pair of gold.event) {
      if (predicted.has(pair)) continue;
      const [first, second] = parseKey(pair);
      const leftUnits = unitsOf.get(sentenceKey(first));
      const rightUnits = unitsOf.get(sentenceKey(second));
      const note = `${first.doc} / ${second.doc}`;
      if (leftUnits === undefined || rightUnits === undefined) {
        falseNegatives.add(FN_CLASSES[0], textOf(first), textOf(second), note);
        continue;
      }
      let similarity = 0;
      for (const a of leftUnits)
        for (const b of rightUnits) similarity = Math.max(similarity, base.similarity(a, b));
      falseNegatives.add(
        similarity >= DEFAULT_THRESHOLD ? FN_CLASSES[1] : FN_CLASSES[2],
        textOf(first),
        textOf(second),
        `${note}; similarity ${similarity.toFixed(2)}`,
      );
    }
  }

  const crossEvent = runCrossEvent(stories, analyzedOf, mappings);
  const report: AlignmentGoldReport = {
    documents: documents.length,
    stories: stories.size,
    sentences: documents.reduce((sum, document) => sum + document.sentences.length, 0),
    annotatedSentences: documents.reduce((sum, document) => sum + document.annotated.length, 0),
    annotatedFrom,
    goldPairs: goldCount,
    reachableGoldPairs: reachable,
    feeding,
    rows: [
      ...baselineNames.map((system, index) => ({ system, scores: baselineTotals[index]! })),
      {
        system: 'crosscheck (synthesize, default threshold)',
        threshold: DEFAULT_THRESHOLD,
        scores: defaultTotal,
      },
    ],
    curve: CURVE_THRESHOLDS.map((threshold, index) => ({
      system: `crosscheck alignClaims ${threshold.toFixed(2)}`,
      threshold,
      scores: curveTotals[index]!,
    })),
    perTopic: [...perTopic.values()].sort((a, b) => a.topic - b.topic),
    mapping,
    synthesizeMatchesStages,
    falsePositives: falsePositives.list(),
    falseNegatives: falseNegatives.list(),
    crossEvent,
    seconds: 0,
  };
  if (!listed) report.looseUniverse = { sentences: looseSentences, scores: looseTotal };
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function scoreCells(scores: PairScores): Array<string | number> {
  return [
    `${scores.correct} / ${scores.predicted}`,
    scores.precision,
    scores.recall,
    scores.f1,
    scores.documentRecall,
  ];
}

const crossCell = (counts: CrossEventCounts): string => `${counts.crossPairs} / ${counts.pairs}`;

function printCrossEvent(report: AlignmentGoldReport): void {
  const cross = report.crossEvent;
  console.log(
    `\ncross-event: each topic's two stories aligned together (${cross.topics} topics, ${cross.documents} documents); ` +
      'pairs joining documents of different stories / all predicted pairs, beside the within-story event scores:',
  );
  const withinOf = (row: CrossEventRow): PairScores | undefined =>
    (row.threshold === undefined
      ? report.rows.find((candidate) => candidate.system === row.system)
      : report.curve.find((candidate) => candidate.threshold === row.threshold)
    )?.scores.event;
  console.log(
    formatTable(
      [
        'system',
        'within-story P',
        'R',
        'F1',
        'cross pairs (annotated)',
        'cross rate',
        'cross pairs (every sentence)',
        'cross rate',
        'claims joining the stories',
      ],
      cross.rows.map((row) => {
        const within = withinOf(row);
        return [
          row.system,
          within?.precision ?? '',
          within?.recall ?? '',
          within?.f1 ?? '',
          crossCell(row.annotated),
          row.annotated.rate,
          row.all === undefined ? '–' : crossCell(row.all),
          row.all === undefined ? '–' : row.all.rate,
          row.all === undefined ? '–' : `${row.all.crossClaims} / ${row.all.claims}`,
        ];
      }),
      3,
    ),
  );
  console.log(
    '\ncross-event per topic (cross pairs / pairs over annotated sentences; every sentence at 0.33):',
  );
  console.log(
    formatTable(
      [
        'topic',
        'docs ecb+ecbplus',
        ...CURVE_THRESHOLDS.map((threshold) => threshold.toFixed(2)),
        'every sentence 0.33',
        `${SHARED_WORDS_BASELINE}+ words`,
        `${STRICT_SHARED_WORDS}+ words`,
      ],
      cross.perTopic.map((row) => [
        String(row.topic),
        `${row.documents[0]}+${row.documents[1]}`,
        ...row.curve.map(crossCell),
        crossCell(row.allAtDefault),
        crossCell(row.sharedWords[0]),
        crossCell(row.sharedWords[1]),
      ]),
      3,
    ),
  );
  console.log(`\ncross-event joins at ${DEFAULT_THRESHOLD} (every sentence), a few topics in turn:`);
  for (const example of cross.examples)
    console.log(`    · "${example.first}"\n      "${example.second}" (${example.note})`);
}

/** Prints the report as tables: systems, the threshold curve, per topic, mapping checks, cross-event joins and errors. */
export function printAlignmentGold(report: AlignmentGoldReport): void {
  console.log(
    `\n## Claim alignment against ECB+ gold pairs (${report.stories} stories, ${report.documents} documents, ` +
      `${report.annotatedSentences} of ${report.sentences} sentences annotated: ${report.annotatedFrom})`,
  );
  console.log(
    `gold pairs: event ${report.goldPairs.event} (both sentences kept by cleaning: ${report.reachableGoldPairs.event}); ` +
      `event + participant ${report.goldPairs['event+participant']} (${report.reachableGoldPairs['event+participant']})`,
  );
  const feeding = report.feeding;
  console.log(
    `fed as articles: ${feeding.titled} of ${report.documents} documents with a title (${feeding.annotatedTitles} annotated), ` +
      `${feeding.withUrl} URL lines as url, ${feeding.datelinesLeftOut} datelines before a title left out; ` +
      `annotated sentences fed nowhere: ${feeding.annotatedLeftOut}`,
  );
  const header = [
    'system',
    'event: correct / predicted',
    'P',
    'R',
    'F1',
    'doc-pair R',
    'event+participant: correct / predicted',
    'P',
    'R',
    'F1',
    'doc-pair R',
  ];
  const cells = (row: AlignmentGoldRow): Array<string | number> => [
    row.system,
    ...scoreCells(row.scores.event),
    ...scoreCells(row.scores['event+participant']),
  ];
  console.log(formatTable(header, report.rows.map(cells), 3));
  console.log(
    "\nthreshold curve (alignClaims called directly, with the story's merged entities, as synthesize does):",
  );
  console.log(formatTable(header, report.curve.map(cells), 3));
  console.log('\nper topic (crosscheck default; F1 of the shared-words baseline beside it):');
  console.log(
    formatTable(
      [
        'topic',
        'event gold',
        'P',
        'R',
        'F1',
        'words F1',
        'event+participant gold',
        'P',
        'R',
        'F1',
        'words F1',
      ],
      report.perTopic.map((row) => [
        String(row.topic),
        String(row.crosscheck.event.gold),
        row.crosscheck.event.precision,
        row.crosscheck.event.recall,
        row.crosscheck.event.f1,
        row.sharedWords.event.f1,
        String(row.crosscheck['event+participant'].gold),
        row.crosscheck['event+participant'].precision,
        row.crosscheck['event+participant'].recall,
        row.crosscheck['event+participant'].f1,
        row.sharedWords['event+participant'].f1,
      ]),
      3,
    ),
  );
  if (report.looseUniverse !== undefined) {
    const loose = report.looseUniverse.scores;
    console.log(
      `\nover every sentence with a cross-document mention of any kind (${report.looseUniverse.sentences}), crosscheck default: ` +
        `event P ${loose.event.precision.toFixed(3)} R ${loose.event.recall.toFixed(3)} F1 ${loose.event.f1.toFixed(3)}; ` +
        `event+participant P ${loose['event+participant'].precision.toFixed(3)} R ${loose['event+participant'].recall.toFixed(3)} F1 ${loose['event+participant'].f1.toFixed(3)}`,
    );
  }
  const m = report.mapping;
  console.log(
    `\nmapping: ${m.unchangedTexts} of ${m.documents} Source texts equal what they were fed (cleaning removed nothing); ${m.exact} of ${m.evidence} evidence spans ` +
      `map exactly, ${m.multiSentence} cover two or more corpus sentences, ${m.unmapped} map nowhere; ` +
      `${m.droppedAnnotatedSentences} annotated sentences dropped by cleaning; synthesize = alignClaims at 0.33: ${report.synthesizeMatchesStages ? 'yes' : 'NO'}`,
  );
  printCrossEvent(report);
  for (const [title, classes] of [
    ['false positives (event gold)', report.falsePositives],
    ['false negatives (event gold)', report.falseNegatives],
  ] as const) {
    console.log(`\n${title}:`);
    for (const entry of classes) {
      console.log(`- ${entry.name}: ${entry.count}`);
      for (const example of entry.examples)
        console.log(`    · "${example.first}"\n      "${example.second}" (${example.note})`);
    }
  }
  console.log(`(${report.seconds.toFixed(1)} s)`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!alignmentGoldAvailable())
    console.log(`alignment-gold: skipped, ECB+ is absent under ${ECBPLUS_DOCUMENTS}`);
  else printAlignmentGold(runAlignmentGold());
}
