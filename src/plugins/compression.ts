import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** Kinds of answer worth compressing: text of every sort the toolbox sends. */
const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|xml|atom\+xml|ld\+json|geo\+json)|image\/svg\+xml)/i
/** Below this a compressed answer is hardly smaller, and costs the work. */
const MIN_BYTES = 1024

export type Encoding = 'br' | 'gzip'

/** The encoding the client accepts that the toolbox prefers (Brotli, then gzip), honouring q=0. */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined
  const accepted = new Map<string, number>()
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1)
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0
  if (weight('br') > 0) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return undefined
}

/** Compresses a body for an encoding: Brotli at a quality fast enough per request (assets use the best, once). */
export function compress(body: Buffer, encoding: Encoding, best = false): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: best ? 9 : 6 })
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * compress() for one answer, on libuv's thread pool: the event loop goes on with other requests meanwhile (a search
 * page is ~450 KB of HTML, whose Brotli costs about as much as building the page).
 */
function compressAsync(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipAsync(body, { level: 6 })
}

/** Marks an answer as depending on Accept-Encoding. */
export function varyOnEncoding(reply: FastifyReply) {
  const vary = String(reply.getHeader('vary') ?? '')
  if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}

/**
 * Pages, API answers and feeds leave compressed when the client accepts it (Brotli, else gzip): /tools is ~450 KB of
 * HTML and ~40 KB compressed. Answers already encoded (the static assets, compressed once at start) pass as they are.
 */
export function registerCompression(app: FastifyInstance) {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method === 'HEAD' || reply.getHeader('content-encoding') || reply.statusCode === 204 || reply.statusCode === 304) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload
    if (body.length < MIN_BYTES) return payload
    varyOnEncoding(reply)
    const encoding = chooseEncoding(request.headers['accept-encoding'])
    if (!encoding) return payload
    reply.header('content-encoding', encoding)
    reply.removeHeader('content-length')
    return compressAsync(body, encoding)
  })
}
