import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { renderForm, str } from '../../../views/form.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { EMAIL_MAX_LENGTH } from '../accounts.schemas.ts'

export interface ForgotPageModel {
  csrfToken: string
  flash?: MessageKey | undefined
  refused?: FormState | undefined
}

/** /password/forgot: ask for a link to choose a new password (the same answer whether or not the address has an account). */
export function forgotPage(ctx: PageContext, model: ForgotPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  return simplePage(
    ctx,
    { title: t('forgot.title'), intro: t('forgot.intro'), flash: model.flash, section: 'account' },
    renderForm({
      id: 'forgot',
      action: localePath(locale, '/password/forgot'),
      csrfToken: model.csrfToken,
      locale,
      problems: model.refused?.problems ?? [],
      submitLabel: t('forgot.submit'),
      fields: [{ name: 'email', type: 'email', value: str(model.refused?.values ?? {}, 'email')?.slice(0, EMAIL_MAX_LENGTH), autocomplete: 'username', maxLength: EMAIL_MAX_LENGTH, required: true }],
    }),
  )
}
