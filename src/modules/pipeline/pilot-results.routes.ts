import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { authorize } from '../../lib/policy.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { PilotResultSchema } from './pilot-results.schemas.ts'
import type { PilotResultsService } from './pilot-results.service.ts'
import { pilotResultPage, pilotResultValues } from './views/pilot-result.page.ts'

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

/** /tools/{slug}/pilot: a member of a municipality records the results of its pilot of the tool. */
export function registerPilotResultPages(app: FastifyInstance, deps: { config: Config; pilotResults: PilotResultsService }) {
  for (const locale of LOCALES) {
    const path = localePath(locale, '/tools/:slug/pilot')
    const slugOf = (request: SlugRequest) => {
      if (!isSlug(request.params.slug)) throw new NotFoundError('error.toolNotFound', { slug: request.params.slug.slice(0, 80) })
      return request.params.slug
    }
    const render = async (request: SlugRequest, reply: FastifyReply, state?: FormState) => {
      const loaded = await deps.pilotResults.load(request.actor, slugOf(request))
      return pilotResultPage(pageContext(request, deps.config.PUBLIC_URL), {
        ...loaded,
        values: state?.values ?? pilotResultValues(loaded),
        refusal: state?.error,
        flash: state ? undefined : flashFrom(request.query, { saved: 'pilotResult.saved' }),
        csrfToken: reply.generateCsrf(),
      })
    }
    app.get<{ Params: { slug: string } }>(path, async (request, reply) => sendPage(reply, await render(request, reply)))
    app.post<{ Params: { slug: string } }>(path, async (request, reply) => {
      authorize(request.actor, 'pilot.record')
      const slug = slugOf(request)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await deps.pilotResults.save(request.actor, slug, validateInput(PilotResultSchema, request.body))
          return `${localePath(locale, `/tools/${slug}/pilot`)}?done=saved`
        },
        render: (state) => render(request, reply, state),
      })
    })
  }
}
