import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Config } from '../../config.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { ToolsService } from './tools.service.ts'
import { NotFoundError } from '../../errors.ts'
import type { Locale } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { API_VERSION } from '../../plugins/error-handler.ts'
import { FACETS } from './tools.constants.ts'
import { presentFacets, presentListItem, presentTool, type ListItemView, type ToolView } from './tools.presenter.ts'
import { catalogueSearchParams, parseCatalogueQuery } from './tools.schemas.ts'

/** The API's language: the (last) lang parameter, validated before; Dutch by default. */
function apiLocale(lang: unknown): Locale {
  const value = Array.isArray(lang) ? lang.at(-1) : lang
  return value === 'en' ? 'en' : 'nl'
}

function apiHeaders(reply: FastifyReply, locale: Locale) {
  return reply.header('api-version', API_VERSION).header('content-language', locale).header('access-control-allow-origin', '*')
}

/** The API's shape of a list item: codes with labels, and where a text had to fall back to the other language. */
function apiListItem(item: ListItemView, publicUrl: string, locale: Locale) {
  return {
    slug: item.slug,
    name: item.name.text,
    nameLanguage: item.name.lang,
    description: item.description?.text ?? null,
    descriptionLanguage: item.description?.lang ?? null,
    category: item.category,
    form: item.form,
    status: item.status,
    origin: item.origin,
    updatedAt: new Date(item.updatedAt).toISOString(),
    _links: {
      self: { href: `${publicUrl}/api/v1/tools/${item.slug}?lang=${locale}` },
      html: { href: `${publicUrl}${locale === 'en' ? '/en' : ''}/tools/${item.slug}` },
    },
  }
}

function apiTool(tool: ToolView, publicUrl: string, locale: Locale) {
  const text = (v: { text: string; lang: Locale } | undefined) => (v ? { text: v.text, language: v.lang } : null)
  return {
    slug: tool.slug,
    name: tool.name.text,
    nameLanguage: tool.name.lang,
    description: text(tool.description),
    processQuestion: text(tool.processQuestion),
    occasion: text(tool.occasion),
    category: tool.category,
    form: tool.form,
    status: tool.status,
    origin: tool.origin,
    processes: tool.processes,
    licence: tool.licence,
    languages: tool.languages,
    website: tool.website,
    aliases: tool.aliases,
    organisations: tool.organisations,
    testMunicipalities: tool.testMunicipalities.map((m) => ({ ...m, result: text(m.result) })),
    sdgTargets: tool.sdgTargets.map((s) => ({ ...s, contribution: text(s.contribution) })),
    themes: tool.themes,
    assessment: Object.fromEntries(
      Object.entries(tool.assessment).map(([family, rows]) => [family, rows.map((r) => ({ ...r, explanation: text(r.explanation) }))]),
    ),
    links: tool.links.map((l) => ({ kind: l.kind, url: l.url, title: l.title.text, language: l.language })),
    related: tool.related.map((r) => apiListItem(r, publicUrl, locale)),
    similar: tool.similar.map((r) => apiListItem(r, publicUrl, locale)),
    history: tool.history.map((h) => ({ at: new Date(h.at).toISOString(), action: h.action, by: h.by })),
    startedOn: tool.startedOn,
    availableOn: tool.availableOn,
    createdAt: new Date(tool.createdAt).toISOString(),
    updatedAt: new Date(tool.updatedAt).toISOString(),
    _links: {
      self: { href: `${publicUrl}/api/v1/tools/${tool.slug}?lang=${locale}` },
      html: { href: `${publicUrl}${locale === 'en' ? '/en' : ''}/tools/${tool.slug}` },
    },
  }
}

/** GET /api/v1/tools and /api/v1/tools/{slug}. */
export function registerToolsApi(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData; tools: ToolsService }) {
  const publicUrl = ctx.config.PUBLIC_URL

  app.get('/api/v1/tools', async (request, reply) => {
    const raw = request.query as Record<string, unknown>
    const query = parseCatalogueQuery(raw, ctx.reference, { allowPageSize: true })
    const locale = apiLocale(raw.lang)
    const result = await ctx.tools.searchCatalogue(query)
    if (query.page > result.pages) throw new NotFoundError('error.pageOutOfRange', { page: query.page, pages: result.pages })
    const link = (page: number) => {
      const params = catalogueSearchParams(query, { page })
      params.set('lang', locale)
      return { href: `${publicUrl}/api/v1/tools?${params}` }
    }
    const facets = Object.fromEntries(
      presentFacets(result, locale, ctx.reference).map((f) => [f.facet, f.values.map((v) => ({ value: v.value, label: v.label, count: v.count, selected: v.selected }))]),
    )
    for (const facet of FACETS) facets[facet] ??= []
    return apiHeaders(reply, locale).send({
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
      pages: result.pages,
      corrections: result.corrections,
      facets,
      items: result.rows.map((r) => apiListItem(presentListItem(r, locale, ctx.reference), publicUrl, locale)),
      _links: {
        self: link(query.page),
        ...(query.page > 1 ? { prev: link(Math.min(query.page - 1, result.pages)) } : {}),
        ...(query.page < result.pages ? { next: link(query.page + 1) } : {}),
      },
    })
  })

  app.get<{ Params: { slug: string }; Querystring: { lang?: string } }>('/api/v1/tools/:slug', async (request, reply) => {
    // Validates lang like the list does.
    parseCatalogueQuery({ lang: request.query.lang }, ctx.reference, { allowPageSize: false })
    const locale = apiLocale(request.query.lang)
    const slug = request.params.slug
    if (!isSlug(slug)) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    const details = await ctx.tools.getTool(slug)
    return apiHeaders(reply, locale).send(apiTool(presentTool(details, locale, ctx.reference), publicUrl, locale))
  })
}
