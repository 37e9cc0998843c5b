import type { ParsedComponents, ParsingContext } from 'chrono-node';
// The English entry alone: the package root loads every locale, which costs ~200 ms at start-up.
import * as chrono from 'chrono-node/en';
import type { DateMention, DatePrecision, IsoDate, Segmentation } from '../model/index.js';

/*
 * chrono-node finds the candidate date expressions; the parsers and refiners below add what news text
 * needs and chrono does not do: bare years ("in 2015", "mid-2022") and year ranges ("from 2015 to 2017",
 * "2015–17", "1939-1945"), past-leaning resolution of weekdays and year-less months, "February 9 this year"
 * as one date, and the removal of false positives chrono accepts in running prose ("troops march",
 * "Kim sat", "24/7", "at 10"). A range ("March 3-5", "between Monday and Wednesday next week") is one
 * mention with an end date, its two ends resolved together so that the start takes the end's year or week
 * and never falls after it.
 */

/** Tag our refiners put on a result whose day is known although chrono does not mark it certain. */
const DAY_TAG = 'crosscheck/day';
/** Tag of results made by our year parser. */
const YEAR_TAG = 'crosscheck/year';

const MILLISECONDS_PER_DAY = 86_400_000;
/** A year-less "18 February" may lie at most this many days after the reference (announced plans). */
const FUTURE_DAY_TOLERANCE = 30;

const WEEKDAY_NAME = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const LOWERCASE_MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/;
/** Words before a bare month name that make it a date rather than a verb, modal or given name. */
const MONTH_CUE =
  /(?:\b(?:in|on|since|by|until|till|from|to|through|throughout|during|before|after|last|next|this|past|coming|early|late|mid|of|between|and|around|or)\s+|\bmid-\s*)$/i;
const RELATIVE_MODIFIER = /\b(last|past|next|coming|this)\s+$/i;
const FOLLOWING_RELATIVE_YEAR = /^,?\s+(last|this|next)\s+year\b/i;
/** Narrative offsets ("a week later") are relative to another event, not to the article's date. */
const NARRATIVE_OFFSET = /\b(?:later|earlier|within|now)\b|^now$/i;
const WEEK_EXPRESSION = /\bweek(?:end)?s?\b/i;
/** "the last 20 years", "in 3 days": a stretch of time, not a point on the calendar. */
const PLURAL_UNIT = /\b(?:days|weeks|months|years|decades)\b/i;
/** "over the last year", "in the past year": the twelve months before, not the previous calendar year. */
const THE_BEFORE = /\bthe\s+$/i;
const PART_OF_DAY = /^(?:this|that)\s+(?:morning|afternoon|evening)$/i;
const LEADING_PREPOSITION =
  /^(?:(?:on|in|at|by|from|between|since|of|during|until|till|through|throughout|before|after|circa|around|the year)\s+)+/i;
