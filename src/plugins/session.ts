import { randomBytes } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { RateLimitedError } from '../errors.ts'
import type { AccountsRepository } from '../modules/accounts/accounts.repository.ts'
import { SESSION_COOKIE, type AccountsService } from '../modules/accounts/accounts.service.ts'
import { ANONYMOUS, type Actor } from '../modules/accounts/actor.ts'
import { isApiRequest } from './context.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Form bodies, cookies, the signed-in actor of every request, CSRF on every form, and rate limits. */
export async function registerSessions(app: FastifyInstance, deps: { config: Config; accounts: AccountsService; repository: AccountsRepository }) {
  const { config } = deps
  const secure = config.PUBLIC_URL.startsWith('https://')
  const secret = config.COOKIE_SECRET || (await deps.repository.setting('cookie_secret', () => randomBytes(32).toString('base64url')))

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
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    request.actor = await deps.accounts.actorForSession(token)
    // A session that no longer exists (expired, signed out elsewhere, tampered with): forget the cookie.
    if (request.actor.kind === 'anonymous') reply.clearCookie(SESSION_COOKIE, { path: '/' })
  })

  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method) || isApiRequest(request)) return done()
    // On failure the plugin sends its own FST_CSRF_* error, which the error handler turns into CsrfError.
    app.csrfProtection(request, reply, done)
  })
}

/** Sets the session cookie after sign-in. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 14 * 24 * 3600 })
}

/** Route options for a rate limit per client address, off when RATE_LIMIT_DISABLED=1. */
export function rateLimit(config: Config, kind: 'signIn' | 'forms' | 'lookup') {
  if (config.RATE_LIMIT_DISABLED === '1') return {}
  const max = kind === 'signIn' ? config.RATE_LIMIT_SIGN_IN_PER_MINUTE : kind === 'lookup' ? config.RATE_LIMIT_LOOKUP_PER_MINUTE : config.RATE_LIMIT_FORMS_PER_MINUTE
  return { config: { rateLimit: { max, timeWindow: '1 minute' } } }
}
