import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { apiLocale } from '../../plugins/api.ts'
import { pageContext } from '../../plugins/context.ts'
import { sendPage } from '../../plugins/forms.ts'
import { isProblemType } from './problem-types.ts'
import { apiReferencePage, problemAnchor, type OpenApiDocument } from './views/api-reference.page.ts'

/**
 * The API reference at /api and /en/api, rendered from the served OpenAPI document itself; and the problem types'
 * URIs, /api/v1/problems/{id}, which lead to their section of it in the client's language (303).
 */
export function registerApiReference(app: FastifyInstance, config: Config, document: OpenApiDocument) {
  for (const locale of LOCALES) {
    app.get(localePath(locale, '/api'), async (request, reply) => sendPage(reply, apiReferencePage(pageContext(request, config.PUBLIC_URL), document)))
  }
  app.get<{ Params: { id: string } }>('/api/v1/problems/:id', async (request, reply) => {
    const { id } = request.params
    if (!isProblemType(id)) throw new NotFoundError('error.problemTypeNotFound', { id: id.slice(0, 80) })
    return reply.redirect(`${localePath(apiLocale(request), '/api')}#${problemAnchor(id)}`, 303)
  })
}
