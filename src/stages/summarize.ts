import type { AnalyzedArticle, Evidence, Sentence, SummarySentence } from '../model/index.js';
import { type ClaimAlignment, readability } from './align.js';
import { selectByCoverage, wordLength } from './summary-coverage.js';

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** Word budget of the summary (whitespace-separated words). */
  words: number;
  /** Similarity at or above which a sentence repeats one already chosen (default 0.45). */
  redundancy?: number;
  /**
   * Concept weight by sentence position (opening sentence, lead, next, rest); see
   * {@link selectByCoverage}. Default `[1, 2, 1, 0.5]`.
   */
  positionWeights?: readonly number[];
  /** Sentences with fewer words are never chosen (default 8). */
  minimumWords?: number;
}

/**
 * Picks the sentences that best cover what the outlets jointly report, within a word budget, no two
 * saying the same thing; a declarative headline or else the lead fact first, then the rest in the order
 * the articles tell them.
 * Each summary sentence is a whole sentence of one source and cites every source of its claim.
 * Needs: the story's claim alignment. Adds: summary sentences citing each claim's sources and passages.
 */
export function summarize(
  alignment: ClaimAlignment,
  articles: readonly AnalyzedArticle[],
  options: SummarizeOptions,
): SummarySentence[] {
  const coverageOptions: Parameters<typeof selectByCoverage>[1] = {
    words: options.words,
    redundancy: options.redundancy ?? 0.45,
  };
  if (options.positionWeights !== undefined) coverageOptions.positionWeights = options.positionWeights;
  if (options.minimumWords !== undefined) coverageOptions.minimumWords = options.minimumWords;
  // Headlines an article carries as metadata weigh in as concepts but are never quoted as the summary:
  // they are written to draw readers, and the summary states what happened in the outlets' own lead
  // sentences. A title pasted into the body (as in NeuS) is the body's first sentence and may be used.
  const titles = new Set<number>();
  alignment.units.forEach((unit, index) => {
    const titleEnd = articles[unit.article]?.source.titleEnd;
    if (titleEnd !== undefined && unit.sentence.end <= titleEnd) titles.add(index);
  });
  if (titles.size > 0) coverageOptions.exclude = titles;
  // One headline at most (NeuS validation ROUGE-2 +0.04 at a budget of 80 with 2.6 words fewer, +0.15
  // at equal length): the rest of the summary is the outlets' reporting, not their other headlines.
  const headlines = new Set<number>();
  alignment.units.forEach((unit, index) => {
    if (isHeadline(unit.sentence)) headlines.add(index);
  });
  coverageOptions.headlines = headlines;
  const chosen = selectByCoverage(alignment, coverageOptions);
  if (chosen.length === 0) return [];

  // A headline the selection kept opens the summary, as the neutral summaries of multi-outlet news do
  // (NeuS validation ROUGE-L +0.44). Otherwise the lead is the best-supported, most central fact the
  // selection kept: the claim score rewards outlets agreeing, which coverage alone does not put first.
  const headline = chosen.find((choice) => isHeadline(alignment.units[choice.unit]!.sentence));
  const leadValue = (choice: (typeof chosen)[number]): number =>
    alignment.claims[choice.claim]!.score +
    Math.min(0, readability(alignment.units[choice.unit]!.sentence.text));
  // "The announcement applies to …" cannot open a summary: its subject points back to a sentence the
  // reader has not seen. Such a sentence may still follow the one it refers to.
  // Nor on a bare surname ("Saul was fired …") when another chosen sentence gives the full name: the
  // reader meets the person first in full.
  const surnames = new Set<string>();
  for (const choice of chosen) {
    const unit = alignment.units[choice.unit]!;
    for (const mention of articles[unit.article]!.mentions) {
      const inside = mention.start >= unit.sentence.start && mention.end <= unit.sentence.end;
      const isName = mention.type === 'person' || mention.type === 'other';
      if (inside && isName && /\s/.test(mention.text)) surnames.add(lastWord(mention.text));
    }
  }
  const opensOnSurname = (choice: (typeof chosen)[number]): boolean => {
    const opening = /^\p{Lu}[\p{L}'’-]+(?=\s)/u.exec(alignment.units[choice.unit]!.sentence.text)?.[0];
    return opening !== undefined && surnames.has(opening);
  };
  const leadCandidates = chosen.filter((choice) => {
    const text = alignment.units[choice.unit]!.sentence.text;
    return (
      !ANAPHORIC_OPENING.test(text) &&
      !ANAPHORIC_EVENT.test(text) &&
      !CONTINUES.test(text) &&
      !opensOnSurname(choice)
    );
  });
  const lead =
    headline ??
    (leadCandidates.length > 0 ? leadCandidates : chosen).reduce((best, choice) =>
      leadValue(choice) > leadValue(best) ||
      (leadValue(choice) === leadValue(best) && choice.unit < best.unit)
        ? choice
        : best,
    );
  const rest = chosen
    .filter((choice) => choice !== lead)
    .sort(
      (a, b) =>
        meanPosition(alignment, articles, a.claim) - meanPosition(alignment, articles, b.claim) ||
        a.unit - b.unit,
    );
  return [lead, ...rest].map((choice) => {
    const claim = alignment.claims[choice.claim]!;
    const sentence = alignment.units[choice.unit]!.sentence;
    const source = articles[alignment.units[choice.unit]!.article]!.source.id;
    // The passage the text was taken from comes first, then the other outlets' versions.
    const own = (evidence: Evidence): boolean =>
      evidence.source === source && evidence.start === sentence.start;
    const evidence = [...claim.evidence.filter(own), ...claim.evidence.filter((item) => !own(item))];
    return { text: sentence.text, sources: claim.sources, evidence, claim: claim.id };
  });
}

/**
 * A definite noun phrase that names what an earlier sentence told ("The announcement", "The move", "The
 * story"): a shell noun whose content the reader would have to look up.
 */
const ANAPHORIC_OPENING =
  /^["“‘']?the\s+(?:move|decision|statement|report|story|article|case|deal|plan|proposal|measure|ruling|order|letter|tweet|post|comments?|remarks?|change|news|development|step|effort|incident|meeting|vote|agreement|findings?|claims?|allegations?|request|offer|idea|episode|controversy|backlash|criticism|response|announcements?)\b/i;

/**
 * A sentence whose event is named by a shell noun it assumes known: "Biden made the announcement weeks
 * after …", "The decision comes as …".
 */
const ANAPHORIC_EVENT =
  /\b(?:made|delivered|issued) the (?:announcement|decision|remarks|comments)\b|^(?:\S+\s+){0,6}?the (?:announcement|decision|move|ruling|vote) (?:came|comes|follows|followed)\b/i;

/** A sentence that adds to one before it ("X was also asked to resign", "Meanwhile, …"): never the lead. */
const CONTINUES =
  /^(?:\S+\s+){0,8}?(?:also|too|likewise|meanwhile|additionally|moreover|furthermore|similarly)\b|^(?:in addition|as well)\b/i;

/** Opening sentences up to this many words read as an outlet's title (NeuS titles: median 11, 99th percentile 21). */
const HEADLINE_WORDS = 20;
/** Headlines that ask or tease rather than state: "Why …", "How …", "Here's what …", "What we know …". */
const TEASER_OPENING =
  /^["“‘']?(?:how|why|what|who|whom|whose|when|where|which|is|are|was|were|can|could|should|would|will|do|does|did|here(?:'s|’s| is| are)|watch|opinion|analysis|exclusive)\b/i;

/**
 * Whether a sentence can open the summary as its headline: an article's first sentence, short like a
 * title, and declarative: no question, exclamation, teaser opening or "you" addressed to the reader.
 * Real articles usually carry their title apart from the body, so there it is only a short first sentence.
 */
export function isHeadline(sentence: Pick<Sentence, 'index' | 'text'>): boolean {
  const text = sentence.text;
  if (sentence.index !== 0 || wordLength(text) > HEADLINE_WORDS) return false;
  if (/[?!]/.test(text) || TEASER_OPENING.test(text)) return false;
  return !/\byou(?:r|rs|'re|’re|'ll|’ll)?\b/i.test(text);
}

/** The last word of a name: the surname a later bare mention uses. */
function lastWord(name: string): string {
  return name.trim().split(/\s+/).pop() ?? name;
}

/** Where a claim stands in the articles that carry it, from 0 (the top) to 1 (the end). */
function meanPosition(
  alignment: ClaimAlignment,
  articles: readonly AnalyzedArticle[],
  claim: number,
): number {
  const members = alignment.members[claim]!;
  let total = 0;
  for (const index of members) {
    const unit = alignment.units[index]!;
    const count = articles[unit.article]!.segmentation.sentences.length;
    total += unit.sentence.index / Math.max(1, count);
  }
  return total / Math.max(1, members.length);
}
