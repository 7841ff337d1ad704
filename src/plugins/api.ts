import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ValidationError } from '../errors.ts'
import { localeFromAcceptLanguage } from '../i18n/i18n.ts'
import type { Locale } from '../i18n/messages.ts'
import { isApiRequest } from './context.ts'

/** The full version of the public API (NL GOV API Design Rules /core/version-header). */
export const API_VERSION = '1.0.0'

function lastValue(value: unknown): string | undefined {
  const last = Array.isArray(value) ? value.at(-1) : value
  return typeof last === 'string' ? last : undefined
}

/** The largest body whose text is read again for its locale when it did not arrive as JSON. */
const MAX_REREAD = 64 * 1024

/**
 * The `locale` a body asks for, also when the client sent its JSON under another content type (text/plain from a
 * bare fetch(), form-encoded from curl -d): the answer refusing that body should still be in its language. A tag
 * like en-GB counts as en here, though the field itself only takes nl or en.
 */
function bodyLocale(body: unknown): Locale | undefined {
  let value: unknown = body
  if (typeof value === 'string' || (value && typeof value === 'object' && !Array.isArray(value) && !('locale' in value))) {
    // Form-encoded JSON arrives as one field whose name is the whole text.
    const keys = typeof value === 'string' ? [] : Object.keys(value)
    const text = typeof value === 'string' ? value : keys.length === 1 ? keys[0]! : ''
    if (!text.trimStart().startsWith('{') || text.length > MAX_REREAD) return undefined
    try {
      value = JSON.parse(text)
    } catch {
      return undefined
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const locale = (value as Record<string, unknown>).locale
  const primary = typeof locale === 'string' ? /^(nl|en)(?:[-_][a-z0-9]{1,8})*$/i.exec(locale.trim())?.[1]?.toLowerCase() : undefined
  return primary === 'nl' || primary === 'en' ? primary : undefined
}

/**
 * The API's one language rule, for data and errors alike: the `lang` parameter (the last one), else the `locale`
 * of a JSON body (a submission), else Accept-Language, else Dutch. Never throws: the error handler uses it too,
 * also for requests whose query or body could not be read.
 */
export function apiLocale(request: FastifyRequest): Locale {
  const lang = lastValue((request.query as Record<string, unknown> | undefined)?.lang)
  if (lang === 'nl' || lang === 'en') return lang
  return bodyLocale(request.body) ?? localeFromAcceptLanguage(request.headers['accept-language'])
}

export function addVary(reply: FastifyReply, header: string) {
  const current = reply.getHeader('vary')
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((v) => v.trim()).filter((v) => v !== '')
  if (!values.some((v) => v.toLowerCase() === header.toLowerCase() || v === '*')) reply.header('vary', [...values, header].join(', '))
}

/**
 * What every /api/ response carries, success or problem, routed or not: the version header, the language it
 * is in (Content-Language; the answer depends on Accept-Language, hence Vary), and readability from any origin.
 * An unknown `lang` is a 400 for every operation.
 */
export function registerApiConventions(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    if (!isApiRequest(request)) return
    const lang = lastValue((request.query as Record<string, unknown> | undefined)?.lang)
    if (lang !== undefined && lang !== 'nl' && lang !== 'en') {
      throw new ValidationError([{ name: 'lang', messageKey: 'validation.unknownValue', params: { value: lang.slice(0, 60) } }])
    }
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiRequest(request)) setApiHeaders(request, reply)
    return payload
  })
}

/**
 * The headers of every /api/ response. Set by the onSend hook; the error responder sets them too, because
 * Fastify answers a URL it cannot route (bad percent-encoding, over-long parameters) without running hooks.
 */
export function setApiHeaders(request: FastifyRequest, reply: FastifyReply) {
  reply.header('api-version', API_VERSION)
  // A document written in one language (the OpenAPI description) says so itself.
  if (!reply.hasHeader('content-language')) reply.header('content-language', apiLocale(request))
  addVary(reply, 'Accept-Language')
  reply.header('access-control-allow-origin', '*')
}
