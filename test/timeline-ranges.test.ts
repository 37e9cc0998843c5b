import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module types as the namespace.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle, TimelineEvent } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';
import { buildTimeline } from '../src/stages/timeline.js';
import { datedArticle } from './helpers/dates.js';

/** `date..endDate sources` of each event, in timeline order; `!` marks a scheduled event. */
function outline(events: readonly TimelineEvent[]): string[] {
  return events.map(
    (event) =>
      `${event.date}${event.endDate === undefined ? '' : `..${event.endDate}`}${event.scheduled ? '!' : ''} ${event.sources.join(',')}`,
  );
}

function expectVerifiedEvidence(
  events: readonly TimelineEvent[],
  articles: readonly AnalyzedArticle[],
): void {
  for (const event of events) {
    for (const evidence of event.evidence) {
      const source = articles.find((candidate) => candidate.source.id === evidence.source);
      expect(source?.source.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
    }
  }
}

/** One invented article with a year range, a day range, a scheduled weekday range and a single day. */
const MIXED =
  'The harbour bridge was closed from 2015 to 2017 for repairs, the council said. ' +
  'Work ran between March 3 and March 5 last year. ' +
  'The mayor will visit from Monday to Wednesday next week. ' +
  'Talks were held on Sunday.';

describe('buildTimeline with date ranges', () => {
  it('gives one event per ranged event, both ends resolved together, and marks the scheduled one', () => {
    const articles = [datedArticle('a', MIXED)];
    const events = buildTimeline(articles);
    expect(outline(events)).toEqual([
      '2015..2017 a',
      '2023-03-03..2023-03-05 a',
      '2024-02-18 a',
      '2024-02-26..2024-02-28! a',
    ]);
    expect(events[3]?.text).toBe('The mayor will visit from Monday to Wednesday next week.');
    expectVerifiedEvidence(events, articles);
  });

  interface GroupCase {
    name: string;
    articles: AnalyzedArticle[];
    expected: string[];
  }

  const groupCases: GroupCase[] = [
    {
      name: 'the same year range told three ways by three outlets',
      articles: [
        datedArticle('alpha', 'The harbour bridge was closed from 2015 to 2017 for repairs.'),
        datedArticle('beta', 'Repairs kept the harbour bridge closed between 2015 and 2017.'),
        datedArticle('gamma', 'The harbour bridge stayed closed for repairs in 2015–17.'),
      ],
      expected: ['2015..2017 alpha,beta,gamma'],
    },
    {
      name: 'the same day range from a weekday and a dated outlet',
      articles: [
        datedArticle('alpha', 'The town pool was shut for cleaning from Monday to Wednesday last week.'),
        datedArticle('beta', 'The town pool was shut for cleaning from Feb. 12 to Feb. 14.', '2024-02-21'),
      ],
      expected: ['2024-02-12..2024-02-14 alpha,beta'],
    },
    {
      name: 'a single date inside the range about the same closure',
      articles: [
        datedArticle('alpha', 'The harbour bridge was closed from 2015 to 2017 for repairs.'),
        datedArticle('beta', 'Repairs closed the harbour bridge in 2016.'),
      ],
      expected: ['2015..2017 alpha,beta'],
    },
    {
      name: 'a single date inside the range about something else',
      articles: [
        datedArticle('alpha', 'The harbour bridge was closed from 2015 to 2017 for repairs.'),
        datedArticle('beta', 'The council elected a new mayor in 2016.'),
      ],
      expected: ['2015..2017 alpha', '2016 beta'],
    },
    {
      name: 'a single date outside the range about the same bridge',
      articles: [
        datedArticle('alpha', 'The harbour bridge was closed from 2015 to 2017 for repairs.'),
        datedArticle('beta', 'The harbour bridge was closed for repairs again in 2019.'),
      ],
      expected: ['2015..2017 alpha', '2019 beta'],
    },
    {
      name: 'two ranges that disagree on the start',
      articles: [
        datedArticle('alpha', 'The harbour bridge was closed from 2015 to 2017 for repairs.'),
        datedArticle('beta', 'The harbour bridge was closed from 2014 to 2017 for repairs.'),
      ],
      expected: ['2014..2017 beta', '2015..2017 alpha'],
    },
    {
      name: 'two unrelated dates of one sentence, which stay two events',
      articles: [datedArticle('alpha', 'The ferry contract was signed in 2015 and renewed in 2020.')],
      expected: ['2015 alpha', '2020 alpha'],
    },
    {
      name: 'a single date sorted before a range starting on it',
      articles: [
        datedArticle('alpha', 'The harbour bridge was closed from 2015 to 2017 for repairs.'),
        datedArticle('beta', 'A new ferry company was founded in 2015.'),
      ],
      expected: ['2015 beta', '2015..2017 alpha'],
    },
  ];

  it.each(groupCases)('groups $name', ({ articles, expected }) => {
    const events = buildTimeline(articles);
    expect(outline(events)).toEqual(expected);
    expectVerifiedEvidence(events, articles);
  });

  it.each([
    {
      name: 'told as ahead by its only source',
      articles: [datedArticle('alpha', 'The mayor will open the new harbour market on Friday.')],
      expected: ['2024-02-23! alpha'],
    },
    {
      name: 'told as ahead by one source and as done by a later one',
      articles: [
        datedArticle('alpha', 'The mayor will open the new harbour market on Friday.'),
        datedArticle('beta', 'The mayor opened the new harbour market on Friday.', '2024-02-24'),
      ],
      expected: ['2024-02-23 alpha,beta'],
    },
    {
      name: 'a month after the report',
      articles: [datedArticle('alpha', 'The harbour regatta is planned for next month.')],
      expected: ['2024-03! alpha'],
    },
    {
      name: 'a year that has begun',
      articles: [datedArticle('alpha', 'The harbour market will reopen this year.')],
      expected: ['2024 alpha'],
    },
  ])(
    'marks an event scheduled only when every source dates it after its own day: $name',
    ({ articles, expected }) => {
      expect(outline(buildTimeline(articles))).toEqual(expected);
    },
  );
});

describe('a report with date ranges', () => {
  const report = synthesize([{ id: 'a', published: '2024-02-20', body: MIXED }], { words: 80 });
  const schema: object = JSON.parse(
    readFileSync(new URL('../schema/story-report.schema.json', import.meta.url), 'utf8'),
  );

  it('validates against the report schema, which rejects a malformed end date', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(report);
    broken.timeline[0]!.endDate = 'until 2017';
    expect(validate(broken)).toBe(false);
  });

  it.each([
    { name: 'Markdown', render: () => renderMarkdown(report) },
    { name: 'text', render: () => renderText(report) },
  ])('is rendered as ranges in $name', ({ render }) => {
    const rendered = render();
    expect(rendered).toContain('2015 – 2017');
    expect(rendered).toContain('2023-03-03 – 2023-03-05');
    expect(rendered).toContain('2024-02-26 – 2024-02-28 (scheduled)');
    expect(rendered).not.toMatch(/2024-02-18 –|2024-02-18 \(scheduled\)/);
  });
});

describe('a range beside a day inside it', () => {
  const report = synthesize([
    {
      id: 'alpha',
      published: '2024-03-10',
      body: 'The harbour authority said the bridge inspection was carried out on March 3-5 by engineers.',
    },
    {
      id: 'beta',
      published: '2024-03-10',
      body: 'The harbour authority said the bridge inspection was carried out on March 4 by engineers.',
    },
  ]);

  it('is one timeline event that keeps the range', () => {
    expect(outline(report.timeline)).toEqual(['2024-03-03..2024-03-05 alpha,beta']);
  });

  it('is no date conflict: the range is not its first day', () => {
    expect(report.conflicts.filter((conflict) => conflict.kind === 'date')).toEqual([]);
  });
});
