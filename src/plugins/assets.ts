import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildThemeCss } from '../theme/theme.ts'

const require = createRequire(import.meta.url)

/** Serves the stylesheets and the one script from memory with a strong ETag: the NL Design System CSS, the theme, the layout. */
export function registerAssets(app: FastifyInstance) {
  const files: Record<string, string> = {
    'utrecht.css': readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8'),
    'theme.css': buildThemeCss(),
    'app.css': readFileSync(join(import.meta.dirname, '..', 'theme', 'app.css'), 'utf8'),
    'share.js': readFileSync(join(import.meta.dirname, '..', 'theme', 'share.js'), 'utf8'),
  }
  for (const [name, body] of Object.entries(files)) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    app.get(`/assets/${name}`, (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600').header('etag', etag)
      if (request.headers['if-none-match'] === etag) return reply.code(304).send()
      return reply.type(name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').send(body)
    })
  }
}
