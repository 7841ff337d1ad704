import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize } from '../../lib/policy.ts'
import { AddAliasSchema, EditOrganisationSchema, MergeOrganisationSchema, OrganisationSchema, RemoveAliasSchema } from '../organisations/organisations.schemas.ts'
import { versionOf, type OrganisationsService } from '../organisations/organisations.service.ts'
import { parseId } from './admin.params.ts'
import { organisationPage, type OrganisationForm } from './views/organisation.page.ts'
import { organisationsPage } from './views/organisations.page.ts'

type IdRequest = FastifyRequest<{ Params: { id: string } }>

/**
 * /admin/organisations: add organisations, edit them (a second editor gets a conflict), give them other names,
 * merge duplicates.
 */
export function registerAdminOrganisationPages(app: FastifyInstance, deps: { config: Config; organisations: OrganisationsService }) {
  const { organisations } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, deps.config.PUBLIC_URL)

    const list = async (request: FastifyRequest, reply: FastifyReply, create?: FormState) =>
      organisationsPage(context(request), {
        organisations: await organisations.list(),
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { created: 'admin.orgs.created', saved: 'admin.orgs.saved', merged: 'admin.orgs.merged' }),
        create,
      })

    app.get(p('/admin/organisations'), async (request, reply) => {
      authorize(request.actor, 'organisations.manage')
      return sendPage(reply, await list(request, reply))
    })

    app.post(p('/admin/organisations'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await organisations.createOrganisation(actor, validateInput(OrganisationSchema, request.body))
          return `${p('/admin/organisations')}?done=created`
        },
        render: (state) => list(request, reply, state),
      })
    })

    const detail = async (request: IdRequest, reply: FastifyReply, refused?: { form: OrganisationForm; state: FormState }) => {
      const org = await organisations.get(parseId(request.params.id))
      if (org.merged_into_id) throw new NotFoundError()
      return organisationPage(context(request), {
        organisation: org,
        aliases: await organisations.aliasesOf(org.id),
        version: versionOf(org),
        mergeTargets: (await organisations.options()).filter((o) => o.id !== org.id),
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { aliasAdded: 'admin.orgs.aliasAdded', aliasRemoved: 'admin.orgs.aliasRemoved' }),
        refused,
      })
    }

    app.get<{ Params: { id: string } }>(p('/admin/organisations/:id'), async (request, reply) => {
      authorize(request.actor, 'organisations.manage')
      return sendPage(reply, await detail(request, reply))
    })

    app.post<{ Params: { id: string } }>(p('/admin/organisations/:id'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      const id = parseId(request.params.id)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          const input = validateInput(EditOrganisationSchema, request.body)
          await organisations.updateOrganisation(actor, id, input, input.version)
          return `${p('/admin/organisations')}?done=saved`
        },
        render: (state) => detail(request, reply, { form: 'edit', state }),
      })
    })

    app.post<{ Params: { id: string } }>(p('/admin/organisations/:id/merge'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      const id = parseId(request.params.id)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await organisations.mergeOrganisations(actor, id, validateInput(MergeOrganisationSchema, request.body).targetId)
          return `${p('/admin/organisations')}?done=merged`
        },
        render: (state) => detail(request, reply, { form: 'merge', state }),
      })
    })

    // Other names: each change refreshes the search text of the organisation's tools in the same transaction.
    app.post<{ Params: { id: string } }>(p('/admin/organisations/:id/aliases'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      const id = parseId(request.params.id)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await organisations.addAlias(actor, id, validateInput(AddAliasSchema, request.body).otherName)
          return `${p(`/admin/organisations/${id}`)}?done=aliasAdded`
        },
        render: (state) => detail(request, reply, { form: 'alias', state }),
      })
    })

    app.post<{ Params: { id: string } }>(p('/admin/organisations/:id/aliases/remove'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      const id = parseId(request.params.id)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await organisations.removeAlias(actor, id, validateInput(RemoveAliasSchema, request.body).aliasId)
          return `${p(`/admin/organisations/${id}`)}?done=aliasRemoved`
        },
        render: (state) => detail(request, reply, { form: 'removeAlias', state }),
      })
    })
  }
}
