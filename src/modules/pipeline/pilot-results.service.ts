import type { RunInTransaction } from '../../db/transaction.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { label, localePath } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import type { Actor } from '../../lib/actor.ts'
import { authorize } from '../../lib/policy.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { OrganisationsRepository } from '../organisations/organisations.repository.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { PilotsRepository } from './pilots.repository.ts'
import type { PilotResultInput } from './pilot-results.schemas.ts'

export interface PilotResultsDeps {
  transaction: RunInTransaction
  tools: ToolsRepository
  pilots: Pick<PilotsRepository, 'lockForTool' | 'save' | 'versionOf'>
  organisationsRepository: Pick<OrganisationsRepository, 'findById'>
  /** Who hears of a recorded result (a read of the accounts' users). */
  accounts: Pick<AccountsRepository, 'curatorsAndMembersOf'>
  audit: AuditRepository
  mail: Pick<MailService, 'queue'>
  publicUrl: string
}

type Pilot = Awaited<ReturnType<ToolsRepository['pilotsOf']>>[number]

const today = () => new Date().toISOString().slice(0, 10)
const toolName = (locale: Locale, tool: { name_nl: string | null; name_en: string | null; slug: string }) =>
  (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? tool.slug

/** What the audit log keeps of a pilot. */
const snapshot = (p: Pick<Pilot, 'status' | 'started_on' | 'completed_on' | 'outcome' | 'tested_nl' | 'tested_en' | 'lessons_nl' | 'lessons_en' | 'evidence_url'>) => ({
  status: p.status,
  started_on: p.started_on,
  completed_on: p.completed_on,
  outcome: p.outcome,
  tested_nl: p.tested_nl,
  tested_en: p.tested_en,
  lessons_nl: p.lessons_nl,
  lessons_en: p.lessons_en,
  evidence_url: p.evidence_url,
})

/**
 * A municipality records the results of its own pilot of a tool (/tools/{slug}/pilot): its members, for their own
 * municipality only. Owners and curators keep every pilot in the tool's editor.
 */
export function createPilotResultsService(deps: PilotResultsDeps) {
  const { transaction, tools, audit } = deps

  async function ownMunicipality(actor: Actor) {
    const user = authorize(actor, 'pilot.record')
    const own = user.organisationId === null ? undefined : await deps.organisationsRepository.findById(user.organisationId)
    if (!own || own.kind !== 'municipality') throw new ForbiddenError()
    authorize(user, 'pilot.record', { organisationId: own.id })
    return { id: own.id, name: own.name }
  }

  async function findTool(slug: string) {
    const tool = await tools.findBySlug(slug)
    if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    return tool
  }

  return {
    /** The tool, the member's municipality and its pilot; 404 when the municipality has no pilot of this tool. */
    async load(actor: Actor, slug: string) {
      const municipality = await ownMunicipality(actor)
      const tool = await findTool(slug)
      const pilot = (await tools.pilotsOf(tool.id)).find((p) => p.municipality_id === municipality.id)
      if (!pilot) throw new NotFoundError('pilotResult.noPilot', { municipality: municipality.name })
      const version = (await deps.pilots.versionOf(tool.id, municipality.id)) ?? 1
      return { tool, municipality, pilot, version }
    },

    /** Saves the results; the tool's version counts up; the owners and the curators are e-mailed in their language. */
    async save(actor: Actor, slug: string, input: PilotResultInput) {
      // Before the transaction: on the embedded database a read outside it would wait for it.
      const municipality = await ownMunicipality(actor)
      return transaction(async (trx) => {
        const tool = await tools.lockBySlug(trx, slug)
        if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
        const before = (await deps.pilots.lockForTool(trx, tool.id)).find((p) => p.municipality_id === municipality.id)
        if (!before) throw new NotFoundError('pilotResult.noPilot', { municipality: municipality.name })
        if (before.version !== input.version) throw new ConflictError('pilotResult.changedMeanwhile')
        const problems: FieldProblem[] = []
        if (input.outcome && input.status !== 'completed') problems.push({ name: 'outcome', messageKey: 'editing.outcomeOnlyCompleted' })
        if (input.completedOn && input.completedOn > today()) problems.push({ name: 'completedOn', messageKey: 'pilotResult.inFuture' })
        if (input.startedOn && input.completedOn && input.completedOn < input.startedOn) problems.push({ name: 'completedOn', messageKey: 'pilotResult.beforeStart' })
        if (problems.length > 0) throw new ValidationError(problems)
        const completed = input.status === 'completed'
        const after = await deps.pilots.save(trx, tool.id, municipality.id, {
          status: input.status,
          committed_on: before.committed_on ?? (input.status === 'interested' || input.status === 'withdrawn' ? null : today()),
          started_on: input.startedOn ?? (input.status === 'running' || completed ? (before.started_on ?? null) : null),
          completed_on: completed ? (input.completedOn ?? before.completed_on ?? today()) : null,
          tested_nl: input.testedNl ?? null,
          tested_en: input.testedEn ?? null,
          outcome: completed ? (input.outcome ?? null) : null,
          lessons_nl: input.lessonsNl ?? null,
          lessons_en: input.lessonsEn ?? null,
          evidence_url: input.evidenceUrl ?? null,
        })
        const saved = await tools.saveTool(trx, tool.id, {})
        await tools.refreshDerived(trx, [tool.id])
        await audit.record(trx, actor, {
          action: 'tool.pilot_recorded',
          entityType: 'tool',
          entityId: tool.id,
          before: { version: tool.version, municipality: municipality.name, pilot: snapshot(before) },
          after: { version: saved.version, municipality: municipality.name, pilot: snapshot(after) },
        })
        const owners = (await tools.organisationRoles(tool.id, trx)).filter((r) => r.role === 'owner' && r.organisationId !== municipality.id).map((r) => r.organisationId)
        for (const r of await deps.accounts.curatorsAndMembersOf(owners, trx)) {
          await deps.mail.queue(trx, {
            to: r.email,
            locale: r.locale,
            subjectKey: 'mail.pilotResult.subject',
            bodyKey: 'mail.pilotResult.body',
            params: {
              municipality: municipality.name,
              tool: toolName(r.locale, tool),
              status: label(r.locale, 'pilotStatus', after.status),
              outcome: after.outcome ? label(r.locale, 'pilotOutcome', after.outcome) : '–',
              link: `${deps.publicUrl}${localePath(r.locale, `/tools/${tool.slug}`)}`,
            },
          })
        }
        return after
      })
    },
  }
}
export type PilotResultsService = ReturnType<typeof createPilotResultsService>
