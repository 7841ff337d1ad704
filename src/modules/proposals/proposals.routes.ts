import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { rateLimit } from '../../plugins/session.ts'
import { formValues, type FormValues } from '../../views/form.ts'
import type { SafeHtml } from '../../views/html.ts'
import { flashFrom } from '../../views/simple.page.ts'
import type { PartnershipsService } from '../partnerships/partnerships.service.ts'
import { todayInAmsterdam } from '../partnerships/partnerships.service.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { CommentSchema, DeclineSchema, MergeSchema, ProposalSchema, ResponseSchema } from './proposals.schemas.ts'
import { can } from '../../lib/policy.ts'
import { ProposalDuplicatesError, type ProposalsService } from './proposals.service.ts'
import { newProposalPage, proposalDefaults } from './views/proposal-new.page.ts'
import { proposalPage } from './views/proposal.page.ts'
import { proposalsPage } from './views/proposals.page.ts'

export interface ProposalRouteDeps {
  config: Config
  reference: ReferenceData
  proposals: ProposalsService
  partnerships: Pick<PartnershipsService, 'partnersOn'>
  /** What other modules show on a proposal's page (the decisions on it), if any. */
  proposalExtras?: (request: FastifyRequest, reply: FastifyReply, proposalId: number, refused?: FormState) => Promise<SafeHtml | undefined>
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>

export const proposalIdOf = (raw: string) => {
  if (!/^[0-9]{1,15}$/.test(raw)) throw new NotFoundError('proposals.notFound')
  return Number(raw)
}

const DONE = { proposed: 'proposals.done.proposed', responded: 'proposals.done.responded', commented: 'proposals.done.commented', declined: 'proposals.done.declined', merged: 'proposals.done.merged' } as const

/** /proposals (every proposal), /proposals/new (a partner member proposes) and /proposals/{id} (responses, comments). */
export function registerProposalPages(app: FastifyInstance, deps: ProposalRouteDeps) {
  const { config, proposals, reference } = deps
  const render = async (request: IdRequest, reply: FastifyReply, refused?: { form: 'respond' | 'comment' | 'decline' | 'merge' | 'extras'; state: FormState }) => {
    const id = proposalIdOf(request.params.id)
    const loaded = await proposals.load(id)
    const signedIn = request.actor.kind === 'user'
    if (signedIn) reply.header('cache-control', 'no-store')
    return proposalPage(pageContext(request, config.PUBLIC_URL), reference, {
      ...loaded,
      partner: await proposals.partnerOrganisation(request.actor),
      signedIn,
      csrfToken: signedIn ? reply.generateCsrf() : undefined,
      flash: refused ? undefined : flashFrom(request.query, DONE),
      refused: refused && refused.form !== 'extras' ? { form: refused.form, ...refused.state } : undefined,
      manage: signedIn && can(request.actor, 'proposals.manage') ? { targets: await proposals.mergeTargets(id) } : undefined,
      more: deps.proposalExtras ? await deps.proposalExtras(request, reply, id, refused?.form === 'extras' ? refused.state : undefined) : undefined,
    })
  }


  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, config.PUBLIC_URL)

    app.get(p('/proposals'), async (request, reply) => {
      const mayPropose = !!(await proposals.partnerOrganisation(request.actor))
      if (request.actor.kind !== 'anonymous') reply.header('cache-control', 'no-store')
      return sendPage(reply, proposalsPage(context(request), { proposals: await proposals.list(), mayPropose }))
    })

    const newForm = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, state?: FormState) => {
      const { organisation } = await proposals.authorizePropose(request.actor)
      return newProposalPage(context(request), reference, {
        values,
        problems: state?.problems ?? [],
        candidates: state?.error instanceof ProposalDuplicatesError ? state.error.candidates : [],
        owners: await deps.partnerships.partnersOn(todayInAmsterdam()),
        organisation: organisation.name,
        csrfToken: reply.generateCsrf(),
      })
    }

    app.get(p('/proposals/new'), async (request, reply) => sendPage(reply, await newForm(request, reply, proposalDefaults(locale))))

    app.post(p('/proposals'), rateLimit(config, 'forms', 'proposal'), async (request, reply) => {
      await proposals.authorizePropose(request.actor)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          const saved = await proposals.propose(request.actor, validateInput(ProposalSchema, request.body))
          return `${p(`/proposals/${saved.id}`)}?done=proposed`
        },
        render: (state) => newForm(request, reply, values, state),
      })
    })

    app.get<{ Params: { id: string } }>(p('/proposals/:id'), async (request, reply) => sendPage(reply, await render(request, reply)))

    app.post<{ Params: { id: string } }>(p('/proposals/:id/respond'), async (request, reply) => {
      const id = proposalIdOf(request.params.id)
      await proposals.authorizeRespond(request.actor)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await proposals.respond(request.actor, id, validateInput(ResponseSchema, request.body))
          return `${p(`/proposals/${id}`)}?done=responded`
        },
        render: (state) => render(request, reply, { form: 'respond', state }),
      })
    })

    app.post<{ Params: { id: string } }>(p('/proposals/:id/comments'), rateLimit(config, 'forms', 'proposal-comment'), async (request, reply) => {
      const id = proposalIdOf(request.params.id)
      proposals.authorizeComment(request.actor)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await proposals.comment(request.actor, id, validateInput(CommentSchema, request.body))
          return `${p(`/proposals/${id}`)}?done=commented`
        },
        render: (state) => render(request, reply, { form: 'comment', state }),
      })
    })

    for (const action of ['decline', 'merge'] as const) {
      app.post<{ Params: { id: string } }>(p(`/proposals/:id/${action}`), async (request, reply) => {
        const id = proposalIdOf(request.params.id)
        proposals.authorizeManage(request.actor)
        return handleFormPost(reply, {
          values: formValues(request.body),
          submit: async () => {
            if (action === 'decline') await proposals.decline(request.actor, id, validateInput(DeclineSchema, request.body))
            else await proposals.merge(request.actor, id, validateInput(MergeSchema, request.body))
            return `${p(`/proposals/${id}`)}?done=${action === 'decline' ? 'declined' : 'merged'}`
          },
          render: (state) => render(request, reply, { form: action, state }),
        })
      })
    }
  }
  /** A proposal's page with a refused form of another module on it (opening a vote). */
  return { renderWithRefusedExtras: (request: IdRequest, reply: FastifyReply, state: FormState) => render(request, reply, { form: 'extras', state }) }
}
