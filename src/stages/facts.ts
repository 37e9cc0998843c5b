import type {
  AnalyzedArticle,
  EntityIndex,
  Fact,
  FactModality,
  FactSlot,
  FactValue,
  Mention,
  Sentence,
  Stance,
  Token,
} from '../model/index.js';
import { STOPWORDS } from '../text/stopwords.js';
import { paraphraseClass } from '../text/synonyms.js';
import { stem } from '../text/terms.js';
import { isBaseline, parseQuantities } from './conflict-values.js';
import { readStance } from './stance.js';

/*
 * The fact layer: every sentence's values (figures, dates, weekdays, records, ranks) as typed facts with
 * the slot they fill, the time they are reported as of and how the source holds them. Candidate
 * generators propose values; refiners drop the ones that are no figure of the story (ages, baselines,
 * days of speaking) and settle overlaps; the slot reader then says what each value is a value of.
 * Written by hand: no installed library reads news figures as typed, comparable slots.
 */

/** What {@link extractFacts} reads besides the article. */
export interface FactOptions {
  /** Merged entities: participants are named by their canonical name, so "Mr Kim" meets "Kim Jong Un". */
  entities?: EntityIndex;
}

/** A value proposed by a generator, in sentence offsets. */
interface Candidate {
  start: number;
  end: number;
  value: FactValue;
  /** The measure when the generator knows it (a toll counts the dead, a record is a record). */
  measure?: string;
}

