import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import type { Actor } from '../../lib/actor.ts'
import { authorize } from '../../lib/policy.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { OrganisationsRepository } from '../organisations/organisations.repository.ts'
import type { PartnershipsService } from '../partnerships/partnerships.service.ts'
import { todayInAmsterdam } from '../partnerships/partnerships.service.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { rankCandidates, type Match, type MatchCandidate, type Reason } from '../submissions/similarity.ts'
import type { SubmissionsService } from '../submissions/submissions.service.ts'
import type { ProposalsRepository } from './proposals.repository.ts'
import type { CommentInput, DeclineInput, MergeInput, ProposalInput, ResponseInput } from './proposals.schemas.ts'

/** A likely duplicate of a proposal as its page shows it: a tool, a shared tool under review, or another proposal. */
export interface ProposalCandidate {
  kind: 'tool' | 'submission' | 'proposal'
  id: number
  slug: string | null
  name: string
  status: string
  likely: boolean
  reasons: Reason[]
}

/** Only members of a current City Deal partner propose and respond (issue 11); the reason says which it is not. */
export class NotAPartnerError extends AppError {
  constructor(organisation: string | undefined) {
    super('not-a-partner', 403, organisation ? 'proposals.notPartner' : 'proposals.noOrganisation', { organisation: organisation ?? '–' })
  }
}

/** The proposer saw likely duplicates and has not yet said theirs is different. */
export class ProposalDuplicatesError extends AppError {
  readonly candidates: ProposalCandidate[]
  constructor(candidates: ProposalCandidate[]) {
    super('possible-duplicates', 409, 'proposals.duplicates.problem')
    this.candidates = candidates
  }
}

export interface ProposalsDeps {
  transaction: RunInTransaction
  repository: ProposalsRepository
  partnerships: Pick<PartnershipsService, 'isPartnerOn'>
  organisationsRepository: Pick<OrganisationsRepository, 'findById' | 'findByNameOrAlias'>
  duplicates: Pick<SubmissionsService, 'similar'>
  accounts: Pick<AccountsRepository, 'activeCurators'>
  audit: AuditRepository
  mail: Pick<MailService, 'queue'>
  reference: ReferenceData
  publicUrl: string
  /** Whether a vote on the proposal is open (the decisions module's table): then it is not declined or merged. */
  hasOpenVote: (proposalId: number, x: Tx) => Promise<boolean>
}

const fromMatch = (m: Match, kind: ProposalCandidate['kind']): ProposalCandidate => ({
  kind,
  id: m.candidate.id,
  slug: m.candidate.slug,
  name: m.candidate.name,
  status: m.candidate.status,
  likely: m.likely,
  reasons: m.reasons,
})

