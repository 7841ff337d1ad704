import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../lib/actor.ts'

/** Paths that carry a secret (single-use links, a submitter's tracking page): never logged, never cached. */
const SECRET_PATH = /(\/account\/(?:activate|reset)\/|\/submissions\/)[^/?#]+/

/** How a form's CSRF token appears in a page (views/form.ts). */
const CSRF_FIELD = 'name="_csrf"'

/** The URL with the secret in its path replaced, for logs. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]')
}

/**
 * `Cache-Control: no-store` on every private answer, so that no browser history, back button on a shared computer
 * or cache between keeps it: everything a signed-in user gets, pages behind a secret link, refusals to sign in
 * (401, 403), answers that set a cookie, and every page with a form (its CSRF token belongs to one visitor).
 * Public files (`public, …`, the assets) keep their own caching; public pages for visitors are left as they are.
 */
export function registerPrivatePages(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    const current = reply.getHeader('cache-control')
    if (typeof current === 'string' && /^\s*public\b/i.test(current)) return payload
    // Fastify answers a URL it cannot route before the hooks that set the actor: nobody is signed in then.
    const actor: Actor | undefined = request.actor
    const isPrivate =
      (actor !== undefined && actor.kind !== 'anonymous') ||
      SECRET_PATH.test(request.url) ||
      reply.statusCode === 401 ||
      reply.statusCode === 403 ||
      reply.hasHeader('set-cookie') ||
      // Cached pages leave as bytes.
      ((typeof payload === 'string' || Buffer.isBuffer(payload)) && payload.includes(CSRF_FIELD))
    if (isPrivate) reply.header('cache-control', 'no-store')
    return payload
  })
}

/**
 * Briefly cacheable by anyone, for visitors, when the answer is the same for all of them (feeds, the sitemap, the
 * embed). A signed-in user's answers stay no-store like everything they get, though these hold nothing of theirs.
 */
export function publicCaching(request: FastifyRequest, reply: FastifyReply, seconds: number) {
  if (request.actor?.kind === 'anonymous') reply.header('cache-control', `public, max-age=${seconds}`)
}
