import { MIM_RELATIONS } from '../../../db/schema-open-data.ts'
import type { Tx } from '../../../db/transaction.ts'
import type { Actor } from '../../../lib/actor.ts'
import type { AuditRepository } from '../../audit/audit.repository.ts'
import type { OrganisationsRepository } from '../../organisations/organisations.repository.ts'
import type { PilotsRepository } from '../../pipeline/pilots.repository.ts'
import type { ToolsRepository } from '../../tools/tools.repository.ts'
import { ROLE_FIELDS, type ToolRecord } from '../tool-record.ts'

/** Finds an organisation by its label: its id, a name to create it under, or why it cannot be told apart. */
export interface OrganisationResolver {
  find(label: string): { id: number } | { create: string } | { problem: string }
  /** How the tables name an organisation that exists ("Utrecht (GM0344)"), for any of its names; the label itself otherwise. */
  canonical(label: string): string
}

const ACRONYM = /^[A-Z0-9][A-Z0-9./-]{1,11}$/

/**
 * Writes one record as a tool inside the caller's transaction: creates it (toolId undefined) or makes the existing one
 * say what the record says. What the table does not carry (link titles, explanations of ratings, SDG contributions,
 * alias kinds) is kept where the item stays the same. The tool's own dates come from the record, last.
 */
export async function writeTool(
  trx: Tx,
  deps: { tools: ToolsRepository; pilots: PilotsRepository; organisations: OrganisationsRepository; audit: AuditRepository },
  resolver: OrganisationResolver,
  record: ToolRecord,
  toolId: number | undefined,
  actor: Actor,
) {
  const organisationId = async (label: string): Promise<number> => {
    const found = resolver.find(label)
    if ('id' in found) return found.id
    if ('problem' in found) throw new Error(found.problem)
    const { organisation } = await deps.organisations.findOrCreateByName(trx, { name: found.create.slice(0, 200), kind: 'other' })
    return Number(organisation.id)
  }
  const columns = {
    name_nl: record.name_nl,
    name_en: record.name_en,
    description_nl: record.description_nl,
    description_en: record.description_en,
    process_question_nl: record.process_question_nl,
    process_question_en: record.process_question_en,
    occasion_nl: record.occasion_nl,
    occasion_en: record.occasion_en,
    category: record.category,
    form: record.form,
    status: record.status,
    origin: record.origin,
    licence: record.licence,
    licence_not_applicable: record.licence_not_applicable,
    website_url: record.website,
    languages: record.languages,
    started_on: record.started_on,
    available_on: record.available_on,
    retired_on: record.retired_on,
  }
  const before = toolId === undefined ? undefined : await deps.tools.findById(toolId, trx)
  const tool = before
    ? await deps.tools.saveTool(trx, toolId!, columns)
    : await deps.tools.createTool(trx, record.slug, { ...columns, created_at: new Date(record.created_at) })
  const id = Number(tool.id)
  const kept = before ? await deps.tools.editable(id, trx) : undefined

  await deps.tools.replaceProcesses(trx, id, record.processes)
  await deps.tools.replaceThemes(trx, id, record.themes)
  const contributions = new Map(kept?.sdgTargets.map((s) => [s.target_code, s]) ?? [])
  await deps.tools.replaceSdgTargets(
    trx,
    id,
    record.sdg_targets.map((code) => ({ target_code: code, contribution_nl: contributions.get(code)?.contribution_nl ?? null, contribution_en: contributions.get(code)?.contribution_en ?? null })),
  )
  const ratings = new Map(kept?.assessments.map((a) => [a.criterion_code, a]) ?? [])
  await deps.tools.replaceAssessments(
    trx,
    id,
    record.assessments.map((a) => {
      const same = ratings.get(a.criterion)
      const keep = same !== undefined && same.rating === a.rating
      return {
        criterion_code: a.criterion,
        rating: a.rating === 'meets' || a.rating === 'partly' || a.rating === 'does_not_meet' || a.rating === 'not_applicable' ? a.rating : 'unknown',
        explanation_nl: keep ? same.explanation_nl : null,
        explanation_en: keep ? same.explanation_en : null,
        evidence_url: keep ? same.evidence_url : null,
        assessed_on: keep ? same.assessed_on : null,
        assessed_by_organisation_id: keep ? same.assessed_by_organisation_id : null,
      }
    }),
  )
  await deps.tools.replaceMims(trx, id, record.mims.map((m) => ({ mim_code: m.mim, relation: MIM_RELATIONS.find((r) => r === m.relation) ?? 'references' })))
  const titles = new Map(kept?.links.map((l) => [`${l.kind} ${l.url}`, l]) ?? [])
  const links = [...(record.website ? [{ kind: 'website', url: record.website }] : []), ...record.links]
  await deps.tools.replaceLinks(
    trx,
    id,
    links.map((l) => {
      const same = titles.get(`${l.kind} ${l.url}`)
      const website = l.kind === 'website' && l.url === record.website
      return { kind: l.kind, url: l.url, title_nl: same?.title_nl ?? (website ? 'Website' : null), title_en: same?.title_en ?? (website ? 'Website' : null), language: same?.language ?? null }
    }),
  )
  const aliases = new Map(kept?.aliases.map((a) => [a.alias, a]) ?? [])
  await deps.tools.replaceAliases(
    trx,
    id,
    record.aliases.map((alias) => ({ alias, kind: aliases.get(alias)?.kind ?? (ACRONYM.test(alias) ? 'acronym' : 'other_name'), language: aliases.get(alias)?.language ?? null })),
  )
  const involvement = new Map(kept?.organisations.map((o) => [`${o.role} ${o.organisation_id}`, o.involvement]) ?? [])
  const roles: { organisation_id: number; role: string; involvement: string | null }[] = []
  for (const [role, field] of Object.entries(ROLE_FIELDS)) {
    for (const label of record[field]) {
      const orgId = await organisationId(label)
      if (!roles.some((r) => r.organisation_id === orgId && r.role === role)) roles.push({ organisation_id: orgId, role, involvement: involvement.get(`${role} ${orgId}`) ?? null })
    }
  }
  await deps.tools.replaceOrganisationRoles(trx, id, roles)

  const pilotIds: number[] = []
  for (const pilot of record.pilots) {
    const municipalityId = await organisationId(pilot.municipality)
    pilotIds.push(municipalityId)
    await deps.pilots.save(trx, id, municipalityId, { status: pilot.status === 'interested' || pilot.status === 'committed' || pilot.status === 'running' || pilot.status === 'completed' ? pilot.status : 'withdrawn' })
  }
  if (before) await deps.pilots.removeOthers(trx, id, pilotIds)
  const adopters: number[] = []
  for (const label of record.used_by) {
    const orgId = await organisationId(label)
    adopters.push(orgId)
    await deps.pilots.saveAdoption(trx, id, orgId, {})
  }
  if (before) {
    for (const old of await deps.tools.adoptionsOf(id, trx)) if (!adopters.includes(Number(old.organisation_id))) await deps.pilots.removeAdoption(trx, id, Number(old.organisation_id))
  }

  await deps.tools.refreshDerived(trx, [id])
  if (!before || before.status !== record.status) await deps.tools.recordStatus(trx, id, record.status, { role: null, organisationId: null })
  // Last, so that the triggers that date every change do not overwrite it: the tool as of the file's moment.
  await deps.tools.updateTool(trx, id, { updated_at: new Date(record.updated_at) })
  await deps.audit.record(trx, actor, { action: before ? 'tool.import_updated' : 'tool.imported', entityType: 'tool', entityId: id, after: record })
}
