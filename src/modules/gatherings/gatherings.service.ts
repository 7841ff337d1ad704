import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { amsterdamToUtc, normaliseTime } from '../../lib/amsterdam-time.ts'
import type { Actor } from '../../lib/actor.ts'
import { can, authorize } from '../../lib/policy.ts'
import { slugify } from '../../lib/slug.ts'
import { formatDate } from '../../views/format.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { OpenVoteInput } from '../decisions/decisions.schemas.ts'
import type { DecisionsService } from '../decisions/decisions.service.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { PartnershipsService } from '../partnerships/partnerships.service.ts'
import { todayInAmsterdam } from '../partnerships/partnerships.service.ts'
import type { ProposalsRepository } from '../proposals/proposals.repository.ts'
import type { ProposalsService } from '../proposals/proposals.service.ts'
import type { GatheringsRepository } from './gatherings.repository.ts'
import type { AgendaRow, DocumentRow, GatheringInput, MinutesInput, PutOnAgendaInput, RegistrationInput } from './gatherings.schemas.ts'

export interface GatheringsDeps {
  transaction: RunInTransaction
  repository: GatheringsRepository
  /** The proposals module's table: a proposal put on the agenda goes from submitted to on the agenda. */
  proposals: Pick<ProposalsRepository, 'lockById' | 'setStatus' | 'submitted'>
  /** Who registers: the actor's organisation must be a partner today (the proposals module's check). */
  partnerOf: ProposalsService['authorizeRespond']
  partnerships: Pick<PartnershipsService, 'partnersOn'>
  decisions: Pick<DecisionsService, 'open' | 'ofGathering'>
  accounts: Pick<AccountsRepository, 'curatorsAndMembersOf'>
  audit: AuditRepository
  mail: Pick<MailService, 'queue'>
  publicUrl: string
}

type Gathering = NonNullable<Awaited<ReturnType<GatheringsRepository['bySlug']>>>

/** The gathering is over: nobody registers for it any more. */
export class GatheringOverError extends AppError {
  constructor() {
    super('gathering-over', 409, 'gatherings.over')
  }
}

export const gatheringTitle = (g: Pick<Gathering, 'title_nl' | 'title_en'>, locale: Locale) => (locale === 'en' ? g.title_en : g.title_nl)
export const isPast = (g: Pick<Gathering, 'ends_at'>, now = new Date()) => new Date(g.ends_at) <= now

/** The moments a gathering's form stands for, or the problems with its date and times. */
function momentsOf(input: GatheringInput) {
  const problems: FieldProblem[] = []
  const start = normaliseTime(input.startTime)
  const end = normaliseTime(input.endTime)
  if (!start) problems.push({ name: 'startTime', messageKey: 'gatherings.badTime' })
  if (!end) problems.push({ name: 'endTime', messageKey: 'gatherings.badTime' })
  if (start && end && end <= start) problems.push({ name: 'endTime', messageKey: 'gatherings.endBeforeStart' })
  if (!input.place && !input.onlineUrl) problems.push({ name: 'place', messageKey: 'gatherings.placeOrLink' })
  if (problems.length > 0 || !start || !end) throw new ValidationError(problems)
  return { starts_at: amsterdamToUtc(input.date, start), ends_at: amsterdamToUtc(input.date, end) }
}

