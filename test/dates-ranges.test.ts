import { describe, expect, it } from 'vitest';
import { type DateCase, datesOf, summary } from './helpers/dates.js';

/** Ranges: one mention over both ends, both resolved together. All text invented. */
const rangeCases: DateCase[] = [
  // Years.
  {
    text: 'The harbour bridge was shut from 2015 to 2017 for repairs.',
    expected: ['2015 to 2017=2015..2017/year'],
  },
  { text: 'The mill ran between 2015 and 2017.', expected: ['2015 and 2017=2015..2017/year'] },
  { text: 'The pier stood from 1939 until 1945.', expected: ['1939 until 1945=1939..1945/year'] },
  { text: 'The canal was dredged from 2015 through 2017.', expected: ['2015 through 2017=2015..2017/year'] },
  { text: 'The old ferry sailed 1939-1945.', expected: ['1939-1945=1939..1945/year'] },
  { text: 'The lighthouse project ran 2015–17.', expected: ['2015–17=2015..2017/year'] },
  { text: 'Prices fell in the 2019-20 season.', expected: ['2019-20=2019..2020/year'] },
  { text: 'The museum was closed in 2015–2016.', expected: ['2015–2016=2015..2016/year'] },
  // Days and months: the end's year or relative year applies to the start.
  {
    text: 'Work ran between March 3 and March 5 last year.',
    expected: ['March 3 and March 5 last year=2023-03-03..2023-03-05/day'],
  },
  {
    text: 'The fair ran on March 3-5 last year.',
    expected: ['March 3-5 last year=2023-03-03..2023-03-05/day'],
  },
  { text: 'The fair ran March 3-5, 2023.', expected: ['March 3-5, 2023=2023-03-03..2023-03-05/day'] },
  { text: 'The fair ran March 3–5, 2023.', expected: ['March 3–5, 2023=2023-03-03..2023-03-05/day'] },
  { text: 'The road was closed 3-5 March 2023.', expected: ['3-5 March 2023=2023-03-03..2023-03-05/day'] },
  {
    text: 'The bridge was shut from March 3 until March 5.',
    expected: ['March 3 until March 5=2024-03-03..2024-03-05/day'],
  },
  { text: 'The road was closed from March 3 to 5.', expected: ['March 3 to 5=2024-03-03..2024-03-05/day'] },
  { text: 'Talks ran from Dec. 28 to Jan. 3.', expected: ['Dec. 28 to Jan. 3=2023-12-28..2024-01-03/day'] },
  {
    text: 'Talks ran from Dec. 28 to Jan. 3, 2020.',
    expected: ['Dec. 28 to Jan. 3, 2020=2019-12-28..2020-01-03/day'],
  },
  {
    // A past-leaning start ("June 1" is last June) takes its end along instead of leaving it in this year.
    text: 'The festival ran from June 1 through June 9.',
    expected: ['June 1 through June 9=2023-06-01..2023-06-09/day'],
  },
  {
    text: 'The works ran from December 2023 to February.',
    expected: ['December 2023 to February=2023-12..2024-02/month'],
  },
  {
    text: 'The exhibition ran from June 2019 to May 2021.',
    expected: ['June 2019 to May 2021=2019-06..2021-05/month'],
  },
  {
    text: 'The office is closed from January through March.',
    expected: ['January through March=2024-01..2024-03/month'],
  },
  // Weekdays: a named week anchors the range; bare weekdays lie wholly before or wholly after the report.
  {
    text: 'The mayor will visit from Monday to Wednesday next week.',
    expected: ['Monday to Wednesday next week=2024-02-26..2024-02-28/day'],
  },
  {
    text: 'The pool was shut from Monday to Wednesday last week.',
    expected: ['Monday to Wednesday last week=2024-02-12..2024-02-14/day'],
  },
  {
    text: 'The pool was shut from Monday to Wednesday.',
    expected: ['Monday to Wednesday=2024-02-12..2024-02-14/day'],
  },
  {
    text: 'The pool will shut from Monday to Wednesday.',
    expected: ['Monday to Wednesday=2024-02-26..2024-02-28/day'],
  },
  {
    text: 'Talks were held between Monday and Wednesday.',
    expected: ['Monday and Wednesday=2024-02-12..2024-02-14/day'],
  },
  {
    text: 'The pool was shut from Friday to Monday.',
    expected: ['Friday to Monday=2024-02-16..2024-02-19/day'],
  },
  {
    text: 'The pool shut from Monday to March 5.',
    expected: ['Monday to March 5=2024-03-04..2024-03-05/day'],
  },
  // A weekday of a named week on its own (chrono reads "Monday this week" as the Monday after).
  { text: 'The council met on Monday this week.', expected: ['Monday this week=2024-02-19/day'] },
  { text: 'The council met on Monday last week.', expected: ['Monday last week=2024-02-12/day'] },
  { text: 'The council meets on Monday next week.', expected: ['Monday next week=2024-02-26/day'] },
  // Opening hours are no range: the mention is the day alone.
  {
    text: 'The office was open on March 3 from 9am to 5pm.',
    expected: ['March 3=2024-03-03/day'],
  },
  // Known failures.
  {
    // "last" between the ends stops chrono from merging them.
    text: 'From September 2022 until last March the road was shut.',
    expected: ['September 2022 until last March=2022-09..2023-03/month'],
    knownFailure: true,
  },
  {
    // "runs" is present tense: the festival is on now (Monday 19 to Wednesday 21), but bare weekday ranges
    // without a cue looking ahead are read as past.
    text: 'The festival runs Monday through Wednesday.',
    expected: ['Monday through Wednesday=2024-02-19..2024-02-21/day'],
    knownFailure: true,
  },
];

