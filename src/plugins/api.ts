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

/**
 * The API's one language rule, for data and errors alike: the `lang` parameter (the last one), else the `locale`
 * of a JSON body (a submission), else Accept-Language, else Dutch. Never throws: the error handler uses it too,
 * also for requests whose query or body could not be read.
 */
export function apiLocale(request: FastifyRequest): Locale {
  const lang = lastValue((request.query as Record<string, unknown> | undefined)?.lang)
  if (lang === 'nl' || lang === 'en') return lang
  const body: unknown = request.body
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const locale = (body as Record<string, unknown>).locale
    if (locale === 'nl' || locale === 'en') return locale
  }
  return localeFromAcceptLanguage(request.headers['accept-language'])
}

function addVary(reply: FastifyReply, header: string) {
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
