import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { heading, link, table } from '../../../views/components/index.ts'
import { renderForm, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { ORGANISATION_KINDS, ORGANISATION_NAME_MAX } from '../../organisations/organisations.schemas.ts'
import { refusalAlert } from './admin.format.ts'

/** The fields of an organisation, for adding one and for editing one. */
export function organisationFields(locale: Locale, values: FormValues): FieldSpec[] {
  const t = translator(locale)
  return [
    { name: 'name', type: 'text', value: str(values, 'name'), maxLength: ORGANISATION_NAME_MAX, required: true },
    { name: 'kind', type: 'select', value: str(values, 'kind') ?? 'other', options: ORGANISATION_KINDS.map((k) => ({ value: k, label: label(locale, 'kind', k) })) },
    { name: 'cbsCode', type: 'text', value: str(values, 'cbsCode'), maxLength: 6, hint: t('validation.cbsCode') },
    { name: 'websiteUrl', type: 'url', value: str(values, 'websiteUrl'), maxLength: 2000 },
  ]
}

export interface OrganisationListRow {
  id: number
  name: string
  kind: string
  cbs_code: string | null
  is_city_deal_partner: boolean
  tools: number
  users: number
}

export interface OrganisationsPageModel {
  organisations: OrganisationListRow[]
  csrfToken: string
  flash?: MessageKey | undefined
  /** The new organisation that was refused: what was typed and what is wrong. */
  create?: FormState | undefined
}

/** /admin/organisations: add an organisation; the list, each with a link to edit or merge it. */
export function organisationsPage(ctx: PageContext, model: OrganisationsPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  return simplePage(
    ctx,
    { title: t('admin.organisations'), flash: model.flash, section: 'admin' },
    html`${refusalAlert(locale, model.create?.error, true)}
${heading(2, t('admin.orgs.create'))}
${renderForm({
  id: 'organisation',
  action: p('/admin/organisations'),
  csrfToken: model.csrfToken,
  locale,
  problems: model.create?.problems ?? [],
  submitLabel: t('admin.orgs.createSubmit'),
  fields: organisationFields(locale, model.create?.values ?? {}),
})}
${table(
  t('admin.organisations'),
  // The kind under the name, so that the table fits a phone without scrolling sideways.
  [t('admin.table.nameAndKind'), t('admin.table.tools'), t('admin.table.users')],
  model.organisations.map((o) => [
    html`${link(p(`/admin/organisations/${o.id}`), o.name, { label: t('admin.orgs.editLink', { name: o.name }) })}<br><span class="citydeal-meta">${label(locale, 'kind', o.kind)}${
      o.cbs_code ? ` (${o.cbs_code})` : ''
    }${o.is_city_deal_partner ? ` · ${t('admin.orgs.partner')}` : ''}</span>`,
    String(o.tools),
    String(o.users),
  ]),
)}`,
  )
}
