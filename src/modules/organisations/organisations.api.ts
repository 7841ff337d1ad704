import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { label } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { queryString } from '../tools/tools.routes.ts'
import { presentListItem, presentOrganisation, type OrganisationToolView } from './organisations.presenter.ts'
import { OrganisationList, OrganisationResource } from './organisations.responses.ts'
import { ORGANISATION_KINDS, ORGANISATION_QUERY_MAX } from './organisations.schemas.ts'
import type { OrganisationsService } from './organisations.service.ts'

export const ORGANISATIONS_PAGE_SIZE = 25
export const ORGANISATIONS_MAX_PAGE_SIZE = 100

/** The query of GET /api/v1/organisations. */
export const OrganisationsApiQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: ORGANISATION_QUERY_MAX })),
  kind: Type.Optional(Type.Union(ORGANISATION_KINDS.map((k) => Type.Literal(k)))),
  partner: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: ORGANISATIONS_MAX_PAGE_SIZE })),
})

/** GET /api/v1/organisations (search by name or other name, kind, partner; paged) and /api/v1/organisations/{slug}. */
export function registerOrganisationsApi(app: FastifyInstance, ctx: { config: Config; organisations: OrganisationsService }) {
  const publicUrl = ctx.config.PUBLIC_URL
  const problems = { 400: Problem, 404: Problem, '5xx': Problem }
  const links = (slug: string, locale: Locale) => ({
    self: { href: `${publicUrl}/api/v1/organisations/${slug}?lang=${locale}` },
    html: { href: `${publicUrl}${locale === 'en' ? '/en' : ''}/organisations/${slug}` },
  })
  const tool = (t: OrganisationToolView, locale: Locale) => ({
    slug: t.slug,
    name: t.name.text,
    nameLanguage: t.name.lang,
    status: t.status,
    retired: t.retired,
    involvement: t.involvement ?? null,
    _links: {
      self: { href: `${publicUrl}/api/v1/tools/${t.slug}?lang=${locale}` },
      html: { href: `${publicUrl}${locale === 'en' ? '/en' : ''}/tools/${t.slug}` },
    },
  })
  const text = (v: { text: string; lang: Locale } | undefined) => (v ? { text: v.text, language: v.lang } : null)

  app.get('/api/v1/organisations', { schema: { response: { 200: OrganisationList, ...problems } } }, async (request): Promise<Static<typeof OrganisationList>> => {
    const locale = apiLocale(request)
    const input = validateInput(OrganisationsApiQuery, request.query)
    const page = input.page ?? 1
    const pageSize = input.pageSize ?? ORGANISATIONS_PAGE_SIZE
    const partner = input.partner === undefined ? undefined : input.partner === 'true'
    const { rows, total } = await ctx.organisations.search({ q: input.q, kind: input.kind, partner, limit: pageSize, offset: (page - 1) * pageSize })
    const pages = Math.max(1, Math.ceil(total / pageSize))
    if (page > pages) throw new NotFoundError('error.pageOutOfRange', { page, pages })
    const link = (p: number) => {
      const params = new URLSearchParams()
      if (input.q) params.set('q', input.q)
      if (input.kind) params.set('kind', input.kind)
      if (input.partner) params.set('partner', input.partner)
      if (p > 1) params.set('page', String(p))
      if (pageSize !== ORGANISATIONS_PAGE_SIZE) params.set('pageSize', String(pageSize))
      params.set('lang', locale)
      return { href: `${publicUrl}/api/v1/organisations?${params}` }
    }
    return {
      total,
      page,
      pageSize,
      pages,
      items: rows.map((r) => {
        const item = presentListItem(r, locale)
        return { ...item, _links: links(item.slug, locale) }
      }),
      _links: {
        self: link(page),
        first: link(1),
        last: link(pages),
        ...(page > 1 ? { prev: link(page - 1) } : {}),
        ...(page < pages ? { next: link(page + 1) } : {}),
      },
    }
  })

  app.get<{ Params: { slug: string } }>('/api/v1/organisations/:slug', { schema: { response: { 200: OrganisationResource, ...problems } } }, async (request, reply) => {
    const locale = apiLocale(request)
    const slug = request.params.slug
    if (!isSlug(slug)) throw new NotFoundError('error.organisationNotFound', { slug: slug.slice(0, 80) })
    const profile = await ctx.organisations.profile(slug)
    // A merged duplicate lives on in the organisation it was merged into, for good.
    if ('movedTo' in profile) return reply.redirect(`${publicUrl}/api/v1/organisations/${profile.movedTo}${queryString(request)}`, 301)
    const view = presentOrganisation(profile, locale)
    const body: Static<typeof OrganisationResource> = {
      slug: view.slug,
      name: view.name,
      kind: view.kind,
      aliases: view.aliases,
      website: view.websiteUrl,
      partner: view.partner,
      cbsCode: view.cbsCode,
      province: view.province ?? null,
      roles: view.roles.map((r) => ({ role: { code: r.role, label: label(locale, 'role', r.role) }, tools: r.tools.map((t) => tool(t, locale)) })),
      pilots: view.pilots.map((p) => ({
        tool: tool(p, locale),
        status: p.pilot.status,
        outcome: p.pilot.outcome ?? null,
        lessons: text(p.pilot.lessons),
        completedOn: p.pilot.completedOn,
      })),
      adoptions: view.adoptions.map((a) => ({ tool: tool(a, locale), since: a.since, version: a.version, localVariant: text(a.localVariant), localUrl: a.localUrl })),
      _links: links(view.slug, locale),
    }
    return body
  })
}
