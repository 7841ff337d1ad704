import type { Static } from '@sinclair/typebox'
import type { SubmissionStatus, ToolsTable } from '../../db/schema.ts'
import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { actorOf, type Actor } from '../../lib/actor.ts'
import { slugify } from '../../lib/slug.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { guessLanguage, normalizeName } from '../submissions/similarity.text.ts'
import { OPEN_STATUSES, type SubmissionEvent, type SubmissionsRepository } from '../submissions/submissions.repository.ts'
import type { CurationEditSchema, CurationMergeSchema } from '../submissions/submissions.schemas.ts'
import { redact, submissionColumns, type SubmissionRow, type SubmissionsService } from '../submissions/submissions.service.ts'
import type { PilotsRepository } from '../pipeline/pilots.repository.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { sharedDetailsOf } from '../submissions/submission.details.ts'
import { ADOPTABLE_STATUSES } from '../tools/tools.constants.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { ToolChanges } from '../tools/tools.writes.repository.ts'

/** How many possible duplicates a submission's page (and the queue) lists. */
const CANDIDATES_SHOWN = 6

/** A curator acted on a submission that changed or was decided in the meantime. */
export class SubmissionConflictError extends ConflictError {
  constructor() {
    super('curation.conflict')
  }
}

export interface CurationDeps {
  transaction: RunInTransaction
  submissions: SubmissionsService
  repository: SubmissionsRepository
  /** Publishing and merging write the catalogue: through its own repository, inside the decision's transaction. */
  tools: ToolsRepository
  organisations: Pick<OrganisationsService, 'findOrCreateOrganisation' | 'resolve' | 'findByNameOrAlias' | 'pickerEntries'>
  audit: AuditRepository
  /** Publishing records the municipalities a submitter named as using the tool. */
  adoptions: Pick<PilotsRepository, 'saveAdoption'>
  reference: Pick<ReferenceData, 'formsByCode'>
  publicUrl: string
}

/** Who owns a tool being published: what the curator typed in the picker, and whether to create it if unknown. */
export interface OwnerChoice {
  name?: string | undefined
  create: boolean
}

/** The catalogue's own columns, as the audit log keeps them (not the derived search keys). */
function publicToolFields(tool: ToolsTable | Record<string, unknown>) {
  const { search_vector: _v, search_names: _n, facet_keys: _f, match_keys: _m, ...rest } = tool as Record<string, unknown>
  return rest
}

