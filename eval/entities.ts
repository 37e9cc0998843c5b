/**
 * Entity merging against gold cross-document coreference: ECB+ (topics 1–35) annotates people
 * (`HUMAN_PART_PER`), organisations (`HUMAN_PART_ORG`) and places (`LOC_*`) with an instance id shared by
 * every mention of one real entity across the documents of a topic. Each gold story (`<topic>_<ecb|ecbplus>`)
 * goes through crosscheck's entity path as `synthesize` runs it (`analyzeArticle` on every document, then
 * `mergeEntities` over the story); every gold mention that is a name is mapped to the crosscheck mention
 * ending on the same head word, and the entities crosscheck gives those mentions are scored against the gold
 * instances (B³ and pairwise), beside string-matching baselines on the same mentions.
 * Run: `tsx eval/run.ts --task entities` once wired, or `tsx eval/entities.ts`.
 * @packageDocumentation
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ClusteringScores, clusteringScores } from '../src/eval/clustering-metrics.js';
import type { AnalyzedArticle, EntityType, Mention } from '../src/model/index.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { mergeEntities } from '../src/stages/entities.js';
import { nameKey } from '../src/stages/entity-names.js';
import { RESULTS_DIRECTORY } from './data-paths.js';
import {
  type CharacterSpan,
  type CromerDocument,
  coreferenceChains,
  ecbplusAvailable,
  instanceDescriptors,
  locateTokens,
  readCromer,
  readEcbplusDocuments,
} from './ecbplus.js';
import { clusteringScoreCells, clusteringScoreHeader, formatTable } from './table.js';

/** The gold entity kinds scored, as crosscheck names them. */
export type GoldKind = 'person' | 'organization' | 'place';

/** The crosscheck entity kind that corresponds to an ECB+ tag, or undefined for tags not scored. */
export function goldKindOf(tag: string): GoldKind | undefined {
  if (tag === 'HUMAN_PART_PER') return 'person';
  if (tag === 'HUMAN_PART_ORG') return 'organization';
  if (tag.startsWith('LOC_')) return 'place';
  return undefined;
}

/**
 * Maps offsets of a raw body onto the canonical text `cleanBody` made of it. Cleaning keeps verbatim slices
 * and only drops removals and rewrites whitespace between slices, so the non-space characters outside the
 * removals, in order, are the canonical text's non-space characters. Returns undefined when they differ.
 * @param raw - the body given to crosscheck
 * @param canonical - the canonical text of the analysed article
 * @param removals - raw ranges cleaning removed
 */
export function rawToCanonical(
  raw: string,
  canonical: string,
  removals: readonly CharacterSpan[],
): ((offset: number) => number | undefined) | undefined {
  const removed = new Uint8Array(raw.length);
  for (const removal of removals) removed.fill(1, removal.start, removal.end);
  const map = new Int32Array(raw.length + 1).fill(-1);
  let position = 0;
  const skipSpace = (): void => {
    while (position < canonical.length && /\s/.test(canonical[position]!)) position++;
  };
  for (let offset = 0; offset < raw.length; offset++) {
    const character = raw[offset]!;
    if (removed[offset] === 1 || /\s/.test(character)) continue;
    skipSpace();
    if (canonical[position] !== character) return undefined;
    map[offset] = position++;
  }
  skipSpace();
  if (position !== canonical.length) return undefined;
  return (offset) => {
    const mapped = map[offset];
    return mapped === undefined || mapped < 0 ? undefined : mapped;
  };
}

/** Words a gold mention may be written with that are no name. */
const PRONOUNS = new Set(
  'i me my mine myself we us our ours ourselves you your yours yourself he him his himself she her hers herself it its itself they them their theirs themselves who whom whose which that this these those one here there'.split(
    ' ',
  ),
);

/** Why a gold mention is or is not kept as a name. */
export type NamedDecision =
  | 'name'
  | 'pronoun'
  | 'lower-case head'
  | 'coordination'
  | 'head capitalised only by position'
  | 'no word';

/** How often a word is capitalised where position does not force it; undefined when never seen there. */
export type CapitalisationRate = (lowerCaseWord: string) => number | undefined;

/** Words after a name that start a post-modifier: "the Betty Ford Center in Rancho Mirage, Calif." */
const POST_MODIFIERS = new Set([
  ',',
  'in',
  'at',
  'near',
  'on',
  'outside',
  'off',
  'along',
  'alongside',
  '(',
  '--',
  '-',
]);
/** Words before the noun phrase of a location mention: "at the", "into". */
const LEADING_WORDS = new Set(
  'at in on to into onto from of by for with near inside outside toward towards across through the a an this that'.split(
    ' ',
  ),
);

const isCapitalised = (word: string): boolean => /^[\p{Lu}\d]/u.test(word);

/**
 * The name core of a gold mention's tokens, as a token index range, and where its noun phrase ends. ECB+
 * location mentions carry a preposition and post-modifiers ("at the Betty Ford Center in Rancho Mirage,
 * Calif"): leading prepositions and determiners are skipped, the phrase is cut at its first post-modifier
 * (and at "of" after a lower-case word: "the Porta Nuova area of Palermo"), and its last word is the head
 * ("Center"; "prison" in "the prison in Huntsville", which is then no name). The core runs from the first
 * capitalised (or digit-initial: "117th Street") word of the phrase to the head.
 * @param words - the mention's tokens
 */
