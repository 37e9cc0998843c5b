/**
 * Plain-text tables for the evaluation report: padded columns, numbers right-aligned.
 * @packageDocumentation
 */
import type { ClusteringScores } from '../src/eval/clustering-metrics.js';

/** One cell: text is left-aligned, numbers are right-aligned with the given number of decimals. */
export type Cell = string | number;

/**
 * Renders rows under a header as an aligned Markdown-compatible table.
 * @param header - column titles
 * @param rows - one array of cells per row, as long as the header
 * @param decimals - digits after the point for numeric cells: one count for all columns or one per column (default 2)
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  decimals: number | readonly number[] = 2,
): string {
  const digits = (column: number): number =>
    typeof decimals === 'number' ? decimals : (decimals[column] ?? 2);
  const text = rows.map((row) =>
    row.map((cell, column) => (typeof cell === 'number' ? cell.toFixed(digits(column)) : cell)),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, ...text.map((row) => (row[column] ?? '').length)),
  );
  const numeric = header.map(
    (_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...text.map(line)].join('\n');
}

/**
 * The header of a clustering-score table, whose rows are {@link clusteringScoreCells}. Tables of different
 * evaluations name their first and third columns for what they cluster, and share the rest so that scores
 * read the same everywhere.
 * @param subset - title of the first column (`corpus`, `gold kind`)
 * @param items - title of the item count (`items`, `mentions`)
 */
export function clusteringScoreHeader(subset: string, items: string): string[] {
  return [subset, 'clusterer', items, 'clusters', 'B³ P', 'B³ R', 'B³ F1', 'pair P', 'pair R', 'pair F1'];
}

/**
 * One row of a clustering-score table: what was clustered, by whom, how many items, predicted / gold
 * clusters, then B³ and pairwise precision, recall and F1. The item count is text so that it is not
 * printed with the table's decimals.
 * @param subset - what was clustered (a corpus, a gold kind)
 * @param clusterer - the clusterer's name
 * @param scores - its scores on that subset
 */
export function clusteringScoreCells(subset: string, clusterer: string, scores: ClusteringScores): Cell[] {
  return [
    subset,
    clusterer,
    String(scores.items),
    `${scores.predictedClusters} / ${scores.goldClusters}`,
    scores.bcubed.precision,
    scores.bcubed.recall,
    scores.bcubed.f1,
    scores.pairwise.precision,
    scores.pairwise.recall,
    scores.pairwise.f1,
  ];
}
