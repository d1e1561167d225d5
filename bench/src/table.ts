/** A cell: text as is, a number rounded for reading, a missing figure as a dash. */
export type Cell = string | number | null | undefined;

/** Whole numbers with thousands separators from 100 up, two significant decimals below (a ratio, a latency). */
export function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell))) return '-';
  if (typeof cell === 'string') return cell.replaceAll('|', '\\|');
  if (Math.abs(cell) >= 100) return Math.round(cell).toLocaleString('en-US');
  if (Number.isInteger(cell)) return String(cell);
  return cell.toFixed(Math.abs(cell) >= 10 ? 1 : 2);
}

/** A GitHub-flavoured markdown table, numbers right-aligned, so docs/PERFORMANCE.md can hold it verbatim. */
export function markdownTable(header: string[], rows: Cell[][]): string {
  const numeric = header.map((_, column) => rows.some((row) => typeof row[column] === 'number'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(numeric.map((right) => (right ? '---:' : '---'))),
    ...rows.map((row) => line(header.map((_, column) => formatCell(row[column])))),
  ].join('\n');
}

/** a / b as a ratio, or null when either side is missing. */
export const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;
