import { stringify } from 'csv-stringify/sync';

/** Cells a spreadsheet reads as a formula (OWASP "CSV Injection"): = + - @, a tab or a carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert: a leading apostrophe, which spreadsheets show as text and do not run. */
export const neutralizeFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export type CsvCell = string | number | null;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, a cell quoted when it holds a comma, a quote or a line break
 * (csv-stringify does the quoting), UTF-8 with a byte order mark so that spreadsheets read names right. Every
 * text cell is neutralized; numbers and empty cells (null) go as they are.
 */
export function toCsv<K extends string>(columns: readonly { key: K; header: string }[], rows: Record<K, CsvCell>[]) {
  return stringify(rows, {
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: columns.map(({ key, header }) => ({ key, header })),
    cast: { string: neutralizeFormula },
  });
}

/** A file name safe in Content-Disposition: letters, digits, dot, dash and underscore only. */
export const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
