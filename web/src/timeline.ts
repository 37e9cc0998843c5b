/**
 * The story timeline. A story's events sit within days of each other while its background (a bridge
 * opened in 1968, a storm two years ago) lies decades back: one linear axis would crush the story into
 * a corner. So the timeline is split: the story's own period on a linear day axis, and older or
 * year-only events as a compact background band before a visible axis break, both listed as text.
 */

import type { TimelineEvent } from '../../src/model/index.js';
import { maxOf, minOf } from '../../src/text/iterables.js';
import { Citations, type SourceIndex } from './common.js';
import { html } from './html.js';

const DAY = 86_400_000;
/** An earlier event joins the story period while it is at most this far from the next one... */
const STORY_GAP_DAYS = 31;
/** ...and at most this far before the latest event. */
const STORY_WINDOW_DAYS = 120;
// Fixed English names: the reader's other labels are English, and Intl output varies by browser locale.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** How much of a date the sources gave. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A date read: `at` is the UTC start of its day, month or year. */
export interface ReadDate {
  at: number;
  precision: DatePrecision;
  year: number;
}

/** A timeline event with its date read, and its end date when it is a range ("2015 – 2017"). */
export interface DatedEvent extends ReadDate {
  event: TimelineEvent;
  end?: ReadDate;
}

/** The timeline cut in two: the story's own period (day axis) and the older background. */
export interface TimelineSplit {
  story: DatedEvent[];
  background: DatedEvent[];
}

/** Reads an ISO day, month or year; undefined when unreadable. */
export function readDate(date: string): ReadDate | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const at = Date.UTC(year, Number(match[2] ?? 1) - 1, Number(match[3] ?? 1));
  const precision: DatePrecision = match[3] ? 'day' : match[2] ? 'month' : 'year';
  return { at, precision, year };
}

/**
 * Splits events into the story period and background. The period grows back from the latest
 * day- or month-dated event while consecutive events are close; year-only events are always
 * background, since a year cannot be placed on a day axis without inventing a day.
 */
export function splitTimeline(events: readonly TimelineEvent[]): TimelineSplit {
  const dated = events
    .map((event) => {
      const read = readDate(event.date);
      const end = event.endDate === undefined ? undefined : readDate(event.endDate);
      return read && { event, ...read, ...(end && { end }) };
    })
    .filter((item): item is DatedEvent => item !== undefined)
    .sort((left, right) => left.at - right.at);
  const placeable = dated.filter((item) => item.precision !== 'year');
  const latest = placeable.at(-1);
  if (latest === undefined) return { story: [], background: dated };
  let start = latest.at;
  for (let position = placeable.length - 2; position >= 0; position -= 1) {
    const candidate = placeable[position]!;
    if (start - candidate.at > STORY_GAP_DAYS * DAY || latest.at - candidate.at > STORY_WINDOW_DAYS * DAY)
      break;
    start = candidate.at;
  }
  const inStory = (item: DatedEvent) => item.precision !== 'year' && item.at >= start;
  return { story: dated.filter(inStory), background: dated.filter((item) => !inStory(item)) };
}

