import type { DatePrecision, IsoDate } from '../model/index.js';
import { paraphraseClass } from '../text/synonyms.js';
import { stem } from '../text/terms.js';
import { DEMONYMS, PLACES } from './entity-gazetteer.js';

/*
 * Numbers, amounts and dates as comparable values. Written by hand because the comparison is the point:
 * no installed library reads "£350,000 ($522,354; €493,194)" as one amount, treats "more than 800" as a
 * bound, or knows that "4.2 million" stands for anything from 4.15 to 4.25 million.
 */

/** A number found in running text, with what it counts and how exact it is. */
export interface Quantity {
  /** Offsets of the whole expression in the text it was parsed from. */
  start: number;
  end: number;
  /** The expression as written ("about 30,000 vehicles a day", "$4.2 million"). */
  text: string;
  /** The range the writer vouches for, rounding and qualifiers included. */
  low: number;
  high: number;
  /** ISO currency code for amounts of money. */
  currency?: string;
  /** What is counted: a currency (`money:USD`), `percent`, or the stem class of the counted noun, with `/day` for rates. */
  unit: string;
  /** Whether the expression is a bound ("more than", "up to") or an approximation ("about"). */
  qualifier?: string;
}

const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  '€': 'EUR',
  eur: 'EUR',
  '¥': 'JPY',
  a$: 'AUD',
  c$: 'CAD',
};
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  pound: 'GBP',
  pounds: 'GBP',
  euro: 'EUR',
  euros: 'EUR',
  yen: 'JPY',
  won: 'KRW',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  yuan: 'CNY',
};
const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const LOWER_BOUNDS = new Set(['more than', 'over', 'at least', 'upwards of', 'in excess of', 'exceeding']);
const UPPER_BOUNDS = new Set([
  'less than',
  'fewer than',
  'under',
  'up to',
  'as many as',
  'as much as',
  'below',
]);
const APPROXIMATE = new Set([
  'about',
  'around',
  'roughly',
  'some',
  'nearly',
  'almost',
  'approximately',
  'an estimated',
  'estimated',
  'close to',
  'just over',
  'just under',
]);
/** Share of the value an approximation ("about 30,000") may be off by. */
const APPROXIMATION = 0.1;

const QUALIFIER = [...LOWER_BOUNDS, ...UPPER_BOUNDS, ...APPROXIMATE]
  .sort((a, b) => b.length - a.length)
  .join('|');
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const QUANTITY = new RegExp(
  String.raw`(?:\b(${QUALIFIER})\s+)?(US\$|A\$|C\$|[$£€¥]|\b(?:USD|GBP|EUR)\s?)?(${NUMBER})(?:\s*(?:-|–|to)\s*(?:US\$|[$£€¥])?(${NUMBER}))?(?:\s*(million|billion|trillion|thousand|bn|bln|mn|mln|tn|[mkb])\b)?(\s*%|\s+per\s?cent\b)?`,
  'gi',
);
const RATE = /^\s*(?:a|per|each|every)\s+(day|week|month|year|hour)\b/i;
const FOLLOWING_WORD = /^\s+([A-Za-z][A-Za-z-]*)/;
const NOT_A_UNIT = new Set([
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'by',
  'from',
  'with',
  'the',
  'a',
  'an',
  'were',
  'was',
  'are',
  'is',
  'have',
  'has',
  'had',
  'who',
  'that',
  'which',
  'since',
  'more',
  'less',
  'than',
  'per',
]);

/**
 * The quantities of a text: counts, amounts of money and percentages, with conversions in parentheses
 * folded into the amount they convert ("£350,000 ($522,354; €493,194)" is one amount) and years, times,
 * ordinals and list numbers left out.
 * @param text - a sentence or passage
 * @param offset - added to every offset, so spans can index into a larger text
 */
