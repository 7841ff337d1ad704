import { translator } from '../../../i18n/i18n.ts'
import { localePath } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { heading, paragraph, statusBadge, table } from '../../../views/components/index.ts'
import { renderForm, str } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { organisationOptions, refusalAlert, type OrganisationChoice } from '../../admin/views/admin.format.ts'

export interface PartnershipRow {
  id: number
  organisation_name: string
  since: string
  until: string | null
}

export interface PartnershipsPageModel {
  partnerships: PartnershipRow[]
  organisations: OrganisationChoice[]
  today: string
  csrfToken: string
  flash?: MessageKey | undefined
  /** A refused form: 'add', or the id of the partnership whose end was refused. */
  refused?: { form: 'add' | number; state: FormState } | undefined
}

/** /admin/partnerships: who is a City Deal partner, since and until when; add one, or end one. */
export function partnershipsPage(ctx: PageContext, model: PartnershipsPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const date = (d: string) => formatDate(locale, d)
  const current = (p: PartnershipRow) => p.since <= model.today && (p.until === null || p.until >= model.today)
  const refusedFor = (form: 'add' | number) => (model.refused?.form === form ? model.refused.state : undefined)
  const add = refusedFor('add')
  const rows = model.partnerships.map((p) => {
    const refused = refusedFor(p.id)
    return [
      p.organisation_name,
      date(p.since),
      p.until ? date(p.until) : '–',
      current(p) ? statusBadge(t('partners.current'), 'success') : statusBadge(p.since > model.today ? t('partners.future') : t('partners.former'), 'inactive'),
      renderForm({
        id: `end-${p.id}`,
        action: localePath(locale, `/admin/partnerships/${p.id}/end`),
        csrfToken: model.csrfToken,
        locale,
        problems: refused?.problems ?? [],
        submitLabel: t('partners.end.submit'),
        fields: [{ name: 'until', type: 'date', value: str(refused?.values ?? {}, 'until') ?? p.until ?? model.today, label: t('partners.end.label', { organisation: p.organisation_name }) }],
      }),
    ]
  })
  return simplePage(
    ctx,
    { title: t('partners.admin.title'), intro: t('partners.admin.intro'), section: 'admin', flash: model.flash },
    html`${refusalAlert(locale, model.refused?.state.error, true)}
${model.partnerships.length > 0 ? table(t('partners.admin.caption'), [t('partners.col.organisation'), t('partners.col.since'), t('partners.col.until'), t('partners.col.status'), t('partners.col.end')], rows) : paragraph(t('partners.none'))}
${heading(2, t('partners.add.heading'))}
${renderForm({
  id: 'partnership',
  action: localePath(locale, '/admin/partnerships'),
  csrfToken: model.csrfToken,
  locale,
  problems: add?.problems ?? [],
  submitLabel: t('partners.add.submit'),
  fields: [
    { name: 'organisationId', type: 'select', value: str(add?.values ?? {}, 'organisationId') ?? '', label: t('partners.col.organisation'), options: organisationOptions(locale, model.organisations, t('partners.add.choose')) },
    { name: 'since', type: 'date', value: str(add?.values ?? {}, 'since') ?? model.today, required: true, label: t('partners.col.since') },
    { name: 'until', type: 'date', value: str(add?.values ?? {}, 'until') ?? '', label: t('partners.col.until'), hint: t('partners.add.untilHint') },
  ],
})}`,
  )
}
