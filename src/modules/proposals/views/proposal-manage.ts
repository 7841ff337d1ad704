import type { FieldProblem } from '../../../errors.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, paragraph } from '../../../views/components/index.ts'
import { renderForm, str, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { PROPOSAL_LIMITS } from '../proposals.schemas.ts'

/** For curators on an open proposal: decline it, or merge it into another open proposal, each with the reason. */
export function proposalManageForms(
  locale: Locale,
  model: { proposalId: number; csrfToken: string; targets: { id: number; title: string }[]; refused?: { form: 'decline' | 'merge'; values: FormValues; problems: FieldProblem[] } | undefined },
): SafeHtml {
  const t = translator(locale)
  const refused = (form: 'decline' | 'merge') => (model.refused?.form === form ? model.refused : undefined)
  const decline = refused('decline')
  const merge = refused('merge')
  return html`${heading(2, t('proposals.manage.heading'))}
${paragraph(t('proposals.manage.intro'))}
${heading(3, t('proposals.decline.heading'))}
${renderForm({
  id: 'decline',
  action: localePath(locale, `/proposals/${model.proposalId}/decline`),
  csrfToken: model.csrfToken,
  locale,
  problems: decline?.problems ?? [],
  submitLabel: t('proposals.decline.submit'),
  fields: [{ name: 'reason', type: 'textarea', rows: 3, maxLength: PROPOSAL_LIMITS.reason, required: true, value: decline ? (str(decline.values, 'reason') ?? '') : '', label: t('proposals.decline.reason') }],
})}
${
  model.targets.length > 0
    ? html`${heading(3, t('proposals.merge.heading'))}
${renderForm({
  id: 'merge',
  action: localePath(locale, `/proposals/${model.proposalId}/merge`),
  csrfToken: model.csrfToken,
  locale,
  problems: merge?.problems ?? [],
  submitLabel: t('proposals.merge.submit'),
  fields: [
    { name: 'into', type: 'select', value: merge ? (str(merge.values, 'into') ?? '') : '', label: t('proposals.merge.into'), options: [{ value: '', label: t('proposals.merge.choose') }, ...model.targets.map((p) => ({ value: String(p.id), label: p.title }))] },
    { name: 'reason', type: 'textarea', rows: 3, maxLength: PROPOSAL_LIMITS.reason, required: true, value: merge ? (str(merge.values, 'reason') ?? '') : '', label: t('proposals.merge.reason') },
  ],
})}`
    : ''
}`
}
