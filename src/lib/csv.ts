import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

/** Reads an RFC 4180 CSV file with a header row into records keyed by column name. */
export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, trim: false, bom: true })
}

/** Splits a semicolon-separated cell into trimmed, non-empty parts. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a separator, quote or line break. Text that a spreadsheet would run
 * as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe; numbers stay numbers.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document: a header row and data rows, CRLF line ends, and a byte-order mark so spreadsheets read UTF-8 (Eén). */
export function toCsv(headers: string[], rows: (string | number)[][]): string {
  return '\ufeff' + [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
