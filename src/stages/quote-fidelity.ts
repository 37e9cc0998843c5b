import type { EntityIndex, QuoteFidelity, QuoteGroup, QuoteVariant } from '../model/index.js';
import { normalizeWord } from '../text/normalize.js';
import { quoteWords } from './quote-groups.js';

/*
 * Compares each rendering of a quote with the fullest one, word by word. Written by hand: the categories
 * (trimmed, spelling variant, altered, paraphrase) are specific to quotation and need only a longest
 * common run and a longest common subsequence over a few dozen words.
 */

/** Share of a rendering's words that must be exceeded, in order, in the fullest one for "altered" rather than "paraphrase". */
const ALTERED_SHARE = 0.5;
const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'it', 'i', 'we']);

/** The longest shared run of two word lists and where it stands in each. */
function sharedRun(
  left: readonly string[],
  right: readonly string[],
): { length: number; leftStart: number; rightStart: number } {
  let best = { length: 0, leftStart: 0, rightStart: 0 };
  let previous = new Int32Array(right.length + 1);
  let current = new Int32Array(right.length + 1);
  for (let row = 1; row <= left.length; row++) {
    for (let column = 1; column <= right.length; column++) {
      if (left[row - 1] === right[column - 1]) {
        const run = previous[column - 1]! + 1;
        current[column] = run;
        if (run > best.length) best = { length: run, leftStart: row - run, rightStart: column - run };
      } else current[column] = 0;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/** Length of the longest common subsequence of two word lists. */
function commonSubsequence(left: readonly string[], right: readonly string[]): number {
  let previous = new Int32Array(right.length + 1);
  let current = new Int32Array(right.length + 1);
  for (let row = 1; row <= left.length; row++) {
    for (let column = 1; column <= right.length; column++) {
      current[column] =
        left[row - 1] === right[column - 1]
          ? previous[column - 1]! + 1
          : Math.max(previous[column]!, current[column - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length]!;
}

/** Honorifics are house style ("Mr Putin" for "Putin"), not a change of the speaker's words. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr']);
const withoutHonorifics = (words: string[]): string[] => words.filter((word) => !HONORIFICS.has(word));
const rawWords = (text: string): string[] => withoutHonorifics(normalizeWord(text).match(/[a-z0-9]+/g) ?? []);

/**
 * How faithful a rendering is to the fullest rendering of its quote.
 * @param variant - the rendering's text and form
 * @param fullest - the fullest rendering's text
 */
export function quoteFidelity(variant: Pick<QuoteVariant, 'text' | 'form'>, fullest: string): QuoteFidelity {
  if (variant.form === 'reported') return 'reported';
  const folded = withoutHonorifics(quoteWords(variant.text));
  const fullFolded = withoutHonorifics(quoteWords(fullest));
  if (folded.length === 0 || fullFolded.length === 0) return 'paraphrase';
  const raw = rawWords(variant.text).join(' ');
  const fullRaw = rawWords(fullest).join(' ');
  if (raw === fullRaw) return 'verbatim';
  if (folded.join(' ') === fullFolded.join(' ')) return 'spelling-variant';
  const run = sharedRun(folded, fullFolded);
  const leftEnd = run.leftStart + run.length;
  const rightEnd = run.rightStart + run.length;
  // Two cuts of one longer text overlap end to end: what one adds stands before or after the other.
  const cutsOfOneText =
    (run.leftStart === 0 || run.rightStart === 0) &&
    (leftEnd === folded.length || rightEnd === fullFolded.length);
  if (cutsOfOneText && run.length >= Math.min(3, folded.length) && run.length / folded.length >= 0.5)
    return 'trimmed';
  return commonSubsequence(folded, fullFolded) / folded.length > ALTERED_SHARE ? 'altered' : 'paraphrase';
}

/**
 * Adds to every quote group each variant's fidelity to the fullest rendering, flags paraphrases and
 * altered words inside quotation marks, and lists the speakers when sources give the quote to different people.
 * Needs: quote groups, merged entities. Adds: `fidelity`, `paraphraseInQuotes`, `conflictingSpeakers`.
 * @param groups - as made by `groupQuotes`
 * @param entities - to resolve each variant's written speaker to a canonical person
 */
export function assessQuotes(groups: readonly QuoteGroup[], entities: EntityIndex): QuoteGroup[] {
  const people = new Set(
    entities.entities.filter((entity) => entity.type === 'person').map((entity) => entity.name),
  );
  return groups.map((group) => {
    const variants = group.variants.map((variant) => {
      const fidelity = quoteFidelity(variant, group.text);
      const assessed: QuoteVariant = { ...variant, fidelity };
      if (variant.direct && (fidelity === 'paraphrase' || fidelity === 'altered'))
        assessed.paraphraseInQuotes = true;
      return assessed;
    });
    const assessedGroup: QuoteGroup = { ...group, variants };
    const speakers = distinctSpeakers(group.variants, entities, people);
    if (speakers.length > 1) assessedGroup.conflictingSpeakers = speakers;
    return assessedGroup;
  });
}

/**
 * The people the variants give as speakers, when more than one: only names that resolve to person
 * entities count, and a name whose words are all inside another's ("Marsh", "Lionel Marsh") is the same person.
 */
function distinctSpeakers(
  variants: readonly QuoteVariant[],
  entities: EntityIndex,
  people: ReadonlySet<string>,
): string[] {
  const names: string[] = [];
  for (const variant of variants) {
    if (variant.speaker === undefined || PRONOUNS.has(variant.speaker.toLowerCase())) continue;
    const canonical = entities.canonicalName(variant.source, variant.speaker);
    if (canonical === undefined || !people.has(canonical)) continue;
    if (!names.some((name) => samePerson(name, canonical) || samePerson(name, variant.speaker!)))
      names.push(canonical);
  }
  return names;
}

function samePerson(first: string, second: string): boolean {
  const words = (name: string): string[] =>
    normalizeWord(name)
      .split(/[^a-z]+/)
      .filter((word) => word.length > 1 && !['mr', 'mrs', 'ms', 'dr'].includes(word));
  const left = words(first);
  const right = words(second);
  if (left.length === 0 || right.length === 0) return true;
  return left.every((word) => right.includes(word)) || right.every((word) => left.includes(word));
}
