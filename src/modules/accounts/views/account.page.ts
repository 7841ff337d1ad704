import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { Role } from '../../../lib/actor.ts'
import { dataList, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { actionForm } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { localizedName } from '../../../views/localized.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { OrganisationToolView } from '../../organisations/organisations.presenter.ts'

export interface AccountPageModel {
  user: { name: string; email: string; role: Role; organisationName: string | null }
  /** A partner member's work: the tools their organisation owns or co-develops. */
  tools: OrganisationToolView[]
  csrfToken: string
  flash?: MessageKey | undefined
  /** Curators and administrators: offered creating a tool. */
  mayEditCatalogue?: boolean | undefined
}

/** /account: who is signed in, with which role and organisation; the tools they can edit; signing out. */
export function accountPage(ctx: PageContext, model: AccountPageModel): string {
  const t = translator(ctx.locale)
  const p = (path: string) => localePath(ctx.locale, path)
  const { user } = model
  const work =
    user.role !== 'partner'
      ? paragraph(html`${t('account.tools.curator')} ${link(p('/tools'), t('account.tools.catalogue'))}`)
      : !user.organisationName
        ? paragraph(t('account.tools.noOrganisation'))
        : html`${heading(2, t('account.tools.heading', { organisation: user.organisationName }))}
${
  model.tools.length === 0
    ? paragraph(t('account.tools.none'))
    : html`${paragraph(t('account.tools.intro'))}${unorderedList(
        model.tools.map(
          (tool) => html`${link(p(`/tools/${tool.slug}`), localizedName(tool.name))} · ${link(p(`/tools/${tool.slug}/edit`), t('account.tools.edit'), { label: t('account.tools.editNamed', { name: tool.name.text }) })}`,
        ),
      )}`
}`
  return simplePage(
    ctx,
    { title: t('account.title'), flash: model.flash, section: 'account' },
    html`${paragraph(t('account.signedInAs', { name: user.name, email: user.email }))}
${dataList([
  { key: t('account.role'), value: t(`userRole.${user.role}`) },
  { key: t('account.organisation'), value: user.organisationName ?? t('form.none') },
])}
${work}
${model.mayEditCatalogue ? paragraph(link(p('/tools/new'), t('lifecycle.newTool'))) : ''}
${actionForm(localePath(ctx.locale, '/logout'), model.csrfToken, t('site.nav.signOut'), {}, false)}`,
  )
}
