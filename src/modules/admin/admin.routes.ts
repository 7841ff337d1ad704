import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import type { AccountsService } from '../accounts/accounts.service.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { label, localePath, translator } from '../../i18n/i18n.ts'
import { LOCALES, type MessageKey } from '../../i18n/messages.ts'
import { cleanText } from '../../lib/text.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { alert, heading, link, paragraph, table, unorderedList } from '../../views/components/index.ts'
import { actionForm, renderFields, renderForm, type FieldSpec } from '../../views/form.ts'
import { html } from '../../views/html.ts'
import { flashFrom, simplePage } from '../../views/simple.page.ts'
import { authorize } from '../accounts/accounts.policy.ts'
import { ChangeRoleSchema, EMAIL_MAX_LENGTH, InviteUserSchema, NAME_MAX_LENGTH, SetActiveSchema } from '../accounts/accounts.schemas.ts'
import { ROLES } from '../../lib/actor.ts'
import { versionOf } from '../organisations/organisations.service.ts'
import { EditOrganisationSchema, MergeOrganisationSchema, ORGANISATION_KINDS, ORGANISATION_NAME_MAX, OrganisationSchema } from '../organisations/organisations.schemas.ts'

const PAGE = 50
const ID = /^[1-9][0-9]{0,14}$/

const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body)

function parseId(value: string): number {
  if (!ID.test(value)) throw new NotFoundError()
  return Number(value)
}