/** Curation: the queue of shared tools, and the decisions on each (edit, ask, reject, publish, merge). */
export function createCurationService(deps: CurationDeps) {
  const { transaction, submissions, repository, tools, audit } = deps
  const toolUrl = (slug: string, locale: Locale) => `${deps.publicUrl}${localePath(locale, `/tools/${slug}`)}`

  /** Locks an open submission at the version the curator saw; anything else is a conflict. */
  async function lockOpen(trx: Tx, id: number, version: number) {
    const row = await repository.lockById(trx, id)
    if (!row) throw new NotFoundError()
    if (row.version !== version || !OPEN_STATUSES.includes(row.status)) throw new SubmissionConflictError()
    return row
  }

  /** Records a decision on a submission: its new state, a timeline event and the audit entry. */
  async function decide(
    trx: Tx,
    actor: Actor,
    before: SubmissionRow,
    changes: { status: SubmissionStatus; curator_message?: string | null; result_tool_id?: number | null },
    event: SubmissionEvent,
    message: string | null,
  ) {
    const after = await repository.update(trx, before.id, changes)
    await repository.addEvent(trx, before.id, event, message)
    await audit.record(trx, actor, { action: `submission.${event}`, entityType: 'submission', entityId: before.id, before: redact(before), after: redact(after) })
    return after
  }

  /**
   * The owner a curator typed into the picker: the organisation going by that name or alias; with "create" ticked, a
   * new organisation when none does; nothing for an empty field. An unknown name without "create" is refused with
   * the closest names.
   */
  async function ownerOf(trx: Tx, actor: Actor, owner: OwnerChoice): Promise<number | undefined> {
    const name = owner.name?.trim()
    if (!name) return undefined
    if (owner.create && (await deps.organisations.findByNameOrAlias(name, trx)).length === 0) return (await deps.organisations.findOrCreateOrganisation(trx, actor, name)).id
    return (await deps.organisations.resolve(name, 'owner', trx)).id
  }

  return {
    /**
     * One page of the queue, each with its possible duplicates as its page lists them (ranked now, not as the
     * submitter saw them), so the queue and the page agree.
     */
    async queue(filter: Parameters<SubmissionsRepository['queue']>[0]) {
      const { rows, total } = await repository.queue(filter)
      const candidates = await Promise.all(
        rows.map((r) => submissions.similar({ name: r.name, description: r.description, url: r.website_url ?? undefined }, { limit: CANDIDATES_SHOWN, exceptSubmissionId: r.id })),
      )
      return { rows: rows.map((r, i) => ({ ...r, candidates: candidates[i]!.map((m) => ({ name: m.candidate.name, likely: m.likely })) })), total }
    },
    statusCounts: repository.statusCounts,
    /**
     * The owner picker of a submission's page: the organisations to choose from, and the one going by the submitted
     * owner name, if exactly one does (namesakes: the curator chooses).
     */
    async ownerPicker(ownerName: string | null) {
      const [entries, known] = await Promise.all([deps.organisations.pickerEntries(), ownerName ? deps.organisations.findByNameOrAlias(ownerName) : []])
      return { entries, known: known.length === 1 ? known[0] : undefined, namesakes: known.length > 1 }
    },

    /** A submission with its timeline, its current duplicate candidates, and the tools it concerns. */
    async get(id: number) {
      const submission = await repository.findById(id)
      if (!submission) throw new NotFoundError()
      const [events, matches, target, result] = await Promise.all([
        repository.events(id),
        submissions.similar({ name: submission.name, description: submission.description, url: submission.website_url ?? undefined }, { limit: CANDIDATES_SHOWN, exceptSubmissionId: id }),
        submission.target_tool_id ? tools.findById(submission.target_tool_id) : undefined,
        submission.result_tool_id ? tools.nameOf(submission.result_tool_id) : undefined,
      ])
      return { submission, events, matches, target, result }
    },

    /** A tool with the fields a merge compares. */
    async toolForMerge(slug: string) {
      const tool = await tools.findBySlug(slug)
      return tool ? { tool, ...(await tools.classification(tool.id)) } : undefined
    },

    async edit(actor: Actor, id: number, input: Static<typeof CurationEditSchema>) {
      const problems = submissions.checkCodes(input)
      if (problems.length > 0) throw new ValidationError(problems)
      return transaction(async (trx) => {
        const before = await lockOpen(trx, id, input.version)
        const after = await repository.update(trx, id, submissionColumns(input))
        await repository.refreshMatchKeys(trx, id)
        await repository.addEvent(trx, id, 'edited')
        await audit.record(trx, actor, { action: 'submission.edited', entityType: 'submission', entityId: id, before: redact(before), after: redact(after) })
        return after
      })
    },

    askForInformation: (actor: Actor, id: number, version: number, message: string) =>
      transaction(async (trx) => {
        const before = await lockOpen(trx, id, version)
        const after = await decide(trx, actor, before, { status: 'needs_info', curator_message: message }, 'info_requested', message)
        await submissions.notifySubmitter(trx, after, 'infoRequested', { message })
        return after
      }),

    reject: (actor: Actor, id: number, version: number, reason: string) =>
      transaction(async (trx) => {
        const before = await lockOpen(trx, id, version)
        const after = await decide(trx, actor, before, { status: 'rejected', curator_message: reason }, 'rejected', reason)
        await submissions.notifySubmitter(trx, after, 'rejected', { message: reason })
        return after
      }),

    /** Publishes a new-tool submission as a tool of its own ("existing", available). */
    publish: (actor: Actor, id: number, version: number, owner: OwnerChoice, chosen: { form?: string | undefined; category?: 'content' | 'governance' | undefined } = {}) =>
      transaction(async (trx) => {
        const before = await lockOpen(trx, id, version)
        // An addition belongs to its tool: publishing it on its own would make the duplicate it reports.
        if (before.kind !== 'new_tool') throw new ValidationError([{ name: 'owner', messageKey: 'curation.publish.onlyNewTools' }])
        // Form and kind chosen in the publish step win over the submission's.
        const form = chosen.form || before.form
        const category = chosen.category || before.category
        const missing: FieldProblem[] = []
        if (!form) missing.push({ name: 'form', messageKey: 'curation.publish.needsForm' })
        else if (!deps.reference.formsByCode.has(form)) missing.push({ name: 'form', messageKey: 'validation.unknownValue', params: { value: form.slice(0, 60) } })
        if (!category) missing.push({ name: 'category', messageKey: 'curation.publish.needsCategory' })
        if (missing.length > 0 || !form || !category) throw new ValidationError(missing)
        const shared = sharedDetailsOf(before.duplicate_candidates)
        const organisationId = await ownerOf(trx, actor, owner)
        const nameLanguage = guessLanguage(`${before.name} ${before.description}`) ?? before.locale
        const tool = await tools.createTool(trx, slugify(before.name) || 'tool', {
          name_nl: nameLanguage === 'nl' ? before.name : null,
          name_en: nameLanguage === 'en' ? before.name : null,
          description_nl: nameLanguage === 'nl' ? before.description : null,
          description_en: nameLanguage === 'en' ? before.description : null,
          category,
          form,
          status: shared.toolStatus ?? 'available',
          origin: 'existing',
          licence: before.licence,
          website_url: before.website_url,
          languages: before.languages,
        })
        await tools.addThemes(trx, tool.id, before.themes)
        await tools.addSdgTargets(trx, tool.id, before.sdg_targets)
        if (organisationId) await tools.addOrganisationRole(trx, tool.id, organisationId, 'owner')
        if (shared.processes.length > 0) await tools.replaceProcesses(trx, tool.id, shared.processes)
        // The municipalities the submitter named use it, once it can be used (an idea or a tool in development cannot).
        if (ADOPTABLE_STATUSES.includes(tool.status)) {
          for (const m of await repository.municipalityIds(trx, shared.municipalities)) await deps.adoptions.saveAdoption(trx, tool.id, m.id, {})
        }
        await tools.refreshDerived(trx, [tool.id])
        await tools.recordStatus(trx, tool.id, tool.status, actorOf(actor))
        await audit.record(trx, actor, { action: 'tool.created', entityType: 'tool', entityId: tool.id, after: { ...publicToolFields(tool), fromSubmission: id } })
        const after = await decide(trx, actor, before, { status: 'published', result_tool_id: tool.id }, 'published', null)
        await submissions.notifySubmitter(trx, after, 'published', { toolLink: toolUrl(tool.slug, after.locale) })
        return { submission: after, slug: tool.slug }
      }),

    /**
     * Merges a submission into an existing tool: each field kept or taken from the submission, lists
     * kept or added to, and the submitted name kept as an alias.
     */
    merge: (actor: Actor, id: number, input: Static<typeof CurationMergeSchema>) =>
      transaction(async (trx) => {
        const before = await lockOpen(trx, id, input.version)
        const tool = await tools.lockBySlug(trx, input.target)
        if (!tool) throw new ValidationError([{ name: 'target', messageKey: 'share.additionTo.unknown' }])
        const language = guessLanguage(before.description) ?? before.locale
        const changes: ToolChanges = {}
        if (input.description === 'submitted') changes[language === 'nl' ? 'description_nl' : 'description_en'] = before.description
        if (input.websiteUrl === 'submitted' && before.website_url) changes.website_url = before.website_url
        if (input.licence === 'submitted' && before.licence) changes.licence = before.licence
        if (input.form === 'submitted' && before.form) changes.form = before.form
        if (input.category === 'submitted' && before.category) changes.category = before.category
        if (input.languages === 'add') changes.languages = [...new Set([...tool.languages, ...before.languages])]
        // Counts the tool's version up as an edit does: an editor with the tool open gets a conflict, not an overwrite.
        await tools.saveTool(trx, tool.id, changes)
        if (input.themes === 'add') await tools.addThemes(trx, tool.id, before.themes)
        if (input.sdgTargets === 'add') await tools.addSdgTargets(trx, tool.id, before.sdg_targets)
        let alias: string | undefined
        if (input.alias === 'on') {
          const { aliases } = await tools.classification(tool.id, trx)
          const known = new Set([tool.name_nl, tool.name_en, ...aliases].filter((n): n is string => !!n).map(normalizeName))
          if (!known.has(normalizeName(before.name))) {
            const aliasLanguage = guessLanguage(before.name)
            const toolLanguage = tool.name_nl ? 'nl' : 'en'
            alias = before.name
            await tools.addAlias(trx, { tool_id: tool.id, alias, kind: aliasLanguage && aliasLanguage !== toolLanguage ? 'translation' : 'other_name', language: aliasLanguage ?? null })
          }
        }
        await tools.refreshDerived(trx, [tool.id])
        const toolAfter = (await tools.findById(tool.id, trx))!
        await audit.record(trx, actor, {
          action: 'tool.updated',
          entityType: 'tool',
          entityId: tool.id,
          before: publicToolFields(tool),
          after: { ...publicToolFields(toolAfter), mergedSubmission: id, aliasAdded: alias ?? null, themesAdded: input.themes === 'add' ? before.themes : [], sdgTargetsAdded: input.sdgTargets === 'add' ? before.sdg_targets : [] },
        })
        const after = await decide(trx, actor, before, { status: 'merged', result_tool_id: tool.id }, 'merged', null)
        await submissions.notifySubmitter(trx, after, 'merged', { toolLink: toolUrl(tool.slug, after.locale) })
        return { submission: after, slug: tool.slug }
      }),
  }
}
export type CurationService = ReturnType<typeof createCurationService>
/** A tool a submission may be merged into, with what the merge compares. */
export type MergeTarget = NonNullable<Awaited<ReturnType<CurationService['toolForMerge']>>>
