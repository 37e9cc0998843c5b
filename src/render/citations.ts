import type { Source, StoryReport, TimelineEvent } from '../model/index.js';

/** How a source is named to a reader: its outlet, else its id. */
export function sourceLabel(source: Source): string {
  return source.outlet ?? source.id;
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