/** Not ranges of dates: scores, ages, counts, numbers, hours, and two separate dates. */
const notRangeCases: DateCase[] = [
  { text: 'The home side won 3-5 after extra time.', expected: [] },
  { text: 'Voters aged 18 to 24 turned out in force.', expected: [] },
  { text: 'Between 5 and 10 people were hurt.', expected: [] },
  { text: 'Call 0800-2015-2017 for help.', expected: [] },
  { text: 'Tickets cost 1850-1999 crowns at the gate.', expected: [] },
  { text: 'Scores of 1998-95 were posted.', expected: [] },
  { text: 'The shop is open from 9 to 5.', expected: [] },
  { text: 'Sales rose from 2000 to 2500 units.', expected: [] },
  { text: 'The order dated 2015-12-01 was lost.', expected: ['2015-12-01=2015-12-01/day'] },
  {
    text: 'The deal was signed in 2015 and renewed in 2020.',
    expected: ['2015=2015/year', '2020=2020/year'],
  },
  {
    text: 'The bridge opened in March and closed in May.',
    expected: ['March=2023-03/month', 'May=2023-05/month'],
  },
  { text: 'The ferry left in 2015, and returned in 2017.', expected: ['2015=2015/year', '2017=2017/year'] },
];

describe('extractDates on ranges', () => {
  it.each(rangeCases.filter((entry) => !entry.knownFailure))('reads "$text"', ({ text, expected }) => {
    expect(summary(datesOf(text))).toEqual(expected);
  });

  it.each(rangeCases.filter((entry) => entry.knownFailure))(
    'known failure: "$text"',
    ({ text, expected }) => {
      expect(summary(datesOf(text))).not.toEqual(expected);
    },
  );

  it.each(notRangeCases)('reads no range in "$text"', ({ text, expected }) => {
    expect(summary(datesOf(text))).toEqual(expected);
  });

  it('keeps exact offsets, and an end after the start, for every range', () => {
    const text =
      'The harbour bridge was shut from 2015 to 2017. Work ran between March 3 and March 5 last year. ' +
      'The mayor will visit from Monday to Wednesday next week. The fair ran March 3–5, 2023.';
    const mentions = datesOf(text);
    expect(mentions).toHaveLength(4);
    for (const mention of mentions) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      expect(mention.endDate).toBeDefined();
      expect((mention.endDate ?? '') > mention.value).toBe(true);
    }
    expect(mentions.map((mention) => mention.sentence)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    { text: 'The pier stood from 1939 until 1945.', expected: ['1939 until 1945=1939..1945/year'] },
    { text: 'The fair ran March 3-5, 2023.', expected: ['March 3-5, 2023=2023-03-03..2023-03-05/day'] },
    { text: 'The pool was shut from Monday to Wednesday.', expected: [] },
    { text: 'Work ran between March 3 and March 5 last year.', expected: [] },
  ])('without a reference keeps only absolute ranges: "$text"', ({ text, expected }) => {
    expect(summary(datesOf(text, null))).toEqual(expected);
  });
});
