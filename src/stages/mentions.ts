import type { EntityType, Mention, Segmentation, Token } from '../model/index.js';
import { isTitleCase } from '../text/title-case.js';
import {
  ADJECTIVAL_SUFFIXES,
  BUSINESS_CUES,
  CALENDAR_WORDS,
  CAR_BRANDS,
  COMMON_CAPITALISED,
  DEMONYMS,
  FIRST_NAMES,
  GROUP_NAMES,
  gazetteerType,
  HONORIFICS,
  KNOWN_ACRONYMS,
  NON_ENTITY_ACRONYMS,
  ORGANIZATION_CUES,
  ORGANIZATION_HEADS,
  ORGANIZATION_SUFFIXES,
  PARTY_QUALIFIERS,
  PERSON_ROLE_CUES,
  PERSON_SPEECH_VERBS,
  PERSON_TITLES,
  PLACE_ACRONYMS,
  PLACE_SUFFIXES,
  SURNAMES,
  TITLE_ABBREVIATIONS,
} from './entity-gazetteer.js';
import { nameKey } from './entity-names.js';

/*
 * Rule-based named-mention tagger. Hand-written because the NER libraries measured cost 30x the
 * per-article budget (100 articles of 400 words in < 1 s on 2 cores): capitalised runs, acronyms,
 * titles and honorifics, product model codes and money amounts, typed by gazetteer and local cues.
 */

/** One word of a sentence as the tagger sees it: possessive "'s" and adjectival "-made" cut off. */
interface Word {
  start: number;
  end: number;
  text: string;
  normal: string;
  /** Starts with a capital letter or is an initialism. */
  capitalised: boolean;
  acronym: boolean;
  /** Ends the run it belongs to ("Kim's", "Russian-made"). */
  closesRun: boolean;
  /** Stands where any word is capitalised: sentence start, after an opening quote or a colon. */
  initial: boolean;
  /** Punctuation or symbol: breaks runs. */
  breaker: boolean;
}

const NAME_CONNECTORS = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'der',
  'van',
  'von',
  'al',
  'bin',
  'ibn',
  'la',
  'le',
]);
/** Words that end the head of an appositive ("Gazprom, the giant whose chief …" is no person). */
const APPOSITIVE_STOPS = new Set([
  'who',
  'whose',
  'which',
  'where',
  'that',
  'when',
  'and',
  'but',
  'of',
  'for',
  'with',
  'by',
  'in',
  'at',
  'on',
  'from',
  'to',
  'about',
]);
/** Offices that both stand inside a capitalised run and open a sentence as a title ("Judge", "Speaker"). */
const OFFICE_TITLES = [
  'president',
  'senator',
  'sen',
  'governor',
  'gov',
  'mayor',
  'judge',
  'secretary',
  'minister',
  'representative',
  'rep',
  'ambassador',
  'general',
  'gen',
  'chairman',
  'chairwoman',
  'commissioner',
  'sheriff',
  'speaker',
  'justice',
];
/** Titles that, inside a capitalised run, separate a qualifier from the person's name. */
const INNER_TITLES = new Set([
  ...OFFICE_TITLES,
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'director',
  'leader',
  'chief',
  'coach',
  'founder',
  'ceo',
  'host',
  'anchor',
  'correspondent',
  'superintendent',
  'commander',
  'adviser',
  'advisor',
  'administrator',
  'whip',
  'mp',
]);
/** Capitalised words that, after "New", make a place or an outlet ("New York Times"), not a new thing. */
const NEW_NAME_HEADS = new Set([
  'york',
  'jersey',
  'mexico',
  'zealand',
  'delhi',
  'hampshire',
  'orleans',
  'england',
  'haven',
  'yorker',
  'yorkers',
  'south',
]);
/** Speech verbs that, before a name standing alone in its clause, make it the speaker ("…,” said Olsen.). */
const SPEECH_BEFORE = new Set([
  'said',
  'says',
  'added',
  'wrote',
  'explained',
  'insisted',
  'recalled',
  'stressed',
  'replied',
  'tweeted',
  'continued',
]);
/** Staff nouns right after a name make it their employer ("Lumen Research economist Ana Ortiz"). */
const ORGANIZATION_STAFF = new Set([
  'economist',
  'economists',
  'researcher',
  'researchers',
  'employee',
  'employees',
  'staff',
  'staffers',
  'workers',
  'engineer',
  'engineers',
  'scientist',
  'scientists',
  'executive',
  'executives',
  'ceo',
  'director',
  'analyst',
  'analysts',
  'shareholders',
  'subscribers',
  'users',
  'customers',
  'moderators',
]);
/** Given names that, alone, are more often a common word or a place ("the Bill", "a Marine"). */
const AMBIGUOUS_GIVEN = new Set([
  'bill',
  'mark',
  'marine',
  'hunter',
  'carter',
  'jordan',
  'austin',
  'madison',
  'grace',
  'rose',
  'chase',
  'lance',
  'drew',
  'don',
  'max',
  'sue',
  'kay',
  'nick',
  'rob',
  'ken',
  'dale',
  'clay',
  'colin',
  'victor',
  'frank',
  'will',
  'jay',
  'jean',
  'joy',
]);
/** Words before a capitalised word that make it a noun phrase rather than a person's name ("the former Olympian"). */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'former', 'this', 'that', 'every', 'each']);
/** Appositive heads that make the name before them a person besides the role nouns ("Olsen, a Republican,"). */
const APPOSITIVE_PERSON_HEADS = new Set([
  'republican',
  'democrat',
  'independent',
  'member',
  'resident',
  'native',
  'veteran',
  'mom',
  'dad',
  'grandmother',
  'grandfather',
  'father',
  'mother',
  'woman',
  'man',
  'girl',
  'boy',
]);
const PLACE_PREPOSITIONS = new Set([
  'in',
  'from',
  'to',
  'at',
  'near',
  'across',
  'outside',
  'inside',
  'into',
  'through',
  'via',
]);
/** Prepositions whose object is never the subject of the verb after it ("residents of X said"). */
const COMPLEMENT_PREPOSITIONS = new Set([...PLACE_PREPOSITIONS, 'of', 'on', 'with', 'for']);
const OPENING_MARKS = /^["“‘'«([:—–]$/u;
const MODEL_CODE = /^(?:\p{Lu}{1,3}-?\d{1,4}\p{L}*|\p{Lu}-Class)$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}\d]+s?$/u;
/** Cheap test that skips the full money pattern for the many sentences without an amount. */
const MONEY_HINT = /[$£€¥₩]|dollars|euros|pounds|\bwon\b|\byen\b|yuan|roubles|rubles/;
const MONEY =
  /(?:\b(?:more|less|fewer) than |\b(?:about|around|nearly|almost|over|up to|some|roughly|approximately) )?(?:US\$|[$£€¥₩])\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k)\b)?|\b\d[\d,]*(?:\.\d+)?\s(?:(?:million|billion|trillion)\s)?(?:dollars|euros|pounds|won|yen|yuan|roubles|rubles)\b/giu;

