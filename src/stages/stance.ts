import type { AnalyzedArticle, Claim, ClaimStance, Stance } from '../model/index.js';
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
function maskQuotes(text: string): string {
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
  const clause = /^[^,;:.!?()\u2014\u2013]*/.exec(after)?.[0] ?? '';
  const terms: string[] = [];
  for (const match of clause.matchAll(/[A-Za-z][A-Za-z'’-]*/g)) {
    const word = match[0].toLowerCase();
    if (GOVERNED_SKIP.has(word) || (/[a-z]{3}ly$/.test(word) && !LY_WORDS.has(word))) continue;
    const held = [...statementTerms(match[0]).keys()];
    if (held.length === 0) continue;
    terms.push(...held);
    if (!LIGHT_VERBS.has(word)) return terms;
  }
  return terms.length === 0 ? undefined : terms;
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
      let shared = 0;
      let lower = false;
      for (const [term, lowercase] of statementTerms(clause)) {
        if (!claimTerms.has(term)) continue;
        shared++;
        lower ||= lowercase;
      }
      if (shared < MIN_CLAIM_TERMS || !lower) continue;
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
    // Terms are read only for claims with a hedge: most sentences carry none.
    let termsOf: Array<Map<string, boolean>> | undefined;
    const stances: ClaimStance[] = claim.evidence.map((evidence, position) => {
      const outlet = outlets.get(evidence.source);
      const options: StanceOptions = outlet === undefined ? {} : { outlet };
      let reading = readStance(evidence.text, options);
      // The statement as the other sources word it: what this source's hedge must bear on.
      if (reading.stance === 'hedges' && claim.evidence.some((other) => other.source !== evidence.source)) {
        termsOf ??= claim.evidence.map((item) => statementTerms(item.text));
        const terms = termsOf;
        const others = terms.filter((_, other) => claim.evidence[other]!.source !== evidence.source);
        options.claimTerms = new Set(
          [...terms[position]!.keys()].filter((term) => others.some((held) => held.has(term))),
        );
        reading = readStance(evidence.text, options);
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