export function parseQuantities(text: string, offset = 0): Quantity[] {
  const found: Quantity[] = [];
  let conversionEnd = -1;
  for (const match of text.matchAll(QUANTITY)) {
    const index = match.index ?? 0;
    const [whole, qualifierRaw, signRaw, firstRaw, secondRaw, multiplierRaw, percentRaw] = match;
    if (firstRaw === undefined) continue;
    // Digits inside a figure already read ("AK 47" after "12") are part of it.
    if (index < conversionEnd || index < (found.at(-1)?.end ?? offset) - offset) continue;
    const before = text.slice(Math.max(0, index - 1), index);
    const after = text.slice(index + whole.length);
    // Parts of words, times, ordinals, decimals glued to other digits and version numbers are not counts.
    if (/[\w.:/]/.test(before) && signRaw === undefined && qualifierRaw === undefined) continue;
    // "COVID-19", "G-7", "F-35": a number glued to a word by a hyphen is part of a name.
    if (/[A-Za-z]-$/.test(text.slice(Math.max(0, index - 2), index))) continue;
    // "AK - 47", "AK 47" as a tokeniser spaced them: the same names with the hyphen set apart.
    if (/\b[A-Z]{1,4}\s+-\s+$|\b(?:AK|RPG|MiG|SA|Su)\s+$/.test(text.slice(Math.max(0, index - 8), index)))
      continue;
    if (/^(?:st|nd|rd|th)\b|^:\d|^[\w/]/.test(after)) continue;
    // "7 p.m.", "11 a. m.": a clock time, not a count.
    if (/^\s*[ap]\.\s*m\b/i.test(after)) continue;
    const sign = signRaw?.trim().toLowerCase();
    const multiplierWord = multiplierRaw?.toLowerCase();
    // A bare "m" or "b" after a number without a currency is too often something else (metres, a list).
    if ((multiplierWord === 'm' || multiplierWord === 'b' || multiplierWord === 'k') && sign === undefined)
      continue;
    const multiplier = multiplierWord === undefined ? 1 : (MULTIPLIERS[multiplierWord] ?? 1);
    const first = Number(firstRaw.replace(/,/g, ''));
    const isYear =
      sign === undefined &&
      multiplierRaw === undefined &&
      percentRaw === undefined &&
      /^\d{4}$/.test(firstRaw) &&
      first >= 1800 &&
      first <= 2100;
    if (isYear) continue;
    let end = index + whole.length;
    let currency = sign === undefined ? undefined : CURRENCY_SIGNS[sign];
    const nextWord = FOLLOWING_WORD.exec(text.slice(end));
    if (currency === undefined && nextWord?.[1] !== undefined) {
      const word = CURRENCY_WORDS[nextWord[1].toLowerCase()];
      if (word !== undefined) {
        currency = word;
        end += nextWord[0].length;
      }
    }
    const [low, high] = interval(firstRaw, multiplier);
    let range: [number, number] = [low, high];
    if (secondRaw !== undefined) {
      const second = interval(secondRaw, multiplier);
      range = [Math.min(low, second[0]), Math.max(high, second[1])];
    }
    const qualifier = qualifierRaw?.toLowerCase().replace(/\s+/g, ' ');
    range = qualify(range, first * multiplier, qualifier);
    let unit: string;
    if (currency !== undefined) unit = `money:${currency}`;
    else if (percentRaw !== undefined) unit = 'percent';
    else {
      const counted = countedNoun(text.slice(end));
      if (counted === undefined) continue;
      unit = counted.unit;
      end += counted.length;
      const days = DAYS_IN[unit];
      if (days !== undefined) {
        // "25 years old" is an age and "two years ago" a date, not a length of time.
        if (NOT_A_DURATION_AFTER.test(text.slice(end))) continue;
        if (PERIOD_BEFORE.test(text.slice(0, index))) continue;
        unit = DURATION;
        range = [range[0] * days[0], range[1] * days[1]];
      }
    }
    const quantity: Quantity = {
      start: offset + index,
      end: offset + end,
      text: text.slice(index, end),
      low: range[0],
      high: range[1],
      unit,
    };
    if (currency !== undefined) quantity.currency = currency;
    if (qualifier !== undefined) quantity.qualifier = qualifier;
    // Between "£350,000 (…) and £1.2 million": one range, written around its conversions.
    const conversion = /^\s*\([^()]{0,120}\)/.exec(text.slice(index + whole.length));
    if (currency !== undefined && conversion !== null) {
      conversionEnd = index + whole.length + conversion[0].length;
    }
    const previous = found.at(-1);
    if (
      previous !== undefined &&
      previous.unit === quantity.unit &&
      /\b(?:between|from)\s+$/i.test(text.slice(0, previous.start - offset)) &&
      /^\s*(?:\([^()]{0,120}\)\s*)?(?:and|to|-|–)\s*$/.test(text.slice(previous.end - offset, index))
    ) {
      previous.high = Math.max(previous.high, quantity.high);
      previous.low = Math.min(previous.low, quantity.low);
      previous.end = quantity.end;
      previous.text = text.slice(previous.start - offset, end);
      continue;
    }
    found.push(quantity);
  }
  for (const quantity of wordQuantities(text, offset))
    if (!found.some((other) => other.start < quantity.end && quantity.start < other.end))
      found.push(quantity);
  return found.sort((first, second) => first.start - second.start);
}

