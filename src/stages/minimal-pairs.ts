import type {
  AnalyzedArticle,
  Conflict,
  ConflictPosition,
  EntityIndex,
  Evidence,
  Token,
} from '../model/index.js';
import { STOPWORDS } from '../text/stopwords.js';

/**
 * Minimal pairs: two outlets' sentences that say the same thing word for word but for one short stretch,
 * where each gives a different name, direction, colour or side ("Kristen Stewart" / "Kristen Bell",
 * "east of Aden" / "west of Aden", "Commander" / "Commodore"). Lightly edited copies of one report and
 * close paraphrases are where such changes show, and the words they share pin the slot down exactly,
 * so no slot reader is needed. Written by hand: a word diff over token sequences, small enough that a
 * library would cost more than it saves.
 */

/** Sentences share at least this share of their content words (of the shorter one) to be compared. */
const MIN_SHARED = 0.6;
/** And at least this many content words. */
const MIN_SHARED_WORDS = 5;
/** A changed stretch is at most this many words on each side. */
const MAX_CHANGE = 3;
/** Content words of its own each sentence of a minimal pair may have. */
const MAX_OWN_WORDS = 4;
/** Sentences longer than this many words are not diffed (the cost grows with the product of lengths). */
const MAX_WORDS = 80;

/** Closed classes whose members exclude each other: two of one class in one place are two claims. */
const CLASSES: ReadonlyArray<ReadonlySet<string>> = [
  ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'],
  ['northern', 'southern', 'eastern', 'western'],
  ['silver', 'grey', 'gray', 'black', 'white', 'red', 'blue', 'green', 'yellow', 'brown', 'gold', 'maroon'],
  ['into', 'out'],
  ['before', 'after'],
  ['inside', 'outside'],
  ['husband', 'wife', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'bystander'],
  ['commander', 'commodore', 'captain', 'lieutenant', 'admiral', 'sergeant', 'colonel', 'general', 'major'],
  ['ceo', 'coo', 'cfo', 'chairman', 'president'],
].map((words) => new Set(words));

/** One changed stretch between two sentences. */
interface Change {
  left: string;
  right: string;
  /** The changed tokens on each side. */
  leftTokens: Token[];
  rightTokens: Token[];
  /** The shared words right before and after the change, which name the slot. */
  before: string;
  after: string;
}

function words(article: AnalyzedArticle, sentenceIndex: number): Token[] {
  const sentence = article.segmentation.sentences[sentenceIndex]!;
  return article.segmentation.tokens
    .slice(sentence.tokenStart, sentence.tokenEnd)
    .filter((token) => token.kind === 'word' || token.kind === 'number');
}

function contentSet(tokens: readonly Token[]): Set<string> {
  return new Set(
    tokens.map((token) => token.normal).filter((word) => word.length > 2 && !STOPWORDS.has(word)),
  );
}

/** The stretches where two token sequences differ, by a longest-common-subsequence alignment. */
function changes(left: readonly Token[], right: readonly Token[]): Change[] {
  const rows = left.length;
  const columns = right.length;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let row = rows - 1; row >= 0; row--)
    for (let column = columns - 1; column >= 0; column--)
      table[row]![column] =
        left[row]!.normal === right[column]!.normal
          ? table[row + 1]![column + 1]! + 1
          : Math.max(table[row + 1]![column]!, table[row]![column + 1]!);
  const found: Change[] = [];
  let row = 0;
  let column = 0;
  let previous = '';
  while (row < rows || column < columns) {
    if (row < rows && column < columns && left[row]!.normal === right[column]!.normal) {
      previous = left[row]!.normal;
      row++;
      column++;
      continue;
    }
    const leftStart = row;
    const rightStart = column;
    while (
      (row < rows || column < columns) &&
      !(row < rows && column < columns && left[row]!.normal === right[column]!.normal)
    ) {
      if (column >= columns || (row < rows && table[row + 1]![column]! >= table[row]![column + 1]!)) row++;
      else column++;
    }
    found.push({
      leftTokens: left.slice(leftStart, row),
      rightTokens: right.slice(rightStart, column),
      left: left
        .slice(leftStart, row)
        .map((token) => token.text)
        .join(' '),
      right: right
        .slice(rightStart, column)
        .map((token) => token.text)
        .join(' '),
      before: previous,
      after: row < rows ? left[row]!.normal : '',
    });
  }
  return found;
}

