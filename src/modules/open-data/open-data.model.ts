// The catalogue's rows grouped per tool, and what DCAT-AP-NL requires of a tool that the data may lack. Pure.
import type { MimRelation } from '../../db/schema-open-data.ts'
import type { RoleConcept } from '../vocabularies/vocabularies.model.ts'
import type { CatalogueRows } from './open-data.repository.ts'

export interface AgentRef {
  slug: string
  name: string
  websiteUrl: string | null
}

export interface ToolRecord {
  tool: CatalogueRows['tools'][number]
  processes: string[]
  themes: string[]
  sdgTargets: string[]
  /** Design principles and preconditions the tool meets, as its assessment says. */
  meets: { code: string; scheme: 'principles' | 'preconditions' }[]
  links: CatalogueRows['links']
  /** Every organisation with its role: the catalogue's roles, test municipalities (pilots) and adopters. */
  roles: { role: RoleConcept; lead: boolean; agent: AgentRef }[]
  mims: { code: string; relation: MimRelation }[]
  aliases: { alias: string; language: string | null }[]
}

/** A required field a tool lacks: DCAT-AP-NL (and DCAT-AP) ask for it, so the tool is left out of the export. */
export const MISSING_FIELDS = ['title', 'description', 'owner'] as const
export type MissingField = (typeof MISSING_FIELDS)[number]

function groupBy<T extends { tool_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const row of rows) {
    const list = map.get(row.tool_id)
    if (list) list.push(row)
    else map.set(row.tool_id, [row])
  }
  return map
}

const agent = (r: { slug: string; name: string; website_url: string | null }): AgentRef => ({ slug: r.slug, name: r.name, websiteUrl: r.website_url })

/** One record per tool, in id order. */
export function toolRecords(rows: CatalogueRows): ToolRecord[] {
  const processes = groupBy(rows.processes)
  const themes = groupBy(rows.themes)
  const sdg = groupBy(rows.sdg)
  const principles = groupBy(rows.principles)
  const links = groupBy(rows.links)
  const roles = groupBy(rows.roles)
  const pilots = groupBy(rows.pilots)
  const adoptions = groupBy(rows.adoptions)
  const mims = groupBy(rows.mims)
  const aliases = groupBy(rows.aliases)
  return rows.tools.map((tool) => ({
    tool,
    processes: (processes.get(tool.id) ?? []).map((p) => p.process),
    themes: (themes.get(tool.id) ?? []).map((t) => t.criterion_code),
    sdgTargets: (sdg.get(tool.id) ?? []).map((s) => s.target_code),
    meets: (principles.get(tool.id) ?? []).map((a) => ({ code: a.criterion_code, scheme: a.family === 'principle' ? ('principles' as const) : ('preconditions' as const) })),
    links: links.get(tool.id) ?? [],
    roles: [
      ...(roles.get(tool.id) ?? []).map((r) => ({ role: r.role as RoleConcept, lead: r.involvement === 'lead', agent: agent(r) })),
      ...(pilots.get(tool.id) ?? []).map((r) => ({ role: 'test_municipality' as const, lead: false, agent: agent(r) })),
      ...(adoptions.get(tool.id) ?? []).map((r) => ({ role: 'adopter' as const, lead: false, agent: agent(r) })),
    ],
    mims: (mims.get(tool.id) ?? []).map((m) => ({ code: m.mim_code, relation: m.relation })),
    aliases: (aliases.get(tool.id) ?? []).map((a) => ({ alias: a.alias, language: a.language })),
  }))
}

/** The owners; the one that leads first, then by name. The first is the publisher (DCAT-AP allows one). */
export function owners(record: ToolRecord): AgentRef[] {
  return record.roles
    .filter((r) => r.role === 'owner')
    .sort((a, b) => Number(b.lead) - Number(a.lead) || a.agent.name.localeCompare(b.agent.name, 'nl'))
    .map((r) => r.agent)
}

/** What the tool lacks of what DCAT-AP-NL requires (dct:title, dct:description, dct:publisher and dct:creator). */
export function missingFields(record: ToolRecord): MissingField[] {
  const { tool } = record
  const missing: MissingField[] = []
  if (!tool.name_nl && !tool.name_en) missing.push('title')
  if (!tool.description_nl?.trim() && !tool.description_en?.trim()) missing.push('description')
  if (owners(record).length === 0) missing.push('owner')
  return missing
}
