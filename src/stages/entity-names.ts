import { normalizeName } from '../text/normalize.js';
import { HONORIFICS } from './entity-gazetteer.js';

/** A name folded for matching, with the honorific it was written with set apart. */
export interface NameKey {
  /** Normalised name without honorific: "Mr. Kim Jong-un" → "kim jong un", "U.N." → "un". */
  key: string;
  /** The normalised honorific ("mr", "ms"), when the name starts with one. */
  honorific?: string;
  tokens: string[];
}

/**
 * Folds a written name for matching: `normalizeName`, then the honorific split off, a leading
 * article dropped and dotted initialisms joined ("U.N." and "UN" agree).
 */
export function nameKey(written: string): NameKey {
  const cached = keyCache.get(written);
  if (cached) return cached;
  const computed = computeNameKey(written);
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(written, computed);
  return computed;
}

/** Names recur across a story's articles; folding each once keeps the taggers inside their budget. */
const keyCache = new Map<string, NameKey>();

function computeNameKey(written: string): NameKey {
  let tokens = normalizeName(written)
    .split(' ')
    .filter((token) => token.length > 0)
    .map(foldSpelling);
  if (tokens[0] === 'the' && tokens.length > 1) tokens = tokens.slice(1);
  let honorific: string | undefined;
  if (tokens.length > 1 && HONORIFICS.has(tokens[0] ?? '')) {
    honorific = tokens[0];
    tokens = tokens.slice(1);
  }
  tokens = joinInitials(tokens);
  const result: NameKey = { key: tokens.join(' '), tokens };
  if (honorific !== undefined) result.honorific = honorific;
  return result;
}

/** Whether the characters at `end` make the word before them possessive ("Kim's", "Kim’s", "leaders’ "). */
export function isPossessiveAt(text: string, end: number): boolean {
  return /^(?:['’‘]s\b|['’](?=[\s,.;:]|$))/u.test(text.slice(end, end + 3));
}