/** Words either side of a value read as its slot. */
const SLOT_BEFORE = 8;
const SLOT_AFTER = 6;
/** How fast a word's weight in the slot falls with its distance from the value, in words. */
const DISTANCE_SCALE = 3;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/gi;
const DECADE = /\b(?:the\s+)?((?:1[6-9]|20)\d)0['’]?s\b/g;
/** A win–loss(–draw) record: "52-3", "(45-7-2, 36 KOs)". */
const RECORD =
  /(?<![\d.,:/-])(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?(?![\d:/-]|[.,]\d|\s*(?:vote|votes|win|victory|loss|defeat|lead|majority|decision|margin|split|score|scoring)\b)/g;
/** Before a pair of numbers, words that make it a score or a vote rather than someone's record. */
const SCORE_BEFORE =
  /\b(?:won|win|wins|beat|beats|lost|loses|lose|defeated|score|scored|scores|voted?|votes|tally|margin|led|leads|victory|defeat|trailed|finished)\s+(?:\w+\s+){0,2}$/i;
const ORDINALS: Readonly<Record<string, number>> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const ORDINAL = new RegExp(
  String.raw`\b(${Object.keys(ORDINALS).join('|')}|\d{1,2}(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|successive|successful|title|time|term|career|overall)\s+)?([a-z]+)`,
  'gi',
);
/** "twice", "three times": how often something happened. */
const TIMES = /\b(once|twice|thrice)\b/gi;
const TIMES_VALUE: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
/** "a pair of left hooks": two of what follows. */
const PAIR = /\b(?:a\s+)?(pair|couple)\s+of\s+(?:[a-z-]+\s+){0,2}?([a-z]+s)\b/gi;
/** A death toll stated without a counted noun after its number ("the death toll rose to 11"). */
const TOLL =
  /\b(death|casualty|fatality)\s+toll\b[^.;:]{0,40}?\b(?:at|to|of|reached|hit|is|was|stands at|stood at)\s+((?:at least|more than|over|about|around|nearly|almost|some)\s+)?(\d[\d,]*\d|\d)/gi;
/** The event of each verb a bare count may follow, by the verb's first four letters. */
const BARE_TOLL_EVENTS: Readonly<Record<string, string>> = {
  kill: 'kill',
  inju: 'injure',
  woun: 'injure',
  hurt: 'injure',
  arre: 'arrest',
  evac: 'evacuate',
  resc: 'rescue',
};
const BARE_NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty';
/** Values of the number words {@link BARE_TOLL} reads. */
const NUMBER_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  BARE_NUMBER_WORDS.split('|').map((word, index) => [word, index < 19 ? index + 2 : (index - 17) * 10]),
);
/** "killing 10", "injuring at least 80", "wounding other 70": an event verb, then a count with no noun. */
const BARE_TOLL = new RegExp(
  String.raw`\b(killing|injuring|wounding|hurting|arresting|evacuating|rescuing)\s+(?:(?:an?\s+)?other\s+)?((?:at\s+least|more\s+than|about|some|nearly|almost|over|around|another)\s+)?(\d[\d,]*|${BARE_NUMBER_WORDS})(?=\s*(?:[,.;:]|and\b|others\b|more\b|$))`,
  'gi',
);
/**
 * "said 50 were injured", "ten were killed and at least 50 injured": a bare count before the event it
 * counts, with the verb's auxiliary or after "and" or a comma, so that a year ("in 2004 killed") is not
 * read as one.
 */
const BARE_TOLL_BEFORE = new RegExp(
  String.raw`(?:\b(and|said)\s+|,\s*)?((?:at\s+least|more\s+than|about|some|nearly|almost|over|around|another)\s+)?\b(\d[\d,]*|${BARE_NUMBER_WORDS})\s+(?:(were|have\s+been|had\s+been|are|got)\s+)?(killed|injured|wounded|hurt|arrested)\b`,
  'gi',
);
/**
 * The candidate of a bare toll ({@link BARE_TOLL}, {@link BARE_TOLL_BEFORE}): the count of the event its
 * verb names, bounded from below by "at least", "more than" or "over".
 */
function bareToll(
  count: number,
  verb: string,
  bound: string | undefined,
  start: number,
  end: number,
): Candidate {
  const measure = paraphraseClass(stem(BARE_TOLL_EVENTS[verb.toLowerCase().slice(0, 4)] ?? 'kill'));
  const qualifier = bound?.trim().toLowerCase();
  const bounded = qualifier !== undefined && ['at least', 'more than', 'over'].includes(qualifier);
  const value: FactValue = { type: 'quantity', low: count, high: bounded ? Infinity : count, unit: measure };
  if (qualifier !== undefined) value.qualifier = qualifier;
  return { start, end, value, measure };
}

/** "no casualties", "no one was killed": a count of zero. */
const NONE =
  /\b(?:no\s+(casualties|deaths|fatalities|injuries|one\s+(?:was|were|has been|had been)\s+(?:killed|injured|hurt|wounded))|nobody\s+(?:was|has been|had been)\s+(killed|injured|hurt|wounded))\b/gi;
/** A quake's magnitude, before or after its number. */
const MAGNITUDE =
  /\b(?:magnitude[-\s]+(?:of\s+)?(\d(?:\.\d)?)|(\d(?:\.\d)?)[-\s]*magnitude|measur(?:ed|ing)\s+(?:a\s+)?(?:magnitude\s+)?(\d(?:\.\d)?)|(\d(?:\.\d)?)\s+on\s+the\s+richter)\b/gi;
/** "26-year-old", "26 - year - old", "aged 26": an age, not a length of time. */
const AGE_AFTER = /^\s*-?\s*(?:year|yr)s?\s*-?\s*old\b/i;
/** Counted nouns that say who or what is counted but not what happened to them. */
const BEARERS = new Set(
  [
    'people',
    'adult',
    'american',
    'voter',
    'person',
    'persons',
    'resident',
    'villager',
    'civilian',
    'passenger',
    'student',
    'child',
    'men',
    'women',
    'worker',
    'soldier',
    'officer',
    'member',
    'citizen',
    'pirate',
    'suspect',
    'victim',
    'individual',
    'family',
    'time',
  ].map((word) => paraphraseClass(stem(word))),
);
/** Who is counted in general ("people", "adults"): never an event word of a figure. */
const GENERIC_BEARERS = new Set(
  ['people', 'person', 'persons', 'adult', 'american', 'voter', 'resident', 'citizen', 'individual'].map(
    (word) => paraphraseClass(stem(word)),
  ),
);
/** Events that happen to people or things, which name the measure of a count of them. */
const EVENTS = new Set(
  [
    'kill',
    'injure',
    'arrest',
    'evacuate',
    'rescue',
    'missing',
    'displace',
    'hospitalize',
    'destroy',
    'damage',
    'charge',
    'convict',
    'capture',
    'fire',
    'lay',
    'marry',
    'divorce',
    'vote',
    'attend',
    'infect',
    'trap',
    'strand',
  ].map((word) => paraphraseClass(stem(word))),
);
/** Measures of a person that every outlet should give alike: age, home town, title. */
export const PERSON_ATTRIBUTES: ReadonlySet<string> = new Set(['age', 'residence', 'title']);

/** "LaSalle, 36, of Bloomington", "Chohan (59)": an age set off right after a name. */
const AGE_AFTER_NAME = /^(?:,\s*|\s*\()(\d{1,3})(?:\s*,(?!\s*\d{3}\b)|\))/;
/** "of Bloomington", "of College Point, Queens": a home town after a name (and its age). */
const HOME_AFTER_NAME =
  /^(?:,\s*\d{1,3}\s*,|\s*\(\d{1,3}\)\s*,?)?\s*,?\s*of\s+((?:[A-Z][\p{Ll}'’]+\.?)(?:\s+[A-Z][\p{Ll}'’]+\.?){0,3})/u;
/** "who lived half a mile away in South Ozone Park": a home town in a relative clause. */
const LIVED_IN_AFTER_NAME =
  /^\s*,\s*who\s+(?:lived|lives|resided|resides)\s+(?:[^,.]{0,30}?\s)?in\s+((?:[A-Z][\p{Ll}'’]+\.?)(?:\s+[A-Z][\p{Ll}'’]+\.?){0,3})/u;
/** Ranks and offices written before a name, with their abbreviations read as the full word. */
const TITLES: Readonly<Record<string, string>> = {
  ceo: 'CEO',
  coo: 'COO',
  cfo: 'CFO',
  chairman: 'chairman',
  commander: 'commander',
  cmdr: 'commander',
  commodore: 'commodore',
  captain: 'captain',
  capt: 'captain',
  lieutenant: 'lieutenant',
  lt: 'lieutenant',
  sergeant: 'sergeant',
  sgt: 'sergeant',
  colonel: 'colonel',
  col: 'colonel',
  general: 'general',
  gen: 'general',
  admiral: 'admiral',
  adm: 'admiral',
  major: 'major',
  maj: 'major',
  detective: 'detective',
  det: 'detective',
  corporal: 'corporal',
  cpl: 'corporal',
};
const TITLE_OPENING_NAME = new RegExp(`^(${Object.keys(TITLES).join('|')})\\.?\\s+(?=\\p{Lu})`, 'iu');
const TITLE_BEFORE_NAME = new RegExp(`\\b(${Object.keys(TITLES).join('|')})\\.?\\s+$`, 'i');

/**
 * Age, home town and title of each named person, read from the words set right around the name: the
 * slot is the person's, so two outlets' values meet whatever else their sentences say.
 */
function personAttributes(
  article: AnalyzedArticle,
  sentence: Sentence,
  mentions: readonly Mention[],
  options: FactOptions,
  reported: string | undefined,
): Fact[] {
  const facts: Fact[] = [];
  const text = article.source.text;
  for (const mention of mentions) {
    if (mention.type !== 'person') continue;
    const holder = options.entities?.canonicalName(article.source.id, mention.text) ?? mention.text;
    const after = text.slice(mention.end, Math.min(sentence.end, mention.end + 80));
    const before = text.slice(Math.max(sentence.start, mention.start - 16), mention.start);
    const found: Array<{ start: number; end: number; value: FactValue; measure: string }> = [];
    const age = AGE_AFTER_NAME.exec(after);
    if (age?.[1] !== undefined) {
      const start = mention.end + after.indexOf(age[1]);
      const years = Number(age[1]);
      if (years > 0 && years < 120)
        found.push({
          start,
          end: start + age[1].length,
          value: { type: 'quantity', low: years, high: years, unit: 'age' },
          measure: 'age',
        });
    }
    const home = HOME_AFTER_NAME.exec(after) ?? LIVED_IN_AFTER_NAME.exec(after);
    // "Anthony LaSalle of Bloomington" names a home town only where a place is meant: after an age, in a
    // "who lived in" clause, or when the words are a place the mentions know.
    const place = home?.[1];
    if (place !== undefined && home !== null) {
      const start = mention.end + home.index + home[0].lastIndexOf(place);
      const isPlace =
        /^(?:,\s*\d|\s*\(\d)/.test(after) ||
        /who\s+(?:lived|lives|resided|resides)/.test(home[0]) ||
        mentions.some((other) => other.type === 'place' && other.start === start);
      if (isPlace)
        found.push({
          start,
          end: start + place.length,
          value: { type: 'name', name: place.replace(/\s+/g, ' ') },
          measure: 'residence',
        });
    }
    // "Commodore Nirad Sinha" may come as one mention, its title inside.
    const inside = TITLE_OPENING_NAME.exec(mention.text);
    const title = inside ?? TITLE_BEFORE_NAME.exec(before);
    if (title?.[1] !== undefined) {
      const start = inside !== null ? mention.start : mention.start - before.length + title.index;
      found.push({
        start,
        end: start + title[1].length,
        value: { type: 'name', name: TITLES[title[1].toLowerCase()] ?? title[1] },
        measure: 'title',
      });
    }
    for (const item of found) {
      const fact: Fact = {
        source: article.source.id,
        sentence: sentence.index,
        start: item.start,
        end: item.end,
        text: text.slice(item.start, item.end),
        value: item.value,
        slot: {
          measure: item.measure,
          terms: { [item.measure]: 1 },
          participants: [holder],
          parties: [holder],
          organizations: [],
          holder,
          holderIsPerson: true,
          events: [item.measure],
          complement: [],
          subject: [],
          qualifiers: [],
          label: `${item.measure} of ${holder.replace(TITLE_OPENING_NAME, '')}`,
        },
        modality: 'asserted',
      };
      if (reported !== undefined) fact.asOf = reported;
      facts.push(fact);
    }
  }
  return facts;
}

/**
 * Whether a measure is an event that happens to people or things ("killed", "arrested"): a count of it is
 * that event's toll, and the event word alone says what two counts of it measure.
 */
export function isEventMeasure(measure: string): boolean {
  return EVENTS.has(measure) || measure === 'casualties';
}
/**
 * Month names and their abbreviations: calendar words only when capitalised, since the lower-case words
 * are events and things ("20,000 people *marched*", "a *march*").
 */
const MONTH_TERM =
  /^(?:januari|februari|march|april|mai|june|juli|august|septemb|octob|novemb|decemb|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
/** Words that never name a slot: calendar words and the verbs of saying. */
const NOT_SLOT =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)dai|morn|even|afternoon|night|dai|week|month|year|todai|yesterdai|tomorrow|summer|winter|spring|autumn|fall|last|earlier|later|~sai|report|accord|ad|confirm|percent|total)$/;
/** Where a clause ends: the slot of a value does not reach past it. */
const CLAUSE_BREAK = /^(?:;|:|—|–|but|while|whereas|although|though|after|before|when|as|and)$/i;
/** Numbers in words are values, never slot words. */
const NUMBER_WORDS =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|half|once|twice|thrice)$/;
/** Words of a value's phrase that bound it rather than narrow what it counts ("at least", "some"). */
const QUALIFIER_WORDS = new Set([
  'least',
  'more',
  'less',
  'fewer',
  'nearli',
  'almost',
  'about',
  'around',
  'roughli',
  'approxim',
  'estim',
  'over',
  'under',
  'close',
  'upward',
  'excess',
  'exceed',
  'just',
  'some',
  'mani',
  'much',
  'consecut',
  'straight',
]);
/** A superlative makes "since 2008" the baseline of a record ("the biggest rise since 2008"). */
const SUPERLATIVE =
  /\b(?:most|least|largest|biggest|highest|lowest|sharpest|fastest|steepest|strongest|weakest|worst|best|first\s+time)\b/i;