/** /admin: users, organisations, the outbox and the audit log, for administrators only. */
export function registerAdminPages(app: FastifyInstance, ctx: { config: Config; accounts: AccountsService; audit: AuditRepository; mail: MailService; organisations: OrganisationsService }) {
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const t = translator(locale)
    const date = (value: Date | string | null) =>
      value ? new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(value)) : '–'
    const orgOptions = async (withNone: boolean) => [
      ...(withNone ? [{ value: '', label: t('form.none') }] : []),
      ...(await ctx.organisations.options()).map((o) => ({ value: String(o.id), label: o.cbs_code ? `${o.name} (${label(locale, 'kind', o.kind)}, ${o.cbs_code})` : `${o.name} (${label(locale, 'kind', o.kind)})` })),
    ]
    const roleOptions = ROLES.map((r) => ({ value: r, label: t(`userRole.${r}`) }))

    app.get(p('/admin'), async (request, reply) => {
      authorize(request.actor, 'admin.view')
      return send(
        reply,
        simplePage(
          pageContext(request, ctx.config.PUBLIC_URL),
          { title: t('admin.title'), intro: t('admin.intro'), section: 'admin' },
          unorderedList([
            link(p('/admin/users'), t('admin.users')),
            link(p('/admin/organisations'), t('admin.organisations')),
            link(p('/admin/outbox'), t('admin.outbox')),
            link(p('/admin/audit'), t('admin.audit')),
          ]),
        ),
      )
    })

    // Users -------------------------------------------------------------------------------------------
    const usersPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, problems: FieldProblem[] = []) => {
      const users = await ctx.accounts.listUsers()
      const csrf = reply.generateCsrf()
      return simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        {
          title: t('admin.users'),
          flash: flashFrom(request.query, { invited: 'admin.users.invited', roleChanged: 'admin.users.roleChanged', deactivated: 'admin.users.deactivated', reactivated: 'admin.users.reactivated', reinvited: 'admin.users.reinvited' }),
          section: 'admin',
        },
        html`${table(
          t('admin.users'),
          [t('admin.table.name'), t('admin.table.email'), t('admin.table.role'), t('admin.table.organisation'), t('admin.table.status')],
          users.map((u) => [
            link(p(`/admin/users/${u.id}`), u.name),
            u.email,
            t(`userRole.${u.role}`),
            u.organisation_name ?? '–',
            !u.active ? t('admin.users.status.inactive') : u.password_hash ? t('admin.users.status.active') : t('admin.users.status.invited'),
          ]),
        )}
${heading(2, t('admin.users.invite'), { id: 'invite' })}
${paragraph(t('admin.users.inviteIntro'))}
${renderForm({
  id: 'invite',
  action: p('/admin/users'),
  csrfToken: csrf,
  locale,
  problems,
  submitLabel: t('admin.users.inviteSubmit'),
  fields: [
    { name: 'name', type: 'text', value: values.name, maxLength: NAME_MAX_LENGTH, autocomplete: 'off', required: true },
    { name: 'email', type: 'email', value: values.email, maxLength: EMAIL_MAX_LENGTH, autocomplete: 'off', required: true },
    { name: 'role', type: 'select', value: values.role ?? 'partner', options: roleOptions },
    { name: 'organisationId', type: 'select', value: values.organisationId ?? '', options: await orgOptions(true) },
    { name: 'locale', type: 'select', value: values.locale ?? locale, options: [{ value: 'nl', label: t('locale.nl') }, { value: 'en', label: t('locale.en') }] },
  ],
})}`,
      )
    }
    app.get(p('/admin/users'), async (request, reply) => {
      authorize(request.actor, 'users.manage')
      return send(reply, await usersPage(request, reply))
    })
    app.post(p('/admin/users'), async (request, reply) => {
      const actor = authorize(request.actor, 'users.manage')
      const body = stringsOf(request.body)
      try {
        const input = validateInput(InviteUserSchema, request.body)
        await ctx.accounts.inviteUser(actor, input)
        return reply.redirect(`${p('/admin/users')}?done=invited`, 303)
      } catch (error) {
        if (error instanceof ValidationError) return send(reply, await usersPage(request, reply, body, error.details), 400)
        throw error
      }
    })

    const userPage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, problems: FieldProblem[] = [], conflict?: MessageKey) => {
      const user = await ctx.accounts.describeUser(parseId(request.params.id))
      if (!user) throw new NotFoundError()
      const csrf = reply.generateCsrf()
      return simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        { title: t('admin.users.changeRoleOf', { name: user.name }), section: 'admin' },
        html`${conflict ? alert('error', t(conflict), { role: 'alert' }) : ''}
${paragraph(`${user.email} · ${!user.active ? t('admin.users.status.inactive') : user.password_hash ? t('admin.users.status.active') : t('admin.users.status.invited')}`)}
${renderForm({
  id: 'role',
  action: p(`/admin/users/${user.id}/role`),
  csrfToken: csrf,
  locale,
  problems,
  submitLabel: t('admin.users.save'),
  fields: [
    { name: 'role', type: 'select', value: user.role, options: roleOptions },
    { name: 'organisationId', type: 'select', value: user.organisation_id ? String(user.organisation_id) : '', options: await orgOptions(true) },
  ],
})}
<p class="utrecht-paragraph">${actionForm(p(`/admin/users/${user.id}/active`), csrf, user.active ? t('admin.users.deactivate') : t('admin.users.reactivate'), { active: user.active ? 'false' : 'true' })}${
          user.active && !user.password_hash ? actionForm(p(`/admin/users/${user.id}/reinvite`), csrf, t('admin.users.reinvite')) : ''
        }</p>
${paragraph(link(p('/admin/users'), t('admin.users')))}`,
      )
    }
    app.get<{ Params: { id: string } }>(p('/admin/users/:id'), async (request, reply) => {
      authorize(request.actor, 'users.manage')
      return send(reply, await userPage(request, reply))
    })
    app.post<{ Params: { id: string } }>(p('/admin/users/:id/role'), async (request, reply) => {
      const actor = authorize(request.actor, 'users.manage')
      const id = parseId(request.params.id)
      try {
        const input = validateInput(ChangeRoleSchema, request.body)
        await ctx.accounts.changeRole(actor, id, input.role, input.organisationId)
        return reply.redirect(`${p('/admin/users')}?done=roleChanged`, 303)
      } catch (error) {
        if (error instanceof ValidationError) return send(reply, await userPage(request, reply, error.details), 400)
        if (error instanceof ConflictError) return send(reply, await userPage(request, reply, [], error.messageKey), 409)
        throw error
      }
    })
    app.post<{ Params: { id: string } }>(p('/admin/users/:id/active'), async (request, reply) => {
      const actor = authorize(request.actor, 'users.manage')
      const id = parseId(request.params.id)
      const input = validateInput(SetActiveSchema, request.body)
      try {
        await ctx.accounts.setActive(actor, id, input.active === 'true')
      } catch (error) {
        if (error instanceof ConflictError) return send(reply, await userPage(request, reply, [], error.messageKey), 409)
        throw error
      }
      return reply.redirect(`${p('/admin/users')}?done=${input.active === 'true' ? 'reactivated' : 'deactivated'}`, 303)
    })
    app.post<{ Params: { id: string } }>(p('/admin/users/:id/reinvite'), async (request, reply) => {
      const actor = authorize(request.actor, 'users.manage')
      await ctx.accounts.reinvite(actor, parseId(request.params.id))
      return reply.redirect(`${p('/admin/users')}?done=reinvited`, 303)
    })

    // Organisations -----------------------------------------------------------------------------------
    const orgFields = (values: Record<string, string>): FieldSpec[] => [
      { name: 'name', type: 'text', value: values.name, maxLength: ORGANISATION_NAME_MAX, required: true },
      { name: 'kind', type: 'select', value: values.kind ?? 'other', options: ORGANISATION_KINDS.map((k) => ({ value: k, label: label(locale, 'kind', k) })) },
      { name: 'cbsCode', type: 'text', value: values.cbsCode, maxLength: 6, hint: t('validation.cbsCode') },
      { name: 'websiteUrl', type: 'url', value: values.websiteUrl, maxLength: 2000 },
      { name: 'isCityDealPartner', type: 'checkbox', value: values.isCityDealPartner },
    ]
    const orgsPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, problems: FieldProblem[] = []) => {
      const orgs = await ctx.organisations.list()
      return simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        { title: t('admin.organisations'), flash: flashFrom(request.query, { created: 'admin.orgs.created', saved: 'admin.orgs.saved', merged: 'admin.orgs.merged' }), section: 'admin' },
        html`${heading(2, t('admin.orgs.create'))}
${renderForm({ id: 'organisation', action: p('/admin/organisations'), csrfToken: reply.generateCsrf(), locale, problems, submitLabel: t('admin.orgs.createSubmit'), fields: orgFields(values) })}
${table(
  t('admin.organisations'),
  [t('admin.table.name'), t('admin.table.kind'), t('admin.table.tools'), t('admin.table.users')],
  orgs.map((o) => [
    link(p(`/admin/organisations/${o.id}`), o.name, { label: t('admin.orgs.editLink', { name: o.name }) }),
    `${label(locale, 'kind', o.kind)}${o.cbs_code ? ` (${o.cbs_code})` : ''}${o.is_city_deal_partner ? ` · ${t('admin.orgs.partner')}` : ''}`,
    String(o.tools),
    String(o.users),
  ]),
)}`,
      )
    }
    app.get(p('/admin/organisations'), async (request, reply) => {
      authorize(request.actor, 'organisations.manage')
      return send(reply, await orgsPage(request, reply))
    })
    app.post(p('/admin/organisations'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      try {
        const input = validateInput(OrganisationSchema, request.body)
        await ctx.organisations.createOrganisation(actor, input)
        return reply.redirect(`${p('/admin/organisations')}?done=created`, 303)
      } catch (error) {
        if (error instanceof ValidationError) return send(reply, await orgsPage(request, reply, stringsOf(request.body), error.details), 400)
        throw error
      }
    })

    const orgPage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, values?: Record<string, string>, problems: FieldProblem[] = [], conflict?: MessageKey) => {
      const org = await ctx.organisations.get(parseId(request.params.id))
      if (org.merged_into_id) throw new NotFoundError()
      const csrf = reply.generateCsrf()
      const current = values ?? { name: org.name, kind: org.kind, cbsCode: org.cbs_code ?? '', websiteUrl: org.website_url ?? '', isCityDealPartner: org.is_city_deal_partner ? 'on' : '' }
      const targets = (await orgOptions(false)).filter((o) => o.value !== String(org.id))
      return simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        { title: `${t('admin.orgs.edit')}: ${org.name}`, section: 'admin' },
        html`${conflict ? alert('error', t(conflict), { role: 'alert' }) : ''}
${renderForm({
  id: 'organisation',
  action: p(`/admin/organisations/${org.id}`),
  csrfToken: csrf,
  locale,
  problems: problems.filter((pr) => pr.name !== 'targetId'),
  submitLabel: t('admin.orgs.save'),
  fields: [...orgFields(current), { name: 'version', type: 'hidden', value: values?.version ?? versionOf(org) }],
})}
${heading(2, t('admin.orgs.merge'))}
${paragraph(t('admin.orgs.mergeIntro', { name: org.name }))}
${renderForm({
  id: 'merge',
  action: p(`/admin/organisations/${org.id}/merge`),
  csrfToken: csrf,
  locale,
  problems: problems.filter((pr) => pr.name === 'targetId'),
  submitLabel: t('admin.orgs.mergeSubmit'),
  fields: [{ name: 'targetId', type: 'select', value: '', options: targets }],
})}
${paragraph(link(p('/admin/organisations'), t('admin.organisations')))}`,
      )
    }
    app.get<{ Params: { id: string } }>(p('/admin/organisations/:id'), async (request, reply) => {
      authorize(request.actor, 'organisations.manage')
      return send(reply, await orgPage(request, reply))
    })
    app.post<{ Params: { id: string } }>(p('/admin/organisations/:id'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      const id = parseId(request.params.id)
      try {
        const input = validateInput(EditOrganisationSchema, request.body)
        await ctx.organisations.updateOrganisation(actor, id, input, input.version)
        return reply.redirect(`${p('/admin/organisations')}?done=saved`, 303)
      } catch (error) {
        if (error instanceof ValidationError) return send(reply, await orgPage(request, reply, stringsOf(request.body), error.details), 400)
        if (error instanceof ConflictError) return send(reply, await orgPage(request, reply, stringsOf(request.body), [], error.messageKey), 409)
        throw error
      }
    })
    app.post<{ Params: { id: string } }>(p('/admin/organisations/:id/merge'), async (request, reply) => {
      const actor = authorize(request.actor, 'organisations.manage')
      const id = parseId(request.params.id)
      try {
        const input = validateInput(MergeOrganisationSchema, request.body)
        await ctx.organisations.mergeOrganisations(actor, id, input.targetId)
        return reply.redirect(`${p('/admin/organisations')}?done=merged`, 303)
      } catch (error) {
        if (error instanceof ValidationError) return send(reply, await orgPage(request, reply, undefined, error.details), 400)
        throw error
      }
    })

    // Outbox and audit log ------------------------------------------------------------------------------
    app.get(p('/admin/outbox'), async (request, reply) => {
      authorize(request.actor, 'outbox.read')
      const messages = await ctx.mail.list(PAGE, 0)
      return send(
        reply,
        simplePage(
          pageContext(request, ctx.config.PUBLIC_URL),
          { title: t('admin.outbox'), intro: t(ctx.mail.transport === 'smtp' ? 'admin.outbox.intro.smtp' : 'admin.outbox.intro.outbox'), section: 'admin' },
          messages.length === 0
            ? paragraph(t('admin.outbox.none'))
            : table(
                t('admin.outbox'),
                [t('admin.outbox.created'), t('admin.outbox.to'), t('admin.outbox.subject'), t('admin.outbox.status'), t('admin.outbox.message')],
                messages.map((m) => [
                  date(m.created_at),
                  m.recipient,
                  m.subject,
                  m.error ? t('admin.outbox.failed', { error: m.error }) : m.sent_at ? t('admin.outbox.sent') : t('admin.outbox.notSent'),
                  html`<pre class="citydeal-pre">${m.body_text}</pre>`,
                ]),
              ),
        ),
      )
    })

    app.get(p('/admin/audit'), async (request, reply) => {
      authorize(request.actor, 'audit.read')
      const q = stringsOf(request.query)
      const page = ID.test(q.page ?? '') ? Math.min(Number(q.page), 10_000) : 1
      const { entityTypes, actions } = await ctx.audit.distinctValues()
      const filter = {
        entityType: entityTypes.includes(q.entityType ?? '') ? q.entityType : undefined,
        action: actions.includes(q.action ?? '') ? q.action : undefined,
        actor: cleanText(q.actor ?? '').slice(0, 100) || undefined,
      }
      const rows = await ctx.audit.list({ ...filter, limit: PAGE + 1, offset: (page - 1) * PAGE })
      const params = (n: number) => {
        const s = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]))
        if (n > 1) s.set('page', String(n))
        return `${p('/admin/audit')}${s.size > 0 ? `?${s}` : ''}`
      }
      const all = [{ value: '', label: t('admin.audit.all') }]
      return send(
        reply,
        simplePage(
          pageContext(request, ctx.config.PUBLIC_URL),
          { title: t('admin.audit'), intro: t('admin.audit.intro'), section: 'admin' },
          html`<form method="get" action="${p('/admin/audit')}" class="citydeal-form">
${renderFields({ id: 'audit', locale, fields: [
  { name: 'entityType', type: 'select', label: t('admin.audit.entityType'), value: filter.entityType ?? '', options: [...all, ...entityTypes.map((v) => ({ value: v, label: v }))] },
  { name: 'action', type: 'select', label: t('admin.audit.action'), value: filter.action ?? '', options: [...all, ...actions.map((v) => ({ value: v, label: v }))] },
  { name: 'actor', type: 'text', label: t('admin.audit.actor'), value: filter.actor ?? '', maxLength: 100 },
] })}
<p class="utrecht-paragraph"><button type="submit" class="utrecht-button utrecht-button--secondary-action">${t('admin.audit.filter')}</button></p>
</form>
${rows.length === 0
  ? paragraph(t('admin.audit.none'))
  : table(
      t('admin.audit'),
      [t('admin.audit.when'), t('admin.audit.who'), t('admin.audit.what'), t('admin.audit.record'), t('admin.audit.changes')],
      rows.slice(0, PAGE).map((r) => [
        date(r.occurred_at),
        html`${r.actor_label}${r.organisation_name ? html`<br>${r.organisation_name}` : ''}`,
        r.action,
        `${r.entity_type} ${r.entity_id}`,
        html`<pre class="citydeal-pre">${describeChange(r.before, r.after)}</pre>`,
      ]),
    )}
<p class="utrecht-paragraph">${page > 1 ? link(params(page - 1), t('admin.audit.newer')) : ''} ${rows.length > PAGE ? link(params(page + 1), t('admin.audit.older')) : ''}</p>`,
        ),
      )
    })
  }
}

/** The fields that changed, as "field: before → after" lines (full rows for creations). */
function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
  return keys.map((k) => `${k}: ${k in b ? JSON.stringify(b[k]) : '–'} → ${k in a ? JSON.stringify(a[k]) : '–'}`).join('\n')
}

function stringsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string' && !k.startsWith('_')) out[k] = v.slice(0, 2000)
  }
  return out
}
