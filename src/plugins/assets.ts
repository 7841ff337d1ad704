import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { assets } from '../theme/stylesheet.ts'
import { chooseEncoding, compress, varyOnEncoding } from './compression.ts'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const SHORT = 'public, max-age=3600'

/**
 * Serves the stylesheet and the icons under names that carry a hash of their content, cached for a year as
 * immutable (decision 0025); the script and the old unhashed names with a strong ETag for an hour. Each file is
 * compressed once at start (Brotli and gzip, at their best), and sent as the client accepts.
 */
export function registerAssets(app: FastifyInstance) {
  const bundle = assets()
  const serve = (path: string, type: string, body: string, cacheControl: string) => {
    const plain = Buffer.from(body, 'utf8')
    const encoded = { br: compress(plain, 'br', true), gzip: compress(plain, 'gzip', true) }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    app.get(path, (request, reply) => {
      reply.header('cache-control', cacheControl).header('etag', etag)
      varyOnEncoding(reply)
      if (request.headers['if-none-match'] === etag) return reply.code(304).send()
      reply.type(type)
      const encoding = chooseEncoding(request.headers['accept-encoding'])
      return encoding ? reply.header('content-encoding', encoding).send(encoded[encoding]) : reply.send(plain)
    })
  }
  for (const asset of [bundle.css, bundle.icon, bundle.selectArrow]) serve(asset.path, asset.type, asset.body, IMMUTABLE)
  serve('/assets/share.js', 'text/javascript; charset=utf-8', readFileSync(join(import.meta.dirname, '..', 'theme', 'share.js'), 'utf8'), SHORT)
  // Old names (pages cached before the hashed names, feeds, bookmarks) keep working: the icons as they are,
  // the three former stylesheets lead to the one that replaced them.
  serve('/assets/favicon.svg', bundle.icon.type, bundle.icon.body, SHORT)
  serve('/assets/select-arrow.svg', bundle.selectArrow.type, bundle.selectArrow.body, SHORT)
  for (const name of ['utrecht.css', 'theme.css', 'app.css']) {
    app.get(`/assets/${name}`, (_request, reply) => reply.header('cache-control', SHORT).redirect(bundle.css.path, 302))
  }
  // Browsers ask for /favicon.ico whatever the page says: the same icon.
  serve('/favicon.ico', bundle.icon.type, bundle.icon.body, SHORT)
}