/** "X said", "X told", "X reported": a name that speaks. */
const SPEAKER_AFTER =
  /^\s*(?:,[^,]{0,40},\s*)?(?:said|says|told|tells|reported|reports|announced|confirmed)\b/i;
const SPEAKER_BEFORE = /\b(?:according\s+to|said|says|told)\s+(?:the\s+)?$/i;
/** A limiting word right before a value ("his first 11 seasons", "the last two games"). */
const LIMITING_BEFORE =
  /\b(first|last|past|final|next|previous|initial|remaining|other|additional|another|further|opening|closing)\s+$/i;
/** A cheap test before the generators run: every fact has a digit or one of these words. */
const MAY_HOLD_FACT =
  /\d|\b(?:first[\s-]+degree|once|twice|thrice|pair|couple|dozens?|no\s+(?:one|casualties|deaths|fatalities|injuries)|nobody|(?:sun|mon|tues|wednes|thurs|fri|satur)day|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|half|an?\s+(?:day|week|fortnight|month|year|decade))\b/i;
/** A non-restrictive side clause, in which a value may be held otherwise than in the main clause. */
const SIDE_CLAUSE = /,\s+(?:which|who|whose)\b/i;
/** Words at a sentence's start read as its subject. */
const SUBJECT_WORDS = 4;
/** Prepositions that open a value's complement. */
const COMPLEMENT_PREPOSITION =
  /^(?:as|with|for|of|in|on|at|from|against|over|under|during|since|among|off|away|west|east|north|south|outside|inside|near|beyond)$/;
/** Event words read on each side of a value. */
const EVENT_REACH = 4;
/** Words after a value read as its complement. */
const COMPLEMENT_REACH = 4;
/** Speech verbs: a day named right after one is the day something was said, not the day it happened. */
const SPEECH_BEFORE =
  /\b(?:said|says|told|reported|announced|confirmed|stated|added|wrote|tweeted|noted|explained|declared|insisted|revealed|disclosed)\s+(?:\w+\s+)?(?:on\s+|late\s+|early\s+)?$/i;

/**
 * Text with the spaces a tokeniser put inside numbers moved out, keeping every offset: "1, 000" reads as
 * "1,000 ", "$368. 0 million" as "$368.0  million", "2: 56" as "2:56 ".
 */
export function compactNumbers(text: string): string {
  return (
    text
      .replace(/(?<![\d,])(\d{1,3}), (\d{3})(?![\d])/g, '$1,$2 ')
      .replace(/(\d)\. (\d+)(?=\s*(?:million|billion|trillion|bn|m|%|percent|per cent)\b)/g, '$1.$2 ')
      .replace(/(\d): (\d{2})\b/g, '$1:$2 ')
      // "a 5. 9 magnitude earthquake", "magnitude - 6. 1", "4. 8 on the Richter scale": a magnitude's point.
      .replace(
        /(?<![\d,.])(\d)\. (\d)(?=\s+(?:-\s+)?(?:magnitude|degree|on\s+the\s+Richter|(?:earth)?quake|tremor|aftershock|shook|struck|hit|jolted|rattled)\b)/gi,
        '$1.$2 ',
      )
      .replace(
        /(magnitude\s+(?:-\s+|of\s+)?(?:at\s+least\s+|about\s+|nearly\s+)?)(\d)\. (\d)\b/gi,
        '$1$2.$3 ',
      )
      // "52 - 3", "10 - 12": a record or a range a tokeniser spaced out.
      .replace(/(?<![\d,.])(\d{1,3}) - (\d{1,3})(?![\d,.]|\s*-\s*[a-z])/g, '$1-$2  ')
  );
}

const modalityOf: Readonly<Record<Stance, FactModality>> = {
  asserts: 'asserted',
  hedges: 'hedged',
  attributes: 'attributed',
  denies: 'denied',
};

/** After a figure, words that make it a difference from another figure. */
const CHANGE_AFTER =
  /^\s*(?:(?:a|an|per|each)\s+\w+\s+)?(?:higher|lower|more|less|fewer|up|down|above|below|cheaper|dearer)\s+(?:than|from|on)\b/i;

/** A sentence that states what a kind of thing can do, not what happened. */
const GENERIC_STATEMENT =
  /^(?:An?|Any)\s[^.;]{0,50}?\b(?:can|may|could|will)\s+(?:cause|trigger|produce|do|bring)\b/;

/** Verbs and nouns of an inventory: what was seized, found or carried. */
const INVENTORY =
  /\b(?:seiz|confiscat|recover|captur|impound|found|cache|arsenal|haul|includ(?:ed|ing)\b|among\s+the\s+(?:seized|items))/i;

