import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { sendPage } from '../../plugins/forms.ts'
import { publicCaching } from '../../plugins/private-pages.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { PAGE_SIZE } from '../tools/tools.constants.ts'
import { presentListItem } from '../tools/tools.presenter.ts'
import { catalogueSearchParams, parseCatalogueQuery } from '../tools/tools.schemas.ts'
import type { ToolsService } from '../tools/tools.service.ts'
import { embedPage } from './views/embed.page.ts'

/**
 * /embed/tools and /en/embed/tools: the catalogue's list, with its filters and search, for other sites to show in an
 * iframe. The only routes other sites may frame (security-headers.ts, decision 0020).
 */
export function registerEmbedPages(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData; tools: ToolsService }) {
  for (const locale of LOCALES) {
    app.get(localePath(locale, '/embed/tools'), { config: { embeddable: true } }, async (request, reply) => {
      // The catalogue's own parameters, and pageSize (up to the API's maximum) for a shorter or longer list.
      const query = parseCatalogueQuery(request.query as Record<string, unknown>, ctx.reference, { allowPageSize: true })
      const result = await ctx.tools.searchCatalogue(query)
      if (query.page > result.pages) throw new NotFoundError('error.pageOutOfRange', { page: query.page, pages: result.pages })
      // "More in the toolbox" opens the catalogue on the same selection, from its first page and at its own page size.
      const more = catalogueSearchParams(query, { page: 1, pageSize: PAGE_SIZE })
      publicCaching(request, reply, 300)
      return sendPage(
        reply,
        embedPage({
          locale,
          search: more.size > 0 ? `?${more}` : '',
          total: result.total,
          items: result.rows.map((row) => presentListItem(row, locale, ctx.reference)),
        }),
      )
    })
  }
}