/** Tool proposals: a partner member proposes, the duplicate check runs first, partners respond and members comment. */
export function createProposalsService(deps: ProposalsDeps) {
  const { transaction, repository, audit, reference } = deps

  /** The actor's organisation, refused unless it is a City Deal partner today. */
  async function partnerOf(actor: Actor, action: 'proposal.create' | 'proposal.respond', x?: Tx) {
    if (actor.kind === 'user' && actor.organisationId === null) throw new NotAPartnerError(undefined)
    const user = authorize(actor, action)
    const organisation = user.organisationId === null ? undefined : await deps.organisationsRepository.findById(user.organisationId, x)
    if (!organisation) throw new NotAPartnerError(undefined)
    if (!(await deps.partnerships.isPartnerOn(organisation.id, todayInAmsterdam(), x))) throw new NotAPartnerError(organisation.name)
    return { user, organisation }
  }

  /** Codes must be ones we know; the schema checks only their shape. */
  function checkCodes(input: ProposalInput): FieldProblem[] {
    const problems: FieldProblem[] = []
    const known = (family: string) => new Set(reference.criteria.filter((c) => c.family === family).map((c) => c.code))
    const unknown = (name: string, values: string[] | undefined, allowed: Set<string>) => {
      const bad = (values ?? []).find((v) => !allowed.has(v))
      if (bad) problems.push({ name, messageKey: 'validation.unknownValue', params: { value: bad.slice(0, 60) } })
    }
    if (!reference.formsByCode.has(input.form)) problems.push({ name: 'form', messageKey: 'validation.unknownValue', params: { value: input.form } })
    unknown('principles', input.principles, known('principle'))
    unknown('themes', input.themes, known('rathenau'))
    unknown('sdgTargets', input.sdgTargets, new Set(reference.sdgTargets.map((t) => t.code)))
    return problems
  }

  /** The municipalities typed one per line, each found by its name or an alias; unknown names are refused by name. */
  async function municipalitiesOf(text: string | undefined, x?: Tx) {
    const names = [...new Set((text ?? '').split('\n').map((n) => n.trim()).filter(Boolean))]
    const found: { id: number; name: string }[] = []
    const unknown: string[] = []
    for (const name of names.slice(0, 60)) {
      const match = (await deps.organisationsRepository.findByNameOrAlias(name, x)).find((o) => o.kind === 'municipality')
      if (match) found.push({ id: match.id, name: match.name })
      else unknown.push(name.slice(0, 80))
    }
    if (unknown.length > 0) throw new ValidationError([{ name: 'municipalities', messageKey: 'proposals.unknownMunicipalities', params: { names: unknown.join(', ') } }])
    return found
  }

  /** The proposal, locked, still open and without an open vote: a curator may decline or merge it. */
  async function lockOpen(trx: Tx, id: number) {
    const proposal = await repository.lockById(trx, id)
    if (!proposal) throw new NotFoundError('proposals.notFound')
    if (!['submitted', 'on_agenda'].includes(proposal.status)) throw new AppError('proposal-closed', 409, 'proposals.closed')
    if (await deps.hasOpenVote(id, trx)) throw new AppError('vote-open', 409, 'proposals.voteOpen')
    return proposal
  }

  return {
    /**
     * The likely duplicates of a proposal, best first: published tools, tools in development and ideas, shared tools
     * under review (the duplicate check of sharing), and the other open proposals (ranked by the same scoring).
     */
    async similar(query: { name: string; description: string }, exceptId?: number): Promise<ProposalCandidate[]> {
      const [existing, open] = await Promise.all([deps.duplicates.similar(query, { limit: 5 }), repository.openForMatching()])
      // The scoring reads names, descriptions and addresses only; the candidate's type is not part of it.
      const proposals: MatchCandidate[] = open
        .filter((p) => p.id !== exceptId)
        .map((p) => ({ type: 'submission', id: p.id, slug: null, name: p.title, status: p.status, names: [{ text: p.title, kind: 'name', language: p.locale }], descriptions: [{ text: p.summary, language: p.locale }], urls: [] }))
      return [...existing.map((m) => fromMatch(m, m.candidate.type)), ...rankCandidates(query, proposals, 5).map((m) => fromMatch(m, 'proposal'))]
    },

    /** Refuses (401, 403 with the reason) whoever may not propose, before their input is looked at. */
    authorizePropose: (actor: Actor) => partnerOf(actor, 'proposal.create'),

    /** Refuses (401, 403 with the reason) whoever may not respond for an organisation, before their input is looked at. */
    authorizeRespond: (actor: Actor, x?: Tx) => partnerOf(actor, 'proposal.respond', x),

    /** Refuses (401, 403) whoever may not comment. */
    authorizeComment: (actor: Actor) => authorize(actor, 'proposal.comment'),

    /** Whether the actor may respond for a partner organisation today (the page shows the form then). */
    async partnerOrganisation(actor: Actor) {
      try {
        return (await partnerOf(actor, 'proposal.respond')).organisation
      } catch {
        return undefined
      }
    },

    /**
     * Saves a proposal after the duplicate check: likely duplicates the proposer has not confirmed as different stop
     * it (with the candidates and why each looks alike). The curators hear of it, each in their language.
     */
    async propose(actor: Actor, input: ProposalInput) {
      const { user, organisation } = await partnerOf(actor, 'proposal.create')
      const problems = checkCodes(input)
      if (problems.length > 0) throw new ValidationError(problems)
      const municipalities = await municipalitiesOf(input.municipalities)
      if (input.proposedOwner !== undefined && !(await deps.organisationsRepository.findById(input.proposedOwner))) {
        throw new ValidationError([{ name: 'proposedOwner', messageKey: 'validation.unknownValue', params: { value: String(input.proposedOwner) } }])
      }
      const candidates = await this.similar({ name: input.title, description: input.summary })
      const likely = candidates.filter((c) => c.likely)
      if (likely.length > 0 && input.confirmDifferent !== 'on') throw new ProposalDuplicatesError(candidates)
      const curators = await deps.accounts.activeCurators()
      return transaction(async (trx) => {
        const saved = await repository.create(trx, {
          title: input.title,
          summary: input.summary,
          locale: input.locale,
          process_question: input.processQuestion,
          occasion: input.occasion ?? null,
          category: input.category,
          form: input.form,
          principles: input.principles ?? [],
          themes: input.themes ?? [],
          sdg_targets: input.sdgTargets ?? [],
          proposed_owner_id: input.proposedOwner ?? null,
          proposed_by_user_id: user.id,
          proposed_by_organisation_id: organisation.id,
          duplicate_candidates: JSON.stringify(candidates),
        })
        await repository.addMunicipalities(trx, saved.id, municipalities.map((m) => m.id))
        await audit.record(trx, actor, {
          action: 'proposal.submitted',
          entityType: 'proposal',
          entityId: saved.id,
          after: { title: saved.title, category: saved.category, form: saved.form, proposed_owner_id: saved.proposed_owner_id, municipalities: municipalities.map((m) => m.id), confirmedDifferentFrom: likely.map((c) => ({ kind: c.kind, id: c.id })) },
        })
        for (const curator of curators) {
          await deps.mail.queue(trx, {
            to: curator.email,
            locale: curator.locale,
            subjectKey: 'mail.proposals.new.subject',
            bodyKey: 'mail.proposals.new.body',
            params: { title: saved.title, organisation: organisation.name, link: `${deps.publicUrl}${localePath(curator.locale, `/proposals/${saved.id}`)}` },
          })
        }
        return saved
      })
    },

    /** What a proposal's page shows. */
    async load(id: number) {
      const proposal = await repository.findById(id)
      if (!proposal) throw new NotFoundError('proposals.notFound')
      const [municipalities, responses, comments] = await Promise.all([repository.municipalities(id), repository.responses(id), repository.comments(id)])
      return { proposal, municipalities, responses, comments }
    },

    list: () => repository.list(),

    /** A partner organisation responds (or changes its response): one per organisation, given by any of its members. */
    respond: (actor: Actor, id: number, input: ResponseInput) =>
      transaction(async (trx) => {
        const { user, organisation } = await partnerOf(actor, 'proposal.respond', trx)
        const proposal = await repository.lockById(trx, id)
        if (!proposal) throw new NotFoundError('proposals.notFound')
        if (!['submitted', 'on_agenda'].includes(proposal.status)) throw new AppError('proposal-closed', 409, 'proposals.closed')
        const before = await repository.responseOf(id, organisation.id, trx)
        const saved = await repository.saveResponse(trx, { proposal_id: id, organisation_id: organisation.id, kind: input.kind, user_id: user.id })
        await audit.record(trx, actor, { action: before ? 'proposal.response_changed' : 'proposal.responded', entityType: 'proposal', entityId: id, before: before ? { organisation_id: organisation.id, kind: before.kind } : undefined, after: { organisation_id: organisation.id, kind: saved.kind } })
        return saved
      }),

    /** Refuses (401, 403) whoever may not decline or merge proposals. */
    authorizeManage: (actor: Actor) => authorize(actor, 'proposals.manage'),

    /** The open proposals a curator may merge this one into. */
    mergeTargets: async (id: number) => (await repository.openForMatching()).filter((p) => p.id !== id),

    /** A curator declines a proposal without a vote (not while a vote on it is open), with the reason; audited. */
    decline: (actor: Actor, id: number, input: DeclineInput) =>
      transaction(async (trx) => {
        authorize(actor, 'proposals.manage')
        const proposal = await lockOpen(trx, id)
        const saved = await repository.setStatus(trx, id, 'declined', { status_reason: input.reason })
        await audit.record(trx, actor, { action: 'proposal.declined', entityType: 'proposal', entityId: id, before: { status: proposal.status }, after: { status: saved.status, reason: input.reason } })
        return saved
      }),

    /** A curator merges a proposal into another open one (status merged, linked to it), with the reason; audited. */
    merge: (actor: Actor, id: number, input: MergeInput) =>
      transaction(async (trx) => {
        authorize(actor, 'proposals.manage')
        if (input.into === id) throw new ValidationError([{ name: 'into', messageKey: 'proposals.mergeIntoItself' }])
        const proposal = await lockOpen(trx, id)
        const target = await repository.lockById(trx, input.into)
        if (!target || !['submitted', 'on_agenda'].includes(target.status)) throw new ValidationError([{ name: 'into', messageKey: 'proposals.mergeTargetClosed' }])
        const saved = await repository.setStatus(trx, id, 'merged', { merged_into_id: target.id, status_reason: input.reason })
        await audit.record(trx, actor, { action: 'proposal.merged', entityType: 'proposal', entityId: id, before: { status: proposal.status }, after: { status: saved.status, merged_into_id: target.id, reason: input.reason } })
        return saved
      }),

    /** A signed-in member comments on a proposal. */
    comment: (actor: Actor, id: number, input: CommentInput) =>
      transaction(async (trx) => {
        const user = authorize(actor, 'proposal.comment')
        const proposal = await repository.lockById(trx, id)
        if (!proposal) throw new NotFoundError('proposals.notFound')
        const saved = await repository.addComment(trx, { proposal_id: id, user_id: user.id, organisation_id: user.organisationId, body: input.body, locale: user.locale })
        await audit.record(trx, actor, { action: 'proposal.commented', entityType: 'proposal', entityId: id, after: { comment_id: saved.id } })
        return saved
      }),
  }
}
export type ProposalsService = ReturnType<typeof createProposalsService>
