import { StoreError } from './errors.js';

const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Turns a caller's time (`2025-03-12`, `2025-03-12T10:00:00+02:00`, …) into one UTC ISO instant so
 * times compare correctly as strings in every adapter. A date alone means its start and a time
 * without an offset is UTC, so the result never depends on the machine's time zone.
 * @throws StoreError `store-invalid-input` when the text is not an ISO 8601 date or time
 */
export function toInstant(text: string, field: string, location: string): string {
  const match = DATE_OR_TIME.exec(text.trim());
  let time = Number.NaN;
  if (match !== null) {
    const hasClock = /[T ]\d/.test(text.trim());
    const iso = text.trim().replace(' ', 'T');
    time = Date.parse(hasClock && match[1] === undefined ? `${iso}Z` : iso);
  }
  if (Number.isNaN(time)) {
    throw new StoreError(
      'store-invalid-input',
      location,
      `${field} must be an ISO 8601 date or time such as 2025-03-12T10:00:00Z, got "${text}"`,
    );
  }
  return new Date(time).toISOString();
}
