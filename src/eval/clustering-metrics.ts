/**
 * Scores of a clustering against gold clusters: B³ (Bagga & Baldwin 1998) and pairwise precision,
 * recall and F1. Both come from the contingency table of predicted × gold clusters, so the cost is
 * linear in the number of items, never quadratic in pairs. Written by hand because no installed
 * package scores clusterings.
 * @packageDocumentation
 */
import { CrosscheckError } from '../model/errors.js';

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface ClusterScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Every clustering score of one predicted clustering against the gold one. */
export interface ClusteringScores {
  /** Per item: the share of its predicted cluster that is in its gold cluster and vice versa, averaged over items. */
  bcubed: ClusterScore;
  /** Over pairs of items: pairs put together by the prediction that are together in gold, and vice versa. */
  pairwise: ClusterScore;
  items: number;
  predictedClusters: number;
  goldClusters: number;
}

/** A cluster label: any string or number; only equality matters. */
export type ClusterLabel = string | number;

/** A clustering: either item → cluster, or one label per item with items identified by position. */
export type Clustering<Item> = ReadonlyMap<Item, ClusterLabel> | readonly ClusterLabel[];

function harmonic(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Pairs the two labellings item by item, checking both cover exactly the same items. */
function alignLabels<Item>(
  predicted: Clustering<Item>,
  gold: Clustering<Item>,
): Array<[ClusterLabel, ClusterLabel]> {
  const pairs: Array<[ClusterLabel, ClusterLabel]> = [];
  if (Array.isArray(predicted) && Array.isArray(gold)) {
    if (predicted.length !== gold.length) {
      throw new CrosscheckError(
        'invalid-argument',
        `predicted has ${predicted.length} labels but gold has ${gold.length}: give one label per item in both`,
      );
    }
    for (let position = 0; position < predicted.length; position++) {
      pairs.push([predicted[position] as ClusterLabel, gold[position] as ClusterLabel]);
    }
  } else if (predicted instanceof Map && gold instanceof Map) {
    if (predicted.size !== gold.size) {
      throw new CrosscheckError(
        'invalid-argument',
        `predicted covers ${predicted.size} items but gold covers ${gold.size}: score the same items`,
      );
    }
    for (const [item, label] of predicted as ReadonlyMap<Item, ClusterLabel>) {
      const goldLabel = (gold as ReadonlyMap<Item, ClusterLabel>).get(item);
      if (goldLabel === undefined) {
        throw new CrosscheckError(
          'invalid-argument',
          `item ${String(item)} has a predicted cluster but no gold one`,
        );
      }
      pairs.push([label, goldLabel]);
    }
  } else {
    throw new CrosscheckError(
      'invalid-argument',
      'predicted and gold must both be Maps or both be label arrays',
    );
  }
  if (pairs.length === 0) {
    throw new CrosscheckError('invalid-argument', 'cannot score a clustering of no items');
  }
  return pairs;
}

/** Contingency counts: items per (predicted, gold) cell, per predicted cluster and per gold cluster. */
interface Contingency {
  cells: number[];
  predictedSizes: Map<ClusterLabel, number>;
  goldSizes: Map<ClusterLabel, number>;
  /** The predicted and gold cluster of each cell, parallel to `cells`. */
  cellLabels: Array<[ClusterLabel, ClusterLabel]>;
}

function contingency(pairs: ReadonlyArray<[ClusterLabel, ClusterLabel]>): Contingency {
  const cellIndex = new Map<ClusterLabel, Map<ClusterLabel, number>>();
  const cells: number[] = [];
  const cellLabels: Array<[ClusterLabel, ClusterLabel]> = [];
  const predictedSizes = new Map<ClusterLabel, number>();
  const goldSizes = new Map<ClusterLabel, number>();
  for (const [predicted, gold] of pairs) {
    predictedSizes.set(predicted, (predictedSizes.get(predicted) ?? 0) + 1);
    goldSizes.set(gold, (goldSizes.get(gold) ?? 0) + 1);
    let row = cellIndex.get(predicted);
    if (row === undefined) {
      row = new Map();
      cellIndex.set(predicted, row);
    }
    const index = row.get(gold);
    if (index === undefined) {
      row.set(gold, cells.length);
      cells.push(1);
      cellLabels.push([predicted, gold]);
    } else {
      cells[index]! += 1;
    }
  }
  return { cells, predictedSizes, goldSizes, cellLabels };
}

/**
 * B³ from contingency counts: each of the n items of a cell has precision n / |its predicted cluster|
 * and recall n / |its gold cluster|, so a cell contributes n² / size to the sums over items.
 */
function bcubedFrom(table: Contingency, items: number): ClusterScore {
  let precision = 0;
  let recall = 0;
  table.cells.forEach((count, index) => {
    const [predicted, gold] = table.cellLabels[index]!;
    precision += (count * count) / table.predictedSizes.get(predicted)!;
    recall += (count * count) / table.goldSizes.get(gold)!;
  });
  precision /= items;
  recall /= items;
  return { precision, recall, f1: harmonic(precision, recall) };
}

const pairsOf = (count: number): number => (count * (count - 1)) / 2;

/**
 * Pairwise scores from contingency counts. With no pair on one side the score is 0 (nothing right to
 * count), except when neither side has any pair: all singletons on both sides agree perfectly, score 1.
 */
function pairwiseFrom(table: Contingency): ClusterScore {
  let together = 0;
  for (const count of table.cells) together += pairsOf(count);
  let predictedPairs = 0;
  for (const size of table.predictedSizes.values()) predictedPairs += pairsOf(size);
  let goldPairs = 0;
  for (const size of table.goldSizes.values()) goldPairs += pairsOf(size);
  if (predictedPairs === 0 && goldPairs === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = predictedPairs === 0 ? 0 : together / predictedPairs;
  const recall = goldPairs === 0 ? 0 : together / goldPairs;
  return { precision, recall, f1: harmonic(precision, recall) };
}

/**
 * B³ and pairwise precision, recall and F1 of a predicted clustering against the gold one.
 * @param predicted - item → predicted cluster, or one predicted label per item
 * @param gold - the same items → gold cluster, in the same form as `predicted`
 * @throws CrosscheckError when the two do not cover exactly the same items, mix forms, or are empty
 * @example clusteringScores(['a', 'a', 'b'], ['x', 'x', 'x']).bcubed.recall // (2/3 + 2/3 + 1/3) / 3 = 5/9
 */
export function clusteringScores<Item>(
  predicted: Clustering<Item>,
  gold: Clustering<Item>,
): ClusteringScores {
  const pairs = alignLabels(predicted, gold);
  const table = contingency(pairs);
  return {
    bcubed: bcubedFrom(table, pairs.length),
    pairwise: pairwiseFrom(table),
    items: pairs.length,
    predictedClusters: table.predictedSizes.size,
    goldClusters: table.goldSizes.size,
  };
}

/**
 * B³ precision, recall and F1 (per item, averaged over items).
 * @param predicted - item → predicted cluster, or one predicted label per item
 * @param gold - the same items → gold cluster
 * @throws CrosscheckError as {@link clusteringScores}
 */
export function bcubed<Item>(predicted: Clustering<Item>, gold: Clustering<Item>): ClusterScore {
  return clusteringScores(predicted, gold).bcubed;
}

/**
 * Pairwise precision, recall and F1 over pairs of items clustered together.
 * @param predicted - item → predicted cluster, or one predicted label per item
 * @param gold - the same items → gold cluster
 * @throws CrosscheckError as {@link clusteringScores}
 */
export function pairwise<Item>(predicted: Clustering<Item>, gold: Clustering<Item>): ClusterScore {
  return clusteringScores(predicted, gold).pairwise;
}