/** The unit of every length of time, whatever unit it was written in; its range is in days. */
export const DURATION = 'duration:days';
/** Days in one unit of time as the counted-noun classes name them: the shortest and longest such unit. */
const DAYS_IN: Readonly<Record<string, readonly [number, number]>> = {
  dai: [1, 1],
  week: [7, 7],
  fortnight: [14, 14],
  month: [28, 31],
  year: [365, 366],
  decad: [3652, 3653],
};
const DURATION_WORDS: Readonly<Record<string, string>> = {
  day: 'dai',
  days: 'dai',
  week: 'week',
  weeks: 'week',
  fortnight: 'fortnight',
  fortnights: 'fortnight',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decad',
  decades: 'decad',
};
/** After a length of time, these make it an age ("years old") or a point in time ("ago", "later"). */
const NOT_A_DURATION_AFTER =
  /^(?:-old|\s+old\b|\s+of\s+age\b|\s+ago\b|\s+earlier\b|\s+later\b|\s+before\b|\s+after\b|\s+prior\b|\s+from\s+now\b|\s+since\b|\s+back\b)/i;
/** Before a length of time, these make it the period of another figure ("over the past two years"). */
const PERIOD_BEFORE =
  /\b(?:last|this|next|past|previous|prior|coming|same|current|fiscal|first|second|third|fourth|final|latest|recent|every|each|per)\s+(?:(?:about|around|some|nearly|almost|roughly|approximately)\s+)?$/i;
const ONES: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Loose plurals of round numbers ("dozens of"): the least and most a writer would plausibly use them for. */
const VAGUE: Readonly<Record<string, readonly [number, number]>> = {
  dozens: [24, 199],
  hundreds: [200, 1999],
  thousands: [2000, 999_999],
};
const alternatives = (words: Readonly<Record<string, unknown>>): string => Object.keys(words).join('|');
const WORD_NUMBER = `(?:(?:(?:${alternatives(TENS)})(?:[-\\s](?:${alternatives(ONES)}))?|${alternatives(TEENS)}|${alternatives(ONES)}|a)\\s+dozen|(?:${alternatives(TENS)})(?:[-\\s](?:${alternatives(ONES)}))?|${alternatives(TEENS)}|${alternatives(ONES)})`;
const WORD_QUANTITY = new RegExp(
  String.raw`(?:\b(${QUALIFIER})\s+)?\b(?:(half\s+an?)|(${WORD_NUMBER})(\s+and\s+a\s+half)?|(an?))([-\s]+)(days?|weeks?|fortnights?|months?|years?|decades?)\b(\s+and\s+a\s+half)?|(?:\b(${QUALIFIER})\s+)?\b(${WORD_NUMBER}|${alternatives(VAGUE)})\b(\s+of)?`,
  'gi',
);
/** Before "a year", "a month": what makes it a length of time rather than a rate or a point ("for a year"). */
const SINGLE_UNIT_BEFORE =
  /\b(?:for|within|lasting|lasts?|lasted|spent|took|takes|only|just|barely|about|around|nearly|almost|roughly|over|than|extended|extends?|extension\s+of|served|serving|sentenced\s+to)\s+$/i;

