import type { AnalyzedArticle, Claim, ClaimStance, Stance } from '../model/index.js';
import { appendAll, maxOf } from '../text/iterables.js';
import { normalizeWord } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { paraphraseClass } from '../text/synonyms.js';
import { stem } from '../text/terms.js';

/*
 * Stance by cue words, read outside quotation marks: a hedge inside a quote is the speaker's, not the
 * outlet's. Written by hand because none of the installed libraries reads stance; the cue lists are short
 * and news-specific, and they run in microseconds per sentence.
 */

/** How one source holds one statement, with the words that show it. */
export interface StanceReading {
  stance: Stance;
  /** The cue as written ("likely", "according to", "dismissed any notion"), absent for plain assertions. */
  cue?: string;
  /** For a denial: the denied content, in offsets of the text read. */
  denied?: { start: number; end: number; text: string };
}

/** Options of {@link readStance}. */
export interface StanceOptions {
  /**
   * An offset inside the statement of interest: when it stands in a non-restrictive relative clause
   * (", which violates …,"), only that clause is read, since the writer states it in passing as a fact.
   */
  focus?: number;
  /** The outlet of the source: "told the Gazette" in the Gazette is its own reporting, not an attribution. */
  outlet?: string;
  /**
   * Term classes (see {@link statementTerms}) of the statement whose stance is asked, as other sources
   * word it: a hedge counts only in a clause that carries them, so "could" in a side clause ("an order
   * that could affect budgets") does not hedge the statement ("Biden signed an order").
   */
  claimTerms?: ReadonlySet<string>;
}

const DENIAL =
  /\b(?:(?:flatly|strongly|categorically|firmly)\s+)?(denied|denies|deny|denying|dismissed|dismisses|dismissing|rejected|rejects|rejecting|refuted|refutes|refuting|disputed|disputes|rebuffed|rebutted)\b(\s+(?:any|all|the|such)?\s*(?:notion|notions|suggestion|suggestions|claim|claims|report|reports|allegation|allegations|accusation|accusations|charge|charges|idea|assertion|assertions)\b(?:\s+(?:that|of))?|\s+that)?/i;
/** What may follow a bare denial verb for it to deny a statement: a charge. */
const STATEMENT_OBJECT =
  /^\s+(?:(?:any|all|the|its|his|her|their)\s+)?(?:wrongdoing|involvement|responsibility|allegations?|accusations?|reports?|claims?|charges?|knowledge|links?)\b/i;
/**
 * A bare gerund after "deny" is a deed denied ("denied shipping arms"); after "reject", "dismiss" or
 * "rebuff" it is an offer refused ("rejected meeting the president"), which says nothing false or true.
 */
const DENIED_DEED = /^\s+(?:(?:ever|any|all|the|its|his|her|their)\s+)?[a-z]+ing\b/i;
/** "Deny" itself, with the adverbs {@link DENIAL} allows before it. */
const DENY_VERB = /^(?:(?:flatly|strongly|categorically|firmly)\s+)?den(?:y|ies|ied|ying)$/i;
/** Passives ("the case was dismissed") and non-denials ("neither confirmed nor denied", "did not deny"). */
const NOT_DENIAL_BEFORE = /\b(?:was|were|been|being|be|is|are|nor|not|never|no)\s+(?:\w+\s+)?$/i;
const HEDGE =
  /\b(?:likely|unlikely|[Pp]ossibly|possible|possibility|[Pp]robably|probable|[Rr]eportedly|[Aa]llegedly|alleged|[Aa]pparently|[Pp]urportedly|[Ss]upposedly|suspected|[Pp]resumably|[Pp]erhaps|may|might|could|(?:is|are|was|were)\s+(?:believed|thought|said|understood|rumou?red)\s+to|believed\s+to\s+(?:be|have)|appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|unconfirmed|unverified)\b/;
const ATTRIBUTION =
  /\b(?:according to|said|says|say|told|tells|reported|reports|claimed|claims|stated|states|announced|confirmed|quoted|cited|added|wrote|writes|insisted|insists|argued|argues|estimated|estimates|alleges|alleging|accused|accuses|warned|(?:on|over|faces?|facing|faced)\s+charges?\s+(?:that|of)|on suspicion of)\b/i;
