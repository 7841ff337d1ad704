import { MIM_RELATIONS } from '../../../db/schema-open-data.ts'
import { isSlug } from '../../../lib/slug.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { CATEGORIES, LINK_KINDS, ORIGINS, PILOT_STATUSES, PROCESSES, RATINGS, STATUSES, TOOL_LIMITS } from '../../tools/tools.constants.ts'
import type { ToolRecord } from '../tool-record.ts'

/** One thing wrong with a row: the column (or field) and why, in plain English for the report file. */
export interface RowProblem {
  column: string
  reason: string
}

/** Markup in a text: the toolbox shows text, never HTML, so a tag in an import is a mistake or an attack. */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i
const URL = /^https?:\/\/[^\s<>"]+$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** Checks a record before anything is written: known codes, lengths, addresses, dates, no markup. */
export function checkRecord(record: ToolRecord, reference: ReferenceData): RowProblem[] {
  const problems: RowProblem[] = []
  const bad = (column: string, reason: string) => problems.push({ column, reason })
  const known = (column: string, value: string, allowed: readonly string[] | ReadonlySet<string>) => {
    const has = 'has' in allowed ? allowed.has(value) : allowed.includes(value)
    if (!has) bad(column, `unknown code "${value.slice(0, 60)}"`)
  }
  const text = (column: string, value: string | null, max: number) => {
    if (value === null) return
    if (value.length > max) bad(column, `longer than ${max} characters (${value.length})`)
    if (MARKUP.test(value)) bad(column, 'contains markup (HTML tags); give plain text')
  }

  if (!isSlug(record.slug)) bad('slug', 'not a valid address (lower-case letters, digits and hyphens)')
  if (!record.name_nl && !record.name_en) bad('name_nl', 'a tool needs a name in Dutch or English')
  text('name_nl', record.name_nl, TOOL_LIMITS.name)
  text('name_en', record.name_en, TOOL_LIMITS.name)
  text('description_nl', record.description_nl, TOOL_LIMITS.description)
  text('description_en', record.description_en, TOOL_LIMITS.description)
  text('process_question_nl', record.process_question_nl, TOOL_LIMITS.processQuestion)
  text('process_question_en', record.process_question_en, TOOL_LIMITS.processQuestion)
  text('occasion_nl', record.occasion_nl, TOOL_LIMITS.occasion)
  text('occasion_en', record.occasion_en, TOOL_LIMITS.occasion)
  text('licence', record.licence, TOOL_LIMITS.licence)
  known('category', record.category, CATEGORIES)
  known('form', record.form, new Set(reference.formsByCode.keys()))
  known('status', record.status, STATUSES)
  known('origin', record.origin, ORIGINS)
  for (const p of record.processes) known('processes', p, PROCESSES)
  const rathenau = new Set(reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code))
  for (const theme of record.themes) known('themes', theme, rathenau)
  const sdg = new Set(reference.sdgTargets.map((s) => s.code))
  for (const target of record.sdg_targets) known('sdg_targets', target, sdg)
  for (const a of record.assessments) {
    if (!reference.criteriaByCode.has(a.criterion)) bad('assessments', `unknown criterion "${a.criterion.slice(0, 60)}"`)
    // 'unknown' is a legacy rating some tools still carry: it goes out in the export, so it comes back in.
    known('assessments', a.rating, [...RATINGS, 'unknown'])
  }
  const mims = new Set(reference.mims.map((m) => m.code))
  for (const m of record.mims) {
    known('mims', m.mim, mims)
    known('mims', m.relation, MIM_RELATIONS)
  }
  for (const alias of record.aliases) text('aliases', alias, TOOL_LIMITS.alias)
  if (record.website !== null && (!URL.test(record.website) || record.website.length > TOOL_LIMITS.url)) bad('website', 'not a web address (http:// or https://)')
  for (const l of record.links) {
    known('links', l.kind, LINK_KINDS)
    if (!URL.test(l.url) || l.url.length > TOOL_LIMITS.url) bad('links', `not a web address: "${l.url.slice(0, 80)}"`)
  }
  for (const language of record.languages) if (!LANGUAGE.test(language)) bad('languages', `not a language code: "${language.slice(0, 20)}"`)
  for (const column of ['owners', 'co_developers', 'organising_parties', 'partners', 'used_by'] as const) {
    for (const name of record[column]) text(column, name, 200)
  }
  for (const p of record.pilots) {
    text('pilots', p.municipality, 200)
    known('pilots', p.status, PILOT_STATUSES)
  }
  for (const column of ['started_on', 'available_on', 'retired_on'] as const) {
    const value = record[column]
    if (value !== null && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) bad(column, 'not a date (YYYY-MM-DD)')
  }
  for (const column of ['created_at', 'updated_at'] as const) {
    if (Number.isNaN(Date.parse(record[column]))) bad(column, 'not a date and time (ISO 8601)')
  }
  return problems
}
