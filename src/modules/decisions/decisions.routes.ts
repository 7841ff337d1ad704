import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localeOfPath, localePath } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { can } from '../../lib/policy.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { proposalIdOf } from '../proposals/proposals.routes.ts'
import { OpenVoteSchema, VoteSchema } from './decisions.schemas.ts'
import type { DecisionsService } from './decisions.service.ts'
import { decisionPage } from './views/decision.page.ts'
import { decisionsPage } from './views/decisions.page.ts'
import { proposalDecisions } from './views/proposal-decisions.ts'

const idOf = (raw: string) => {
  if (!/^[0-9]{1,15}$/.test(raw)) throw new NotFoundError('decisions.notFound')
  return Number(raw)
}

const DONE = { opened: 'decisions.done.opened', voted: 'decisions.done.voted', closed: 'decisions.done.closed' } as const

/** What a proposal's page shows of its decisions (and, for curators, the form that opens a vote). */
export function decisionsOnProposal(decisions: DecisionsService) {
  return async (request: FastifyRequest, reply: FastifyReply, proposalId: number, refused?: FormState) => {
    const locale: Locale = localeOfPath(request.url)
    const list = await decisions.ofProposal(proposalId)
    const mayOpen = request.actor.kind === 'user' && can(request.actor, 'decisions.manage') && !list.some((d) => d.closed_at === null) && ['submitted', 'on_agenda'].includes(list[0]?.proposal_status ?? 'submitted')
    return proposalDecisions(locale, { proposalId, decisions: list, mayOpen, csrfToken: mayOpen ? reply.generateCsrf() : undefined, values: refused?.values, problems: refused?.problems })
  }
}

/** /decisions (every decision), /decisions/{id} (the vote), and opening a vote on a proposal. */
export function registerDecisionPages(app: FastifyInstance, deps: { config: Config; decisions: DecisionsService; renderProposal: (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, refused: FormState) => Promise<string> }) {
  const { config, decisions } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)

    app.get(p('/decisions'), async (request, reply) => sendPage(reply, decisionsPage(pageContext(request, config.PUBLIC_URL), await decisions.list())))

    const render = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, refused?: FormState) => {
      const loaded = await decisions.load(request.actor, idOf(request.params.id))
      const signedIn = request.actor.kind === 'user'
      if (signedIn) reply.header('cache-control', 'no-store')
      return decisionPage(pageContext(request, config.PUBLIC_URL), {
        ...loaded,
        manage: signedIn && can(request.actor, 'decisions.manage'),
        csrfToken: signedIn ? reply.generateCsrf() : undefined,
        flash: refused ? undefined : flashFrom(request.query, DONE),
        refusal: refused?.error,
      })
    }

    app.get<{ Params: { id: string } }>(p('/decisions/:id'), async (request, reply) => sendPage(reply, await render(request, reply)))

    app.post<{ Params: { id: string } }>(p('/proposals/:id/decisions'), async (request, reply) => {
      const proposalId = proposalIdOf(request.params.id)
      decisions.authorizeManage(request.actor)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          const opened = await decisions.open(request.actor, proposalId, validateInput(OpenVoteSchema, request.body))
          return `${p(`/decisions/${opened.id}`)}?done=opened`
        },
        render: (state) => deps.renderProposal(request, reply, state),
      })
    })

    app.post<{ Params: { id: string } }>(p('/decisions/:id/vote'), async (request, reply) => {
      const id = idOf(request.params.id)
      await decisions.authorizeVote(request.actor)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await decisions.vote(request.actor, id, validateInput(VoteSchema, request.body))
          return `${p(`/decisions/${id}`)}?done=voted`
        },
        render: (state) => render(request, reply, state),
      })
    })

    app.post<{ Params: { id: string } }>(p('/decisions/:id/close'), async (request, reply) => {
      const id = idOf(request.params.id)
      decisions.authorizeManage(request.actor)
      return handleFormPost(reply, {
        values: {},
        submit: async () => {
          await decisions.close(request.actor, id)
          return `${p(`/decisions/${id}`)}?done=closed`
        },
        render: (state) => render(request, reply, state),
      })
    })
  }
}
