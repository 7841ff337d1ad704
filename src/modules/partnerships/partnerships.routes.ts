import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { authorize } from '../../lib/policy.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import type { OrganisationsRepository } from '../organisations/organisations.repository.ts'
import { EndPartnershipSchema, PartnershipSchema } from './partnerships.schemas.ts'
import { todayInAmsterdam, type PartnershipsService } from './partnerships.service.ts'
import { partnershipsPage } from './views/partnerships.page.ts'

export interface PartnershipRouteDeps {
  config: Config
  partnerships: PartnershipsService
  organisationOptions: Pick<OrganisationsRepository, 'options'>
}

const idOf = (raw: string) => {
  if (!/^[0-9]{1,15}$/.test(raw)) throw new NotFoundError()
  return Number(raw)
}

/** /admin/partnerships (administrators): which organisations are City Deal partners, since and until when. */
export function registerPartnershipPages(app: FastifyInstance, deps: PartnershipRouteDeps) {
  const { config, partnerships } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const render = async (request: FastifyRequest, reply: FastifyReply, refused?: { form: 'add' | number; state: FormState }) =>
      partnershipsPage(pageContext(request, config.PUBLIC_URL), {
        partnerships: await partnerships.list(),
        organisations: await deps.organisationOptions.options(),
        today: todayInAmsterdam(),
        csrfToken: reply.generateCsrf(),
        flash: refused ? undefined : flashFrom(request.query, { added: 'partners.done.added', ended: 'partners.done.ended' }),
        refused,
      })

    app.get(p('/admin/partnerships'), async (request, reply) => {
      authorize(request.actor, 'partnerships.manage')
      return sendPage(reply, await render(request, reply))
    })

    app.post(p('/admin/partnerships'), async (request, reply) => {
      const actor = authorize(request.actor, 'partnerships.manage')
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await partnerships.add(actor, validateInput(PartnershipSchema, request.body))
          return `${p('/admin/partnerships')}?done=added`
        },
        render: (state) => render(request, reply, { form: 'add', state }),
      })
    })

    app.post<{ Params: { id: string } }>(p('/admin/partnerships/:id/end'), async (request, reply) => {
      const actor = authorize(request.actor, 'partnerships.manage')
      const id = idOf(request.params.id)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await partnerships.end(actor, id, validateInput(EndPartnershipSchema, request.body))
          return `${p('/admin/partnerships')}?done=ended`
        },
        render: (state) => render(request, reply, { form: id, state }),
      })
    })
  }
}
