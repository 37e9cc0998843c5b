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
