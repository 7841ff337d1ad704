import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { Role } from '../../../lib/actor.ts'
import { dataList, paragraph } from '../../../views/components/index.ts'
import { actionForm } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'

export interface AccountPageModel {
  user: { name: string; email: string; role: Role; organisationName: string | null }
  csrfToken: string
  flash?: MessageKey | undefined
}

/** /account: who is signed in, with which role and organisation; signing out. */
export function accountPage(ctx: PageContext, model: AccountPageModel): string {
  const t = translator(ctx.locale)
  const { user } = model
  return simplePage(
    ctx,
    { title: t('account.title'), flash: model.flash, section: 'account' },
    html`${paragraph(t('account.signedInAs', { name: user.name, email: user.email }))}
${dataList([
  { key: t('account.role'), value: t(`userRole.${user.role}`) },
  { key: t('account.organisation'), value: user.organisationName ?? t('form.none') },
])}
${actionForm(localePath(ctx.locale, '/logout'), model.csrfToken, t('site.nav.signOut'), {}, false)}`,
  )
}
