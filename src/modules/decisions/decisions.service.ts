import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import type { DecisionOutcome } from '../../db/schema-partners.ts'
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../errors.ts'
import { localePath, translate } from '../../i18n/i18n.ts'
import { actorOf, type Actor } from '../../lib/actor.ts'
import { authorize } from '../../lib/policy.ts'
import { formatDate } from '../../views/format.ts'
import { slugify } from '../../lib/slug.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { PartnershipsService } from '../partnerships/partnerships.service.ts'
import { todayInAmsterdam } from '../partnerships/partnerships.service.ts'
import type { PilotsRepository } from '../pipeline/pilots.repository.ts'
import type { ProposalsRepository } from '../proposals/proposals.repository.ts'
import type { ProposalsService } from '../proposals/proposals.service.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { DecisionsRepository } from './decisions.repository.ts'
import type { OpenVoteInput, VoteInput } from './decisions.schemas.ts'

export interface DecisionsDeps {
  transaction: RunInTransaction
  repository: DecisionsRepository
  /** The proposals module's table: its status follows the vote; an adopted one links to its tool. */
  proposals: Pick<ProposalsRepository, 'lockById' | 'setStatus' | 'municipalities' | 'responses'>
  /** Who may vote: the actor's organisation must be a partner today (the proposals module's check). */
  partnerOf: ProposalsService['authorizeRespond']
  partnerships: Pick<PartnershipsService, 'partnersOn' | 'isPartnerOn' | 'refreshFlags'>
  tools: Pick<ToolsRepository, 'createTool' | 'refreshDerived' | 'recordStatus' | 'addOrganisationRole' | 'addThemes' | 'addSdgTargets' | 'findById'>
  pilots: Pick<PilotsRepository, 'createIfAbsent'>
  accounts: Pick<AccountsRepository, 'curatorsAndMembersOf' | 'membersOf'>
  audit: AuditRepository
  mail: Pick<MailService, 'queue'>
  publicUrl: string
}

/** The vote is closed (by a curator, or its last day has passed): nothing is counted after the close. */
export class VoteClosedError extends AppError {
  constructor() {
    super('vote-closed', 409, 'decisions.closed')
  }
}

/** Who closes a vote whose last day has passed, and reminds the partners before (the audit log names it). */
const CLOCK: Actor = { kind: 'system', label: 'decisions clock' }
/** The partners that have not voted are reminded once, this long before the vote closes. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000

type Decision = NonNullable<Awaited<ReturnType<DecisionsRepository['lock']>>>

/** Whether a vote can still be cast: not closed, and its last day (if any) not past. */
export const isOpen = (d: Pick<Decision, 'closed_at' | 'closes_at'>, now = new Date()) => d.closed_at === null && (d.closes_at === null || new Date(d.closes_at) > now)

/**
 * The outcome under the decision's rule: a quorum of the current partners must vote (abstaining counts as voting);
 * then more votes for than against adopts.
 */
export function outcomeOf(tally: { for: number; against: number; abstain: number }, eligible: number, quorumPercent: number): DecisionOutcome {
  const cast = tally.for + tally.against + tally.abstain
  if (eligible === 0 || cast * 100 < quorumPercent * eligible) return 'no_quorum'
  return tally.for > tally.against ? 'adopted' : 'declined'
}

