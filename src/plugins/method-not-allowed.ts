import type { FastifyInstance } from 'fastify'
import { MethodNotAllowedError } from '../errors.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that only answers 405 for a path known with other methods (not a route of its own). */
    methodNotAllowed?: boolean
  }
}

/** The methods a client may try on any path; OPTIONS stays with the routes that answer it (CORS preflight). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * A known path asked with a method it does not take answers 405 with an Allow header (problem+json under /api/,
 * the error page otherwise), instead of a 404, or a 403 from the CSRF check. Called once every route is
 * registered: each path gets one more route for the methods it lacks, refused before any other check runs.
 */
export function registerMethodNotAllowed(app: FastifyInstance, routes: readonly { method: string; url: string }[]) {
  const byPath = new Map<string, Set<string>>()
  for (const { method, url } of routes) {
    const methods = byPath.get(url) ?? new Set<string>()
    methods.add(method)
    if (method === 'GET') methods.add('HEAD')
    byPath.set(url, methods)
  }
  for (const [url, methods] of byPath) {
    const missing = METHODS.filter((m) => !methods.has(m))
    if (missing.length === 0) continue
    const allow = [...methods].sort().join(', ')
    app.route({
      method: missing,
      url,
      config: { methodNotAllowed: true },
      onRequest: async (request) => {
        throw new MethodNotAllowedError(request.method, allow)
      },
      handler: async () => {
        throw new MethodNotAllowedError('', allow)
      },
    })
  }
}