/** The value of a number written in words ("twenty-five", "a dozen"). */
function wordValue(written: string): number | undefined {
  const words = written.toLowerCase().split(/[-\s]+/);
  if (words.at(-1) === 'dozen') {
    // "a dozen" is 12, "two dozen" 24.
    const count = words.length === 2 && words[0] === 'a' ? 1 : wordValue(words.slice(0, -1).join(' '));
    return count === undefined ? undefined : count * 12;
  }
  let total = 0;
  for (const word of words) {
    const value = ONES[word] ?? TEENS[word] ?? TENS[word];
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

/**
 * Lengths of time and counts written in words ("two months", "half a year", "eleven days", "dozens of
 * protesters"). Written by hand: chrono-node reads "two months ago" as a date but gives no length for
 * "two months", and no installed library reads number words.
 */
function wordQuantities(text: string, offset: number): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(WORD_QUANTITY)) {
    const index = match.index ?? 0;
    const [
      whole,
      qualifierRaw,
      halfRaw,
      numberRaw,
      andHalfRaw,
      articleRaw,
      joiner,
      unitRaw,
      trailingHalfRaw,
    ] = match;
    const [countQualifierRaw, countNumberRaw, ofRaw] = match.slice(9);
    // Parts of longer words or hyphenated names ("one-off", "twenty-something").
    if (/[\w-]$/.test(text.slice(0, index))) continue;
    let end = index + whole.length;
    const after = text.slice(end);
    if (unitRaw !== undefined) {
      const unitClass = DURATION_WORDS[unitRaw.toLowerCase()];
      const days = unitClass === undefined ? undefined : DAYS_IN[unitClass];
      if (days === undefined) continue;
      // "a two-year-old child", "a three-month-long": an age or an adjective chain; "year-end" a time.
      if (/^-/.test(after) && !/^-long\b/i.test(after)) continue;
      if (NOT_A_DURATION_AFTER.test(after)) continue;
      const before = text.slice(0, index);
      if (PERIOD_BEFORE.test(before)) continue;
      // A lone "a year" is as often a rate ("$5 billion a year") as a length: only after words of lasting.
      if (
        articleRaw !== undefined &&
        qualifierRaw === undefined &&
        !/^decade/i.test(unitRaw) &&
        !SINGLE_UNIT_BEFORE.test(before)
      )
        continue;
      // A hyphen joins the number to its unit only in an adjective ("a three-month extension").
      if (joiner?.includes('-') && (articleRaw !== undefined || halfRaw !== undefined)) continue;
      let count: number;
      if (halfRaw !== undefined) count = 0.5;
      else if (articleRaw !== undefined) count = 1;
      else {
        const value = numberRaw === undefined ? undefined : wordValue(numberRaw);
        if (value === undefined) continue;
        count = value;
      }
      if (andHalfRaw !== undefined || trailingHalfRaw !== undefined) count += 0.5;
      const qualifier = qualifierRaw?.toLowerCase().replace(/\s+/g, ' ');
      const range = qualify([count * days[0], count * days[1]], count * days[0], qualifier);
      const quantity: Quantity = {
        start: offset + index,
        end: offset + end,
        text: whole,
        low: range[0],
        high: range[1],
        unit: DURATION,
      };
      if (qualifier !== undefined) quantity.qualifier = qualifier;
      found.push(quantity);
      continue;
    }
    if (countNumberRaw === undefined) continue;
    const lower = countNumberRaw.toLowerCase();
    const vague = VAGUE[lower];
    // "Dozens" counts only with "of" after it; a bare "dozens" is a pronoun.
    if (vague !== undefined && ofRaw === undefined) continue;
    // "one official said": "one" introduces rather than counts.
    if (lower === 'one') continue;
    const value = vague === undefined ? wordValue(countNumberRaw) : undefined;
    if (vague === undefined && (value === undefined || ofRaw !== undefined)) continue;
    const counted = countedNoun(after);
    if (counted === undefined) continue;
    // A unit of time counted in words reads as a length above; here it would be a hyphenated adjective.
    if (DAYS_IN[counted.unit] !== undefined) continue;
    end += counted.length;
    const qualifier = countQualifierRaw?.toLowerCase().replace(/\s+/g, ' ');
    const plain: [number, number] = vague === undefined ? [value ?? 0, value ?? 0] : [vague[0], vague[1]];
    const range = qualify(plain, plain[0], qualifier);
    const quantity: Quantity = {
      start: offset + index,
      end: offset + end,
      text: text.slice(index, end),
      low: range[0],
      high: range[1],
      unit: counted.unit,
    };
    if (qualifier !== undefined) quantity.qualifier = qualifier;
    found.push(quantity);
  }
  return found;
}

/** Whether a sentence may hold a quantity at all: a digit or a number word. */
export function mayHoldQuantity(text: string): boolean {
  return /\d/.test(text) || MAY_HOLD_WORD.test(text);
}
const MAY_HOLD_WORD = new RegExp(
  `\\b(?:${[...Object.keys(ONES), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(VAGUE), 'dozen', 'fortnights?', 'decades?', 'days?', 'weeks?', 'months?', 'years?'].join('|')})\\b`,
  'i',
);

/** Plurals without an s, which end a counted noun phrase as a plural does. */
const IRREGULAR_PLURALS = new Set([
  'people',
  'men',
  'women',
  'children',
  'police',
  'staff',
  'personnel',
  'cattle',
  'sheep',
  'feet',
  'teeth',
  'mice',
  'geese',
]);

