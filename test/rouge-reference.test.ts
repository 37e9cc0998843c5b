import { describe, expect, it } from 'vitest';
import {
  loadNeusTest,
  loadSystemOutputs,
  meanWords,
  NEUS_SYSTEMS,
  NEUS_TEST_PATH,
  neusTestAvailable,
  scoreCandidates,
} from '../eval/neus.js';

const available = neusTestAvailable();
if (!available)
  console.warn(`rouge-reference.test: ${NEUS_TEST_PATH} or the system outputs are absent, skipping`);

/** The data README gives ROUGE F1 in points; our scorer must land within half a point of each. */
const TOLERANCE_POINTS = 0.5;

describe.skipIf(!available)('ROUGE on NeuS test reproduces the README table', () => {
  const clusters = available ? loadNeusTest() : [];

  it('has the 307 test clusters, test_0 first, one output line per cluster in every system', () => {
    expect(clusters).toHaveLength(307);
    expect(clusters[0]?.id).toBe('test_0');
    expect(clusters.at(-1)?.id).toBe('test_306');
    for (const { system } of NEUS_SYSTEMS) {
      expect(loadSystemOutputs(system, clusters).filter((line) => line.trim() === '')).toEqual([]);
    }
  });

  it.each(NEUS_SYSTEMS.map((system) => ({ ...system })))(
    '$label: R-1 $rouge1, R-2 $rouge2, R-L $rougeL, $meanWords words',
    ({ system, rouge1, rouge2, rougeL, meanWords: words }) => {
      const candidates = loadSystemOutputs(system, clusters);
      const scores = scoreCandidates(candidates, clusters);
      expect(Math.abs(scores.rouge1.f1 * 100 - rouge1)).toBeLessThan(TOLERANCE_POINTS);
      expect(Math.abs(scores.rouge2.f1 * 100 - rouge2)).toBeLessThan(TOLERANCE_POINTS);
      expect(Math.abs(scores.rougeL.f1 * 100 - rougeL)).toBeLessThan(TOLERANCE_POINTS);
      expect(Math.abs(meanWords(candidates) - words)).toBeLessThan(1);
    },
  );

  it('scores the 3,070 system summaries in well under a few seconds', () => {
    const started = performance.now();
    for (const { system } of NEUS_SYSTEMS) scoreCandidates(loadSystemOutputs(system, clusters), clusters);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a scrambled pairing of summaries and references scores far below the table (the alignment matters)', () => {
    const best = NEUS_SYSTEMS[0]!;
    const candidates = loadSystemOutputs(best.system, clusters);
    const shifted = [...candidates.slice(1), candidates[0]!];
    expect(scoreCandidates(shifted, clusters).rouge2.f1 * 100).toBeLessThan(best.rouge2 - 10);
  });
});
