import type { Executor, RunInTransaction, Tx } from '../../db/transaction.ts'
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { actorOf, type Actor } from '../../lib/actor.ts'
import { isSlug, slugify } from '../../lib/slug.ts'
import { authorize } from '../../lib/policy.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { SubmissionsRepository } from '../submissions/submissions.repository.ts'
import { DuplicatesFoundError, type SubmissionsService } from '../submissions/submissions.service.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import { ToolConflictError } from './tool-editing.service.ts'
import type { CreateToolInput, MergeInput, RetireInput } from './tool-lifecycle.schemas.ts'
import { defaultChoice, MERGE_FIELDS, mergeTools, type MergeChoices, type MergeSource, type ToolRow } from './tool-merge.ts'
import { gateProblem, gateReasons } from '../tools/tools.gate.ts'
import type { PilotsRepository } from '../pipeline/pilots.repository.ts'

/** One of the two tools of a merge was saved after the comparison was shown: the curator compares again. */
export class MergeConflictError extends ConflictError {
  /** Which of the two changed: the staying tool ('this'), the disappearing one ('other'), or both. */
  readonly changed: ('this' | 'other')[]
  constructor(changed: ('this' | 'other')[]) {
    super('lifecycle.merge.conflict')
    this.changed = changed
  }
}

export interface ToolLifecycleDeps {
  transaction: RunInTransaction
  tools: ToolsRepository
  /** Submissions that refer to a merged tool move to the tool that stays, in the merge's transaction. */
  submissions: Pick<SubmissionsRepository, 'repointTool'>
  /** The duplicate check of sharing, run before a curator creates a tool. */
  duplicates: Pick<SubmissionsService, 'similar'>
  /** A merged tool's pilots and adoptions move along; the gate weighs owners and pilots. */
  pilots: Pick<PilotsRepository, 'moveToTool' | 'gateFacts'>
  audit: AuditRepository
  reference: ReferenceData
}

/** At most this many tools are offered in a tool picker's list (typing a slug or name works for any tool). */
const PICKER_LIMIT = 2_000

const today = () => new Date().toISOString().slice(0, 10)

/** A tool's own columns as the audit log keeps them (not the derived search keys). */
function columns(tool: ToolRow) {
  const { search_vector: _v, search_names: _n, facet_keys: _f, match_keys: _m, ...rest } = tool
  return rest
}

/** Everything a tool carries beside its columns, as the audit log keeps it (without display names). */
function rows(e: Awaited<ReturnType<ToolsRepository['editable']>>) {
  return {
    processes: e.processes,
    themes: e.themes,
    sdgTargets: e.sdgTargets,
    assessments: e.assessments.map(({ assessed_by_name: _name, ...a }) => a),
    links: e.links,
    aliases: e.aliases,
    organisations: e.organisations.map(({ organisation_name: _n, organisation_slug: _s, organisation_kind: _k, ...r }) => r),
    mims: e.mims,
  }
}

