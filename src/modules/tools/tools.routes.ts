import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { isSlug } from '../../lib/slug.ts'
import type { Actor } from '../../lib/actor.ts'
import { actsForAnyOrganisation, can } from '../../lib/policy.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { ADOPTABLE_STATUSES } from './tools.constants.ts'
import type { ToolDetails, ToolsService } from './tools.service.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { pageContext } from '../../plugins/context.ts'
import { createPageCache } from './tools.page-cache.ts'
import { presentFacets, presentListItem, presentTool } from './tools.presenter.ts'
import { catalogueSearchParams, parseCatalogueQuery, parseReturnQuery } from './tools.schemas.ts'
import { cataloguePage } from './views/catalogue.page.ts'
import { toolPage, type ToolPageOptions } from './views/tool.page.ts'

/** HTML pages of the catalogue: /tools and /tools/{slug}, Dutch at / and English under /en/. */
export function registerToolPages(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData; tools: ToolsService }) {
  const cached = createPageCache(ctx.tools, 1_000)
  /** The page's own address as it renders it (language switch, alternates): canonical, so any request may share it. */
  const canonicalContext = (request: FastifyRequest, path: string, search: URLSearchParams) => ({
    ...pageContext(request, ctx.config.PUBLIC_URL),
    path,
    search: search.size > 0 ? `?${search}` : '',
  })

  for (const locale of LOCALES) {
    app.get(localePath(locale, '/tools'), async (request, reply) => {
      const query = parseCatalogueQuery(request.query as Record<string, unknown>, ctx.reference, { allowPageSize: false })
      const search = catalogueSearchParams(query)
      return cached(request, reply, `${locale} /tools?${search}`, async () => {
        const result = await ctx.tools.searchCatalogue(query)
        if (query.page > result.pages) {
          throw new NotFoundError('error.pageOutOfRange', { page: query.page, pages: result.pages })
        }
        return cataloguePage(canonicalContext(request, '/tools', search), {
          query,
          total: result.total,
          pages: result.pages,
          items: result.rows.map((r) => presentListItem(r, locale, ctx.reference)),
          facets: presentFacets(result, locale, ctx.reference),
          corrections: result.corrections,
          noSearchableWords: result.noSearchableWords,
        })
      })
    })

    app.get<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug'), async (request, reply) => {
      const slug = request.params.slug
      if (!isSlug(slug)) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
      // The search the visitor came from, normalised: part of the cache key, as the page links back to it.
      const back = parseReturnQuery((request.query as Record<string, unknown>).from, ctx.reference)
      const from = back ? catalogueSearchParams(back).toString() : ''
      const search = from ? new URLSearchParams({ from }) : new URLSearchParams()
      try {
        // Only anonymous pages are cached, and an anonymous visitor edits nothing: no edit link reaches the cache.
        // Whether a call is still open also depends on the day (its closing date): the day is part of the key.
        return await cached(request, reply, `${locale} /tools/${slug}?${search} ${new Date().toISOString().slice(0, 10)}`, async () => {
          const details = await ctx.tools.getTool(slug)
          const canEdit = can(request.actor, 'tool.edit', { organisationRoles: details.organisationRoles })
          return toolPage(canonicalContext(request, `/tools/${slug}`, search), presentTool(details, locale, ctx.reference), { from, canEdit, ...memberActions(request.actor, details) })
        })
      } catch (error) {
        const moved = error instanceof NotFoundError ? await ctx.tools.movedTo(slug) : undefined
        if (moved === undefined) throw error
        return reply.redirect(`${localePath(locale, `/tools/${moved}`)}${queryString(request)}`, 301)
      }
    })
  }
}

/**
 * What a signed-in viewer may do on a tool page beside editing: record that their organisation uses the tool (once it
 * can be used, or to change use recorded before), and, on an initiative of others, ask to be involved or decide on
 * requests. Nothing for anonymous visitors, whose pages are cached.
 */
function memberActions(actor: Actor, details: ToolDetails): Pick<ToolPageOptions, 'canAdopt' | 'involvement' | 'canManageCall' | 'ownPilot'> {
  if (actor.kind !== 'user') return {}
  const { tool } = details
  const forAny = actsForAnyOrganisation(actor, 'adoption.record')
  const canAdopt =
    can(actor, 'adoption.record') &&
    (ADOPTABLE_STATUSES.includes(tool.status) || details.adoptions.some((a) => forAny || a.organisation_id === actor.organisationId))
  let involvement: ToolPageOptions['involvement']
  if (tool.origin === 'others_initiative') {
    if (can(actor, 'involvement.decide', { organisationRoles: details.organisationRoles })) involvement = 'decide'
    else if (can(actor, 'involvement.request') && tool.status !== 'retired') involvement = 'ask'
  }
  const canManageCall = can(actor, 'call.manage', { organisationRoles: details.organisationRoles })
  // A member of a municipality with a pilot of this tool records its results.
  const pilot = can(actor, 'pilot.record') ? details.pilots.find((p) => p.municipality_id === actor.organisationId) : undefined
  return { canAdopt, involvement, canManageCall, ownPilot: pilot?.municipality_name }
}

/** The request's query string with its '?', or '': kept when a moved tool redirects. */
export function queryString(request: FastifyRequest): string {
  const url = request.raw.url ?? ''
  const start = url.indexOf('?')
  return start === -1 ? '' : url.slice(start)
}
