import { parse } from 'csv-parse/sync'
import { CSV_COLUMNS, DERIVED_COLUMNS, RECORD_FIELDS, type CsvColumn, type ToolRecord } from '../tool-record.ts'
import type { RowProblem } from './record-check.ts'

/** A row of an import file: the record it describes, or why it cannot be read. `line` is where it starts. */
export type ImportRow =
  | {
      line: number
      record: ToolRecord
      problems?: undefined
      /** The fields the file gives (a CSV with fewer columns, a publiccode.yml, DCAT): an existing tool keeps the rest. All when undefined. */
      fields?: readonly (keyof ToolRecord)[] | undefined
    }
  | { line: number; record?: undefined; problems: RowProblem[]; label?: string }

/** A file the import cannot read at all (wrong encoding, not CSV, missing columns): one line that says why. */
export class ImportFileError extends Error {}

/** The most rows one import reads; a bigger catalogue is split into several files. */
export const MAX_IMPORT_ROWS = 200_000
/** The biggest file an import reads. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

/**
 * Text from a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with its byte-order mark. Anything
 * else (Windows-1252 from an old spreadsheet, say) is refused with the line of the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    // Where the first bad byte is: the longest prefix that decodes.
    let low = 0
    let high = bytes.length
    while (low < high) {
      const mid = Math.ceil((low + high) / 2)
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
        low = mid
      } catch {
        high = mid - 1
      }
    }
    const line = bytes.subarray(0, low).filter((b) => b === 0x0a).length + 1
    throw new ImportFileError(`The file is not UTF-8 (first bad byte on line ${line}); save it as "CSV UTF-8" and try again.`)
  }
}

/** A cell a spreadsheet would run as a formula. Our own export neutralises these with a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/

const list = (cell: string) =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')

/** "kind: value" items (links, assessments, pilots): split at the first ": ". */
function pairs(cell: string, column: string, problems: RowProblem[]): [string, string][] {
  return list(cell).flatMap((item) => {
    const at = item.lastIndexOf(': ')
    const first = item.indexOf(': ')
    // Links have the kind first ("documentation: https://…"); pilots the name first ("Utrecht (GM0344): running").
    const split = column === 'pilots' ? at : first
    if (split <= 0) {
      problems.push({ column, reason: `"${item.slice(0, 80)}" is not in the form "a: b"` })
      return []
    }
    return [[item.slice(0, split).trim(), item.slice(split + 2).trim()] as [string, string]]
  })
}

/** One CSV row (cells by column) as a record, or the problems that keep it from being one. */
export function recordFromCells(cells: Partial<Record<CsvColumn, string>>): { record?: ToolRecord; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const get = (column: CsvColumn): string => {
    const raw = cells[column] ?? ''
    // Our export's neutralised formula: the apostrophe goes, the text stays.
    if (raw.startsWith("'") && FORMULA.test(raw.slice(1))) return raw.slice(1)
    if (FORMULA.test(raw)) problems.push({ column, reason: 'looks like a spreadsheet formula (starts with =, +, -, @ or a tab); put an apostrophe before it if it is text' })
    return raw
  }
  const optional = (column: CsvColumn) => {
    const value = get(column).trim()
    return value === '' ? null : value
  }
  const now = new Date().toISOString()
  const links = pairs(get('links'), 'links', problems).map(([kind, url]) => ({ kind, url: url.replace(/%3B/gi, ';') }))
  const assessments = pairs(get('assessments'), 'assessments', problems).map(([criterion, rating]) => ({ criterion, rating }))
  const mims = pairs(get('mims'), 'mims', problems).map(([mim, relation]) => ({ mim, relation }))
  const pilots = pairs(get('pilots'), 'pilots', problems).map(([municipality, status]) => ({ municipality, status }))
  const notApplicable = get('licence_not_applicable').trim().toLowerCase()
  if (!['', 'yes', 'no', 'true', 'false', 'ja', 'nee'].includes(notApplicable)) problems.push({ column: 'licence_not_applicable', reason: 'give yes or no' })
  const record: ToolRecord = {
    slug: get('slug').trim(),
    name_nl: optional('name_nl'),
    name_en: optional('name_en'),
    description_nl: optional('description_nl'),
    description_en: optional('description_en'),
    process_question_nl: optional('process_question_nl'),
    process_question_en: optional('process_question_en'),
    occasion_nl: optional('occasion_nl'),
    occasion_en: optional('occasion_en'),
    category: get('category').trim(),
    form: get('form').trim(),
    status: get('status').trim(),
    origin: get('origin').trim() || 'existing',
    processes: list(get('processes')),
    themes: list(get('themes')),
    sdg_targets: list(get('sdg_targets')),
    assessments,
    mims,
    aliases: list(get('aliases')),
    website: optional('website'),
    links,
    licence: optional('licence'),
    licence_not_applicable: ['yes', 'true', 'ja'].includes(notApplicable),
    languages: list(get('languages')),
    owners: list(get('owners')),
    co_developers: list(get('co_developers')),
    organising_parties: list(get('organising_parties')),
    partners: list(get('partners')),
    pilots,
    used_by: list(get('used_by')),
    started_on: optional('started_on'),
    available_on: optional('available_on'),
    retired_on: optional('retired_on'),
    created_at: optional('created_at') ?? now,
    updated_at: optional('updated_at') ?? optional('created_at') ?? now,
  }
  return problems.length > 0 ? { problems } : { record, problems }
}

