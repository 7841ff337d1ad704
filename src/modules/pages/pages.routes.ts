import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { CallsService } from '../calls/calls.service.ts'
import type { ToolsService } from '../tools/tools.service.ts'
import { label, translate } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { pageContext } from '../../plugins/context.ts'
import { CATEGORIES, PROCESSES } from '../tools/tools.constants.ts'
import { localized } from '../tools/tools.presenter.ts'
import type { HomeRepository } from './pages.repository.ts'
import { aboutPage } from './views/about.page.ts'
import { homePage } from './views/home.page.ts'
import { statementPage, type Statement } from './views/statement.page.ts'

/** The home page with live counts, and the about page with principles, criteria and forms. */
export function registerContentPages(
  app: FastifyInstance,
  ctx: { config: Config; reference: ReferenceData; tools: ToolsService; calls: Pick<CallsService, 'listOpen'>; home: HomeRepository },
) {
  for (const locale of LOCALES) {
    const nl = locale === 'nl'
    app.get(locale === 'nl' ? '/' : '/en/', async (request, reply) => {
      const [{ facetCounts, organisations }, calls, browseCounts, recent] = await Promise.all([
        ctx.tools.homeCounts(),
        ctx.calls.listOpen(3),
        ctx.home.browseCounts(),
        ctx.home.recentlyAdded(5),
      ])
      const count = (key: string) => facetCounts.get(key) ?? browseCounts.get(key) ?? 0
      const formName = new Map(ctx.reference.forms.map((f) => [f.code, nl ? f.name_nl : f.name_en]))
      const categories = CATEGORIES.map((code) => ({
        code,
        label: label(locale, 'category', code),
        description: label(locale, 'category', `${code}.description`),
        count: count(`category:${code}`),
      }))
      return reply.type('text/html; charset=utf-8').send(
        homePage(pageContext(request, ctx.config.PUBLIC_URL), {
          totalTools: categories.reduce((sum, c) => sum + c.count, 0),
          cityDealTools: count('origin:city_deal'),
          organisations,
          categories,
          calls,
          processes: PROCESSES.map((code) => ({ code, label: label(locale, 'process', code), count: count(`process:${code}`) })),
          themes: ctx.reference.criteria
            .filter((c) => c.family === 'rathenau')
            .map((c) => ({ code: c.code, label: nl ? c.name_nl : c.name_en, count: count(`theme:${c.code}`) })),
          recent: recent.map((r) => {
            const name = localized(r.name_nl, r.name_en, locale) ?? { text: r.slug, lang: locale, fallback: false }
            return { slug: r.slug, name: name.text, lang: name.fallback ? name.lang : undefined, form: formName.get(r.form) ?? r.form, added: r.created_at }
          }),
          forms: ctx.reference.forms.map((f) => ({ code: f.code, label: nl ? f.name_nl : f.name_en, count: count(`form:${f.code}`) })),
        }),
      )
    })

    for (const which of ['contact', 'privacy', 'accessibility'] as const satisfies readonly Statement[]) {
      app.get(locale === 'nl' ? `/${which}` : `/en/${which}`, async (request, reply) =>
        reply.type('text/html; charset=utf-8').send(statementPage(pageContext(request, ctx.config.PUBLIC_URL), which, { contactEmail: ctx.config.CONTACT_EMAIL, retentionMonths: ctx.config.SUBMITTER_EMAIL_RETENTION_MONTHS })),
      )
    }

    app.get(locale === 'nl' ? '/about' : '/en/about', async (request, reply) => {
      const criteria = (family: string) =>
        ctx.reference.criteria
          .filter((c) => c.family === family)
          .map((c) => ({ label: nl ? c.name_nl : c.name_en, description: nl ? c.description_nl : c.description_en }))
      return reply.type('text/html; charset=utf-8').send(
        aboutPage(pageContext(request, ctx.config.PUBLIC_URL), {
          principles: criteria('principle'),
          rathenau: criteria('rathenau'),
          preconditions: criteria('precondition'),
          forms: ctx.reference.forms.map((f) => ({
            label: nl ? f.name_nl : f.name_en,
            binding: translate(locale, `binding.${f.binding_level}`),
            bindingForce: nl ? f.binding_nl : f.binding_en,
            description: nl ? f.description_nl : f.description_en,
          })),
          sdgTargets: ctx.reference.sdgTargets.map((s) => ({
            code: s.code,
            title: nl ? s.title_nl : s.title_en,
            summary: nl ? s.summary_nl : s.summary_en,
          })),
          sdgSourceUrl: ctx.reference.sdgTargets[0]?.source_url ?? 'https://sdgs.un.org/goals/goal11',
        }),
      )
    })
  }
}