export function nameCore(words: readonly string[]): { first: number; last: number } {
  let lead = 0;
  while (
    lead < words.length - 1 &&
    (LEADING_WORDS.has(words[lead]!.toLowerCase()) || !/[\p{L}\d]/u.test(words[lead]!))
  )
    lead++;
  let last = words.length - 1;
  for (let index = lead + 1; index < words.length; index++) {
    const word = words[index]!.toLowerCase();
    if (POST_MODIFIERS.has(word) || (word === 'of' && !isCapitalised(words[index - 1]!))) {
      last = index - 1;
      break;
    }
  }
  // A possessive or stray punctuation is no head.
  while (last > lead && !/[\p{L}\d]/u.test(words[last]!.replace(/^['’]s?$/u, ''))) last--;
  let first = lead;
  while (first < last && !isCapitalised(words[first]!)) first++;
  return { first: isCapitalised(words[first]!) ? first : lead, last };
}

/**
 * Whether a gold mention is a name, from its words alone (ECB+ has no part-of-speech layer): not a
 * pronoun, and the head of its {@link nameCore} capitalised and capitalised in most of its uses where
 * position does not force a capital: "Tara Reid", "Mr Kim", "Promises Treatment Center" are names; "the
 * actress", "Newport Beach rehabilitation facility" (head "facility"), sentence-initial "Officials" and a
 * title-case headline's "Actress" are not.
 * @param words - the mention's tokens
 * @param rate - capitalisation rate of a lower-cased word in the corpus
 */
export function namedDecision(words: readonly string[], rate: CapitalisationRate): NamedDecision {
  const lettered = words.filter((word) => /\p{L}/u.test(word) && !/^['’]s$/iu.test(word));
  if (lettered.length === 0) return 'no word';
  const bare = (word: string): string => word.toLowerCase().replace(/['’](?:m|s|re|ve|ll|d)$/u, '');
  if (lettered.length === 1 && PRONOUNS.has(bare(lettered[0]!))) return 'pronoun';
  const core = nameCore(words);
  const head = words[core.last] ?? '';
  if (!isCapitalised(head)) return 'lower-case head';
  // "Italy and Egypt", "97th Avenue and 117th Street": two names for one gold place, no single name.
  if (words.slice(core.first, core.last).some((word) => /^(?:and|&|or)$/i.test(word))) return 'coordination';
  const headRate = rate(head.toLowerCase().replace(/['’]s?$/u, ''));
  if (headRate !== undefined && headRate < 0.5) return 'head capitalised only by position';
  return 'name';
}

/** Tokens after which a capital is forced: sentence start is handled by the token's position. */
const OPENERS = new Set(['``', '"', '“', "'", '‘', ':', '(', '-', '--', '—']);

/**
 * Counts, per lower-cased word, how often it is capitalised where position does not force a capital: not
 * first in its sentence, not after an opening quote or colon, and not in a sentence written in title case
 * (headlines, where most words are capitalised).
 * @param sentences - each sentence's tokens
 */
export function capitalisationRates(sentences: readonly (readonly string[])[]): CapitalisationRate {
  const counts = new Map<string, { capitalised: number; total: number }>();
  for (const sentence of sentences) {
    const words = sentence.filter((token) => /^\p{L}/u.test(token));
    const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
    if (words.length >= 3 && capitalised / words.length > 0.6) continue;
    sentence.forEach((token, index) => {
      if (index === 0 || !/^\p{L}/u.test(token) || OPENERS.has(sentence[index - 1] ?? '')) return;
      const entry = counts.get(token.toLowerCase()) ?? { capitalised: 0, total: 0 };
      entry.total++;
      if (/^\p{Lu}/u.test(token)) entry.capitalised++;
      counts.set(token.toLowerCase(), entry);
    });
  }
  return (word) => {
    const entry = counts.get(word);
    return entry === undefined ? undefined : entry.capitalised / entry.total;
  };
}

/** One gold entity mention of a document, in the document's raw (`docs.jsonl`) text. */
export interface GoldMention extends CharacterSpan {
  document: string;
  /**
   * The gold entity: a cross-document instance id, or a document-local id for a within-document chain.
   * Undefined for a markable in no chain: the README warns such mentions (mostly outside the sentences
   * selected for coreference) were not linked, so they carry no coreference gold.
   */
  entity?: string;
  kind: GoldKind;
  tag: string;
  /** The name core ({@link nameCore}); `start` and `end` are its span. */
  text: string;
  /** The whole markable as annotated, post-modifiers included. */
  written: string;
  /** The core's head word, where a name's crosscheck mention must end. */
  head: CharacterSpan;
  decision: NamedDecision;
  /** Whether the gold entity has an instance id shared across documents (a CROSS_DOC_COREF chain). */
  crossDocument: boolean;
}

/**
 * The gold person, organisation and place mentions of one document, each with its gold entity and whether
 * it is a name.
 * @param documentId - the document's id (`1_10ecb`)
 * @param text - the document text crosscheck reads
 * @param cromer - the document's annotation
 * @param rate - capitalisation rates for {@link namedDecision}
 * @returns the mentions and how many could not be placed in the text
 */
export function goldMentions(
  documentId: string,
  text: string,
  cromer: CromerDocument,
  rate: CapitalisationRate,
): { mentions: GoldMention[]; unplaced: number } {
  const spans = locateTokens(
    text,
    cromer.tokens.map((token) => token.text),
  );
  const spanOf = new Map(cromer.tokens.map((token, index) => [token.id, spans[index]]));
  const textOf = new Map(cromer.tokens.map((token) => [token.id, token.text]));
  const chainOf = coreferenceChains(cromer);
  const mentions: GoldMention[] = [];
  let unplaced = 0;
  for (const markable of cromer.markables) {
    const kind = goldKindOf(markable.tag);
    if (kind === undefined) continue;
    const tokenSpans = markable.tokens.map((id) => spanOf.get(id));
    const words = markable.tokens.map((id) => textOf.get(id) ?? '');
    const core = nameCore(words);
    const first = tokenSpans[core.first];
    const headToken = tokenSpans[core.last];
    // A possessive written into the head token ("Lohan's", "Williams'") is not part of the name.
    const possessive = /['’]s?$/u.exec(words[core.last] ?? '')?.[0].length ?? 0;
    const head =
      headToken === undefined
        ? undefined
        : { start: headToken.start, end: Math.max(headToken.start + 1, headToken.end - possessive) };
    const whole = [tokenSpans[0], tokenSpans[tokenSpans.length - 1]];
    if (first === undefined || head === undefined || whole[0] === undefined || whole[1] === undefined) {
      unplaced++;
      continue;
    }
    const chain = chainOf.get(markable.id);
    const crossDocument = chain !== undefined && !chain.startsWith('intra:');
    const mention: GoldMention = {
      document: documentId,
      kind,
      tag: markable.tag,
      start: first.start,
      end: head.end,
      text: text.slice(first.start, head.end),
      written: text.slice(whole[0].start, whole[1].end),
      head,
      decision: namedDecision(words, rate),
      crossDocument,
    };
    if (chain !== undefined) mention.entity = crossDocument ? chain : `${documentId}/${chain}`;
    mentions.push(mention);
  }
  return { mentions, unplaced };
}

/** One document of a gold story as the scorer reads it. */
export interface StoryDocument {
  id: string;
  /** The text crosscheck reads (the body of the article). */
  text: string;
  gold: GoldMention[];
}

/** A gold name and what crosscheck made of it. */
export interface ScoredMention {
  story: string;
  gold: GoldMention;
  /** The crosscheck mention ending on the gold head, if any, in canonical offsets of its source. */
  found?: Mention;
  /** The canonical name of the crosscheck entity the mention belongs to. */
  entity?: string;
  /** Whether the crosscheck mention has exactly the gold mention's boundaries. */
  exact: boolean;
  /** For a name not found: a crosscheck mention over its head that runs past it, or the text there. */
  missedBecause?: string;
}

/** What crosscheck found in one story, beside the gold names. */
export interface StoryOutcome {
  mentions: ScoredMention[];
  /** Crosscheck person/organisation/place mentions in sentences (lines) holding a gold entity mention. */
  predictedInAnnotatedLines: number;
  /** Of those, the ones ending on the head of some gold entity mention (name or not). */
  predictedOnGold: number;
  /** The others, as `document: text [type]`, for reading. */
  predictedOffGold: string[];
  /** Documents whose canonical text could not be aligned with their body (their names count as not found). */
  unaligned: string[];
}

/** Crosscheck mention types that take part in merging (dates and amounts do not name entities scored here). */
const MERGED_TYPES: ReadonlySet<EntityType> = new Set([
  'person',
  'organization',
  'place',
  'product',
  'other',
]);
const ENTITY_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'place']);

/**
 * Runs crosscheck's entity path on one gold story as `synthesize` does (every document through
 * `analyzeArticle`, then `mergeEntities` over all of them) and maps each gold name to the crosscheck mention
 * that ends on its head word and starts at or before it; that mention's entity is the one crosscheck gives it.
 * @param story - the gold story id
 * @param documents - its documents with their gold mentions
 */
export function evaluateStory(story: string, documents: readonly StoryDocument[]): StoryOutcome {
  const analyzed: AnalyzedArticle[] = documents.map((document) =>
    analyzeArticle({ id: document.id, body: document.text }),
  );
  const index = mergeEntities(analyzed);
  const outcome: StoryOutcome = {
    mentions: [],
    predictedInAnnotatedLines: 0,
    predictedOnGold: 0,
    predictedOffGold: [],
    unaligned: [],
  };
  documents.forEach((document, position) => {
    const article = analyzed[position]!;
    const removals = article.diagnostics.flatMap((diagnostic) =>
      diagnostic.code.startsWith('clean-') && diagnostic.start !== undefined && diagnostic.end !== undefined
        ? [{ start: diagnostic.start, end: diagnostic.end }]
        : [],
    );
    const toCanonical = rawToCanonical(document.text, article.source.text, removals);
    const candidates = article.mentions.filter((mention) => MERGED_TYPES.has(mention.type));
    const mapSpan = (span: CharacterSpan): CharacterSpan | undefined => {
      const start = toCanonical?.(span.start);
      const last = toCanonical?.(span.end - 1);
      return start === undefined || last === undefined ? undefined : { start, end: last + 1 };
    };
    if (toCanonical === undefined) outcome.unaligned.push(document.id);
    const goldHeads: CharacterSpan[] = [];
    for (const gold of document.gold) {
      const head = mapSpan(gold.head);
      if (head !== undefined) goldHeads.push(head);
      if (gold.decision !== 'name' || gold.entity === undefined) continue;
      const scored: ScoredMention = { story, gold, exact: false };
      const span = mapSpan(gold);
      const found = head === undefined ? undefined : headMatch(candidates, head);
      if (found !== undefined && span !== undefined) {
        scored.found = found;
        scored.exact = found.start === span.start && found.end === span.end;
        const entity = index.canonicalName(document.id, found.text);
        if (entity !== undefined) scored.entity = entity;
      } else if (head !== undefined) {
        scored.missedBecause = missReason(article.mentions, head);
      }
      outcome.mentions.push(scored);
    }
    // Precision is only definable where annotators looked: lines holding a gold entity mention.
    const lines = new Set(goldHeads.map((head) => lineOf(article.source.text, head.start)));
    for (const mention of article.mentions) {
      if (!ENTITY_TYPES.has(mention.type) || !lines.has(lineOf(article.source.text, mention.start))) continue;
      outcome.predictedInAnnotatedLines++;
      if (goldHeads.some((head) => headMatch([mention], head) !== undefined)) outcome.predictedOnGold++;
      else outcome.predictedOffGold.push(`${document.id}: ${mention.text} [${mention.type}]`);
    }
  });
  return outcome;
}

/** Why no crosscheck mention ends on a gold head: one that runs past it, one of a type not merged, or none. */
function missReason(mentions: readonly Mention[], head: CharacterSpan): string {
  const over = mentions.find((mention) => mention.start < head.end && mention.end > head.start);
  if (over === undefined) return 'no crosscheck mention on the head word';
  if (!MERGED_TYPES.has(over.type)) return `inside a crosscheck ${over.type} mention`;
  return over.end > head.end
    ? 'inside a longer crosscheck mention that runs past the head'
    : 'crosscheck mention ends before the head';
}

/** Where a line starts, identifying it: the documents are one gold sentence a line. */
function lineOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The crosscheck mention that ends on a gold head word (or inside it, for a mention cut before a final
 * dot: "U.S") and starts at or before it; the longest when several do. A mention that runs past the head
 * ("Los Angeles Police Department" for the place "Los Angeles") is another name, not this one.
 * @param mentions - crosscheck mentions of one source
 * @param head - the gold head word in the same source's canonical offsets
 */
export function headMatch(mentions: readonly Mention[], head: CharacterSpan): Mention | undefined {
  let best: Mention | undefined;
  for (const mention of mentions) {
    if (mention.start > head.start || mention.end <= head.start || mention.end > head.end) continue;
    if (best === undefined || mention.end - mention.start > best.end - best.start) best = mention;
  }
  return best;
}

/** Words that make no two names one in the shared-token baseline. */
const FUNCTION_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 's', 'for', 'in', 'at', 'on', 'to', 'de']);

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !FUNCTION_WORDS.has(word));
}

/**
 * Baseline labels: two mentions of one story are one entity when they share a word (function words
 * aside), transitively.
 * @param items - each mention's story and text
 */
export function sharedTokenLabels(items: ReadonlyArray<{ story: string; text: string }>): string[] {
  const parent = items.map((_, position) => position);
  const find = (position: number): number => {
    let root = position;
    while (parent[root] !== root) root = parent[root]!;
    parent[position] = root;
    return root;
  };
  const owner = new Map<string, number>();
  items.forEach((item, position) => {
    for (const word of wordsOf(item.text)) {
      const key = `${item.story}\u0000${word}`;
      const other = owner.get(key);
      if (other === undefined) owner.set(key, position);
      else parent[find(position)] = find(other);
    }
  });
  return items.map((item, position) => `${item.story}\u0000${find(position)}`);
}

/** One clusterer's scores on one set of gold names. */
export interface EntitiesRow {
  /** Which gold names: all, or one kind. */
  subset: 'all' | GoldKind;
  clusterer: string;
  scores: ClusteringScores;
}

/** Mention detection: how many gold names crosscheck found, and how many of its mentions are gold. */
export interface DetectionScores {
  goldNames: number;
  found: number;
  recall: number;
  /** Recall over the names in text that cleaning kept (what the mention tagger could see). */
  keptRecall: number;
  /** Found with exactly the gold boundaries. */
  exact: number;
  /** Found mentions whose crosscheck type is the gold kind. */
  typeAgrees: number;
  /** Crosscheck person/organisation/place mentions in annotated lines, and those on a gold mention's head. */
  predictedInAnnotatedLines: number;
  predictedOnGold: number;
  /** A lower bound: ECB+ annotates only participants of the seminal events, not every name. */
  precision: number;
  /** Found names by the type crosscheck gave them. */
  crosscheckTypes: Record<string, number>;
  /** Names not found, by reason, with up to {@link MISS_EXAMPLES} examples each. */
  missed: Record<string, { count: number; examples: string[] }>;
}

/** The miss reason of a name whose text cleaning dropped (ECB+ headlines and URL lines go as fragments). */
const REMOVED_BY_CLEANING = 'in a line text cleaning removed (headline or URL line taken for a fragment)';

/** How many examples of each miss reason the report keeps. */
const MISS_EXAMPLES = 8;

/** A gold entity crosscheck split, or a crosscheck entity that joins gold entities, for reading. */
export interface EntityError {
  story: string;
  /** For a split: the gold entity; for a merge: the crosscheck entity's name. */
  label: string;
  /** The parts: crosscheck entities of a split gold entity, or gold entities merged into one. */
  parts: Array<{ label: string; forms: string[]; mentions: number }>;
  /** Mention pairs the error costs (missed for a split, wrong for a merge). */
  pairs: number;
  errorClass: string;
}

/** Everything {@link runEntities} measured. */
export interface EntitiesReport {
  stories: number;
  documents: number;
  /** Gold person, organisation and place mentions by decision (`name`, `pronoun`, …). */
  goldDecisions: Record<string, number>;
  /** Examples of kept and dropped gold mentions, per decision. */
  decisionExamples: Record<string, string[]>;
  /** Gold mentions whose tokens could not be placed in the text, and documents whose cleaning could not be aligned. */
  unplaced: number;
  unaligned: string[];
  detection: Record<'all' | GoldKind, DetectionScores>;
  /** A sample of crosscheck mentions in annotated lines that stand on no gold mention (precision errors or unannotated names). */
  predictedOffGold: string[];
  rows: EntitiesRow[];
  splitClasses: Record<string, { entities: number; pairs: number }>;
  mergeClasses: Record<string, { entities: number; pairs: number }>;
  splits: EntityError[];
  merges: EntityError[];
  notes: string[];
  seconds: number;
}

const KINDS: readonly GoldKind[] = ['person', 'organization', 'place'];

/**
 * Detection and coreference scores of crosscheck and the baselines over the gold names of many stories.
 * Coreference is scored on the names crosscheck found (its entities only exist for those), gold entity
 * labels prefixed by story so that no cluster spans two stories on either side.
 * @param outcomes - each story's {@link StoryOutcome}
 */
export function scoreOutcomes(outcomes: readonly StoryOutcome[]): {
  detection: Record<'all' | GoldKind, DetectionScores>;
  rows: EntitiesRow[];
} {
  const mentions = outcomes.flatMap((outcome) => outcome.mentions);
  const predictedInAnnotatedLines = outcomes.reduce(
    (sum, outcome) => sum + outcome.predictedInAnnotatedLines,
    0,
  );
  const predictedOnGold = outcomes.reduce((sum, outcome) => sum + outcome.predictedOnGold, 0);
  const detectionOf = (subset: readonly ScoredMention[], withPrecision: boolean): DetectionScores => {
    const found = subset.filter((mention) => mention.found !== undefined);
    const crosscheckTypes: Record<string, number> = {};
    for (const mention of found) {
      const type = mention.found?.type ?? '';
      crosscheckTypes[type] = (crosscheckTypes[type] ?? 0) + 1;
    }
    const missed: Record<string, { count: number; examples: string[] }> = {};
    for (const mention of subset) {
      if (mention.found !== undefined) continue;
      const reason = mention.missedBecause ?? REMOVED_BY_CLEANING;
      const entry = missed[reason] ?? { count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < MISS_EXAMPLES)
        entry.examples.push(`${mention.gold.document}: ${mention.gold.written}`);
      missed[reason] = entry;
    }
    return {
      goldNames: subset.length,
      found: found.length,
      recall: subset.length === 0 ? 0 : found.length / subset.length,
      keptRecall:
        found.length /
        Math.max(
          1,
          subset.filter((mention) => mention.found !== undefined || mention.missedBecause !== undefined)
            .length,
        ),
      exact: found.filter((mention) => mention.exact).length,
      typeAgrees: found.filter((mention) => mention.found?.type === mention.gold.kind).length,
      predictedInAnnotatedLines: withPrecision ? predictedInAnnotatedLines : 0,
      predictedOnGold: withPrecision ? predictedOnGold : 0,
      precision:
        withPrecision && predictedInAnnotatedLines > 0 ? predictedOnGold / predictedInAnnotatedLines : 0,
      crosscheckTypes,
      missed,
    };
  };
  const detection = {
    all: detectionOf(mentions, true),
    person: detectionOf(
      mentions.filter((mention) => mention.gold.kind === 'person'),
      false,
    ),
    organization: detectionOf(
      mentions.filter((mention) => mention.gold.kind === 'organization'),
      false,
    ),
    place: detectionOf(
      mentions.filter((mention) => mention.gold.kind === 'place'),
      false,
    ),
  };
  const rows: EntitiesRow[] = [];
  for (const subset of ['all', ...KINDS] as const) {
    const pool = mentions.filter((mention) => subset === 'all' || mention.gold.kind === subset);
    const found = pool.filter((mention) => mention.found !== undefined);
    if (found.length === 0) continue;
    const gold = found.map((mention) => `${mention.story}\u0000${mention.gold.entity}`);
    const labelled = (name: string, labels: string[]): void => {
      rows.push({ subset, clusterer: name, scores: clusteringScores(labels, gold) });
    };
    labelled(
      'crosscheck mergeEntities',
      found.map((mention, position) =>
        mention.entity === undefined
          ? `unresolved\u0000${position}`
          : `${mention.story}\u0000${mention.entity}`,
      ),
    );
    labelled(
      'baseline: same folded crosscheck mention (nameKey, no merge rules)',
      found.map((mention) => `${mention.story}\u0000${nameKey(mention.found?.text ?? '').key}`),
    );
    labelled(
      'baseline: same exact gold string',
      found.map((mention) => `${mention.story}\u0000${mention.gold.text}`),
    );
    labelled(
      'baseline: shared word (transitive)',
      sharedTokenLabels(found.map((mention) => ({ story: mention.story, text: mention.gold.text }))),
    );
    labelled(
      'baseline: shared word on crosscheck mention (transitive)',
      sharedTokenLabels(found.map((mention) => ({ story: mention.story, text: mention.found?.text ?? '' }))),
    );
    labelled(
      'baseline: all singletons',
      found.map((_, position) => String(position)),
    );
    // The same baselines on every gold name, found or not: what string matching does with perfect detection.
    const allGold = pool.map((mention) => `${mention.story}\u0000${mention.gold.entity}`);
    rows.push({
      subset,
      clusterer: 'baseline on ALL gold names: same exact gold string',
      scores: clusteringScores(
        pool.map((mention) => `${mention.story}\u0000${mention.gold.text}`),
        allGold,
      ),
    });
    rows.push({
      subset,
      clusterer: 'baseline on ALL gold names: shared word (transitive)',
      scores: clusteringScores(
        sharedTokenLabels(pool.map((mention) => ({ story: mention.story, text: mention.gold.text }))),
        allGold,
      ),
    });
    rows.push({
      subset,
      clusterer: 'crosscheck on ALL gold names (not found = singleton)',
      scores: clusteringScores(
        pool.map((mention, position) =>
          mention.entity === undefined
            ? `missing\u0000${position}`
            : `${mention.story}\u0000${mention.entity}`,
        ),
        allGold,
      ),
    });
  }
  return { detection, rows };
}

function foldedTokens(text: string): string[] {
  return nameKey(text).tokens;
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  return small.length > 0 && small.length < large.length && small.every((token) => large.includes(token));
}

function isAcronymOf(short: string, tokens: readonly string[]): boolean {
  const initials = tokens
    .filter((token) => !/^(?:of|for|the|and|de|on|in)$/.test(token))
    .map((token) => token[0])
    .join('');
  return short.length >= 2 && initials === short;
}

/** Leading words of a longer folded form that the shorter one lacks, when the shorter is its tail. */
function leadingExtra(one: readonly string[], other: readonly string[]): string[] | undefined {
  const [short, long] = one.length < other.length ? [one, other] : [other, one];
  if (short.length === 0 || short.length === long.length) return undefined;
  const offset = long.length - short.length;
  return short.every((token, index) => long[offset + index] === token) ? long.slice(0, offset) : undefined;
}

/** What the merger saw of a found gold name: the folded words of its crosscheck mention. */
function seenTokens(mention: ScoredMention): string[] {
  return foldedTokens(mention.found?.text ?? mention.gold.text);
}

/**
 * Why crosscheck split one gold entity into two of its entities, from the crosscheck mentions on each side
 * (first matching class, most specific first).
 * @param left - found names of one crosscheck entity
 * @param right - found names of the same gold entity in another crosscheck entity
 * @param rate - capitalisation rates, to tell a sentence-initial word swept into a name ("Fired Jim O'Brien")
 */
export function splitClass(left: ScoredMention[], right: ScoredMention[], rate: CapitalisationRate): string {
  const pairs = left.flatMap((one) => right.map((other) => [seenTokens(one), seenTokens(other)] as const));
  const typesOf = (side: ScoredMention[]): Set<string> =>
    new Set(side.map((mention) => mention.found?.type ?? ''));
  const rightTypes = typesOf(right);
  const typeClash = ![...typesOf(left)].some((type) => rightTypes.has(type));
  if (pairs.some(([one, other]) => one.join(' ') === other.join(' ')))
    return 'same folded name, resolved apart';
  const lowerCaseWord = (word: string): boolean => (rate(word) ?? 1) < 0.5;
  if (
    pairs.some(([one, other]) => {
      const extra = leadingExtra(one, other);
      return extra !== undefined && extra.length > 0 && extra.every(lowerCaseWord);
    })
  )
    return 'crosscheck mention starts with a non-name word ("Fired Jim O\'Brien")';
  if (pairs.some(([one, other]) => isSubset(one, other) || isSubset(other, one))) {
    return typeClash
      ? 'short/long form, crosscheck types differ'
      : 'short/long form not linked (several long forms, or not the tail of an organisation)';
  }
  if (
    pairs.some(
      ([one, other]) =>
        (one.length === 1 && isAcronymOf(one[0]!, other)) ||
        (other.length === 1 && isAcronymOf(other[0]!, one)),
    )
  )
    return 'acronym and expansion not linked';
  if (pairs.some(([one, other]) => one.some((token) => other.includes(token))))
    return 'partly shared words (variant spelling or extra words)';
  return 'no shared word (nickname, other name or description)';
}

/**
 * Why crosscheck joined two gold entities into one of its entities (first matching class).
 * @param left - found names of one gold entity
 * @param right - found names of another gold entity in the same crosscheck entity
 * @param rate - capitalisation rates, as {@link splitClass}
 */
export function mergeClass(left: ScoredMention[], right: ScoredMention[], rate: CapitalisationRate): string {
  const pairs = left.flatMap((one) => right.map((other) => [seenTokens(one), seenTokens(other)] as const));
  const kinds = new Set([...left, ...right].map((mention) => mention.gold.kind));
  if (pairs.some(([one, other]) => one.join(' ') === other.join(' '))) {
    return kinds.size > 1
      ? 'same name, different gold kinds (team vs city, clinic vs person)'
      : 'same name, two gold entities (namesakes or annotation split)';
  }
  const lowerCaseWord = (word: string): boolean => (rate(word) ?? 1) < 0.5;
  if (
    pairs.some(([one, other]) => {
      const extra = leadingExtra(one, other);
      return extra !== undefined && extra.length > 0 && extra.every(lowerCaseWord);
    })
  )
    return 'crosscheck mention starts with a non-name word';
  if (pairs.some(([one, other]) => isSubset(one, other) || isSubset(other, one))) {
    return kinds.size > 1
      ? 'short form linked to a longer name of another kind ("Kansas City" in "Kansas City Chiefs")'
      : 'short form linked to the wrong full name (shared surname)';
  }
  if (pairs.some(([one, other]) => one.some((token) => other.includes(token))))
    return 'shared word, linked through a third name';
  return 'no shared word (acronym, descriptor or place alias)';
}

function groupBy<Key, Value>(values: readonly Value[], key: (value: Value) => Key): Map<Key, Value[]> {
  const groups = new Map<Key, Value[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

const pairsOf = (count: number): number => (count * (count - 1)) / 2;

/** The forms of some found names as crosscheck read them, with the gold core after "≠" where it differs. */
function formsOf(mentions: readonly ScoredMention[]): string[] {
  const counts = new Map<string, number>();
  for (const mention of mentions) {
    const seen = mention.found?.text ?? '';
    const form = seen === mention.gold.text ? seen : `${seen} ≠ gold "${mention.gold.text}"`;
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return [...counts]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .map(([form, count]) => (count > 1 ? `${form} ×${count}` : form));
}

/**
 * Split and merge errors of crosscheck's entities on the found gold names, each classed by the forms
 * involved (the class of the largest pair of parts).
 * @param mentions - found gold names with their crosscheck entity
 * @param rate - capitalisation rates, for the classes
 * @param descriptors - gold instance id → annotators' descriptor, for reading
 */
export function entityErrors(
  mentions: readonly ScoredMention[],
  rate: CapitalisationRate,
  descriptors: ReadonlyMap<string, string> = new Map(),
): { splits: EntityError[]; merges: EntityError[] } {
  const found = mentions.filter((mention) => mention.entity !== undefined);
  const splits: EntityError[] = [];
  const merges: EntityError[] = [];
  for (const [story, storyMentions] of groupBy(found, (mention) => mention.story)) {
    for (const [entity, members] of groupBy(storyMentions, (mention) => mention.gold.entity ?? '')) {
      const parts = [...groupBy(members, (mention) => mention.entity ?? '')].sort(
        (left, right) => right[1].length - left[1].length,
      );
      if (parts.length < 2) continue;
      let pairs = pairsOf(members.length);
      for (const [, part] of parts) pairs -= pairsOf(part.length);
      splits.push({
        story,
        label: descriptors.get(entity) ?? entity,
        parts: parts.map(([label, part]) => ({ label, forms: formsOf(part), mentions: part.length })),
        pairs,
        errorClass: splitClass(parts[0]![1], parts[1]![1], rate),
      });
    }
    for (const [entity, members] of groupBy(storyMentions, (mention) => mention.entity ?? '')) {
      const parts = [...groupBy(members, (mention) => mention.gold.entity ?? '')].sort(
        (left, right) => right[1].length - left[1].length,
      );
      if (parts.length < 2) continue;
      let pairs = pairsOf(members.length);
      for (const [, part] of parts) pairs -= pairsOf(part.length);
      merges.push({
        story,
        label: entity,
        parts: parts.map(([label, part]) => ({
          label: `${descriptors.get(label) ?? label} (${part[0]!.gold.tag})`,
          forms: formsOf(part),
          mentions: part.length,
        })),
        pairs,
        errorClass: mergeClass(parts[0]![1], parts[1]![1], rate),
      });
    }
  }
  const byCost = (left: EntityError, right: EntityError): number =>
    right.pairs - left.pairs ||
    left.story.localeCompare(right.story) ||
    left.label.localeCompare(right.label);
  return { splits: splits.sort(byCost), merges: merges.sort(byCost) };
}

function tally(errors: readonly EntityError[]): Record<string, { entities: number; pairs: number }> {
  const classes: Record<string, { entities: number; pairs: number }> = {};
  for (const error of errors) {
    const entry = classes[error.errorClass] ?? { entities: 0, pairs: 0 };
    entry.entities++;
    entry.pairs += error.pairs;
    classes[error.errorClass] = entry;
  }
  return classes;
}

/** Whether the ECB+ documents and their XML are present. */
export function entitiesAvailable(): boolean {
  return ecbplusAvailable();
}

/** How many examples of each gold-mention decision the report keeps. */
const DECISION_EXAMPLES = 12;

/** Scores crosscheck's entity merging on every ECB+ story: detection, coreference, baselines and errors. */
export function runEntities(): EntitiesReport {
  const started = performance.now();
  const documents = readEcbplusDocuments();
  const cromer = new Map<string, CromerDocument>();
  for (const document of documents) cromer.set(document.doc, readCromer(document));
  const sentences: string[][] = [];
  for (const annotation of cromer.values()) {
    for (const group of groupBy(annotation.tokens, (token) => token.sentence).values())
      sentences.push(group.map((token) => token.text));
  }
  const rate = capitalisationRates(sentences);
  const descriptors = new Map<string, string>();
  for (const annotation of cromer.values())
    for (const [instance, descriptor] of instanceDescriptors(annotation))
      descriptors.set(instance, descriptor);

  const goldDecisions: Record<string, number> = {};
  const decisionExamples: Record<string, string[]> = {};
  let unplaced = 0;
  const outcomes: StoryOutcome[] = [];
  const stories = groupBy(documents, (document) => document.story);
  for (const [story, members] of [...stories].sort((left, right) => left[0].localeCompare(right[0]))) {
    const storyDocuments: StoryDocument[] = members.map((document) => {
      const annotation = cromer.get(document.doc)!;
      const gold = goldMentions(document.doc, document.text, annotation, rate);
      unplaced += gold.unplaced;
      for (const mention of gold.mentions) {
        const key = `${mention.kind}: ${mention.entity === undefined ? 'in no chain (not scored)' : mention.decision}`;
        goldDecisions[key] = (goldDecisions[key] ?? 0) + 1;
        const examples = decisionExamples[mention.decision] ?? [];
        if (examples.length < DECISION_EXAMPLES && !examples.includes(mention.text))
          examples.push(mention.text);
        decisionExamples[mention.decision] = examples;
      }
      return { id: document.doc, text: document.text, gold: gold.mentions };
    });
    outcomes.push(evaluateStory(story, storyDocuments));
  }
  const { detection, rows } = scoreOutcomes(outcomes);
  const mentions = outcomes.flatMap((outcome) => outcome.mentions);
  const { splits, merges } = entityErrors(mentions, rate, descriptors);
  const crossDocumentNames = mentions.filter((mention) => mention.gold.crossDocument).length;
  return {
    stories: stories.size,
    documents: documents.length,
    goldDecisions,
    decisionExamples,
    unplaced,
    unaligned: outcomes.flatMap((outcome) => outcome.unaligned),
    detection,
    predictedOffGold: outcomes
      .flatMap((outcome) => outcome.predictedOffGold)
      .filter((_, position) => position % 25 === 0),
    rows,
    splitClasses: tally(splits),
    mergeClasses: tally(merges),
    splits,
    merges,
    notes: [
      'gold entity = CROSS_DOC_COREF instance id; INTRA_DOC_COREF chains are document-local entities; markables in no chain carry no coreference gold and are not scored (the sentence selection file ECBplus_coreference_sentences.csv is not in ../shared)',
      `${crossDocumentNames} of ${mentions.length} gold names belong to a cross-document instance`,
      'HUMAN_PART_GPE, HUMAN_PART_GENERIC, HUMAN_PART_VEH, HUMAN_PART_MET and NON_HUMAN_PART are not scored',
      'a gold name is its name core (leading prepositions and determiners and post-modifiers cut) with a capitalised head that is usually capitalised mid-sentence; it is found when a crosscheck mention ends on that head and starts at or before it',
      'precision counts crosscheck person/organisation/place mentions in lines holding a gold entity mention; ECB+ annotates only event participants, so it is a lower bound',
      'coreference rows score only found names (crosscheck gives unfound ones no entity), except the ALL rows',
    ],
    seconds: (performance.now() - started) / 1000,
  };
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;

function printErrors(title: string, errors: readonly EntityError[], count: number): void {
  console.log(
    `\n${title} (${errors.length} in all; the ${Math.min(count, errors.length)} costing most pairs)`,
  );
  for (const error of errors.slice(0, count)) {
    console.log(`- [${error.story}] ${error.label}: ${error.pairs} pairs, ${error.errorClass}`);
    for (const part of error.parts) console.log(`    ${part.label}: ${part.forms.join(' | ')}`);
  }
}

/** Prints the detection table, the coreference table, the error classes and the worst errors. */
export function printEntities(report: EntitiesReport): void {
  console.log(
    `\n## Entity merging on ECB+ topics 1-35 (${report.stories} gold stories, ${report.documents} documents; gold = cross-document instance ids)`,
  );
  console.log(
    `gold person/organisation/place mentions: ${Object.entries(report.goldDecisions)
      .sort()
      .map(([key, count]) => `${key} ${count}`)
      .join(
        ', ',
      )}; not placed in the text: ${report.unplaced}; documents not aligned after cleaning: ${report.unaligned.length}`,
  );
  console.log(
    formatTable(
      [
        'gold kind',
        'gold names',
        'found',
        'recall',
        'recall in kept text',
        'exact span',
        'type agrees',
        'precision (lower bound)',
      ],
      (['all', ...KINDS] as const).map((kind) => {
        const scores = report.detection[kind];
        return [
          kind,
          String(scores.goldNames),
          String(scores.found),
          scores.recall,
          scores.keptRecall,
          percent(scores.exact, scores.found),
          percent(scores.typeAgrees, scores.found),
          kind === 'all'
            ? `${scores.precision.toFixed(3)} (${scores.predictedOnGold}/${scores.predictedInAnnotatedLines})`
            : '',
        ];
      }),
      3,
    ),
  );
  for (const kind of ['all', ...KINDS] as const) {
    const scores = report.detection[kind];
    if (kind !== 'all')
      console.log(
        `${kind}: crosscheck types of found names ${Object.entries(scores.crosscheckTypes)
          .sort((left, right) => right[1] - left[1])
          .map(([type, count]) => `${type} ${count}`)
          .join(', ')}`,
      );
  }
  console.log('not found, by reason:');
  for (const [reason, entry] of Object.entries(report.detection.all.missed).sort(
    (left, right) => right[1].count - left[1].count,
  ))
    console.log(`- ${reason}: ${entry.count} (e.g. ${entry.examples.slice(0, 5).join('; ')})`);
  console.log(
    `crosscheck mentions on no gold mention (every 25th): ${report.predictedOffGold.slice(0, 20).join('; ')}`,
  );
  console.log('');
  console.log(
    formatTable(
      clusteringScoreHeader('gold kind', 'mentions'),
      report.rows.map((row) => clusteringScoreCells(row.subset, row.clusterer, row.scores)),
      3,
    ),
  );
  const classTable = (classes: Record<string, { entities: number; pairs: number }>): string =>
    formatTable(
      ['class', 'entities', 'mention pairs'],
      Object.entries(classes)
        .sort((left, right) => right[1].pairs - left[1].pairs)
        .map(([name, entry]) => [name, entry.entities, entry.pairs]),
      0,
    );
  console.log('\nSplit gold entities by class (pairs = same-entity mention pairs crosscheck keeps apart):');
  console.log(classTable(report.splitClasses));
  console.log('\nMerged gold entities by class (pairs = different-entity mention pairs crosscheck joins):');
  console.log(classTable(report.mergeClasses));
  printErrors('Wrongly split gold entities', report.splits, 20);
  printErrors('Wrongly merged crosscheck entities', report.merges, 20);
  for (const note of report.notes) console.log(`note: ${note}`);
  console.log(`(${report.seconds.toFixed(1)} s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!entitiesAvailable())
    console.log('\n## Entities: skipped, ECB+ is absent under ../shared/data/ecbplus');
  else {
    const report = runEntities();
    printEntities(report);
    mkdirSync(RESULTS_DIRECTORY, { recursive: true });
    const file = path.join(RESULTS_DIRECTORY, 'entities.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
