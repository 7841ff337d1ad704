import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { actorOf, type Actor } from '../../lib/actor.ts'
import { authorize, can } from '../../lib/policy.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { gateProblem, gateReasons } from '../tools/tools.gate.ts'
import type { PilotsRepository } from '../pipeline/pilots.repository.ts'
import { COMMON_LICENCES, type Role } from '../tools/tools.constants.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { ToolChanges } from '../tools/tools.writes.repository.ts'
import { rowField } from './tool-editing.rows.ts'
import type { AliasRow, AssessmentRow, BasicsInput, LinkRow, MimRow, OrganisationRow, PilotRow, SdgRow } from './tool-editing.schemas.ts'

/** The parts of a tool an editor saves one at a time, each on a page of its own. */
export const SECTIONS = ['basics', 'links', 'sdg', 'assessments', 'organisations', 'pilots', 'mims'] as const
/** Sections only curators and administrators edit (catalogue.edit): the MIM tags are the catalogue's classification. */
export const CURATOR_SECTIONS: ReadonlySet<Section> = new Set(['mims'])
export type Section = (typeof SECTIONS)[number]

/** Tools in these statuses are being developed: they keep an owner (the City Deal's rule). */
const DEVELOPING = new Set(['in_development', 'testing'])

/** Someone saved the tool after this editor opened it: what they changed, for the editor to see before saving again. */
export class ToolConflictError extends ConflictError {
  readonly changes: Awaited<ReturnType<AuditRepository['changesSince']>>
  readonly currentVersion: number
  constructor(changes: ToolConflictError['changes'], currentVersion: number) {
    super('editing.conflict')
    this.changes = changes
    this.currentVersion = currentVersion
  }
}

export interface ToolEditingDeps {
  transaction: RunInTransaction
  tools: ToolsRepository
  pilots: PilotsRepository
  organisations: Pick<OrganisationsService, 'resolve'>
  audit: AuditRepository
  reference: ReferenceData
}

const today = () => new Date().toISOString().slice(0, 10)
const blankToNull = (value: string | undefined) => (value && value.trim() !== '' ? value : null)