/** Decisions: curators open and close votes on proposals; each current partner organisation has one vote. */
export function createDecisionsService(deps: DecisionsDeps) {
  const { transaction, repository, audit } = deps
  const link = (locale: 'nl' | 'en', id: number) => `${deps.publicUrl}${localePath(locale, `/decisions/${id}`)}`

  async function lockDecision(trx: Tx, id: number) {
    const decision = await repository.lock(trx, id)
    if (!decision) throw new NotFoundError('decisions.notFound')
    return decision
  }

  /** Tells the members of the current partners (and the curators), each in their language. */
  async function tellPartners(trx: Tx, subjectKey: 'mail.decisions.opened.subject' | 'mail.decisions.result.subject', bodyKey: 'mail.decisions.opened.body' | 'mail.decisions.result.body', id: number, params: (locale: 'nl' | 'en') => Record<string, string>) {
    const partners = await deps.partnerships.partnersOn(todayInAmsterdam(), trx)
    for (const r of await deps.accounts.curatorsAndMembersOf(partners.map((p) => p.id), trx)) {
      await deps.mail.queue(trx, { to: r.email, locale: r.locale, subjectKey, bodyKey, params: { ...params(r.locale), link: link(r.locale, id) } })
    }
  }

  /** The adopted proposal becomes a City Deal tool in selection, with its owner and its municipalities as pilots. */
  async function startTool(trx: Tx, actor: Actor, proposalId: number) {
    const proposal = (await deps.proposals.lockById(trx, proposalId))!
    const responses = await deps.proposals.responses(proposalId, trx)
    const owners = responses.filter((r) => r.kind === 'will_own').map((r) => r.organisation_id)
    // The committed owner: the proposed one, or else the one organisation that said it will own the tool.
    const ownerId = proposal.proposed_owner_id ?? (owners.length === 1 ? owners[0]! : null)
    const nl = proposal.locale === 'nl'
    const created = await deps.tools.createTool(trx, slugify(proposal.title) || 'tool', {
      name_nl: nl ? proposal.title : null,
      name_en: nl ? null : proposal.title,
      description_nl: nl ? proposal.summary : null,
      description_en: nl ? null : proposal.summary,
      process_question_nl: nl ? proposal.process_question : null,
      process_question_en: nl ? null : proposal.process_question,
      occasion_nl: nl ? proposal.occasion : null,
      occasion_en: nl ? null : proposal.occasion,
      category: proposal.category,
      form: proposal.form,
      status: 'selected',
      origin: 'city_deal',
    })
    if (ownerId !== null) await deps.tools.addOrganisationRole(trx, created.id, ownerId, 'owner')
    await deps.tools.addThemes(trx, created.id, proposal.themes)
    await deps.tools.addSdgTargets(trx, created.id, proposal.sdg_targets)
    // The municipalities named in the proposal, and those that responded they will test it, commit to a pilot.
    const municipalities = new Set([...(await deps.proposals.municipalities(proposalId, trx)).map((m) => m.id)])
    for (const r of responses) if (r.kind === 'will_test' && r.organisation_kind === 'municipality') municipalities.add(r.organisation_id)
    for (const m of municipalities) await deps.pilots.createIfAbsent(trx, created.id, m, { status: 'committed', committed_on: todayInAmsterdam() })
    await deps.tools.refreshDerived(trx, [created.id])
    await deps.tools.recordStatus(trx, created.id, 'selected', actorOf(actor))
    await audit.record(trx, actor, {
      action: 'tool.created',
      entityType: 'tool',
      entityId: created.id,
      after: { slug: created.slug, status: 'selected', origin: 'city_deal', from_proposal: proposalId, owner: ownerId, pilots: [...municipalities] },
    })
    return created
  }

  /**
   * Counts the votes of the organisations that are partners today under the decision's rule; the outcome and every
   * vote become public; an adopted proposal starts a tool in selection; the partners are told.
   */
  async function closeIn(trx: Tx, actor: Actor, id: number, closedByUserId: number | null) {
    const decision = await lockDecision(trx, id)
    if (decision.closed_at !== null) throw new VoteClosedError()
    const partners = new Set((await deps.partnerships.partnersOn(todayInAmsterdam(), trx)).map((p) => p.id))
    const votes = (await repository.votes(id, trx)).filter((v) => partners.has(v.organisation_id))
    const tally = { for: 0, against: 0, abstain: 0 }
    for (const v of votes) tally[v.choice]++
    const outcome = outcomeOf(tally, partners.size, decision.quorum_percent)
    const tool = outcome === 'adopted' ? await startTool(trx, actor, decision.proposal_id) : undefined
    const closed = await repository.close(trx, id, {
      outcome,
      eligible: partners.size,
      votes_for: tally.for,
      votes_against: tally.against,
      votes_abstain: tally.abstain,
      closed_by_user_id: closedByUserId,
      tool_id: tool?.id ?? null,
    })
    const status = outcome === 'adopted' ? 'adopted' : outcome === 'declined' ? 'declined' : 'submitted'
    const proposal = await deps.proposals.setStatus(trx, decision.proposal_id, status, { tool_id: tool?.id ?? null })
    await audit.record(trx, actor, {
      action: 'decision.closed',
      entityType: 'decision',
      entityId: id,
      before: { closed_at: null },
      after: { outcome, eligible: partners.size, tally, quorum_percent: decision.quorum_percent, votes: votes.map((v) => ({ organisation_id: v.organisation_id, choice: v.choice })), tool_id: tool?.id ?? null },
    })
    await tellPartners(trx, 'mail.decisions.result.subject', 'mail.decisions.result.body', id, (locale) => ({
      title: proposal.title,
      outcome: translate(locale, `decisions.outcome.${outcome}`),
      tally: `${tally.for} / ${tally.against} / ${tally.abstain}`,
    }))
    return { decision: closed, tool }
  }

  return {
    list: () => repository.list(),

    /** Every decision with its votes once closed (secret before): the API's list. */
    async listWithVotes() {
      return Promise.all((await repository.list()).map(async (decision) => ({ decision, votes: decision.closed_at === null ? [] : await repository.votes(decision.id) })))
    },
    ofProposal: (proposalId: number) => repository.ofProposal(proposalId),
    ofTool: (toolId: number) => repository.ofTool(toolId),
    ofGathering: (gatheringId: number) => repository.ofGathering(gatheringId),

    /** What a decision's page shows: the decision, every organisation's vote, and who may vote today. */
    async load(actor: Actor, id: number) {
      const decision = await repository.findById(id)
      if (!decision) throw new NotFoundError('decisions.notFound')
      const [votes, partners] = await Promise.all([repository.votes(id), deps.partnerships.partnersOn(todayInAmsterdam())])
      let voter: { id: number; name: string } | undefined
      try {
        voter = (await deps.partnerOf(actor)).organisation
      } catch {
        voter = undefined
      }
      return { decision, votes, partners, voter, open: isOpen(decision) }
    },

    /** Refuses (401, 403 with the reason) whoever may not vote for an organisation, before their input is looked at. */
    authorizeVote: (actor: Actor) => deps.partnerOf(actor),

    /** Refuses (401, 403) whoever may not open or close votes. */
    authorizeManage: (actor: Actor) => authorize(actor, 'decisions.manage'),

    /** A curator opens the vote on a proposal: the proposal goes on the agenda; the partners are told. */
    open: (actor: Actor, proposalId: number, input: OpenVoteInput, options: { gatheringId?: number } = {}) =>
      transaction(async (trx) => {
        const user = authorize(actor, 'decisions.manage')
        if (input.closesOn !== undefined && input.closesOn < todayInAmsterdam()) throw new ValidationError([{ name: 'closesOn', messageKey: 'decisions.closesInPast' }])
        const proposal = await deps.proposals.lockById(trx, proposalId)
        if (!proposal) throw new NotFoundError('proposals.notFound')
        if (!['submitted', 'on_agenda'].includes(proposal.status)) throw new AppError('proposal-closed', 409, 'proposals.closed')
        if (await repository.openFor(proposalId, trx)) throw new ConflictError('decisions.alreadyOpen')
        await deps.partnerships.refreshFlags(trx)
        const decision = await repository.create(trx, { proposal_id: proposalId, closes_on: input.closesOn ?? null, quorum_percent: input.quorumPercent, opened_by_user_id: user.id, gathering_id: options.gatheringId ?? null })
        await deps.proposals.setStatus(trx, proposalId, 'on_agenda')
        await audit.record(trx, actor, { action: 'decision.opened', entityType: 'decision', entityId: decision.id, after: { proposal_id: proposalId, gathering_id: decision.gathering_id, closes_at: decision.closes_at, quorum_percent: decision.quorum_percent, majority: decision.majority } })
        await tellPartners(trx, 'mail.decisions.opened.subject', 'mail.decisions.opened.body', decision.id, () => ({ title: proposal.title }))
        return decision
      }),

    /**
     * A member casts or changes their organisation's vote. The decision row is locked first and its state read
     * inside the transaction: a vote and the close at the same moment are taken one after the other, so a vote after
     * the close is refused, never counted. Two members of one organisation at once: one row, the later vote.
     */
    vote: (actor: Actor, id: number, input: VoteInput) =>
      transaction(async (trx) => {
        const { user, organisation } = await deps.partnerOf(actor, trx)
        const decision = await lockDecision(trx, id)
        if (!isOpen(decision)) throw new VoteClosedError()
        const before = await repository.voteOf(id, organisation.id, trx)
        const saved = await repository.saveVote(trx, { decision_id: id, organisation_id: organisation.id, choice: input.choice, user_id: user.id })
        await audit.record(trx, actor, {
          action: before ? 'decision.vote_changed' : 'decision.vote_cast',
          entityType: 'decision',
          entityId: id,
          before: before ? { organisation_id: organisation.id, choice: before.choice } : undefined,
          after: { organisation_id: organisation.id, choice: saved.choice },
        })
        return saved
      }),

    /**
     * A curator closes the vote: the votes of the organisations that are partners today are counted under the
     * decision's rule; the outcome and every vote become public. An adopted proposal starts a tool in selection.
     */
    close: (actor: Actor, id: number) =>
      transaction(async (trx) => {
        const user = authorize(actor, 'decisions.manage')
        return closeIn(trx, actor, id, user.id)
      }),

    /**
     * Closes every open vote whose last day has passed, each in its own transaction, exactly as a curator's close
     * (the same count, outcome, tool and e-mails), by the decisions clock. Answers the ids closed.
     */
    async closeDue(now = new Date()) {
      const closed: number[] = []
      for (const { id } of await repository.dueToClose(now)) {
        const done = await transaction(async (trx) => {
          const decision = await lockDecision(trx, id)
          // Closed meanwhile by a curator or another instance: nothing to do.
          if (decision.closed_at !== null || decision.closes_at === null || new Date(decision.closes_at) > now) return false
          await closeIn(trx, CLOCK, id, null)
          return true
        })
        if (done) closed.push(id)
      }
      return closed
    },

    /**
     * Reminds the members of the partners that have not voted yet, once per vote (decisions.reminded_at, set under the
     * decision's lock), when its close is less than REMINDER_BEFORE_MS away. Answers the ids reminded.
     */
    async remindDue(now = new Date()) {
      const reminded: number[] = []
      for (const { id } of await repository.dueForReminder(now, new Date(now.getTime() + REMINDER_BEFORE_MS))) {
        const done = await transaction(async (trx) => {
          const decision = await lockDecision(trx, id)
          if (decision.reminded_at !== null || !isOpen(decision, now) || decision.closes_at === null) return false
          await repository.markReminded(trx, id)
          const voted = new Set((await repository.votes(id, trx)).map((v) => v.organisation_id))
          const title = (await repository.findById(id, trx))?.proposal_title ?? ''
          // The moment shown is the last minute of the last day (closes_at is the midnight after it).
          const lastMinute = new Date(new Date(decision.closes_at).getTime() - 60_000)
          for (const partner of await deps.partnerships.partnersOn(todayInAmsterdam(), trx)) {
            if (voted.has(partner.id)) continue
            for (const r of await deps.accounts.membersOf(partner.id, trx)) {
              await deps.mail.queue(trx, {
                to: r.email,
                locale: r.locale,
                subjectKey: 'mail.decisions.closing.subject',
                bodyKey: 'mail.decisions.closing.body',
                params: { title, organisation: partner.name, closes: formatDate(r.locale, lastMinute, { time: true }), link: link(r.locale, id) },
              })
            }
          }
          await audit.record(trx, CLOCK, { action: 'decision.reminded', entityType: 'decision', entityId: id, after: { closes_at: decision.closes_at, organisations_voted: voted.size } })
          return true
        })
        if (done) reminded.push(id)
      }
      return reminded
    },
  }
}
export type DecisionsService = ReturnType<typeof createDecisionsService>
