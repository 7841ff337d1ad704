import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { label, localePath } from '../../i18n/i18n.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { catalogueHref, gatePartLabel, partnersHref, TABLE_IDS, targetDefinition, targetHref, targetLabel } from './programme.presenter.ts'
import { ProgrammeFiguresResource } from './programme.responses.ts'
import { AsOfQuerySchema } from './programme.schemas.ts'
import { validateInput } from '../../lib/validation.ts'
import type { ProgrammeService } from './programme.service.ts'

/** GET /api/v1/programme: every figure of /programme, with the definitions and the lists behind them. */
export function registerProgrammeApi(app: FastifyInstance, ctx: { config: Config; programme: ProgrammeService }) {
  const publicUrl = ctx.config.PUBLIC_URL
  const href = (path: string) => ({ href: `${publicUrl}${path}` })

  app.get('/api/v1/programme', { schema: { response: { 200: ProgrammeFiguresResource, 400: Problem, 404: Problem, '5xx': Problem } } }, async (request): Promise<Static<typeof ProgrammeFiguresResource>> => {
    const lang = apiLocale(request)
    const { asOf } = validateInput(AsOfQuerySchema, request.query)
    const f = await ctx.programme.figuresFor(asOf)
    return {
      programme: { name: f.programme.name, startsOn: f.programme.startsOn, signingOn: f.programme.signingOn },
      asOf: f.asOf,
      targets: f.targets.map((x) => ({
        code: x.code,
        label: targetLabel(lang, x.code),
        actual: x.actual,
        target: x.target,
        definition: targetDefinition(lang, f, x.code),
        _links: { catalogue: href(targetHref(lang, x.code)) },
      })),
      startedOutside: f.startedOutside,
      stages: f.stages.map((s) => ({ status: { code: s.status, label: label(lang, 'status', s.status) }, tools: s.tools, _links: { catalogue: href(catalogueHref(lang, { status: [s.status] })) } })),
      gate: { tools: f.gate.tools, parts: f.gate.parts.map((p) => ({ code: p.code, label: gatePartLabel(lang, p.code), tools: p.tools })) },
      partners: f.partners.map((p) => ({ kind: { code: p.kind, label: label(lang, 'kind', p.kind) }, organisations: p.organisations, _links: { organisations: href(partnersHref(lang, p.kind)) } })),
      municipalities: f.municipalities.map((m) => ({ province: m.province, municipalities: m.municipalities })),
      openCalls: f.openCalls,
      mostActive: f.active.map((o) => ({ name: o.name, tools: o.tools, _links: { organisation: href(localePath(lang, `/organisations/${o.slug}`)) } })),
      growth: f.growth.map((g) => ({ ...g, total: g.cityDeal + g.othersInitiative + g.existing })),
      _links: {
        html: href(`${localePath(lang, '/programme')}${asOf ? `?asOf=${asOf}` : ''}`),
        calls: href(localePath(lang, '/calls')),
        csv: Object.fromEntries(TABLE_IDS.map((id) => [id, href(`${localePath(lang, `/programme/${id}.csv`)}${asOf ? `?asOf=${asOf}` : ''}`)])) as Record<(typeof TABLE_IDS)[number], { href: string }>,
      },
    }
  })
}