/** Figures: counts, amounts, percentages, lengths of time, with ages and baselines left out. */
function quantityCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const quantity of parseQuantities(text)) {
    if (AGE_AFTER.test(text.slice(quantity.end)) || /\baged?\s+$/i.test(text.slice(0, quantity.start)))
      continue;
    if (/-(?:year|month|week|day)-old$/i.test(quantity.text)) continue;
    if (isBaseline(text, quantity.start)) continue;
    // "$1.08 per gallon higher than last year", "16 cents more than a month ago": a change, not a level.
    if (CHANGE_AFTER.test(text.slice(quantity.end))) continue;
    // "110 billion ($143 billion)": a conversion, whose figure follows the day's exchange rate; "58km
    // (36 miles)": a conversion into other units, whose rounding is the converter's.
    if (/\d[\d.,]*\s*(?:[a-z]+\s*)?\(\s*$/i.test(text.slice(0, quantity.start))) continue;
    // "178 of 369 punches", "28 of his 68": a part and its whole, each scoped by the other.
    if (/\d\s*(?:-\s*)?of\s+(?:his|her|its|their|the\s+)?\s*$/i.test(text.slice(0, quantity.start))) continue;
    if (/^\s*(?:-\s*)?of\s+(?:his|her|its|their|the\s+)?\s*\d/i.test(text.slice(quantity.end))) continue;
    // "43-39 record", "a 3-1 win": a falling pair is a record or a score, not a range.
    const pair = /^(\d+)\s*[-–]\s*(\d+)/.exec(quantity.text);
    if (pair !== null && Number(pair[1]) > Number(pair[2])) continue;
    const value: FactValue = {
      type: 'quantity',
      low: quantity.low,
      high: quantity.high,
      unit: quantity.unit,
    };
    // "eight years or more", "50 or fewer": a bound written after the figure.
    const trailing = /^\s*or\s+(more|longer|over|above|higher|less|fewer|under|below|shorter)\b/i.exec(
      text.slice(quantity.end),
    );
    if (trailing !== null) {
      if (/more|longer|over|above|higher/i.test(trailing[1]!)) value.high = Number.POSITIVE_INFINITY;
      else value.low = 0;
      value.qualifier = `or ${trailing[1]!.toLowerCase()}`;
    }
    // "tens of thousands", "hundreds of thousands": the vague plural is scaled by what it counts.
    const scale = /\b(tens|hundreds)\s+of\s+$/i.exec(text.slice(0, quantity.start));
    if (scale !== null && /^thousands\b/i.test(quantity.text)) {
      const tens = scale[1]!.toLowerCase() === 'tens';
      value.low = tens ? 10_000 : 100_000;
      value.high = tens ? 99_999 : 999_999;
      candidates.push({ start: scale.index, end: quantity.end, value });
      continue;
    }
    if (quantity.qualifier !== undefined) value.qualifier = quantity.qualifier;
    candidates.push({ start: quantity.start, end: quantity.end, value });
  }
  for (const match of text.matchAll(TOLL)) {
    const number = match[3]!;
    const start = (match.index ?? 0) + match[0].length - number.length;
    const count = Number(number.replace(/,/g, ''));
    const qualifier = match[2]?.trim().toLowerCase();
    const value: FactValue = {
      type: 'quantity',
      low: count,
      high:
        qualifier === undefined
          ? count
          : ['at least', 'more than', 'over'].includes(qualifier)
            ? Infinity
            : count * 1.1,
      unit: '~kill',
    };
    if (qualifier !== undefined) value.qualifier = qualifier;
    candidates.push({ start, end: start + number.length, value, measure: '~kill' });
  }
  // "killing 10 people and injuring 80.", "wounding other 70": a bare count after the event it counts.
  for (const match of text.matchAll(BARE_TOLL)) {
    const number = match[3]!;
    const written = number.toLowerCase();
    const count = /^\d/.test(number) ? Number(number.replace(/,/g, '')) : NUMBER_VALUES[written];
    if (count === undefined) continue;
    const start = (match.index ?? 0) + match[0].length - number.length;
    candidates.push(bareToll(count, match[1]!, match[2], start, start + number.length));
  }
  for (const match of text.matchAll(BARE_TOLL_BEFORE)) {
    if (match[1] === undefined && match[4] === undefined && !match[0].startsWith(',')) continue;
    const number = match[3]!;
    const count = /^\d/.test(number) ? Number(number.replace(/,/g, '')) : NUMBER_VALUES[number.toLowerCase()];
    if (count === undefined || (match[4] === undefined && count >= 1000)) continue;
    // The span opens on the bound when there is one, as the general reading of "at least 50" does.
    const opening = match[2] ?? number;
    const start = (match.index ?? 0) + match[0].indexOf(opening, match[1]?.length ?? 0);
    const end = (match.index ?? 0) + match[0].indexOf(number, start - (match.index ?? 0)) + number.length;
    candidates.push(bareToll(count, match[5]!, match[2], start, end));
  }
  for (const match of text.matchAll(NONE)) {
    const what = (match[1] ?? match[2] ?? '').toLowerCase();
    const measure = /kill|death|fatal|casualt/.test(what) ? '~kill' : '~injur';
    const start = match.index ?? 0;
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'quantity', low: 0, high: 0, unit: measure },
      measure: what === 'casualties' ? 'casualties' : measure,
    });
  }
  for (const match of text.matchAll(MAGNITUDE)) {
    const number = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (number === undefined) continue;
    const start = match.index ?? 0;
    const magnitude = Number(number);
    const half = number.includes('.') ? 0.05 : 0.5;
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'quantity', low: magnitude - half, high: magnitude + half, unit: 'magnitude' },
      measure: 'magnitude',
    });
  }
  for (const match of text.matchAll(TIMES)) {
    const count = TIMES_VALUE[match[1]!.toLowerCase()]!;
    const start = match.index ?? 0;
    // "at once", "once again", "once a week": not a count of events.
    if (
      /\b(?:at|all)\s+$/i.test(text.slice(0, start)) ||
      /^\s+(?:again|more|a|an|every|per|upon)\b/i.test(text.slice(start + match[0].length))
    )
      continue;
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'quantity', low: count, high: count, unit: 'time' },
    });
  }
  for (const match of text.matchAll(PAIR)) {
    const start = match.index ?? 0;
    const noun = match[2]!.toLowerCase();
    const low = match[1]!.toLowerCase() === 'pair' ? 2 : 2;
    const high = match[1]!.toLowerCase() === 'pair' ? 2 : 3;
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'quantity', low, high, unit: paraphraseClass(stem(noun)) },
    });
  }
  return candidates;
}

