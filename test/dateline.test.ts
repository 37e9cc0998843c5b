import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../src/model/index.js';
import { dateFromText, synthesize } from '../src/pipeline/synthesize.js';
import { findDateline } from '../src/text/dateline.js';
import { evidenceProblems } from './helpers/evidence.js';

// Invented lines in the shapes scraped pages and wire copy carry (tokenised spacing included).
const POSITIVE: ReadonlyArray<[string, string, string | undefined]> = [
  ['Ferry sinks off Wexmoor\nTuesday, July 2, 2013\nThe ferry sank on Monday.', '2013-07-02', undefined],
  ['July 23, 2008. 4:49 pm\nThe ferry sank.', '2008-07-23', '16:49'],
  [
    'http: / / news. example / ferry\nFerry sinks\nUpdated: November 11, 2011 20: 09 IST\nThe ferry sank.',
    '2011-11-11',
    '20:09',
  ],
  ['Ferry sinks\nSat Nov 12 2011, 01: 19 hrs\nThe ferry sank.', '2011-11-12', '01:19'],
  ['Ferry sinks\nPublished on: Fri, 11 Nov 2011 at 09: 56 IST\nThe ferry sank.', '2011-11-11', '09:56'],
  ['Ferry sinks\nPosted on November 15, 2011 6: 07: 15 PM GMT+01: 0\nThe ferry sank.', '2011-11-15', '18:07'],
  ['Ferry sinks\nTNN Nov 12, 2011, 05. 51AM IST WEXMOOR:\nThe ferry sank.', '2011-11-12', '05:51'],
  ['Ferry sinks\n2 A. M. FEB. 4, 2009\nThe ferry sank.', '2009-02-04', '02:00'],
  ['Ferry sinks\n12: 48PM BST 09 Sep 2013\nThe ferry sank.', '2013-09-09', '12:48'],
  [
    'http: / / www. wexmoor. example / 2013 / 09 / 14 / ferry - sinks\nFerry sinks\nThe ferry sank.',
    '2013-09-14',
    undefined,
  ],
  ['Ferry sinks\nUPDATED 05 / 03 / 2013 at 11: 00 AM EDT\nThe ferry sank.', '2013-05-03', '11:00'],
  ['Ferry sinks\n12 / 16 / 08 1: 30 AM EST\nThe ferry sank.', '2008-12-16', '01:30'],
  ['Article posted on 08. 07. 2012\nFerry sinks\nThe ferry sank.', '2012-07-08', undefined],
  ['Ferry sinks\npublished: 2012 - 04 - 04 11: 47: 35\nThe ferry sank.', '2012-04-04', '11:47'],
  // A month with one letter wrong still dates a page, and a dash may stand between day and year.
  ["'Several die' in Wexmoor quake\nNovemer 27, 2005\nThe quake struck.", '2005-11-27', undefined],
  ['Ferry sinks\nSunday, November 27 - 2005 at 16: 12\nThe ferry sank.', '2005-11-27', '16:12'],
];

const NEGATIVE: ReadonlyArray<[string, string]> = [
  [
    'a date inside a sentence',
    'The ferry sank off Wexmoor on July 2, 2013, killing four passengers and injuring nine more.',
  ],
  ['a short sentence with a date', 'Ferry sinks\nThe vote was held on July 2, 2013.\nIt passed.'],
  ['no year: a day cannot be dated alone', 'Wexmoor, Nov 11 -\nThe ferry sank.'],
  ['a wire opening without a date', 'WEXMOOR, Ruritania (AP) — The ferry sank on Monday.'],
  ['a date far below the top', `${'The ferry sank.\n'.repeat(8)}July 2, 2013`],
  ['not a calendar day', 'Ferry sinks\nFebruary 30, 2013\nThe ferry sank.'],
  ['a headline with a date', 'Quake strikes Java on July 2, 2013\nThe quake struck on Tuesday.'],
  ['a score is no date', 'Gulls beat Terns 3 / 1 in the final\nThe match ended late.'],
  ['a word that opens like a month', 'Ferry sinks\nMarines 12, 2005\nThe ferry sank.'],
];

describe('findDateline', () => {
  it.each(POSITIVE)('%j → %s %s', (body, date, time) => {
    const dateline = findDateline(body);
    expect(dateline?.date).toBe(date);
    expect(dateline?.time).toBe(time);
    expect(body.slice(dateline!.start, dateline!.end)).toBe(dateline!.text);
  });

  it.each(NEGATIVE)('negative: %s', (_name, body) => {
    expect(findDateline(body)).toBeUndefined();
  });
});

describe('dating a report from its text', () => {
  it('keeps metadata first and never mutates the input', () => {
    const input: ArticleInput = {
      id: 'a',
      body: 'Ferry sinks\nTuesday, July 2, 2013\nThe ferry sank.',
      published: '2013-07-01',
    };
    const { article, diagnostics } = dateFromText(input);
    expect(article).toBe(input);
    expect(article.published).toBe('2013-07-01');
    expect(diagnostics).toEqual([]);
  });

  it('takes the time from a dateline of the same day as the metadata', () => {
    const input: ArticleInput = {
      id: 'a',
      body: 'Ferry sinks\nJuly 2, 2013 4:49 pm\nThe ferry sank.',
      published: '2013-07-02',
    };
    const { article, diagnostics } = dateFromText(input);
    expect(article.publishedTime).toBe('16:49');
    expect(input.publishedTime).toBeUndefined();
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['time-from-dateline']);
  });

  it('dates a story whose documents carry only datelines, and resolves its relative dates', () => {
    const report = synthesize([
      {
        id: 'first',
        body: 'Ferry sinks off Wexmoor\nTuesday, July 2, 2013\nThe Wexmoor ferry sank on Monday, killing 4 people, the coastguard said.',
      },
      {
        id: 'second',
        body: 'Wexmoor ferry toll rises\nJuly 3, 2013. 4:49 pm\nThe Wexmoor ferry that sank on Monday killed 9 people, the coastguard said on Wednesday.',
      },
      {
        id: 'third',
        body: 'Wexmoor ferry\nUpdated: July 3, 2013 20: 09 IST\nThe Wexmoor ferry that sank on Monday killed 11 people, divers and the coastguard said.',
      },
    ]);
    expect(evidenceProblems(report)).toEqual([]);
    expect(report.sources.map((source) => [source.published, source.publishedTime])).toEqual([
      ['2013-07-02', undefined],
      ['2013-07-03', '16:49'],
      ['2013-07-03', '20:09'],
    ]);
    expect(report.diagnostics.filter((diagnostic) => diagnostic.code === 'date-from-dateline')).toHaveLength(
      3,
    );
    // No dateline is left in the canonical text as if it were a sentence of the story.
    for (const source of report.sources) expect(source.text).not.toMatch(/2013/);
    const sinking = report.timeline.find((event) => /sank/.test(event.text));
    expect(sinking?.date).toBe('2013-07-01');
    // The toll moved as the story developed: 4 → 9 → 11, each as of its report's time.
    expect(report.updates).toHaveLength(1);
    expect(report.updates[0]!.positions.map((position) => [position.value, position.asOf])).toEqual([
      ['4 people', '2013-07-02'],
      ['9 people', '2013-07-03T16:49'],
      ['11 people', '2013-07-03T20:09'],
    ]);
  });
});
