import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { toCsv } from '../../lib/csv.ts'
import { authorize, can } from '../../lib/policy.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { programmeTables, TABLE_IDS } from './programme.presenter.ts'
import { AsOfQuerySchema, ProgrammeSchema } from './programme.schemas.ts'
import type { ProgrammeService } from './programme.service.ts'
import { programmeAdminPage } from './views/programme-admin.page.ts'
import { programmePage } from './views/programme.page.ts'

/**
 * /programme (public): the programme at a glance, and each of its tables as CSV (/programme/{table}.csv);
 * /admin/programme (administrators): the programme's name, dates and targets.
 */
export function registerProgrammePages(app: FastifyInstance, ctx: { config: Config; programme: ProgrammeService }) {
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)

    app.get(p('/programme'), async (request, reply) => {
      const { asOf } = validateInput(AsOfQuerySchema, request.query)
      const figures = await ctx.programme.figuresFor(asOf)
      const context = pageContext(request, ctx.config.PUBLIC_URL)
      const curator = request.actor.kind === 'user' && can(request.actor, 'programme.snapshot')
      return sendPage(
        reply,
        programmePage({ ...context, search: asOf ? `?asOf=${asOf}` : '' }, figures, programmeTables(figures, locale), {
          asOf,
          snapshotDays: await ctx.programme.snapshotDays(),
          csrfToken: curator ? reply.generateCsrf() : undefined,
          flash: flashFrom(request.query, { snapshot: 'programme.snapshot.saved' }),
        }),
      )
    })

    app.post(p('/programme/snapshots'), async (request, reply) => {
      const actor = authorize(request.actor, 'programme.snapshot')
      await ctx.programme.storeSnapshot(actor)
      return reply.redirect(`${p('/programme')}?done=snapshot`, 303)
    })

    for (const id of TABLE_IDS) {
      app.get(p(`/programme/${id}.csv`), async (request, reply) => {
        const { asOf } = validateInput(AsOfQuerySchema, request.query)
        const table = programmeTables(await ctx.programme.figuresFor(asOf), locale).find((x) => x.id === id)!
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="programme-${id}-${locale}.csv"`)
          .send(toCsv(table.headers, table.rows.map((row) => row.map((c) => c.value))))
      })
    }

    const adminPage = async (request: FastifyRequest, reply: FastifyReply, refused?: FormState) =>
      programmeAdminPage(pageContext(request, ctx.config.PUBLIC_URL), {
        programme: await ctx.programme.get(),
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { saved: 'programme.admin.saved' }),
        refused,
      })

    app.get(p('/admin/programme'), async (request, reply) => {
      authorize(request.actor, 'programme.manage')
      return sendPage(reply, await adminPage(request, reply))
    })

    app.post(p('/admin/programme'), async (request, reply) => {
      const actor = authorize(request.actor, 'programme.manage')
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await ctx.programme.update(actor, validateInput(ProgrammeSchema, request.body))
          return `${p('/admin/programme')}?done=saved`
        },
        render: (state) => adminPage(request, reply, state),
      })
    })
  }
}
