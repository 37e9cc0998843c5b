import { describe, expect, it } from 'vitest';
import { extractDates } from '../src/stages/dates.js';
import { segment } from '../src/text/segment.js';
import { type DateCase, datesOf, REFERENCE, summary } from './helpers/dates.js';

const positiveCases: DateCase[] = [
  // A clock time neither hides the look ahead ("p.m." ends no clause) nor joins the date.
  {
    text: 'The new order will go into effect at 11:59 p.m. Saturday, the county said.',
    expected: ['Saturday=2024-02-24/day'],
  },
  {
    text: 'The storm hit on Monday evening, 23 people were rescued.',
    expected: ['Monday evening=2024-02-19/day'],
  },
  { text: 'The parcel was handed over on Sunday by a courier.', expected: ['Sunday=2024-02-18/day'] },
  { text: 'The mayor spoke on Tuesday.', expected: ['Tuesday=2024-02-20/day'] },
  { text: 'The council met on Thursday.', expected: ['Thursday=2024-02-15/day'] },
  {
    text: 'It was confirmed on Tuesday morning by the ministry.',
    expected: ['Tuesday morning=2024-02-20/day'],
  },
  {
    // The weekday only labels the explicit date that follows it.
    text: 'The agency said on Tuesday (Feb 20) that the road had reopened.',
    expected: ['Feb 20=2024-02-20/day'],
  },
  {
    text: 'The board meets on Thursday (Feb 22) to vote on the budget.',
    expected: ['Feb 22=2024-02-22/day'],
  },
  {
    text: 'The inspection took place on Friday, Feb. 16, the agency said.',
    expected: ['Friday, Feb. 16=2024-02-16/day'],
  },
  // Looking ahead: the next such day, not the last one.
  { text: 'The council is due to meet on Thursday.', expected: ['Thursday=2024-02-22/day'] },
  {
    text: 'The ferry said it would run extra crossings from Wednesday.',
    expected: ['Wednesday=2024-02-21/day'],
  },
  { text: 'The minister will visit the port on Friday.', expected: ['Friday=2024-02-23/day'] },
  { text: 'The ship docked on 18 February at dawn.', expected: ['18 February=2024-02-18/day'] },
  { text: 'The ship docked on Feb. 18, officials said.', expected: ['Feb. 18=2024-02-18/day'] },
  { text: 'The ship docked on February 18.', expected: ['February 18=2024-02-18/day'] },
  { text: 'The pair last met on Dec. 28 in the capital.', expected: ['Dec. 28=2023-12-28/day'] },
  {
    text: 'They toured the plant last September, the paper said.',
    expected: ['last September=2023-09/month'],
  },
  { text: 'In September, the two leaders shook hands.', expected: ['September=2023-09/month'] },
  { text: 'In January, a trade team flew to the coast.', expected: ['January=2024-01/month'] },
  { text: 'The bridge opened in September 2023 after delays.', expected: ['September 2023=2023-09/month'] },
  { text: 'She was seen last December at the harbour.', expected: ['last December=2023-12/month'] },
  { text: 'The two sides met last year in the north.', expected: ['last year=2023/year'] },
  { text: 'This year has been quiet for the club.', expected: ['This year=2024/year'] },
  { text: 'In 2015, several papers reported the sale.', expected: ['2015=2015/year'] },
  { text: 'In July 2014, two trucks were spotted at the parade.', expected: ['July 2014=2014-07/month'] },
  {
    text: 'About 900 bikes were sold from 2015 to 2017 alone.',
    expected: ['2015 to 2017=2015..2017/year'],
  },
  { text: 'The border closed in May 2020, and stayed shut.', expected: ['May 2020=2020-05/month'] },
  {
    text: 'Visitors returned on February 9 this year.',
    expected: ['February 9 this year=2024-02-09/day'],
  },
  { text: 'In October last year, the writer sent a letter.', expected: ['October last year=2023-10/month'] },
  { text: 'Hikers came back earlier this month on a guided tour.', expected: ['this month=2024-02/month'] },
  { text: 'Prices fell last month.', expected: ['last month=2024-01/month'] },
  { text: 'Shipments began in mid-2022 around the harbour.', expected: ['mid-2022=2022/year'] },
  { text: 'The museum was founded in 1948 by the city.', expected: ['1948=1948/year'] },
  {
    text: 'It rained in the summer of 2018 and then between 2015 and 2017.',
    expected: ['summer of 2018=2018/year', '2015 and 2017=2015..2017/year'],
  },
  { text: 'The poet was born on June 25, 1950.', expected: ['June 25, 1950=1950-06-25/day'] },
  { text: 'Two days ago the crew left.', expected: ['Two days ago=2024-02-18/day'] },
  { text: 'The pier was rebuilt three years ago.', expected: ['three years ago=2021/year'] },
  { text: 'The store closed yesterday.', expected: ['yesterday=2024-02-19/day'] },
  { text: 'The lease ends on 13/4/2024 at noon.', expected: ['13/4/2024 at noon=2024-04-13/day'] },
  // Known failures: chrono limits or rules this stage does not yet have.
  { text: 'A 2021 survey found the same.', expected: ['2021=2021/year'], knownFailure: true },
  { text: 'It happened on the 18th.', expected: ['18th=2024-02-18/day'], knownFailure: true },
  {
    // A month after "by" is usually a coming deadline, but year-less months are anchored in the past.
    text: 'The plan should be ready by April.',
    expected: ['April=2024-04/month'],
    knownFailure: true,
  },
  {
    // The year of a later month should come from the sentence's own earlier date, not the reference.
    text: 'He won in November 2020 and took office in January.',
    expected: ['November 2020=2020-11/month', 'January=2021-01/month'],
    knownFailure: true,
  },
];