function isName(stretch: string): boolean {
  const parts = stretch.split(' ');
  return parts.length > 0 && parts.every((word) => /^\p{Lu}/u.test(word));
}

function classOf(stretch: string): number {
  const word = stretch.toLowerCase();
  return CLASSES.findIndex((members) => members.has(word));
}

/** What {@link contrasting} asks of the two sentences: their first word, and whether a stretch names an entity. */
interface PairContext {
  sameEntity: (left: string, right: string) => boolean;
  /** The entity mention that holds a stretch, if one does. */
  named: (tokens: readonly Token[], side: 'left' | 'right') => string | undefined;
  opening: (token: Token, side: 'left' | 'right') => boolean;
}

/** Whether a change is one of a name, or of members of one closed class, on both sides. */
function contrasting(change: Change, context: PairContext): boolean {
  const { left, right } = change;
  if (left === '' || right === '') return false;
  if (left.split(' ').length > MAX_CHANGE || right.split(' ').length > MAX_CHANGE) return false;
  const leftClass = classOf(left);
  if (leftClass >= 0)
    return leftClass === classOf(right) && exclusive(left.toLowerCase(), right.toLowerCase());
  if (!isName(left) || !isName(right)) return false;
  // "He" for "Nichols", "But" for "Some": a capital that opens a sentence or a function word is no name.
  for (const [tokens, side] of [
    [change.leftTokens, 'left'],
    [change.rightTokens, 'right'],
  ] as const) {
    if (tokens.some((token) => STOPWORDS.has(token.normal) || context.opening(token, side))) return false;
    if (context.named(tokens, side) === undefined) return false;
  }
  const sameEntity = context.sameEntity;
  // "Mr Kim" and "Kim Jong Un", "Aden" and "the Gulf of Aden": one name written twice ways.
  const lower = (text: string): string => text.toLowerCase();
  if (lower(left).includes(lower(right)) || lower(right).includes(lower(left))) return false;
  return !sameEntity(left, right);
}

function evidenceOf(article: AnalyzedArticle, sentenceIndex: number): Evidence {
  const sentence = article.segmentation.sentences[sentenceIndex]!;
  return { source: article.source.id, start: sentence.start, end: sentence.end, text: sentence.text };
}

/** Classes whose members are compared in their own few words of context, outside minimal pairs. */
// "checks into" and "checks out of" a clinic are two steps of one story: sides are left to minimal pairs.
const LOCAL_CLASSES: ReadonlySet<number> = new Set([0, 1, 2]);
/** Compass bearings: two directions less than a right angle apart may both describe one place. */
const BEARINGS: Readonly<Record<string, number>> = {
  north: 0,
  northeast: 45,
  east: 90,
  southeast: 135,
  south: 180,
  southwest: 225,
  west: 270,
  northwest: 315,
  northern: 0,
  eastern: 90,
  southern: 180,
  western: 270,
};

/** Whether two words of one class exclude each other: any two colours, directions a right angle apart. */
function exclusive(first: string, second: string): boolean {
  const spelling = (word: string): string => (word === 'gray' ? 'grey' : word);
  if (spelling(first) === spelling(second)) return false;
  const left = BEARINGS[first];
  const right = BEARINGS[second];
  if (left === undefined || right === undefined) return first !== second;
  const apart = Math.abs(left - right) % 360;
  return Math.min(apart, 360 - apart) >= 90;
}
/** Context words either side of a class word. */
const LOCAL_WINDOW = 3;
/** Context words two occurrences share to be read as one slot. */
const LOCAL_SHARED = 2;

/**
 * "150 nautical miles west of Aden" and "150 nautical miles east of Aden", "walking into the store" and
 * "walking out of the store": members of one closed class in the same few words, in two outlets.
 */
