import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Role } from '../../../lib/actor.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { link, paragraph } from '../../../views/components/index.ts'
import { actionForm, renderForm, str } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { organisationOptions, refusalAlert, type OrganisationChoice } from './admin.format.ts'
import { roleOptions, userStatusText, type UserStatus } from './users.page.ts'

/** The forms on a user's page. */
export type UserForm = 'role' | 'active' | 'reinvite'

export interface UserPageModel {
  user: { id: number; name: string; email: string; role: Role; organisationId: number | null; active: boolean; status: UserStatus }
  organisations: OrganisationChoice[]
  csrfToken: string
  /** A refused post: which form, what was typed, what went wrong. */
  refused?: { form: UserForm; state: FormState } | undefined
}

/** /admin/users/{id}: a user's role and organisation, (de)activation, and a new invitation. */
export function userPage(ctx: PageContext, model: UserPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const { user, refused } = model
  const typed = refused?.form === 'role' ? refused.state.values : undefined
  return simplePage(
    ctx,
    { title: t('admin.users.changeRoleOf', { name: user.name }), section: 'admin' },
    html`${refusalAlert(locale, refused?.state.error, refused?.form === 'role')}
${paragraph(`${user.email} · ${userStatusText(locale, user.status)}`)}
${renderForm({
  id: 'role',
  action: p(`/admin/users/${user.id}/role`),
  csrfToken: model.csrfToken,
  locale,
  problems: refused?.form === 'role' ? refused.state.problems : [],
  submitLabel: t('admin.users.save'),
  fields: [
    { name: 'role', type: 'select', value: typed ? str(typed, 'role') : user.role, options: roleOptions(locale) },
    {
      name: 'organisationId',
      type: 'select',
      value: typed ? str(typed, 'organisationId') : user.organisationId ? String(user.organisationId) : '',
      options: organisationOptions(locale, model.organisations, t('form.none')),
    },
  ],
})}
<div class="citydeal-actions">${actionForm(p(`/admin/users/${user.id}/active`), model.csrfToken, user.active ? t('admin.users.deactivate') : t('admin.users.reactivate'), { active: user.active ? 'false' : 'true' })}${
      user.status === 'invited' ? actionForm(p(`/admin/users/${user.id}/reinvite`), model.csrfToken, t('admin.users.reinvite')) : ''
    }</div>
${paragraph(link(p('/admin/users'), t('admin.users')))}`,
  )
}
