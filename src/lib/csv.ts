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
