import { describe, expect, it } from 'vitest';
import { synthesize } from '../src/pipeline/synthesize.js';
import { renderText } from '../src/render/text.js';

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
