// The agenda and documents forms send numbered rows (item-0-nl, item-0-en, item-0-level, …; doc-0-title, doc-0-url);
// here they become lists, each row validated by its one schema, the problems named after the row's fields.
import { ValidationError, type FieldProblem } from '../../errors.ts'
import { validateInput } from '../../lib/validation.ts'
import { str, type FormValues } from '../../views/form.ts'
import { AgendaRowSchema, DocumentRowSchema, GATHERING_LIMITS, type AgendaRow, type DocumentRow } from './gatherings.schemas.ts'

const rowProblems = (error: unknown, prefix: string, names: Record<string, string>): FieldProblem[] => {
  if (!(error instanceof ValidationError)) throw error
  return error.details.map((p) => ({ ...p, name: `${prefix}-${names[p.name] ?? p.name}` }))
}

/** Rows the form sent, in order (an index the form never sent is skipped; empty rows are dropped). */
function rowIndexes(values: FormValues, prefix: string, max: number): number[] {
  const found = new Set<number>()
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}-(\\d{1,3})-`).exec(key)
    if (match) found.add(Number(match[1]))
  }
  return [...found].sort((a, b) => a - b).slice(0, max + 10)
}

/**
 * The agenda as typed: rows with no title in either language are dropped; a sub-item needs a main item above it;
 * a row that puts a proposal to the partners keeps its proposal.
 */
export function agendaRows(values: FormValues): AgendaRow[] {
  const rows: AgendaRow[] = []
  const problems: FieldProblem[] = []
  for (const i of rowIndexes(values, 'item', GATHERING_LIMITS.agendaRows)) {
    const raw = { titleNl: str(values, `item-${i}-nl`), titleEn: str(values, `item-${i}-en`), level: str(values, `item-${i}-level`) ?? 'main', proposal: str(values, `item-${i}-proposal`) }
    if (!raw.titleNl?.trim() && !raw.titleEn?.trim() && !raw.proposal) continue
    try {
      const row = validateInput(AgendaRowSchema, raw)
      if (row.level === 'sub' && rows.length === 0) problems.push({ name: `item-${i}-level`, messageKey: 'gatherings.subWithoutMain' })
      rows.push(row)
    } catch (error) {
      problems.push(...rowProblems(error, `item-${i}`, { titleNl: 'nl', titleEn: 'en', level: 'level', proposal: 'nl' }))
    }
  }
  if (rows.length > GATHERING_LIMITS.agendaRows) problems.push({ name: 'item-0-nl', messageKey: 'gatherings.tooManyRows', params: { max: GATHERING_LIMITS.agendaRows } })
  if (problems.length > 0) throw new ValidationError(problems)
  return rows
}

/** The documents as typed: empty rows dropped, each a title and a web address. */
export function documentRows(values: FormValues): DocumentRow[] {
  const rows: DocumentRow[] = []
  const problems: FieldProblem[] = []
  for (const i of rowIndexes(values, 'doc', GATHERING_LIMITS.documentRows)) {
    const raw = { title: str(values, `doc-${i}-title`), url: str(values, `doc-${i}-url`) }
    if (!raw.title?.trim() && !raw.url?.trim()) continue
    try {
      rows.push(validateInput(DocumentRowSchema, raw))
    } catch (error) {
      problems.push(...rowProblems(error, `doc-${i}`, {}))
    }
  }
  if (rows.length > GATHERING_LIMITS.documentRows) problems.push({ name: 'doc-0-title', messageKey: 'gatherings.tooManyRows', params: { max: GATHERING_LIMITS.documentRows } })
  if (problems.length > 0) throw new ValidationError(problems)
  return rows
}
