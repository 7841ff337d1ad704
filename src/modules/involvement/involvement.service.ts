import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { label, localePath, translate } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import type { Actor } from '../../lib/actor.ts'
import { authorize, can } from '../../lib/policy.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { OrganisationsRepository } from '../organisations/organisations.repository.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { InvolvementRepository } from './involvement.repository.ts'
import type { InvolvementDecisionInput, InvolvementRequestInput } from './involvement.schemas.ts'

export interface InvolvementDeps {
  transaction: RunInTransaction
  repository: InvolvementRepository
  tools: ToolsRepository
  organisationsRepository: Pick<OrganisationsRepository, 'findById'>
  /** Who hears of a request (a read of the accounts' users). */
  accounts: Pick<AccountsRepository, 'curatorsAndMembersOf'>
  audit: AuditRepository
  mail: Pick<MailService, 'queue'>
  publicUrl: string
}

type Tool = NonNullable<Awaited<ReturnType<ToolsRepository['findBySlug']>>>
type ToolOrganisation = Awaited<ReturnType<ToolsRepository['editable']>>['organisations'][number]

/** An organisation has a request open for this tool already: one at a time (the database holds to it too). */
export class RequestOpenError extends AppError {
  constructor(organisation: string) {
    const problem: FieldProblem = { name: 'involvement', messageKey: 'involvementRequest.alreadyOpen', params: { organisation } }
    super('involvement-request-open', 409, 'involvementRequest.alreadyOpen', { organisation }, [problem])
  }
}