/** Records ("52-3") that follow a name or the word "record". */
function recordCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(RECORD)) {
    const start = match.index ?? 0;
    const before = text.slice(Math.max(0, start - 60), start);
    if (SCORE_BEFORE.test(before)) continue;
    const wins = Number(match[1]);
    const losses = Number(match[2]);
    // Years ("2004-05"), pages and ranges of small numbers are not records; a record follows its holder.
    if (!/(?:\b[A-Z][\w'’.-]+[,(\s]*|\brecord\s+(?:of|to|at)\s+|\bto\s+)$/.test(before)) continue;
    if (match[1]!.length === 4 || wins + losses === 0) continue;
    const value: FactValue = { type: 'record', wins, losses };
    if (match[3] !== undefined) value.draws = Number(match[3]);
    candidates.push({ start, end: start + match[0].length, value, measure: 'record' });
  }
  return candidates;
}

/** Ranks ("fifth time", "sixth defense"): the measure is what is ranked. */
/** "a Category 4 storm", "Category-3 hurricane": a storm's class on its scale. */
const CATEGORY = /\bCategory[\s-]+(\d)\b/g;
/** "first-degree murder", "second degree burns": the degree of a charge or an injury. */
const DEGREE = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+degree\b/gi;
/** "voted 220-212", "passed by a vote of 51 - 49", "confirmed 52-48": a vote's tally. */
const VOTE_TALLY =
  /\b(?:vot(?:e|ed|es|ing)|vote\s+of|passed|approved|rejected|confirmed|adopted|defeated)\s+(?:\w+\s+){0,3}?(\d{1,3})\s*(?:-|to)\s*(\d{1,3})(?![\d-])/gi;
/** "passed 65-35 in the Senate, and 254 to 175 a few hours later in the House": the next chamber's tally. */
const NEXT_TALLY = /^[^.;]{0,40}?\band\s+(\d{1,3})\s*(?:-|to)\s*(\d{1,3})(?![\d-])/i;

/** Words after a decade that keep it a time ("the 1950s, when", "the 1950s and 1960s"). */
const AFTER_TIME =
  /^\s*(?:[,.;:)]|and|or|to|when|after|before|as|with|in|on|at|for|by|until|through|that|which|while|because|but|$)/i;

/** Whether a decade labels an era ("the 1950s pin-up model", "an icon of the 1950s") rather than dating an event. */
function isEraLabel(text: string, start: number, end: number): boolean {
  if (/\b(?:of|from)\s+(?:the\s+)?$/i.test(text.slice(0, start))) return true;
  return !AFTER_TIME.test(text.slice(end)) && /^\s+\p{Ll}/u.test(text.slice(end));
}

/** "about 2:30 a.m.", "shortly after 2 a.m.", "at 9: 40 pm": a clock time with its bound. */
const CLOCK =
  /\b(?:(about|around|approximately|roughly|by|until|shortly\s+after|just\s+after|soon\s+after|just\s+past|shortly\s+past|shortly\s+before|just\s+before|after|before|at)\s+)?(\d{1,2})(?:\s?[:.]\s?(\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)/gi;
/** "Tuesday morning", "late Thursday night": a part of a named day. */
const PART_OF_DAY =
  /\b(?:(early|late)\s+)?(?:(mon|tues|wednes|thurs|fri|satur|sun)day\s+)(morning|afternoon|evening|night)\b/gi;
/** Minutes after midnight each part of a day spans (night runs past midnight). */
const PARTS: Readonly<Record<string, readonly [number, number]>> = {
  // "early Tuesday morning" in news copy is any time after midnight.
  morning: [0, 720],
  afternoon: [720, 1080],
  evening: [1020, 1320],
  // "Wednesday night" in news copy starts with the evening: a crash at 7 p.m. was on Wednesday night.
  night: [1140, 1740],
};

/** A time zone after a time or a day ("ET", "GMT"): the figure is a conversion for readers elsewhere. */
const TIME_ZONE_AFTER = /^\s*,?\s*(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|GMT|UTC|BST|IST)\b/;
/** Times of day: clock times and parts of named days, as ranges of minutes. */
function timeCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(CLOCK)) {
    let hour = Number(match[2]);
    const minute = match[3] === undefined ? 0 : Number(match[3]);
    if (hour < 1 || hour > 12 || minute > 59) continue;
    const evening = /^p/i.test(match[4]!);
    if (hour === 12) hour = 0;
    const at = (evening ? hour + 12 : hour) * 60 + minute;
    // "cast their ballots as of 4:00 p.m.": when a figure stood, no event's time.
    if (/\bas\s+of\s+$/i.test(text.slice(0, match.index ?? 0))) continue;
    // "Updated 5:40 p.m. ET", "Posted at 4:08 pm": when a page was published, no time of the story.
    if (/\b(?:updated|posted|published|modified|edited)\b[^.]{0,20}$/i.test(text.slice(0, match.index ?? 0)))
      continue;
    if (
      /^\s*(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*)?(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|GMT|UTC|BST|IST)\b/.test(
        text.slice((match.index ?? 0) + match[0].length),
      )
    )
      continue;
    const bound = match[1]?.toLowerCase().replace(/\s+/g, ' ');
    let range: [number, number] = [at, at];
    if (bound === 'about' || bound === 'around' || bound === 'approximately' || bound === 'roughly')
      range = [at - 10, at + 10];
    else if (bound !== undefined && /^(?:shortly|just|soon) (?:after|past)$/.test(bound))
      range = [at, at + 20];
    else if (bound === 'shortly before' || bound === 'just before') range = [at - 20, at];
    else if (bound === 'after') range = [at, at + 180];
    else if (bound === 'by' || bound === 'until') range = [at - 720, at];
    else if (bound === 'before') range = [at - 180, at];
    const start = match.index ?? 0;
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'time', low: range[0], high: range[1] },
      measure: 'time',
    });
  }
  for (const match of text.matchAll(PART_OF_DAY)) {
    const part = PARTS[match[3]!.toLowerCase()];
    if (part === undefined) continue;
    const day = WEEKDAYS.findIndex((name) => name.startsWith(match[2]!.toLowerCase()));
    let [low, high] = part;
    const half = (high - low) / 2;
    if (match[1]?.toLowerCase() === 'early') high = low + half;
    else if (match[1]?.toLowerCase() === 'late') low = high - half;
    // The weekday stays a fact of its own: the part of the day is read from its own word ("morning").
    const start = (match.index ?? 0) + match[0].length - match[3]!.length;
    candidates.push({
      start,
      end: start + match[3]!.length,
      value: { type: 'time', low, high, day },
      measure: 'time',
    });
  }
  return candidates;
}

/** Scales and tallies whose words name their slot: a storm's category, a charge's degree, a vote. */
function scaleCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(CATEGORY)) {
    const start = match.index ?? 0;
    const level = Number(match[1]);
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'quantity', low: level, high: level, unit: 'category' },
      measure: 'category',
    });
  }
  for (const match of text.matchAll(DEGREE)) {
    const start = match.index ?? 0;
    const word = match[1]!.toLowerCase();
    const rank = word === 'first' || word === '1st' ? 1 : (ORDINALS[word] ?? Number.parseInt(word, 10));
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'ordinal', rank },
      measure: 'ordinal:degre',
    });
  }
  for (const match of text.matchAll(VOTE_TALLY)) {
    const tally = `${match[1]}`;
    const start = (match.index ?? 0) + match[0].lastIndexOf(tally, match[0].length - match[2]!.length - 1);
    candidates.push({
      start,
      end: (match.index ?? 0) + match[0].length,
      value: { type: 'record', wins: Number(match[1]), losses: Number(match[2]) },
      measure: 'vote',
    });
    const after = (match.index ?? 0) + match[0].length;
    const next = NEXT_TALLY.exec(text.slice(after));
    if (next !== null) {
      const nextEnd = after + next[0].length;
      candidates.push({
        start: after + next[0].lastIndexOf(next[1]!, next[0].length - next[2]!.length - 1),
        end: nextEnd,
        value: { type: 'record', wins: Number(next[1]), losses: Number(next[2]) },
        measure: 'vote',
      });
    }
  }
  return candidates;
}

function ordinalCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(ORDINAL)) {
    const word = match[1]!.toLowerCase();
    const rank = ORDINALS[word] ?? Number.parseInt(word, 10);
    if (!Number.isFinite(rank) || rank < 2) continue;
    const noun = match[2]!.toLowerCase();
    if (STOPWORDS.has(noun)) continue;
    // "the 79th Academy Awards": an edition's name, not a rank of the story's facts.
    if (/^\p{Lu}/u.test(match[2]!)) continue;
    const start = match.index ?? 0;
    candidates.push({
      start,
      end: start + match[0].length,
      value: { type: 'ordinal', rank },
      measure: `ordinal:${paraphraseClass(stem(noun))}`,
    });
  }
  return candidates;
}

