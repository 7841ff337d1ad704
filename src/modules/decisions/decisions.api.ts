import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { DecisionList } from './decisions.responses.ts'
import type { DecisionsService } from './decisions.service.ts'

type WithVotes = Awaited<ReturnType<DecisionsService['listWithVotes']>>[number]
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** GET /api/v1/decisions: every decision of the partners; each organisation's vote once the vote is closed. */
export function registerDecisionsApi(app: FastifyInstance, ctx: { config: Config; decisions: DecisionsService }) {
  const publicUrl = ctx.config.PUBLIC_URL
  const present = ({ decision: d, votes }: WithVotes, lang: 'nl' | 'en'): Static<typeof DecisionList>['items'][number] => ({
    id: d.id,
    proposal: { id: d.proposal_id, title: d.proposal_title, language: d.proposal_locale },
    gathering: d.gathering_slug ? { slug: d.gathering_slug, title: (lang === 'en' ? d.gathering_title_en : d.gathering_title_nl) ?? d.gathering_slug } : null,
    openedAt: new Date(d.opened_at).toISOString(),
    closesAt: iso(d.closes_at),
    closedAt: iso(d.closed_at),
    quorumPercent: d.quorum_percent,
    outcome: d.outcome,
    tally: d.eligible === null ? null : { for: d.votes_for ?? 0, against: d.votes_against ?? 0, abstain: d.votes_abstain ?? 0, eligible: d.eligible },
    votes: votes.map((v) => ({ organisation: v.organisation_name, choice: v.choice })),
    tool: d.tool_slug ? { slug: d.tool_slug } : null,
    _links: { html: { href: `${publicUrl}${localePath(lang, `/decisions/${d.id}`)}` } },
  })

  app.get('/api/v1/decisions', { schema: { response: { 200: DecisionList, 400: Problem, '5xx': Problem } } }, async (request): Promise<Static<typeof DecisionList>> => {
    const lang = apiLocale(request)
    return { items: (await ctx.decisions.listWithVotes()).map((d) => present(d, lang)) }
  })
}