/** One or two capitalised words, then a lower-case plural: the counted noun after a name or nationality. */
const NAMED_THEN_NOUN = /^(?:\s+[A-Z][\p{L}'’-]*){1,2}\s+(\p{Ll}+(?:s|people|men|women|children|police))\b/u;

/** A model's code after a count: letters, an optional hyphen or space, digits, and an optional plural s. */
const MODEL_CODE = /^\s+([A-Z]{1,4})\s*(?:-\s*)?(\d{1,3})(s)?\b/;

/** "of the", "of their": the opening of a partitive ("17 of the hijacked ships") before lower-case words. */
const PARTITIVE = /^\s+of\s+(?:the|these|those|its|their|his|her)(?=\s+[a-z])/;
/** What a bare number counts: the head of the noun phrase after it, plus a rate ("vehicles a day"). */
function countedNoun(rest: string): { unit: string; length: number } | undefined {
  let consumed = 0;
  let head: string | undefined;
  // "seven AK-47 assault rifles", "12 AK 47 guns", "two F-16s": a model's code names what is counted, and
  // the digits in it are no count of their own.
  const model = MODEL_CODE.exec(rest);
  if (model?.[1] !== undefined && model[2] !== undefined) {
    consumed = model[0].length;
    for (let words = 0; words < 2 && !model[3]; words++) {
      const next = FOLLOWING_WORD.exec(rest.slice(consumed));
      if (next?.[1] === undefined || NOT_A_UNIT.has(next[1].toLowerCase()) || /^[A-Z]/.test(next[1])) break;
      consumed += next[0].length;
      if (next[1].endsWith('s') && !next[1].endsWith('ss')) break;
    }
    return { unit: `model:${model[1].toLowerCase()}${model[2]}`, length: consumed };
  }
  // "17 of the hijacked ships": a part of a group whose size is not given counts the group's noun.
  const partitive = PARTITIVE.exec(rest);
  if (partitive !== null) consumed = partitive[0].length;
  for (let words = 0; words < 3; words++) {
    const next = FOLLOWING_WORD.exec(rest.slice(consumed));
    if (next?.[1] === undefined) break;
    const word = next[1].toLowerCase();
    if (NOT_A_UNIT.has(word)) break;
    // A proper name ends the phrase ("5 in Moscow", "2,000 Russian"), unless a counted noun follows it
    // ("99 alleged Sicilian Mafia members").
    if (/^[A-Z]/.test(next[1])) {
      const named = NAMED_THEN_NOUN.exec(rest.slice(consumed));
      if (named?.[1] === undefined) break;
      head = named[1].toLowerCase();
      consumed += named[0].length;
      break;
    }
    head = word;
    consumed += next[0].length;
    // A plural ends the noun phrase ("800 luxury cars were imported"), irregular ones too ("1,000 people fled").
    if ((word.endsWith('s') && !word.endsWith('ss')) || IRREGULAR_PLURALS.has(word)) break;
  }
  if (head === undefined) return undefined;
  if (partitive !== null && !((head.endsWith('s') && !head.endsWith('ss')) || IRREGULAR_PLURALS.has(head)))
    return undefined;
  const rate = RATE.exec(rest.slice(consumed));
  const unit = paraphraseClass(stem(head));
  if (rate?.[1] !== undefined)
    return { unit: `${unit}/${rate[1].toLowerCase()}`, length: consumed + rate[0].length };
  return { unit, length: consumed };
}

/** The range a written number stands for: half a step of its last digit, a quarter step for round numbers. */
function interval(written: string, multiplier: number): [number, number] {
  const plain = written.replace(/,/g, '');
  const value = Number(plain);
  const decimals = plain.includes('.') ? (plain.split('.')[1]?.length ?? 0) : 0;
  let tolerance: number;
  if (decimals > 0) tolerance = 0.5 * 10 ** -decimals;
  else {
    const zeros = /0*$/.exec(plain)?.[0].length ?? 0;
    const trailing = Math.min(zeros, plain.length - 1);
    // "30,000" may be rounded, but not to "45,000": a quarter of its last step keeps round numbers apart.
    // A bare count under a hundred ("10 people were killed") is a count, not a rounding of 12.
    if (trailing > 0 && (multiplier > 1 || value >= 100)) tolerance = 0.25 * 10 ** trailing;
    else if (trailing > 0) tolerance = 0;
    // "$138 million" for $138.7 million: whole millions are often cut rather than rounded, so a full step.
    else tolerance = multiplier > 1 ? 1 : 0;
  }
  return [(value - tolerance) * multiplier, (value + tolerance) * multiplier];
}

/** Approximations from one side: "nearly $80 million" is a little under 80, never 82. */
const APPROACHING_FROM_BELOW = new Set(['nearly', 'almost', 'just under']);
const APPROACHING_FROM_ABOVE = new Set(['just over']);

function qualify(range: [number, number], value: number, qualifier: string | undefined): [number, number] {
  if (qualifier === undefined) return range;
  if (LOWER_BOUNDS.has(qualifier)) return [range[0], Number.POSITIVE_INFINITY];
  if (UPPER_BOUNDS.has(qualifier)) return [0, range[1]];
  const slack = Math.abs(value) * APPROXIMATION;
  // "almost 100 people" is a little under 100, never 89: the slack is the qualifier's, not the rounding's.
  if (APPROACHING_FROM_BELOW.has(qualifier)) return [value - slack, value];
  if (APPROACHING_FROM_ABOVE.has(qualifier)) return [value, value + slack];
  return [range[0] - slack, range[1] + slack];
}

/**
 * Whether two quantities can both be true of the same thing: same unit (currency, counted noun) and
 * overlapping ranges. Amounts in different currencies are never compared (no exchange rates offline).
 */
export function quantitiesCompatible(first: Quantity, second: Quantity): boolean {
  if (first.unit !== second.unit) return true;
  return first.low <= second.high && second.low <= first.high;
}

/** A date value at its precision, as {@link DateMention} carries it. */
export interface DatedValue {
  value: IsoDate;
  precision: DatePrecision;
}

/**
 * Whether two dates can both be true of the same event: one is the other at a coarser precision
 * (2023 and 2023-09, 2024-02 and 2024-02-18) or they are equal.
 */
export function datesCompatible(first: DatedValue, second: DatedValue): boolean {
  return first.value.startsWith(second.value) || second.value.startsWith(first.value);
}

/** Days between two day-precision dates (absolute), or undefined when either is coarser. */
export function daysApart(first: DatedValue, second: DatedValue): number | undefined {
  if (first.precision !== 'day' || second.precision !== 'day') return undefined;
  const time = (value: IsoDate): number => Date.parse(`${value}T00:00:00Z`);
  return Math.abs(time(first.value) - time(second.value)) / 86_400_000;
}

/**
 * What a number is a figure of besides its unit: the period it covers, whether it is a projection, the
 * place it is scoped to, whose projection it is, and whether it is only a baseline it is compared with.
 * Two values fill one slot only if their frames agree: a month's figure and a year's, a forecast and an
 * actual, a U.S. figure and a world one are different figures, not two versions of one.
 */
export interface ValueFrame {
  /** A forecast, estimate or expectation ("expected", "estimates", "could", "will"), not a figure reported as it is. */
  projected: boolean;
  /** A figure in the future tense ("will cost"): an announcement, which agrees with a report or a forecast alike. */
  future?: boolean;
  /** A figure given only to compare with ("down from 943,000", "higher than the estimated 2.3%"). */
  baseline: boolean;
  /** Periods and aggregates written around the value ("last year", "past 10 years", "a year", "average"), normalised. */
  periods: string[];
  /** Places the value is scoped to (country names, `World` for global figures). */
  places: string[];
  /** Names of whoever makes a projection ("surveyed by Dow Jones"), for projected values. */
  agents: string[];
  /** Dates written around the value (already resolved by the caller; days near publication left out). */
  dates: DatedValue[];
  /** Days of the story's own week written around the value ("on Monday"), which only another day can contradict. */
  days?: DatedValue[];
}

/** A date found around a value, with its offsets in the same text. */
export interface DatedSpan extends DatedValue {
  start: number;
  end: number;
  /** A day of the story's own week ("on Monday"), kept apart in {@link ValueFrame.days}. */
  storyDay?: boolean;
}

const NUMBER_WORD =
  '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a few|several)';
const PERIOD_UNIT = '(?:days?|weeks?|months?|quarters?|years?|decades?|half|period)';
const PERIOD_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `\\b(?:last|this|next|past|previous|prior|coming|same|current|fiscal|first|second|third|fourth|final|latest)\\s+(?:${NUMBER_WORD}\\s+)?${PERIOD_UNIT}\\b`,
    'gi',
  ),
  new RegExp(
    `\\b${NUMBER_WORD}\\s+${PERIOD_UNIT}\\s+(?:after|ago|later|earlier|before|since|from now)\\b`,
    'gi',
  ),
  new RegExp(`\\b(?:after|within|over|for|during)\\s+(?:the\\s+)?${NUMBER_WORD}\\s+${PERIOD_UNIT}\\b`, 'gi'),
  /\b(?:year-(?:over|on)-year|annual(?:ly|i[sz]ed)?|monthly|quarterly|weekly|yearly|(?:a|per|each)\s+(?:year|month|week|quarter)|cumulative|to date|so far|all-time|on average|averag(?:e|ed|es|ing)|median)\b/gi,
  /\b(?:since|by|until|through)\s+(?:19|20)\d\d\b/gi,
];
/** A tally over several events or the whole of a period: "a total of", "so far", "in five operations". */
const TALLY_OVER_EVENTS = new RegExp(
  String.raw`\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|so\s+far|thus\s+far|to\s+date|(?:in|during|over|across)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:${NUMBER_WORD}|\d+)\s+(?:operations|raids|missions|attacks|games|matches|seasons|trips|visits|incidents))\b`,
  'i',
);
/** Words that make a figure a projection rather than a report of what happened. */
const PROJECTION =
  /\b(?:expect(?:s|ed|ing|ations?)?|forecast(?:s|ed|ers?|ing)?|predict(?:s|ed|ions?|ing)?|project(?:s|ed|ions?)|estimat(?:e|es|ed|ing)|anticipat(?:e|es|ed|ing)|consensus|surveyed|looking for|could|would|might|may|plans?|planned|target(?:s|ed)?|goal|aims?|budget(?:s|ed)?|propos(?:e|es|ed|al)|put(?:s|ting)?\s+(?:the\s+)?\w+(?:\s+of\s+\w+)?\s+at)\b/i;
