/**
 * How the reader says when an update's value was reported. Free of DOM types so the tests can import it.
 */

import type { Update } from '../../src/model/index.js';

// Fixed English names, as the timeline's: Intl output varies by browser locale.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const AS_OF = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/;

/** True when the updates' as-of times fall in more than one year, so their labels must say the year. */
export function spansYears(updates: readonly Update[]): boolean {
  return (
    new Set(updates.flatMap((update) => update.positions.map((position) => position.asOf.slice(0, 4)))).size >
    1
  );
}

/**
 * An as-of time as a reader says it: "2 Jul 09:10", "3 Jul", with the year ("3 Jul 2025") when asked.
 * A time outside the model's two forms is shown as written.
 */
export function asOfLabel(asOf: string, withYear = false): string {
  const match = AS_OF.exec(asOf);
  const month = MONTHS[Number(match?.[2]) - 1];
  if (match === null || month === undefined) return asOf;
  const day = `${Number(match[3])} ${month}${withYear ? ` ${match[1]}` : ''}`;
  return match[4] === undefined ? day : `${day} ${match[4]}`;
}
