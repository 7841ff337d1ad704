import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { sendPage } from '../../plugins/forms.ts'
import { presentListItem, presentOrganisation } from './organisations.presenter.ts'
import { OrganisationsQuerySchema } from './organisations.schemas.ts'
import type { OrganisationsService } from './organisations.service.ts'
import { organisationPage } from './views/organisation.page.ts'
import { organisationsPage, organisationsSearchParams, type OrganisationsQuery } from './views/organisations.page.ts'

const PAGE_SIZE = 25

export interface OrganisationRouteDeps {
  config: Config
  organisations: OrganisationsService
}

/** The public organisation pages: /organisations (search, filters, pages) and /organisations/{slug}, in both languages. */
export function registerOrganisationPages(app: FastifyInstance, deps: OrganisationRouteDeps) {
  const { organisations } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)

    app.get(p('/organisations'), async (request, reply) => {
      const input = validateInput(OrganisationsQuerySchema, request.query)
      const query: OrganisationsQuery = { q: input.q ?? '', kind: input.kind, partner: input.partner === 'on', page: input.page ?? 1 }
      const { rows, total, governmentsLimited } = await organisations.search({ q: query.q, kind: query.kind, partner: query.partner ? true : undefined, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE })
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
      if (query.page > pages) throw new NotFoundError('error.pageOutOfRange', { page: query.page, pages })
      const search = organisationsSearchParams(query)
      return sendPage(
        reply,
        organisationsPage(
          // The page's own address as it renders it (language switch, alternates): only what it understood.
          { ...pageContext(request, deps.config.PUBLIC_URL), path: '/organisations', search: search.size > 0 ? `?${search}` : '' },
          {
            query,
            total,
            pages,
            items: rows.map((r) => presentListItem(r, locale)),
            suggestions: total === 0 && query.q ? (await organisations.similarTo(query.q)).map((o) => o.name) : [],
            governmentsLimited,
          },
        ),
      )
    })

    app.get<{ Params: { slug: string } }>(p('/organisations/:slug'), async (request, reply) => {
      const slug = request.params.slug
      if (!isSlug(slug)) throw new NotFoundError('error.organisationNotFound', { slug: slug.slice(0, 80) })
      const profile = await organisations.profile(slug)
      // A merged duplicate lives on in the organisation it was merged into, for good.
      if ('movedTo' in profile) return reply.redirect(p(`/organisations/${profile.movedTo}`), 301)
      return sendPage(reply, organisationPage(pageContext(request, deps.config.PUBLIC_URL), presentOrganisation(profile, locale)))
    })
  }
}
