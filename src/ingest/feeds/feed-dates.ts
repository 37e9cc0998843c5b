/**
 * Feed dates to calendar days.
 *
 * A feed's `Tue, 20 Feb 2024 23:30:00 -0500` is the 20th for its outlet but the 21st in UTC. The report's
 * dates are days as the outlet dated them, so the day is read from the text as written whenever the text
 * carries one; other forms are read by `Date` as a last resort. Written by hand because the feed parser hands
 * back a `Date`, which has already lost the outlet's time zone.
 * @packageDocumentation
 */
import type { IsoDate } from '../../model/index.js';

const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/;
/** RFC 822 / RFC 2822 as used by RSS: `[Tue, ]20 Feb 2024 …`, also with full month names. */
const RFC_822_DAY = /^\s*(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4}|\d{2})(?!\d)/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar day a feed date stands for, in the time zone it was written in.
 * @param raw - the date text as written in the feed, when known
 * @returns `YYYY-MM-DD`, or `undefined` when the text names no real day
 */
export function feedDay(raw: string | undefined): IsoDate | undefined {
  if (raw !== undefined) {
    const iso = ISO_DAY.exec(raw);
    if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const rfc = RFC_822_DAY.exec(raw);
    if (rfc) {
      const month = MONTHS.indexOf((rfc[2] ?? '').slice(0, 3).toLowerCase()) + 1;
      const yearText = rfc[3] ?? '';
      // Two-digit years (RFC 822 proper) are this century: feeds predate none of them.
      const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
      // A named month with an impossible day (31 Feb) is no date; `Date` would roll it over into March.
      if (month > 0) return validDay(year, month, Number(rfc[1]));
    }
  }
  // V8 reads almost anything as a date ("12" is December 2001): a text without a four-digit year is none.
  if (raw !== undefined && /(?<!\d)\d{4}(?!\d)/.test(raw)) {
    // A date without a zone ("March 4, 2025") would be read in the machine's zone and could shift a day in
    // UTC; read it as UTC instead. A text that has a zone already makes the suffixed form invalid.
    const asUtc = new Date(`${raw.trim()} UTC`);
    const instant = Number.isNaN(asUtc.valueOf()) ? new Date(raw.trim()) : asUtc;
    if (!Number.isNaN(instant.valueOf())) return instant.toISOString().slice(0, 10);
  }
  return undefined;
}

function validDay(year: number, month: number, day: number): IsoDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
