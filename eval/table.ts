/**
 * Plain-text tables for the evaluation report: padded columns, numbers right-aligned.
 * @packageDocumentation
 */

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
