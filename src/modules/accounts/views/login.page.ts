import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { ValidationError } from '../../../errors.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { alert, link, paragraph } from '../../../views/components/index.ts'
import { renderForm } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '../accounts.schemas.ts'

export interface LoginPageModel {
  /** The address typed (never the password). */
  email?: string | undefined
  /** Where to go after signing in, carried through the form. */
  next?: string | undefined
  csrfToken: string
  flash?: MessageKey | undefined
  /** A refused sign-in: field problems, or the one message for every failed attempt. */
  refused?: FormState | undefined
}

/** /login: e-mail address and password. */
export function loginPage(ctx: PageContext, model: LoginPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const error = model.refused?.error
  return simplePage(
    ctx,
    { title: t('login.title'), intro: t('login.intro'), flash: model.flash, section: 'account' },
    html`${error && !(error instanceof ValidationError) ? alert('error', t(error.messageKey, error.params), { role: 'alert' }) : ''}
${renderForm({
  id: 'login',
  action: p('/login'),
  csrfToken: model.csrfToken,
  locale,
  problems: model.refused?.problems ?? [],
  submitLabel: t('login.submit'),
  fields: [
    { name: 'email', type: 'email', value: model.email, autocomplete: 'username', maxLength: EMAIL_MAX_LENGTH, required: true },
    { name: 'password', type: 'password', autocomplete: 'current-password', maxLength: PASSWORD_MAX_LENGTH, required: true },
    ...(model.next ? [{ name: 'next', type: 'hidden' as const, value: model.next }] : []),
  ],
})}
${paragraph(link(p('/password/forgot'), t('login.forgot')))}`,
  )
}