const negativeCases: string[] = [
  // Durations are no dates.
  'The crew searched the bay for eight hours.',
  'The talks lasted roughly a month.',
  'Divers worked through the day to free the hull.',
  // "Later" counts from another event, not from the publication day.
  'The crew returned two days later with spare parts.',
  'The town marked the 75th anniversary of the treaty.',
  'The bill came to $522,354; the rest was paid later.',
  'A Mercedes S600 waited by the gate.',
  'Schools shut because of COVID-19 and reopened slowly.',
  'Three delegations left the hall.',
  'The city may respond with new rules.',
  'The troops march through the valley.',
  'The programme took 20 years to finish.',
  'More than 800 cars were counted.',
  'The cat sat on the mat.',
  'The Sun reported the story first.',
  'The shop is open 24/7 and a 3/4 majority agreed.',
  'They met at 10 Downing Street.',
  'A week later the crew left.',
  'The ties have grown over the last year.',
  'Nothing changed in the last 20 years.',
  'The team won by 2000 votes.',
];

describe('extractDates', () => {
  it.each(positiveCases.filter((entry) => !entry.knownFailure))('resolves "$text"', ({ text, expected }) => {
    expect(summary(datesOf(text))).toEqual(expected);
  });

  it.each(positiveCases.filter((entry) => entry.knownFailure))(
    'known failure: "$text"',
    ({ text, expected }) => {
      expect(summary(datesOf(text))).not.toEqual(expected);
    },
  );

  it.each(negativeCases)('finds no date in "%s"', (text) => {
    expect(datesOf(text)).toEqual([]);
  });

  it.each([
    { text: 'The parcel was handed over on Sunday.', expected: [] },
    { text: 'Visitors came on February 18.', expected: [] },
    { text: 'The two sides met last year.', expected: [] },
    { text: 'In July 2014, trucks were spotted.', expected: ['July 2014=2014-07/month'] },
    { text: 'In 2015, papers reported the sale.', expected: ['2015=2015/year'] },
    { text: 'The poet was born on June 25, 1950.', expected: ['June 25, 1950=1950-06-25/day'] },
  ])('without a reference keeps only absolute dates: "$text"', ({ text, expected }) => {
    expect(summary(datesOf(text, null))).toEqual(expected);
  });

  it('gives offsets into the whole text, sorted, non-overlapping, with sentence indexes', () => {
    const text =
      'The ferry sank on Sunday.\n\nRescuers arrived on February 18, and a report followed in March 2023. ' +
      'In 2015, a similar ferry sank.';
    const mentions = datesOf(text);
    expect(summary(mentions)).toEqual([
      'Sunday=2024-02-18/day',
      'February 18=2024-02-18/day',
      'March 2023=2023-03/month',
      '2015=2015/year',
    ]);
    expect(mentions.map((mention) => mention.sentence)).toEqual([0, 1, 1, 2]);
    for (const [index, mention] of mentions.entries()) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      const next = mentions[index + 1];
      if (next !== undefined) expect(next.start).toBeGreaterThanOrEqual(mention.end);
    }
  });

  it('does not mutate the segmentation it reads', () => {
    const text = 'The ferry sank on Sunday.';
    const segmentation = segment(text);
    const before = JSON.stringify(segmentation);
    extractDates(text, segmentation, REFERENCE);
    expect(JSON.stringify(segmentation)).toBe(before);
  });
});
