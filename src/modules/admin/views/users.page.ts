import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import { ROLES, type Role } from '../../../lib/actor.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { alert, heading, link, paragraph, table } from '../../../views/components/index.ts'
import { renderForm, str } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '../../accounts/accounts.schemas.ts'
import { organisationOptions, refusalAlert, type OrganisationChoice } from './admin.format.ts'

export type UserStatus = 'active' | 'inactive' | 'invited'

/** Deactivated, invited (no password chosen yet) or active. */
export const userStatus = (user: { active: boolean; password_hash: string | null }): UserStatus =>
  !user.active ? 'inactive' : user.password_hash ? 'active' : 'invited'

export const userStatusText = (locale: Locale, status: UserStatus) => translator(locale)(`admin.users.status.${status}` as const)

export const roleOptions = (locale: Locale) => ROLES.map((r) => ({ value: r, label: translator(locale)(`userRole.${r}` as const) }))

export interface UserListRow {
  id: number
  name: string
  email: string
  role: Role
  organisationName: string | null
  status: UserStatus
}

/** An invitation link no e-mail carries (SMTP not configured), for the administrator to pass on: shown this once. */
export interface HandOver {
  name: string
  email: string
  link: string
}

export interface UsersPageModel {
  handOver?: HandOver | undefined
  users: UserListRow[]
  organisations: OrganisationChoice[]
  csrfToken: string
  flash?: MessageKey | undefined
  /** The invitation that was refused: what was typed and what is wrong. */
  invite?: FormState | undefined
}

/** /admin/users: everyone with an account, and the form to invite someone. */
export function usersPage(ctx: PageContext, model: UsersPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const values = model.invite?.values ?? {}
  return simplePage(
    ctx,
    { title: t('admin.users'), flash: model.flash, section: 'admin' },
    html`${refusalAlert(locale, model.invite?.error, true)}
${model.handOver ? alert('warning', html`${paragraph(t('admin.users.handOver', { name: model.handOver.name, email: model.handOver.email }))}<p class="citydeal-break-anywhere"><code>${model.handOver.link}</code></p>`, { role: 'status' }) : ''}
${table(
  t('admin.users.caption'),
  // Three columns, each with a second line, so that the table fits a phone without scrolling sideways.
  [t('admin.table.nameAndEmail'), t('admin.table.roleAndOrganisation'), t('admin.table.status')],
  model.users.map((u) => [
    html`${link(p(`/admin/users/${u.id}`), u.name)}<br><span class="citydeal-meta citydeal-break-anywhere">${u.email}</span>`,
    html`${t(`userRole.${u.role}`)}${u.organisationName ? html`<br><span class="citydeal-meta">${u.organisationName}</span>` : ''}`,
    userStatusText(locale, u.status),
  ]),
)}
${heading(2, t('admin.users.invite'), { id: 'invite' })}
${paragraph(t('admin.users.inviteIntro'))}
${renderForm({
  id: 'invite',
  action: p('/admin/users'),
  csrfToken: model.csrfToken,
  locale,
  problems: model.invite?.problems ?? [],
  submitLabel: t('admin.users.inviteSubmit'),
  fields: [
    { name: 'name', type: 'text', value: str(values, 'name'), maxLength: NAME_MAX_LENGTH, autocomplete: 'off', required: true },
    { name: 'email', type: 'email', value: str(values, 'email'), maxLength: EMAIL_MAX_LENGTH, autocomplete: 'off', required: true },
    { name: 'role', type: 'select', value: str(values, 'role') ?? 'partner', options: roleOptions(locale) },
    { name: 'organisationId', type: 'select', value: str(values, 'organisationId') ?? '', options: organisationOptions(locale, model.organisations, t('form.none')) },
    { name: 'locale', type: 'select', value: str(values, 'locale') ?? locale, options: [{ value: 'nl', label: t('locale.nl') }, { value: 'en', label: t('locale.en') }] },
  ],
})}`,
  )
}
