// Merging two tools, as pure functions over what both hold: the curator chooses per field which tool's value the
// staying tool keeps; lists are united (the staying tool's row wins where both have one); no name, address or link
// of either tool is lost: a name not kept becomes an other name of the staying tool, a website not kept one of its
// links. The comparison page previews with these functions and the merge saves their result.
import type { Selectable } from 'kysely'
import type { ToolsTable } from '../../db/schema.ts'
import { normalizeName } from '../submissions/similarity.text.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { ToolChanges } from '../tools/tools.writes.repository.ts'

/** The fields a curator chooses between, in the order the comparison shows them. */
export const MERGE_FIELDS = [
  'nameNl',
  'nameEn',
  'descriptionNl',
  'descriptionEn',
  'processQuestionNl',
  'processQuestionEn',
  'occasionNl',
  'occasionEn',
  'category',
  'form',
  'lifecycle',
  'origin',
  'licence',
  'websiteUrl',
  'startedOn',
  'availableOn',
] as const
export type MergeField = (typeof MERGE_FIELDS)[number]
/** Which tool a field's value comes from: the one that stays ('this') or the one merged into it ('other'). */
export type Side = 'this' | 'other'
export type MergeChoices = Partial<Record<MergeField, Side>>

export type ToolRow = Selectable<ToolsTable>
/** A tool with everything a merge unites. */
export type MergeSource = { tool: ToolRow } & Awaited<ReturnType<ToolsRepository['editable']>>

/** The columns each field carries: a status carries its retirement, a licence whether one applies at all. */
const COLUMNS = {
  nameNl: ['name_nl'],
  nameEn: ['name_en'],
  descriptionNl: ['description_nl'],
  descriptionEn: ['description_en'],
  processQuestionNl: ['process_question_nl'],
  processQuestionEn: ['process_question_en'],
  occasionNl: ['occasion_nl'],
  occasionEn: ['occasion_en'],
  category: ['category'],
  form: ['form'],
  lifecycle: ['status', 'retired_on', 'retired_reason_nl', 'retired_reason_en', 'replaced_by_tool_id'],
  origin: ['origin'],
  licence: ['licence', 'licence_not_applicable'],
  websiteUrl: ['website_url'],
  startedOn: ['started_on'],
  availableOn: ['available_on'],
} as const satisfies Record<MergeField, readonly (keyof ToolRow)[]>

/** A field's value as the comparison compares and shows it (null: nothing recorded). */
export function fieldValue(tool: ToolRow, field: MergeField): string | null {
  if (field === 'licence') return tool.licence_not_applicable ? 'not_applicable' : tool.licence
  const value = tool[COLUMNS[field][0]]
  return value === null || value === undefined || value === '' ? null : String(value)
}

/** Whether the two tools differ in a field, so that the curator has a choice to make. */
export function differs(stay: ToolRow, leave: ToolRow, field: MergeField): boolean {
  return fieldValue(stay, field) !== fieldValue(leave, field)
}

/**
 * The side chosen when the curator has not chosen: the staying tool's value, unless it has none and the other has
 * one, or it is retired and the other is not (merging a tool into its successor's place).
 */
export function defaultChoice(stay: ToolRow, leave: ToolRow, field: MergeField): Side {
  if (field === 'lifecycle') return stay.status === 'retired' && leave.status !== 'retired' ? 'other' : 'this'
  return fieldValue(stay, field) === null && fieldValue(leave, field) !== null ? 'other' : 'this'
}

export interface MergeResult {
  /** The staying tool's columns after the merge. */
  changes: ToolChanges
  processes: string[]
  themes: string[]
  sdgTargets: { target_code: string; contribution_nl: string | null; contribution_en: string | null }[]
  assessments: Omit<MergeSource['assessments'][number], 'assessed_by_name'>[]
  links: MergeSource['links']
  aliases: MergeSource['aliases']
  organisations: {
    organisation_id: number
    role: string
    involvement: string | null
  }[]
  /** MIM tags of both; where both have one for a MIM, the staying tool's relation. */
  mims: MergeSource['mims']
  /** What came from the disappearing tool, for the preview and the audit entry. */
  added: { processes: string[]; themes: string[]; sdgTargets: string[]; assessments: string[]; links: string[]; aliases: string[]; organisations: { organisation_id: number; role: string }[] }
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])]

