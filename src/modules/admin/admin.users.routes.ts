import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import type { Actor } from '../../lib/actor.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize } from '../../lib/policy.ts'
import { ChangeRoleSchema, InviteUserSchema, SetActiveSchema } from '../accounts/accounts.schemas.ts'
import type { AccountsService } from '../accounts/accounts.service.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { parseId } from './admin.params.ts'
import { userPage, type UserForm } from './views/user.page.ts'
import { userStatus, usersPage, type HandOver } from './views/users.page.ts'

type IdRequest = FastifyRequest<{ Params: { id: string } }>

/** /admin/users: invite people, change their role and organisation, deactivate and reactivate them. */
export function registerAdminUserPages(app: FastifyInstance, deps: { config: Config; accounts: AccountsService; organisations: OrganisationsService }) {
  const { accounts, organisations } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, deps.config.PUBLIC_URL)

    const list = async (request: FastifyRequest, reply: FastifyReply, invite?: FormState, handOver?: HandOver) =>
      usersPage(context(request), {
        handOver,
        users: (await accounts.listUsers()).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, organisationName: u.organisation_name, status: userStatus(u) })),
        organisations: await organisations.options(),
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { invited: 'admin.users.invited', roleChanged: 'admin.users.roleChanged', deactivated: 'admin.users.deactivated', reactivated: 'admin.users.reactivated', reinvited: 'admin.users.reinvited' }),
        invite,
      })

    app.get(p('/admin/users'), async (request, reply) => {
      authorize(request.actor, 'users.manage')
      return sendPage(reply, await list(request, reply))
    })

    app.post(p('/admin/users'), async (request, reply) => {
      const actor = authorize(request.actor, 'users.manage')
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          const { user, handOver } = await accounts.inviteUser(actor, validateInput(InviteUserSchema, request.body))
          // Without SMTP the link reaches the invitee only through this administrator: shown once, here.
          if (handOver) return { once: await list(request, reply, undefined, { name: user.name, email: user.email, link: handOver }) }
          return `${p('/admin/users')}?done=invited`
        },
        render: (state) => list(request, reply, state),
      })
    })

    const detail = async (request: IdRequest, reply: FastifyReply, refused?: { form: UserForm; state: FormState }) => {
      const user = await accounts.describeUser(parseId(request.params.id))
      if (!user) throw new NotFoundError()
      return userPage(context(request), {
        user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisation_id, active: user.active, status: userStatus(user) },
        organisations: await organisations.options(),
        csrfToken: reply.generateCsrf(),
        refused,
      })
    }

    app.get<{ Params: { id: string } }>(p('/admin/users/:id'), async (request, reply) => {
      authorize(request.actor, 'users.manage')
      return sendPage(reply, await detail(request, reply))
    })

    /** A change to one user; a refusal (such as demoting the last administrator) shows the user's page again. */
    const change = (form: UserForm, run: (actor: Actor, id: number, body: unknown, request: IdRequest, reply: FastifyReply) => Promise<string | { once: string }>) =>
      app.post<{ Params: { id: string } }>(p(`/admin/users/:id/${form}`), async (request, reply) => {
        const actor = authorize(request.actor, 'users.manage')
        const id = parseId(request.params.id)
        return handleFormPost(reply, {
          values: formValues(request.body),
          submit: async () => {
            const done = await run(actor, id, request.body, request, reply)
            return typeof done === 'string' ? `${p('/admin/users')}?done=${done}` : done
          },
          render: (state) => detail(request, reply, { form, state }),
        })
      })

    change('role', async (actor, id, body) => {
      const input = validateInput(ChangeRoleSchema, body)
      await accounts.changeRole(actor, id, input.role, input.organisationId)
      return 'roleChanged'
    })
    change('active', async (actor, id, body) => {
      const active = validateInput(SetActiveSchema, body).active === 'true'
      await accounts.setActive(actor, id, active)
      return active ? 'reactivated' : 'deactivated'
    })
    change('reinvite', async (actor, id, _body, request, reply) => {
      const { handOver } = await accounts.reinvite(actor, id)
      if (!handOver) return 'reinvited'
      const user = await accounts.describeUser(id)
      return { once: await list(request, reply, undefined, { name: user?.name ?? '', email: user?.email ?? '', link: handOver }) }
    })
  }
}
