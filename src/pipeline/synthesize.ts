import {
  type AnalyzedArticle,
  type ArticleInput,
  type Claim,
  type Conflict,
  CrosscheckError,
  type Diagnostic,
  type IsoDate,
  type Reprint,
  type Source,
  type StoryReport,
  type SummarySentence,
} from '../model/index.js';
import { alignClaims } from '../stages/align.js';
import { analyzeArticle } from '../stages/analyze-article.js';
import type { WordRelatedness } from '../stages/compare-facts.js';
import { findDisagreements } from '../stages/conflicts.js';
import { mergeEntities } from '../stages/entities.js';
import { assessQuotes } from '../stages/quote-fidelity.js';
import { groupQuotes } from '../stages/quote-groups.js';
import { countIndependent, findReprints, independentRoots } from '../stages/reprints.js';
import { claimStances } from '../stages/stance.js';
import { summarize } from '../stages/summarize.js';
import { buildTimeline } from '../stages/timeline.js';
import { citeMatchingValues, splitClaimsByValue } from '../stages/value-support.js';
import { findDateline } from '../text/dateline.js';
import { appendAll } from '../text/iterables.js';
import { describeOutletClue, identifyOutlet } from '../text/outlet-identity.js';
import { DEFAULT_MAX_ARTICLE_CHARS, withinBudget } from './article-budget.js';

export { DEFAULT_MAX_ARTICLE_CHARS } from './article-budget.js';

/** Options of {@link synthesize}. */
export interface SynthesizeOptions {
  /** Word budget of the summary (default 120). */
  words?: number;
  /**
   * The day relative dates of undated articles resolve against when no dated article of the story
   * gives one. No stage reads the clock: pass it in to resolve "on Sunday" in an undated corpus.
   */
  referenceDate?: IsoDate;
  /**
   * Characters of each article's body analysed (default {@link DEFAULT_MAX_ARTICLE_CHARS}); a longer body
   * is cut at a paragraph or sentence end with a `budget-article-truncated` warning.
   */
  maxArticleChars?: number;
  /**
   * How related two words are (1 the same word), from a lexicon the caller loaded (see `src/lexicon`):
   * facts whose words differ but mean the same ("grossed" / "accumulated") are then compared as one slot.
   * Without it, words are compared by their stems and a small table of paraphrase classes.
   */
  related?: WordRelatedness;
}

/** Default word budget of a summary. */
export const DEFAULT_SUMMARY_WORDS = 120;

/**
 * Turns the articles of one story into its report: summary, claims, quotes, entities, timeline, conflicts.
 * Pure and deterministic: the same articles and options give the same report.
 * @param articles - the articles of one story, as read by `readArticles` or built by the caller
 * @param options - summary budget and reference date
 * @throws CrosscheckError when the options are invalid or two articles share an id
 */