/**
 * Named mentions of one canonical text: people, organisations, places, products and money,
 * each with exact offsets and the index of its sentence. Dates are left to the dates stage.
 * @param text - the canonical text the segmentation was made from
 * @param segmentation - its paragraphs, sentences and tokens
 */
export function extractMentions(text: string, segmentation: Segmentation): Mention[] {
  const sentenceWords = segmentation.sentences.map((sentence) =>
    sentenceToWords(text, segmentation.tokens.slice(sentence.tokenStart, sentence.tokenEnd)),
  );
  // Headlines capitalise every word, so their capitals say nothing about names.
  const headline = segmentation.sentences.map((sentence) => isTitleCase(sentence.text));
  // Evidence about single words, used to tell a sentence-initial name from a capitalised common word.
  const lowerWords = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const [sentenceIndex, wordsOfSentence] of sentenceWords.entries()) {
    if (headline[sentenceIndex]) continue;
    for (const word of wordsOfSentence) {
      if (word.breaker) continue;
      if (!word.capitalised) lowerWords.add(word.normal);
      else if (!word.initial) capitalisedInside.add(word.normal);
    }
  }
  const drafts: Draft[] = [];
  sentenceWords.forEach((wordsOfSentence, sentenceIndex) => {
    const runs = findRuns(wordsOfSentence);
    for (const run of headline[sentenceIndex]
      ? runs.flatMap((candidate) => knownParts(candidate, capitalisedInside))
      : runs) {
      for (const draft of runToDrafts(text, run, wordsOfSentence, { lowerWords, capitalisedInside })) {
        draft.sentence = sentenceIndex;
        drafts.push(draft);
      }
    }
  });
  refineTypes(drafts);
  const mentions: Mention[] = drafts.map((draft) => ({
    start: draft.start,
    end: draft.end,
    text: text.slice(draft.start, draft.end),
    type: draft.type,
    sentence: draft.sentence,
  }));
  for (const money of findMoney(text, segmentation)) mentions.push(money);
  return removeOverlaps(mentions);
}

/** A mention before the article-wide type refinement. */
interface Draft {
  start: number;
  end: number;
  type: EntityType;
  key: string;
  tokens: string[];
  sentence: number;
  placeCue: boolean;
  /** Followed by "said", "told", … or by a clause with "he"/"her": a person unless something better types it. */
  speechCue: boolean;
  /** Typed 'other' on purpose (a group such as "Democrats"): the article-wide refinement leaves it. */
  fixed: boolean;
}

/** The words around a candidate name that its type is read from. */
interface Surroundings {
  before: Word | undefined;
  /** The word before a comma that stands right before the name ("correspondent, Kaitlan Collins"). */
  beforeComma: Word | undefined;
  after: readonly Word[];
  /** "the" stands before the name, across lower-case modifiers only ("the Colts", "the top-seeded Bluejays"). */
  definite: boolean;
}

