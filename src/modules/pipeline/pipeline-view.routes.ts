import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { pageContext } from '../../plugins/context.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { createPageCache } from '../tools/tools.page-cache.ts'
import type { ToolsService } from '../tools/tools.service.ts'
import { presentPipeline } from './pipeline-view.presenter.ts'
import type { PipelineViewService } from './pipeline-view.service.ts'
import { pipelinePage } from './views/pipeline.page.ts'

/** /tools/pipeline and /en/tools/pipeline: the tools from idea to testing (a static path: it wins over /tools/{slug}). */
export function registerPipelinePages(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData; tools: ToolsService; pipelineView: PipelineViewService }) {
  // Cached like the catalogue for visitors without an account: pilots, calls and roles count the catalogue version
  // up. Whether a call is still open also depends on the day, so the day is part of the key.
  const cached = createPageCache(ctx.tools, 16)
  for (const locale of LOCALES) {
    app.get(localePath(locale, '/tools/pipeline'), async (request, reply) =>
      cached(request, reply, `${locale} /tools/pipeline ${new Date().toISOString().slice(0, 10)}`, async () => {
        const stages = await ctx.pipelineView.board()
        // The page's own address, without whatever query string the request had: any request may share it.
        const page = { ...pageContext(request, ctx.config.PUBLIC_URL), path: '/tools/pipeline', search: '' }
        return pipelinePage(page, presentPipeline(stages, locale, ctx.reference))
      }),
    )
  }
}