/** Editing a tool, part by part: who may, a version check against lost updates, the audit entry of every save. */
export function createToolEditingService(deps: ToolEditingDeps) {
  const { transaction, tools, audit, reference } = deps

  /** The tool and who may edit it; NotFoundError for an unknown slug, 401/403 for someone who may not. */
  async function loadForEditing(actor: Actor, slug: string, x?: Tx) {
    const tool = x ? await tools.lockBySlug(x, slug) : await tools.findBySlug(slug)
    if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    const organisationRoles = await tools.organisationRoles(tool.id, x)
    const editor = authorize(actor, 'tool.edit', { organisationRoles })
    return { tool, editor }
  }

  /**
   * One save: locks the tool, checks who may edit it and that nobody saved it since `version`, runs the section's
   * work, counts the version up, refreshes the search keys and records before and after in the audit log.
   */
  async function save(actor: Actor, slug: string, version: number, section: Section, work: (trx: Tx, tool: NonNullable<Awaited<ReturnType<ToolsRepository['findBySlug']>>>) => Promise<ToolChanges>) {
    return transaction(async (trx) => {
      const { tool } = await loadForEditing(actor, slug, trx)
      if (tool.version !== version) throw new ToolConflictError(await audit.changesSince('tool', tool.id, version, trx), tool.version)
      const before = await snapshot(trx, tool.id, section, tool)
      const changes = await work(trx, tool)
      const after = await tools.saveTool(trx, tool.id, changes)
      if (after.status !== tool.status) await tools.recordStatus(trx, tool.id, after.status, actorOf(actor))
      await tools.refreshDerived(trx, [tool.id])
      await audit.record(trx, actor, {
        action: 'tool.updated',
        entityType: 'tool',
        entityId: tool.id,
        before: { section, version: tool.version, ...before },
        after: { section, version: after.version, ...(await snapshot(trx, tool.id, section, after)) },
      })
      return after
    })
  }

  /** What a section holds now, as the audit log keeps it. */
  async function snapshot(trx: Tx, toolId: number, section: Section, tool: Record<string, unknown>) {
    const e = await tools.editable(toolId, trx)
    switch (section) {
      case 'basics': {
        const { search_vector: _v, search_names: _n, facet_keys: _f, match_keys: _m, version: _version, created_at: _c, updated_at: _u, ...columns } = tool
        return { ...columns, processes: e.processes, themes: e.themes }
      }
      case 'links':
        return { links: e.links, aliases: e.aliases }
      case 'sdg':
        return { sdgTargets: e.sdgTargets }
      case 'assessments':
        return { assessments: e.assessments.map(({ assessed_by_name: _name, ...a }) => a) }
      case 'organisations':
        return { organisations: e.organisations.map(({ organisation_name: _n, organisation_slug: _s, organisation_kind: _k, ...r }) => r) }
      case 'pilots':
        return { pilots: (await tools.pilotsOf(toolId, trx)).map(({ municipality_slug: _s, municipality_cbs_code: _c, id: _id, ...p }) => p) }
      case 'mims':
        return { mims: e.mims }
    }
  }

  return {
    /** A tool with everything an editor changes, for the edit pages (authorized as for saving). */
    async load(actor: Actor, slug: string) {
      const { tool, editor } = await loadForEditing(actor, slug)
      const [editable, pilots] = await Promise.all([tools.editable(tool.id), tools.pilotsOf(tool.id)])
      return { tool, ...editable, pilots, mayEditCatalogue: can(editor, 'catalogue.edit') }
    },

    /** Names and texts in both languages, classification, licence, dates, languages, processes, themes, the slug. */
    saveBasics: (actor: Actor, slug: string, input: BasicsInput) =>
      save(actor, slug, input.version, 'basics', async (trx, tool) => {
        const problems: FieldProblem[] = []
        if (!input.nameNl && !input.nameEn) problems.push({ name: 'nameNl', messageKey: 'editing.nameRequired' })
        if (!reference.formsByCode.has(input.form)) problems.push({ name: 'form', messageKey: 'validation.unknownValue', params: { value: input.form } })
        const rathenau = new Set(reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code))
        const badTheme = (input.themes ?? []).find((t) => !rathenau.has(t))
        if (badTheme) problems.push({ name: 'themes', messageKey: 'validation.unknownValue', params: { value: badTheme } })
        // Retiring asks for a reason and a successor: it has a page of its own.
        if (input.lifecycle === 'retired' && tool.status !== 'retired') problems.push({ name: 'lifecycle', messageKey: 'editing.retireOnItsPage' })
        // The City Deal's gate, on the facts as they are in this transaction.
        else if (input.lifecycle !== tool.status) {
          const reasons = gateReasons({ origin: input.origin, ...(await deps.pilots.gateFacts(tool.id, trx)) }, tool.status, input.lifecycle)
          if (reasons.length > 0) problems.push(gateProblem('lifecycle', reasons))
        }
        const choice = input.licenceChoice ?? ''
        if (choice !== '' && choice !== 'other' && choice !== 'not_applicable' && !(COMMON_LICENCES as readonly string[]).includes(choice)) {
          problems.push({ name: 'licenceChoice', messageKey: 'validation.unknownValue', params: { value: choice.slice(0, 40) } })
        }
        if (choice === 'other' && !input.licenceOther) problems.push({ name: 'licenceOther', messageKey: 'editing.licenceOtherRequired' })
        const newSlug = input.slug && input.slug !== tool.slug ? input.slug : undefined
        if (newSlug) {
          if (!can(actor, 'catalogue.edit')) problems.push({ name: 'slug', messageKey: 'editing.slugCuratorsOnly' })
          else if (!(await tools.slugFreeFor(trx, newSlug, tool.id))) problems.push({ name: 'slug', messageKey: 'editing.slugTaken' })
        }
        if (problems.length > 0) throw new ValidationError(problems)
        await tools.replaceProcesses(trx, tool.id, input.processes ?? [])
        await tools.replaceThemes(trx, tool.id, input.themes ?? [])
        if (newSlug) await tools.moveSlug(trx, tool.id, tool.slug, newSlug)
        const unretire = tool.status === 'retired' && input.lifecycle !== 'retired'
        return {
          name_nl: input.nameNl ?? null,
          name_en: input.nameEn ?? null,
          description_nl: input.descriptionNl ?? null,
          description_en: input.descriptionEn ?? null,
          process_question_nl: input.processQuestionNl ?? null,
          process_question_en: input.processQuestionEn ?? null,
          occasion_nl: input.occasionNl ?? null,
          occasion_en: input.occasionEn ?? null,
          category: input.category,
          form: input.form,
          status: input.lifecycle,
          origin: input.origin,
          website_url: input.websiteUrl ?? null,
          licence: choice === 'other' ? (input.licenceOther ?? null) : choice === '' || choice === 'not_applicable' ? null : choice,
          licence_not_applicable: choice === 'not_applicable',
          started_on: input.startedOn ?? null,
          available_on: input.availableOn ?? null,
          languages: input.languages ?? [],
          ...(newSlug ? { slug: newSlug } : {}),
          ...(unretire ? { retired_on: null, retired_reason_nl: null, retired_reason_en: null, replaced_by_tool_id: null } : {}),
        }
      }),

    /** The tool's links (websites, documents, source) and its other names (aliases, acronyms, translations). */
    saveLinks: (actor: Actor, slug: string, version: number, links: { index: number; row: LinkRow }[], aliases: { index: number; row: AliasRow }[]) =>
      save(actor, slug, version, 'links', async (trx, tool) => {
        const problems: FieldProblem[] = []
        const urls = new Set<string>()
        for (const { index, row } of links) {
          if (urls.has(row.url)) problems.push({ name: rowField('link', index, 'url'), messageKey: 'editing.duplicateLink' })
          urls.add(row.url)
        }
        const names = new Set<string>()
        for (const { index, row } of aliases) {
          const key = row.alias.toLowerCase()
          if (names.has(key)) problems.push({ name: rowField('alias', index, 'alias'), messageKey: 'editing.duplicateAlias' })
          names.add(key)
        }
        if (problems.length > 0) throw new ValidationError(problems)
        await tools.replaceLinks(trx, tool.id, links.map(({ row }) => ({ kind: row.kind, url: row.url, title_nl: row.titleNl ?? null, title_en: row.titleEn ?? null, language: row.language ?? null })))
        await tools.replaceAliases(trx, tool.id, aliases.map(({ row }) => ({ alias: row.alias, kind: row.kind, language: row.language ?? null })))
        return {}
      }),

    /** The SDG 11 targets the tool contributes to, with how, in both languages. */
    saveSdg: (actor: Actor, slug: string, version: number, rows: { index: number; row: SdgRow }[]) =>
      save(actor, slug, version, 'sdg', async (trx, tool) => {
        const known = new Set(reference.sdgTargets.map((t) => t.code))
        const bad = rows.find(({ row }) => !known.has(row.code))
        if (bad) throw new ValidationError([{ name: rowField('sdg', bad.index, 'code'), messageKey: 'validation.unknownValue', params: { value: bad.row.code } }])
        // A contribution written down means the tool contributes, ticked or not.
        const chosen = rows.filter(({ row }) => row.contributes === 'on' || row.contributionNl || row.contributionEn)
        await tools.replaceSdgTargets(trx, tool.id, chosen.map(({ row }) => ({ target_code: row.code, contribution_nl: row.contributionNl ?? null, contribution_en: row.contributionEn ?? null })))
        return {}
      }),

    /** The assessment against each of the 14 criteria: rating, explanation, evidence, who and when. */
    saveAssessments: (actor: Actor, slug: string, version: number, rows: { index: number; row: AssessmentRow }[]) =>
      save(actor, slug, version, 'assessments', async (trx, tool) => {
        const problems: FieldProblem[] = []
        const assessed: Parameters<ToolsRepository['replaceAssessments']>[2] = []
        for (const { index, row } of rows) {
          if (!reference.criteriaByCode.has(row.code)) {
            problems.push({ name: rowField('assessment', index, 'rating'), messageKey: 'validation.unknownValue', params: { value: row.code } })
            continue
          }
          if (!row.rating) {
            if (row.explanationNl || row.explanationEn || row.evidenceUrl || row.assessedBy) problems.push({ name: rowField('assessment', index, 'rating'), messageKey: 'editing.ratingRequired' })
            continue
          }
          let assessedBy: number | null = null
          if (row.assessedBy) {
            try {
              assessedBy = (await deps.organisations.resolve(row.assessedBy, rowField('assessment', index, 'assessedBy'), trx)).id
            } catch (error) {
              if (!(error instanceof ValidationError)) throw error
              problems.push(...error.details)
              continue
            }
          }
          assessed.push({
            criterion_code: row.code,
            rating: row.rating,
            explanation_nl: row.explanationNl ?? null,
            explanation_en: row.explanationEn ?? null,
            evidence_url: row.evidenceUrl ?? null,
            assessed_by_organisation_id: assessedBy,
            assessed_on: row.assessedOn ?? today(),
          })
        }
        if (problems.length > 0) throw new ValidationError(problems)
        await tools.replaceAssessments(trx, tool.id, assessed)
        return {}
      }),

    /** The organisations involved, with their role and involvement; test municipalities with their result. */
    saveOrganisations: (actor: Actor, slug: string, version: number, rows: { index: number; row: OrganisationRow }[]) =>
      save(actor, slug, version, 'organisations', async (trx, tool) => {
        const problems: FieldProblem[] = []
        const roles: Parameters<ToolsRepository['replaceOrganisationRoles']>[2] = []
        const seen = new Set<string>()
        for (const { index, row } of rows) {
          let organisation: Awaited<ReturnType<OrganisationsService['resolve']>>
          try {
            organisation = await deps.organisations.resolve(row.organisation, rowField('org', index, 'organisation'), trx)
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error
            problems.push(...error.details)
            continue
          }
          const key = `${organisation.id}:${row.role}`
          if (seen.has(key)) problems.push({ name: rowField('org', index, 'role'), messageKey: 'editing.duplicateRole', params: { name: organisation.name } })
          seen.add(key)
          roles.push({ organisation_id: organisation.id, role: row.role, involvement: row.involvement ?? null })
        }
        const hadOwner = (await tools.organisationRoles(tool.id, trx)).some((r) => r.role === 'owner')
        if (DEVELOPING.has(tool.status) && hadOwner && !roles.some((r) => r.role === ('owner' satisfies Role))) {
          problems.push({ name: 'organisations', messageKey: 'editing.lastOwner' })
        }
        if (problems.length > 0) throw new ValidationError(problems)
        await tools.replaceOrganisationRoles(trx, tool.id, roles)
        return {}
      }),

    /** How the tool relates to each Living-in.EU MIM (implements, supports, references); curators only. */
    saveMims: (actor: Actor, slug: string, version: number, rows: { index: number; row: MimRow }[]) =>
      save(actor, slug, version, 'mims', async (trx, tool) => {
        authorize(actor, 'catalogue.edit')
        const known = new Set(reference.mims.map((m) => m.code))
        const problems: FieldProblem[] = []
        const seen = new Set<string>()
        for (const { index, row } of rows) {
          if (!known.has(row.code) || seen.has(row.code)) problems.push({ name: rowField('mim', index, 'relation'), messageKey: 'validation.unknownValue', params: { value: row.code } })
          seen.add(row.code)
        }
        if (problems.length > 0) throw new ValidationError(problems)
        await tools.replaceMims(trx, tool.id, rows.flatMap(({ row }) => (row.relation ? [{ mim_code: row.code, relation: row.relation }] : [])))
        return {}
      }),

    /** The tool's pilots: per municipality how far it got, what was tested, the outcome and what was learned. */
    savePilots: (actor: Actor, slug: string, version: number, rows: { index: number; row: PilotRow }[]) =>
      save(actor, slug, version, 'pilots', async (trx, tool) => {
        const problems: FieldProblem[] = []
        const saved: { municipalityId: number; row: PilotRow }[] = []
        for (const { index, row } of rows) {
          let municipality: Awaited<ReturnType<OrganisationsService['resolve']>>
          try {
            municipality = await deps.organisations.resolve(row.municipality, rowField('pilot', index, 'municipality'), trx)
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error
            problems.push(...error.details)
            continue
          }
          if (municipality.kind !== 'municipality') problems.push({ name: rowField('pilot', index, 'municipality'), messageKey: 'editing.testNeedsMunicipality', params: { name: municipality.name } })
          else if (saved.some((p) => p.municipalityId === municipality.id)) problems.push({ name: rowField('pilot', index, 'municipality'), messageKey: 'editing.duplicatePilot', params: { name: municipality.name } })
          if (row.outcome && row.status !== 'completed') problems.push({ name: rowField('pilot', index, 'outcome'), messageKey: 'editing.outcomeOnlyCompleted' })
          saved.push({ municipalityId: municipality.id, row })
        }
        if (problems.length > 0) throw new ValidationError(problems)
        await deps.pilots.removeOthers(trx, tool.id, saved.map((p) => p.municipalityId))
        for (const { municipalityId, row } of saved) {
          await deps.pilots.save(trx, tool.id, municipalityId, {
            status: row.status,
            committed_on: row.committedOn ?? (row.status === 'interested' || row.status === 'withdrawn' ? null : today()),
            started_on: row.startedOn ?? null,
            completed_on: row.completedOn ?? (row.status === 'completed' ? today() : null),
            tested_nl: row.testedNl ?? null,
            tested_en: row.testedEn ?? null,
            outcome: row.outcome ?? null,
            lessons_nl: row.lessonsNl ?? null,
            lessons_en: row.lessonsEn ?? null,
            evidence_url: row.evidenceUrl ?? null,
          })
        }
        return {}
      }),
  }
}
export type ToolEditingService = ReturnType<typeof createToolEditingService>
/** A tool with everything an editor changes, as the edit pages show it. */
export type LoadedTool = Awaited<ReturnType<ToolEditingService['load']>>