const TRAILING_PUNCTUATION = /[\s,;:(\-–—]+$/;
const RANGE_SEPARATOR = /\s*(?:-|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*/gi;

/** Prepositions after which a four-digit number is a year ("in 2015", "since 2019", "summer of 2018"). */
const YEAR_CUE =
  '(?:in|since|during|until|till|through|throughout|before|after|circa|around|the year|(?:summer|spring|autumn|fall|winter|end|start|beginning|middle|half) of)';
const YEAR = '(?:18|19|20)\\d{2}';
const DASH = '[-–—]';
/** A year after a dash may be shortened to its last two digits ("2015–17", "the 2019-20 season"). */
const DASH_YEAR_END = `${YEAR}|\\d{2}`;
/** A plural noun or quantity word after the number means a count ("after 2000 votes"), not a year. */
const COUNT_FOLLOWS =
  '(?!\\s+(?:(?!(?:has|was|is|as|this|its|thus|perhaps|always|towards|afterwards)\\b)[a-z]+s\\b|people|men|women|children|more|other|percent|per)\\b)(?!\\s*%)';
/**
 * Bare years with their cue, and year ranges: "from 2015 to 2017", "between 2015 and 2017", "2015–17",
 * "1939-1945". A dashed pair needs no cue word but must not be part of a longer number, a code or an ISO
 * date ("555-2015-1234", "2015-12-01"); a single year followed by a dash and digits is left to the range.
 */
const YEAR_PATTERN = new RegExp(
  '\\b(?:' +
    `(?:from|between)\\s+(?:early\\s+|late\\s+|mid-?)?(?<rangeStart>${YEAR})(?:\\s*(?:to|and|until|till|through)\\s*(?<rangeEnd>${YEAR})|\\s?${DASH}\\s?(?<rangeDashEnd>${DASH_YEAR_END}))` +
    `|${YEAR_CUE}\\s+(?:early\\s+|late\\s+|mid-?\\s*)?(?<cueYear>${YEAR})(?!\\s?${DASH}\\s?\\d)` +
    `|mid-\\s*(?<midYear>${YEAR})(?!\\s?${DASH}\\s?\\d)` +
    `|(?<![-/.$#]|mid-)(?<bareStart>${YEAR})\\s?${DASH}\\s?(?<bareEnd>${DASH_YEAR_END})` +
    `)(?![\\d,.]?\\d)(?!${DASH}\\d)${COUNT_FOLLOWS}`,
  'i',
);

/** The last year of a range written "2015–17" or "2015–2017"; undefined unless it follows the first. */
function rangeEndYear(start: number, written: string): number | undefined {
  const end = written.length === 2 ? start - (start % 100) + Number(written) : Number(written);
  return end > start ? end : undefined;
}

/** Parses bare years that chrono leaves alone, with their cue word so counts are not taken for years. */
const yearParser: chrono.Parser = {
  pattern: () => YEAR_PATTERN,
  extract: (context, match) => {
    const whole = match[0];
    const matchIndex = match.index ?? 0;
    const groups = match.groups ?? {};
    const rangeStart = groups.rangeStart ?? groups.bareStart;
    const rangeWritten = groups.rangeEnd ?? groups.rangeDashEnd ?? groups.bareEnd;
    if (rangeStart !== undefined && rangeWritten !== undefined) {
      const endYear = rangeEndYear(Number(rangeStart), rangeWritten);
      // "1998-95", "2015-12": not a range read forwards, so neither a range nor a year to trust.
      if (endYear === undefined) return null;
      const offset = whole.indexOf(rangeStart);
      const text = whole.slice(offset);
      const result = context.createParsingResult(
        matchIndex + offset,
        text,
        { year: Number(rangeStart) },
        { year: endYear },
      );
      return result.addTag(YEAR_TAG);
    }
    const year = groups.cueYear ?? groups.midYear;
    if (year === undefined) return null;
    // The cue word stays in the result text (chrono drops all-digit results); trim() removes it later.
    const text = whole.slice(0, whole.lastIndexOf(year) + year.length);
    return context.createParsingResult(matchIndex, text, { year: Number(year) }).addTag(YEAR_TAG);
  },
};

/** The reference day of a parse as UTC calendar fields (we always parse with timezone 0). */
function referenceDay(context: ParsingContext): Date {
  const instant = context.reference.instant;
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

function componentsDay(components: chrono.ParsingComponents): Date {
  return new Date(
    Date.UTC(components.get('year') ?? 0, (components.get('month') ?? 1) - 1, components.get('day') ?? 1),
  );
}

function assignDay(components: chrono.ParsingComponents, day: Date): void {
  components.assign('year', day.getUTCFullYear());
  components.assign('month', day.getUTCMonth() + 1);
  components.assign('day', day.getUTCDate());
}

function hasCalendarPart(components: chrono.ParsingComponents): boolean {
  return ['year', 'month', 'day', 'weekday'].some((part) => components.isCertain(part as chrono.Component));
}

/** Drops what chrono accepts in prose but a reader would not call a date. */
const falsePositiveRefiner: chrono.Refiner = {
  refine: (context, results) =>
    results.filter((result) => {
      const { start, text } = result;
      const before = context.text.slice(0, result.index);
      if (NARRATIVE_OFFSET.test(text)) return false;
      const ago = /\bago\b/i.test(text);
      if (WEEK_EXPRESSION.test(text) && !ago && !NAMED_WEEK.test(text)) return false;
      if (PLURAL_UNIT.test(text) && !ago) return false;
      if (/^(?:last|past|next)\b/i.test(text) && THE_BEFORE.test(before)) return false;
      if (LOWERCASE_MONTH.test(text)) return false;
      if (!hasCalendarPart(start)) {
        if (!PART_OF_DAY.test(text)) return false;
        result.addTag(DAY_TAG);
        return true;
      }
      const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day') && !start.isCertain('month');
      if (weekdayOnly && !WEEKDAY_NAME.test(text)) return false;
      if (result.tags().has('parser/SlashDateFormatParser')) {
        const numbers = text.match(/\d+/g)?.map(Number) ?? [];
        const [first = 0, second = 0] = numbers;
        const unambiguous = first === second || first > 12 || second > 12;
        if (!start.isCertain('year') || !unambiguous) return false;
      }
      const bareMonth = start.isCertain('month') && !start.isCertain('day') && !start.isCertain('year');
      if (bareMonth && !MONTH_CUE.test(before) && !MONTH_CUE.test(`${text.split(/\s+/)[0] ?? ''} `)) {
        return false;
      }
      return true;
    }),
};

/** "between March 3 and March 5": chrono merges "to", "-", "until" and "through" itself, not "and". */
const BETWEEN_BEFORE = /\bbetween\s+$/i;
const AND_BETWEEN = /^\s+and\s+$/i;

/** Joins "between X and Y" into one range, as chrono does for "from X to Y". */
const betweenRangeRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const kept: chrono.ParsingResult[] = [];
    for (const result of results) {
      const previous = kept[kept.length - 1];
      // A cloned result's missing end is null, not undefined.
      if (previous !== undefined && !previous.end && !result.end) {
        const between = context.text.slice(previous.index + previous.text.length, result.index);
        if (AND_BETWEEN.test(between) && BETWEEN_BEFORE.test(context.text.slice(0, previous.index))) {
          previous.end = result.start;
          previous.text += between + result.text;
          for (const tag of result.tags()) previous.addTag(tag);
          continue;
        }
      }
      kept.push(result);
    }
    return kept;
  },
};

/**
 * Joins "February 9 this year" and "October last year" into one date with the year made certain. After a
 * range ("March 3-5 last year") the year belongs to its end; yearlessRefiner carries it to the start.
 */
const relativeYearRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const kept: chrono.ParsingResult[] = [];
    for (const result of results) {
      const previous = kept[kept.length - 1];
      if (previous !== undefined && result.index < previous.index + previous.text.length) continue;
      const last = result.end ?? result.start;
      if (last.isCertain('month') && !last.isCertain('year')) {
        const after = context.text.slice(result.index + result.text.length);
        const relative = FOLLOWING_RELATIVE_YEAR.exec(after);
        if (relative) {
          const shift = { last: -1, this: 0, next: 1 }[
            relative[1]?.toLowerCase() as 'last' | 'this' | 'next'
          ];
          last.assign('year', referenceDay(context).getUTCFullYear() + shift);
          result.text += relative[0];
        }
      }
      kept.push(result);
    }
    return kept;
  },
};