const PROJECTION_ALL = new RegExp(PROJECTION.source, 'gi');
/** The future tense before a figure ("will cost", "will be paid"). */
const FUTURE = /\b(?:will|’ll|'ll)\s+(?:\w+\s+){0,3}$/i;
/** What ends the reach of a projection cue over the values after it. */
const PROJECTION_BREAK =
  /[;:\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although|though|however|instead|actually|compared)\b/i;
/** A value right after these is the figure something is compared with, not the figure reported. */
const BASELINE_BEFORE =
  /\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:(?:the|a|an|its|their|roughly|about|some|around|nearly)\s+){0,2}$/i;
/** Global scope, in lower case only: "World Economic Outlook" is a title, not a scope. */
const WORLD =
  /\b(?:global(?:ly)?|world(?:wide)?|world's|internationally|around the world|across the globe)\b/g;
const NATIONWIDE = /\b(?:nationwide|nationally)\b/gi;
const UNITED_STATES = /^(?:U\.S(?:\.A)?|US|USA|United States|America|Americans?)$/;
/** Capitalised words that name no forecaster: sentence openers, days and months. */
const NOT_A_NAME =
  /^(?:The|A|An|In|On|By|But|And|It|He|She|They|We|This|That|Its|His|Her|Their|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)$/;
const CAPITALISED = /\b[A-Z][a-zA-Z'’.-]*(?:\s+[A-Z][a-zA-Z'’.-]*)*/g;
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
};

