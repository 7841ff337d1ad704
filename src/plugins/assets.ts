import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildThemeCss } from '../theme/theme.ts'
import { chooseEncoding, compress, varyOnEncoding } from './compression.ts'

const require = createRequire(import.meta.url)

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' }

/**
 * Serves the stylesheets, the one script and the icon from memory with a strong ETag: the NL Design System CSS, the
 * theme, the layout. Each is compressed once at start (Brotli and gzip, at their best), and sent as the client accepts.
 */
export function registerAssets(app: FastifyInstance) {
  const favicon = readFileSync(join(import.meta.dirname, '..', 'theme', 'favicon.svg'), 'utf8')
  const files: Record<string, string> = {
    'utrecht.css': readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8'),
    'theme.css': buildThemeCss(),
    'app.css': readFileSync(join(import.meta.dirname, '..', 'theme', 'app.css'), 'utf8'),
    'share.js': readFileSync(join(import.meta.dirname, '..', 'theme', 'share.js'), 'utf8'),
    'favicon.svg': favicon,
    'select-arrow.svg': readFileSync(join(import.meta.dirname, '..', 'theme', 'select-arrow.svg'), 'utf8'),
  }
  const serve = (path: string, name: string, body: string) => {
    const plain = Buffer.from(body, 'utf8')
    const encoded = { br: compress(plain, 'br', true), gzip: compress(plain, 'gzip', true) }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    app.get(path, (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600').header('etag', etag)
      varyOnEncoding(reply)
      if (request.headers['if-none-match'] === etag) return reply.code(304).send()
      reply.type(TYPES[name.split('.').pop()!] ?? 'application/octet-stream')
      const encoding = chooseEncoding(request.headers['accept-encoding'])
      return encoding ? reply.header('content-encoding', encoding).send(encoded[encoding]) : reply.send(plain)
    })
  }
  for (const [name, body] of Object.entries(files)) serve(`/assets/${name}`, name, body)
  // Browsers ask for /favicon.ico whatever the page says: the same icon.
  serve('/favicon.ico', 'favicon.svg', favicon)
}
