/** Month names in full, lower case. */
export const MONTH_NAMES =
  'january february march april may june july august september october november december'.split(' ');

/** Abbreviated month names as news writes them ("Feb.", "Sept."), lower case, without the full stop. */
export const MONTH_ABBREVIATIONS = 'jan feb mar apr jun jul aug sep sept oct nov dec'.split(' ');

/** Weekday names in full, lower case. */
export const WEEKDAY_NAMES = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

/** Abbreviated weekday names, lower case, without the full stop. */
export const WEEKDAY_ABBREVIATIONS = 'mon tue tues wed thu thur thurs fri sat sun'.split(' ');
