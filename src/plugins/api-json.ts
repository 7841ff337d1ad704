import type { FastifyInstance } from 'fastify'
import { UnsupportedMediaTypeError } from '../errors.ts'
import { isApiRequest } from './context.ts'

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i

/**
 * The JSON API takes JSON only: a write with any other body (a form, plain text, none at all) gets 415 before the
 * body is read. A page on another site can send forms and plain text without asking; JSON it may send only after
 * the CORS preflight (OPTIONS), which the API answers for the operations meant for other sites.
 */
export function registerJsonOnlyApi(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!WITH_BODY.has(request.method) || !isApiRequest(request)) return
    // An unknown path stays 404 and a known path with another method 405, whatever the body.
    if (request.is404 || request.routeOptions.config?.methodNotAllowed) return
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) throw new UnsupportedMediaTypeError()
  })
}
