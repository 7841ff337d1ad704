import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, CsrfError, NotFoundError } from '../errors.ts'
import { isMessageKey, localeFromAcceptLanguage, translate } from '../i18n/i18n.ts'
import type { Locale } from '../i18n/messages.ts'
import { errorPage } from '../views/error.page.ts'
import { isApiRequest, pageContext } from './context.ts'

export const API_VERSION = '1.0.0'

function apiLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang
  if (lang === 'nl' || lang === 'en') return lang
  return localeFromAcceptLanguage(request.headers['accept-language'])
}

/** Maps Fastify's own client errors (bad JSON, bad URL, too large) to a status; anything else is ours. */
function clientErrorStatus(error: FastifyError): number | undefined {
  const status = error.statusCode
  return status && status >= 400 && status < 500 ? status : undefined
}

/** One error handler: problem+json for the API, an error page in the visitor's language for HTML. */
export function registerErrorHandling(app: FastifyInstance, publicUrl: string) {
  const send = (request: FastifyRequest, reply: FastifyReply, error: AppError | { status: number; messageKey: 'error.badRequest' | 'error.internal' | 'error.notFound'; id: string }) => {
    const details = error instanceof AppError ? error.details : []
    const params = error instanceof AppError ? error.params : {}
    if (isApiRequest(request)) {
      const locale = apiLocale(request)
      const invalidParams = details.map((d) => ({
        name: d.name,
        code: d.messageKey.replace(/^validation\./, ''),
        reason: translate(locale, d.messageKey, d.params),
      }))
      return reply
        .code(error.status)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .header('api-version', API_VERSION)
        .header('content-language', locale)
        .send({
          type: `${publicUrl}/api/v1/problems/${error.id}`,
          title: translate(locale, error.messageKey, params),
          status: error.status,
          code: error.id,
          instance: request.url.slice(0, 500),
          ...(invalidParams.length > 0 ? { invalidParams } : {}),
        })
    }
    const ctx = pageContext(request, publicUrl)
    const problems = details.map((d) =>
      translate(ctx.locale, 'validation.field', {
        field: fieldLabel(ctx.locale, d.name),
        message: translate(ctx.locale, d.messageKey, d.params),
      }),
    )
    return reply
      .code(error.status)
      .type('text/html; charset=utf-8')
      .send(errorPage(ctx, { message: translate(ctx.locale, error.messageKey, params), problems, signIn: error.status === 401 }))
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(request, reply, error)
    if (error.code?.startsWith('FST_CSRF_')) return send(request, reply, new CsrfError())
    const status = clientErrorStatus(error)
    if (status === 404) return send(request, reply, new NotFoundError())
    if (status) {
      request.log.info({ err: { code: error.code, message: error.message } }, 'client error')
      return send(request, reply, { status, messageKey: 'error.badRequest', id: 'bad-request' })
    }
    request.log.error({ err: error }, 'unexpected error')
    return send(request, reply, { status: 500, messageKey: 'error.internal', id: 'internal-error' })
  })

  app.setNotFoundHandler((request, reply) => send(request, reply, new NotFoundError()))
}

function fieldLabel(locale: Locale, name: string): string {
  for (const key of [`field.${name}`, `facet.${name}`]) if (isMessageKey(key)) return translate(locale, key)
  return name
}
