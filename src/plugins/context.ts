import type { FastifyRequest } from 'fastify'
import { localeOfPath, pathWithoutLocale } from '../i18n/i18n.ts'
import type { PageContext } from '../views/layout.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The demonstration mode (config DEMO_MODE): pages carry the demonstration banner. */
    demoMode: boolean
  }
}

/** The page context of a request: its locale, its path without locale prefix, and its query string. */
export function pageContext(request: FastifyRequest, publicUrl: string): PageContext {
  const url = request.raw.url ?? '/'
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  const search = queryStart === -1 ? '' : url.slice(queryStart)
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // Keep the raw path: the error page still renders.
  }
  return {
    locale: localeOfPath(path),
    path: encodeURI(pathWithoutLocale(decoded)),
    search: search.length > 1 ? search : '',
    publicUrl,
    user: request.actor?.kind === 'user' ? { name: request.actor.name, role: request.actor.role } : undefined,
    demo: request.server.demoMode === true,
  }
}

/** Whether a request is for the JSON API (/api/…); /api itself is the API's reference page, HTML like any page. */
export function isApiRequest(request: FastifyRequest): boolean {
  const url = request.raw.url ?? ''
  const path = url.split('?', 1)[0]!
  return path !== '/api/' && path.startsWith('/api/')
}
