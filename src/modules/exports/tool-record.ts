import { label } from '../../i18n/i18n.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { ExportsRepository } from './exports.repository.ts'

/**
 * A whole tool as the open-data tables carry it (CSV, JSON) and the import command reads it back: texts in Dutch and
 * English, classifications as codes, organisations by name (municipalities and provinces with their CBS code), dates as
 * ISO text. Everything here survives an export, an import into an empty catalogue and another export unchanged.
 */
export interface ToolRecord {
  slug: string
  name_nl: string | null
  name_en: string | null
  description_nl: string | null
  description_en: string | null
  process_question_nl: string | null
  process_question_en: string | null
  occasion_nl: string | null
  occasion_en: string | null
  category: string
  form: string
  status: string
  origin: string
  processes: string[]
  themes: string[]
  sdg_targets: string[]
  /** Ratings against the design principles, Rathenau themes and preconditions ("code: rating" in CSV). */
  assessments: { criterion: string; rating: string }[]
  /** How the tool relates to the Living-in.EU MIMs ("mim2: implements" in CSV). */
  mims: { mim: string; relation: string }[]
  aliases: string[]
  website: string | null
  /** Links besides the website, in order ("kind: url" in CSV). */
  links: { kind: string; url: string }[]
  licence: string | null
  licence_not_applicable: boolean
  languages: string[]
  owners: string[]
  co_developers: string[]
  organising_parties: string[]
  partners: string[]
  /** Test municipalities with their pilot's status ("Name (GM0344): completed" in CSV). */
  pilots: { municipality: string; status: string }[]
  used_by: string[]
  started_on: string | null
  available_on: string | null
  retired_on: string | null
  created_at: string
  updated_at: string
}

/** Every field of a record, in the CSV's order (each is also a CSV column). */
export const RECORD_FIELDS = [
  'slug', 'name_nl', 'name_en', 'description_nl', 'description_en', 'process_question_nl', 'process_question_en', 'occasion_nl', 'occasion_en',
  'category', 'form', 'status', 'origin', 'processes', 'themes', 'sdg_targets', 'assessments', 'mims', 'aliases', 'website', 'links', 'licence',
  'licence_not_applicable', 'languages', 'owners', 'co_developers', 'organising_parties', 'partners', 'pilots', 'used_by', 'started_on',
  'available_on', 'retired_on', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ToolRecord)[]

/** An existing tool's record with the given fields taken from another (a file that gives only some). */
export function withFields(base: ToolRecord, from: ToolRecord, fields: readonly (keyof ToolRecord)[]): ToolRecord {
  const out: ToolRecord = { ...base }
  const take = <K extends keyof ToolRecord>(key: K) => {
    out[key] = from[key]
  }
  for (const field of fields) take(field)
  return out
}

/** The roles a tool's organisations have, each its own list (column) in the record. */
export const ROLE_FIELDS = { owner: 'owners', co_developer: 'co_developers', organising_party: 'organising_parties', partner: 'partners' } as const

/** An organisation as the tables name it: municipalities and provinces with their CBS code, which the import resolves. */
export function organisationLabel(o: { name: string; cbs_code: string | null }): string {
  return o.cbs_code ? `${o.name} (${o.cbs_code})` : o.name
}

const isoDate = (value: string | Date | null): string | null => {
  if (value === null) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return value.slice(0, 10)
}
const isoTime = (value: string | Date): string => new Date(value).toISOString()

function groupBy<T extends { tool_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const row of rows) {
    const id = Number(row.tool_id)
    const list = map.get(id)
    if (list) list.push(row)
    else map.set(id, [row])
  }
  return map
}

/** Reads whole tools (every one, or these ids) as records, by slug; a few queries whatever the number of tools. */
export async function readRecords(repository: ExportsRepository, ids?: readonly number[]): Promise<ToolRecord[]> {
  const [tools, children] = await Promise.all([repository.tools(ids), repository.children(ids)])
  const processes = groupBy(children.processes)
  const themes = groupBy(children.themes)
  const sdg = groupBy(children.sdg)
  const assessments = groupBy(children.assessments)
  const links = groupBy(children.links)
  const aliases = groupBy(children.aliases)
  const organisations = groupBy(children.organisations)
  const pilots = groupBy(children.pilots)
  const adoptions = groupBy(children.adoptions)
  const mims = groupBy(children.mims)
  return tools.map((t) => {
    const id = Number(t.id)
    const roles = organisations.get(id) ?? []
    const named = (role: keyof typeof ROLE_FIELDS) => roles.filter((r) => r.role === role).map(organisationLabel)
    return {
      slug: t.slug,
      name_nl: t.name_nl,
      name_en: t.name_en,
      description_nl: t.description_nl,
      description_en: t.description_en,
      process_question_nl: t.process_question_nl,
      process_question_en: t.process_question_en,
      occasion_nl: t.occasion_nl,
      occasion_en: t.occasion_en,
      category: t.category,
      form: t.form,
      status: t.status,
      origin: t.origin,
      processes: (processes.get(id) ?? []).map((r) => r.value),
      themes: (themes.get(id) ?? []).map((r) => r.value),
      sdg_targets: (sdg.get(id) ?? []).map((r) => r.value),
      assessments: (assessments.get(id) ?? []).map((r) => ({ criterion: r.criterion_code, rating: r.rating })),
      mims: (mims.get(id) ?? []).map((r) => ({ mim: r.mim_code, relation: r.relation })),
      aliases: (aliases.get(id) ?? []).map((r) => r.alias),
      website: t.website_url,
      links: (links.get(id) ?? []).filter((l) => !(l.kind === 'website' && l.url === t.website_url)).map((l) => ({ kind: l.kind, url: l.url })),
      licence: t.licence,
      licence_not_applicable: t.licence_not_applicable,
      languages: [...t.languages],
      owners: named('owner'),
      co_developers: named('co_developer'),
      organising_parties: named('organising_party'),
      partners: named('partner'),
      pilots: (pilots.get(id) ?? []).map((p) => ({ municipality: organisationLabel(p), status: p.status })),
      used_by: (adoptions.get(id) ?? []).map(organisationLabel),
      started_on: isoDate(t.started_on),
      available_on: isoDate(t.available_on),
      retired_on: isoDate(t.retired_on),
      created_at: isoTime(t.created_at),
      updated_at: isoTime(t.updated_at),
    }
  })
}

