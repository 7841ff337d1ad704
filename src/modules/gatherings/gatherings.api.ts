import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { localized } from '../tools/tools.presenter.ts'
import { GatheringList } from './gatherings.responses.ts'
import { gatheringTitle, type GatheringsService } from './gatherings.service.ts'

type Detailed = Awaited<ReturnType<GatheringsService['listDetailed']>>[number]

/** GET /api/v1/gatherings: every gathering with its agenda, documents, minutes, attendance and decisions. */
export function registerGatheringsApi(app: FastifyInstance, ctx: { config: Config; gatherings: GatheringsService }) {
  const publicUrl = ctx.config.PUBLIC_URL
  const present = ({ gathering: g, agenda, documents, attendance, decisions }: Detailed, lang: 'nl' | 'en', organisations: number): Static<typeof GatheringList>['items'][number] => {
    const minutes = localized(g.minutes_nl, g.minutes_en, lang)
    return {
      slug: g.slug,
      title: gatheringTitle(g, lang),
      startsAt: new Date(g.starts_at).toISOString(),
      endsAt: new Date(g.ends_at).toISOString(),
      place: g.place,
      onlineUrl: g.online_url,
      agenda: agenda.map((a) => ({
        title: lang === 'en' ? a.title_en : a.title_nl,
        subItemOf: a.parent_id === null ? null : agenda.findIndex((x) => x.id === a.parent_id) + 1,
        proposal: a.proposal_id === null ? null : { id: a.proposal_id, title: a.proposal_title ?? '' },
      })),
      documents: documents.map((d) => ({ title: d.title, url: d.url })),
      organisationsRegistered: organisations,
      minutes: minutes ? { text: minutes.text, language: minutes.lang } : null,
      attendance: attendance.map((o) => ({ slug: o.slug, name: o.name })),
      decisions: decisions.map((d) => d.id),
      _links: { html: { href: `${publicUrl}${localePath(lang, `/gatherings/${g.slug}`)}` }, ics: { href: `${publicUrl}${localePath(lang, `/gatherings/${g.slug}.ics`)}` } },
    }
  }

  app.get('/api/v1/gatherings', { schema: { response: { 200: GatheringList, 400: Problem, '5xx': Problem } } }, async (request): Promise<Static<typeof GatheringList>> => {
    const lang = apiLocale(request)
    return { items: (await ctx.gatherings.listDetailed()).map((d) => present(d, lang, d.gathering.organisations)) }
  })
}
