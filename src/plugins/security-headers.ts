import type { FastifyInstance } from 'fastify'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Other sites may show this route in a frame (the embeddable tool lists): frame-ancestors * and no
     * X-Frame-Options. Only read-only pages without forms may set it; everything else refuses framing (decision 0020).
     */
    embeddable?: boolean
  }
}

/** Baseline security headers on every response. No inline script or style is ever needed. */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const policy = (frameAncestors: string) =>
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; ')
  const csp = policy("'none'")
  const embeddableCsp = policy('*')
  app.addHook('onSend', async (request, reply, payload) => {
    const embeddable = request.routeOptions.config?.embeddable === true
    reply.header('content-security-policy', embeddable ? embeddableCsp : csp)
    reply.header('x-content-type-options', 'nosniff')
    // A route may ask for less (the private tracking pages send no Referer at all).
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    if (!embeddable) reply.header('x-frame-options', 'DENY')
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()')
    if (options.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    return payload
  })
}