function localContrasts(articles: readonly AnalyzedArticle[]): Conflict[] {
  interface Occurrence {
    article: AnalyzedArticle;
    sentence: number;
    word: string;
    group: number;
    context: Set<string>;
  }
  const occurrences: Occurrence[] = [];
  for (const article of articles)
    for (const sentence of article.segmentation.sentences) {
      const tokens = words(article, sentence.index);
      tokens.forEach((token, index) => {
        const group = classOf(token.normal);
        if (group < 0 || !LOCAL_CLASSES.has(group)) return;
        // "North Korea", "South Ozone Park": a capitalised direction is part of a name.
        if (/^\p{Lu}/u.test(token.text)) return;
        const context = new Set<string>();
        for (const other of [
          ...tokens.slice(Math.max(0, index - LOCAL_WINDOW), index),
          ...tokens.slice(index + 1, index + 1 + LOCAL_WINDOW),
        ])
          if (!STOPWORDS.has(other.normal) && classOf(other.normal) < 0) context.add(other.normal);
        occurrences.push({ article, sentence: sentence.index, word: token.normal, group, context });
      });
    }
  const conflicts: Conflict[] = [];
  const used = new Set<Occurrence>();
  for (const [index, first] of occurrences.entries()) {
    if (used.has(first)) continue;
    const slot = occurrences.slice(index).filter((other) => {
      if (other.group !== first.group || used.has(other)) return false;
      let shared = 0;
      for (const word of other.context) if (first.context.has(word)) shared++;
      return shared >= LOCAL_SHARED;
    });
    const values = [...new Set(slot.map((item) => item.word))];
    if (!values.some((value, at) => values.slice(at + 1).some((other) => exclusive(value, other)))) continue;
    const positions = new Map<string, ConflictPosition>();
    for (const item of slot) {
      used.add(item);
      const position = positions.get(item.word) ?? { value: item.word, sources: [], evidence: [] };
      positions.set(item.word, position);
      const evidence = evidenceOf(item.article, item.sentence);
      if (!position.sources.includes(evidence.source)) position.sources.push(evidence.source);
      if (
        !position.evidence.some((other) => other.source === evidence.source && other.start === evidence.start)
      )
        position.evidence.push(evidence);
    }
    const list = [...positions.values()];
    const sources = list.flatMap((position) => position.sources);
    // One outlet giving both ("north and south of the river") describes two things.
    if (new Set(sources).size !== sources.length) continue;
    conflicts.push({ kind: 'name', topic: [...first.context].join(' '), positions: list });
  }
  return conflicts;
}

/**
 * Name conflicts read from minimal pairs of sentences across sources.
 * Needs: analysed articles and merged entities. Adds: `name` conflicts whose positions cite both sentences.
 * @param articles - the story's analysed articles
 * @param entities - merged entities, so that two names of one entity are never a conflict
 */