export function synthesize(articles: readonly ArticleInput[], options: SynthesizeOptions = {}): StoryReport {
  const words = options.words ?? DEFAULT_SUMMARY_WORDS;
  if (!Number.isInteger(words) || words < 1) {
    throw new CrosscheckError(
      'invalid-option',
      `words must be a positive integer, got ${String(options.words)}`,
    );
  }
  if (options.referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate)) {
    throw new CrosscheckError(
      'invalid-option',
      `referenceDate must be YYYY-MM-DD, got "${options.referenceDate}"`,
    );
  }
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) {
      throw new CrosscheckError(
        'duplicate-id',
        `two articles share the id "${article.id}": give each a unique id`,
      );
    }
    seen.add(article.id);
  }

  const maxChars = options.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new CrosscheckError(
      'invalid-option',
      `maxArticleChars must be a positive integer, got ${String(options.maxArticleChars)}`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  // The time of every report: metadata first, then the article's own dateline.
  const dated = articles.map((original) => {
    const budgeted = withinBudget(original, maxChars);
    appendAll(diagnostics, budgeted.diagnostics);
    const result = dateFromText(budgeted.article);
    appendAll(diagnostics, result.diagnostics);
    const named = outletFromText(result.article);
    appendAll(diagnostics, named.diagnostics);
    return named.article;
  });
  const storyDate = inferStoryDate(dated) ?? options.referenceDate;
  const analyzed: AnalyzedArticle[] = dated.map((input) => {
    const article = analyzeArticle(input, storyDate);
    if (input.published === undefined && storyDate !== undefined) {
      diagnostics.push({
        source: input.id,
        code: 'date-inferred',
        message: `${input.path ?? input.id}: no publication date; relative dates resolved against ${storyDate}, the story's latest date`,
        severity: 'info',
      });
    }
    return article;
  });
  for (const article of analyzed) appendAll(diagnostics, article.diagnostics);

  const entities = mergeEntities(analyzed);
  const alignment = alignClaims(analyzed, {
    entities,
    ...(options.related !== undefined && { related: options.related }),
  });
  const summary = summarize(alignment, analyzed, { words });
  const quotes = assessQuotes(groupQuotes(analyzed, entities), entities);
  const timeline = buildTimeline(analyzed);
  const sources = analyzed.map((article) => article.source);
  const reprints = findReprints(sources);
  const aligned = independentSupport(claimStances(alignment.claims, analyzed), sources, reprints);
  const { conflicts, updates } = findDisagreements({
    articles: analyzed,
    claims: aligned,
    quotes,
    entities,
    ...(options.related !== undefined && { related: options.related }),
  });
  // Words aligned sentences that give different figures for one slot: the facts split them again.
  const disagreements = [...conflicts, ...updates];
  const claims = independentSupport(splitClaimsByValue(aligned, disagreements), sources, reprints);
  return {
    title: storyTitle(analyzed, summary[0]?.text),
    sources,
    summary: markDisputed(citeMatchingValues(summary, disagreements), conflicts),
    claims,
    quotes,
    entities: entities.entities,
    timeline,
    conflicts,
    updates,
    reprints,
    diagnostics,
  };
}

/**
 * Flags summary sentences that take a side in a conflict: a reader must not take a disputed statement
 * for an established one. A sentence is disputed when the passage it shows is a position's passage.
 */
function markDisputed(
  summary: readonly SummarySentence[],
  conflicts: readonly Conflict[],
): SummarySentence[] {
  const topicsBySpan = new Map<string, Set<string>>();
  for (const conflict of conflicts) {
    for (const position of conflict.positions) {
      for (const evidence of position.evidence) {
        const key = `${evidence.source}:${evidence.start}`;
        const topics = topicsBySpan.get(key) ?? new Set<string>();
        topics.add(conflict.topic);
        topicsBySpan.set(key, topics);
      }
    }
  }
  return summary.map((sentence) => {
    const topics = new Set<string>();
    // Only the passage the reader sees counts: another outlet's wording of the claim may carry a detail
    // (a car's make) that is disputed while the sentence shown does not state it.
    for (const evidence of sentence.evidence.filter((item) => item.text === sentence.text)) {
      for (const topic of topicsBySpan.get(`${evidence.source}:${evidence.start}`) ?? []) topics.add(topic);
    }
    return topics.size > 0 ? { ...sentence, disputed: [...topics] } : sentence;
  });
}

/**
 * Counts each claim's independent reports, a copy counting once with what it copies, and grades the claim
 * on them: consensus is corroboration by every independent report, not by every outlet that ran the wire.
 */
function independentSupport(
  claims: readonly Claim[],
  sources: readonly Source[],
  reprints: readonly Reprint[],
): Claim[] {
  const roots = independentRoots(
    sources.map((source) => source.id),
    reprints,
  );
  const reports = new Set(roots.values()).size;
  return claims.map((claim) => {
    const independent = countIndependent(claim.sources, roots);
    let kind = claim.kind;
    if (reprints.length > 0) {
      kind =
        independent >= 2 && independent === reports ? 'consensus' : independent >= 2 ? 'shared' : 'unique';
    }
    return { ...claim, kind, independentSources: independent };
  });
}

/**
 * An article dated from its text when its metadata gives no day (or gives the day but not the time): the
 * dateline near the top ("Tuesday, July 2, 2013", "Updated: November 11, 2011 20: 09 IST"), else a date
 * path in its leading URL line. Never mutates the input; a date read from the text carries a diagnostic.
 */
