import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { label, localePath, translate } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { ANONYMOUS, type Actor } from '../../lib/actor.ts'
import { authorize, can } from '../../lib/policy.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { OrganisationsRepository } from '../organisations/organisations.repository.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import type { PilotsRepository } from '../pipeline/pilots.repository.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { CallsRepository } from './calls.repository.ts'
import { CALLABLE_STATUSES, type AnswerDecisionInput, type CallInput, type CloseCallInput, type MemberAnswerInput, type PublicAnswerInput } from './calls.schemas.ts'

export interface CallsDeps {
  transaction: RunInTransaction
  repository: CallsRepository
  tools: ToolsRepository
  /** The pipeline module writes pilots: an accepted answer becomes a committed pilot. */
  pilots: Pick<PilotsRepository, 'createIfAbsent' | 'lockForTool' | 'save'>
  organisations: Pick<OrganisationsService, 'resolve'>
  organisationsRepository: Pick<OrganisationsRepository, 'findById'>
  /** Who hears of answers and decisions (a read of the accounts' users). */
  accounts: Pick<AccountsRepository, 'curatorsAndMembersOf' | 'membersOf'>
  audit: AuditRepository
  mail: Pick<MailService, 'queue'>
  publicUrl: string
}

type Tool = NonNullable<Awaited<ReturnType<ToolsRepository['findBySlug']>>>
type Call = NonNullable<Awaited<ReturnType<CallsRepository['openFor']>>>
type Answer = NonNullable<Awaited<ReturnType<CallsRepository['lockAnswer']>>>

/** Pilot statuses that mean a municipality tests the tool already (or has): it need not answer a call again. */
const TESTING = ['committed', 'running', 'completed']

