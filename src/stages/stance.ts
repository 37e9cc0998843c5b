import type { AnalyzedArticle, Claim, ClaimStance, Stance } from '../model/index.js';

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
}

const DENIAL =
  /\b(?:(?:flatly|strongly|categorically|firmly)\s+)?(denied|denies|deny|denying|dismissed|dismisses|dismissing|rejected|rejects|rejecting|refuted|refutes|refuting|disputed|disputes|rebuffed|rebutted)\b(\s+(?:any|all|the|such)?\s*(?:notion|notions|suggestion|suggestions|claim|claims|report|reports|allegation|allegations|accusation|accusations|charge|charges|idea|assertion|assertions)\b(?:\s+(?:that|of))?|\s+that)?/i;
/** What may follow a bare denial verb for it to deny a statement: a gerund or a charge. */
const STATEMENT_OBJECT =
  /^\s+(?:(?:any|all|the|its|his|her|their)\s+)?(?:[a-z]+ing\b|(?:wrongdoing|involvement|responsibility|allegations?|accusations?|reports?|claims?|charges?|knowledge|links?)\b)/i;
/** Passives ("the case was dismissed") and non-denials ("neither confirmed nor denied", "did not deny"). */
const NOT_DENIAL_BEFORE = /\b(?:was|were|been|being|be|is|are|nor|not|never|no)\s+(?:\w+\s+)?$/i;
const HEDGE =
  /\b(?:likely|unlikely|possibly|possible|possibility|probably|probable|reportedly|allegedly|alleged|apparently|purportedly|supposedly|suspected|presumably|perhaps|may|might|could|(?:is|are|was|were)\s+(?:believed|thought|said|understood|rumou?red)\s+to|believed\s+to\s+(?:be|have)|appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|unconfirmed|unverified)\b/;
const ATTRIBUTION =
  /\b(?:according to|said|says|say|told|tells|reported|reports|claimed|claims|stated|states|announced|confirmed|quoted|cited|added|wrote|writes|insisted|insists|argued|argues|estimated|estimates|alleges|accused|accuses|warned)\b/i;
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
  const hedge = HEDGE.exec(scope);
  if (hedge !== null) return { stance: 'hedges', cue: hedge[0] };
  const attribution = firstAttribution(scope, options.outlet);
  if (attribution !== undefined) return { stance: 'attributes', cue: attribution };
  return { stance: 'asserts' };
}

const ATTRIBUTION_ALL = new RegExp(ATTRIBUTION.source, 'gi');
const DENIAL_ALL = new RegExp(DENIAL.source, 'gi');

function firstAttribution(text: string, outlet: string | undefined): string | undefined {
  for (const match of text.matchAll(ATTRIBUTION_ALL)) {
    const after = text.slice((match.index ?? 0) + match[0].length);
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
    if (match[2] === undefined && !STATEMENT_OBJECT.test(text.slice(start + match[0].length))) continue;
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
    const stances: ClaimStance[] = claim.evidence.map((evidence) => {
      const outlet = outlets.get(evidence.source);
      const reading = readStance(evidence.text, outlet === undefined ? {} : { outlet });
      const stance: ClaimStance = { source: evidence.source, stance: reading.stance };
      if (reading.cue !== undefined) stance.cue = reading.cue;
      return stance;
    });
    return { ...claim, stances };
  });
}

/** Whether the sources of a claim hold it differently (one asserts, another hedges or denies). */
export function isStanceSplit(claim: Claim): boolean {
  const kinds = new Set((claim.stances ?? []).map((item) => item.stance));
  return kinds.size > 1 && (kinds.has('denies') || (kinds.has('asserts') && kinds.has('hedges')));
}