/** A date as a reader says it: "Sun 9 Mar 2025", "Sep 2024", "1968". */
export function dateLabel(item: ReadDate): string {
  const day = new Date(item.at);
  if (item.precision === 'year') return String(item.year);
  const month = `${MONTHS[day.getUTCMonth()]} ${item.year}`;
  if (item.precision === 'month') return month;
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${month}`;
}

/** A date or range as a reader says it: "Mon 26 Feb 2024 – Wed 28 Feb 2024", "2015 – 2017". */
export function rangeLabel(item: DatedEvent): string {
  return item.end === undefined ? dateLabel(item) : `${dateLabel(item)} – ${dateLabel(item.end)}`;
}

/** How long before the story an older event was: "(6 months before)", "(57 years before)". */
function distanceBefore(item: DatedEvent, story: DatedEvent): string | undefined {
  const start = new Date(story.at);
  const months =
    (start.getUTCFullYear() - item.year) * 12 + start.getUTCMonth() - new Date(item.at).getUTCMonth();
  // A year-only date cannot say how many months; a month count reads better under two years.
  const count = item.precision === 'year' || months >= 24 ? story.year - item.year : months;
  const unit = item.precision === 'year' || months >= 24 ? 'year' : 'month';
  return count > 0 ? `(${count} ${unit}${count === 1 ? '' : 's'} before)` : undefined;
}

/** Focuses a list entry without touching the hash, which holds the route. */
function showEntry(id: string): void {
  const entry = document.getElementById(id);
  if (entry === null) return;
  entry.scrollIntoView({ block: 'nearest' });
  entry.focus({ preventScroll: true });
}

const WIDTH = 800;
const EDGE = 16;
const ROW = 22;

/** The SVG: background years at even spacing, a break, then the story period on a linear day axis. */
function TimelineAxis(props: { split: TimelineSplit; entryId: (number: number) => string }) {
  const { story, background } = props.split;
  const years = [...new Set(background.map((item) => item.year))];
  const bandWidth = years.length === 0 ? 0 : Math.min(56 * years.length, 260);
  // The day axis spans the day-dated events; a month-only event outside them ("next month") goes to
  // a slot past a break at either end rather than stretching the axis to the 1st of its month.
  const exact = story.filter((item) => item.precision === 'day');
  // A range to a known day stretches the axis to its last day, so its bar fits.
  const extent = (exact.length > 0 ? exact : story).flatMap((item) =>
    item.end?.precision === 'day' ? [item.at, item.end.at] : [item.at],
  );
  const earliest = minOf(extent);
  const latest = maxOf(extent);
  const before = story.some((item) => item.at < earliest);
  const after = story.some((item) => item.at > latest);
  const slot = 64;
  const axisStart = (years.length === 0 ? EDGE + 24 : EDGE + bandWidth + 48) + (before ? slot : 0);
  const axisEnd = WIDTH - EDGE - 24 - (after ? slot : 0);
  // Half a day of padding each side, so a one-day story still has an axis.
  const first = earliest - DAY / 2;
  const last = latest + DAY / 2;
  const x = (at: number) =>
    at < first
      ? axisStart - slot / 2
      : at > last
        ? axisEnd + slot / 2
        : axisStart + ((at - first) / (last - first)) * (axisEnd - axisStart);
  const outside = [
    ...new Map(
      story.filter((item) => item.at < first || item.at > last).map((item) => [item.at, item]),
    ).values(),
  ];
  // Events of one day stack upwards, numbered in reading order like the list below.
  const stacks = new Map<number, number>();
  const markers = story.map((item, position) => {
    const level = stacks.get(item.at) ?? 0;
    stacks.set(item.at, level + 1);
    return { item, number: position + 1, level };
  });
  const tallest = maxOf(stacks.values(), 1);
  const axisY = 18 + tallest * ROW;
  const height = axisY + 44;
  const days = Math.round((last - first) / DAY);
  const pixelsPerDay = (axisEnd - axisStart) / Math.max(days, 1);
  const step = [1, 2, 3, 7, 14, 28, 56].find((candidate) => candidate * pixelsPerDay >= 64) ?? 91;
  const ticks: number[] = [];
  for (let at = first + DAY / 2; at <= last; at += DAY) ticks.push(at);
  const bandX = (position: number) =>
    years.length === 1
      ? EDGE + bandWidth / 2
      : EDGE + 14 + (position * (bandWidth - 28)) / (years.length - 1);
  const label =
    story.length > 0
      ? `Timeline: ${story.length} events from ${dateLabel(story[0]!)} to ${dateLabel(story.at(-1)!)}` +
        (background.length > 0 ? `, after ${background.length} background events from ${years[0]}` : '')
      : `Timeline: ${background.length} background events`;
  return html`<div class="timeline-scroll" tabindex="0" role="region" aria-label="Timeline chart, scrollable">
    <svg class="timeline" viewBox=${`0 0 ${WIDTH} ${height}`} role="img" aria-label=${label}>
      ${
        years.length > 0
          ? html`<g class="background-band">
        <rect x=${EDGE} y=${axisY - 14} width=${bandWidth} height="28" rx="4" class="band" />
        <text x=${EDGE + 4} y=${axisY - 20} class="band-title">Background</text>
        ${years.map((year, position) => {
          const count = background.filter((item) => item.year === year).length;
          return html`<g class="background-year">
            <rect x=${bandX(position) - 5} y=${axisY - 5} width="10" height="10" transform=${`rotate(45 ${bandX(position)} ${axisY})`}>
              <title>${year}: ${count} background event${count === 1 ? '' : 's'}</title></rect>
            <text x=${bandX(position)} y=${axisY + 30} text-anchor="middle" class="tick">${year}${count > 1 ? ` ×${count}` : ''}</text>
          </g>`;
        })}
        ${
          story.length > 0
            ? html`<g class="axis-break"><line x1=${EDGE + bandWidth + 18} x2=${EDGE + bandWidth + 26} y1=${axisY + 9} y2=${axisY - 9} />
          <line x1=${EDGE + bandWidth + 24} x2=${EDGE + bandWidth + 32} y1=${axisY + 9} y2=${axisY - 9} /></g>`
            : null
        }
      </g>`
          : null
      }
      ${
        story.length > 0
          ? html`<g class="story-axis">
        <line x1=${axisStart} x2=${axisEnd} y1=${axisY} y2=${axisY} class="axis" />
        ${ticks.map((at, position) => {
          const labelled = position % step === 0;
          const day = new Date(at);
          return html`<g class="day">
            <line x1=${x(at)} x2=${x(at)} y1=${axisY} y2=${axisY + (labelled ? 8 : 4)} class="tick-mark" />
            ${labelled ? html`<text x=${x(at)} y=${axisY + 22} text-anchor="middle" class="tick">${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()}</text>` : null}
            ${labelled && (position === 0 || day.getUTCDate() <= step) ? html`<text x=${x(at)} y=${axisY + 37} text-anchor="middle" class="tick month">${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}</text>` : null}
          </g>`;
        })}
        ${outside.map(
          (item) => html`<g class="month-slot">
            <line x1=${item.at < first ? x(item.at) - slot / 2 + 8 : axisEnd} x2=${item.at < first ? axisStart : x(item.at) + slot / 2 - 8} y1=${axisY} y2=${axisY} class="axis slot-axis" />
            <g class="axis-break"><line x1=${(item.at < first ? axisStart : axisEnd) - 7} x2=${(item.at < first ? axisStart : axisEnd) + 1} y1=${axisY + 9} y2=${axisY - 9} />
              <line x1=${(item.at < first ? axisStart : axisEnd) - 1} x2=${(item.at < first ? axisStart : axisEnd) + 7} y1=${axisY + 9} y2=${axisY - 9} /></g>
            <text x=${x(item.at)} y=${axisY + 22} text-anchor="middle" class="tick month">${dateLabel(item)}</text>
          </g>`,
        )}
        ${markers.map(
          ({
            item,
            number,
            level,
          }) => html`<g class=${`event precision-${item.precision}`} onClick=${() => showEntry(props.entryId(number))}>
            ${
              item.end?.precision === 'day'
                ? html`<line x1=${x(item.at)} x2=${x(item.end.at)} y1=${axisY - 12 - level * ROW} y2=${axisY - 12 - level * ROW}
                    class="event-range" stroke="currentColor" stroke-width="8" stroke-linecap="round" opacity="0.35" />`
                : null
            }
            <circle cx=${x(item.at)} cy=${axisY - 12 - level * ROW} r="10"><title>${number}. ${rangeLabel(item)}${item.precision === 'month' ? ' (month only)' : ''}${item.event.scheduled ? ' (scheduled)' : ''}: ${item.event.text}</title></circle>
            <text x=${x(item.at)} y=${axisY - 8 - level * ROW} text-anchor="middle" class="event-number">${number}</text>
          </g>`,
        )}
      </g>`
          : null
      }
    </svg>
  </div>`;
}

function EventEntry(props: {
  storyId: string;
  item: DatedEvent;
  id: string;
  number?: number;
  note?: string;
  sources: SourceIndex;
}) {
  const { item } = props;
  const notes = [props.note, item.event.scheduled ? '(scheduled)' : undefined].filter(Boolean).join(' ');
  return html`<li id=${props.id} tabindex="-1">
    ${props.number !== undefined ? html`<span class="entry-number" aria-hidden="true">${props.number}</span>` : null}
    <span class="event-body"><time datetime=${item.event.date}>${dateLabel(item)}</time>${
      item.end !== undefined
        ? html` – <time datetime=${item.event.endDate}>${dateLabel(item.end)}</time>`
        : null
    }${notes ? html`<span class="muted"> ${notes}</span>` : null} ${item.event.text}
      <${Citations} storyId=${props.storyId} evidence=${item.event.evidence} sources=${props.sources} /></span>
  </li>`;
}

/** The timeline section: chart, the story period's events, then the background by year. */
export function Timeline(props: { storyId: string; events: readonly TimelineEvent[]; sources: SourceIndex }) {
  const split = splitTimeline(props.events);
  const { story, background } = split;
  const entryId = (number: number) => `timeline-event-${number}`;
  const reference = story[0];
  return html`<section aria-labelledby="timeline-title">
    <h2 id="timeline-title">Timeline</h2>
    ${
      story.length + background.length === 0
        ? html`<p>No dated event.</p>`
        : html`<${TimelineAxis} split=${split} entryId=${entryId} />
    ${
      story.length > 0
        ? html`<h3 class="timeline-heading">The story: ${dateLabel(story[0]!)} – ${dateLabel(story.at(-1)!)}</h3>
    <ol class="timeline-list story-events">${story.map(
      (item, position) =>
        html`<${EventEntry} key=${`story-${position}`} storyId=${props.storyId} item=${item} id=${entryId(position + 1)}
          number=${position + 1} note=${item.precision === 'month' ? '(month only)' : undefined} sources=${props.sources} />`,
    )}</ol>`
        : null
    }
    ${
      background.length > 0
        ? html`<h3 class="timeline-heading">Background</h3>
    <ol class="timeline-list timeline-background">${background.map(
      (item, position) =>
        html`<${EventEntry} key=${`background-${position}`} storyId=${props.storyId} item=${item} id=${`timeline-background-${position + 1}`}
          note=${reference === undefined ? undefined : distanceBefore(item, reference)}
          sources=${props.sources} />`,
    )}</ol>`
        : null
    }`
    }
  </section>`;
}