/** Gives a range's start the year of its end, or the year before when its day would fall after the end. */
function alignStartToEnd(start: chrono.ParsingComponents, end: chrono.ParsingComponents): void {
  const year = end.get('year') ?? 0;
  start.assign('year', year);
  if (componentsDay(start) > componentsDay(end)) start.assign('year', year - 1);
}

/** Gives a range's end the year of its start, or the year after when its day would fall before the start. */
function alignEndToStart(start: chrono.ParsingComponents, end: chrono.ParsingComponents): void {
  const year = start.get('year') ?? 0;
  end.assign('year', year);
  if (componentsDay(end) < componentsDay(start)) end.assign('year', year + 1);
}

/**
 * Anchors year-less dates in the past, as news reports them: a month alone is the latest such month
 * on or before the reference ("in September" written in February 2024 is September 2023; "last" makes it
 * strictly before, "next" strictly after), a day-month the latest one at most 30 days after the reference.
 * A range is anchored as one: a year stated at its end ("Dec. 28 to Jan. 3, 2024") is the start's too,
 * otherwise the start is anchored and the end is the first such date after it, so a start never lands
 * after its end nor in another year for no reason.
 */
const yearlessRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const reference = referenceDay(context);
    const referenceYear = reference.getUTCFullYear();
    const referenceMonth = reference.getUTCMonth() + 1;
    for (const result of results) {
      const { start, end } = result;
      if (!start.isCertain('month')) continue;
      const rangeEnd = end?.isCertain('month') ? end : undefined;
      if (rangeEnd?.isCertain('year') && !start.isCertain('year')) {
        alignStartToEnd(start, rangeEnd);
        continue;
      }
      if (start.isCertain('year')) {
        if (rangeEnd !== undefined && !rangeEnd.isCertain('year')) alignEndToStart(start, rangeEnd);
        continue;
      }
      const month = start.get('month') ?? 1;
      if (start.isCertain('day')) {
        const latest = reference.getTime() + FUTURE_DAY_TOLERANCE * MILLISECONDS_PER_DAY;
        for (const year of [referenceYear + 1, referenceYear, referenceYear - 1]) {
          const candidate = Date.UTC(year, month - 1, start.get('day') ?? 1);
          if (candidate <= latest) {
            start.assign('year', year);
            break;
          }
        }
      } else {
        const modifier = RELATIVE_MODIFIER.exec(context.text.slice(0, result.index));
        const word = modifier?.[1]?.toLowerCase();
        let year: number;
        if (word === 'last' || word === 'past')
          year = month < referenceMonth ? referenceYear : referenceYear - 1;
        else if (word === 'next' || word === 'coming')
          year = month > referenceMonth ? referenceYear : referenceYear + 1;
        else if (word === 'this') year = referenceYear;
        else year = month <= referenceMonth ? referenceYear : referenceYear - 1;
        start.assign('year', year);
        if (modifier) {
          result.index -= modifier[0].length;
          result.text = modifier[0] + result.text;
        }
      }
      if (rangeEnd !== undefined) alignEndToStart(start, rangeEnd);
    }
    return results;
  },
};

