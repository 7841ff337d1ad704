import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { pageContext } from '../../plugins/context.ts'
import { sendPage } from '../../plugins/forms.ts'
import { publicCaching } from '../../plugins/private-pages.ts'
import type { SafeHtml } from '../../views/html.ts'
import type { Locale } from '../../i18n/messages.ts'
import type { ExportsService } from './exports.service.ts'
import { dataPage } from './views/data.page.ts'

/** Whole-catalogue files may be cached briefly by clients and proxies (for visitors); a change shows within five minutes. */
const CACHE_SECONDS = 300

/**
 * /data (NL, EN): the downloads; /data/tools.csv and /data/tools.json: every tool; /tools/{slug}/publiccode.yml for a
 * software tool.
 */
export function registerExportPages(
  app: FastifyInstance,
  ctx: { config: Config; exports: ExportsService; dataPageExtra?: (locale: Locale) => SafeHtml },
) {
  for (const locale of LOCALES) {
    app.get(localePath(locale, '/data'), async (request, reply) =>
      sendPage(reply, dataPage(pageContext(request, ctx.config.PUBLIC_URL), { softwareExample: await ctx.exports.softwareExample(), extra: ctx.dataPageExtra?.(locale) })),
    )
  }

  app.get('/data/tools.csv', async (request, reply) => {
    publicCaching(request, reply, CACHE_SECONDS)
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="citydeal-toolbox-tools.csv"').send(await ctx.exports.catalogue('csv'))
  })

  app.get('/data/tools.json', async (request, reply) => {
    publicCaching(request, reply, CACHE_SECONDS)
    return reply.type('application/json; charset=utf-8').header('access-control-allow-origin', '*').send(await ctx.exports.catalogue('json'))
  })

  app.get<{ Params: { slug: string } }>('/tools/:slug/publiccode.yml', async (request, reply) => {
    const slug = request.params.slug
    if (!isSlug(slug)) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    const yaml = await ctx.exports.publiccode(slug)
    // YAML as text: readable in a browser, and what publiccode.yml crawlers expect.
    publicCaching(request, reply, CACHE_SECONDS)
    return reply.type('text/yaml; charset=utf-8').header('access-control-allow-origin', '*').send(yaml)
  })
}