/** A row as csv-parse gives it with `info: true`: its cells and where it ends. */
function isParsedRow(value: unknown): value is { record: string[]; info: { lines: number } } {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false
  const { record, info } = value
  return Array.isArray(record) && typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number'
}

/** The columns an import needs; the others may be left out (an empty cell is "none"). */
const REQUIRED: CsvColumn[] = ['slug', 'category', 'form', 'status']

/** Reads a CSV file in the export's own format: every row as a record or its problems, with the line it starts on. */
export function readCsvRows(text: string): ImportRow[] {
  let rows: { record: string[]; info: { lines: number } }[]
  try {
    const parsed: unknown[] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 })
    rows = parsed.filter(isParsedRow)
  } catch (error) {
    const where = error instanceof Error && 'lines' in error ? ` (line ${String(error.lines)})` : ''
    throw new ImportFileError(`The file is not valid CSV${where}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`)
  }
  const [header, ...data] = rows
  if (!header) throw new ImportFileError('The file is empty.')
  const columns = header.record.map((c) => c.trim())
  const missing = REQUIRED.filter((c) => !columns.includes(c))
  if (missing.length > 0) throw new ImportFileError(`The header row lacks the column(s) ${missing.join(', ')}; export a file from a toolbox to see the format.`)
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c))
  if (unknown.length > 0) throw new ImportFileError(`Unknown column(s) in the header row: ${unknown.slice(0, 5).join(', ')}.`)
  // A file with only some columns changes only those of an existing tool.
  const given = RECORD_FIELDS.filter((f) => columns.includes(f))
  const fields = given.length === RECORD_FIELDS.length ? undefined : given
  if (data.length > MAX_IMPORT_ROWS) throw new ImportFileError(`The file has ${data.length} rows; at most ${MAX_IMPORT_ROWS} are read at once. Split it.`)
  return data.map(({ record: values, info }) => {
    // info.lines is the line the row ends on; a row with line breaks in a cell starts earlier.
    const line = info.lines - values.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0)
    if (values.length !== columns.length) return { line, problems: [{ column: '-', reason: `${values.length} cells where the header has ${columns.length}` }] }
    const cells: Partial<Record<CsvColumn, string>> = {}
    columns.forEach((column, i) => {
      const c = CSV_COLUMNS.find((x) => x === column)
      if (c && !DERIVED_COLUMNS.has(c)) cells[c] = values[i] ?? ''
    })
    const { record, problems } = recordFromCells(cells)
    return record ? { line, record, fields } : { line, problems, label: cells.slug || cells.name_nl || cells.name_en }
  })
}