/** The last range separator of a result's text ("to", "-", "until", "through", "and"), if any. */
function lastSeparator(text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  for (const match of text.matchAll(RANGE_SEPARATOR)) {
    if ((match.index ?? 0) > 0) last = match;
  }
  return last;
}

/**
 * Whether the sentence puts a weekday ahead of the report. A range's own "from" or "between" does not
 * look ahead ("was shut from Monday to Wednesday"), although a lone "from Wednesday" does.
 */
function looksAhead(context: ParsingContext, result: chrono.ParsingResult): boolean {
  // "a.m." and "p.m." end no clause: "will go into effect at 11:59 p.m. Saturday" looks ahead.
  const before = context.text.slice(0, result.index).replace(/\b([ap])\.m\./gi, '$1m');
  const cues = !result.end ? before : before.replace(/\b(?:from|between)\s+$/i, '');
  return (
    /\b(?:next|coming|this)\b/i.test(result.text) ||
    /\b(?:next|coming)\s+$/i.test(before) ||
    FUTURE_CUE.test(cues.slice(-60))
  );
}

/** The day of a bare weekday: the last such day on or before the reference, or the next one ahead. */
function placeWeekday(reference: Date, start: chrono.ParsingComponents, forward: boolean): Date {
  const day = componentsDay(start);
  if (!forward && day.getTime() > reference.getTime()) {
    return new Date(day.getTime() - 7 * MILLISECONDS_PER_DAY);
  }
  if (forward && day.getTime() < reference.getTime()) {
    return new Date(day.getTime() + 7 * MILLISECONDS_PER_DAY);
  }
  return day;
}

/**
 * A bare weekday in a news report is the last such day on or before the publication day, unless the
 * sentence looks ahead ("is due to meet on Tuesday", "will run from Wednesday"): then the next one.
 * A weekday followed by its own date ("Tuesday (March 11)", "Friday, March 7") yields to that date, and
 * one of a named week ("Wednesday next week") keeps the day chrono found in that week. In a range the end
 * anchors the start when the end is a known day ("Monday to Wednesday next week"); a range of two bare
 * weekdays lies wholly on or before the report ("was shut from Monday to Wednesday"), or wholly after it
 * when the sentence looks ahead ("will close from Monday to Wednesday").
 */
