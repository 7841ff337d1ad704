import { Transform } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ValidationError, type FieldProblem } from '../errors.ts'

/**
 * Text the database cannot store (NUL) or that is not text at all (invalid UTF-8, lone surrogates) is refused
 * with 400 before any route sees it, wherever it comes from: the path, the query, a form or a JSON body. Routes
 * and repositories can then trust every string they get; PostgreSQL would otherwise answer "invalid byte
 * sequence" (a 500), and PGlite would store something else than was sent.
 */
export function registerInputGuard(app: FastifyInstance) {
  // The raw bytes of a body are checked as they arrive: once decoded, invalid UTF-8 is a U+FFFD like any other.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const type = String(request.headers['content-type'] ?? '').toLowerCase()
    if (!/^(application\/(json|[a-z.+-]*\+json|x-www-form-urlencoded)|text\/)/.test(type)) return payload
    const form = type.startsWith('application/x-www-form-urlencoded')
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const chunks: Buffer[] = []
    const checked = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        try {
          decoder.decode(chunk, { stream: true })
        } catch {
          return callback(refusal('body'))
        }
        if (form) chunks.push(chunk)
        callback(null, chunk)
      },
      flush(callback) {
        try {
          decoder.decode()
        } catch {
          return callback(refusal('body'))
        }
        // A form encodes its text as percent escapes: those must be UTF-8 too (the parser leaves bad ones as typed).
        const bad = form ? badQueryField(Buffer.concat(chunks).toString('utf8')) : undefined
        callback(bad === undefined ? null : refusal(bad))
      },
    })
    // Fastify compares what it read with Content-Length; the bytes are the same ones.
    return payload.pipe(checked)
  })

  app.addHook('preValidation', async (request) => {
    const problem = badUrlField(request) ?? badValue(request.params, 'path') ?? badValue(request.query, 'query') ?? badValue(request.body, 'body')
    if (problem !== undefined) throw refusal(problem)
  })
}

function refusal(name: string): ValidationError {
  const problem: FieldProblem = { name: name.slice(0, 60), messageKey: 'validation.invalidCharacters' }
  return new ValidationError([problem])
}

/** Half of a surrogate pair on its own: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The text a percent-encoded part stands for, or undefined when that is not valid UTF-8 or holds a NUL. */
function decodePart(part: string): string | undefined {
  if (!part.includes('%')) return part.includes('\0') || LONE_SURROGATE.test(part) ? undefined : part
  const bytes: number[] = []
  for (let i = 0; i < part.length; i++) {
    const code = part.charCodeAt(i)
    const hex = code === 0x25 ? part.slice(i + 1, i + 3) : ''
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else if (code < 0x80) {
      bytes.push(code)
    } else {
      // Not percent-encoded: already text (a parsed body, or a URL written with its characters as they are).
      bytes.push(...Buffer.from(part[i]!, 'utf8'))
    }
  }
  try {
    const text = strictUtf8.decode(Uint8Array.from(bytes))
    return text.includes('\0') ? undefined : text
  } catch {
    return undefined
  }
}

/** The name of the first field of a query string (or form body) that is not valid text, if any. */
function badQueryField(query: string): string | undefined {
  for (const pair of query.split('&')) {
    const split = pair.indexOf('=')
    const key = split === -1 ? pair : pair.slice(0, split)
    const name = decodePart(key.replace(/\+/g, ' '))
    if (name === undefined) return 'query'
    if (split !== -1 && decodePart(pair.slice(split + 1).replace(/\+/g, ' ')) === undefined) return name
  }
  return undefined
}

/** The path and query as sent: the parsers leave undecodable escapes (%FF) as they are, so they are checked here. */
function badUrlField(request: FastifyRequest): string | undefined {
  // Node itself refuses bytes sent unencoded (outside ASCII); what is left to check is the percent escapes.
  const url = request.raw.url ?? request.url
  const start = url.indexOf('?')
  if (decodePart(start === -1 ? url : url.slice(0, start)) === undefined) return 'path'
  return start === -1 ? undefined : badQueryField(url.slice(start + 1))
}

const MAX_DEPTH = 20

/** The top-level name of the first string (value or key) holding a NUL or a lone surrogate, if any. */
function badValue(value: unknown, name: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\0') || LONE_SURROGATE.test(value) ? name : undefined
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined
  if (Array.isArray(value)) {
    for (const item of value) if (badValue(item, name, depth + 1) !== undefined) return name
    return undefined
  }
  for (const [key, item] of Object.entries(value)) {
    const field = depth === 0 ? key : name
    if (key.includes('\0') || LONE_SURROGATE.test(key)) return depth === 0 ? 'body' : name
    if (badValue(item, field, depth + 1) !== undefined) return field
  }
  return undefined
}
