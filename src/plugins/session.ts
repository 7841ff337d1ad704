import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import type { RateLimitStore } from '../db/rate-limits.ts'
import { RateLimitedError } from '../errors.ts'
import { ANONYMOUS, type Actor } from '../lib/actor.ts'
import { isApiRequest } from './context.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes the request: anonymous unless the accounts module finds a session (registerSessionActor). */
    actor: Actor
  }
  interface FastifyContextConfig {
    /** Set through rateLimit(): the route's budget per client address. */
    rateLimit?: RouteRateLimit
  }
}

/** A route's rate limit: at most `max` requests per client address in `windowSeconds`, counted in `bucket`. */
export interface RouteRateLimit {
  bucket: string
  max: number
  windowSeconds: number
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Form bodies, signed cookies, CSRF on every form, rate limits, and the actor slot of every request. */
export async function registerSessions(app: FastifyInstance, deps: { config: Config; cookieSecret: string; rateLimits: RateLimitStore }) {
  const { config } = deps
  const secure = config.PUBLIC_URL.startsWith('https://')
  const secret = deps.cookieSecret

  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 })
  await app.register(fastifyCookie, { secret })
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'toolbox_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/' },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined
      return typeof body?._csrf === 'string' ? body._csrf : undefined
    },
  })

  app.decorateRequest('actor', undefined as never)
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS
    const limit = request.routeOptions.config.rateLimit
    if (!limit) return
    // Before the body is read: a client over its budget costs one small write.
    const hit = await deps.rateLimits.hit(limit.bucket, request.ip, limit.windowSeconds)
    if (hit.hits > limit.max) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((hit.windowEndsAt.getTime() - Date.now()) / 1000))))
      throw new RateLimitedError()
    }
  })

  app.addHook('preHandler', (request, reply, done) => {
    // A path that does not exist is a 404 whatever the method: there is no form to protect.
    if (!UNSAFE.has(request.method) || isApiRequest(request) || request.is404) return done()
    // On failure the plugin sends its own FST_CSRF_* error, which the error handler turns into CsrfError.
    app.csrfProtection(request, reply, done)
  })
}

/**
 * Route options for a rate limit per client address, off when RATE_LIMIT_DISABLED=1. `kind` chooses the budget
 * (RATE_LIMIT_*_PER_MINUTE); `bucket` names the form: every route given the same bucket (the Dutch and English
 * URL of a form, its JSON twin) shares one count per address, across all instances on the database. Over the
 * budget a request gets 429 with Retry-After, in the page's language or as problem+json.
 *
 *   app.post(p('/calls/:id/answer'), rateLimit(config, 'forms', 'call-answer'), handler)
 *   app.post('/api/v1/x', { ...rateLimit(config, 'forms', 'x'), schema }, handler)
 */
export function rateLimit(config: Config, kind: 'signIn' | 'forms' | 'lookup', bucket: string): { config?: { rateLimit: RouteRateLimit } } {
  if (config.RATE_LIMIT_DISABLED === '1') return {}
  const max = kind === 'signIn' ? config.RATE_LIMIT_SIGN_IN_PER_MINUTE : kind === 'lookup' ? config.RATE_LIMIT_LOOKUP_PER_MINUTE : config.RATE_LIMIT_FORMS_PER_MINUTE
  return { config: { rateLimit: { bucket, max, windowSeconds: 60 } } }
}