const toolName = (locale: Locale, tool: Pick<Tool, 'name_nl' | 'name_en' | 'slug'>) => (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? tool.slug
/** A vocabulary label in both languages, for a message shown in either. */
const bothLanguages = (prefix: string, code: string) => ({ nl: label('nl', prefix, code), en: label('en', prefix, code) })
/** The organisation roles of a tool as the audit log keeps them (the editor's organisations part keeps the same). */
const rolesSnapshot = (organisations: ToolOrganisation[]) => organisations.map((o) => ({ organisation_id: o.organisation_id, role: o.role, involvement: o.involvement }))
const rolesOf = (organisations: ToolOrganisation[]) => organisations.map((o) => ({ organisationId: o.organisation_id, role: o.role }))

/**
 * Why an organisation cannot ask to be involved in a tool, if it cannot: only initiatives of others in use take
 * requests, and not from their organising party or from a partner already involved that closely.
 */
function askProblem(tool: Tool, organisations: ToolOrganisation[], organisation: { id: number; name: string }, involvement?: string): FieldProblem | undefined {
  const name = 'involvement'
  if (tool.origin !== 'others_initiative') return { name, messageKey: 'involvementRequest.notInitiative' }
  if (tool.status === 'retired') return { name, messageKey: 'involvementRequest.retired' }
  const own = organisations.filter((o) => o.organisation_id === organisation.id)
  if (own.some((o) => o.role === 'organising_party')) return { name, messageKey: 'involvementRequest.youOrganise', params: { organisation: organisation.name } }
  const partner = own.find((o) => o.role === 'partner')
  if (partner?.involvement && (involvement === undefined || partner.involvement === involvement)) {
    return { name, messageKey: 'involvementRequest.already', params: { organisation: organisation.name, involvement: bothLanguages('involvement', partner.involvement) } }
  }
  return undefined
}

/** Initiatives of others: partners ask to be involved; curators and the organising party accept or decline. */
export function createInvolvementService(deps: InvolvementDeps) {
  const { transaction, repository, tools, audit, mail } = deps
  const pageUrl = (locale: Locale, slug: string) => `${deps.publicUrl}${localePath(locale, `/tools/${slug}/involvement`)}`

  async function findTool(slug: string, x?: Tx) {
    const tool = x ? await tools.lockBySlug(x, slug) : await tools.findBySlug(slug)
    if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    return tool
  }

  return {
    /**
     * What the involvement page shows a signed-in user: the tool and its organisations, their own organisation with
     * its open request or why it cannot ask, and (to curators and the organising party) the open requests.
     */
    async load(actor: Actor, slug: string) {
      const user = authorize(actor, 'account.view')
      const tool = await findTool(slug)
      const [{ organisations }, requests] = await Promise.all([tools.editable(tool.id), repository.openFor(tool.id)])
      const own = user.organisationId === null ? undefined : await deps.organisationsRepository.findById(user.organisationId)
      const ownOpen = own ? requests.find((r) => r.organisation_id === own.id) : undefined
      const mayDecide = can(user, 'involvement.decide', { organisationRoles: rolesOf(organisations) })
      const cannotAsk: FieldProblem | undefined = own ? askProblem(tool, organisations, own) : { name: 'involvement', messageKey: 'involvementRequest.noOrganisation' }
      return { tool, organisations, own: own ? { id: own.id, name: own.name } : undefined, ownOpen, cannotAsk, mayDecide, requests: mayDecide ? requests : [] }
    },

    /** A member asks, for their organisation, to be involved; the curators and the organiser's members are e-mailed. */
    request: (actor: Actor, slug: string, input: InvolvementRequestInput) =>
      transaction(async (trx) => {
        const user = authorize(actor, 'involvement.request')
        const tool = await findTool(slug, trx)
        const organisation = user.organisationId === null ? undefined : await deps.organisationsRepository.findById(user.organisationId, trx)
        if (!organisation) throw new ForbiddenError()
        authorize(user, 'involvement.request', { organisationId: organisation.id })
        const { organisations } = await tools.editable(tool.id, trx)
        const problem = askProblem(tool, organisations, organisation, input.involvement)
        if (problem) throw new ValidationError([problem])
        const request = await repository.create(trx, { tool_id: tool.id, organisation_id: organisation.id, requested_by_user_id: user.id, involvement: input.involvement, note: input.note ?? null })
        if (!request) throw new RequestOpenError(organisation.name)
        await audit.record(trx, actor, { action: 'involvement.requested', entityType: 'involvement_request', entityId: request.id, after: request })
        const organisers = organisations.filter((o) => o.role === 'organising_party').map((o) => o.organisation_id)
        for (const recipient of await deps.accounts.curatorsAndMembersOf(organisers, trx)) {
          await mail.queue(trx, {
            to: recipient.email,
            locale: recipient.locale,
            subjectKey: 'mail.involvement.requested.subject',
            bodyKey: 'mail.involvement.requested.body',
            params: {
              organisation: organisation.name,
              tool: toolName(recipient.locale, tool),
              involvement: label(recipient.locale, 'involvement', input.involvement),
              note: input.note ?? translate(recipient.locale, 'mail.involvement.noNote'),
              link: pageUrl(recipient.locale, tool.slug),
            },
          })
        }
        return request
      }),

    /**
     * Accepts (the organisation becomes a partner with the involvement asked for, the tool's version counts up) or
     * declines a request; the requester is e-mailed either way. A request decided already is a conflict.
     */
    decide: (actor: Actor, slug: string, requestId: number, input: InvolvementDecisionInput) =>
      transaction(async (trx) => {
        const tool = await findTool(slug, trx)
        const { organisations } = await tools.editable(tool.id, trx)
        authorize(actor, 'involvement.decide', { organisationRoles: rolesOf(organisations) })
        const request = await repository.lockForTool(trx, tool.id, requestId)
        if (!request) throw new NotFoundError()
        if (request.status !== 'open') throw new ConflictError('involvementRequest.alreadyDecided')
        const status = input.decision === 'accept' ? 'accepted' : 'declined'
        if (status === 'accepted') {
          await tools.setPartner(trx, tool.id, request.organisation_id, request.involvement)
          const saved = await tools.saveTool(trx, tool.id, {})
          await tools.refreshDerived(trx, [tool.id])
          await audit.record(trx, actor, {
            action: 'tool.partner_added',
            entityType: 'tool',
            entityId: tool.id,
            before: { version: tool.version, organisations: rolesSnapshot(organisations) },
            after: { version: saved.version, organisations: rolesSnapshot((await tools.editable(tool.id, trx)).organisations) },
          })
        }
        const decided = await repository.decide(trx, request.id, status)
        await audit.record(trx, actor, { action: `involvement.${status}`, entityType: 'involvement_request', entityId: request.id, before: { status: request.status }, after: decided })
        if (request.requester_email && request.requester_locale) {
          const locale = request.requester_locale
          await mail.queue(trx, {
            to: request.requester_email,
            locale,
            subjectKey: status === 'accepted' ? 'mail.involvement.accepted.subject' : 'mail.involvement.declined.subject',
            bodyKey: status === 'accepted' ? 'mail.involvement.accepted.body' : 'mail.involvement.declined.body',
            params: { organisation: request.organisation_name, tool: toolName(locale, tool), involvement: label(locale, 'involvement', request.involvement), link: `${deps.publicUrl}${localePath(locale, `/tools/${tool.slug}`)}` },
          })
        }
        return { status }
      }),
  }
}
export type InvolvementService = ReturnType<typeof createInvolvementService>
