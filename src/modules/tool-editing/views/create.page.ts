import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { alert, button, checkboxField, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderFields, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import type { MatchSummary } from '../../submissions/submissions.service.ts'
import { candidateStatus, reasonsText } from '../../submissions/views/submission.components.ts'
import { CATEGORIES, ORIGINS, TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import { CREATE_STATUSES } from '../tool-lifecycle.schemas.ts'

export interface CreatePageModel {
  values: FormValues
  problems: FieldProblem[]
  /** The duplicate check's candidates, when it found likely duplicates. */
  candidates: MatchSummary[]
  csrfToken: string
}

/** What a new tool's form starts with. */
export const createDefaults = (locale: Locale): FormValues => ({ nameLanguage: locale, lifecycle: 'available', origin: 'existing' })

/**
 * The candidates as a curator sees them: tools link to their page, shared tools under review to their curation
 * page (curators may read what was shared; the public share form only says that one exists).
 */
function candidateList(locale: Locale, candidates: MatchSummary[]): SafeHtml {
  return unorderedList(
    candidates.map(
      (c) => html`<span class="citydeal-candidate__name">${
        c.type === 'tool' && c.slug ? link(localePath(locale, `/tools/${c.slug}`), c.name) : link(localePath(locale, `/curation/${c.id}`), c.name)
      }</span>
${c.type === 'tool' ? candidateStatus(locale, c) : html`${translate(locale, 'lifecycle.create.submission')}`}
<span class="citydeal-candidate__reasons">${reasonsText(locale, c.reasons)}</span>`,
    ),
    { className: 'citydeal-candidates' },
  )
}

/** /tools/new: a curator creates a tool; the duplicate check of sharing runs first and shows what it found. */
export function createToolPage(ctx: PageContext, reference: ReferenceData, model: CreatePageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const v = (name: string) => str(model.values, name) ?? ''
  const choose = { value: '', label: t('lifecycle.create.choose') }
  const select = (name: string, options: { value: string; label: string }[], blank = false): FieldSpec => ({ name, type: 'select', value: v(name), options: blank ? [choose, ...options] : options })
  const render = (fields: FieldSpec[]) => renderFields({ id: 'create', fields, problems: model.problems, locale })
  const likely = model.candidates.filter((c) => c.likely)
  const duplicates =
    model.candidates.length > 0
      ? html`<section class="citydeal-duplicates" aria-labelledby="create-duplicates-heading">
${heading(2, t('lifecycle.create.duplicates.list'), { id: 'create-duplicates-heading' })}
${candidateList(locale, model.candidates)}
${likely.length > 0 ? checkboxField({ id: 'create-confirmDifferent', name: 'confirmDifferent', value: 'on', checked: v('confirmDifferent') === 'on', label: t('lifecycle.create.confirmDifferent') }) : ''}
</section>`
      : ''
  const form = postForm(
    { action: localePath(locale, '/tools/new'), csrfToken: model.csrfToken, className: 'citydeal-form' },
    html`${render([
      { name: 'name', type: 'text', value: v('name'), maxLength: L.name, required: true, autocomplete: 'off', hint: t('lifecycle.create.hint.name') },
      select('nameLanguage', [
        { value: 'nl', label: label(locale, 'language', 'nl') },
        { value: 'en', label: label(locale, 'language', 'en') },
      ]),
      { name: 'description', type: 'textarea', value: v('description'), maxLength: L.description, rows: 4, required: true, hint: t('lifecycle.create.hint.description') },
      { name: 'websiteUrl', type: 'url', value: v('websiteUrl'), maxLength: L.url, autocomplete: 'url' },
    ])}
${duplicates}
${render([
  select('category', CATEGORIES.map((c) => ({ value: c, label: label(locale, 'category', c) })), true),
  select('form', reference.forms.map((f) => ({ value: f.code, label: locale === 'nl' ? f.name_nl : f.name_en })), true),
  select('lifecycle', CREATE_STATUSES.map((s) => ({ value: s, label: label(locale, 'status', s) }))),
  select('origin', ORIGINS.map((o) => ({ value: o, label: label(locale, 'origin', o) }))),
])}
<p class="utrecht-paragraph">${button(t('lifecycle.create.submit'))}</p>`,
  )
  const content = html`${errorSummary({ id: 'create', problems: model.problems, locale })}
${
  likely.length > 0
    ? alert('warning', html`${heading(2, t('lifecycle.create.duplicates.heading'))}${paragraph(t('lifecycle.create.duplicates.intro'))}`, { role: 'alert' })
    : ''
}
${form}`
  return simplePage(ctx, { title: t('lifecycle.create.title'), intro: t('lifecycle.create.intro'), section: 'tools' }, content)
}
