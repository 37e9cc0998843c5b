import { describe, expect, it } from 'vitest';
import { synthesize } from '../src/pipeline/synthesize.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { evidenceProblems } from './helpers/evidence.js';

// Invented articles about an invented ferry strike.
const BODY =
  'Ferry crews in Wexmoor walked out on Monday over a pay offer. Crossings were cancelled all day.';

describe('analyzeArticle: the title in the canonical text', () => {
  it.each([
    { case: 'a title the body lacks opens the text', title: 'Wexmoor ferry crews strike', titled: true },
    {
      case: 'extra spaces in the title are collapsed',
      title: '  Wexmoor   ferry crews strike ',
      titled: true,
    },
    {
      case: 'a body that opens with its title is left alone',
      title: 'Ferry crews in Wexmoor walked out',
      titled: false,
    },
    {
      case: 'case and punctuation do not matter',
      title: 'FERRY CREWS IN WEXMOOR WALKED OUT!',
      titled: false,
    },
    { case: 'an empty title adds nothing', title: '  ', titled: false },
  ])('$case', ({ title, titled }) => {
    const { source, segmentation } = analyzeArticle({ id: 'a', title, body: BODY });
    if (titled) {
      const clean = title.replace(/\s+/g, ' ').trim();
      expect(source.text).toBe(`${clean}\n\n${BODY}`);
      expect(source.titleEnd).toBe(clean.length);
      expect(segmentation.sentences[0]!.text).toBe(clean);
    } else {
      expect(source.text).toBe(BODY);
      expect(source.titleEnd).toBeUndefined();
    }
  });

  it('keeps a title alone when the body is all boilerplate', () => {
    const { source } = analyzeArticle({
      id: 'a',
      title: 'Wexmoor ferry crews strike',
      body: 'Advertisement',
    });
    expect(source.text).toBe('Wexmoor ferry crews strike');
  });
});

describe('synthesize with titled articles', () => {
  const articles = [
    // Titles with a full stop, as some feeds write them, would pass as summary sentences.
    { id: 'herald', title: 'Wexmoor ferry crews walk out over pay.', body: BODY },
    {
      id: 'post',
      title: 'Ferry crews walk out over pay in Wexmoor.',
      body: 'Crossings to Wexmoor stopped on Monday when ferry staff struck over pay. The union called it a warning.',
    },
  ];

  it('aligns the headlines as a fact both outlets report, with exact evidence', () => {
    const report = synthesize(articles);
    const headline = report.claims.find((claim) =>
      claim.evidence.some((evidence) => evidence.text === 'Wexmoor ferry crews walk out over pay.'),
    );
    expect(headline?.sources.sort()).toEqual(['herald', 'post']);
    expect(evidenceProblems(report)).toEqual([]);
  });

  it('never quotes a headline carried as metadata in the summary', () => {
    const summary = synthesize(articles, { words: 200 }).summary.map((sentence) => sentence.text);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).not.toContain('Wexmoor ferry crews walk out over pay.');
    expect(summary).not.toContain('Ferry crews walk out over pay in Wexmoor.');
  });
});
