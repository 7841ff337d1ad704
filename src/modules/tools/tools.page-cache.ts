import type { FastifyReply, FastifyRequest } from 'fastify'
import { VersionedLru } from '../../lib/lru-cache.ts'
import type { ToolsService } from './tools.service.ts'

/**
 * Rendered pages for visitors without an account, reused while the catalogue version holds (a change through this
 * instance is seen at once, one through another instance within CATALOGUE_VERSION_TTL_MS). Kept encoded, so a hit is
 * sent as it is. Callers key a page by what it shows (locale and normalised query, or locale and slug), not by the
 * raw URL: parameters a page ignores cannot fill the cache with copies.
 */
export function createPageCache(tools: Pick<ToolsService, 'catalogueVersion'>, size: number) {
  const pages = new VersionedLru<Buffer>(size)
  return async (request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<string>) => {
    const anonymous = request.actor.kind === 'anonymous'
    const version = await tools.catalogueVersion()
    const hit = anonymous ? pages.get(key, version) : undefined
    const body = hit ?? Buffer.from(await render(), 'utf8')
    if (anonymous && !hit) pages.set(key, version, body)
    return reply.type('text/html; charset=utf-8').send(body)
  }
}
