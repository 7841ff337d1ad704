import type { FastifyInstance } from 'fastify'

/** Baseline security headers on every response. No inline script or style is ever needed. */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', csp)
    reply.header('x-content-type-options', 'nosniff')
    // A route may ask for less (the private tracking pages send no Referer at all).
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    reply.header('x-frame-options', 'DENY')
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()')
    if (options.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    return payload
  })
}