export function minimalPairConflicts(
  articles: readonly AnalyzedArticle[],
  entities: EntityIndex,
): Conflict[] {
  interface Entry {
    article: AnalyzedArticle;
    sentence: number;
    tokens: Token[];
    content: Set<string>;
    /** The sentence's words, for telling exact copies apart at once. */
    key: string;
  }
  const entries: Entry[] = [];
  for (const article of articles)
    for (const sentence of article.segmentation.sentences) {
      const tokens = words(article, sentence.index);
      if (tokens.length < MIN_SHARED_WORDS || tokens.length > MAX_WORDS) continue;
      entries.push({
        article,
        sentence: sentence.index,
        tokens,
        content: contentSet(tokens),
        key: tokens.map((token) => token.normal).join(' '),
      });
    }
  // Candidates share rare words: an inverted index keeps the pairs to those that could meet the bar.
  const postings = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const word of entry.content) {
      const list = postings.get(word) ?? [];
      list.push(index);
      postings.set(word, list);
    }
  });
  // Shared words are counted per sentence in a flat array, not in a map of every pair: in a story of 100
  // articles most pairs share one or two words, and a map of them all cost more than the rest of the stage.
  const counts = new Int32Array(entries.length);
  const touched: number[] = [];
  const pairs: Array<[number, number, number]> = [];
  entries.forEach((entry, a) => {
    for (const word of entry.content) {
      const list = postings.get(word)!;
      if (list.length > 60) continue;
      for (const b of list) {
        if (b <= a || entries[b]!.article === entry.article) continue;
        if (counts[b] === 0) touched.push(b);
        counts[b]!++;
      }
    }
    touched.sort((left, right) => left - right);
    for (const b of touched) {
      if (counts[b]! >= MIN_SHARED_WORDS) pairs.push([a, b, counts[b]!]);
      counts[b] = 0;
    }
    touched.length = 0;
  });
  const bySlot = new Map<string, { topic: string; positions: Map<string, ConflictPosition> }>();
  for (const [firstIndex, secondIndex, count] of pairs) {
    const first = entries[firstIndex]!;
    const second = entries[secondIndex]!;
    if (count < MIN_SHARED * Math.min(first.content.size, second.content.size)) continue;
    // Copies word for word, the most common pair in a story of reprints, differ nowhere; sentences with
    // more words of their own than a few changes could hold are paraphrases, not minimal pairs.
    if (first.key === second.key) continue;
    if (first.content.size - count > MAX_OWN_WORDS || second.content.size - count > MAX_OWN_WORDS) continue;
    const found = changes(first.tokens, second.tokens).filter(
      (change) => change.left !== '' || change.right !== '',
    );
    const context: PairContext = {
      sameEntity: (left, right) => {
        const leftName = entities.canonicalName(first.article.source.id, left);
        const rightName = entities.canonicalName(second.article.source.id, right);
        return leftName !== undefined && leftName === rightName;
      },
      named: (tokens, side) => {
        const article = (side === 'left' ? first : second).article;
        const start = tokens[0]!.start;
        const end = tokens.at(-1)!.end;
        return article.mentions.find(
          (mention) =>
            mention.start <= start &&
            end <= mention.end &&
            (mention.type === 'person' || mention.type === 'organization' || mention.type === 'place'),
        )?.text;
      },
      opening: (token, side) => (side === 'left' ? first : second).tokens[0] === token,
    };
    const contrasts = found.filter((change) => contrasting(change, context));
    // A pair that differs in many places is a paraphrase, whose changes are wording, not claims.
    if (contrasts.length !== 1 || found.length > 3) continue;
    const change = contrasts[0]!;
    const slotKey = `${change.before}|${change.after}`;
    const slot = bySlot.get(slotKey) ?? {
      topic: `${change.before} … ${change.after}`.trim(),
      positions: new Map<string, ConflictPosition>(),
    };
    bySlot.set(slotKey, slot);
    // A changed family name is reported as the whole name it stands in ("Kristen Stewart").
    const shownValue = (tokens: readonly Token[], side: 'left' | 'right', written: string): string =>
      classOf(written) >= 0 ? written : (context.named(tokens, side) ?? written);
    for (const [value, entry] of [
      [shownValue(change.leftTokens, 'left', change.left), first],
      [shownValue(change.rightTokens, 'right', change.right), second],
    ] as const) {
      const position = slot.positions.get(value.toLowerCase()) ?? { value, sources: [], evidence: [] };
      slot.positions.set(value.toLowerCase(), position);
      const evidence = evidenceOf(entry.article, entry.sentence);
      if (!position.sources.includes(evidence.source)) position.sources.push(evidence.source);
      if (!position.evidence.some((item) => item.source === evidence.source && item.start === evidence.start))
        position.evidence.push(evidence);
    }
  }
  const conflicts: Conflict[] = [];
  for (const { topic, positions } of bySlot.values()) {
    const list = [...positions.values()];
    // A source on both sides gives both names: the slot holds two things, not a dispute.
    const sources = list.flatMap((position) => position.sources);
    if (new Set(sources).size !== sources.length || list.length < 2) continue;
    conflicts.push({ kind: 'name', topic, positions: list });
  }
  const named = new Set(
    conflicts.flatMap((conflict) => conflict.positions.flatMap((position) => position.evidence)),
  );
  for (const conflict of localContrasts(articles)) {
    // A change a minimal pair already reports is not reported twice.
    const evidence = conflict.positions.flatMap((position) => position.evidence);
    if (
      evidence.every((item) =>
        [...named].some((other) => other.source === item.source && other.start === item.start),
      )
    )
      continue;
    conflicts.push(conflict);
  }
  return conflicts;
}
