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
 * Up to this size an answer is compressed at once, on the event loop, at Brotli quality 4: a 68 KB search page takes
 * 0.28 ms so (6.4 KB), where quality 5 on the thread pool costs about 1 ms of CPU per page under load (a stream per
 * call), for 6.1 KB. A larger answer (the API's CSV of every match, a long feed) goes to the thread pool, so the
 * event loop serves other requests meanwhile.
 */
const AT_ONCE_UP_TO = 256 * 1024

/** compress() for one answer: small ones at once (quality 4), large ones on libuv's thread pool (quality 5). */
function compressForAnswer(body: Buffer, encoding: Encoding): Buffer | Promise<Buffer> {
  if (body.length <= AT_ONCE_UP_TO) {
    return encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 })
  }
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
 * Pages, API answers and feeds leave compressed when the client accepts it (Brotli, else gzip): a search page is
 * about 68 KB of HTML and 6 KB compressed. Answers already encoded (the static assets, compressed once at start) pass as they are.
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
    return compressForAnswer(body, encoding)
  })
}