/** The CSV's columns, in order. Columns marked derived are for people reading the table; the import ignores them. */
export const CSV_COLUMNS = [
  'slug', 'name_nl', 'name_en', 'description_nl', 'description_en', 'process_question_nl', 'process_question_en', 'occasion_nl', 'occasion_en',
  'category', 'category_label_nl', 'category_label_en', 'form', 'form_label_nl', 'form_label_en', 'status', 'status_label_nl', 'status_label_en', 'origin',
  'processes', 'themes', 'sdg_targets', 'assessments', 'mims', 'aliases', 'website', 'links', 'licence', 'licence_not_applicable', 'languages',
  'owners', 'co_developers', 'organising_parties', 'partners', 'pilots', 'used_by', 'started_on', 'available_on', 'retired_on', 'created_at', 'updated_at',
  'page_nl', 'page_en',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export const DERIVED_COLUMNS: ReadonlySet<CsvColumn> = new Set([
  'category_label_nl', 'category_label_en', 'form_label_nl', 'form_label_en', 'status_label_nl', 'status_label_en', 'page_nl', 'page_en',
])

/** A list in one cell: items joined by "; " (a ";" inside an item would split it, so it becomes ","). */
export const joinList = (items: readonly string[]) => items.map((item) => item.replace(/;/g, ',')).join('; ')

/** One record as the CSV's cells, in CSV_COLUMNS order. */
export function recordCells(record: ToolRecord, reference: ReferenceData, publicUrl: string): string[] {
  const form = reference.formsByCode.get(record.form)
  const cells: Record<CsvColumn, string> = {
    slug: record.slug,
    name_nl: record.name_nl ?? '',
    name_en: record.name_en ?? '',
    description_nl: record.description_nl ?? '',
    description_en: record.description_en ?? '',
    process_question_nl: record.process_question_nl ?? '',
    process_question_en: record.process_question_en ?? '',
    occasion_nl: record.occasion_nl ?? '',
    occasion_en: record.occasion_en ?? '',
    category: record.category,
    category_label_nl: label('nl', 'category', record.category),
    category_label_en: label('en', 'category', record.category),
    form: record.form,
    form_label_nl: form?.name_nl ?? record.form,
    form_label_en: form?.name_en ?? record.form,
    status: record.status,
    status_label_nl: label('nl', 'status', record.status),
    status_label_en: label('en', 'status', record.status),
    origin: record.origin,
    processes: joinList(record.processes),
    themes: joinList(record.themes),
    sdg_targets: joinList(record.sdg_targets),
    assessments: joinList(record.assessments.map((a) => `${a.criterion}: ${a.rating}`)),
    mims: joinList(record.mims.map((m) => `${m.mim}: ${m.relation}`)),
    aliases: joinList(record.aliases),
    website: record.website ?? '',
    // A ";" in a URL is the same address as "%3B", and keeps the list intact.
    links: joinList(record.links.map((l) => `${l.kind}: ${l.url.replace(/;/g, '%3B')}`)),
    licence: record.licence ?? '',
    licence_not_applicable: record.licence_not_applicable ? 'yes' : 'no',
    languages: joinList(record.languages),
    owners: joinList(record.owners),
    co_developers: joinList(record.co_developers),
    organising_parties: joinList(record.organising_parties),
    partners: joinList(record.partners),
    pilots: joinList(record.pilots.map((p) => `${p.municipality}: ${p.status}`)),
    used_by: joinList(record.used_by),
    started_on: record.started_on ?? '',
    available_on: record.available_on ?? '',
    retired_on: record.retired_on ?? '',
    created_at: record.created_at,
    updated_at: record.updated_at,
    page_nl: `${publicUrl}/tools/${record.slug}`,
    page_en: `${publicUrl}/en/tools/${record.slug}`,
  }
  return CSV_COLUMNS.map((c) => cells[c])
}
