import { localePath, translator } from '../../../i18n/i18n.ts'
import type { FieldProblem } from '../../../errors.ts'
import { renderForm } from '../../../views/form.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { PASSWORD_MAX_LENGTH } from '../accounts.schemas.ts'

export interface PasswordPageModel {
  /** activate: from an invitation; reset: from a "forgot password" e-mail. */
  segment: 'activate' | 'reset'
  token: string
  email: string
  csrfToken: string
  /** What was wrong with the passwords typed (which are never shown again). */
  problems?: FieldProblem[] | undefined
}

/** /account/activate/{token} and /account/reset/{token}: choose a password. */
export function passwordPage(ctx: PageContext, model: PasswordPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const activate = model.segment === 'activate'
  return simplePage(
    ctx,
    { title: activate ? t('activate.title') : t('reset.title'), intro: t(activate ? 'activate.intro' : 'reset.intro', { email: model.email }), section: 'account' },
    renderForm({
      id: model.segment,
      action: localePath(locale, `/account/${model.segment}/${model.token}`),
      csrfToken: model.csrfToken,
      locale,
      problems: model.problems ?? [],
      submitLabel: activate ? t('activate.submit') : t('reset.submit'),
      fields: [
        { name: 'password', type: 'password', autocomplete: 'new-password', hint: t('form.passwordHint'), maxLength: PASSWORD_MAX_LENGTH, required: true },
        { name: 'passwordConfirmation', type: 'password', autocomplete: 'new-password', maxLength: PASSWORD_MAX_LENGTH, required: true },
      ],
    }),
  )
}
