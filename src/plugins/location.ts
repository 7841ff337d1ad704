import type { FastifyInstance } from 'fastify'

const PLACEHOLDER_ORIGIN = 'http://toolbox.invalid'

/**
 * A path on this site to send someone to, as a valid Location header (non-ASCII percent-encoded, so
 * `/tools?q=日本` becomes `/tools?q=%E6%97%A5%E6%9C%AC`), or undefined when the value could lead elsewhere
 * (`//host`, `/\host`, a scheme), holds spaces or control characters, or is over-long.
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length >= 500 || !value.startsWith('/') || /[\s\\\p{Cc}]/u.test(value)) return undefined
  let url: URL
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN)
  } catch {
    return undefined
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith('//')) return undefined
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * A Location header that is not plain ASCII cannot be sent (Node throws, and the client got "500 See Other" with
 * nothing else). Whatever a route redirects to, the header leaves percent-encoded; escapes already there stay.
 */
export function registerLocationEncoding(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    const location = reply.getHeader('location')
    if (typeof location === 'string' && /[^\x21-\x7e]/.test(location)) {
      reply.header('location', location.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run)))
    }
    return payload
  })
}
