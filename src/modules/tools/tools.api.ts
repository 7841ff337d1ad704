import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { preferredType } from '../../lib/accept.ts'
import { isSlug } from '../../lib/slug.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { ToolsService } from './tools.service.ts'
import { NotFoundError } from '../../errors.ts'
import type { Locale } from '../../i18n/messages.ts'
import { addVary, apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { presentFacets, presentListItem, presentTool, type ListItemView, type ToolView } from './tools.presenter.ts'
import { Tool, ToolList, type ToolSummary } from './tools.responses.ts'
import { queryString } from './tools.routes.ts'
import { catalogueSearchParams, parseCatalogueQuery } from './tools.schemas.ts'

/** The API's shape of a list item: codes with labels, and where a text had to fall back to the other language. */
function apiListItem(item: ListItemView, publicUrl: string, locale: Locale): Static<typeof ToolSummary> {
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

function apiTool(tool: ToolView, publicUrl: string, locale: Locale): Static<typeof Tool> {
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
    licenceNotApplicable: tool.licenceNotApplicable,
    languages: tool.languages,
    website: tool.website,
    aliases: tool.aliases,
    aliasDetails: tool.aliasDetails,
    organisations: tool.organisations,
    testMunicipalities: tool.testMunicipalities.map((m) => ({ ...m, result: text(m.result) })),
    pilots: tool.pilots.map((p) => ({ ...p, tested: text(p.tested), lessons: text(p.lessons) })),
    adoptions: tool.adoptions.map((a) => ({ ...a, localVariant: text(a.localVariant) })),
    call: tool.call && { ...tool.call, asked: text(tool.call.asked), effort: text(tool.call.effort) },
    involvements: tool.involvements,
    lifecycle: tool.lifecycle,
    gate: tool.gate,
    counts: tool.counts,
    sdgTargets: tool.sdgTargets.map((s) => ({ ...s, contribution: text(s.contribution) })),
    themes: tool.themes,
    assessment: {
      assessed: tool.assessment.assessed,
      principles: tool.assessment.principles.map((r) => ({ ...r, explanation: text(r.explanation) })),
      rathenau: tool.assessment.rathenau.map((r) => ({ ...r, explanation: text(r.explanation) })),
      preconditions: tool.assessment.preconditions.map((r) => ({ ...r, explanation: text(r.explanation) })),
    },
    links: tool.links.map((l) => ({ kind: l.kind, url: l.url, title: l.title?.text ?? l.url, titleLanguage: l.title?.lang ?? null, language: l.language })),
    retired: tool.retired && {
      on: tool.retired.on,
      reason: text(tool.retired.reason),
      replacedBy: tool.retired.replacedBy && { slug: tool.retired.replacedBy.slug, name: tool.retired.replacedBy.name.text },
    },
    version: tool.version,
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
export function registerToolsApi(
  app: FastifyInstance,
  ctx: { config: Config; reference: ReferenceData; tools: ToolsService; csvOf?: (tools: readonly { id: number; slug: string }[]) => Promise<string> },
) {
  const publicUrl = ctx.config.PUBLIC_URL
  const problems = { 400: Problem, 404: Problem, '5xx': Problem }

  app.get('/api/v1/tools', { schema: { response: { 200: ToolList, ...problems } } }, async (request, reply) => {
    const query = parseCatalogueQuery(request.query as Record<string, unknown>, ctx.reference, { allowPageSize: true, apiFilters: true })
    const locale = apiLocale(request)
    // Accept: text/csv: every match (not one page) as the open-data table's rows.
    if (ctx.csvOf) addVary(reply, 'Accept')
    if (ctx.csvOf && preferredType(request.headers.accept, ['application/json', 'text/csv']) === 'text/csv') {
      const rows = await ctx.tools.allMatches(query)
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tools.csv"').send(await ctx.csvOf(rows))
    }
    const result = await ctx.tools.searchCatalogue(query)
    if (query.page > result.pages) throw new NotFoundError('error.pageOutOfRange', { page: query.page, pages: result.pages })
    const link = (page: number) => {
      const params = catalogueSearchParams(query, { page })
      params.set('lang', locale)
      return { href: `${publicUrl}/api/v1/tools?${params}` }
    }
    // presentFacets gives every facet, in order; one without values is an empty list.
    const facets = Object.fromEntries(
      presentFacets(result, locale, ctx.reference).map((f) => [f.facet, f.values.map((v) => ({ value: v.value, label: v.label, count: v.count, selected: v.selected }))]),
    ) as Static<typeof ToolList>['facets']
    const body: Static<typeof ToolList> = {
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
      pages: result.pages,
      corrections: result.corrections,
      facets,
      items: result.rows.map((r) => apiListItem(presentListItem(r, locale, ctx.reference), publicUrl, locale)),
      _links: {
        self: link(query.page),
        first: link(1),
        last: link(Math.max(result.pages, 1)),
        ...(query.page > 1 ? { prev: link(Math.min(query.page - 1, result.pages)) } : {}),
        ...(query.page < result.pages ? { next: link(query.page + 1) } : {}),
      },
    }
    return body
  })

  app.get<{ Params: { slug: string } }>('/api/v1/tools/:slug', { schema: { response: { 200: Tool, ...problems } } }, async (request, reply) => {
    const locale = apiLocale(request)
    const slug = request.params.slug
    if (!isSlug(slug)) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    try {
      const details = await ctx.tools.getTool(slug)
      return apiTool(presentTool(details, locale, ctx.reference), publicUrl, locale)
    } catch (error) {
      // An old slug (a renamed or merged tool) answers 301 to the current one, forever.
      const moved = error instanceof NotFoundError ? await ctx.tools.movedTo(slug) : undefined
      if (moved === undefined) throw error
      return reply.redirect(`${publicUrl}/api/v1/tools/${moved}${queryString(request)}`, 301)
    }
  })
}
