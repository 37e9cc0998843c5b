import type { Source, StoryReport, TimelineEvent, Update } from '../model/index.js';
import { MONTH_NAMES } from '../text/calendar-words.js';
import { readableSourceName } from '../text/outlet-identity.js';

/**
 * How a source is named to a reader: its outlet, else its file name without a generated hash, its title
 * or a chosen id; a source with none of these is "source N", its place in the report, never a hash.
 * @param source - the source
 * @param index - its place in the report, from 0
 */
export function sourceLabel(source: Source, index: number): string {
  return readableSourceName(source) ?? `source ${index + 1}`;
}

/**
 * The title of a source when its label is not already the title, else an empty string: the sources list
 * gives each once.
 * @param source - the source
 * @param label - its label from {@link sourceLabel}
 */
export function titleBesideLabel(source: Source, label: string): string {
  const title = source.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (title === '' || label === title || (label.endsWith('…') && title.startsWith(label.slice(0, -1))))
    return '';
  return title;
}

/** Numbers the sources 1…n in report order, so citations can be short: `[1,3]`. */
export function citationNumbers(report: StoryReport): Map<string, number> {
  return new Map(report.sources.map((source, index) => [source.id, index + 1]));
}

/** `[1,3,4]` for a list of source ids. */
export function citation(numbers: ReadonlyMap<string, number>, sources: readonly string[]): string {
  const list = sources.map((id) => numbers.get(id) ?? 0).sort((a, b) => a - b);
  return `[${list.join(',')}]`;
}

/**
 * The date of a timeline event as a reader says it: "2015", "2015 – 2017" for a range, with
 * " (scheduled)" when the sources tell it as still to come.
 */
export function timelineDate(event: TimelineEvent): string {
  const dates = event.endDate === undefined ? event.date : `${event.date} – ${event.endDate}`;
  return event.scheduled === true ? `${dates} (scheduled)` : dates;
}

const AS_OF = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/;

/**
 * True when the as-of times of a report's updates fall in more than one year, so their labels must
 * say the year; within one year the sources list already gives it.
 */
export function updatesSpanYears(updates: readonly Update[]): boolean {
  const years = new Set(
    updates.flatMap((update) => update.positions.map((position) => position.asOf.slice(0, 4))),
  );
  return years.size > 1;
}

/**
 * When an update's value was reported, as a reader says it: "2 July 09:10", "3 July", or with the year
 * ("3 July 2025") when asked. A time the model's forms do not cover is given as written.
 */
export function asOfLabel(asOf: string, withYear = false): string {
  const match = AS_OF.exec(asOf);
  const month = MONTH_NAMES[Number(match?.[2]) - 1];
  if (match === null || month === undefined) return asOf;
  const day = `${Number(match[3])} ${month.charAt(0).toUpperCase()}${month.slice(1)}${withYear ? ` ${match[1]}` : ''}`;
  return match[4] === undefined ? day : `${day} ${match[4]}`;
}