/** Dates the date stage resolved, decades, and weekdays it could not resolve. */
function dateCandidates(article: AnalyzedArticle, sentence: Sentence, text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const date of article.dates) {
    if (date.sentence !== sentence.index) continue;
    // "by Monday evening", "as of Tuesday": when the sentence's figures stood, their as-of time.
    if (AS_OF.test(text.slice(0, date.start - sentence.start))) continue;
    // "the week ended July 17": a period a figure covers, not the date of an event.
    if (
      /\b(?:week|month|quarter|year|period)\s+end(?:ed|ing)\s+$/i.test(
        text.slice(0, date.start - sentence.start),
      )
    )
      continue;
    // "announced today (14 October 2011)": the day of the report, written out.
    if (/\b(?:today|tonight|yesterday)\s*[(,]\s*$/i.test(text.slice(0, date.start - sentence.start)))
      continue;
    if (SPEECH_BEFORE.test(text.slice(0, date.start - sentence.start))) continue;
    const start = date.start - sentence.start;
    const end = date.end - sentence.start;
    // "a report in the New York Post, April 25, 2021...": the date of a cited piece, closing the sentence.
    if (
      /\p{Lu}[\p{L}.]*\s*,\s*$/u.test(text.slice(0, start)) &&
      /^\s*(?:\.{1,3}|…)?\s*[”"]?\s*$/.test(text.slice(end))
    )
      continue;
    // "the sharpest spike since August 2008": a baseline to compare with, not the date of an event.
    if (/\bsince\s+$/i.test(text.slice(0, start)) && SUPERLATIVE.test(text)) continue;
    // "next Wednesday", "Monday of next week": a plan, which later steps of the same plan follow.
    if (/\bnext\b|\bcoming\b/i.test(date.text) || /^\s+of\s+next\s+week\b/i.test(text.slice(end))) continue;
    if (!/\d/.test(date.text)) {
      // "Saturday" resolved against two outlets' publication days may give two dates for one day: a
      // weekday is compared as the weekday written. Other relative dates ("last month", "tomorrow") are
      // the writer's reckoning from a date scraped pages often misstate: they state no day to compare.
      const weekday = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/i.exec(date.text);
      if (weekday === null) {
        candidates.push({
          start,
          end,
          value: { type: 'date', value: date.value, precision: date.precision },
          measure: 'relative-date',
        });
        continue;
      }
      const day = WEEKDAYS.findIndex((name) => name.startsWith(weekday[1]!.toLowerCase()));
      // "Thursday night": the weekday is the day's word; the part of the day is a time of its own.
      const dayStart = start + weekday.index;
      // "7 p.m. Thursday ET": the day of a time converted into another zone.
      if (TIME_ZONE_AFTER.test(text.slice(dayStart + weekday[0].length))) continue;
      candidates.push({
        start: dayStart,
        end: dayStart + weekday[0].length,
        value: { type: 'weekday', day },
        measure: 'date',
      });
      continue;
    }
    const value: FactValue = { type: 'date', value: date.value, precision: date.precision };
    if (date.endDate !== undefined) value.endDate = date.endDate;
    // "the 1950s pin-up queen", "the last great icon of the 1950s": an era that labels, no event's date.
    if (/^\d{3}0s$/.test(date.text.replace(/^the\s+/i, '')) && isEraLabel(text, start, end)) {
      candidates.push({ start, end, value, measure: 'relative-date' });
      continue;
    }
    candidates.push({ start, end, value, measure: 'date' });
  }
  const covered = (start: number, end: number): boolean =>
    candidates.some((candidate) => candidate.start < end && start < candidate.end);
  for (const match of text.matchAll(DECADE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (covered(start, end)) continue;
    if (isEraLabel(text, start, end)) continue;
    const decade = Number(`${match[1]}0`);
    candidates.push({
      start,
      end,
      value: { type: 'date', value: String(decade), precision: 'year', endDate: String(decade + 9) },
      measure: 'date',
    });
  }
  for (const match of text.matchAll(WEEKDAY)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (covered(start, end)) continue;
    const day = WEEKDAYS.findIndex((name) => name.startsWith(match[1]!.toLowerCase()));
    if (day < 0 || SPEECH_BEFORE.test(text.slice(0, start)) || AS_OF.test(text.slice(0, start))) continue;
    // "7 p.m. Thursday ET": the day of a time converted into another zone.
    if (TIME_ZONE_AFTER.test(text.slice(end))) continue;
    candidates.push({ start, end, value: { type: 'weekday', day }, measure: 'date' });
  }
  return candidates;
}

/** Overlapping candidates: the generator that knows the measure wins, then the longer span. */
function settleOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (left, right) =>
      Number(right.measure !== undefined) - Number(left.measure !== undefined) ||
      right.end - right.start - (left.end - left.start) ||
      left.start - right.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (kept.some((other) => other.start < candidate.end && candidate.start < other.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((left, right) => left.start - right.start);
}

/** Terms of tokens already read: a token is read once for every value near it. */
const TERM_CACHE = new WeakMap<Token, string | null>();

/** The term class of a word token, or none for stop words, numbers and short words. */
function termOf(token: Token): string | undefined {
  const cached = TERM_CACHE.get(token);
  if (cached !== undefined) return cached ?? undefined;
  const term = readTerm(token);
  TERM_CACHE.set(token, term ?? null);
  return term;
}

function readTerm(token: Token): string | undefined {
  if (token.kind !== 'word' || NUMBER_WORDS.test(token.normal)) return undefined;
  const normal = token.normal.replace(/['’]s$/, '');
  if (normal.length < 2 || STOPWORDS.has(normal)) return undefined;
  const termStem = stem(normal.replace(/[-‐‑]/g, ''));
  const initial = token.text.charAt(0);
  if (MONTH_TERM.test(termStem) && initial !== initial.toLowerCase()) return undefined;
  const term = paraphraseClass(termStem);
  return NOT_SLOT.test(term) ? undefined : term;
}

/**
 * The slot of a value: the terms of its clause weighted by nearness, the measure (what is counted and,
 * for a count of people or things, what happened to them) and the entities the clause names.
 */
function readSlot(
  article: AnalyzedArticle,
  sentence: Sentence,
  candidate: Candidate,
  options: FactOptions,
  mentions: readonly Mention[],
  whole?: Candidate,
): FactSlot {
  const tokens = article.segmentation.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
  const start = sentence.start + candidate.start;
  const end = sentence.start + candidate.end;
  const terms: Record<string, number> = {};
  const words: Record<string, string> = {};
  const labelWords: Array<{ distance: number; text: string; position: number }> = [];
  const add = (token: Token, distance: number, position: number): void => {
    const term = termOf(token);
    if (term === undefined) return;
    const weight = 1 / (1 + distance / DISTANCE_SCALE);
    terms[term] = Math.max(terms[term] ?? 0, weight);
    words[term] ??= token.normal;
    labelWords.push({ distance, text: token.text, position });
  };
  let first = tokens.findIndex((token) => token.end > start);
  if (first < 0) first = tokens.length;
  let last = tokens.findIndex((token) => token.start >= end);
  if (last < 0) last = tokens.length;
  const breaks = (position: number): boolean => {
    const token = tokens[position]!;
    if (!CLAUSE_BREAK.test(token.text)) return false;
    // The colon of a clock time ("1: 30 a.m.") is inside the phrase.
    if (
      token.text === ':' &&
      /^\d/.test(tokens[position - 1]?.text ?? '') &&
      /^\d/.test(tokens[position + 1]?.text ?? '')
    )
      return false;
    // "and" ends a clause only after a comma (", and later battled …"), not inside a phrase.
    return token.normal !== 'and' || tokens[position - 1]?.text === ',';
  };
  const events: string[] = [];
  const complement: string[] = [];
  // Event words are counted among content words: "of U.S. adults were fully vaccinated" reaches "vaccinated".
  let eventsBefore = 0;
  let eventsAfter = 0;
  const eventOf = (token: Token, after: boolean): void => {
    const term = termOf(token);
    // Who is counted ("37.3% of adults") is no event: the words around it say what happened to them.
    if (term === undefined || /^\p{Lu}/u.test(token.text) || GENERIC_BEARERS.has(term)) return;
    const seen = after ? ++eventsAfter : ++eventsBefore;
    if (seen <= EVENT_REACH && !events.includes(term)) events.push(term);
  };
  // A day or a time stands apart from its event more often than a figure does ("Early Friday morning,
  // around 1:30 a.m., the actress checked into …"): its slot reads further.
  const timely =
    candidate.value.type === 'date' || candidate.value.type === 'weekday' || candidate.value.type === 'time';
  const reachBefore = timely ? SLOT_BEFORE + 4 : SLOT_BEFORE;
  const reachAfter = timely ? SLOT_AFTER + 6 : SLOT_AFTER;
  for (let position = first - 1, words = 0; position >= 0 && words < reachBefore; position--) {
    const token = tokens[position]!;
    if (breaks(position)) break;
    if (token.kind === 'word') words++;
    add(token, words, position);
    eventOf(token, false);
  }
  let opensComplement = true;
  for (let position = last, words = 0; position < tokens.length && words < reachAfter; position++) {
    const token = tokens[position]!;
    if (breaks(position)) break;
    if (token.kind === 'word') words++;
    add(token, words, position);
    eventOf(token, true);
    // The complement is the phrase a preposition opens right after the value ("seasons *as director*").
    if (position === last && !COMPLEMENT_PREPOSITION.test(token.normal)) opensComplement = false;
    const term = termOf(token);
    if (opensComplement && term !== undefined && words <= COMPLEMENT_REACH && !complement.includes(term))
      complement.push(term);
  }
  // The value's own words ("24 people killed", "the death toll") are the nearest of all.
  const inner: string[] = [];
  for (let position = first; position < last; position++) {
    add(tokens[position]!, 0, position);
    const term = termOf(tokens[position]!);
    if (term !== undefined) inner.push(term);
  }

  let measure = candidate.measure;
  if (measure === undefined) {
    const value = candidate.value;
    const unit = value.type === 'quantity' ? value.unit : value.type;
    measure = unit;
    // "villages" and "villagers" share a stem, but only villagers are people an event happens to.
    if (
      value.type === 'quantity' &&
      BEARERS.has(unit) &&
      !/\bvillages?\b/i.test(article.source.text.slice(start, end))
    ) {
      // "killing at least 24 people", "24 people were killed": the event names what is counted.
      const event = Object.entries(terms)
        .filter(([term]) => EVENTS.has(term))
        .sort((left, right) => right[1] - left[1])[0];
      if (event !== undefined) measure = event[0];
    }
  }
  // The measure is the slot's core word: "no casualties" meets "killed 12" on it, though they share no word.
  for (const core of measure === 'casualties' ? ['~kill', '~injur'] : EVENTS.has(measure) ? [measure] : [])
    terms[core] = 1;
  const windowStart = tokens[Math.max(0, first - SLOT_BEFORE * 2)]?.start ?? sentence.start;
  const windowEnd = tokens[Math.min(tokens.length - 1, last + SLOT_AFTER * 2)]?.end ?? sentence.end;
  const named: Array<{ name: string; distance: number; before: boolean; type: string; speaker: boolean }> =
    [];
  const parties: string[] = [];
  const organizations: string[] = [];
  for (const mention of mentions) {
    if (mention.sentence !== sentence.index || mention.end <= windowStart || mention.start >= windowEnd)
      continue;
    if (mention.type === 'date' || mention.type === 'money') continue;
    if (mention.start < end && start < mention.end) continue;
    const name = options.entities?.canonicalName(article.source.id, mention.text) ?? mention.text;
    const before = mention.end <= start;
    // Who says the figure is not whose figure it is ("X said", "according to X").
    const speaker =
      SPEAKER_AFTER.test(article.source.text.slice(mention.end, mention.end + 24)) ||
      SPEAKER_BEFORE.test(article.source.text.slice(Math.max(0, mention.start - 24), mention.start));
    if (!speaker && (mention.type === 'person' || mention.type === 'organization') && !parties.includes(name))
      parties.push(name);
    if (!speaker && mention.type === 'organization' && !organizations.includes(name))
      organizations.push(name);
    named.push({
      name,
      distance: before ? start - mention.end : mention.start - end,
      before,
      type: mention.type,
      speaker,
    });
  }
  named.sort((left, right) => left.distance - right.distance);
  const participants = [...new Set(named.map((item) => item.name))];
  // The holder stands before the value in its own clause: no clause break between them.
  const clauseStart = (() => {
    for (let position = first - 1; position >= 0; position--)
      if (breaks(position)) return tokens[position]!.end;
    return sentence.start;
  })();
  // "a $70 million contract for J. D. Drew": a person the value's phrase is for is whose value it is.
  const beneficiary = /^\s*(?:for|to|of)\s+$/i.test(
    article.source.text.slice(end, end + 6).replace(/\S+$/, ''),
  )
    ? named.find((item) => !item.before && item.type === 'person' && item.distance <= 6)?.name
    : undefined;
  const holderItem =
    beneficiary === undefined
      ? named.find(
          (item) =>
            item.before && !item.speaker && item.type !== 'place' && start - item.distance >= clauseStart,
        )
      : named.find((item) => item.name === beneficiary);
  const holder = beneficiary ?? holderItem?.name;
  const label = labelWords
    .filter((word) => word.distance <= 4)
    .sort((left, right) => left.position - right.position)
    .map((word) => word.text)
    .filter((word, index, all) => all.indexOf(word) === index)
    .join(' ');
  const unit = candidate.value.type === 'quantity' ? candidate.value.unit : undefined;
  // The last word of a counted phrase is what is counted; the words before it narrow it.
  const qualifiers = inner
    .slice(0, -1)
    .filter((term) => term !== measure && term !== unit && !QUALIFIER_WORDS.has(term));
  const subject: string[] = [];
  for (let position = 0, words = 0; position < tokens.length && words < SUBJECT_WORDS; position++) {
    const token = tokens[position]!;
    if (token.kind !== 'word') continue;
    words++;
    const term = termOf(token);
    if (term !== undefined) subject.push(term);
  }
  // "his first 11 seasons", "the last two games": a limiting word before the value narrows it.
  const limiting = LIMITING_BEFORE.exec(sentence.text.slice(0, candidate.start));
  if (limiting !== null) qualifiers.push(limiting[1]!.toLowerCase());
  // "28 Palestinians, including nine children": a part is scoped by its whole.
  // A part whose whole the sentence does not count ("28 Palestinians") is of a whole of its own.
  if (whole?.value.type === 'quantity') qualifiers.push(`of-${whole.value.low}`);
  else if (/\bincluding\s+$/i.test(sentence.text.slice(0, candidate.start)))
    qualifiers.push(`of-${article.source.id}:${sentence.start}`);
  const slot: FactSlot = {
    measure,
    terms,
    participants,
    parties,
    organizations,
    events,
    complement,
    qualifiers,
    subject,
    label,
  };
  if (holder !== undefined) slot.holder = holder;
  if (holderItem?.type === 'person') slot.holderIsPerson = true;
  slot.words = words;
  // Only an amount set before its noun by a determiner ("a $1 trillion bill") names what it is of;
  // "grossed $368 million worldwide" goes on with an adverb.
  const attributive = /\b(?:a|an|the|its|their|his|her|this|that)\s+$/i.test(
    article.source.text.slice(Math.max(sentence.start, start - 8), start),
  );
  if (
    attributive &&
    candidate.value.type === 'quantity' &&
    /^(?:money:|percent$)/.test(candidate.value.unit)
  ) {
    // The words right after the amount, up to the first word that is no part of a noun phrase.
    const object: string[] = [];
    for (let position = last; position < tokens.length && object.length < 3; position++) {
      const token = tokens[position]!;
      if (token.start < end) continue;
      if (token.kind !== 'word' || STOPWORDS.has(token.normal) || /^\p{Lu}/u.test(token.text)) break;
      const term = termOf(token);
      if (term === undefined) break;
      object.push(term);
    }
    if (object.length > 0) slot.object = object;
  }
  return slot;
}

/** Day the source reports as of: its publication date, with the time when the source carries one. */
function reportTime(article: AnalyzedArticle): string | undefined {
  const source = article.source as { published?: string; publishedTime?: string };
  if (source.published === undefined) return undefined;
  return source.publishedTime === undefined
    ? source.published
    : `${source.published}T${source.publishedTime}`;
}

/** "as of Tuesday", "by Monday evening": a day the sentence gives as the time of its figures. */
const AS_OF = /\b(?:as\s+of|by|through|until|up\s+to)\s+$/i;

/**
 * The facts one article states, sentence by sentence, in text order.
 * Needs: an analysed article (segmentation, mentions, dates). Adds: typed facts with offsets.
 * @param article - the analysed article
 * @param options - merged entities, to name participants canonically
 */
export function extractFacts(article: AnalyzedArticle, options: FactOptions = {}): Fact[] {
  const facts: Fact[] = [];
  const reported = reportTime(article);
  const outlet = article.source.outlet;
  const mentionsBySentence = new Map<number, Mention[]>();
  for (const mention of article.mentions) {
    const list = mentionsBySentence.get(mention.sentence);
    if (list) list.push(mention);
    else mentionsBySentence.set(mention.sentence, [mention]);
  }
  for (const sentence of article.segmentation.sentences) {
    facts.push(
      ...personAttributes(article, sentence, mentionsBySentence.get(sentence.index) ?? [], options, reported),
    );
    // A headline restates the lead in fewer words; its figures count with the body's.
    const text = compactNumbers(sentence.text);
    if (!MAY_HOLD_FACT.test(text)) continue;
    // "A magnitude 6 quake can cause severe damage": a general truth, no figure of the story.
    if (GENERIC_STATEMENT.test(text)) continue;
    const candidates = settleOverlaps([
      ...dateCandidates(article, sentence, text),
      ...recordCandidates(text),
      ...ordinalCandidates(text),
      ...scaleCandidates(text),
      ...timeCandidates(text),
      ...quantityCandidates(text),
    ]);
    // A line of statistics ("548 rushing yards, 28 receptions and 258 receiving yards") gives figures of
    // several slots at once, over periods the sentence leaves to the reader: no slot can be told apart.
    const counts = candidates.filter(
      (candidate) =>
        candidate.value.type === 'quantity' &&
        candidate.measure === undefined &&
        !EVENTS.has(candidate.value.unit) &&
        !candidate.value.unit.startsWith('money:'),
    );
    // A list of what was seized or found ("seven AK-47s, three other rifles, 13 loaded magazines") is one
    // event's inventory: each counted noun is its own slot.
    const statistics =
      counts.length >= 3 &&
      (!INVENTORY.test(text) ||
        new Set(counts.map((count) => count.value.type === 'quantity' && count.value.unit)).size <
          counts.length);
    // "the Emmys in 2001 and 2005 (co-hosting them in 2003)": a list of dates gives no one date of a slot.
    const dates = candidates.filter((candidate) => candidate.measure === 'date');
    const dateList = dates.length >= 3;
    let sentenceStance: ReturnType<typeof readStance> | undefined;
    const framing = article.dates.find(
      (date) =>
        date.sentence === sentence.index &&
        date.precision === 'day' &&
        AS_OF.test(sentence.text.slice(0, date.start - sentence.start)),
    );
    for (const candidate of candidates) {
      if (statistics && counts.includes(candidate)) continue;
      if (dateList && dates.includes(candidate)) continue;
      // Relative dates stay in the candidates only so that no figure is read inside them.
      if (candidate.measure === 'relative-date') continue;
      const start = sentence.start + candidate.start;
      const end = sentence.start + candidate.end;
      // The stance reading is the costliest step per fact; only a side clause (", which …") makes it
      // differ between the values of one sentence.
      const stance =
        sentenceStance !== undefined && !SIDE_CLAUSE.test(sentence.text)
          ? sentenceStance
          : readStance(sentence.text, { focus: candidate.start, ...(outlet !== undefined && { outlet }) });
      sentenceStance ??= stance;
      const fact: Fact = {
        source: article.source.id,
        sentence: sentence.index,
        start,
        end,
        text: article.source.text.slice(start, end),
        value: candidate.value,
        slot: readSlot(
          article,
          sentence,
          candidate,
          options,
          mentionsBySentence.get(sentence.index) ?? [],
          /\bincluding\s+$/i.test(text.slice(0, candidate.start))
            ? candidates
                .filter((other) => other.end <= candidate.start && other.value.type === 'quantity')
                .at(-1)
            : undefined,
        ),
        modality: modalityOf[stance.stance],
      };
      // "10 people killed", "ten killed" and "killing 10" count one thing: the toll's event is its unit.
      if (
        fact.value.type === 'quantity' &&
        isEventMeasure(fact.slot.measure) &&
        (GENERIC_BEARERS.has(fact.value.unit) || fact.value.unit === fact.slot.measure)
      )
        fact.value = { ...fact.value, unit: fact.slot.measure };
      let asOf = reported;
      if (candidate.value.type !== 'date' && framing !== undefined) asOf = framing.value;
      if (asOf !== undefined) fact.asOf = asOf;
      if (stance.stance === 'attributes' && stance.cue !== undefined) fact.attribution = stance.cue;
      facts.push(fact);
    }
  }
  return facts;
}
