import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError, ValidationError } from '../../errors.ts'
import type { Locale } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { rateLimit } from '../../plugins/session.ts'
import { localized } from '../tools/tools.presenter.ts'
import { CallAnswerReceipt, OpenCallList } from './calls.responses.ts'
import { ApiAnswerSchema } from './calls.schemas.ts'
import type { CallsService } from './calls.service.ts'

type Open = Awaited<ReturnType<CallsService['listOpen']>>[number]

const text = (v: { text: string; lang: Locale } | undefined) => (v ? { text: v.text, language: v.lang } : null)

/** GET /api/v1/calls (the open calls) and POST /api/v1/tools/{slug}/call/answers (a municipality answers one). */
export function registerCallsApi(app: FastifyInstance, ctx: { config: Config; calls: CallsService }) {
  const publicUrl = ctx.config.PUBLIC_URL
  const present = (c: Open, lang: Locale): Static<typeof OpenCallList>['items'][number] => ({
    tool: { slug: c.slug, name: (lang === 'en' ? (c.name_en ?? c.name_nl) : (c.name_nl ?? c.name_en)) ?? c.slug },
    asked: text(localized(c.asked_nl, c.asked_en, lang)),
    effort: text(localized(c.effort_nl, c.effort_en, lang)),
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    municipalitiesNeeded: c.municipalities_needed,
    municipalitiesAccepted: c.accepted,
    municipalitiesStillNeeded: c.stillNeeded,
    _links: {
      tool: { href: `${publicUrl}/api/v1/tools/${c.slug}?lang=${lang}` },
      html: { href: `${publicUrl}${lang === 'en' ? '/en' : ''}/tools/${c.slug}/call` },
      answer: { href: `${publicUrl}/api/v1/tools/${c.slug}/call/answers` },
    },
  })

  app.get('/api/v1/calls', { schema: { response: { 200: OpenCallList, 400: Problem, '5xx': Problem } } }, async (request): Promise<Static<typeof OpenCallList>> => {
    const lang = apiLocale(request)
    return { items: (await ctx.calls.listOpen()).map((c) => present(c, lang)) }
  })

  // Browsers on other sites ask first whether they may post JSON here.
  app.options('/api/v1/tools/:slug/call/answers', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type, accept-language')
      .header('access-control-max-age', '86400')
      .send(),
  )

  app.post<{ Params: { slug: string } }>(
    '/api/v1/tools/:slug/call/answers',
    { ...rateLimit(ctx.config, 'forms', 'call-answer'), schema: { response: { 201: CallAnswerReceipt, 400: Problem, 404: Problem, 409: Problem, 429: Problem, '5xx': Problem } } },
    async (request, reply) => {
      if (!isSlug(request.params.slug)) throw new NotFoundError('error.toolNotFound', { slug: request.params.slug.slice(0, 80) })
      if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
        throw new ValidationError([{ name: 'body', messageKey: 'validation.jsonObject' }])
      }
      const lang = apiLocale(request)
      const { locale, ...input } = validateInput(ApiAnswerSchema, request.body)
      const { call, tool, municipality } = await ctx.calls.answerPublicly(request.params.slug, input, locale ?? lang)
      const receipt: Static<typeof CallAnswerReceipt> = {
        status: 'open',
        municipality: municipality.name,
        tool: tool.slug,
        municipalitiesStillNeeded: call.stillNeeded,
        closesOn: call.closes_on,
      }
      return reply.code(201).header('location', `${publicUrl}${(locale ?? lang) === 'en' ? '/en' : ''}/tools/${tool.slug}/call`).send(receipt)
    },
  )
}
