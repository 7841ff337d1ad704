import type { Static } from '@sinclair/typebox'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, CsrfError, MethodNotAllowedError, NotFoundError } from '../errors.ts'
import { isMessageKey, translate } from '../i18n/i18n.ts'
import type { Locale } from '../i18n/messages.ts'
import { errorPage } from '../views/error.page.ts'
import { apiLocale, setApiHeaders } from './api.ts'
import { isApiRequest, pageContext } from './context.ts'
import type { Problem } from './problem.schema.ts'

/** Maps Fastify's own client errors (bad JSON, bad URL, too large) to a status; anything else is ours. */
function clientErrorStatus(error: FastifyError): number | undefined {
  const status = error.statusCode
  return status && status >= 400 && status < 500 ? status : undefined
}

type Failure = AppError | { status: number; messageKey: 'error.badRequest' | 'error.internal' | 'error.notFound' | 'error.unavailable'; id: string }

const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'])

/** Whether an error means the database cannot be reached (then the answer is 503, not 500). */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string }
  return (
    (e.code !== undefined && DATABASE_DOWN_CODES.has(e.code)) ||
    /database is closed|PGlite is closed|Connection terminated|Query read timeout|timeout exceeded when trying to connect|Cannot use a pool after calling end|has already been destroyed/i.test(e.message ?? '')
  )
}

/** Sends a failure: problem+json for the API, an error page in the visitor's language for HTML. */
export function createErrorResponder(publicUrl: string) {
  return (request: FastifyRequest, reply: FastifyReply, error: Failure) => {
    const details = error instanceof AppError ? error.details : []
    const params = error instanceof AppError ? error.params : {}
    if (error instanceof MethodNotAllowedError) reply.header('allow', error.allow)
    if (isApiRequest(request)) {
      const locale = apiLocale(request)
      const invalidParams = details.map((d) => ({
        name: d.name,
        code: d.messageKey.replace(/^validation\./, ''),
        reason: translate(locale, d.messageKey, d.params),
      }))
      const title = translate(locale, error.messageKey, params)
      setApiHeaders(request, reply)
      return reply
        .code(error.status)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send({
          type: `${publicUrl}/api/v1/problems/${error.id}`,
          title,
          status: error.status,
          // The title already names this occurrence (which slug, which page); invalid input lists each field.
          detail: invalidParams.length > 0 ? invalidParams.map((p) => translate(locale, 'validation.field', { field: p.name, message: p.reason })).join(' ') : title,
          code: error.id,
          instance: request.url.slice(0, 500),
          ...(invalidParams.length > 0 ? { invalidParams } : {}),
        } satisfies Static<typeof Problem>)
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
      .send(errorPage(ctx, { message: translate(ctx.locale, error.messageKey, params), problems, signIn: error.status === 401, notFound: error.status === 404 }))
  }

}

/** Maps any error to a failure response; Fastify's own client errors keep their 4xx status. */
export function respondToError(send: ReturnType<typeof createErrorResponder>, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof AppError) return send(request, reply, error)
    if (error.code?.startsWith('FST_CSRF_')) return send(request, reply, new CsrfError())
    const status = clientErrorStatus(error)
    if (status === 404) return send(request, reply, new NotFoundError())
    if (status) {
      request.log.info({ err: { code: error.code, message: error.message } }, 'client error')
      return send(request, reply, { status, messageKey: 'error.badRequest', id: 'bad-request' })
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable')
      reply.header('retry-after', '30')
      return send(request, reply, { status: 503, messageKey: 'error.unavailable', id: 'unavailable' })
    }
    request.log.error({ err: error }, 'unexpected error')
    return send(request, reply, { status: 500, messageKey: 'error.internal', id: 'internal-error' })
}

/** One error handler for the whole app, and the not-found handler. */
export function registerErrorHandling(app: FastifyInstance, publicUrl: string) {
  const send = createErrorResponder(publicUrl)
  app.setErrorHandler((error: FastifyError, request, reply) => respondToError(send, error, request, reply))
  app.setNotFoundHandler((request, reply) => send(request, reply, new NotFoundError()))
}

function fieldLabel(locale: Locale, name: string): string {
  for (const key of [`field.${name}`, `facet.${name}`]) if (isMessageKey(key)) return translate(locale, key)
  return name
}
