import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import type { SubmissionsService } from './submissions.service.ts'
import { ValidationError } from '../../errors.ts'
import { translate } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { rateLimit } from '../../plugins/session.ts'
import type { Match } from './similarity.ts'
import { DuplicatesProblem, SimilarToolList, Submission, type SimilarTool } from './submissions.responses.ts'
import { ShareApiSchema, SimilarQuerySchema } from './submissions.schemas.ts'
import { DuplicatesFoundError, validateShare } from './submissions.service.ts'

/** The similar-tools query as sent: the lang parameter is the API's own (validated for every operation). */
const SimilarToolsQuery = Type.Object({ ...SimilarQuerySchema.properties, lang: Type.Optional(Type.Unknown()) }, { additionalProperties: false })

/** One similar tool or open submission as the API gives it. */
export function apiMatch(match: Match, publicUrl: string, lang: Locale): Static<typeof SimilarTool> {
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
  app.get(
    '/api/v1/similar-tools',
    { ...rateLimit(ctx.config, 'lookup', 'similar-tools'), schema: { response: { 200: SimilarToolList, 400: Problem, 429: Problem, '5xx': Problem } } },
    async (request): Promise<Static<typeof SimilarToolList>> => {
      const lang = apiLocale(request)
      const { name, description, url } = validateInput(SimilarToolsQuery, request.query)
      const matches = await ctx.submissions.similar({ name, description, url })
      return { items: matches.map((m) => apiMatch(m, publicUrl, lang)) }
    },
  )

  // Browsers on other sites ask first whether they may post JSON here.
  app.options('/api/v1/submissions', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type, accept-language')
      .header('access-control-max-age', '86400')
      .send(),
  )

  app.post(
    '/api/v1/submissions',
    { ...rateLimit(ctx.config, 'forms', 'share'), schema: { response: { 201: Submission, 400: Problem, 409: DuplicatesProblem, 415: Problem, 429: Problem, '5xx': Problem } } },
    async (request, reply) => {
      if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
        throw new ValidationError([{ name: 'body', messageKey: 'validation.jsonObject' }])
      }
      const lang = apiLocale(request)
      const input = validateShare(ShareApiSchema, request.body as Record<string, unknown>)
      try {
        const { submission, token } = await ctx.submissions.submit(input, { locale: input.locale ?? lang, source: 'api', confirmDifferent: input.confirmDifferent === true })
        const trackingUrl = `${publicUrl}${(input.locale ?? lang) === 'en' ? '/en' : ''}/submissions/${token}`
        const body: Static<typeof Submission> = {
          id: submission.id,
          kind: submission.kind,
          status: submission.status,
          createdAt: new Date(submission.created_at).toISOString(),
          _links: { tracking: { href: trackingUrl } },
        }
        return reply.code(201).header('location', trackingUrl).send(body)
      } catch (error) {
        if (!(error instanceof DuplicatesFoundError)) throw error
        const problem: Static<typeof DuplicatesProblem> = {
          type: `${publicUrl}/api/v1/problems/possible-duplicates`,
          title: translate(lang, 'share.duplicates.problem'),
          status: 409,
          detail: translate(lang, 'share.duplicates.apiDetail'),
          code: 'possible-duplicates',
          instance: request.url.slice(0, 500),
          items: error.matches.map((m) => apiMatch(m, publicUrl, lang)),
        }
        return reply.code(409).header('content-type', 'application/problem+json; charset=utf-8').send(problem)
      }
    },
  )
}
