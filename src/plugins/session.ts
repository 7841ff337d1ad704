import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { RateLimitedError } from '../errors.ts'
import { ANONYMOUS, type Actor } from '../lib/actor.ts'
import { isApiRequest } from './context.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes the request: anonymous unless the accounts module finds a session (registerSessionActor). */
    actor: Actor
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Form bodies, signed cookies, CSRF on every form, rate limits, and the actor slot of every request. */
export async function registerSessions(app: FastifyInstance, deps: { config: Config; cookieSecret: string }) {
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
  await app.register(fastifyRateLimit, {
    global: false,
    ...(config.RATE_LIMIT_DISABLED === '1' ? { max: Number.MAX_SAFE_INTEGER } : {}),
    errorResponseBuilder: () => new RateLimitedError(),
  })

  app.decorateRequest('actor', undefined as never)
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS
  })

  app.addHook('preHandler', (request, reply, done) => {
    // A path that does not exist is a 404 whatever the method: there is no form to protect.
    if (!UNSAFE.has(request.method) || isApiRequest(request) || request.is404) return done()
    // On failure the plugin sends its own FST_CSRF_* error, which the error handler turns into CsrfError.
    app.csrfProtection(request, reply, done)
  })
}

/** Route options for a rate limit per client address, off when RATE_LIMIT_DISABLED=1. */
export function rateLimit(config: Config, kind: 'signIn' | 'forms' | 'lookup') {
  if (config.RATE_LIMIT_DISABLED === '1') return {}
  const max = kind === 'signIn' ? config.RATE_LIMIT_SIGN_IN_PER_MINUTE : kind === 'lookup' ? config.RATE_LIMIT_LOOKUP_PER_MINUTE : config.RATE_LIMIT_FORMS_PER_MINUTE
  return { config: { rateLimit: { max, timeWindow: '1 minute' } } }
}
