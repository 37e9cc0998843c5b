import { maxOf } from '../src/text/iterables.js';

/** Renders rows as a markdown table with padded columns, readable as plain text too. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    maxOf(
      rows.map((row) => (row[column] ?? '').length),
      cell.length,
    ),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padStart(column === 0 ? 0 : widths[column]!).padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
