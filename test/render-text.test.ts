import { describe, expect, it } from 'vitest';
import type { StoryReport } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { asOfLabel } from '../src/render/citations.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';
import { developingStoryReport } from './fixtures/developing-story.js';

// Invented articles: one outlet adds facts of its own, one of which leans on the sentence before it.
const articles = [
  {
    id: 'harbour-herald',
    body:
      'The harbour bridge closed on Monday after inspectors found cracks in a girder. ' +
      'He had warned about the girder for years. ' +
      'The ferry company added two evening crossings for commuters.',
  },
  {
    id: 'bay-post',
    body: 'The harbour bridge closed on Monday after inspectors found cracks in one girder.',
  },
];

describe('renderText: facts only one source has', () => {
  it('lists facts that stand on their own before those that lean on an earlier sentence', () => {
    const text = renderText(synthesize(articles));
    const section = text.slice(text.indexOf('ONLY ONE SOURCE'));
    const selfContained = section.indexOf('The ferry company added two evening crossings');
    const leaning = section.indexOf('He had warned about the girder');
    expect(selfContained).toBeGreaterThan(0);
    expect(leaning).toBeGreaterThan(selfContained);
  });
});

describe('renderText: the timeline', () => {
  it('keeps one date column, as wide as a range, and wraps text under the text', () => {
    const report = synthesize([
      {
        id: 'harbour-herald',
        published: '2024-02-20',
        body:
          'The harbour bridge was closed from 2015 to 2017 while engineers replaced every girder and the council ran extra ferries for commuters across the bay. ' +
          'The bridge first opened to traffic in 1968 after six years of building work by the port authority and its contractors.',
      },
    ]);
    const text = renderText(report);
    const section = text.slice(text.indexOf('TIMELINE')).split('\n\n')[0]!.split('\n').slice(1);
    expect(section[0]).toMatch(/^ {2}1968 {8}The bridge first opened/);
    const textColumn = section[0]!.indexOf('The bridge');
    for (const line of section.slice(1))
      expect(line.search(/\S/)).toBe(line.startsWith('  20') ? 2 : textColumn);
    expect(section.some((line) => line.startsWith('  2015 – 2017 The harbour bridge'))).toBe(true);
  });
});

describe('asOfLabel', () => {
  it.each([
    { asOf: '2025-07-02T09:10', withYear: false, label: '2 July 09:10' },
    { asOf: '2025-07-03', withYear: false, label: '3 July' },
    { asOf: '2024-12-31T23:30', withYear: true, label: '31 December 2024 23:30' },
    { asOf: '2025-01-01', withYear: true, label: '1 January 2025' },
    // Outside the model's two forms: given as written rather than guessed.
    { asOf: '2025-07', withYear: false, label: '2025-07' },
    { asOf: '2025-13-01', withYear: false, label: '2025-13-01' },
    { asOf: 'Wednesday', withYear: true, label: 'Wednesday' },
  ])('$asOf → $label', ({ asOf, withYear, label }) => {
    expect(asOfLabel(asOf, withYear)).toBe(label);
  });
});