/** Gatherings of the partners: curators plan them, members register who attends, the minutes and decisions stay. */
export function createGatheringsService(deps: GatheringsDeps) {
  const { transaction, repository, audit } = deps
  const link = (locale: Locale, slug: string) => `${deps.publicUrl}${localePath(locale, `/gatherings/${slug}`)}`

  async function find(slug: string) {
    const gathering = await repository.bySlug(slug)
    if (!gathering) throw new NotFoundError('gatherings.notFound')
    return gathering
  }

  async function lock(trx: Tx, id: number) {
    const gathering = await repository.lock(trx, id)
    if (!gathering) throw new NotFoundError('gatherings.notFound')
    return gathering
  }

  /** A free address: the Dutch title and the date, with -2, -3… when taken. */
  async function freeSlug(trx: Tx, title: string, date: string) {
    const base = `${slugify(title, 60) || 'bijeenkomst'}-${date}`
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`
      if (!(await repository.slugTaken(slug, trx))) return slug
    }
  }

  const snapshot = (g: Gathering) => ({ title_nl: g.title_nl, title_en: g.title_en, starts_at: g.starts_at, ends_at: g.ends_at, place: g.place, online_url: g.online_url, version: g.version })

  return {
    list: () => repository.list(),
    find,

    /** Every gathering with its agenda, documents, attendance and decisions (the API's list). */
    async listDetailed() {
      return Promise.all(
        (await repository.list()).map(async (gathering) => {
          const [agenda, documents, attendance, decisions] = await Promise.all([repository.agenda(gathering.id), repository.documents(gathering.id), repository.attendance(gathering.id), deps.decisions.ofGathering(gathering.id)])
          return { gathering, agenda, documents, attendance, decisions }
        }),
      )
    },

    /** Everything a gathering's page shows; the viewer's own organisation and colleagues when they may register. */
    async load(actor: Actor, slug: string) {
      const gathering = await find(slug)
      const [agenda, documents, registrations, attendance, decisions] = await Promise.all([
        repository.agenda(gathering.id),
        repository.documents(gathering.id),
        repository.registrations(gathering.id),
        repository.attendance(gathering.id),
        deps.decisions.ofGathering(gathering.id),
      ])
      let registering: { organisation: { id: number; name: string }; colleagues: { id: number; name: string }[] } | undefined
      if (!isPast(gathering) && actor.kind === 'user' && actor.organisationId !== null) {
        try {
          const { organisation } = await deps.partnerOf(actor)
          registering = { organisation, colleagues: await repository.colleagues(organisation.id) }
        } catch {
          registering = undefined
        }
      }
      const manage = can(actor, 'gatherings.manage')
      return {
        gathering,
        agenda,
        documents,
        registrations,
        attendance,
        decisions,
        registering,
        manage,
        submitted: manage ? await deps.proposals.submitted() : [],
      }
    },

    /** The partner organisations a curator ticks as present in the minutes (those on the gathering's day). */
    partnersOnDayOf: (g: Pick<Gathering, 'starts_at'>) => deps.partnerships.partnersOn(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(g.starts_at))),

    agenda: (id: number) => repository.agenda(id),
    documents: (id: number) => repository.documents(id),
    attendance: (id: number) => repository.attendance(id),

    /** Refuses (401, 403) whoever may not plan gatherings. */
    authorizeManage: (actor: Actor) => authorize(actor, 'gatherings.manage'),

    /** Refuses (401, 403 with the reason) whoever may not register for an organisation. */
    authorizeRegister: (actor: Actor) => deps.partnerOf(actor),

    /** A curator plans a gathering; the members of the current partners (and the curators) are told in their language. */
    create: (actor: Actor, input: GatheringInput) =>
      transaction(async (trx) => {
        authorize(actor, 'gatherings.manage')
        const moments = momentsOf(input)
        const saved = await repository.create(trx, { slug: await freeSlug(trx, input.titleNl, input.date), title_nl: input.titleNl, title_en: input.titleEn, ...moments, place: input.place ?? null, online_url: input.onlineUrl ?? null })
        await audit.record(trx, actor, { action: 'gathering.created', entityType: 'gathering', entityId: saved.id, after: { slug: saved.slug, ...snapshot(saved) } })
        const partners = await deps.partnerships.partnersOn(todayInAmsterdam(), trx)
        for (const r of await deps.accounts.curatorsAndMembersOf(partners.map((p) => p.id), trx)) {
          await deps.mail.queue(trx, {
            to: r.email,
            locale: r.locale,
            subjectKey: 'mail.gatherings.new.subject',
            bodyKey: 'mail.gatherings.new.body',
            params: { title: gatheringTitle(saved, r.locale), when: formatDate(r.locale, saved.starts_at, { time: true }), where: [saved.place, saved.online_url].filter(Boolean).join(' – '), link: link(r.locale, saved.slug) },
          })
        }
        return saved
      }),

    /** A curator changes a gathering's title, times or place, at the version they saw (else 409, what was typed kept). */
    update: (actor: Actor, id: number, input: GatheringInput) =>
      transaction(async (trx) => {
        authorize(actor, 'gatherings.manage')
        const current = await lock(trx, id)
        if (input.version !== undefined && input.version !== current.version) throw new ConflictError('gatherings.changedMeanwhile')
        const saved = await repository.update(trx, id, { title_nl: input.titleNl, title_en: input.titleEn, ...momentsOf(input), place: input.place ?? null, online_url: input.onlineUrl ?? null })
        await audit.record(trx, actor, { action: 'gathering.updated', entityType: 'gathering', entityId: id, before: snapshot(current), after: snapshot(saved) })
        return saved
      }),

    /** A curator saves the agenda in order; the items that put a proposal to the partners must stay on it. */
    saveAgenda: (actor: Actor, id: number, rows: AgendaRow[]) =>
      transaction(async (trx) => {
        authorize(actor, 'gatherings.manage')
        const gathering = await lock(trx, id)
        const before = await repository.agenda(id, trx)
        const kept = new Set(rows.map((r) => r.proposal).filter((p) => p !== undefined))
        const dropped = before.find((item) => item.proposal_id !== null && !kept.has(item.proposal_id))
        if (dropped) throw new ValidationError([{ name: 'item-0-nl', messageKey: 'gatherings.decisionItemStays', params: { title: dropped.proposal_title ?? '' } }])
        const unknown = rows.find((r) => r.proposal !== undefined && !before.some((item) => item.proposal_id === r.proposal))
        if (unknown) throw new ValidationError([{ name: 'item-0-nl', messageKey: 'gatherings.decisionItemUnknown' }])
        await repository.replaceAgenda(trx, id, rows)
        await audit.record(trx, actor, { action: 'gathering.agenda_saved', entityType: 'gathering', entityId: id, before: { agenda: before.map((i) => ({ title_nl: i.title_nl, sub: i.parent_id !== null, proposal_id: i.proposal_id })) }, after: { agenda: rows.map((r) => ({ title_nl: r.titleNl, sub: r.level === 'sub', proposal_id: r.proposal ?? null })) } })
        return gathering
      }),

    /** A curator puts a submitted proposal on the agenda as a decision item: the proposal is then on the agenda. */
    putOnAgenda: (actor: Actor, id: number, input: PutOnAgendaInput) =>
      transaction(async (trx) => {
        authorize(actor, 'gatherings.manage')
        const gathering = await lock(trx, id)
        const proposal = await deps.proposals.lockById(trx, input.proposal)
        if (!proposal || proposal.status !== 'submitted') throw new ValidationError([{ name: 'proposal', messageKey: 'gatherings.proposalNotSubmitted' }])
        const item = await repository.appendAgendaItem(trx, id, { title_nl: proposal.title, title_en: proposal.title, proposal_id: proposal.id })
        await deps.proposals.setStatus(trx, proposal.id, 'on_agenda')
        await audit.record(trx, actor, { action: 'proposal.put_on_agenda', entityType: 'proposal', entityId: proposal.id, before: { status: proposal.status }, after: { status: 'on_agenda', gathering_id: id, agenda_item_id: item.id } })
        return gathering
      }),

    /** A curator opens the vote on an agenda item's proposal from the gathering: the decision belongs to it. */
    async openVote(actor: Actor, id: number, itemId: number, input: OpenVoteInput) {
      authorize(actor, 'gatherings.manage')
      const item = await repository.agendaItem(id, itemId)
      if (!item || item.proposal_id === null) throw new NotFoundError('gatherings.notFound')
      return deps.decisions.open(actor, item.proposal_id, input, { gatheringId: id })
    },

    saveDocuments: (actor: Actor, id: number, rows: DocumentRow[]) =>
      transaction(async (trx) => {
        authorize(actor, 'gatherings.manage')
        const gathering = await lock(trx, id)
        const before = await repository.documents(id, trx)
        await repository.replaceDocuments(trx, id, rows)
        await audit.record(trx, actor, { action: 'gathering.documents_saved', entityType: 'gathering', entityId: id, before: { documents: before.map((d) => ({ title: d.title, url: d.url })) }, after: { documents: rows } })
        return gathering
      }),

    /** A curator writes the minutes (both languages) and ticks the organisations that were there. */
    saveMinutes: (actor: Actor, id: number, input: MinutesInput) =>
      transaction(async (trx) => {
        authorize(actor, 'gatherings.manage')
        const gathering = await lock(trx, id)
        const partners = new Set((await deps.partnerships.partnersOn(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(gathering.starts_at)), trx)).map((p) => p.id))
        const attendance = input.attendance ?? []
        const stranger = attendance.find((o) => !partners.has(o))
        if (stranger !== undefined) throw new ValidationError([{ name: 'attendance', messageKey: 'validation.unknownValue', params: { value: String(stranger) } }])
        const before = { minutes_nl: gathering.minutes_nl, minutes_en: gathering.minutes_en, attendance: (await repository.attendance(id, trx)).map((o) => o.id) }
        const saved = await repository.update(trx, id, { minutes_nl: input.minutesNl ?? null, minutes_en: input.minutesEn ?? null })
        await repository.replaceAttendance(trx, id, attendance)
        await audit.record(trx, actor, { action: 'gathering.minutes_saved', entityType: 'gathering', entityId: id, before, after: { minutes_nl: saved.minutes_nl, minutes_en: saved.minutes_en, attendance } })
        return saved
      }),

    /**
     * A member of a current partner says who of their organisation attends (themselves, colleagues): the ticked
     * members replace the organisation's earlier registration. Members of another organisation are refused.
     */
    register: (actor: Actor, id: number, input: RegistrationInput) =>
      transaction(async (trx) => {
        const { user, organisation } = await deps.partnerOf(actor, trx)
        const gathering = await lock(trx, id)
        if (isPast(gathering)) throw new GatheringOverError()
        const colleagues = new Set((await repository.colleagues(organisation.id, trx)).map((c) => c.id))
        const attendees = input.attendees ?? []
        if (attendees.some((a) => !colleagues.has(a))) throw new ForbiddenError()
        const before = (await repository.registrations(id, trx)).filter((r) => r.organisation_id === organisation.id).map((r) => r.user_id)
        await repository.replaceRegistrations(trx, id, organisation.id, attendees, user.id)
        await audit.record(trx, actor, { action: 'gathering.registered', entityType: 'gathering', entityId: id, before: { organisation_id: organisation.id, attendees: before }, after: { organisation_id: organisation.id, attendees } })
        return gathering
      }),
  }
}
export type GatheringsService = ReturnType<typeof createGatheringsService>
