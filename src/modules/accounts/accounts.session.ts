import type { FastifyInstance, FastifyReply } from 'fastify'
import { SESSION_COOKIE, type AccountsService } from './accounts.service.ts'

/** Fills every request's actor from its session cookie (the session plugin leaves it anonymous). */
export function registerSessionActor(app: FastifyInstance, accounts: Pick<AccountsService, 'actorForSession'>) {
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    request.actor = await accounts.actorForSession(token)
    // A session that no longer exists (expired, signed out elsewhere, tampered with): forget the cookie.
    if (request.actor.kind === 'anonymous') reply.clearCookie(SESSION_COOKIE, { path: '/' })
  })
}

/** Sets the session cookie after sign-in. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 14 * 24 * 3600 })
}