describe('rendering updates', () => {
  const renderers = [
    {
      name: 'text',
      render: (report: StoryReport) => renderText(report),
      heading: 'HOW FIGURES MOVED (2)',
      conflicts: 'WHERE THEY DISAGREE',
      next: 'SOURCES',
    },
    {
      name: 'Markdown',
      render: (report: StoryReport) => renderMarkdown(report),
      heading: '## How figures moved',
      conflicts: '## Where the sources disagree',
      next: '## Summary',
    },
  ];

  /** The updates section of a rendering, its lines joined so that wrapping does not matter. */
  const sectionOf = (rendered: string, heading: string, next: string): string =>
    rendered
      .slice(rendered.indexOf(heading), rendered.indexOf(next, rendered.indexOf(heading)))
      .replace(/\s+/g, ' ');

  it.each(renderers)(
    '$name: after the conflicts, each topic with its values in time order',
    ({ render, heading, conflicts, next }) => {
      const rendered = render(developingStoryReport());
      expect(rendered.indexOf(conflicts)).toBeGreaterThanOrEqual(0);
      expect(rendered.indexOf(heading)).toBeGreaterThan(rendered.indexOf(conflicts));
      const section = sectionOf(rendered, heading, next);
      expect(section).toContain(
        'people killed in the landslide: 1 (2 July 09:10) [3] → 5 (2 July 14:00) [1,4] → 11 (3 July) [2]',
      );
      expect(section).toContain('valley road reopens: 2025-07-04 (2 July) [1,4] → 2025-07-08 (3 July) [2]');
      expect(section.indexOf('people killed')).toBeLessThan(section.indexOf('valley road reopens'));
    },
  );

  it.each(renderers)('$name: quotes the passage behind each value', ({ render, heading, next }) => {
    const report = developingStoryReport();
    const section = sectionOf(render(report), heading, next);
    for (const position of report.updates.flatMap((update) => update.positions))
      expect(section).toContain(`“${position.evidence[0]!.text}”`);
  });

  it.each(renderers)('$name: no section when nothing moved', ({ render, heading }) => {
    const report = developingStoryReport();
    report.updates = [];
    expect(render(report)).not.toContain(heading.replace(/ \(\d+\)$/, ''));
  });

  it.each(renderers)('$name: says the year when the values span two years', ({ render, heading, next }) => {
    const report = developingStoryReport();
    const toll = report.updates[0]!;
    toll.positions[0]!.asOf = '2024-12-31T23:30';
    toll.positions[1]!.asOf = '2025-01-01T08:00';
    toll.positions[2]!.asOf = '2025-01-02';
    const section = sectionOf(render(report), heading, next);
    expect(section).toContain(
      '1 (31 December 2024 23:30) [3] → 5 (1 January 2025 08:00) [1,4] → 11 (2 January 2025) [2]',
    );
    // One labelling for the whole report: the road's dates say their year too.
    expect(section).toContain('2025-07-04 (2 July 2025) [1,4]');
  });

  it('text: wraps a long chain between values, never inside one', () => {
    const lines = renderText(developingStoryReport()).split('\n');
    const start = lines.findIndex((line) => line.includes('people killed in the landslide'));
    expect(lines.slice(start, start + 2)).toEqual([
      '  number · people killed in the landslide: 1 (2 July 09:10) [3] → 5 (2 July 14:00) [1,4]',
      '    → 11 (3 July) [2]',
    ]);
  });

  it('Markdown: escapes markup in topics and values', () => {
    const report = developingStoryReport();
    report.updates[0]!.topic = 'people *killed* in the [landslide]';
    report.updates[0]!.positions[0]!.value = '1_000';
    const rendered = renderMarkdown(report);
    expect(rendered).toContain('people \\*killed\\* in the \\[landslide\\]: 1\\_000 (2 July 09:10) [3]');
    expect(rendered).toContain('  - **1\\_000** as of 2 July 09:10 [3]');
  });
});

describe('Markdown: quote renderings', () => {
  it('says "reported" once for reported speech, and both words when form and fidelity differ', () => {
    const report = synthesize([
      {
        id: 'harbour-herald',
        published: '2024-02-20',
        body: 'The mayor said the bridge would reopen within a month after the girder was replaced.',
      },
      {
        id: 'bay-post',
        published: '2024-02-20',
        body: '"The bridge will reopen within a month," the mayor said on Tuesday.',
      },
    ]);
    const variants = report.quotes.flatMap((group) => group.variants);
    expect(variants.some((variant) => variant.form === 'reported' && variant.fidelity === 'reported')).toBe(
      true,
    );
    const rendered = renderMarkdown(report);
    expect(rendered).not.toMatch(/\b(\w+), \1:/);
    expect(rendered).toMatch(/\] reported: “/);
  });
});
