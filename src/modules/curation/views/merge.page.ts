import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { alert, button, checkboxField, formField, heading, link, paragraph, radioGroup, select, table } from '../../../views/components/index.ts'
import { errorSummary, getForm, postForm, str, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { guessLanguage, normalizeName } from '../../submissions/similarity.text.ts'
import type { MatchSummary, SubmissionRow } from '../../submissions/submissions.service.ts'
import type { MergeTarget } from '../curation.service.ts'
import { criterionName, formName, toolName } from './curation.format.ts'

export interface MergePageModel {
  submission: SubmissionRow
  /** Tools the submission may be merged into, best first. */
  candidates: MatchSummary[]
  /** The tool chosen, with what a merge compares; undefined while none is chosen (or the chosen one is unknown). */
  merge: MergeTarget | undefined
  /** A slug was asked for that is no tool. */
  unknownTarget: boolean
  csrfToken: string
  values?: FormValues | undefined
  problems?: FieldProblem[] | undefined
  conflict?: boolean | undefined
}

type MergeField = 'description' | 'websiteUrl' | 'licence' | 'form' | 'category' | 'themes' | 'sdgTargets' | 'languages'

/** /curation/{id}/merge: choose the tool, then per field keep what it has or take (add) what was submitted. */
export function mergePage(ctx: PageContext, reference: ReferenceData, model: MergePageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const { submission: s, merge } = model
  const id = s.id
  const title = t('curation.merge.title', { name: s.name })
  const back = paragraph(link(p(`/curation/${id}`), t('curation.backToSubmission')))

  const choose = html`${heading(2, t('curation.merge.choose'))}
${getForm(
  { action: p(`/curation/${id}/merge`), className: 'citydeal-form' },
  html`${formField(
    'merge-target',
    t('curation.merge.target'),
    select({
      id: 'merge-target',
      name: 'target',
      options: [
        ...(merge ? [] : [{ value: '', label: t('curation.merge.pick'), selected: true }]),
        ...model.candidates.filter((c) => c.slug).map((c) => ({ value: c.slug!, label: `${c.name} (${c.score.toFixed(2)})`, selected: c.slug === merge?.tool.slug })),
        ...(merge && !model.candidates.some((c) => c.slug === merge.tool.slug) ? [{ value: merge.tool.slug, label: toolName(locale, merge.tool), selected: true }] : []),
      ],
    }),
  )}
<p class="utrecht-paragraph">${button(t('curation.merge.show'), { secondary: true })}</p>`,
)}`
  if (!merge) {
    return simplePage(ctx, { title, section: 'curation' }, html`${model.unknownTarget ? alert('error', t('curation.merge.unknownTarget'), { role: 'alert' }) : ''}${back}${choose}`)
  }

  const tool = merge.tool
  // The description a submitted one would replace: in the language it is written in (as the merge decides).
  const language: Locale = guessLanguage(s.description) ?? s.locale
  const knownNames = new Set([tool.name_nl, tool.name_en, ...merge.aliases].filter((n): n is string => !!n).map(normalizeName))
  const v = model.values ?? {}
  const choice = (field: MergeField, options: { value: string; label: string }[], fallback: string) =>
    radioGroup({ id: `merge-${field}`, name: field, legend: t(`field.${field}` as const), options, checked: str(v, field) ?? fallback, className: 'citydeal-choice' })
  const keepOrTake = (field: MergeField, submitted: string | null | undefined) =>
    submitted ? choice(field, [{ value: 'keep', label: t('curation.merge.keep') }, { value: 'submitted', label: t('curation.merge.take') }], 'keep') : t('curation.merge.nothingSubmitted')
  const keepOrAdd = (field: MergeField, submitted: string[]) =>
    submitted.length > 0 ? choice(field, [{ value: 'keep', label: t('curation.merge.keep') }, { value: 'add', label: t('curation.merge.add') }], 'add') : t('curation.merge.nothingSubmitted')
  const row = (field: MergeField, current: string | null | undefined, submitted: string | null | undefined, control: SafeHtml | string) => [
    t(`field.${field}` as const),
    html`<span class="citydeal-prewrap">${current || '–'}</span>`,
    html`<span class="citydeal-prewrap">${submitted || '–'}</span>`,
    control,
  ]
  const names = (codes: string[]) => codes.map((c) => criterionName(locale, reference, c)).join(', ')
  const languages = (codes: string[]) => codes.map((l) => label(locale, 'language', l)).join(', ')
  const existingDescription = tool.description_nl && tool.description_en ? (language === 'en' ? tool.description_en : tool.description_nl) : (tool.description_nl ?? tool.description_en)

  const form = postForm(
    { action: p(`/curation/${id}/merge`), csrfToken: model.csrfToken, hidden: { version: String(s.version), target: tool.slug } },
    html`${table(
      t('curation.merge.caption'),
      [t('curation.merge.field'), t('curation.merge.current'), t('curation.merge.submitted'), t('curation.merge.choice')],
      [
        row('description', existingDescription, s.description, keepOrTake('description', s.description)),
        row('websiteUrl', tool.website_url, s.website_url, keepOrTake('websiteUrl', s.website_url)),
        row('licence', tool.licence, s.licence, keepOrTake('licence', s.licence)),
        row('form', formName(locale, reference, tool.form), s.form ? formName(locale, reference, s.form) : null, keepOrTake('form', s.form)),
        row('category', label(locale, 'category', tool.category), s.category ? label(locale, 'category', s.category) : null, keepOrTake('category', s.category)),
        row('themes', names(merge.themes), names(s.themes), keepOrAdd('themes', s.themes)),
        row('sdgTargets', merge.sdgTargets.join(', '), s.sdg_targets.join(', '), keepOrAdd('sdgTargets', s.sdg_targets)),
        row('languages', languages(tool.languages), languages(s.languages), keepOrAdd('languages', s.languages)),
      ],
    )}
${
  knownNames.has(normalizeName(s.name))
    ? paragraph(t('curation.merge.nameKnown', { name: s.name }))
    : checkboxField({ id: 'merge-alias', name: 'alias', value: 'on', checked: !model.values || str(v, 'alias') === 'on', label: t('curation.merge.alias', { name: s.name }) })
}
<p class="utrecht-paragraph">${button(t('curation.merge.submit'))}</p>`,
  )

  return simplePage(
    ctx,
    { title, section: 'curation' },
    html`${back}
${model.conflict ? alert('error', t('curation.conflict'), { role: 'alert' }) : ''}
${errorSummary({ id: 'merge', problems: model.problems ?? [], locale })}
${choose}
${heading(2, t('curation.merge.fields', { name: toolName(locale, tool) }))}
${form}`,
  )
}
