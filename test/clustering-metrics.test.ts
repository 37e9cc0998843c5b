import { describe, expect, it } from 'vitest';
import {
  bcubed,
  type ClusterLabel,
  type ClusterScore,
  clusteringScores,
  pairwise,
} from '../src/eval/clustering-metrics.js';
import { CrosscheckError } from '../src/model/errors.js';

const f1 = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

function expectScore(actual: ClusterScore, precision: number, recall: number): void {
  expect(actual.precision).toBeCloseTo(precision, 10);
  expect(actual.recall).toBeCloseTo(recall, 10);
  expect(actual.f1).toBeCloseTo(f1(precision, recall), 10);
}

// Bagga & Baldwin's classic: gold {1-5} {6,7} {8-12}; two responses that each merge two gold clusters.
const classicGold: ClusterLabel[] = ['A', 'A', 'A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C'];

interface Case {
  name: string;
  predicted: ClusterLabel[];
  gold: ClusterLabel[];
  bcubed: [precision: number, recall: number];
  pairwise: [precision: number, recall: number];
}

describe('clusteringScores: hand-worked examples', () => {
  it.each<Case>([
    {
      // B³ precision: items 1-5 have 5/7, items 6-7 have 2/7, items 8-12 have 1 → (25/7 + 4/7 + 5)/12 = 16/21.
      // Pairs: predicted C(7,2) + C(5,2) = 31, gold 10 + 1 + 10 = 21, all 21 gold pairs predicted.
      name: 'classic: merge {6,7} into {1-5}',
      predicted: [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2],
      gold: classicGold,
      bcubed: [16 / 21, 1],
      pairwise: [21 / 31, 1],
    },
    {
      // The other merge scores the same B³ (its point: both errors cost one merge of a small cluster).
      name: 'classic: merge {6,7} into {8-12}',
      predicted: [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2],
      gold: classicGold,
      bcubed: [16 / 21, 1],
      pairwise: [21 / 31, 1],
    },
    {
      // Every item sees half its predicted cluster in its gold cluster. Pairs: 6 predicted, 2 gold, 2 shared.
      name: 'all in one cluster',
      predicted: ['x', 'x', 'x', 'x'],
      gold: ['a', 'a', 'b', 'b'],
      bcubed: [1 / 2, 1],
      pairwise: [1 / 3, 1],
    },
    {
      // Each item alone: precision 1, recall 1/2. No predicted pair: pairwise scores 0.
      name: 'all singletons',
      predicted: [1, 2, 3, 4],
      gold: ['a', 'a', 'b', 'b'],
      bcubed: [1, 1 / 2],
      pairwise: [0, 0],
    },
    {
      name: 'all singletons on both sides agree perfectly',
      predicted: [1, 2, 3],
      gold: ['a', 'b', 'c'],
      bcubed: [1, 1],
      pairwise: [1, 1],
    },
    {
      name: 'same partition under other labels',
      predicted: [7, 7, 9, 8],
      gold: ['p', 'p', 'q', 'r'],
      bcubed: [1, 1],
      pairwise: [1, 1],
    },
    {
      // Items 1,2 (gold a) apart from item 3 (gold a) which sits with item 4 (gold b).
      // B³ P: 1, 1, 1/2, 1/2 → 3/4. R: 2/3, 2/3, 1/3, 1 → 2/3. Pairs: predicted 2, gold 3, shared 1.
      name: 'one item misplaced',
      predicted: [1, 1, 2, 2],
      gold: ['a', 'a', 'a', 'b'],
      bcubed: [3 / 4, 2 / 3],
      pairwise: [1 / 2, 1 / 3],
    },
  ])('$name', ({ predicted, gold, bcubed: expectedBcubed, pairwise: expectedPairwise }) => {
    const scores = clusteringScores(predicted, gold);
    expectScore(scores.bcubed, ...expectedBcubed);
    expectScore(scores.pairwise, ...expectedPairwise);
    expect(scores.items).toBe(predicted.length);
    expect(bcubed(predicted, gold)).toEqual(scores.bcubed);
    expect(pairwise(predicted, gold)).toEqual(scores.pairwise);
  });

  it('reads Maps of item → cluster, whatever the item order', () => {
    const predicted = new Map<string, ClusterLabel>([
      ['doc-c', 2],
      ['doc-a', 1],
      ['doc-b', 1],
      ['doc-d', 2],
    ]);
    const gold = new Map<string, ClusterLabel>([
      ['doc-a', 'a'],
      ['doc-b', 'a'],
      ['doc-c', 'a'],
      ['doc-d', 'b'],
    ]);
    const scores = clusteringScores(predicted, gold);
    expectScore(scores.bcubed, 3 / 4, 2 / 3);
    expect(scores.predictedClusters).toBe(2);
    expect(scores.goldClusters).toBe(2);
  });

  it('is linear in items: 180,000 items in a few hundred clusters score quickly', () => {
    const predicted = Array.from({ length: 180_000 }, (_, item) => item % 300);
    const gold = Array.from({ length: 180_000 }, (_, item) => item % 600);
    const started = performance.now();
    const scores = clusteringScores(predicted, gold);
    expect(performance.now() - started).toBeLessThan(2000);
    // Each gold cluster lies inside one predicted cluster, half of it: precision 1/2, recall 1.
    expectScore(scores.bcubed, 1 / 2, 1);
  });
});

describe('clusteringScores: misuse throws CrosscheckError', () => {
  it.each([
    {
      name: 'arrays of different lengths',
      predicted: [1, 1, 2] as ClusterLabel[],
      gold: ['a', 'a'] as ClusterLabel[],
    },
    {
      name: 'Maps over different items',
      predicted: new Map<string, ClusterLabel>([
        ['x', 1],
        ['y', 1],
      ]),
      gold: new Map<string, ClusterLabel>([
        ['x', 'a'],
        ['z', 'a'],
      ]),
    },
    {
      name: 'Maps of different sizes',
      predicted: new Map<string, ClusterLabel>([['x', 1]]),
      gold: new Map<string, ClusterLabel>([
        ['x', 'a'],
        ['y', 'a'],
      ]),
    },
    {
      name: 'a Map against an array',
      predicted: new Map<number, ClusterLabel>([[0, 1]]),
      gold: ['a'] as ClusterLabel[],
    },
    { name: 'no items', predicted: [] as ClusterLabel[], gold: [] as ClusterLabel[] },
  ])('$name', ({ predicted, gold }) => {
    expect(() => clusteringScores(predicted as never, gold as never)).toThrow(CrosscheckError);
  });
});
