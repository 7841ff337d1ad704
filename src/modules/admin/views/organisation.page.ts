import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { actionForm, renderForm, str, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { ORGANISATION_ALIAS_MAX } from '../../organisations/organisations.schemas.ts'
import { organisationOptions, refusalAlert, type OrganisationChoice } from './admin.format.ts'
import { organisationFields } from './organisations.page.ts'

/** The forms on an organisation's page. */
export type OrganisationForm = 'edit' | 'merge' | 'alias' | 'removeAlias'

export interface OrganisationPageModel {
  organisation: { id: number; slug: string; name: string; kind: string; cbs_code: string | null; website_url: string | null; is_city_deal_partner: boolean }
  /** Its other names (Den Haag), each removable. */
  aliases: { id: number; alias: string }[]
  /** The version the edit form carries (see organisations.service versionOf). */
  version: string
  /** Organisations it can be merged into (itself left out). */
  mergeTargets: OrganisationChoice[]
  csrfToken: string
  flash?: MessageKey | undefined
  /** A refused post: which form, what was typed, what went wrong. */
  refused?: { form: OrganisationForm; state: FormState } | undefined
}

/**
 * /admin/organisations/{id}: edit an organisation (with a version check), manage its other names, or merge it into
 * another as a duplicate.
 */
export function organisationPage(ctx: PageContext, model: OrganisationPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const { organisation: org, refused } = model
  const stored: FormValues = {
    name: org.name,
    kind: org.kind,
    cbsCode: org.cbs_code ?? '',
    websiteUrl: org.website_url ?? '',
    version: model.version,
  }
  // After a refused edit the form shows what was typed, with the version it was typed against: a conflict stays one.
  const edit = refused?.form === 'edit' ? refused.state.values : stored
  return simplePage(
    ctx,
    { title: `${t('admin.orgs.edit')}: ${org.name}`, section: 'admin', flash: model.flash },
    html`${refusalAlert(locale, refused?.state.error, refused?.form !== 'removeAlias')}
${paragraph(link(p(`/organisations/${org.slug}`), t('admin.orgs.publicPage', { name: org.name })))}
${renderForm({
  id: 'organisation',
  action: p(`/admin/organisations/${org.id}`),
  csrfToken: model.csrfToken,
  locale,
  problems: refused?.form === 'edit' ? refused.state.problems : [],
  submitLabel: t('admin.orgs.save'),
  fields: [...organisationFields(locale, edit), { name: 'version', type: 'hidden', value: str(edit, 'version') ?? model.version }],
})}
${heading(2, t('admin.orgs.aliases'))}
${paragraph(t('admin.orgs.aliasesIntro'))}
${
  model.aliases.length > 0
    ? unorderedList(
        model.aliases.map(
          (a) => html`${a.alias} ${actionForm(p(`/admin/organisations/${org.id}/aliases/remove`), model.csrfToken, t('admin.orgs.removeAliasNamed', { alias: a.alias }), { aliasId: String(a.id) })}`,
        ),
        { className: 'citydeal-spaced-list' },
      )
    : paragraph(t('admin.orgs.noAliases'))
}
${renderForm({
  id: 'alias',
  action: p(`/admin/organisations/${org.id}/aliases`),
  csrfToken: model.csrfToken,
  locale,
  problems: refused?.form === 'alias' ? refused.state.problems : [],
  submitLabel: t('admin.orgs.addAlias'),
  fields: [{ name: 'otherName', type: 'text', value: refused?.form === 'alias' ? (str(refused.state.values, 'otherName') ?? '') : '', maxLength: ORGANISATION_ALIAS_MAX, required: true }],
})}
${heading(2, t('admin.orgs.merge'))}
${paragraph(t('admin.orgs.mergeIntro', { name: org.name }))}
${renderForm({
  id: 'merge',
  action: p(`/admin/organisations/${org.id}/merge`),
  csrfToken: model.csrfToken,
  locale,
  problems: refused?.form === 'merge' ? refused.state.problems : [],
  submitLabel: t('admin.orgs.mergeSubmit'),
  fields: [{ name: 'targetId', type: 'select', value: refused?.form === 'merge' ? (str(refused.state.values, 'targetId') ?? '') : '', options: organisationOptions(locale, model.mergeTargets) }],
})}
${paragraph(link(p('/admin/organisations'), t('admin.organisations')))}`,
  )
}