const QUOTED = /["“][^"“”]*["”]/g;
/** A non-restrictive relative clause: ", which …" up to the next comma or the end. */
const RELATIVE_CLAUSE = /,\s+(?:which|who|whose)\b[^,;]*(?=[,;]|$)/gi;
/** Where the denied content stops: a new clause of the writer's. */
const CLAUSE_END =
  /,\s+(?:which|who|saying|adding|as|while|but|although|though|and\s+(?:said|added|vowed|called))\b|;|\s+and\s+(?:vowed|said|added|called|urged)\b|[.!?]["”’]?\s*$/i;

/** The text with quoted passages blanked out, offsets kept. */
export function maskQuotes(text: string): string {
  return text.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
}

/**
 * Reads how a sentence holds what it says: it denies (reports a denial), hedges, attributes or asserts.
 * Precedence follows how much the outlet commits itself: a reported denial first, then a hedge, then an
 * attribution; what carries no cue is asserted.
 * @param text - one sentence
 * @param options - the clause of interest and the source's outlet
 */
export function readStance(text: string, options: StanceOptions = {}): StanceReading {
  const masked = maskQuotes(text);
  let scope = masked;
  let scopeStart = 0;
  if (options.focus !== undefined) {
    for (const match of masked.matchAll(RELATIVE_CLAUSE)) {
      const start = match.index ?? 0;
      if (options.focus >= start && options.focus < start + match[0].length) {
        scope = match[0];
        scopeStart = start;
        break;
      }
    }
  }
  if (scope === masked && options.focus !== undefined) {
    // Asides the statement does not stand in say nothing about it: blank them.
    scope = masked.replace(RELATIVE_CLAUSE, (clause, start: number) =>
      options.focus! >= start && options.focus! < start + clause.length ? clause : ' '.repeat(clause.length),
    );
  }
  const denial = findDenial(scope);
  if (denial !== undefined) {
    const reading: StanceReading = { stance: 'denies', cue: denial.cue };
    const from = scopeStart + denial.contentStart;
    const to = scopeStart + denial.contentEnd;
    if (to > from) reading.denied = { start: from, end: to, text: text.slice(from, to) };
    return reading;
  }
  if (options.claimTerms !== undefined) {
    const implied = findImpliedDenial(scope, options.claimTerms);
    if (implied !== undefined) {
      const from = scopeStart + implied.contentStart;
      const to = scopeStart + implied.contentEnd;
      return {
        stance: 'denies',
        cue: implied.cue,
        denied: { start: from, end: to, text: text.slice(from, to) },
      };
    }
  }
  const hedge = findHedge(scope, options.claimTerms);
  if (hedge !== undefined) return { stance: 'hedges', cue: hedge };
  const attribution = firstAttribution(scope, options.outlet);
  if (attribution !== undefined) return { stance: 'attributes', cue: attribution };
  return { stance: 'asserts' };
}

const ATTRIBUTION_ALL = new RegExp(ATTRIBUTION.source, 'gi');
const HEDGE_ALL = new RegExp(HEDGE.source, 'g');
/** Hedge words that are also adjectives: before a noun they qualify that noun, not the statement. */
const ADJECTIVE_HEDGES = new Set([
  'likely',
  'unlikely',
  'possible',
  'probable',
  'alleged',
  'suspected',
  'apparent',
  'purported',
  'supposed',
  'unconfirmed',
  'unverified',
]);
/** Words after which an adjective hedge stands before a noun ("over alleged excessive force", "the likely winner"). */
const ATTRIBUTIVE_BEFORE =
  /(?:^|\b(?:a|an|the|of|over|for|to|from|with|into|about|by|on|in|at|his|her|its|their|our|any|some|such|and|or|two|three|several|multiple|many|no))\s+$/i;
/** Where a clause begins: punctuation, or a word that opens a subordinate or relative clause. */
const CLAUSE_BREAK =
  /[,;:()\u2014\u2013]|\s-\s|\b(?:that|which|who|whom|whose|while|although|though|because|if|unless|whereas|despite|after|before|since|until|once)\b/gi;
/** Shared terms a hedge's clause needs to hedge the statement, at least one of them written in lower case (a predicate word, not a name). */
const MIN_CLAIM_TERMS = 2;

/**
 * Term classes of a statement's words, each with whether it was written in lower case: what
 * {@link StanceOptions.claimTerms} holds, and what a hedge's clause is matched on.
 */
export function statementTerms(text: string): Map<string, boolean> {
  const terms = new Map<string, boolean>();
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'’-]*/g)) {
    const lower = !/^[A-Z]/.test(match[0]);
    for (const part of normalizeWord(match[0]).split('-')) {
      if (part.length < 2 || STOPWORDS.has(part)) continue;
      const term = paraphraseClass(stem(part));
      terms.set(term, (terms.get(term) ?? false) || lower);
    }
  }
  return terms;
}

/** The clause around an offset: from the last clause break before it to the next one after it. */
function clauseAround(text: string, offset: number, length: number): string {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    const at = match.index ?? 0;
    if (at + match[0].length <= offset) start = at;
    else if (at >= offset + length) {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/** Verbs whose "that" opens what is reported, so a hedge after it bears on the statement. */
const COMPLEMENT_VERBS = new Set(
  (
    'said says say believe believes believed think thinks thought warned warns suggested suggests show shows ' +
    'showed found finds noted added argued claimed reported told fear fears feared expect expects expected ' +
    'hope hopes hoped indicated indicates means meant acknowledged admitted insisted stated announced ' +
    'concluded estimated predicted projected confirmed denied wrote writes explained'
  ).split(' '),
);

/**
 * Whether a cue stands in a relative clause ("a case that could influence …", "a bill, which may …"):
 * the clause describes a consequence of something in the sentence, not the certainty of the statement.
 */
function inRelativeClause(text: string, at: number): boolean {
  let opener: RegExpExecArray | undefined;
  for (const match of text.slice(0, at).matchAll(/\b(that|which|who|whom|whose)\b|[,;:()\u2014\u2013]/gi)) {
    opener = match;
  }
  const word = opener?.[1]?.toLowerCase();
  if (word === undefined) return false;
  if (word !== 'that') return true;
  const before = /([\p{L}'’]+)\s*$/u.exec(text.slice(0, opener!.index))?.[1]?.toLowerCase();
  return before !== undefined && !COMPLEMENT_VERBS.has(before) && !STOPWORDS.has(before);
}

/** Verbs of choosing or acting after which "may" grants leave ("students may apply for"), not doubt. */
const PERMITTED_ACT =
  /^\s+(?:(?:also|still|now|instead)\s+)?(?:no\s+longer|only|choose|opt|elect|register|enroll|enrol|request|petition|submit|apply\s+(?:for|online|by|in\s+person)|bring|carry|wear|park|enter|return|attend|visit|cast|keep)\b/;
/** A rule that grants or withholds leave, named in the sentence: its "may" is the rule's, not the writer's doubt. */
const RULE_FRAME =
  /\b(?:under|per)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}(?:law|laws|rule|rules|policy|order|bill|guidance|guidelines|regulation|regulations|ruling|agreement|deal|statute|constitution|charter|contract|program|scheme|terms)\b|\b(?:law|rule|rules|policy|order|bill|guidance|regulation|ruling|statute|measure|provision)\s+(?:says|states|allows|lets|permits|provides|stipulates)\b/i;
/** A rule as the subject of a passive "may be … by" ("the rule may be enforced by states"): who is allowed to apply it. */
const RULE_SUBJECT_PASSIVE =
  /\b(?:law|laws|rule|rules|policy|order|ban|mandate|regulation|regulations|ruling|statute|provision|fine|fines|penalty|penalties)\s+may\s+(?:also\s+|only\s+)?be\s+[a-z]+(?:ed|en)\s+by\b/i;
/** What past-ability "could" reports: a perception ("could be seen"), a failure ("could not reach"). */
const ABILITY_AFTER_COULD =
  /^\s+(?:(?:not|never)\b(?!\s+(?:have|(?:be\s+)?(?:independently\s+|immediately\s+)?(?:verif|confirm|determin|establish|rule)))|be\s+(?:seen|heard|felt|smelled|smelt)\b|(?:hear|smell)\b)/;
/**
 * A condition in the modal's part of the sentence: its "could", "may" or "might" says what follows if the
 * condition holds, not doubt.
 */
const CONDITION =
  /(?<!\b(?:ask|asks|asked|asking|wonder|wonders|wondered|unclear|know|knew|known|see|determine|decide|clear)\s+)\b(?:if|unless|provided\s+that|assuming|were\s+(?:it|they|he|she|the\s+\w+)\s+to)\b|^\s*once\b/i;
/**
 * A promise or a plan just before the cue ("promised he could", "vowed that the city may"): the modal is
 * the content of what someone undertakes, not the outlet's doubt.
 */
const PROMISE_BEFORE =
  /\b(?:promise[sd]?|promising|vow(?:s|ed)?|pledge[sd]?|swore|sworn|swears?|intend(?:s|ed)?|plan(?:s|ned)?|hope[sd]?|want(?:s|ed)?|threaten(?:s|ed)?|aim(?:s|ed)?)\s+(?:that\s+)?(?:he|she|it|they|we|i|you|(?:the|his|her|its|their|our)(?:\s+[\w'’-]+){1,3}|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+$/;
/** Words between a hedge and the word it bears on: auxiliaries, particles, adverbs. */
const GOVERNED_SKIP = new Set(
  'to be been being have has had not also still even well soon further already again now just only never ever yet then both'.split(
    ' ',
  ),
);
/** A clause's subject just after a hedge: a determiner, a pronoun or a name. */
const SUBJECT_START =
  /^\s+(?:(?:the|a|an|this|these|those|his|her|its|their|our|he|she|it|they|we|i|you|there)\b|\p{Lu})/u;
/** Words in "-ly" that are verbs or names, not adverbs to skip. */
const LY_WORDS = new Set(['apply', 'supply', 'reply', 'rely', 'rally', 'fly', 'ally', 'italy', 'july']);
/** Verbs that say little alone ("may have played a role in"): the hedge bears on the word after them too. */
const LIGHT_VERBS = new Set(
  'take takes took taken make makes made get gets got play plays played give gives gave put come go'.split(
    ' ',
  ),
);

/**
 * The terms of the word a hedge bears on: the first content word after it ("likely to be dropped" →
 * dropped, "reportedly shot down" → shot), or undefined when the hedge opens a whole clause ("possible
 * that …", "Reportedly, …") or nothing follows in its clause.
 */
function governedTerms(cue: string, after: string): string[] | undefined {
  if (/^\s*(?:that\b|[,;:.!?(\u2014\u2013]|$)/.test(after)) return undefined;
  // "the possibility the virus escaped", "Perhaps the council …", "reportedly he …": before its subject the
  // hedge bears on the whole clause.
  if (/^possib(?:le|ility)$/.test(cue) || SUBJECT_START.test(after)) return undefined;
  const terms: string[] = [];
  for (const { word, terms: held } of contentWordsAfter(after)) {
    appendAll(terms, held);
    if (!LIGHT_VERBS.has(word)) return terms;
  }
  return terms.length === 0 ? undefined : terms;
}

/**
 * The content words of the clause a text opens with, each with its terms: auxiliaries, particles, adverbs
 * and any `skip` word are passed over. What a hedge or a negation bears on is the first of them.
 */
function* contentWordsAfter(
  after: string,
  skip?: ReadonlySet<string>,
): Generator<{ word: string; terms: string[] }> {
  const clause = /^[^,;:.!?()\u2014\u2013]*/.exec(after)?.[0] ?? '';
  for (const match of clause.matchAll(/[A-Za-z][A-Za-z'’-]*/g)) {
    const word = match[0].toLowerCase();
    if (skip?.has(word) || GOVERNED_SKIP.has(word) || (/[a-z]{3}ly$/.test(word) && !LY_WORDS.has(word)))
      continue;
    const terms = [...statementTerms(match[0]).keys()];
    if (terms.length > 0) yield { word, terms };
  }
}

/**
 * Whether a modal states leave, ability or a consequence rather than the writer's doubt: "students may
 * apply for", "the rule may be enforced by states", "smoke could be seen", "could not reach", "if passed,
 * the bill could …". "May have" and "could have" stay hedges: they doubt what already happened.
 */
function isNonEpistemicModal(text: string, at: number, cue: string): boolean {
  const after = text.slice(at + cue.length);
  if (/^\s+(?:not\s+|well\s+)?have\b/.test(after)) return false;
  if (cue === 'may') {
    // "Under the new rules, anglers may fish": the rule may stand in an opening phrase of its own.
    if (PERMITTED_ACT.test(after) || RULE_FRAME.test(text)) return true;
    if (RULE_SUBJECT_PASSIVE.test(text.slice(Math.max(0, at - 40), at + 60))) return true;
  }
  if (cue === 'could' && ABILITY_AFTER_COULD.test(after)) return true;
  return CONDITION.test(coordinatePart(text, at));
}

/** Where coordinated main clauses meet: ", and the drug, if approved, could …" has a condition of its own. */
const COORDINATION = /,\s+(?:and|but|or|yet|so)\s+|;|\s[\u2014\u2013]\s/g;

/** The coordinated main clause around an offset. */
function coordinatePart(text: string, offset: number): string {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(COORDINATION)) {
    const at = match.index ?? 0;
    if (at + match[0].length <= offset) start = at + match[0].length;
    else if (at >= offset) {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/**
 * The first hedge cue that qualifies the statement itself: not an adjective before a noun ("alleged
 * excessive force"), not "may not" (which forbids rather than hedges), not a modal of leave, ability,
 * promise or condition, and, when the statement's terms are known, only in a clause that carries them
 * and only when the word it bears on is one the other sources state.
 */
function findHedge(text: string, claimTerms: ReadonlySet<string> | undefined): string | undefined {
  for (const match of text.matchAll(HEDGE_ALL)) {
    const at = match.index ?? 0;
    const cue = match[0];
    const after = text.slice(at + cue.length);
    if (ADJECTIVE_HEDGES.has(cue) && ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, at - 24), at))) {
      // "likely to", "possible that": the adjective is the predicate, not a noun's modifier.
      if (!/^\s+(?:to|that)\b/.test(after)) continue;
    }
    // "exploring possible criminal conduct", "an apparent suicide": an adjective-only hedge right before
    // a lower-case word qualifies that word, whatever stands before it ("likely" is also an adverb).
    if (
      ADJECTIVE_HEDGES.has(cue) &&
      cue !== 'likely' &&
      cue !== 'unlikely' &&
      /^\s+(?!(?:to|that|the|a|an|for|because|if|when|given)\b)\p{Ll}/u.test(after)
    )
      continue;
    if (cue === 'may' && /^\s+not\b/.test(after)) continue;
    if ((cue === 'may' || cue === 'might' || cue === 'could') && isNonEpistemicModal(text, at, cue)) continue;
    if (PROMISE_BEFORE.test(text.slice(Math.max(0, at - 60), at))) continue;
    // "as soon as possible", "where possible": a manner of doing, not doubt about whether it happened.
    if (
      cue === 'possible' &&
      /\b(?:as|where|when|if|whenever|wherever)\s+$/i.test(text.slice(Math.max(0, at - 12), at))
    ) {
      continue;
    }
    if (inRelativeClause(text, at)) continue;
    // "twice as likely", "more likely to": a measured probability is the fact itself, not doubt about it.
    if (/likely$/.test(cue) && /\b(?:as|more|less|times)\s+$/i.test(text.slice(Math.max(0, at - 8), at)))
      continue;
    if (claimTerms !== undefined) {
      let clause = clauseAround(text, at, cue.length);
      // "Reportedly, the crew …", "possible that the crew …": the hedge opens the clause it bears on.
      const opens = /^\s*(?:that\b|,)\s*/.exec(after);
      if (opens !== null) clause += clauseAround(text, at + cue.length + opens[0].length, 1);
      if (!carriesClaim(clause, claimTerms)) continue;
      // "could stay high all summer" beside "prices are at a seven-year high": the hedge bears on a detail
      // the other sources do not state, so it takes no side on what they state.
      const governed = governedTerms(cue, after);
      if (governed !== undefined && !governed.some((term) => claimTerms.has(term))) continue;
    }
    return cue;
  }
  return undefined;
}
const DENIAL_ALL = new RegExp(DENIAL.source, 'gi');

/** Attribution verbs that are also plural nouns: "the report states" but "in several states". */
const AMBIGUOUS_PLURALS = new Set(['states', 'reports', 'claims', 'estimates']);
/** What stands before such a word when it is a noun: a determiner, a number, a modifier or a preposition. */
const NOUN_CONTEXT_BEFORE =
  /(?:\b(?:the|these|those|some|many|several|all|other|both|most|few|no|two|three|four|five|ten|dozens?|of|in|across|from|to|for|by|with|and|or|among|between|early|initial|new|latest)|\d|-(?:led|run|controlled|held|based))\s+$/i;

function firstAttribution(text: string, outlet: string | undefined): string | undefined {
  for (const match of text.matchAll(ATTRIBUTION_ALL)) {
    // A capitalised cue inside the sentence is a name, not a verb: "the United States", "Consumer Reports".
    if ((match.index ?? 0) > 0 && /^[A-Z]/.test(match[0])) continue;
    const after = text.slice((match.index ?? 0) + match[0].length);
    // "Republican-led states", "early estimates": a plural noun, unless "that" or a colon follows.
    if (
      AMBIGUOUS_PLURALS.has(match[0].toLowerCase()) &&
      !/^\s*(?:that\b|[:,])/.test(after) &&
      NOUN_CONTEXT_BEFORE.test(text.slice(Math.max(0, (match.index ?? 0) - 30), match.index ?? 0))
    )
      continue;
    if (match[0].toLowerCase() === 'told' && outlet !== undefined) {
      const told = /^\s+(?:the\s+)?([A-Z][\w-]*)/.exec(after);
      // "two engineers told the Gazette": the outlet vouches for its own reporting.
      if (told?.[1] !== undefined && outlet.toLowerCase().includes(told[1].toLowerCase())) continue;
    }
    return match[0];
  }
  return undefined;
}

/** The first denial cue of a text and where the denied content runs, or undefined. */
function findDenial(text: string): { cue: string; contentStart: number; contentEnd: number } | undefined {
  for (const match of text.matchAll(DENIAL_ALL)) {
    const start = match.index ?? 0;
    if (NOT_DENIAL_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    // Only a statement can be denied: "denied that …", "rejected claims that …", "denied shipping arms";
    // "rejected a plan" or "could deny communion" refuse something, they deny no report.
    const object = text.slice(start + match[0].length);
    if (
      match[2] === undefined &&
      !STATEMENT_OBJECT.test(object) &&
      !(DENY_VERB.test(match[0].trim()) && DENIED_DEED.test(object))
    )
      continue;
    let contentStart = start + match[0].length;
    while (contentStart < text.length && /\s/.test(text[contentStart]!)) contentStart++;
    const rest = text.slice(contentStart);
    const end = CLAUSE_END.exec(rest);
    const contentEnd = contentStart + (end === null ? rest.length : end.index);
    return { cue: match[0].trim(), contentStart, contentEnd };
  }
  return undefined;
}

/*
 * Denials reported without a denial verb: a speaker's negated statement ("said the ferry was not sold",
 * "insisted he did nothing wrong"), a verdict on a report ("called reports that … false", "the claims that
 * … were baseless") and "no evidence that …". Unlike "denied that", a negation says nothing about what
 * others hold: "said it would not raise fares" promises, "said the bridge was not safe" asserts. Each
 * therefore counts only when the statement's terms are known (see {@link StanceOptions.claimTerms}) and
 * the negated part carries them: then it negates what another source states.
 */

/** Any word an implied denial needs: a cheap test before the full reading. */
export const IMPLIED_DENIAL_HINT =
  /\b(?:not|never|nothing|\w+n['’]t|false|untrue|baseless|groundless|fabricated|unfounded|fake|bogus|hoax|lie|lies|inaccurate|evidence|proof)\b/i;
/** Verbs that report what someone says, before the clause they report. */
const SAYING =
  /\b(?:said|says|told|tells|insisted|insists|maintained|maintains|stressed|stresses|asserted|asserts|contended|contends|argued|argues|claimed|countered|counters|responded|replied|added|stated|wrote|writes)\b/gi;
/**
 * What may stand between a verb of saying and the clause it reports: a day, "in a statement", whom it
 * was told to.
 */
const SAYING_FILLER =
  /^(?:\s+(?:(?:on|late|early|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|night|month|year)\b|\s+in\s+an?\s+(?:statement|interview|letter|post|tweet|email|filing|video)\b|\s+to\s+(?:reporters|journalists|the\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*))*,?(?:\s+that\b)?/;
/** Whom something was told ("told reporters", "told the Gazette"): after it comes what was told. */
const TOLD_OBJECT =
  /^\s+(?:reporters|journalists|him|her|them|us|me|the\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)/;
/** "…, the ministry said." closing a sentence: what came before is what was said. */
const SAYING_AFTER =
  /,\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w'’.-]+\s+){0,5}?(?:said|says|insisted|insists|maintained|maintains|added|stated|argued|argues|claimed|told\s+[\w'’.-]+(?:\s+[\w'’.-]+)?)\b[^,;]*$/i;
/**
 * A negation of what happened or holds: "was not", "hadn't", "never", "did nothing wrong", "had nothing
 * to do with". Modals are left out ("would not", "will never"): they promise or forecast, they deny nothing.
 */
const NEGATION =
  /\b(?:(?:is|are|was|were|has|have|had|did|does|do)\s+(?:not|never)|(?:isn|aren|wasn|weren|hasn|haven|hadn|didn|doesn|don)\s?['’]\s?t|(?<!\b(?:would|will|could|can|should|shall|might|may|must|to)\s+)never|(?:did|does|do|had|has|have|done)\s+nothing\s+(?:wrong|illegal|improper|unlawful|untoward)|(?:had|has|have)\s+nothing\s+to\s+do\s+with)\b/gi;
/**
 * Words after a negation that make it no denial: a state of knowledge ("was not aware"), a plan ("does
 * not plan to"), a silence ("did not respond", "has not yet"), an addition ("not only").
 */
const NOT_DENIAL_AFTER =
  /^\s+(?:yet|only|just|immediately|able|aware|sure|certain|clear|known|expected|going|planning|intending|likely|about|want|wants|wanted|plan|plans|planned|intend|intends|need|needs|foresee|foresees|agree|agrees|established|determined|confirmed|verified|proven|know|knew|recall|remember|believe|think|expect|see|respond|responded|return|returned|comment|commented|say|said|specify|elaborate|disclose|disclosed|provide|provided|reveal|revealed|identify|identified|name|named|address|answer|explain|been\s+(?:told|informed|notified|asked|contacted))\b/i;
/** A word opening an embedded clause, an infinitive or a question before a negation. */
const EMBEDDED_BEFORE =
  /\b(?:which|who|whom|whose|what|where|when|how|why|whether|if|unless|because|to|that)\b/i;
/** A verdict that a report is untrue. */
const VERDICT =
  /(?:(?:completely|totally|entirely|simply|patently|demonstrably|categorically|wholly|absolutely|utterly|false\s+and)\s+)?(?:false|untrue|baseless|groundless|fabricated|unfounded|fake\s+news|fake|a\s+lie|lies|bogus|a\s+hoax|a\s+fabrication|made[\s-]up|inaccurate|not\s+true|without\s+(?:merit|basis|foundation))\b/;
/** What a verdict may be passed on: a report, a claim, an allegation, a story. */
const REPORT_HEAD =
  /(?:report|reports|reporting|claim|claims|allegation|allegations|accusation|accusations|story|stories|suggestion|suggestions|rumou?rs?|assertion|assertions|charge|charges|article|articles|account|accounts|speculation|theory|theories|narrative)/;
/** A report named as what a verdict is passed on, with what it says ("reports that the ferry was sold"). */
const REPORT_PHRASE = `\\b((?:(?!(?:said|says|told|tells|insisted|insists|added|stated|called|calls|labell?ed|branded|described|termed|dismissed|that|and|but|as|if|unless|whether|when|because|though|although)\\b)[\\w'’-]+\\s+){0,5}?${REPORT_HEAD.source}\\b(?:\\s+(?:that|of|about|on|from)\\s+[^,;]*?)?)`;
/** "called the report false", "dismissed the claims as baseless". */
const VERDICT_CALLED = new RegExp(
  `\\b(?:called|calls|calling|labell?ed|labels|branded|brands|described|describes|describing|termed|dismissed|dismisses|dismissing)\\s+${REPORT_PHRASE}\\s+(?:as\\s+)?(${VERDICT.source})`,
  'gi',
);
/** "the claims that … were baseless". */
const VERDICT_COPULAR = new RegExp(`${REPORT_PHRASE}\\s+(?:was|were|is|are)\\s+(${VERDICT.source})`, 'gi');
/** "no evidence that …", "found no proof of …". */
const NO_EVIDENCE =
  /\b(?:no|not\s+any)\s+(?:(?:credible|direct|hard|concrete|real|clear|such|other|new|physical|firm)\s+)?(?:evidence|proof|indication|sign)\s+(?:whatsoever\s+)?(?:(?:has|have|had)\s+(?:yet\s+)?(?:emerged|surfaced|been\s+(?:found|produced|presented|offered))\s+)?(?:that|of|to\s+(?:suggest|support|show|indicate|back)|suggesting|showing|indicating|supporting)\s+/gi;
/** A condition or a question before a verdict: "if the claims are false", "whether there is no evidence". */
const OPEN_QUESTION_BEFORE = /\b(?:if|unless|whether|even\s+if)\s+(?:[\w'’-]+\s+){0,8}$/i;
/** Where a reported clause stops. */
const REPORTED_END =
  /[,;:]|\s+(?:but|while|whereas|although|though|because|and\s+(?:said|added|called|vowed))\b|[.!?]["”’]?\s*$/i;

/** The clause reported from an offset on: up to {@link REPORTED_END}. */
function reportedClause(text: string, start: number): string {
  const rest = text.slice(start);
  const end = REPORTED_END.exec(rest);
  return end === null ? rest : rest.slice(0, end.index);
}

/** Whether a passage carries the statement: enough of its terms, one of them written in lower case. */
function carriesClaim(text: string, claimTerms: ReadonlySet<string>, exclude?: ReadonlySet<string>): boolean {
  let shared = 0;
  let lower = false;
  for (const [term, lowercase] of statementTerms(text)) {
    if (!claimTerms.has(term) || exclude?.has(term)) continue;
    shared++;
    lower ||= lowercase;
  }
  return shared >= MIN_CLAIM_TERMS && lower;
}

/** A negation in a reported clause that bears on the statement, as offsets in the clause. */
function negationIn(clause: string, claimTerms: ReadonlySet<string>): { cue: string } | undefined {
  for (const match of clause.matchAll(NEGATION)) {
    const at = match.index ?? 0;
    const after = clause.slice(at + match[0].length);
    if (NOT_DENIAL_AFTER.test(after) || /\byet\b/i.test(after)) continue;
    // "to know which Americans haven't been vaccinated": a negation in an embedded clause or a question
    // is no part of what the speaker holds true.
    if (EMBEDDED_BEFORE.test(clause.slice(0, at))) continue;
    // A quotation mark left after masking opens a quote the excerpt cuts: the words are the speaker's.
    if (/["“”]/.test(clause.slice(0, at))) continue;
    // "said the bridge was not safe" beside "closed the bridge": the negated word must be one another
    // source states, or the speaker negates something nobody asserts. "Nothing wrong" negates the whole.
    if (!/nothing/i.test(match[0]) && !negatedWord(after).some((term) => claimTerms.has(term))) continue;
    if (carriesClaim(clause, claimTerms)) return { cue: match[0] };
  }
  return undefined;
}

/** Words between a negation and the word it negates: auxiliaries, determiners, "part of". */
const NEGATED_SKIP = new Set(
  'be been being have has had ever even really actually in any a an the part of involved'.split(' '),
);

/** The terms of the word a negation bears on: the first content word after it ("was not sold" → sold). */
function negatedWord(after: string): string[] {
  for (const { terms } of contentWordsAfter(after, NEGATED_SKIP)) return terms;
  return [];
}

/** The first implied denial of the statement in a (quote-masked) text, or undefined. */
function findImpliedDenial(
  text: string,
  claimTerms: ReadonlySet<string>,
): { cue: string; contentStart: number; contentEnd: number } | undefined {
  // "said the ferry was not sold"
  for (const match of text.matchAll(SAYING)) {
    let verbEnd = (match.index ?? 0) + match[0].length;
    if (/^tel|^tol/i.test(match[0])) verbEnd += TOLD_OBJECT.exec(text.slice(verbEnd))?.[0].length ?? 0;
    const filler = SAYING_FILLER.exec(text.slice(verbEnd))?.[0] ?? '';
    let start = verbEnd + filler.length;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    const clause = reportedClause(text, start);
    const negation = negationIn(clause, claimTerms);
    if (negation !== undefined) {
      return { cue: `${match[0]} … ${negation.cue}`, contentStart: start, contentEnd: start + clause.length };
    }
  }
  // "The ferry was not sold, the ministry said."
  const after = SAYING_AFTER.exec(text);
  if (after !== null) {
    const before = text.slice(0, after.index);
    const clauseStart = maxOf(
      [...before.matchAll(/[,;:]\s*/g)].map((item) => (item.index ?? 0) + item[0].length),
      0,
    );
    const clause = before.slice(clauseStart);
    const negation = negationIn(clause, claimTerms);
    if (negation !== undefined) {
      const verb =
        /\b(?:said|says|insisted|insists|maintained|maintains|added|stated|argued|argues|claimed|told)\b/i.exec(
          after[0],
        );
      return {
        cue: `${negation.cue} … ${verb?.[0] ?? ''}`.trim(),
        contentStart: clauseStart,
        contentEnd: after.index,
      };
    }
  }
  // "called reports that the ferry was sold false", "the claims that the ferry was sold were untrue"
  for (const pattern of [VERDICT_CALLED, VERDICT_COPULAR]) {
    for (const match of text.matchAll(pattern)) {
      const phrase = match[1] ?? '';
      const at = (match.index ?? 0) + match[0].indexOf(phrase);
      if (OPEN_QUESTION_BEFORE.test(text.slice(Math.max(0, at - 60), at))) continue;
      // The report's own name ("claims") is no content: what it says must carry the statement.
      const head = new Set(statementTerms(REPORT_HEAD.exec(phrase)?.[0] ?? '').keys());
      if (!carriesClaim(phrase, claimTerms, head)) continue;
      const verdict = match[2] ?? '';
      return {
        cue: pattern === VERDICT_CALLED ? `${match[0].split(/\s/)[0]} … ${verdict}` : verdict,
        contentStart: at,
        contentEnd: at + phrase.length,
      };
    }
  }
  // "there was no evidence that the tanker leaked"
  for (const match of text.matchAll(NO_EVIDENCE)) {
    const at = match.index ?? 0;
    if (OPEN_QUESTION_BEFORE.test(text.slice(Math.max(0, at - 60), at))) continue;
    const start = at + match[0].length;
    const clause = reportedClause(text, start);
    if (carriesClaim(clause, claimTerms)) {
      return { cue: match[0].trim(), contentStart: start, contentEnd: start + clause.length };
    }
  }
  return undefined;
}

/** A sentence that negates or disputes something itself: it states no statement another may deny. */
export const STATES_NEGATION =
  /\b(?:not|never|nothing|no|\w+n\s?['’]\s?t|false|untrue|baseless|groundless|fabricated|unfounded|fake|bogus|hoax|den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|refut\w*|disput\w*)\b/i;

/** Whether a clause states a hypothetical ("which would also be a violation"): no side is taken. */
export function isHypothetical(text: string): boolean {
  return /\b(?:would|if|unless|were to)\b/i.test(maskQuotes(text));
}

/**
 * The stance of every source toward every claim, read from its own sentence in the claim.
 * Needs: claims with evidence, the analysed articles (for outlets). Adds: {@link Claim.stances}.
 * @param claims - the aligned claims
 * @param articles - the analysed articles of the story
 */
export function claimStances(claims: readonly Claim[], articles: readonly AnalyzedArticle[]): Claim[] {
  const outlets = new Map(articles.map((article) => [article.source.id, article.source.outlet]));
  return claims.map((claim) => {
    // Terms and negations are read only for claims with a hedge or a negation: most sentences carry neither.
    let termsOf: Array<Map<string, boolean>> | undefined;
    let negatesOf: boolean[] | undefined;
    const stances: ClaimStance[] = claim.evidence.map((evidence, position) => {
      const outlet = outlets.get(evidence.source);
      const options: StanceOptions = outlet === undefined ? {} : { outlet };
      let reading = readStance(evidence.text, options);
      // A negation ("said the ferry was not sold") denies only what another source states: read with the
      // terms of the sources that state it without a negation of their own.
      if (reading.stance !== 'denies' && IMPLIED_DENIAL_HINT.test(maskQuotes(evidence.text))) {
        termsOf ??= claim.evidence.map((item) => statementTerms(item.text));
        negatesOf ??= claim.evidence.map((item) => STATES_NEGATION.test(maskQuotes(item.text)));
        const terms = termsOf;
        const negates = negatesOf;
        const affirming = terms.filter(
          (_, other) => claim.evidence[other]!.source !== evidence.source && !negates[other],
        );
        if (affirming.length > 0) {
          const claimTerms = new Set(
            [...terms[position]!.keys()].filter((term) => affirming.some((held) => held.has(term))),
          );
          const implied = readStance(evidence.text, { ...options, claimTerms });
          if (implied.stance === 'denies') reading = implied;
        }
      }
      // The statement as the other sources word it: what this source's hedge must bear on.
      if (reading.stance === 'hedges' && claim.evidence.some((other) => other.source !== evidence.source)) {
        termsOf ??= claim.evidence.map((item) => statementTerms(item.text));
        const terms = termsOf;
        const others = terms.filter((_, other) => claim.evidence[other]!.source !== evidence.source);
        options.claimTerms = new Set(
          [...terms[position]!.keys()].filter((term) => others.some((held) => held.has(term))),
        );
        const hedged = readStance(evidence.text, options);
        // A negation is a denial only against the sources that affirm (read above), not against these terms,
        // which may come from a source stating the same negation.
        if (hedged.stance !== 'denies') reading = hedged;
      }
      const stance: ClaimStance = { source: evidence.source, stance: reading.stance };
      if (reading.cue !== undefined) stance.cue = reading.cue;
      return stance;
    });
    return { ...claim, stances };
  });
}

/** Whether the sources of a claim hold it differently (one asserts, another hedges or denies). */
export function isStanceSplit(claim: Claim): boolean {
  const stances = claim.stances ?? [];
  const kinds = new Set(stances.map((item) => item.stance));
  if (kinds.size < 2) return false;
  if (kinds.has('denies')) return true;
  if (!kinds.has('hedges')) return false;
  // Hedging what is only announced, planned or threatened ("threatened to advise" / "may advise") takes no
  // side against anyone: a split needs a source that states the thing as done or true.
  return stances.some(
    (item, position) =>
      item.stance === 'asserts' && !IRREALIS.test(maskQuotes(claim.evidence[position]?.text ?? '')),
  );
}

/**
 * Words that put a statement in the future, in someone's intentions or up as a question ("asked whether
 * the virus leaked") rather than in what happened.
 */
const IRREALIS =
  /\b(?:will|would|shall|could|may|might|whether|(?:is|are|was|were)\s+(?:set|expected|due|poised|scheduled|likely)\s+to|on\s+track\s+to|(?:plans?|planned|planning|prepar(?:es?|ed|ing)|threaten(?:s|ed|ing)?|vow(?:s|ed)?|pledg(?:es|ed)|promis(?:es|ed)|intends?|intended|aims?|aimed|seeks?|sought|hopes?|hoped|wants?|wanted|going)\s+to|warn(?:s|ed)?|(?:weigh|consider|mull|eye)(?:s|ing)|plans\s+(?!(?:is|are|was|were|has|have|had|for|of|by|in|on|at|and|or|but|from|with|into|that|which)\b)[a-z]+)\b/i;