const pastWeekdayRefiner: chrono.Refiner = {
  refine: (context, results) => {
    const reference = referenceDay(context);
    return results.filter((result) => {
      const { start, end } = result;
      if (!start.isCertain('weekday') || start.isCertain('day')) return true;
      const weekday = start.get('weekday') ?? 0;
      if (!end) {
        const after = context.text.slice(
          result.index + result.text.length,
          result.index + result.text.length + 24,
        );
        if (EXPLICIT_DATE_AFTER.test(after)) return false;
        const named = dayInNamedWeek(result.text, weekday, reference);
        assignDay(start, named ?? placeWeekday(reference, start, looksAhead(context, result)));
        result.addTag(DAY_TAG);
        return true;
      }
      result.addTag(DAY_TAG);
      const separatorIndex = lastSeparator(result.text)?.index ?? result.text.length;
      const endWeekday = end.isCertain('weekday') && !end.isCertain('day') ? end.get('weekday') : null;
      const endNamed =
        endWeekday === null
          ? undefined
          : dayInNamedWeek(result.text.slice(separatorIndex), endWeekday, reference);
      if (end.isCertain('day') || endNamed !== undefined) {
        const endDay = endNamed ?? componentsDay(end);
        if (endNamed !== undefined) assignDay(end, endNamed);
        const back = (endDay.getUTCDay() - weekday + 7) % 7;
        assignDay(start, new Date(endDay.getTime() - back * MILLISECONDS_PER_DAY));
        return true;
      }
      const startNamed = dayInNamedWeek(result.text.slice(0, separatorIndex), weekday, reference);
      const length = endWeekday === null ? 0 : (endWeekday - weekday + 7) % 7 || 7;
      let startDay: Date;
      if (startNamed !== undefined) {
        startDay = startNamed;
      } else if (looksAhead(context, result)) {
        // Two bare weekdays told as ahead: the range starts on or after the report...
        const ahead = (weekday - reference.getUTCDay() + 7) % 7;
        startDay = new Date(reference.getTime() + ahead * MILLISECONDS_PER_DAY);
      } else {
        // ...told as past, it ends on or before the report ("was shut from Monday to Wednesday").
        const endBack = (reference.getUTCDay() - (endWeekday ?? weekday) + 7) % 7;
        startDay = new Date(reference.getTime() - (endBack + length) * MILLISECONDS_PER_DAY);
      }
      assignDay(start, startDay);
      if (endWeekday !== null) assignDay(end, new Date(startDay.getTime() + length * MILLISECONDS_PER_DAY));
      return true;
    });
  },
};

/** "Wednesday next week", "Tuesday of last week": the qualifier names the week of the weekday before it. */
const NAMED_WEEK =
  /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:of\s+)?(next|last|this|coming|past)\s+week\b/i;

/**
 * The day of a weekday in the week a text names ("Monday last week"), weeks running Monday to Sunday as
 * in the UK and ISO 8601; undefined when the text names no week. chrono's own reading of these is off by a
 * week for some weekdays ("Monday this week" on a Tuesday gives the Monday after).
 */
function dayInNamedWeek(text: string, weekday: number, reference: Date): Date | undefined {
  const qualifier = NAMED_WEEK.exec(text)?.[1]?.toLowerCase();
  if (qualifier === undefined) return undefined;
  const shift = qualifier === 'last' || qualifier === 'past' ? -1 : qualifier === 'this' ? 0 : 1;
  const monday = reference.getTime() - ((reference.getUTCDay() + 6) % 7) * MILLISECONDS_PER_DAY;
  return new Date(monday + (shift * 7 + ((weekday + 6) % 7)) * MILLISECONDS_PER_DAY);
}

