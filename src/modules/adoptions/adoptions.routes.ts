import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES, type Locale } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues, str, type FormValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize } from '../../lib/policy.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { AdoptionSchema, ADOPTION_LIMITS, RemoveAdoptionSchema } from './adoptions.schemas.ts'
import type { AdoptionsService } from './adoptions.service.ts'
import { adoptionPage, adoptionValues } from './views/adoption.page.ts'

export interface AdoptionRouteDeps {
  config: Config
  adoptions: AdoptionsService
  organisations: Pick<OrganisationsService, 'pickerEntries'>
}

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

/** The organisation named in the query (a curator's choice), cut to the field's length. */
function typedOrganisation(request: FastifyRequest): string | undefined {
  const v = (request.query as Record<string, unknown>).organisation
  const one = Array.isArray(v) ? v.at(-1) : v
  return typeof one === 'string' && one.trim() !== '' ? one.trim().slice(0, ADOPTION_LIMITS.organisation) : undefined
}

/** The organisation a curator's form named. */
const typedIn = (values: FormValues) => str(values, 'organisation')?.trim().slice(0, ADOPTION_LIMITS.organisation) || undefined

/** Where a save or removal leads: the page again (for a curator, with the organisation it was for), with a message. */
function donePath(locale: Locale, slug: string, organisation: string | undefined, done: 'saved' | 'removed') {
  const query = new URLSearchParams({ ...(organisation ? { organisation } : {}), done })
  return `${localePath(locale, `/tools/${slug}/adoption`)}?${query}`
}

/** /tools/{slug}/adoption: members record that their organisation uses a tool; curators do so on an organisation's behalf. */
export function registerAdoptionPages(app: FastifyInstance, deps: AdoptionRouteDeps) {
  const { adoptions } = deps
  for (const locale of LOCALES) {
    const slugOf = (request: SlugRequest) => {
      if (!isSlug(request.params.slug)) throw new NotFoundError('error.toolNotFound', { slug: request.params.slug.slice(0, 80) })
      return request.params.slug
    }

    /** The page as things are now, or with a refused post: what was typed, and why it was refused. */
    const render = async (request: SlugRequest, reply: FastifyReply, typed: string | undefined, state?: FormState) => {
      const loaded = await adoptions.load(request.actor, slugOf(request), typed)
      const values = state?.values ?? { ...adoptionValues(loaded), ...(loaded.forAny && typed && !loaded.organisation ? { organisation: typed } : {}) }
      return adoptionPage(pageContext(request, deps.config.PUBLIC_URL), {
        ...loaded,
        // A refused post brings its own problems; those of the organisation's lookup would say the same again.
        problems: state ? [] : loaded.problems,
        values,
        refusal: state?.error,
        flash: state ? undefined : flashFrom(request.query, { saved: 'adoption.done.saved', removed: 'adoption.done.removed' }),
        pickerEntries: loaded.forAny ? await deps.organisations.pickerEntries() : [],
        csrfToken: reply.generateCsrf(),
      })
    }

    const path = localePath(locale, '/tools/:slug/adoption')
    app.get<{ Params: { slug: string } }>(path, async (request, reply) => {
      return sendPage(reply, await render(request, reply, typedOrganisation(request)))
    })

    app.post<{ Params: { slug: string } }>(path, async (request, reply) => {
      authorize(request.actor, 'adoption.record')
      const slug = slugOf(request)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          const { organisation, forAny } = await adoptions.record(request.actor, slug, validateInput(AdoptionSchema, request.body))
          return donePath(locale, slug, forAny ? organisation.name : undefined, 'saved')
        },
        render: (state) => render(request, reply, typedIn(values), state),
      })
    })

    app.post<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/adoption/remove'), async (request, reply) => {
      authorize(request.actor, 'adoption.record')
      const slug = slugOf(request)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          const { organisation, forAny } = await adoptions.remove(request.actor, slug, validateInput(RemoveAdoptionSchema, request.body))
          return donePath(locale, slug, forAny ? organisation.name : undefined, 'removed')
        },
        render: (state) => render(request, reply, typedIn(values), state),
      })
    })
  }
}
