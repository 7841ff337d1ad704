import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import type { SubmissionsService } from './submissions.service.ts'
import { ValidationError } from '../../errors.ts'
import { localeFromAcceptLanguage, translate } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { API_VERSION } from '../../plugins/error-handler.ts'
import { rateLimit } from '../../plugins/session.ts'
import type { Match } from './similarity.ts'
import { ShareApiSchema, SimilarQuerySchema } from './submissions.schemas.ts'
import { DuplicatesFoundError } from './submissions.service.ts'

function locale(request: FastifyRequest, bodyLocale?: string): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang
  if (bodyLocale === 'nl' || bodyLocale === 'en') return bodyLocale
  if (lang === 'nl' || lang === 'en') return lang
  return localeFromAcceptLanguage(request.headers['accept-language'])
}

const headers = (reply: FastifyReply, lang: Locale) =>
  reply.header('api-version', API_VERSION).header('content-language', lang).header('access-control-allow-origin', '*').header('vary', 'Accept-Language')

/** One similar tool or open submission as the API gives it. */
export function apiMatch(match: Match, publicUrl: string, lang: Locale) {
  const c = match.candidate
  return {
    type: c.type,
    slug: c.slug,
    // A submission under review is not moderated yet: that it exists is public, its name is not.
    name: c.type === 'submission' ? null : c.name,
    status: c.status,
    score: match.score,
    likely: match.likely,
    reasons: match.reasons,
    ...(c.slug ? { _links: { html: { href: `${publicUrl}${lang === 'en' ? '/en' : ''}/tools/${c.slug}` } } } : {}),
  }
}

/** GET /api/v1/similar-tools and POST /api/v1/submissions: other sites can offer the share form too. */
export function registerSubmissionsApi(app: FastifyInstance, ctx: { config: Config; submissions: SubmissionsService }) {
  const publicUrl = ctx.config.PUBLIC_URL

  // Typing calls this every few hundred milliseconds: a generous limit, against scraping rather than people.
  app.get('/api/v1/similar-tools', rateLimit(ctx.config, 'lookup'), async (request, reply) => {
    const raw = { ...(request.query as Record<string, unknown>) }
    const lang = locale(request)
    delete raw.lang
    const query = validateInput(SimilarQuerySchema, raw)
    const matches = await ctx.submissions.similar(query)
    return headers(reply, lang).send({ items: matches.map((m) => apiMatch(m, publicUrl, lang)) })
  })

  // Browsers on other sites ask first whether they may post JSON here.
  app.options('/api/v1/submissions', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type, accept-language')
      .header('access-control-max-age', '86400')
      .send(),
  )

  app.post('/api/v1/submissions', rateLimit(ctx.config, 'forms'), async (request, reply) => {
    if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
      throw new ValidationError([{ name: 'body', messageKey: 'validation.jsonObject' }])
    }
    const body = request.body as Record<string, unknown>
    const lang = locale(request, typeof body.locale === 'string' ? body.locale : undefined)
    const input = validateInput(ShareApiSchema, body)
    try {
      const { submission, token } = await ctx.submissions.submit(input, { locale: input.locale ?? lang, source: 'api', confirmDifferent: input.confirmDifferent === true })
      const trackingUrl = `${publicUrl}${(input.locale ?? lang) === 'en' ? '/en' : ''}/submissions/${token}`
      return headers(reply, lang)
        .code(201)
        .header('location', trackingUrl)
        .send({ id: submission.id, kind: submission.kind, status: submission.status, createdAt: new Date(submission.created_at).toISOString(), _links: { tracking: { href: trackingUrl } } })
    } catch (error) {
      if (!(error instanceof DuplicatesFoundError)) throw error
      return headers(reply, lang)
        .code(409)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send({
          type: `${publicUrl}/api/v1/problems/possible-duplicates`,
          title: translate(lang, 'share.duplicates.problem'),
          status: 409,
          code: 'possible-duplicates',
          detail: translate(lang, 'share.duplicates.apiDetail'),
          items: error.matches.map((m) => apiMatch(m, publicUrl, lang)),
        })
    }
  })
}
