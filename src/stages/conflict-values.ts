import type { DatePrecision, IsoDate } from '../model/index.js';
import { paraphraseClass } from '../text/synonyms.js';
import { stem } from '../text/terms.js';

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
  billion: 1e9,
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
  String.raw`(?:\b(${QUALIFIER})\s+)?(US\$|A\$|C\$|[$£€¥]|\b(?:USD|GBP|EUR)\s?)?(${NUMBER})(?:\s*(?:-|–|to)\s*(?:US\$|[$£€¥])?(${NUMBER}))?(?:\s*(million|billion|trillion|thousand|bn|mn|tn|[mkb])\b)?(\s*%|\s+per\s?cent\b)?`,
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
    if (index < conversionEnd) continue;
    const before = text.slice(Math.max(0, index - 1), index);
    const after = text.slice(index + whole.length);
    // Parts of words, times, ordinals, decimals glued to other digits and version numbers are not counts.
    if (/[\w.:/]/.test(before) && signRaw === undefined && qualifierRaw === undefined) continue;
    // "COVID-19", "G-7", "F-35": a number glued to a word by a hyphen is part of a name.
    if (/[A-Za-z]-$/.test(text.slice(Math.max(0, index - 2), index))) continue;
    if (/^(?:st|nd|rd|th)\b|^:\d|^[\w/]/.test(after)) continue;
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
  return found;
}

/** What a bare number counts: the head of the noun phrase after it, plus a rate ("vehicles a day"). */
function countedNoun(rest: string): { unit: string; length: number } | undefined {
  let consumed = 0;
  let head: string | undefined;
  for (let words = 0; words < 3; words++) {
    const next = FOLLOWING_WORD.exec(rest.slice(consumed));
    if (next?.[1] === undefined) break;
    const word = next[1].toLowerCase();
    // Stop words and proper names end the phrase: "5 in Moscow" counts nothing, nor does "2,000 Russian troops".
    if (NOT_A_UNIT.has(word) || /^[A-Z]/.test(next[1])) break;
    head = word;
    consumed += next[0].length;
    // A plural ends the noun phrase ("800 luxury cars were imported").
    if (word.endsWith('s') && !word.endsWith('ss')) break;
  }
  if (head === undefined) return undefined;
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
    if (trailing > 0) tolerance = 0.25 * 10 ** trailing;
    // "$138 million" for $138.7 million: whole millions are often cut rather than rounded, so a full step.
    else tolerance = multiplier > 1 ? 1 : 0;
  }
  return [(value - tolerance) * multiplier, (value + tolerance) * multiplier];
}

function qualify(range: [number, number], value: number, qualifier: string | undefined): [number, number] {
  if (qualifier === undefined) return range;
  if (LOWER_BOUNDS.has(qualifier)) return [range[0], Number.POSITIVE_INFINITY];
  if (UPPER_BOUNDS.has(qualifier)) return [0, range[1]];
  const slack = Math.abs(value) * APPROXIMATION;
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

/** A short human form of a quantity's range, for reports and tests ("4.15M–4.25M USD"). */
export function describeQuantity(quantity: Quantity): string {
  const format = (value: number): string =>
    Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '∞';
  return `${format(quantity.low)}–${format(quantity.high)} ${quantity.unit}`;
}
