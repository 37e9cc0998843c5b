import { describe, expect, it } from 'vitest';
import { leadOf, oracleSentences, runNeusCeiling, summarySentenceCandidate } from '../eval/neus-ceiling.js';

const reference =
  'The city council approved a new tram line on Monday. Construction of the line starts in May.';
const candidates = [
  'The city council approved a new tram line on Monday evening.',
  'Critics of the mayor called the vote rushed and expensive.',
  'Construction of the line starts in May and lasts two years.',
  'The weather on Monday was mild with light winds from the west.',
];

describe('oracleSentences', () => {
  it('takes the sentences that share the reference bigrams and stops when nothing helps', () => {
    expect(oracleSentences(candidates, reference, 80)).toBe(`${candidates[0]} ${candidates[2]}`);
  });

  it('respects the budget', () => {
    expect(oracleSentences(candidates, reference, 11)).toBe(candidates[0]);
  });

  it('keeps adding the least harmful sentence until the minimum length', () => {
    const text = oracleSentences(candidates, reference, 80, 30);
    expect(text.split(' ').length).toBeGreaterThanOrEqual(30);
    expect(text.startsWith(candidates[0]!)).toBe(true);
  });

  it('returns nothing when no sentence shares a bigram with the reference', () => {
    expect(oracleSentences(['Rain fell over the northern hills all night long.'], reference, 80)).toBe('');
  });
});

describe('leadOf', () => {
  it.each([
    { words: 5, expected: 'One two three four five six.' },
    { words: 9, expected: 'One two three four five six. Seven eight nine.' },
    { words: 100, expected: 'One two three four five six. Seven eight nine. Ten eleven.' },
  ])('keeps whole sentences up to $words words, at least one', ({ words, expected }) => {
    expect(leadOf(['One two three four five six.', 'Seven eight nine.', 'Ten eleven.'], words)).toBe(
      expected,
    );
  });
});

describe('summarySentenceCandidate', () => {
  it.each([
    { sentence: 'The council approved the tram line on Monday.', expected: true },
    { sentence: 'The council approved it.', expected: false },
    { sentence: 'It was approved by the council on Monday night.', expected: false },
    { sentence: '"The council approved the tram line on Monday.', expected: false },
    { sentence: 'The council approved the tram line on Monday and', expected: false },
  ])('$sentence → $expected', ({ sentence, expected }) => {
    expect(summarySentenceCandidate(sentence, 80)).toBe(expected);
  });
});

describe('runNeusCeiling', () => {
  it('ranks the oracles above the rules on invented clusters', () => {
    const report = runNeusCeiling(40, [
      {
        id: 'toy_0',
        sources: [
          'Tram line approved. The city council approved a new tram line on Monday. Critics called the vote rushed.',
          'Council backs trams. Councillors backed the tram plan after a long debate. Construction of the line starts in May.',
          'A vote on trams. The weather on Monday was mild. The council met in the old town hall for the vote.',
        ],
        reference,
      },
    ]);
    const byName = new Map(report.rows.map((row) => [row.strategy, row.scores.rouge2.f1]));
    const oracle = byName.get('best whole sentences, any length')!;
    expect(oracle).toBeGreaterThan(byName.get('lead of one outlet (mean of the three)')!);
    expect(oracle).toBeGreaterThanOrEqual(byName.get('lead of the best outlet')!);
    expect(report.rows.every((row) => row.meanWords > 0)).toBe(true);
  });
});
