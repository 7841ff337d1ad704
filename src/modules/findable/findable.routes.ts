import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { publicCaching } from '../../plugins/private-pages.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { ToolsService } from '../tools/tools.service.ts'
import type { FindableRepository } from './findable.repository.ts'
import { toolsFeed } from './views/atom.feed.ts'
import { robotsTxt, sitemap, type SitemapPage } from './views/sitemap.ts'

/** How many tools a feed lists: the most recently changed (decision 0020). */
export const FEED_SIZE = 50

/** The public pages that are not a tool's or an organisation's, as the sitemap lists them. */
export const PUBLIC_PAGES = ['/', '/tools', '/tools/pipeline', '/organisations', '/calls', '/programme', '/proposals', '/decisions', '/about', '/api', '/contact', '/privacy', '/accessibility']

/**
 * Answers from the catalogue's version: the same version gives the same bytes, so a client that has them gets 304.
 * Public and briefly cacheable; the version changes with every edit of a tool.
 */
async function versioned(request: FastifyRequest, reply: FastifyReply, tools: ToolsService, name: string, type: string, render: () => Promise<{ body: string; lastModified?: Date | undefined }>) {
  const etag = `"${name}-${await tools.catalogueVersion()}"`
  publicCaching(request, reply, 300)
  reply.header('etag', etag)
  if (request.headers['if-none-match'] === etag) return reply.code(304).send()
  const { body, lastModified } = await render()
  if (lastModified) reply.header('last-modified', lastModified.toUTCString())
  return reply.type(type).send(body)
}

/** What makes the site findable: Atom feeds of changed tools per language, the sitemap and robots.txt. */
export function registerFindable(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData; tools: ToolsService; findable: FindableRepository }) {
  const publicUrl = ctx.config.PUBLIC_URL
  for (const locale of LOCALES) {
    app.get(localePath(locale, '/feeds/tools.atom'), async (request, reply) =>
      versioned(request, reply, ctx.tools, `tools-${locale}`, 'application/atom+xml; charset=utf-8', async () => {
        const tools = await ctx.findable.recentTools(FEED_SIZE)
        return { body: toolsFeed({ locale, publicUrl, tools, reference: ctx.reference }), lastModified: tools[0]?.updated_at }
      }),
    )
  }

  // Organisations change without the catalogue's version: the sitemap's ETag is its content's.
  app.get('/sitemap.xml', async (request, reply) => {
    const [tools, organisations] = await Promise.all([ctx.findable.toolPages(), ctx.findable.organisationPages()])
    const pages: SitemapPage[] = [
      ...PUBLIC_PAGES.map((path) => ({ path })),
      ...tools.map((tool) => ({ path: `/tools/${tool.slug}`, lastModified: tool.updated_at })),
      ...organisations.map((organisation) => ({ path: `/organisations/${organisation.slug}`, lastModified: organisation.updated_at })),
    ]
    const body = sitemap(publicUrl, pages)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    publicCaching(request, reply, 300)
    reply.header('etag', etag)
    if (request.headers['if-none-match'] === etag) return reply.code(304).send()
    return reply.type('application/xml; charset=utf-8').send(body)
  })

  const robots = robotsTxt(publicUrl)
  app.get('/robots.txt', async (request, reply) => {
    publicCaching(request, reply, 3600)
    return reply.type('text/plain; charset=utf-8').send(robots)
  })
}