/** A tool's life in the catalogue beyond editing: curators create tools, retire them, and merge duplicates. */
export function createToolLifecycleService(deps: ToolLifecycleDeps) {
  const { transaction, tools, audit, reference } = deps

  /**
   * The tool someone typed into a field: its slug (an old slug finds the tool it moved to) or its exact name in
   * either language. Otherwise a ValidationError for that field: unknown, or which slugs share the name.
   */
  async function resolveTool(text: string, field: string, x?: Executor): Promise<ToolRow> {
    const typed = text.trim()
    if (isSlug(typed)) {
      const moved = (await tools.findBySlug(typed, x)) ? typed : await tools.redirectFor(typed, x)
      const bySlug = moved ? await tools.findBySlug(moved, x) : undefined
      if (bySlug) return bySlug
    }
    const named = await tools.findByName(typed, x)
    if (named.length === 1) return named[0]!
    if (named.length > 1) throw new ValidationError([{ name: field, messageKey: 'lifecycle.toolAmbiguous', params: { name: typed, slugs: named.map((t) => t.slug).join(', ') } }])
    throw new ValidationError([{ name: field, messageKey: 'lifecycle.toolUnknown', params: { name: typed.slice(0, 80) } }])
  }

  async function findForCuration(actor: Actor, slug: string, x?: Executor) {
    authorize(actor, 'catalogue.edit')
    const tool = isSlug(slug) ? await tools.findBySlug(slug, x) : undefined
    if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    return tool
  }

  /** The other tool of a merge, as typed or chosen; never the tool itself. */
  async function otherTool(stay: ToolRow, text: string, x?: Executor) {
    const other = await resolveTool(text, 'other', x)
    if (other.id === stay.id) throw new ValidationError([{ name: 'other', messageKey: 'lifecycle.merge.same' }])
    return other
  }

  return {
    /** The tools a curator may pick from (a datalist): slug, names, status. */
    pickerEntries: () => tools.pickerNames(PICKER_LIMIT),

    /**
     * Creates a tool with a free slug from its name, after the duplicate check of sharing: likely duplicates the
     * curator has not confirmed as different stop it (DuplicatesFoundError, with the candidates).
     */
    async create(actor: Actor, input: CreateToolInput) {
      authorize(actor, 'catalogue.edit')
      if (!reference.formsByCode.has(input.form)) throw new ValidationError([{ name: 'form', messageKey: 'validation.unknownValue', params: { value: input.form } }])
      // A new tool has no owner and no pilots yet: a City Deal tool starts before the gate.
      const reasons = gateReasons({ origin: input.origin, owners: [], pilots: [] }, 'idea', input.lifecycle)
      if (reasons.length > 0) throw new ValidationError([gateProblem('lifecycle', reasons)])
      const matches = await deps.duplicates.similar({ name: input.name, description: input.description, url: input.websiteUrl })
      const likely = matches.filter((m) => m.likely)
      if (likely.length > 0 && input.confirmDifferent !== 'on') throw new DuplicatesFoundError(matches)
      return transaction(async (trx) => {
        const nl = input.nameLanguage === 'nl'
        const created = await tools.createTool(trx, slugify(input.name) || 'tool', {
          name_nl: nl ? input.name : null,
          name_en: nl ? null : input.name,
          description_nl: nl ? input.description : null,
          description_en: nl ? null : input.description,
          category: input.category,
          form: input.form,
          status: input.lifecycle,
          origin: input.origin,
          website_url: input.websiteUrl ?? null,
        })
        await tools.refreshDerived(trx, [created.id])
        await tools.recordStatus(trx, created.id, created.status, actorOf(actor))
        const tool = (await tools.findById(created.id, trx))!
        await audit.record(trx, actor, {
          action: 'tool.created',
          entityType: 'tool',
          entityId: tool.id,
          after: { ...columns(tool), confirmedDifferentFrom: likely.map((m) => ({ type: m.candidate.type, id: m.candidate.id, slug: m.candidate.slug })) },
        })
        return tool
      })
    },

    /** A tool for its retire page, with the tool that replaces it (when it is retired already). */
    async loadForRetiring(actor: Actor, slug: string) {
      const tool = await findForCuration(actor, slug)
      const successor = tool.replaced_by_tool_id === null ? undefined : await tools.nameOf(tool.replaced_by_tool_id)
      return { tool, successor }
    },

    /**
     * Retires a tool (or changes why, and what replaces it, when it is retired already): a reason in Dutch and/or
     * English, optionally a successor that is in use. The tool stays; its page says so. Conflict when someone saved
     * the tool after `version`.
     */
    retire: (actor: Actor, slug: string, input: RetireInput) =>
      transaction(async (trx) => {
        await findForCuration(actor, slug, trx)
        const tool = await tools.lockBySlug(trx, slug)
        if (!tool) throw new NotFoundError('error.toolNotFound', { slug })
        if (tool.version !== input.version) throw new ToolConflictError(await audit.changesSince('tool', tool.id, input.version, trx), tool.version)
        const problems: FieldProblem[] = []
        if (!input.reasonNl && !input.reasonEn) problems.push({ name: 'reasonNl', messageKey: 'lifecycle.retire.reasonRequired' })
        let successor: ToolRow | undefined
        if (input.replacedBy) {
          try {
            successor = await resolveTool(input.replacedBy, 'replacedBy', trx)
            if (successor.id === tool.id) problems.push({ name: 'replacedBy', messageKey: 'lifecycle.retire.notItself' })
            else if (successor.status === 'retired') problems.push({ name: 'replacedBy', messageKey: 'lifecycle.retire.successorRetired', params: { name: (successor.name_nl ?? successor.name_en)! } })
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error
            problems.push(...error.details)
          }
        }
        if (problems.length > 0) throw new ValidationError(problems)
        const wasRetired = tool.status === 'retired'
        const after = await tools.saveTool(trx, tool.id, {
          status: 'retired',
          // Changing the reason later keeps the day it was retired.
          retired_on: wasRetired ? (tool.retired_on ?? today()) : today(),
          retired_reason_nl: input.reasonNl ?? null,
          retired_reason_en: input.reasonEn ?? null,
          replaced_by_tool_id: successor?.id ?? null,
        })
        if (!wasRetired) await tools.recordStatus(trx, tool.id, 'retired', actorOf(actor))
        await tools.refreshDerived(trx, [tool.id])
        await audit.record(trx, actor, {
          action: wasRetired ? 'tool.updated' : 'tool.retired',
          entityType: 'tool',
          entityId: tool.id,
          before: { section: 'retire', ...columns(tool) },
          after: { section: 'retire', ...columns(after), replacedBy: successor ? { id: successor.id, slug: successor.slug } : null },
        })
        return after
      }),

    /** The tool that would stay, with the tools that look most like it (duplicate detection), for choosing the other. */
    async mergeStart(actor: Actor, slug: string) {
      const tool = await findForCuration(actor, slug)
      const matches = await deps.duplicates.similar({ name: (tool.name_nl ?? tool.name_en)!, description: tool.description_nl ?? tool.description_en ?? '', url: tool.website_url ?? undefined }, { limit: 6 })
      return { tool, candidates: matches.filter((m) => m.candidate.type === 'tool' && m.candidate.id !== tool.id).slice(0, 5) }
    },

    /** Both tools of a merge with everything they hold: the one that stays (slug) and the other (typed or chosen). */
    async compare(actor: Actor, slug: string, other: string): Promise<{ stay: MergeSource; leave: MergeSource }> {
      const stay = await findForCuration(actor, slug)
      const leave = await otherTool(stay, other)
      const [a, b] = await Promise.all([tools.editable(stay.id), tools.editable(leave.id)])
      return { stay: { tool: stay, ...a }, leave: { tool: leave, ...b } }
    },

    /**
     * Merges the other tool into this one: each field from the side chosen, every list united, the other tool's
     * slug and old slugs and the submissions and successors that named it moved here; then the other tool is
     * deleted. Both versions must be the ones the comparison showed (MergeConflictError otherwise).
     */
    merge: (actor: Actor, slug: string, input: MergeInput) =>
      transaction(async (trx) => {
        const found = await findForCuration(actor, slug, trx)
        const other = await otherTool(found, input.other, trx)
        // Both rows locked in one order (by slug), so two merges of the same pair cannot wait on each other.
        const locked = new Map<string, ToolRow>()
        for (const s of [found.slug, other.slug].sort()) {
          const row = await tools.lockBySlug(trx, s)
          if (row) locked.set(s, row)
        }
        const stay = locked.get(found.slug)
        const leave = locked.get(other.slug)
        if (!stay) throw new NotFoundError('error.toolNotFound', { slug })
        if (!leave) throw new ValidationError([{ name: 'other', messageKey: 'lifecycle.toolUnknown', params: { name: input.other.slice(0, 80) } }])
        const changed: ('this' | 'other')[] = []
        if (stay.version !== input.version) changed.push('this')
        if (leave.version !== input.otherVersion) changed.push('other')
        if (changed.length > 0) throw new MergeConflictError(changed)

        const [stayRows, leaveRows] = [await tools.editable(stay.id, trx), await tools.editable(leave.id, trx)]
        const choices: MergeChoices = Object.fromEntries(MERGE_FIELDS.map((f) => [f, input[f] ?? defaultChoice(stay, leave, f)]))
        const merged = mergeTools({ tool: stay, ...stayRows }, { tool: leave, ...leaveRows }, choices)
        if (!merged.changes.name_nl && !merged.changes.name_en) throw new ValidationError([{ name: 'nameNl', messageKey: 'lifecycle.merge.nameRequired' }])

        const redirects = [leave.slug, ...(await tools.redirectsOf(leave.id, trx)).map((r) => r.slug)]
        await tools.moveSlugsTo(trx, leave, stay.id)
        const submissions = await deps.submissions.repointTool(trx, leave.id, stay.id)
        const successorOf = await tools.moveSuccessor(trx, leave.id, stay.id)
        await deps.pilots.moveToTool(trx, leave.id, stay.id)
        await tools.deleteTool(trx, leave.id)
        await saveLists(trx, stay.id, merged)
        const status = merged.changes.status
        if (typeof status === 'string' && status !== stay.status) {
          const reasons = gateReasons({ origin: String(merged.changes.origin ?? stay.origin), ...(await deps.pilots.gateFacts(stay.id, trx)) }, stay.status, status)
          if (reasons.length > 0) throw new ValidationError([gateProblem('lifecycle', reasons)])
          await tools.recordStatus(trx, stay.id, status, actorOf(actor))
        }
        const after = await tools.saveTool(trx, stay.id, merged.changes)
        await tools.refreshDerived(trx, [stay.id])
        const afterRows = rows(await tools.editable(stay.id, trx))
        await audit.record(trx, actor, {
          action: 'tool.merged',
          entityType: 'tool',
          entityId: stay.id,
          before: { ...columns(stay), ...rows(stayRows) },
          after: {
            ...columns(after),
            ...afterRows,
            merged: { id: leave.id, slug: leave.slug, name_nl: leave.name_nl, name_en: leave.name_en, choices, added: merged.added, redirects, submissions, successorOf },
          },
        })
        await audit.record(trx, actor, {
          action: 'tool.merged_away',
          entityType: 'tool',
          entityId: leave.id,
          before: { ...columns(leave), ...rows(leaveRows), redirects: redirects.slice(1) },
          after: { mergedInto: { id: stay.id, slug: stay.slug } },
        })
        return after
      }),
  }

  /** The staying tool's lists, united. */
  async function saveLists(trx: Tx, toolId: number, merged: ReturnType<typeof mergeTools>) {
    await tools.replaceProcesses(trx, toolId, merged.processes)
    await tools.replaceThemes(trx, toolId, merged.themes)
    await tools.replaceSdgTargets(trx, toolId, merged.sdgTargets)
    await tools.replaceAssessments(trx, toolId, merged.assessments)
    await tools.replaceLinks(trx, toolId, merged.links)
    await tools.replaceAliases(trx, toolId, merged.aliases)
    await tools.replaceOrganisationRoles(trx, toolId, merged.organisations)
    await tools.replaceMims(trx, toolId, merged.mims)
  }
}
export type ToolLifecycleService = ReturnType<typeof createToolLifecycleService>
