export type CsvValue = string | number | boolean | null;

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV with a header row, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Chinese; numbers stay numbers, a missing value is an empty cell (never 0).
 */
export function toCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Readonly<Record<C, CsvValue>>>): string {
  const cell = (value: CsvValue) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return BOM + [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n') + '\r\n';
}