/** Initials of a multi-word name, skipping connectors: "Korean Central News Agency" → "kcna". */
export function initialsOf(tokens: readonly string[]): string {
  return tokens
    .filter((token) => !/^(?:of|for|the|and|de|on|in|'s)$/.test(token))
    .map((token) => token[0] ?? '')
    .join('');
}

/** Joins runs of two or more single letters: "u n security council" → "un security council". */
function joinInitials(tokens: string[]): string[] {
  const joined: string[] = [];
  let letters = '';
  const flush = (): void => {
    if (letters.length > 0) joined.push(letters);
    letters = '';
  };
  for (const token of tokens) {
    if (token.length === 1 && /\p{L}/u.test(token)) letters += token;
    else {
      flush();
      joined.push(token);
    }
  }
  flush();
  return joined;
}

/**
 * Folds British and American spellings to one form for matching only (never for display):
 * "neighbour"/"neighbor", "centre"/"center", "defence"/"defense", "organise"/"organize".
 * Both sides of a comparison are folded alike, so a fold that hits an unrelated word is harmless.
 */
export function foldSpelling(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = computeFold(word);
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

const foldCache = new Map<string, string>();

function computeFold(word: string): string {
  return word
    .replace(/([a-z]{2,})our(?=s?$|ed$|ing$|ite|able|hood|ly$|er)/, '$1or')
    .replace(/([a-z]{2,})(?:tre)(s?)$/, '$1ter$2')
    .replace(/(fen|cen|pen)ce$/, '$1se')
    .replace(/([a-z]{3,})is(e|ed|es|ing|ation|ations)$/, '$1iz$2')
    .replace(/([a-z]{3,})ys(e|ed|es|ing)$/, '$1yz$2')
    .replace(/(programm)e(s?)$/, 'program$2')
    .replace(/([a-z]{2,})ll(ed|ing|er)$/, '$1l$2');
}

/** A person's folded name taken apart for matching variants of it. */
export interface PersonNameParts {
  /** The given name in its full form ("fred" → "frederick"). */
  given: string;
  /** The given name as written. */
  writtenGiven: string;
  /** Middle names and initials, in order, including initials before the given name ("W. Mark Felt"). */
  middles: string[];
  surname: string;
  /** "sr", "jr", "ii", … or the empty string. */
  suffix: string;
}

/**
 * A two-or-more-word folded person name as given name, middle names, surname and generational suffix:
 * "frederick c larue" → frederick / [c] / larue; "mark felt sr" → mark / [] / felt / sr. Undefined when
 * no given name stands before the surname.
 * @param tokens - the folded tokens of the name, honorific removed
 */
export function personNameParts(tokens: readonly string[]): PersonNameParts | undefined {
  let rest = [...tokens];
  let suffix = '';
  const last = rest[rest.length - 1];
  if (last !== undefined && GENERATIONAL_SUFFIXES.has(last)) {
    suffix = last;
    rest = rest.slice(0, -1);
  }
  if (rest.length < 2) return undefined;
  const surname = rest[rest.length - 1]!;
  const before = rest.slice(0, -1);
  const givenAt = before.findIndex((token) => token.length > 1);
  if (givenAt < 0 || surname.length < 2) return undefined;
  const writtenGiven = before[givenAt]!;
  return {
    given: GIVEN_NAME_FORMS.get(writtenGiven) ?? writtenGiven,
    writtenGiven,
    middles: [...before.slice(0, givenAt), ...before.slice(givenAt + 1)],
    surname,
    suffix,
  };
}

/** Whether two lists of middle names can be one person's: equal word for word, an initial matching a name. */
export function middlesAgree(left: readonly string[], right: readonly string[]): boolean {
  if (left.length === 0 || right.length === 0) return true;
  if (left.length !== right.length) return false;
  return left.every((token, index) => {
    const other = right[index]!;
    if (token === other) return true;
    return (token.length === 1 && other.startsWith(token)) || (other.length === 1 && token.startsWith(other));
  });
}

const GENERATIONAL_SUFFIXES = new Set(['sr', 'jr', 'ii', 'iii', 'iv']);

/**
 * Common short forms of given names and spelling variants, mapped to one full form. Only forms that stand for
 * one full name are listed ("Chris" may be Christine, "Alex" Alexandra, "Steve" Stephen or Steven, "Ted"
 * Edward or Theodore). Korean and Chinese name syllables are never listed: "Kim Jong Un" and "Kim Jong Il"
 * keep their own names.
 */
const GIVEN_NAME_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    frederick: 'fred freddy frederic fredrick',
    william: 'bill billy will willie',
    robert: 'bob bobby rob robbie bert',
    michael: 'mike mick mikey',
    james: 'jim jimmy jamie',
    thomas: 'tom tommy',
    joseph: 'joe joey',
    david: 'dave davey',
    daniel: 'dan danny',
    matthew: 'matt',
    nicholas: 'nick nicky nicolas',
    anthony: 'tony',
    andrew: 'andy',
    benjamin: 'ben benji',
    edward: 'ed eddie',
    richard: 'rick ricky rich richie dick',
    lawrence: 'larry laurence',
    gregory: 'greg',
    jeffrey: 'jeff geoffrey',
    kenneth: 'ken kenny',
    ronald: 'ron ronnie',
    donald: 'don donnie',
    timothy: 'tim timmy',
    douglas: 'doug',
    charles: 'chuck charlie',
    zachary: 'zach zack',
    vincent: 'vince vinny',
    philip: 'phil phillip',
    maurice: 'mo',
    abraham: 'abe',
    elizabeth: 'liz lizzie beth',
    katherine: 'kate katie kathy kathryn catherine',
    margaret: 'maggie peggy',
    susan: 'sue susie',
    jennifer: 'jen jenny',
    rebecca: 'becky',
    patricia: 'patty trish',
  }).flatMap(([full, shorts]) => shorts.split(' ').map((short): [string, string] => [short, full])),
);