/** "(March 11)", ", March 7", " 11 March": the weekday before it is only a label of this date. */
const EXPLICIT_DATE_AFTER =
  /^\s*[(,]?\s*(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b/i;

/** Words that put the weekday that follows them in the future of the report. */
const FUTURE_CUE =
  /\b(?:will|would|shall|is due|are due|due to|expected to|expects to|plans? to|planning to|scheduled|set to|from|until|starting|upcoming|ahead of)\b[^.;]*$/i;

/*
 * chrono's "5 days later" parser is dropped: "later" counts from another event, not from the publication
 * day, so resolving it against the reference date would be wrong. Its "3 weeks ago" parser is right but
 * the costliest of all, so it runs only on sentences that say "ago" (two parsers, one per kind of sentence).
 */
const LATER_PARSER = 'ENTimeUnitLaterFormatParser';
/**
 * Parsers whose finds are not dates of events: "5 days later" (above); durations read as "within"
 * ("for eight hours", "the day", "roughly a month": 17 false dates in the AllSides crawl, no true one);
 * clock times ("11:59 p.m."), which changed no date there and only stretched spans over the numbers
 * beside them ("Monday evening, 23", "19 on Monday").
 */
const DROPPED_PARSERS = new Set([LATER_PARSER, 'ENTimeUnitWithinFormatParser', 'ENTimeExpressionParser']);
const AGO_PARSER = 'ENTimeUnitAgoFormatParser';

function buildParser(withAgo: boolean): chrono.Chrono {
  const built = chrono.casual.clone();
  built.parsers = built.parsers.filter((candidate) => {
    const name = candidate.constructor.name;
    return !DROPPED_PARSERS.has(name) && (withAgo || name !== AGO_PARSER);
  });
  built.parsers.push(yearParser);
  built.refiners.push(
    falsePositiveRefiner,
    betweenRangeRefiner,
    relativeYearRefiner,
    yearlessRefiner,
    pastWeekdayRefiner,
  );
  return built;
}

const parser = buildParser(false);
const agoParser = buildParser(true);

/** A resolved date expression relative to the sentence it was parsed from. */
interface LocalDate {
  start: number;
  end: number;
  value: IsoDate;
  precision: DatePrecision;
  endDate?: IsoDate;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function resolve(
  components: ParsedComponents,
  tags: ReadonlySet<string>,
): { value: IsoDate; precision: DatePrecision } | undefined {
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  if (year === null) return undefined;
  const dayKnown = components.isCertain('day') || components.isCertain('weekday') || tags.has(DAY_TAG);
  if (dayKnown && month !== null && day !== null) {
    return { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day' };
  }
  if (components.isCertain('month') && month !== null) {
    return { value: `${pad(year, 4)}-${pad(month)}`, precision: 'month' };
  }
  if (components.isCertain('year')) return { value: pad(year, 4), precision: 'year' };
  return undefined;
}

/** Trims prepositions and trailing punctuation chrono keeps around an expression; returns local offsets. */
function trim(sentence: string, start: number, end: number): [number, number] {
  const text = sentence.slice(start, end);
  const leading = LEADING_PREPOSITION.exec(text)?.[0].length ?? 0;
  const trailing = TRAILING_PUNCTUATION.exec(text.slice(leading))?.[0].length ?? 0;
  return [start + leading, end - trailing];
}

/**
 * Turns one chrono result into one mention. A range ("from 2015 to 2017", "March 3-5") is one mention over
 * both ends with an end date; a "range" whose ends name one date ("March 3 from 9am to 5pm") is that date;
 * one whose end comes before its start is not read as a range but as two mentions, as the text gives them.
 */
function toLocalDates(sentence: string, result: chrono.ParsedResult): LocalDate[] {
  const tags = result.tags();
  const local: LocalDate[] = [];
  const push = (start: number, end: number, components: ParsedComponents, endDate?: IsoDate): void => {
    const resolved = resolve(components, tags);
    const [trimmedStart, trimmedEnd] = trim(sentence, start, end);
    if (resolved !== undefined && trimmedEnd > trimmedStart) {
      local.push({ start: trimmedStart, end: trimmedEnd, ...resolved, ...(endDate && { endDate }) });
    }
  };
  const resultEnd = result.index + result.text.length;
  if (!result.end) {
    push(result.index, resultEnd, result.start);
    return local;
  }
  const first = resolve(result.start, tags);
  const last = resolve(result.end, tags);
  if (first !== undefined && last !== undefined) {
    if (first.value.startsWith(last.value) || last.value.startsWith(first.value)) {
      push(result.index, resultEnd, result.start);
      return local;
    }
    if (last.value > first.value) {
      push(result.index, resultEnd, result.start, last.value);
      return local;
    }
  }
  const separator = lastSeparator(result.text);
  if (separator === undefined) {
    push(result.index, resultEnd, result.start);
    return local;
  }
  const separatorIndex = separator.index ?? 0;
  push(result.index, result.index + separatorIndex, result.start);
  push(result.index + separatorIndex + separator[0].length, resultEnd, result.end);
  return local;
}

/** Dashes between digits read as hyphens: chrono takes "March 3-5, 2023" but not "March 3–5, 2023". */
const DASH_BETWEEN_DIGITS = /(?<=\d\s?)[–—](?=\s?\d)/g;

function parseSentence(sentence: string, reference: Date): LocalDate[] {
  const chosen = /\bago\b/i.test(sentence) ? agoParser : parser;
  // One character for one, so every offset into the copy is an offset into the sentence.
  const hyphenated = sentence.replace(DASH_BETWEEN_DIGITS, '-');
  const results = chosen.parse(hyphenated, { instant: reference, timezone: 0 });
  return results.flatMap((result) => toLocalDates(sentence, result));
}

/** Two far-apart days: an expression resolving the same against both does not depend on a reference. */
const ABSOLUTE_PROBES = [new Date(Date.UTC(1987, 4, 13, 12)), new Date(Date.UTC(2061, 10, 7, 12))] as const;

function sameDate(left: LocalDate, right: LocalDate): boolean {
  return (
    left.start === right.start &&
    left.end === right.end &&
    left.value === right.value &&
    left.precision === right.precision &&
    left.endDate === right.endDate
  );
}

/**
 * Something without which no date expression exists: a year, a numeric date (2/18, 2024-02-18), an
 * ordinal day, a month or weekday name, or a relative day word. Bare numbers ("20 people") are not dates.
 */
const DATE_CUE =
  /\b(?:1[5-9]|2[01])\d\d\b|\d[/.-]\d|\d(?:st|nd|rd|th)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|week|month|year|decade|century|ago|day|fortnight|hour|noon|midnight|morning|evening|night|weekend|christmas|easter|summer|winter|spring|autumn|fall)/i;

/**
 * Finds the date expressions of a canonical text, sentence by sentence, and resolves each against the
 * reference date in UTC. Without a reference date only absolute dates that name their year are kept.
 * @param text - the canonical source text all offsets index into
 * @param segmentation - the segmentation of `text`
 * @param referenceDate - the article's day `YYYY-MM-DD` that relative expressions resolve against
 * @returns mentions sorted by start, non-overlapping, with `text.slice(start, end) === mention.text`
 */
export function extractDates(
  text: string,
  segmentation: Segmentation,
  referenceDate: IsoDate | undefined,
): DateMention[] {
  const reference = parseReference(referenceDate);
  const mentions: DateMention[] = [];
  for (const sentence of segmentation.sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    // chrono is the costliest stage per sentence; most news sentences carry no date, and every date
    // chrono can find contains a digit or one of these words, so the rest are not handed to it.
    if (!DATE_CUE.test(sentenceText)) continue;
    let local: LocalDate[];
    if (reference !== undefined) {
      local = parseSentence(sentenceText, reference);
    } else {
      const [first, second] = ABSOLUTE_PROBES.map((probe) => parseSentence(sentenceText, probe));
      local = (first ?? []).filter((candidate) => (second ?? []).some((other) => sameDate(candidate, other)));
    }
    for (const found of local) {
      const start = sentence.start + found.start;
      const end = sentence.start + found.end;
      mentions.push({
        start,
        end,
        text: text.slice(start, end),
        value: found.value,
        precision: found.precision,
        ...(found.endDate !== undefined && { endDate: found.endDate }),
        sentence: sentence.index,
      });
    }
  }
  mentions.sort((left, right) => left.start - right.start || right.end - left.end);
  const disjoint: DateMention[] = [];
  for (const mention of mentions) {
    const previous = disjoint[disjoint.length - 1];
    if (previous === undefined || mention.start >= previous.end) disjoint.push(mention);
  }
  return disjoint;
}

/** Noon UTC of the reference day, so no time-zone shift can move it to another calendar day. */
function parseReference(referenceDate: IsoDate | undefined): Date | undefined {
  const match = referenceDate === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate);
  if (match === null) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}