export function dateFromText(input: ArticleInput): { article: ArticleInput; diagnostics: Diagnostic[] } {
  if (input.published !== undefined && input.publishedTime !== undefined)
    return { article: input, diagnostics: [] };
  const dateline = findDateline(input.body);
  if (dateline === undefined) return { article: input, diagnostics: [] };
  const name = input.path ?? input.id;
  const line = dateline.text.trim().replace(/\s+/g, ' ').slice(0, 80);
  if (input.published !== undefined) {
    if (dateline.time === undefined || dateline.date !== input.published)
      return { article: input, diagnostics: [] };
    return {
      article: { ...input, publishedTime: dateline.time },
      diagnostics: [
        {
          source: input.id,
          code: 'time-from-dateline',
          message: `${name}: published at ${dateline.time}, read from the dateline "${line}"`,
          severity: 'info',
        },
      ],
    };
  }
  const article: ArticleInput = { ...input, published: dateline.date };
  if (dateline.time !== undefined) article.publishedTime = dateline.time;
  const when = dateline.time === undefined ? dateline.date : `${dateline.date} ${dateline.time}`;
  const from = dateline.from === 'line' ? `the dateline "${line}"` : `the date in its URL line "${line}"`;
  return {
    article,
    diagnostics: [
      {
        source: input.id,
        code: 'date-from-dateline',
        message: `${name}: dated ${when}, read from ${from}`,
        severity: 'info',
      },
    ],
  };
}

/**
 * An article named after its outlet from its text when its metadata names none: its URL's site, the
 * outlet's newsletter box or copyright line, a wire tag opening the story (see `identifyOutlet`). Never
 * mutates the input; a name read from the text carries a diagnostic saying from what.
 * @param input - an article as read or as stored
 */
export function outletFromText(input: ArticleInput): { article: ArticleInput; diagnostics: Diagnostic[] } {
  if (input.outlet !== undefined) return { article: input, diagnostics: [] };
  const clue = identifyOutlet(
    input.url === undefined ? { body: input.body } : { body: input.body, url: input.url },
  );
  if (clue === undefined) return { article: input, diagnostics: [] };
  return {
    article: { ...input, outlet: clue.outlet },
    diagnostics: [
      {
        source: input.id,
        code: 'outlet-from-text',
        message: `${input.path ?? input.id}: outlet "${clue.outlet}", read from ${describeOutletClue(clue)}`,
        severity: 'info',
      },
    ],
  };
}

/** The latest publication date among the articles: undated reports of the same story are taken as of then. */
function inferStoryDate(articles: readonly ArticleInput[]): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const article of articles) {
    if (article.published !== undefined && (latest === undefined || article.published > latest)) {
      latest = article.published;
    }
  }
  return latest;
}

/** A title made from a lead sentence is at most this many words. */
const LEAD_TITLE_WORDS = 18;
/** Where a lead's attribution starts: ", according to …", ", the agency said.", ", said Ms Roe." */
const TRAILING_ATTRIBUTION =
  /,\s+(?:according to\b|(?:[^,]{0,80}\s)?(?:said|says|reported|reports|told|announced|confirmed)\b)[^,]*$/i;

/**
 * The story's title: the first article title, else the lead sentence as a headline: its attribution
 * and final stop dropped, then cut at a comma or dash, or after {@link LEAD_TITLE_WORDS} words with "…",
 * when still too long.
 */
function storyTitle(articles: readonly AnalyzedArticle[], lead: string | undefined): string {
  const titled = articles.find((article) => article.source.title !== undefined);
  if (titled?.source.title !== undefined) return titled.source.title;
  if (lead === undefined) return 'Untitled story';
  const stated = lead.replace(TRAILING_ATTRIBUTION, '').replace(/[.!?]["”’']?$/, '');
  const words = stated.split(/\s+/);
  if (words.length <= LEAD_TITLE_WORDS) return stated;
  const clause = /^(.{20,}?)(?:,|\s[\u2014\u2013-]\s)/.exec(stated)?.[1];
  if (clause !== undefined && clause.split(/\s+/).length <= LEAD_TITLE_WORDS) return clause;
  return `${words.slice(0, LEAD_TITLE_WORDS).join(' ')}…`;
}
