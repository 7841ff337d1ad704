// Rows of a form without JavaScript: each row's fields are sent flat as <kind>-<index>-<field> (link-0-url,
// link-0-kind, …). An empty row is no row; a row ticked "remove" is left out; each row is checked with its schema and
// its problems are named by the row's own field names, so the error summary links to the right field.
import type { Static } from '@sinclair/typebox'
import { ValidationError, type FieldProblem } from '../../errors.ts'
import { validateInput } from '../../lib/validation.ts'
import type { FormValues } from '../../views/form.ts'
import { MAX_ROWS, ROW_SCHEMAS, type RowKind } from './tool-editing.schemas.ts'

const FIELD = /^([a-z]+)-(\d{1,3})-([A-Za-z]+)$/

/** The raw rows of one kind, in index order (at most MAX_ROWS), each with its index. */
export function rawRows(values: FormValues | Record<string, unknown>, kind: RowKind): { index: number; fields: Record<string, string> }[] {
  const rows = new Map<number, Record<string, string>>()
  for (const [key, value] of Object.entries(values)) {
    const match = FIELD.exec(key)
    if (!match || match[1] !== kind) continue
    const index = Number(match[2])
    if (index >= MAX_ROWS) continue
    const v = Array.isArray(value) ? value.at(-1) : value
    if (typeof v !== 'string') continue
    const row = rows.get(index) ?? rows.set(index, {}).get(index)!
    row[match[3]!] = v
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([index, fields]) => ({ index, fields }))
}

/**
 * The fields that make a row a row: an empty row still sends its choices (a link's kind, an organisation's role),
 * so only these count when deciding whether someone filled it in.
 */
const KEY_FIELDS: Record<RowKind, readonly string[]> = {
  link: ['url', 'titleNl', 'titleEn'],
  alias: ['alias'],
  sdg: ['contributes', 'contributionNl', 'contributionEn'],
  assessment: ['rating', 'explanationNl', 'explanationEn', 'evidenceUrl', 'assessedBy', 'assessedOn'],
  org: ['organisation'],
  mim: ['relation'],
  pilot: ['municipality', 'testedNl', 'testedEn', 'outcome', 'lessonsNl', 'lessonsEn', 'evidenceUrl', 'committedOn', 'startedOn', 'completedOn'],
}

/** Whether someone filled in anything of a row that makes it one. */
export function isEmptyRow(kind: RowKind, fields: Record<string, string>): boolean {
  return !KEY_FIELDS[kind].some((k) => (fields[k] ?? '').trim() !== '')
}

/**
 * The rows of one kind, validated: empty and removed rows left out. Throws one ValidationError with every row's
 * problems, each named <kind>-<index>-<field>.
 */
export function parseRows<K extends RowKind>(body: unknown, kind: K): { index: number; row: Static<(typeof ROW_SCHEMAS)[K]> }[] {
  const problems: FieldProblem[] = []
  const rows: { index: number; row: Static<(typeof ROW_SCHEMAS)[K]> }[] = []
  for (const { index, fields } of rawRows((body ?? {}) as Record<string, unknown>, kind)) {
    if (fields.remove === 'on') continue
    if (isEmptyRow(kind, fields)) continue
    try {
      rows.push({ index, row: validateInput(ROW_SCHEMAS[kind], fields) as Static<(typeof ROW_SCHEMAS)[K]> })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      problems.push(...error.details.map((p) => ({ ...p, name: rowField(kind, index, p.name) })))
    }
  }
  if (problems.length > 0) throw new ValidationError(problems)
  return rows
}

/** The form field name of a row's field. */
export const rowField = (kind: RowKind, index: number, field: string) => `${kind}-${index}-${field}`