function normalisePeriod(phrase: string): string {
  const words = phrase
    .toLowerCase()
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== 'the' && word !== 'over' && word !== 'for' && word !== 'during')
    .map((word) => NUMBER_WORDS[word] ?? word.replace(/s$/, '').replace(/^(?:averag\w*)$/, 'average'))
    .map((word) => (word === 'per' || word === 'each' ? 'a' : word));
  // "six months after" and "after six months" scope the same span.
  return words.sort().join(' ');
}

interface Spanned {
  start: number;
  end: number;
}

function distance(match: Spanned, value: Spanned): number {
  if (match.end <= value.start) return value.start - match.end;
  if (match.start >= value.end) return match.start - value.end;
  return 0;
}

/**
 * The frame of a value in a sentence: the periods, places, projection cues, names and dates written
 * nearer to it than to any other value of the sentence ("$974 billion over five years or $1.2 trillion
 * over eight years" gives each its own period).
 * @param text - the sentence
 * @param start - where the value starts in `text`
 * @param end - where the value ends in `text`
 * @param options - the other values of the sentence and the dates written in it, in `text` offsets
 */
export function valueFrame(
  text: string,
  start: number,
  end: number,
  options: { others?: readonly Spanned[]; dates?: readonly DatedSpan[] } = {},
): ValueFrame {
  const value = { start, end };
  const others = (options.others ?? []).filter((other) => other.start !== start || other.end !== end);
  const ours = (match: Spanned): boolean => {
    // The value's own words ("vehicles a day") are its unit, not its frame.
    if (match.start < end && start < match.end) return false;
    const own = distance(match, value);
    // A length of time inside the phrase ("over five years") is the phrase's own number, not a rival value.
    return others.every(
      (other) => own <= distance(match, other) || (match.start <= other.start && other.end <= match.end),
    );
  };
  const spanOf = (match: RegExpMatchArray): Spanned => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  });
  const dates = (options.dates ?? []).filter((date) => ours(date));
  const periods: string[] = [];
  for (const pattern of PERIOD_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span = spanOf(match);
      if (!ours(span)) continue;
      // A period the date resolver read ("last month" → 2021-08) is compared as a date.
      if ((options.dates ?? []).some((date) => date.start < span.end && span.start < date.end)) continue;
      const period = normalisePeriod(match[0]);
      if (!periods.includes(period)) periods.push(period);
    }
  }
  // "a total of 14 rifles, 31 magazines and 923 rounds during the five operations": a tally over several
  // events scopes every figure of its sentence, not only the nearest.
  if (TALLY_OVER_EVENTS.test(text) && !periods.includes('total')) periods.push('total');
  const places: string[] = [];
  for (const match of text.matchAll(WORLD))
    if (ours(spanOf(match)) && !places.includes('World')) places.push('World');
  const agents: string[] = [];
  for (const match of text.matchAll(CAPITALISED)) {
    if (!ours(spanOf(match))) continue;
    const name = match[0]
      .replace(/^The\s+/, '')
      .replace(/[’']s$/, '')
      .replace(/\.$/, '');
    const lower = name.toLowerCase();
    let place: string | undefined;
    if (UNITED_STATES.test(name)) place = 'United States';
    else if (DEMONYMS.has(lower)) place = DEMONYMS.get(lower);
    else if (PLACES.has(lower)) place = lower.replace(/\b\w/g, (letter) => letter.toUpperCase());
    if (place !== undefined) {
      if (!places.includes(place)) places.push(place);
      continue;
    }
    // The sentence's first word is capitalised for being first, not for being a name.
    if ((match.index ?? 0) === 0 && !/\s/.test(name)) continue;
    if (NOT_A_NAME.test(name)) continue;
    agents.push(name);
  }
  for (const match of text.matchAll(NATIONWIDE))
    if (ours(spanOf(match)) && !places.includes('United States')) places.push('United States');
  let projected = false;
  for (const match of text.matchAll(PROJECTION_ALL)) {
    const span = spanOf(match);
    // A cue before the value projects everything it governs up to a break or a contrast ("were looking for
    // 845,000 new jobs and an unemployment rate of 5.7%"); a cue after it only the value it follows.
    const governs = span.end <= start && !PROJECTION_BREAK.test(text.slice(span.end, start));
    if (governs || ours(span)) projected = true;
  }
  const future =
    FUTURE.test(text.slice(0, start)) &&
    !PROJECTION_BREAK.test(text.slice(text.slice(0, start).search(FUTURE), start));
  return {
    ...(future && { future }),
    projected,
    baseline: isBaseline(text, start),
    periods: periods.sort(),
    places: places.sort(),
    agents: projected ? agents : [],
    dates: dates
      .filter((date) => date.storyDay !== true)
      .map((date) => ({ value: date.value, precision: date.precision })),
    ...(dates.some((date) => date.storyDay === true) && {
      days: dates
        .filter((date) => date.storyDay === true)
        .map((date) => ({ value: date.value, precision: date.precision })),
    }),
  };
}

/**
 * Whether the value starting at `start` in `text` is only a baseline, given to compare with ("down from
 * 943,000", "higher than the estimated 2.3%").
 */
export function isBaseline(text: string, start: number): boolean {
  return BASELINE_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

/**
 * Whether two values can be figures of one slot as far as their frames tell: neither a baseline, both
 * projections or both not (and then by the same forecaster when both name one), the same periods, the
 * same dates at compatible precision (a dated value and an undated one are not compared), and no
 * different places (a world figure only with a world figure).
 */
export function sameFrame(first: ValueFrame, second: ValueFrame): boolean {
  if (first.baseline || second.baseline) return false;
  if (first.projected !== second.projected && first.future !== true && second.future !== true) return false;
  if (
    first.agents.length > 0 &&
    second.agents.length > 0 &&
    !first.agents.some((agent) => second.agents.includes(agent))
  )
    return false;
  if (first.periods.join('|') !== second.periods.join('|')) return false;
  if ((first.dates.length === 0) !== (second.dates.length === 0)) return false;
  if (
    first.dates.length > 0 &&
    !first.dates.some((date) => second.dates.some((other) => datesCompatible(date, other)))
  )
    return false;
  if (
    first.days !== undefined &&
    second.days !== undefined &&
    !first.days.some((day) => second.days?.some((other) => datesCompatible(day, other)))
  )
    return false;
  if (first.places.includes('World') !== second.places.includes('World')) return false;
  const firstPlaces = first.places.filter((place) => place !== 'World');
  const secondPlaces = second.places.filter((place) => place !== 'World');
  if (
    firstPlaces.length > 0 &&
    secondPlaces.length > 0 &&
    !firstPlaces.some((place) => secondPlaces.includes(place))
  )
    return false;
  return true;
}