function sentenceToWords(text: string, tokens: readonly Token[]): Word[] {
  const result: Word[] = [];
  let initial = true;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'word') {
      const breaker: Word = {
        start: token.start,
        end: token.end,
        text: token.text,
        normal: token.normal,
        capitalised: false,
        acronym: false,
        closesRun: true,
        initial: false,
        breaker: true,
      };
      // "Mr." keeps its full stop; "U.N." is joined below.
      const previous = result[result.length - 1];
      if (
        token.text === '.' &&
        previous &&
        !previous.breaker &&
        previous.end === token.start &&
        (HONORIFICS.has(previous.normal) ||
          (previous.capitalised && TITLE_ABBREVIATIONS.has(previous.normal)))
      ) {
        previous.end = token.end;
        previous.text = text.slice(previous.start, previous.end);
        continue;
      }
      // "Jong-un‘s": a stray opening mark used as an apostrophe makes the word before it possessive.
      const next = tokens[index + 1];
      if (
        /^['‘’]$/.test(token.text) &&
        previous &&
        !previous.breaker &&
        previous.end === token.start &&
        next?.text.toLowerCase() === 's' &&
        next.start === token.end
      ) {
        previous.closesRun = true;
        index++;
        continue;
      }
      result.push(breaker);
      initial = OPENING_MARKS.test(token.text) || (initial && /^["“‘'(]$/.test(token.text));
      continue;
    }
    // Most words are lower case: no name, possessive or initialism to look for.
    const code = token.text.charCodeAt(0);
    if (code >= 97 && code <= 122 && !/['’]/.test(token.text)) {
      result.push({
        start: token.start,
        end: token.end,
        text: token.text,
        normal: token.normal,
        capitalised: false,
        acronym: false,
        closesRun: false,
        initial,
        breaker: false,
      });
      initial = false;
      continue;
    }
    // Dotted initialisms: U.S., U.N.
    if (/^\p{Lu}$/u.test(token.text)) {
      let cursor = index;
      while (
        /^\p{Lu}$/u.test(tokens[cursor]?.text ?? '') &&
        tokens[cursor + 1]?.text === '.' &&
        tokens[cursor + 1]!.start === tokens[cursor]!.end &&
        (cursor === index || tokens[cursor]!.start === tokens[cursor - 1]!.end)
      ) {
        cursor += 2;
      }
      // A middle initial keeps a name whole: "George W. Bush".
      const previous = result[result.length - 1];
      const following = tokens[index + 2];
      if (
        cursor - index === 2 &&
        previous?.capitalised === true &&
        !previous.breaker &&
        following !== undefined &&
        /^\p{Lu}(?:\p{Ll}|$)/u.test(following.text)
      ) {
        const end = tokens[index + 1]!.end;
        result.push({
          start: token.start,
          end,
          text: text.slice(token.start, end),
          normal: token.text.toLowerCase(),
          capitalised: true,
          acronym: false,
          closesRun: false,
          initial: false,
          breaker: false,
        });
        index += 1;
        continue;
      }
      if (cursor - index >= 4) {
        const start = token.start;
        const end = tokens[cursor - 1]!.end;
        const written = text.slice(start, end);
        result.push({
          start,
          end,
          text: written,
          normal: written.replace(/\./g, '').toLowerCase(),
          capitalised: true,
          acronym: true,
          closesRun: false,
          initial,
          breaker: false,
        });
        initial = false;
        index = cursor - 1;
        continue;
      }
    }
    let end = token.end;
    let closesRun = false;
    const possessive = /^(.*\p{L})['’](?:s)?$/u.exec(token.text);
    if (possessive?.[1] !== undefined) {
      end = token.start + possessive[1].length;
      closesRun = true;
    }
    const adjectival = /^(\p{Lu}[^-‐‑]*)[-‐‑](\p{Ll}+)$/u.exec(text.slice(token.start, end));
    if (adjectival?.[1] !== undefined && ADJECTIVAL_SUFFIXES.has(adjectival[2] ?? '')) {
      end = token.start + adjectival[1].length;
      closesRun = true;
    }
    const written = text.slice(token.start, end);
    const normal = written.toLowerCase().replace(/[’‘]/g, "'");
    result.push({
      start: token.start,
      end,
      text: written,
      normal,
      capitalised: /^\p{Lu}/u.test(written),
      acronym: ALL_CAPS.test(written) && written.length <= 6,
      closesRun,
      initial,
      breaker: false,
    });
    initial = false;
  }
  return result;
}

/** Runs of capitalised words, allowing name connectors ("bin", "de") and "of"/"for" inside organisation names. */
function findRuns(words: readonly Word[]): Word[][] {
  const runs: Word[][] = [];
  let current: Word[] = [];
  const close = (): void => {
    if (current.length > 0) runs.push(current);
    current = [];
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (!word.breaker && word.capitalised) {
      current.push(word);
      if (word.closesRun) close();
      continue;
    }
    const next = words[index + 1];
    const last = current[current.length - 1];
    if (last && next && !next.breaker && next.capitalised && !word.breaker) {
      if (NAME_CONNECTORS.has(word.normal)) {
        current.push(word);
        continue;
      }
      if (word.normal === 'of' || word.normal === 'for') {
        let cursor = index + 1;
        while (
          words[cursor] &&
          !words[cursor]!.breaker &&
          words[cursor]!.capitalised &&
          !words[cursor]!.closesRun
        )
          cursor++;
        const tail = words[Math.min(cursor, words.length - 1)]!;
        const lastOfTail = tail.capitalised && !tail.breaker ? tail : words[cursor - 1]!;
        // "Judge Jack B. Weinstein of Federal District Court": a person's name ends at "of", whatever follows.
        const personBefore = current.length >= 2 && current.some((part) => FIRST_NAMES.has(part.normal));
        if (
          !personBefore &&
          (ORGANIZATION_HEADS.has(last.normal) || ORGANIZATION_SUFFIXES.has(lastOfTail.normal))
        ) {
          current.push(word);
          continue;
        }
      }
      // "Food and Drug Administration", "Centers for Disease Control and Prevention": an organisation word
      // ends what follows "and", and what precedes it is one word, an "of"/"for" phrase or starts with a known
      // organisation ("House Ways and Means Committee"); two names ("Ana Ruiz and Lumora Department") split.
      const named = current[0]!.normal === 'the' ? current.slice(1) : current;
      if (
        word.normal === 'and' &&
        named.length > 0 &&
        named.length <= 6 &&
        !isPersonWord(named[0]!) &&
        (named.length === 1 ||
          named.some((part) => part.normal === 'of' || part.normal === 'for') ||
          gazetteerType(named[0]!.normal) === 'organization')
      ) {
        const tail = capitalisedTail(words, index + 1);
        if (
          tail !== undefined &&
          tail.length <= 3 &&
          ORGANIZATION_SUFFIXES.has(tail[tail.length - 1]!.normal)
        ) {
          current.push(word);
          continue;
        }
      }
    }
    if (word.text === '&' && last && next?.capitalised) {
      current.push(word);
      continue;
    }
    close();
  }
  close();
  return runs;
}

/** The capitalised words from `index` up to the first word that is not one, or undefined when the run goes on. */
function capitalisedTail(words: readonly Word[], index: number): Word[] | undefined {
  const tail: Word[] = [];
  for (let cursor = index; cursor < words.length; cursor++) {
    const word = words[cursor]!;
    if (word.breaker || !word.capitalised) break;
    tail.push(word);
    if (word.closesRun) break;
  }
  return tail.length > 0 ? tail : undefined;
}

function isPersonWord(word: Word): boolean {
  return (
    FIRST_NAMES.has(word.normal) ||
    SURNAMES.has(word.normal) ||
    HONORIFICS.has(word.normal.replace(/\.$/, ''))
  );
}

/**
 * In a headline, the parts of a capitalised run made of words known as names: written with a capital
 * inside the article's other sentences, or in the gazetteers ("FBI Data Show Spike In Murders" → "FBI").
 */
function knownParts(run: readonly Word[], capitalisedInside: ReadonlySet<string>): Word[][] {
  const parts: Word[][] = [[]];
  for (const word of run) {
    if (word.acronym || isKnownName(word.normal) || capitalisedInside.has(word.normal)) {
      parts[parts.length - 1]!.push(word);
    } else if (parts[parts.length - 1]!.length > 0) parts.push([]);
  }
  return parts.filter((part) => part.length > 0);
}

interface WordEvidence {
  lowerWords: ReadonlySet<string>;
  capitalisedInside: ReadonlySet<string>;
}

function isKnownName(normal: string): boolean {
  return (
    gazetteerType(normal) !== undefined ||
    FIRST_NAMES.has(normal) ||
    SURNAMES.has(normal) ||
    DEMONYMS.has(normal) ||
    KNOWN_ACRONYMS.has(normal)
  );
}

function isShouting(word: Word): boolean {
  return /^\p{Lu}{2,}$/u.test(word.text) && !KNOWN_ACRONYMS.has(word.normal);
}

function runToDrafts(
  text: string,
  run: readonly Word[],
  sentenceWords: readonly Word[],
  evidence: WordEvidence,
): Draft[] {
  // Dates and non-name acronyms split a run: "Tuesday", "COVID". A role abbreviation splits it too and
  // says what stands on either side: "Colts QB Andrew Luck" is a team, then a person.
  const pieces: Piece[] = [{ words: [], roleOpens: false, beforeRole: false }];
  for (const [position, word] of run.entries()) {
    const role = isRoleAbbreviation(word) && position < run.length - 1;
    const splits =
      role ||
      // "Ed" is a given name unless written "ED".
      (NON_ENTITY_ACRONYMS.has(word.normal) && (word.acronym || !FIRST_NAMES.has(word.normal))) ||
      (CALENDAR_WORDS.has(word.normal) && !isCalendarName(run, position, sentenceWords));
    if (splits) {
      if (role) pieces[pieces.length - 1]!.beforeRole = true;
      pieces.push({ words: [], roleOpens: role, beforeRole: false });
    } else pieces[pieces.length - 1]!.words.push(word);
  }
  const drafts: Draft[] = [];
  for (const piece of pieces) {
    const draft = pieceToDraft(text, piece, sentenceWords, evidence);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

/** Part of a run between splitting words, with what a role abbreviation around it says. */
interface Piece {
  words: Word[];
  /** Follows a role abbreviation ("QB", "CEO"): a person. */
  roleOpens: boolean;
  /** Precedes a role abbreviation: the organisation the person works for, or a qualifier ("Assistant GM"). */
  beforeRole: boolean;
}

/**
 * Role abbreviations written in capitals between an employer and a person ("Chiefs WR", "Qualys CTO", "Labour
 * MP"): sports positions, executive and public offices.
 */
const ROLE_ABBREVIATIONS = new Set([
  'qb',
  'wr',
  'rb',
  'te',
  'dt',
  'de',
  'lb',
  'cb',
  'nt',
  'ol',
  'ot',
  'fb',
  'gm',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'cio',
  'mp',
  'mvp',
  'da',
  'ag',
  'vp',
  'pm',
]);
/** Words that only qualify a role abbreviation after them ("Assistant GM", "Senior VP"). */
const ROLE_QUALIFIERS = new Set([
  'assistant',
  'associate',
  'senior',
  'executive',
  'acting',
  'interim',
  'former',
]);

function isRoleAbbreviation(word: Word): boolean {
  return ROLE_ABBREVIATIONS.has(word.normal) && /^\p{Lu}{2,3}$/u.test(word.text);
}

/**
 * A month written as part of a person's name: a surname after a known given name ("Theresa May", unless a
 * day number follows), or "Jan" without its full stop before a capitalised name ("Jan Kowal").
 */
function isCalendarName(run: readonly Word[], position: number, sentenceWords: readonly Word[]): boolean {
  const word = run[position]!;
  const previous = run[position - 1];
  const next = run[position + 1];
  if (word.normal === 'jan') return next !== undefined && !CALENDAR_WORDS.has(next.normal);
  if (!MONTH_SURNAMES.has(word.normal) || previous === undefined || !FIRST_NAMES.has(previous.normal))
    return false;
  if (next !== undefined) return false;
  const following = wordsAfter(sentenceWords, word, 1)[0];
  return following === undefined || !/^\d/.test(following.text);
}

/** Months that are also family names. */
const MONTH_SURNAMES = new Set(['may', 'june', 'april', 'august']);

function pieceToDraft(
  text: string,
  piece: Piece,
  sentenceWords: readonly Word[],
  evidence: WordEvidence,
): Draft | undefined {
  let words = [...piece.words];
  let roleOpens = piece.roleOpens;
  if (
    piece.beforeRole &&
    words.every((word) => ROLE_QUALIFIERS.has(word.normal) || PERSON_TITLES.has(word.normal))
  )
    return undefined;
  while (words.length > 0 && COMMON_CAPITALISED.has(words[0]!.normal) && !keepsQualifier(words))
    words.shift();
  while (words.length > 0 && NAME_CONNECTORS.has(words[words.length - 1]!.normal)) words.pop();
  const first = words[0];
  if (!first) return undefined;
  if (first.initial && !first.acronym) {
    const known =
      isKnownName(first.normal) ||
      evidence.capitalisedInside.has(first.normal) ||
      opensName(words) ||
      (words.length === 1 &&
        !evidence.lowerWords.has(first.normal) &&
        !/[^s]s$/.test(first.normal) &&
        !GROUP_NAMES.has(first.normal) &&
        personCueAfter(wordsAfter(sentenceWords, first, 7)));
    if (
      !known &&
      (evidence.lowerWords.has(first.normal) ||
        words.length === 1 ||
        commonOpener(first, words[1]!, words.length - 1, evidence))
    )
      words.shift();
    // "Gymnast Ana Ruiz won": a role noun capitalised only because it opens the sentence.
    else if (
      words.length > 1 &&
      PERSON_ROLE_CUES.has(first.normal) &&
      !PERSON_TITLES.has(first.normal) &&
      !ORGANIZATION_SUFFIXES.has(words[words.length - 1]!.normal)
    ) {
      words.shift();
      roleOpens = true;
    }
  }
  if (words.length === 0) return undefined;
  // Headlines and bylines in capitals ("SIGN UP", "REUTERS") are not names.
  const shouting = words.filter(isShouting).length;
  if (
    (words.length > 1 && shouting >= 2) ||
    (words.length === 1 && isShouting(words[0]!) && words[0]!.text.length >= 6)
  )
    return undefined;

  const before = wordBefore(sentenceWords, words[0]!);
  let personCue = roleOpens;
  const fullKey = nameKey(text.slice(words[0]!.start, words[words.length - 1]!.end)).key;
  const lastNormal = words[words.length - 1]!.normal;
  const organizationTail = ORGANIZATION_SUFFIXES.has(lastNormal) || PLACE_SUFFIXES.has(lastNormal);
  if (gazetteerType(fullKey) === undefined && !organizationTail) {
    // "Russian President Vladimir Putin" → "Vladimir Putin", typed person by its title.
    for (;;) {
      const pair = words.length > 1 ? `${words[0]!.normal} ${words[1]!.normal}` : '';
      if (DEMONYMS.has(pair)) words = words.slice(2);
      else if (DEMONYMS.has(words[0]?.normal ?? '')) words = words.slice(1);
      else if (words.length > 1 && PARTY_QUALIFIERS.has(words[0]!.normal)) {
        // "Republican Ana Ruiz": a party word before a name that no gazetteer or suffix types is a politician.
        words = words.slice(1);
        personCue = true;
      } else if (PERSON_TITLES.has(words[0]?.normal.replace(/\.$/, '') ?? '')) {
        words = words.slice(1);
        personCue = true;
      } else break;
      if (words.length === 0) return undefined;
    }
    // "South Dakota Governor Kristi Noem" → "Kristi Noem": a title inside the run ends what qualifies it.
    const title = words.findIndex(
      (word, position) =>
        position > 0 && position < words.length - 1 && INNER_TITLES.has(word.normal.replace(/\.$/, '')),
    );
    if (title > 0 && words.length - title - 1 <= 3) {
      words = words.slice(title + 1);
      personCue = true;
    } else {
      // "(Speaker of the) House Nancy Pelosi", "(Chief of) Staff Colin Powell": a given name inside the run,
      // followed by one or two more names, starts the person; the words before it qualify them.
      // Only qualifiers may stand before it: an office or organisation word, a place, or a word the
      // article also writes in lower case ("Mullah Mohammad Hassan Akhund" keeps "Mohammad"; "West
      // Virginia" and "San Francisco" are places, not people named Virginia or Francisco).
      const qualifier = (word: Word): boolean =>
        gazetteerType(word.normal) !== undefined ||
        evidence.lowerWords.has(word.normal) ||
        INNER_TITLES.has(word.normal.replace(/\.$/, '')) ||
        PERSON_TITLES.has(word.normal.replace(/\.$/, '')) ||
        PERSON_ROLE_CUES.has(word.normal) ||
        ORGANIZATION_SUFFIXES.has(word.normal) ||
        ORGANIZATION_HEADS.has(word.normal) ||
        PARTY_QUALIFIERS.has(word.normal) ||
        DEMONYMS.has(word.normal) ||
        word.normal === 'chair';
      const lastWord = words[words.length - 1]!.normal.replace(/\.$/, '');
      const given = words.findIndex(
        (word, position) =>
          position > 0 &&
          FIRST_NAMES.has(word.normal) &&
          gazetteerType(word.normal) === undefined &&
          words.slice(0, position).every(qualifier) &&
          !INNER_TITLES.has(lastWord) &&
          !PERSON_TITLES.has(lastWord) &&
          // "US Marine Corps": a given name that is also a common word needs a known surname after it.
          (!AMBIGUOUS_GIVEN.has(word.normal) || SURNAMES.has(words[position + 1]?.normal ?? '')) &&
          !isPersonWord(words[position - 1]!) &&
          !words[position - 1]!.initial &&
          words.length - position >= 2 &&
          words.length - position <= 3,
      );
      if (given > 0) {
        words = words.slice(given);
        personCue = true;
      }
    }
  } else if (words.every((word) => DEMONYMS.has(word.normal))) return undefined;
  // "General Manager Billy King", "team Owner Arte Moreno": a role noun left before a given name and a surname.
  while (
    words.length >= 3 &&
    PERSON_ROLE_CUES.has(words[0]!.normal) &&
    (FIRST_NAMES.has(words[1]!.normal) ||
      /^\p{Lu}\./u.test(words[1]!.text) ||
      (personCue && words.length <= 4)) &&
    !ORGANIZATION_SUFFIXES.has(words[words.length - 1]!.normal)
  ) {
    words = words.slice(1);
    personCue = true;
  }
  const only = words.length === 1 ? words[0]!.normal.replace(/\.$/, '') : undefined;
  // A lone honorific, letter or organisation word ("News" of "Breaking News") names nothing.
  if (
    only !== undefined &&
    (only.length < 2 ||
      HONORIFICS.has(only) ||
      (ORGANIZATION_SUFFIXES.has(only) && gazetteerType(only) === undefined))
  )
    return undefined;

  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  const written = text.slice(start, end);
  const key = nameKey(written);
  if (key.key.length === 0) return undefined;
  const after = wordsAfter(sentenceWords, words[words.length - 1]!, 7);
  const beforeComma = before?.text === ',' ? wordBefore(sentenceWords, before) : undefined;
  const type =
    decideType(words, key.key, key.honorific !== undefined, personCue, {
      before,
      beforeComma,
      after,
      definite: definiteBefore(sentenceWords, words[0]!),
    }) ?? (piece.beforeRole ? 'organization' : undefined);
  return {
    start,
    end,
    type: type ?? 'other',
    key: key.key,
    tokens: key.tokens,
    sentence: 0,
    fixed: type === 'other',
    placeCue: type === undefined && before !== undefined && PLACE_PREPOSITIONS.has(before.normal),
    speechCue:
      after[0] !== undefined &&
      !(before !== undefined && COMPLEMENT_PREPOSITIONS.has(before.normal)) &&
      (PERSON_SPEECH_VERBS.has(after[0].normal) ||
        (!/[^s]s$/.test(lastNormal) &&
          !(before !== undefined && NOUN_DETERMINERS.has(before.normal)) &&
          pronounFollows(after))),
  };
}

/**
 * "Ortiz closely guarded her notes": a possessive or object pronoun in the clause the name opens, with no
 * preposition or conjunction between ("… Plan during his address" and "… when he" say nothing of the name).
 */
function pronounFollows(after: readonly Word[]): boolean {
  const next = after[0];
  if (next === undefined || next.breaker || next.capitalised) return false;
  for (let index = 0; index < Math.min(after.length, 4); index++) {
    const word = after[index]!;
    if (word.breaker || word.capitalised || CLAUSE_BREAKS.has(word.normal)) return false;
    if (index > 0 && PERSONAL_PRONOUNS.has(word.normal)) return true;
  }
  return false;
}

const PERSONAL_PRONOUNS = new Set(['his', 'her', 'him', 'himself', 'herself']);
/** Words after which a pronoun may belong to someone else. */
const CLAUSE_BREAKS = new Set([
  ...APPOSITIVE_STOPS,
  'as',
  'after',
  'before',
  'during',
  'since',
  'until',
  'if',
  'because',
  'while',
  'than',
  'into',
  'over',
  'under',
  'against',
  'between',
  'through',
  'or',
  'is',
  'was',
  'are',
  'were',
]);

/**
 * A sentence's first word that the shape of the words shows to be a common word swept into the name after it,
 * when the article never writes it in lower case: a participle or adverb before a name ("Choosing DeGeneres",
 * "Ironically Nichols", "Named Maurice Cheeks"), a hyphenated adjective ("Top-ranked North Carolina") or a
 * role noun before a given name ("Moviemaker Gary Ross"). Only called for words no list or capital knows.
 */
function commonOpener(first: Word, next: Word, restLength: number, evidence: WordEvidence): boolean {
  const givenNext = FIRST_NAMES.has(next.normal) || HONORIFICS.has(next.normal.replace(/\.$/, ''));
  const nameNext =
    givenNext ||
    next.acronym ||
    SURNAMES.has(next.normal) ||
    evidence.capitalisedInside.has(next.normal) ||
    gazetteerType(next.normal) !== undefined;
  if (!nameNext) return false;
  const hyphenated = /^\p{Lu}\p{Ll}*[-‐‑](\p{Ll}{3,})$/u.exec(first.text);
  if (hyphenated?.[1] !== undefined)
    return /(?:ed|ing|ly)$/.test(hyphenated[1]) || evidence.lowerWords.has(hyphenated[1]);
  if (!/^\p{Lu}\p{Ll}+$/u.test(first.text)) return false;
  // Given names end in -ed too ("Hamed"): a short one counts only before another given name.
  if (/^.{3,}(?:ing|ly)$/.test(first.normal)) return true;
  if (/ed$/.test(first.normal)) return first.normal.length >= 7 || givenNext;
  // A role noun stands before a full name ("Coroner Gary Hargrove") or an outlet ("Broadcaster NBC").
  return (
    /(?:er|or|ist)$/.test(first.normal) &&
    ((givenNext && restLength >= 2) || (next.acronym && restLength === 1))
  );
}

/** A usually common capitalised word that here opens a name: "New York", "State Department", "National Guard". */
function keepsQualifier(words: readonly Word[]): boolean {
  const first = words[0]!.normal;
  const second = words[1];
  if (second === undefined) return false;
  if (first === 'new') return NEW_NAME_HEADS.has(second.normal);
  return (
    (first === 'state' || first === 'national' || first === 'international') &&
    ORGANIZATION_SUFFIXES.has(words[words.length - 1]!.normal)
  );
}

/** Words kept at a name's start though they often open a sentence: "New York", "Judge Ruiz", "Supreme Court". */
function opensName(words: readonly Word[]): boolean {
  const first = words[0]!.normal.replace(/\.$/, '');
  const second = words[1];
  if (second === undefined) return false;
  if (keepsQualifier(words) || STRONG_TITLES.has(first) || HONORIFICS.has(first)) return true;
  return gazetteerType(nameKey(`${words[0]!.text} ${second.text}`).key) !== undefined;
}

/** Titles that, opening a sentence before a capitalised word, are a title and not a common noun. */
const STRONG_TITLES = new Set([...OFFICE_TITLES, 'prime', 'vice', 'attorney', 'prof', 'professor', 'dr']);

/** Evidence after a name that it is a person: a speech verb, ", who", an age or a role heading an appositive. */
function personCueAfter(after: readonly Word[]): boolean {
  const next = after[0];
  if (next === undefined) return false;
  if (PERSON_SPEECH_VERBS.has(next.normal)) return true;
  if (next.text !== ',') return false;
  const second = after[1];
  if (second?.normal === 'who') return true;
  // "Olsen, 45, said": an age between commas.
  if (second !== undefined && /^\d{1,3}$/.test(second.text) && after[2]?.text === ',') return true;
  // Appositive: "Maria Zakharova, the spokeswoman", "Colin Powell, the first Black secretary of state".
  // The role must head the appositive: scanning stops where a clause or another phrase begins.
  const phrase = after.slice(1);
  const stop = phrase.findIndex((word) => word.breaker || APPOSITIVE_STOPS.has(word.normal));
  const head = stop < 0 ? phrase : phrase.slice(0, stop);
  if (head.some((word) => PERSON_ROLE_CUES.has(word.normal))) return true;
  // "Olsen, a Republican," / "Olsen, a longtime resident,": the head's last word says what the name is.
  const last = head[head.length - 1];
  return stop >= 0 && last !== undefined && APPOSITIVE_PERSON_HEADS.has(last.normal);
}

/**
 * Each sentence's word positions, built on first use: `indexOf` per mention made a sentence of n words
 * with m names cost n·m (a 2 MB run-on sentence took 6 s). The word arrays are never changed once built.
 */
const wordPositions = new WeakMap<readonly Word[], Map<Word, number>>();

function positionOf(sentenceWords: readonly Word[], word: Word): number {
  let positions = wordPositions.get(sentenceWords);
  if (positions === undefined) {
    positions = new Map(sentenceWords.map((each, index) => [each, index]));
    wordPositions.set(sentenceWords, positions);
  }
  return positions.get(word) ?? -1;
}

function wordBefore(sentenceWords: readonly Word[], word: Word): Word | undefined {
  const position = positionOf(sentenceWords, word);
  return position > 0 ? sentenceWords[position - 1] : undefined;
}

function wordsAfter(sentenceWords: readonly Word[], word: Word, count: number): Word[] {
  const position = positionOf(sentenceWords, word);
  return sentenceWords.slice(position + 1, position + 1 + count);
}

function decideType(
  words: readonly Word[],
  key: string,
  honorific: boolean,
  personCue: boolean,
  { before, beforeComma, after, definite }: Surroundings,
): EntityType | undefined {
  if (honorific) return 'person';
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (words.length === 1 && first.acronym) {
    if (PLACE_ACRONYMS.has(key)) return 'place';
    return gazetteerType(key) ?? 'organization';
  }
  const known = gazetteerType(key);
  if (known) return known;
  const firstKey = nameKey(first.text).key;
  const pairKey = words.length > 1 ? nameKey(`${first.text} ${words[1]!.text}`).key : '';
  if (CAR_BRANDS.has(firstKey) || CAR_BRANDS.has(pairKey)) return 'product';
  if (words.length > 1 && words.some((word) => MODEL_CODE.test(word.text))) return 'product';
  if (ORGANIZATION_SUFFIXES.has(last.normal)) return 'organization';
  // "Ministry of Defence", "Waksman Institute of Microbiology": an organisation word heads the "of" phrase.
  if (
    words.some(
      (word, position) =>
        ORGANIZATION_HEADS.has(word.normal) &&
        (words[position + 1]?.normal === 'of' || words[position + 1]?.normal === 'for'),
    )
  )
    return 'organization';
  if (PLACE_SUFFIXES.has(last.normal)) return 'place';
  // "Democrats", "Senate Republicans", "Black Americans": a group, whatever verb follows.
  if (GROUP_NAMES.has(last.normal) || GROUP_NAMES.has(key)) return 'other';
  if (placeThenPlural(words)) return 'organization';
  if (!personCue && definite && isTeamPlural(words)) return 'organization';
  if (personCue) return 'person';
  if (before && !before.breaker && !before.capitalised) {
    if (PERSON_ROLE_CUES.has(before.normal)) return 'person';
    if (ORGANIZATION_CUES.has(before.normal)) return 'organization';
    if (BUSINESS_CUES.has(before.normal) && !FIRST_NAMES.has(first.normal)) return 'organization';
  }
  const next = after[0];
  // "the former Olympian, reality TV star …": a name after an article or "former" is used as a noun.
  const asNoun = before !== undefined && NOUN_DETERMINERS.has(before.normal);
  // "CNN's chief correspondent, Kaitlan Collins, asked": a role, a comma, then the name closed by punctuation.
  if (
    beforeComma !== undefined &&
    !beforeComma.capitalised &&
    PERSON_ROLE_CUES.has(beforeComma.normal) &&
    (next === undefined || next.breaker)
  )
    return 'person';
  const lone = words.length === 1;
  if (
    (FIRST_NAMES.has(first.normal) && !(lone && AMBIGUOUS_GIVEN.has(first.normal))) ||
    SURNAMES.has(first.normal)
  )
    return 'person';
  if (companyCueAfter(words, after)) return 'organization';
  // "Residents of Gull Point said", "Villagers in Oskarsby said": the name closes a prepositional
  // phrase, and the phrase's head speaks.
  const complement = before !== undefined && COMPLEMENT_PREPOSITIONS.has(before.normal);
  if (!lone && next && !complement && PERSON_SPEECH_VERBS.has(next.normal)) return 'person';
  // "…,” said Olsen." — the speaker of an inverted attribution, closed by punctuation.
  if (before && SPEECH_BEFORE.has(before.normal) && (next === undefined || next.breaker)) return 'person';
  // "Lumen Research economist Ana Ortiz": staff nouns after a name that no person cue typed.
  if (next && !next.capitalised && !next.breaker && ORGANIZATION_STAFF.has(next.normal))
    return 'organization';
  if (next?.text === ',' && !asNoun) {
    // "Cyber Foxes, who …" is a team: a plural-looking lone word is left to other evidence.
    const plural = /[^s]s$/.test(last.normal);
    if (!plural && personCueAfter(after)) return 'person';
    if (plural && after[1]?.normal !== 'who' && personCueAfter(after)) return 'person';
  }
  return undefined;
}

/** A word that looks like a plural noun: a team's name after its city ("Colts", "Chiefs", "Sox"). */
function isPluralName(normal: string): boolean {
  return (/[^su]s$/.test(normal) || normal === 'sox') && !PLACE_PLURALS.has(normal);
}

/** Plural words that end places, events or peoples rather than teams ("Beverly Hills", "Tokyo Olympics"). */
const PLACE_PLURALS = new Set([
  'hills',
  'heights',
  'springs',
  'falls',
  'woods',
  'keys',
  'states',
  'lakes',
  'isles',
  'highlands',
  'plains',
  'rapids',
  'gardens',
  'meadows',
  'islands',
  'mountains',
  'emirates',
  'territories',
  'provinces',
  'alps',
  'rockies',
  // Events and peoples, not teams: "Tokyo Olympics", "Pacific Islanders".
  'olympics',
  'games',
  'finals',
  'playoffs',
  'championships',
  'awards',
  'series',
  'islanders',
  // Archipelagos, ranges and regions named in the plural: "the Bahamas", "the Balkans", "the Andes".
  'bahamas',
  'maldives',
  'seychelles',
  'falklands',
  'balkans',
  'baltics',
  'americas',
  'andes',
  'himalayas',
  'pyrenees',
  'dolomites',
  'appalachians',
  'carpathians',
  'midlands',
  'lowlands',
  'everglades',
  'hamptons',
  'azores',
  'canaries',
  'hebrides',
  'comoros',
  // Prizes, eras and other plurals that are no team: "the Oscars", "the Middle Ages", "the Sixties".
  'oscars',
  'grammys',
  'emmys',
  'tonys',
  'baftas',
  'globes',
  'paralympics',
  'masters',
  'ages',
  'allies',
  'papers',
  'scrolls',
  'commandments',
  'towers',
  'twenties',
  'thirties',
  'forties',
  'fifties',
  'sixties',
  'seventies',
  'eighties',
  'nineties',
]);

/**
 * "Kansas City Chiefs", "Boston Red Sox": a known place followed by one or two words ending in a plural is a
 * team or club, not the place.
 */
function placeThenPlural(words: readonly Word[]): boolean {
  const last = words[words.length - 1]!;
  if (words.length < 2 || !isPluralName(last.normal) || !last.capitalised || last.acronym) return false;
  for (const cut of [words.length - 1, words.length - 2]) {
    if (cut < 1) continue;
    const head = words.slice(0, cut);
    const tailLast = head[head.length - 1]!;
    const key = nameKey(head.map((word) => word.text).join(' ')).key;
    if (gazetteerType(key) === 'place' || (head.length > 1 && PLACE_SUFFIXES.has(tailLast.normal)))
      return true;
  }
  return false;
}

/** Nouns heading an appositive after a name that make it an organisation ("Vexa, the networks company"). */
const ORGANIZATION_APPOSITIVE_HEADS = new Set([
  ...ORGANIZATION_CUES,
  'studio',
  'operator',
  'provider',
  'carrier',
  'retailer',
  'conglomerate',
  'publisher',
  'developer',
  'team',
  'club',
  'band',
]);

/** Roles a team's name stands before ("Foxes defensive lineman Ana Ruiz", "Foxes coach Ira Penn"). */
const TEAM_ROLES = new Set([
  'coach',
  'lineman',
  'linebacker',
  'quarterback',
  'tackle',
  'receiver',
  'pitcher',
  'catcher',
  'shortstop',
  'outfielder',
  'infielder',
  'defenseman',
  'goalkeeper',
  'midfielder',
  'striker',
  'fans',
]);

/**
 * Evidence after a name that it is an organisation: "Vexa said its network …" (a speaker owning an "its"),
 * "Vexa, the networks company", or a team's plural before a player's role ("Foxes defensive lineman").
 */
function companyCueAfter(words: readonly Word[], after: readonly Word[]): boolean {
  const next = after[0];
  if (next === undefined) return false;
  if (!next.breaker && !next.capitalised && /(?:ed|s)$/.test(next.normal)) {
    const object = after[1]?.normal === 'that' ? after[2] : after[1];
    if (object?.normal === 'its' && PERSON_SPEECH_VERBS.has(next.normal)) return true;
    if (object?.normal === 'its' && /(?:announced|confirmed|reported)$/.test(next.normal)) return true;
  }
  if (isTeamPlural(words)) {
    const role = after[0]?.breaker === false && /(?:ive|al)$/.test(after[0].normal) ? after[1] : after[0];
    if (role !== undefined && !role.capitalised && TEAM_ROLES.has(role.normal)) return true;
  }
  if (next.text !== ',' || !['the', 'a', 'an'].includes(after[1]?.normal ?? '')) return false;
  const phrase = after.slice(2);
  const stop = phrase.findIndex((word) => word.breaker || APPOSITIVE_STOPS.has(word.normal));
  if (stop < 0) return false;
  const head = phrase[stop - 1];
  return head !== undefined && !head.capitalised && ORGANIZATION_APPOSITIVE_HEADS.has(head.normal);
}

/** Lower-case words that may stand between "the" and a team's name ("the top-seeded Bluejays"). */
const TEAM_MODIFIERS = new Set(['top', 'rival', 'host', 'hometown', 'unbeaten', 'hapless', 'mighty', '-']);

/**
 * Whether "the" opens the phrase the name ends: right before it, or before modifiers a team takes ("the
 * visiting", "the top - ranked"). Other words between ("the money went to Saints") break the phrase.
 */
function definiteBefore(sentenceWords: readonly Word[], first: Word): boolean {
  let position = positionOf(sentenceWords, first) - 1;
  for (let steps = 0; position >= 0 && steps < 5; steps++, position--) {
    const word = sentenceWords[position]!;
    if (word.normal === 'the') return true;
    const modifier =
      TEAM_MODIFIERS.has(word.normal) ||
      (!word.breaker && !word.capitalised && /^[\p{L}-]+(?:ed|ing)$/u.test(word.normal)) ||
      /^[\p{L}]+-[\p{L}]+$/u.test(word.normal);
    if (!modifier) return false;
  }
  return false;
}

/**
 * "the Colts", "the Red Sox", "the Tar Heels": "the" and a capitalised plural that no list makes a group,
 * a people, a family or a plural place is a team, band or club. The singular must not be a person's name
 * ("the Kennedys") or a demonym ("the Egyptians").
 */
function isTeamPlural(words: readonly Word[]): boolean {
  const last = words[words.length - 1]!;
  if (!isPluralName(last.normal) || !last.capitalised || last.acronym || words.length > 3) return false;
  if (words.some((word) => !word.capitalised || word.acronym)) return false;
  const singular = last.normal.replace(/(?:es|s)$/, '');
  const stems = [last.normal.slice(0, -1), singular];
  if (stems.some((stem) => FIRST_NAMES.has(stem) || SURNAMES.has(stem) || DEMONYMS.has(stem))) return false;
  // Peoples: "Kenyans", "Europeans", "Filipinos".
  if (/(?:ans|inos)$/.test(last.normal)) return false;
  return true;
}

/** Article-wide refinement: a name typed once is typed everywhere; parts of a person's name are that person. */
function refineTypes(drafts: Draft[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  const personTokens = new Set<string>();
  for (const draft of drafts) {
    if (draft.fixed) continue;
    if (draft.type === 'person' || (draft.type === 'other' && draft.speechCue))
      for (const token of draft.tokens) personTokens.add(token);
    if (draft.type === 'other') continue;
    const tally = votes.get(draft.key) ?? new Map<EntityType, number>();
    tally.set(draft.type, (tally.get(draft.type) ?? 0) + 1);
    votes.set(draft.key, tally);
  }
  for (const draft of drafts) {
    if (draft.type !== 'other' || draft.fixed) continue;
    // "Indianapolis Colts" where the article types "Indianapolis" a place: the team, not the city.
    const last = draft.tokens[draft.tokens.length - 1] ?? '';
    if (
      draft.tokens.length >= 2 &&
      isPluralName(last) &&
      [1, 2].some((drop) => {
        const head = draft.tokens.slice(0, draft.tokens.length - drop).join(' ');
        // "San Diego Chargers" where the article types "the Chargers" a team: the same team.
        const tail = draft.tokens.slice(drop).join(' ');
        return (
          (head.length > 0 && (votes.get(head)?.get('place') ?? 0) > 0) ||
          (tail.length > 0 && (votes.get(tail)?.get('organization') ?? 0) > 0)
        );
      })
    ) {
      draft.type = 'organization';
      continue;
    }
    const tally = votes.get(draft.key);
    if (tally) {
      let best: EntityType = 'other';
      let bestCount = 0;
      for (const [type, count] of tally) {
        if (count > bestCount) {
          best = type;
          bestCount = count;
        }
      }
      draft.type = best;
    } else if (draft.speechCue || isPersonLike(draft.tokens, personTokens)) draft.type = 'person';
    else if (draft.placeCue) draft.type = 'place';
  }
}

/** A name whose every word, or (for two or three words) whose first or last word, belongs to a person. */
function isPersonLike(tokens: readonly string[], personTokens: ReadonlySet<string>): boolean {
  if (tokens.every((token) => personTokens.has(token))) return true;
  if (tokens.length < 2 || tokens.length > 3) return false;
  return personTokens.has(tokens[0]!) || personTokens.has(tokens[tokens.length - 1]!);
}

function findMoney(text: string, segmentation: Segmentation): Mention[] {
  const found: Mention[] = [];
  segmentation.sentences.forEach((sentence) => {
    if (!MONEY_HINT.test(sentence.text)) return;
    for (const match of sentence.text.matchAll(MONEY)) {
      const start = sentence.start + (match.index ?? 0);
      const end = start + match[0].length;
      found.push({ start, end, text: text.slice(start, end), type: 'money', sentence: sentence.index });
    }
  });
  return found;
}

function removeOverlaps(mentions: Mention[]): Mention[] {
  mentions.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: Mention[] = [];
  for (const mention of mentions) {
    const previous = kept[kept.length - 1];
    if (previous && mention.start < previous.end) continue;
    kept.push(mention);
  }
  return kept;
}
