/**
 * Datelines: the date (and time) a report carries as a line of its own near the top, as scraped pages
 * and wire copy do ("Tuesday, July 2, 2013", "Updated: November 11, 2011 20: 09 IST", "Posted on
 * November 15, 2011 6: 07: 15 PM"), or failing that in the date path of a leading URL line
 * ("…/2013/09/14/…"). Candidate lines are generated from the first lines of the raw body; a refiner
 * keeps a line only when the date is nearly all it says, so a date inside a sentence ("The quake struck
 * on July 2, 2013, killing…") is never taken for the time of the report. Written by hand: chrono-node
 * finds dates in sentences but does not tell a dateline from a date in a story, and reads the tokenised
 * forms ("20: 09", "05. 51AM") as no time.
 * @packageDocumentation
 */
import type { IsoDate } from '../model/index.js';

/** A dateline found in a raw body. */
export interface Dateline {
  /** Offsets of the dateline's line (or URL line) in the body. */
  start: number;
  end: number;
  /** The line as written. */
  text: string;
  /** The calendar day it gives. */
  date: IsoDate;
  /** The time of day, `HH:MM` on a 24-hour clock, when the line gives one. */
  time?: string;
  /** `line` for a dateline of its own, `url` for the date path of a leading URL. */
  from: 'line' | 'url';
}

/** Lines read from the top of a body: URL, headline, standfirst, byline and dateline come first. */
const LEADING_LINES = 6;
/** A dateline says little besides its date: at most this many other words ("Last updated on", "TNN", a place). */
const MAX_OTHER_WORDS = 3;
/** A line longer than this is body text. */
const MAX_LINE_LENGTH = 140;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// Any word opening like a month: a typo ("Novemer 27, 2005") still dates a page; monthNumber says which.
const MONTH = String.raw`((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7})\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s*`;
/** "July 2, 2013", "Nov 12 2011", "Nov 12, 2011,". */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`\b(?:${WEEKDAY})?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\s*[,-]?\s*(\d{4})\b`,
  'i',
);
/** "11 Nov 2011", "Fri, 11 Nov 2011". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`\b(?:${WEEKDAY})?(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s*,?\s*(\d{4})\b`,
  'i',
);
/** "2013-07-02", "2012 - 04 - 04". */
const ISO_DAY = /\b(\d{4})\s*-\s*(\d{2})\s*-\s*(\d{2})\b/;
/** "05 / 02 / 2013", "12/16/08". */
const SLASHED_DAY = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}|\d{2})(?![\d/])/;
/** "08. 07. 2012". */
const DOTTED_DAY = /(?<![\d.])(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})(?![\d.])/;
/** "4:49 pm", "20: 09 IST", "05. 51AM", "6: 07: 15 PM", "2 A. M.". */
const TIME = /\b(\d{1,2})(?:\s*[:.]\s*(\d{2})(?:\s*:\s*\d{2})?)?\s*(a\.?\s*m\.?|p\.?\s*m\.?)?(?=\s|$|[^\w])/i;
/** A URL line, tokenised or not ("http: / / www. …"). */
const URL_LINE = /^\s*(?:https?\s*:\s*\/\s*\/|www\s*\.)/i;
/** A date path in a URL: "/2013/09/14/", "/ 2011 - 11 - 12 /". */
const URL_DATE = /\/\s*((?:19|20)\d{2})\s*[-/]\s*(\d{1,2})\s*[-/]\s*(\d{1,2})\s*(?:\/|_|$)/;
/** Words a dateline may carry besides its date and time. */
const DATELINE_WORDS =
  /^(?:updated|last|posted|published|on|at|by|created|modified|date|dated|first|hrs|hours|et|est|edt|pt|pst|pdt|ct|cst|cdt|gmt|utc|bst|cet|ist|tnn|ians|pti|am|pm)$/i;

function validDay(year: number, month: number, day: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A year written in two digits is of this century below 50 ("08" is 2008), else of the last. */
function fullYear(written: string): number {
  const year = Number(written);
  if (written.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Edits (insertions, deletions, substitutions) between two short words. */
function editDistance(first: string, second: string): number {
  let previous = Array.from({ length: second.length + 1 }, (_, index) => index);
  for (let row = 1; row <= first.length; row++) {
    const current = [row];
    for (let column = 1; column <= second.length; column++) {
      const cost = first[row - 1] === second[column - 1] ? 0 : 1;
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost));
    }
    previous = current;
  }
  return previous[second.length]!;
}

/**
 * The month a word names: its abbreviation or full name, "sept", or the full name with one letter wrong
 * ("Novemer"); undefined for other words that open like a month ("Marine", "Decision").
 */
function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase();
  const month = MONTHS[word.slice(0, 3)];
  if (month === undefined) return undefined;
  const full = MONTH_NAMES[month - 1]!;
  if (full.startsWith(word) || word === 'sept') return month;
  return word.length >= 5 && editDistance(word, full) <= 1 ? month : undefined;
}

