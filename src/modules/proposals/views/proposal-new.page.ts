import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { alert, button, checkboxField, heading, paragraph } from '../../../views/components/index.ts'
import { errorSummary, list, postForm, renderFields, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { CATEGORIES } from '../../tools/tools.constants.ts'
import { PROPOSAL_LIMITS as L } from '../proposals.schemas.ts'
import type { ProposalCandidate } from '../proposals.service.ts'
import { candidateList } from './proposal.components.ts'

export interface NewProposalModel {
  values: FormValues
  problems: FieldProblem[]
  candidates: ProposalCandidate[]
  /** Organisations that could own the tool: the current partners. */
  owners: { id: number; name: string }[]
  organisation: string
  csrfToken: string
}

export const proposalDefaults = (locale: Locale): FormValues => ({ locale })

/** /proposals/new: a partner member proposes a tool; the duplicate check runs first and shows what it found and why. */
export function newProposalPage(ctx: PageContext, reference: ReferenceData, model: NewProposalModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const v = (name: string) => str(model.values, name) ?? ''
  const name = (x: { name_nl: string; name_en: string }) => (locale === 'nl' ? x.name_nl : x.name_en)
  const render = (fields: FieldSpec[]) => renderFields({ id: 'proposal', fields, problems: model.problems, locale })
  const choose = { value: '', label: t('proposals.field.choose') }
  const criteria = (family: string) => reference.criteria.filter((c) => c.family === family).map((c) => ({ value: c.code, label: name(c) }))
  const likely = model.candidates.filter((c) => c.likely)
  const duplicates =
    model.candidates.length > 0
      ? html`<section class="citydeal-duplicates" aria-labelledby="proposal-duplicates-heading">
${heading(2, t('proposals.duplicates.list'), { id: 'proposal-duplicates-heading' })}
${candidateList(locale, model.candidates)}
${likely.length > 0 ? checkboxField({ id: 'proposal-confirmDifferent', name: 'confirmDifferent', value: 'on', checked: v('confirmDifferent') === 'on', label: t('proposals.confirmDifferent') }) : ''}
</section>`
      : ''
  const form = postForm(
    { action: localePath(locale, '/proposals'), csrfToken: model.csrfToken, className: 'citydeal-form' },
    html`${render([
      { name: 'title', type: 'text', value: v('title'), maxLength: L.title, required: true, autocomplete: 'off', label: t('proposals.field.title') },
      { name: 'locale', type: 'select', value: v('locale'), label: t('proposals.field.locale'), options: (['nl', 'en'] as const).map((l) => ({ value: l, label: label(locale, 'language', l) })) },
      { name: 'summary', type: 'textarea', value: v('summary'), maxLength: L.summary, rows: 4, required: true, label: t('proposals.field.summary'), hint: t('proposals.hint.summary') },
    ])}
${duplicates}
${render([
  { name: 'processQuestion', type: 'textarea', value: v('processQuestion'), maxLength: L.processQuestion, rows: 3, required: true, label: t('proposals.field.processQuestion'), hint: t('proposals.hint.processQuestion') },
  { name: 'occasion', type: 'textarea', value: v('occasion'), maxLength: L.occasion, rows: 3, label: t('proposals.field.occasion'), hint: t('proposals.hint.occasion') },
  { name: 'category', type: 'select', value: v('category'), label: t('proposals.field.category'), options: [choose, ...CATEGORIES.map((c) => ({ value: c, label: label(locale, 'category', c) }))] },
  { name: 'form', type: 'select', value: v('form'), label: t('proposals.field.form'), options: [choose, ...reference.forms.map((f) => ({ value: f.code, label: name(f) }))] },
  { name: 'principles', type: 'checkboxes', values: list(model.values, 'principles'), label: t('proposals.field.principles'), options: criteria('principle') },
  { name: 'themes', type: 'checkboxes', values: list(model.values, 'themes'), label: t('proposals.field.themes'), options: criteria('rathenau') },
  { name: 'sdgTargets', type: 'checkboxes', values: list(model.values, 'sdgTargets'), label: t('proposals.field.sdgTargets'), options: reference.sdgTargets.map((s) => ({ value: s.code, label: `${s.code} ${locale === 'nl' ? s.title_nl : s.title_en}` })) },
  { name: 'proposedOwner', type: 'select', value: v('proposedOwner'), label: t('proposals.field.proposedOwner'), options: [{ value: '', label: t('proposals.field.noOwnerYet') }, ...model.owners.map((o) => ({ value: String(o.id), label: o.name }))] },
  { name: 'municipalities', type: 'textarea', value: v('municipalities'), maxLength: L.municipalities, rows: 4, label: t('proposals.field.municipalities'), hint: t('proposals.hint.municipalities') },
])}
<p class="utrecht-paragraph">${button(t('proposals.new.submit'))}</p>`,
  )
  const content = html`${errorSummary({ id: 'proposal', problems: model.problems, locale })}
${likely.length > 0 ? alert('warning', html`${heading(2, t('proposals.duplicates.heading'))}${paragraph(t('proposals.duplicates.intro'))}`, { role: 'alert' }) : ''}
${paragraph(t('proposals.new.for', { organisation: model.organisation }))}
${form}`
  return simplePage(ctx, { title: t('proposals.new.title'), intro: t('proposals.new.intro'), section: 'tools' }, content)
}