/** The staying tool as it will be: each field from the chosen side, every list united. */
export function mergeTools(stay: MergeSource, leave: MergeSource, choices: MergeChoices): MergeResult {
  const changes: Record<string, unknown> = {}
  for (const field of MERGE_FIELDS) {
    const from = (choices[field] ?? defaultChoice(stay.tool, leave.tool, field)) === 'other' ? leave.tool : stay.tool
    for (const column of COLUMNS[field]) changes[column] = from[column]
  }
  // The staying tool cannot be replaced by itself, nor by the tool that disappears into it.
  if (changes.replaced_by_tool_id === stay.tool.id || changes.replaced_by_tool_id === leave.tool.id) changes.replaced_by_tool_id = null
  changes.languages = union(stay.tool.languages, leave.tool.languages)

  const sdg = new Map(stay.sdgTargets.map((s) => [s.target_code, { ...s }]))
  const sdgAdded: string[] = []
  for (const s of leave.sdgTargets) {
    const mine = sdg.get(s.target_code)
    if (!mine) {
      sdg.set(s.target_code, { ...s })
      sdgAdded.push(s.target_code)
    } else {
      mine.contribution_nl ??= s.contribution_nl
      mine.contribution_en ??= s.contribution_en
    }
  }

  const assessed = new Set(stay.assessments.map((a) => a.criterion_code))
  const strip = ({ assessed_by_name: _name, ...a }: MergeSource['assessments'][number]) => a
  const assessmentsAdded = leave.assessments.filter((a) => !assessed.has(a.criterion_code))

  const website = changes.website_url as string | null
  const urls = new Set(stay.links.map((l) => l.url))
  const linksAdded: MergeSource['links'] = leave.links.filter((l) => !urls.has(l.url))
  // A website not kept as the tool's website stays one of its links.
  for (const url of [stay.tool.website_url, leave.tool.website_url]) {
    if (url && url !== website && !urls.has(url) && !linksAdded.some((l) => l.url === url)) linksAdded.push({ kind: 'website', url, title_nl: null, title_en: null, language: null })
  }

  const names = [changes.name_nl, changes.name_en].filter((n): n is string => typeof n === 'string')
  const known = new Set([...names, ...stay.aliases.map((a) => a.alias)].map(normalizeName))
  const aliasesAdded: MergeSource['aliases'] = []
  const addAlias = (alias: string | null, kind: MergeSource['aliases'][number]['kind'], language: string | null) => {
    if (!alias || known.has(normalizeName(alias))) return
    known.add(normalizeName(alias))
    aliasesAdded.push({ alias, kind, language })
  }
  // Names a tool was known by keep finding it: the staying tool's replaced names, the other tool's names and aliases.
  addAlias(stay.tool.name_nl, 'former_name', 'nl')
  addAlias(stay.tool.name_en, 'former_name', 'en')
  addAlias(leave.tool.name_nl, 'other_name', 'nl')
  addAlias(leave.tool.name_en, 'other_name', 'en')
  for (const a of leave.aliases) addAlias(a.alias, a.kind, a.language)

  const roleKey = (r: { organisation_id: number; role: string }) => `${r.organisation_id}:${r.role}`
  const roles = new Set(stay.organisations.map(roleKey))
  const organisationRow = (r: MergeSource['organisations'][number]) => ({
    organisation_id: r.organisation_id,
    role: r.role,
    involvement: r.involvement,
  })
  const organisationsAdded = leave.organisations.filter((r) => !roles.has(roleKey(r)))

  return {
    changes: changes as ToolChanges,
    processes: union(stay.processes, leave.processes),
    themes: union(stay.themes, leave.themes),
    sdgTargets: [...sdg.values()].sort((a, b) => a.target_code.localeCompare(b.target_code)),
    assessments: [...stay.assessments.map(strip), ...assessmentsAdded.map(strip)],
    links: [...stay.links, ...linksAdded],
    aliases: [...stay.aliases, ...aliasesAdded],
    organisations: [...stay.organisations.map(organisationRow), ...organisationsAdded.map(organisationRow)],
    mims: [...stay.mims, ...leave.mims.filter((m) => !stay.mims.some((s) => s.mim_code === m.mim_code))].sort((a, b) => a.mim_code.localeCompare(b.mim_code)),
    added: {
      processes: leave.processes.filter((p) => !stay.processes.includes(p)),
      themes: leave.themes.filter((t) => !stay.themes.includes(t)),
      sdgTargets: sdgAdded,
      assessments: assessmentsAdded.map((a) => a.criterion_code),
      links: linksAdded.map((l) => l.url),
      aliases: aliasesAdded.map((a) => a.alias),
      organisations: organisationsAdded.map((r) => ({ organisation_id: r.organisation_id, role: r.role })),
    },
  }
}