/** The day a line names and where the date stands in it. */
function dayOf(line: string): { date: IsoDate; index: number; length: number } | undefined {
  const monthFirst = MONTH_DAY_YEAR.exec(line);
  if (monthFirst) {
    const date = validDay(Number(monthFirst[3]), monthNumber(monthFirst[1]!) ?? 0, Number(monthFirst[2]));
    if (date !== undefined) return { date, index: monthFirst.index, length: monthFirst[0].length };
  }
  const dayFirst = DAY_MONTH_YEAR.exec(line);
  if (dayFirst) {
    const date = validDay(Number(dayFirst[3]), monthNumber(dayFirst[2]!) ?? 0, Number(dayFirst[1]));
    if (date !== undefined) return { date, index: dayFirst.index, length: dayFirst[0].length };
  }
  const slashed = SLASHED_DAY.exec(line);
  if (slashed) {
    // Month first, as American pages write it, unless the first number cannot be a month.
    const [first, second] = [Number(slashed[1]), Number(slashed[2])];
    const [month, day] = first > 12 ? [second, first] : [first, second];
    const date = validDay(fullYear(slashed[3]!), month, day);
    if (date !== undefined) return { date, index: slashed.index, length: slashed[0].length };
  }
  const dotted = DOTTED_DAY.exec(line);
  if (dotted) {
    // Day first, as European pages write a dotted date ("08. 07. 2012").
    const date = validDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    if (date !== undefined) return { date, index: dotted.index, length: dotted[0].length };
  }
  const iso = ISO_DAY.exec(line);
  if (iso) {
    const date = validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date !== undefined) return { date, index: iso.index, length: iso[0].length };
  }
  return undefined;
}

/** The time of day in what is left of a dateline once its date is cut out, as `HH:MM`. */
function timeOf(rest: string): string | undefined {
  for (let scan = rest; scan !== ''; ) {
    const match = TIME.exec(scan);
    if (match === null) return undefined;
    const [, hours, minutes, half] = match;
    // A bare number is a time only with am/pm ("2 A. M."); otherwise it is a day or a count.
    if (minutes !== undefined || half !== undefined) {
      let hour = Number(hours);
      const minute = minutes === undefined ? 0 : Number(minutes);
      const meridiem = half?.replace(/[\s.]/g, '').toLowerCase();
      if (meridiem === 'pm' && hour < 12) hour += 12;
      if (meridiem === 'am' && hour === 12) hour = 0;
      if (hour <= 23 && minute <= 59)
        return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    }
    scan = scan.slice(match.index + match[0].length);
  }
  return undefined;
}

/**
 * Whether what is left of a line once its date is cut out reads as a dateline's furniture: words
 * datelines carry ("Updated", "Posted on", zones), capitalised names (a place, "Story Created", "TNN") and
 * no lower-case word, which would make it prose: a headline ("Quake strikes Java on July 2, 2013") or a
 * sentence.
 */
function onlyFurniture(rest: string): boolean {
  const words = (rest.match(/\p{L}[\p{L}'’]*/gu) ?? []).filter(
    (word) =>
      word.length > 1 &&
      !DATELINE_WORDS.test(word) &&
      monthNumber(word) === undefined &&
      !/^\p{Lu}+$/u.test(word),
  );
  return words.length <= MAX_OTHER_WORDS && words.every((word) => /^\p{Lu}/u.test(word));
}

/** Lines of a body with their offsets, blank lines skipped. */
function leadingLines(body: string): Array<{ start: number; end: number; text: string }> {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  let start = 0;
  while (start <= body.length && lines.length < LEADING_LINES) {
    const newline = body.indexOf('\n', start);
    const end = newline < 0 ? body.length : newline;
    const text = body.slice(start, end);
    if (text.trim() !== '') lines.push({ start, end, text });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/**
 * The dateline of a raw article body, or undefined when its first lines carry none.
 * @param body - the raw body, before cleaning
 */
export function findDateline(body: string): Dateline | undefined {
  const lines = leadingLines(body);
  // A dateline line of its own wins over a URL's date path: it is the outlet's own statement of the time.
  for (const line of lines) {
    if (line.text.length > MAX_LINE_LENGTH || URL_LINE.test(line.text)) continue;
    const day = dayOf(line.text);
    if (day === undefined) continue;
    const rest = `${line.text.slice(0, day.index)} ${line.text.slice(day.index + day.length)}`;
    if (!onlyFurniture(rest)) continue;
    const dateline: Dateline = {
      start: line.start,
      end: line.end,
      text: line.text,
      date: day.date,
      from: 'line',
    };
    const time = timeOf(rest);
    if (time !== undefined) dateline.time = time;
    return dateline;
  }
  const url = lines[0];
  if (url !== undefined && URL_LINE.test(url.text)) {
    const path = URL_DATE.exec(url.text);
    const date = path === null ? undefined : validDay(Number(path[1]), Number(path[2]), Number(path[3]));
    if (date !== undefined) return { start: url.start, end: url.end, text: url.text, date, from: 'url' };
  }
  return undefined;
}