const today = () => new Date().toISOString().slice(0, 10)
const toolName = (locale: Locale, tool: Pick<Tool, 'name_nl' | 'name_en' | 'slug'>) => (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? tool.slug
const both = (prefix: string, code: string) => ({ nl: label('nl', prefix, code), en: label('en', prefix, code) })

/** How many more municipalities a call asks for, beyond the answers accepted. */
export const stillNeeded = (call: Pick<Call, 'municipalities_needed' | 'accepted'>) => Math.max(0, call.municipalities_needed - call.accepted)

/** The tool is past testing (or retired): nobody is called to test it any more. */
export class NotCallableError extends AppError {
  constructor(status: string) {
    super('not-callable', 409, 'calls.notCallable', { status: both('status', status) })
  }
}

/** The tool has no open call (it closed meanwhile, or never opened): an answer has nothing to answer. */
export class NoOpenCallError extends AppError {
  constructor() {
    super('no-open-call', 409, 'calls.noOpenCall')
  }
}

/** Only a municipality answers a call for test municipalities. */
export class NotMunicipalityError extends AppError {
  constructor(organisation: string) {
    super('not-a-municipality', 403, 'calls.onlyMunicipalities', { organisation })
  }
}

/** The municipality answered this call already (the unique rule on call and municipality holds to it too). */
export class AlreadyAnsweredError extends AppError {
  constructor(municipality: string) {
    const problem: FieldProblem = { name: 'municipality', messageKey: 'calls.alreadyAnswered', params: { municipality } }
    super('already-answered', 409, 'calls.alreadyAnswered', { municipality }, [problem])
  }
}

/** The municipality tests this tool already: it has a committed, running or completed pilot. */
export class AlreadyTestingError extends AppError {
  constructor(municipality: string) {
    const problem: FieldProblem = { name: 'municipality', messageKey: 'calls.alreadyTesting', params: { municipality } }
    super('already-testing', 409, 'calls.alreadyTesting', { municipality }, [problem])
  }
}

/** What the audit log keeps of a call. */
const callSnapshot = (c: Omit<Call, 'accepted' | 'waiting'>) => ({
  status: c.status,
  asked_nl: c.asked_nl,
  asked_en: c.asked_en,
  effort_nl: c.effort_nl,
  effort_en: c.effort_en,
  opens_on: c.opens_on,
  closes_on: c.closes_on,
  municipalities_needed: c.municipalities_needed,
  version: c.version,
})

/**
 * Calls for test municipalities: an owner (or curator) opens one on a tool; members of municipalities and, through a
 * public form, municipalities without an account answer; accepting an answer commits a pilot.
 */
export function createCallsService(deps: CallsDeps) {
  const { transaction, repository, tools, audit, mail } = deps
  const callUrl = (locale: Locale, slug: string) => `${deps.publicUrl}${localePath(locale, `/tools/${slug}/call`)}`

  async function findTool(slug: string, x?: Tx) {
    const tool = x ? await tools.lockBySlug(x, slug) : await tools.findBySlug(slug)
    if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    return tool
  }

  /** The tool's owners and other roles, for the policy and for who hears of an answer. */
  async function rolesOf(toolId: number, x?: Tx) {
    return tools.organisationRoles(toolId, x)
  }

  const mayManage = (actor: Actor, roles: { organisationId: number; role: string }[]) => can(actor, 'call.manage', { organisationRoles: roles })

  /** Refuses a municipality that tests the tool already. */
  async function refuseIfTesting(trx: Tx, toolId: number, municipality: { id: number; name: string }) {
    const pilot = (await deps.pilots.lockForTool(trx, toolId)).find((p) => p.municipality_id === municipality.id)
    if (pilot && TESTING.includes(pilot.status)) throw new AlreadyTestingError(municipality.name)
  }

  /** Records an answer and tells the tool's owners and the curators, each in their language. */
  async function answer(trx: Tx, actor: Actor, tool: Tool, municipality: { id: number; name: string }, values: Parameters<CallsRepository['createAnswer']>[1]) {
    const saved = await repository.createAnswer(trx, values)
    if (!saved) throw new AlreadyAnsweredError(municipality.name)
    await audit.record(trx, actor, {
      action: 'call.answered',
      entityType: 'call_answer',
      entityId: saved.id,
      after: { call_id: saved.call_id, municipality_id: saved.municipality_id, source: saved.source, note: saved.note },
    })
    const owners = (await rolesOf(tool.id, trx)).filter((r) => r.role === 'owner').map((r) => r.organisationId)
    for (const recipient of await deps.accounts.curatorsAndMembersOf(owners, trx)) {
      await mail.queue(trx, {
        to: recipient.email,
        locale: recipient.locale,
        subjectKey: 'mail.calls.answered.subject',
        bodyKey: 'mail.calls.answered.body',
        params: {
          municipality: municipality.name,
          tool: toolName(recipient.locale, tool),
          note: saved.note ?? translate(recipient.locale, 'mail.involvement.noNote'),
          link: callUrl(recipient.locale, tool.slug),
        },
      })
    }
    return saved
  }

  /** The open call of a tool, or the refusal to answer it. */
  async function openCallOf(tool: Tool, x?: Tx) {
    const call = await repository.openFor(tool.id, x)
    if (!call) throw new NoOpenCallError()
    return { ...call, stillNeeded: stillNeeded(call) }
  }

  /** The address (and its language) of whoever answered: the member, or the public form's contact. */
  const answererOf = (a: Answer) => (a.member_email ? { email: a.member_email, locale: a.member_locale ?? a.locale } : a.contact_email ? { email: a.contact_email, locale: a.locale } : undefined)

  /** Accepting: the municipality's pilot becomes committed (one per tool and municipality, whatever races). */
  async function commitPilot(trx: Tx, tool: Tool, a: Answer) {
    const values = { status: 'committed' as const, committed_on: today(), call_id: a.call_id }
    const created = await deps.pilots.createIfAbsent(trx, tool.id, a.municipality_id, values)
    if (created) return { pilot: created, before: undefined }
    const existing = (await deps.pilots.lockForTool(trx, tool.id)).find((p) => p.municipality_id === a.municipality_id)
    if (existing && TESTING.includes(existing.status)) throw new AlreadyTestingError(a.municipality_name)
    return { pilot: await deps.pilots.save(trx, tool.id, a.municipality_id, values), before: existing }
  }

  return {
    /** The open calls of the catalogue, with what each still needs (for /calls, the home page and the API). */
    async listOpen(limit?: number) {
      return (await repository.listOpen(limit)).map((c) => ({ ...c, stillNeeded: stillNeeded(c) }))
    },

    /**
     * What a tool's call page shows: the tool, its open call with what it still needs, whether the viewer manages it
     * (then with every answer and its contact), and a member's municipality with its answer or why it cannot answer.
     */
    async load(actor: Actor, slug: string) {
      const tool = await findTool(slug)
      const [roles, open] = await Promise.all([rolesOf(tool.id), repository.openFor(tool.id)])
      const manage = mayManage(actor, roles)
      const call = open ? { ...open, stillNeeded: stillNeeded(open) } : undefined
      const answers = manage && call ? await repository.answers(call.id) : []
      let member: { id: number; name: string; isMunicipality: boolean; answer?: Awaited<ReturnType<CallsRepository['answerOf']>> } | undefined
      if (actor.kind === 'user' && actor.organisationId !== null) {
        const own = await deps.organisationsRepository.findById(actor.organisationId)
        if (own) member = { id: own.id, name: own.name, isMunicipality: own.kind === 'municipality', answer: call ? await repository.answerOf(call.id, own.id) : undefined }
      }
      return { tool, call, manage, answers, member, callable: (CALLABLE_STATUSES as readonly string[]).includes(tool.status) }
    },

    /** Refuses (401, 403) whoever may not manage the tool's call, before their input is looked at. */
    async authorizeManage(actor: Actor, slug: string) {
      const tool = await findTool(slug)
      authorize(actor, 'call.manage', { organisationRoles: await rolesOf(tool.id) })
    },

    /** Opens a call on a tool, or changes its open one (with the version the form was filled in on). */
    save: (actor: Actor, slug: string, input: CallInput) =>
      transaction(async (trx) => {
        const tool = await findTool(slug, trx)
        authorize(actor, 'call.manage', { organisationRoles: await rolesOf(tool.id, trx) })
        if (!(CALLABLE_STATUSES as readonly string[]).includes(tool.status)) throw new NotCallableError(tool.status)
        const problems: FieldProblem[] = []
        if (!input.askedNl && !input.askedEn) problems.push({ name: 'askedNl', messageKey: 'calls.askedRequired' })
        const opensOn = input.opensOn ?? today()
        if (input.closesOn && input.closesOn < opensOn) problems.push({ name: 'closesOn', messageKey: 'calls.closesBeforeOpens' })
        else if (input.closesOn && input.closesOn < today()) problems.push({ name: 'closesOn', messageKey: 'calls.closesInPast' })
        if (problems.length > 0) throw new ValidationError(problems)
        const values = {
          asked_nl: input.askedNl ?? null,
          asked_en: input.askedEn ?? null,
          effort_nl: input.effortNl ?? null,
          effort_en: input.effortEn ?? null,
          opens_on: opensOn,
          closes_on: input.closesOn ?? null,
          municipalities_needed: input.municipalitiesNeeded,
        }
        const open = await repository.openFor(tool.id, trx)
        // The form was filled in on another version of the call (or on a call that closed meanwhile): say so, keep what was typed.
        if ((open?.version ?? undefined) !== input.version) throw new ConflictError('calls.changedMeanwhile')
        const saved = open ? await repository.update(trx, open.id, values) : await repository.create(trx, tool.id, values)
        await audit.record(trx, actor, { action: open ? 'call.changed' : 'call.opened', entityType: 'tool_call', entityId: saved.id, before: open ? callSnapshot(open) : undefined, after: callSnapshot(saved) })
        return saved
      }),

    /** Closes the open call (with the version the owner saw). */
    close: (actor: Actor, slug: string, input: CloseCallInput) =>
      transaction(async (trx) => {
        const tool = await findTool(slug, trx)
        authorize(actor, 'call.manage', { organisationRoles: await rolesOf(tool.id, trx) })
        const open = await repository.openFor(tool.id, trx)
        if (!open || open.version !== input.version) throw new ConflictError('calls.changedMeanwhile')
        const closed = await repository.close(trx, open.id)
        await audit.record(trx, actor, { action: 'call.closed', entityType: 'tool_call', entityId: closed.id, before: callSnapshot(open), after: callSnapshot(closed) })
        return closed
      }),

    /** A member answers for their own municipality: "we want to test this", with a note, in one step. */
    answerAsMember: (actor: Actor, slug: string, input: MemberAnswerInput) =>
      transaction(async (trx) => {
        const user = authorize(actor, 'call.answer')
        const own = user.organisationId === null ? undefined : await deps.organisationsRepository.findById(user.organisationId, trx)
        if (!own) throw new NotMunicipalityError('–')
        if (own.kind !== 'municipality') throw new NotMunicipalityError(own.name)
        authorize(user, 'call.answer', { organisationId: own.id })
        const tool = await findTool(slug, trx)
        const call = await openCallOf(tool, trx)
        await refuseIfTesting(trx, tool.id, own)
        const saved = await answer(trx, actor, tool, own, {
          call_id: call.id,
          municipality_id: own.id,
          source: 'member',
          note: input.note ?? null,
          answered_by_user_id: user.id,
          locale: user.locale,
        })
        return { answer: saved, call, tool, municipality: { id: own.id, name: own.name } }
      }),

    /** A municipality without an account answers through the public form (or the API); contact details stay private. */
    answerPublicly: (slug: string, input: PublicAnswerInput, locale: Locale) =>
      transaction(async (trx) => {
        const tool = await findTool(slug, trx)
        const call = await openCallOf(tool, trx)
        const found = await deps.organisations.resolve(input.municipality, 'municipality', trx)
        if (found.kind !== 'municipality') throw new ValidationError([{ name: 'municipality', messageKey: 'calls.notMunicipality', params: { name: found.name } }])
        const municipality = { id: found.id, name: found.name }
        await refuseIfTesting(trx, tool.id, municipality)
        const saved = await answer(trx, ANONYMOUS, tool, municipality, {
          call_id: call.id,
          municipality_id: municipality.id,
          source: 'public',
          note: input.note ?? null,
          contact_name: input.name,
          contact_email: input.email,
          locale,
        })
        return { answer: saved, call, tool, municipality }
      }),

    /**
     * Accepts an answer (the municipality's pilot becomes committed; the call closes once it has what it asked for)
     * or declines it. The tool row is locked first, so two decisions at once are taken one after the other: no
     * duplicate pilot, and no answer decided twice.
     */
    decide: (actor: Actor, slug: string, answerId: number, input: AnswerDecisionInput) =>
      transaction(async (trx) => {
        const tool = await findTool(slug, trx)
        const roles = await rolesOf(tool.id, trx)
        authorize(actor, 'call.manage', { organisationRoles: roles })
        const a = await repository.lockAnswer(trx, tool.id, answerId)
        if (!a) throw new NotFoundError()
        if (a.status !== 'open') throw new ConflictError('calls.alreadyDecided')
        const answerer = answererOf(a)
        if (input.decision === 'decline') {
          const decided = await repository.decideAnswer(trx, a.id, 'declined', null)
          await audit.record(trx, actor, { action: 'call.answer_declined', entityType: 'call_answer', entityId: a.id, before: { status: a.status }, after: { status: decided?.status } })
          if (answerer) {
            await mail.queue(trx, {
              to: answerer.email,
              locale: answerer.locale,
              subjectKey: 'mail.calls.declined.subject',
              bodyKey: 'mail.calls.declined.body',
              params: { municipality: a.municipality_name, tool: toolName(answerer.locale, tool), link: callUrl(answerer.locale, tool.slug) },
            })
          }
          return { status: 'declined' as const, closed: false }
        }

        const { pilot, before } = await commitPilot(trx, tool, a)
        await repository.decideAnswer(trx, a.id, 'accepted', pilot.id)
        const saved = await tools.saveTool(trx, tool.id, {})
        await tools.refreshDerived(trx, [tool.id])
        await audit.record(trx, actor, { action: 'call.answer_accepted', entityType: 'call_answer', entityId: a.id, before: { status: a.status }, after: { status: 'accepted', pilot_id: pilot.id } })
        await audit.record(trx, actor, {
          action: 'tool.pilot_committed',
          entityType: 'tool',
          entityId: tool.id,
          before: { version: tool.version, pilot: before ? { municipality_id: before.municipality_id, status: before.status } : null },
          after: { version: saved.version, pilot: { municipality_id: pilot.municipality_id, status: pilot.status, call_id: pilot.call_id } },
        })
        // The call has what it asked for: it closes, so nobody answers in vain.
        let closed = false
        const call = await repository.openFor(tool.id, trx)
        if (call && call.id === a.call_id && stillNeeded(call) === 0) {
          const after = await repository.close(trx, call.id)
          await audit.record(trx, actor, { action: 'call.closed', entityType: 'tool_call', entityId: call.id, before: callSnapshot(call), after: { ...callSnapshot(after), reason: 'enough_municipalities' } })
          closed = true
        }

        // The municipality (whoever answered, and its members), the owners and the curators hear of it, each once.
        const owners = roles.filter((r) => r.role === 'owner').map((r) => r.organisationId)
        const seen = new Set<string>()
        const once = <T extends { email: string }>(list: T[]) => list.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()))
        for (const r of once([...(answerer ? [answerer] : []), ...(await deps.accounts.membersOf(a.municipality_id, trx))])) {
          await mail.queue(trx, {
            to: r.email,
            locale: r.locale,
            subjectKey: 'mail.calls.accepted.subject',
            bodyKey: 'mail.calls.accepted.body',
            params: { municipality: a.municipality_name, tool: toolName(r.locale, tool), link: `${deps.publicUrl}${localePath(r.locale, `/tools/${tool.slug}`)}` },
          })
        }
        for (const r of once(await deps.accounts.curatorsAndMembersOf(owners, trx))) {
          await mail.queue(trx, {
            to: r.email,
            locale: r.locale,
            subjectKey: 'mail.calls.committed.subject',
            bodyKey: 'mail.calls.committed.body',
            params: {
              municipality: a.municipality_name,
              tool: toolName(r.locale, tool),
              status: translate(r.locale, closed ? 'mail.calls.callClosed' : 'mail.calls.callOpen'),
              link: callUrl(r.locale, tool.slug),
            },
          })
        }
        return { status: 'accepted' as const, closed, pilot }
      }),
  }
}
export type CallsService = ReturnType<typeof createCallsService>
