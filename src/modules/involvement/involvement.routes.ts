import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize } from '../../lib/policy.ts'
import { InvolvementDecisionSchema, InvolvementRequestSchema } from './involvement.schemas.ts'
import type { InvolvementService } from './involvement.service.ts'
import { involvementPage } from './views/involvement.page.ts'

export interface InvolvementRouteDeps {
  config: Config
  involvement: InvolvementService
}

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

/** /tools/{slug}/involvement: asking to be involved in an initiative of others, and deciding on such requests. */
export function registerInvolvementPages(app: FastifyInstance, deps: InvolvementRouteDeps) {
  const { involvement } = deps
  for (const locale of LOCALES) {
    const slugOf = (request: SlugRequest) => {
      if (!isSlug(request.params.slug)) throw new NotFoundError('error.toolNotFound', { slug: request.params.slug.slice(0, 80) })
      return request.params.slug
    }
    const pagePath = (slug: string, done?: string) => `${localePath(locale, `/tools/${slug}/involvement`)}${done ? `?done=${done}` : ''}`

    const render = async (request: SlugRequest, reply: FastifyReply, state?: FormState) =>
      involvementPage(pageContext(request, deps.config.PUBLIC_URL), {
        ...(await involvement.load(request.actor, slugOf(request))),
        values: state?.values ?? {},
        refusal: state?.error,
        flash: state ? undefined : flashFrom(request.query, { sent: 'involvementRequest.done.sent', accepted: 'involvementRequest.done.accepted', declined: 'involvementRequest.done.declined' }),
        csrfToken: reply.generateCsrf(),
      })

    app.get<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/involvement'), async (request, reply) => sendPage(reply, await render(request, reply)))

    app.post<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/involvement'), async (request, reply) => {
      authorize(request.actor, 'involvement.request')
      const slug = slugOf(request)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await involvement.request(request.actor, slug, validateInput(InvolvementRequestSchema, request.body))
          return pagePath(slug, 'sent')
        },
        render: (state) => render(request, reply, state),
      })
    })

    app.post<{ Params: { slug: string; id: string } }>(localePath(locale, '/tools/:slug/involvement/:id/decide'), async (request, reply) => {
      // Who decides depends on the tool (its organising party): the service checks; nobody signed in is refused here.
      authorize(request.actor, 'account.view')
      const slug = slugOf(request)
      const id = /^[1-9][0-9]{0,15}$/.test(request.params.id) ? Number(request.params.id) : undefined
      if (id === undefined || !Number.isSafeInteger(id)) throw new NotFoundError()
      return handleFormPost(reply, {
        values: {},
        submit: async () => {
          const { status } = await involvement.decide(request.actor, slug, id, validateInput(InvolvementDecisionSchema, request.body))
          return pagePath(slug, status)
        },
        render: (state) => render(request, reply, state),
      })
    })
  }
}
