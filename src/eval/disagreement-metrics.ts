/**
 * Scores reported conflicts and updates against disagreements annotated by hand, with the matching rule
 * of the annotation guideline (`shared/annotation/disagreements.md`): a gold item is found when one
 * reported entry has two different positions whose evidence comes from documents of two different gold
 * positions, each passage overlapping that document's quoted sentence (one contains the other, or they
 * share at least 60% of the shorter one's words). A reported entry is correct when it matches some gold
 * item. Written by hand: the rule is the project's own.
 * @packageDocumentation
 */
import type { ConflictKind } from '../model/index.js';

/** What a gold item says happened between the documents. */
export type GoldDisagreementType = 'conflict' | 'update' | 'conflict-or-update';

/** One group of documents giving one value, with the sentence each states it in. */
export interface GoldPosition {
  value: string;
  docs: string[];
  /** Document id → the full sentence, copied character for character. */
  quotes: Record<string, string>;
}

/** One annotated disagreement. */
export interface GoldDisagreement {
  kind: ConflictKind;
  type: GoldDisagreementType;
  topic: string;
  positions: GoldPosition[];
  note?: string;
}

/** One annotated story, as a file of the guideline's format. */
export interface GoldStory {
  story: string;
  docs: string[];
  read_all?: boolean;
  items: GoldDisagreement[];
}

/** A passage a reported position cites: the document it comes from and its text. */
export interface ScoredEvidence {
  source: string;
  text: string;
}

/** One reported conflict or update, reduced to what the rule reads. */
export interface ScoredEntry {
  kind: ConflictKind;
  /** `conflict` for an entry of `conflicts`, `update` for one of `updates`. */
  type: 'conflict' | 'update';
  topic: string;
  positions: ReadonlyArray<{ value: string; evidence: readonly ScoredEvidence[] }>;
}

/** The share of the shorter passage's words the longer one must hold for the two to overlap. */
export const OVERLAP_SHARE = 0.6;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Text reduced to its words, single-spaced, for containment tests across tokenisation differences. */
function flat(text: string): string {
  return ` ${words(text).join(' ')} `;
}

/**
 * Whether a reported passage and a gold sentence overlap under the rule: one contains the other, or
 * they share at least {@link OVERLAP_SHARE} of the shorter one's words (words compared lower-cased,
 * as sets).
 */
export function passagesOverlap(passage: string, sentence: string): boolean {
  const left = flat(passage);
  const right = flat(sentence);
  if (left.trim() === '' || right.trim() === '') return false;
  if (left.includes(right) || right.includes(left)) return true;
  const first = new Set(words(passage));
  const second = new Set(words(sentence));
  const [shorter, longer] = first.size <= second.size ? [first, second] : [second, first];
  let shared = 0;
  for (const word of shorter) if (longer.has(word)) shared++;
  return shared >= OVERLAP_SHARE * shorter.size;
}

/** Gold positions (indices) whose quote for the passage's document the passage overlaps. */
function goldPositionsOf(item: GoldDisagreement, evidence: ScoredEvidence): number[] {
  const matches: number[] = [];
  item.positions.forEach((position, index) => {
    const quote = position.quotes[evidence.source];
    if (
      quote !== undefined &&
      position.docs.includes(evidence.source) &&
      passagesOverlap(evidence.text, quote)
    )
      matches.push(index);
  });
  return matches;
}

/** Whether one reported entry finds one gold item, under the guideline's rule. */
export function entryMatches(entry: ScoredEntry, item: GoldDisagreement): boolean {
  const reached = entry.positions.map((position) => {
    const gold = new Set<number>();
    for (const evidence of position.evidence)
      for (const index of goldPositionsOf(item, evidence)) gold.add(index);
    return gold;
  });
  for (let first = 0; first < reached.length; first++) {
    for (let second = first + 1; second < reached.length; second++) {
      for (const left of reached[first]!)
        for (const right of reached[second]!) if (left !== right) return true;
    }
  }
  return false;
}

/** Counts behind a recall and a precision. */
export interface DisagreementCounts {
  gold: number;
  found: number;
  reported: number;
  correct: number;
}

/** Recall and precision from counts; each is null when its denominator is 0. */
export interface DisagreementScores extends DisagreementCounts {
  recall: number | null;
  precision: number | null;
}

/** The result of scoring one story. */
export interface StoryDisagreementScore {
  story: string;
  /** Per gold item, in file order: the indices of the reported entries that match it. */
  matchedBy: number[][];
  /** Per reported entry: the indices of the gold items it matches. */
  matches: number[][];
}

/** Scores one story's reported entries against its gold items. */
export function scoreStory(gold: GoldStory, reported: readonly ScoredEntry[]): StoryDisagreementScore {
  const matchedBy = gold.items.map(() => [] as number[]);
  const matches = reported.map(() => [] as number[]);
  reported.forEach((entry, entryIndex) => {
    gold.items.forEach((item, itemIndex) => {
      if (!entryMatches(entry, item)) return;
      matchedBy[itemIndex]!.push(entryIndex);
      matches[entryIndex]!.push(itemIndex);
    });
  });
  return { story: gold.story, matchedBy, matches };
}

/** Recall and precision of counts. */
export function scoresOf(counts: DisagreementCounts): DisagreementScores {
  return {
    ...counts,
    recall: counts.gold === 0 ? null : counts.found / counts.gold,
    precision: counts.reported === 0 ? null : counts.correct / counts.reported,
  };
}
