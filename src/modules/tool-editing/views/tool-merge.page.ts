import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { alert, button, dataList, heading, link, paragraph, radioGroup, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, fieldLabel, getForm, postForm, renderFields, str, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { criterionName, formName, toolName } from '../../curation/views/curation.format.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import type { MatchSummary } from '../../submissions/submissions.service.ts'
import { reasonsText } from '../../submissions/views/submission.components.ts'
import { defaultChoice, differs, fieldValue, MERGE_FIELDS, mergeTools, type MergeChoices, type MergeField, type MergeSource, type ToolRow } from '../tool-merge.ts'
import { lifecyclePath, sectionPath } from './edit.frame.ts'
import { toolDatalist, type ToolPickerEntry } from './tool.picker.ts'

const nameOf = (locale: Locale, tool: ToolRow) => toolName(locale, tool) || tool.slug
const mergePath = (locale: Locale, slug: string, other?: string) => `${lifecyclePath(locale, slug, 'merge')}${other ? `?${new URLSearchParams({ other })}` : ''}`

/** Links back to the tool's editor and public page. */
const backLinks = (locale: Locale, tool: ToolRow) => {
  const t = translator(locale)
  return paragraph(html`${link(sectionPath(locale, tool.slug, 'basics'), t('lifecycle.backToEditor'))} · ${link(localePath(locale, `/tools/${tool.slug}`), t('editing.viewPublic'))}`)
}

export interface MergeChoosePageModel {
  tool: ToolRow
  /** The tools duplicate detection finds most like this one. */
  candidates: MatchSummary[]
  values: FormValues
  problems: FieldProblem[]
  pickerEntries: ToolPickerEntry[]
}

/** /tools/{slug}/merge: choose the tool that is merged into this one (typed, from the list, or a likely duplicate). */
export function mergeChoosePage(ctx: PageContext, model: MergeChoosePageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { tool } = model
  const name = nameOf(locale, tool)
  const candidates = model.candidates.filter((c) => c.slug)
  const content = html`${backLinks(locale, tool)}
${errorSummary({ id: 'merge', problems: model.problems, locale })}
${paragraph(t('lifecycle.merge.intro', { name }))}
${getForm(
  { action: lifecyclePath(locale, tool.slug, 'merge'), className: 'citydeal-form' },
  html`${renderFields({
    id: 'merge',
    problems: model.problems,
    locale,
    fields: [{ name: 'other', type: 'text', value: str(model.values, 'other') ?? '', maxLength: 200, autocomplete: 'off', list: 'merge-tools', hint: t('lifecycle.pickerHint') }],
  })}
${toolDatalist('merge-tools', locale, model.pickerEntries.filter((e) => e.id !== tool.id))}
<p class="utrecht-paragraph">${button(t('lifecycle.merge.compare'))}</p>`,
)}
${heading(2, t('lifecycle.merge.candidates'))}
${
  candidates.length === 0
    ? paragraph(t('lifecycle.merge.noCandidates'))
    : unorderedList(
        candidates.map(
          (c) => html`<span class="citydeal-candidate__name">${link(localePath(locale, `/tools/${c.slug}`), c.name)}</span>
<span class="citydeal-candidate__reasons">${reasonsText(locale, c.reasons)}</span>
${link(mergePath(locale, tool.slug, c.slug!), t('lifecycle.merge.compareWith', { name: c.name }))}`,
        ),
        { className: 'citydeal-candidates' },
      )
}`
  return simplePage(ctx, { title: t('lifecycle.merge.title', { name }), section: 'tools' }, content)
}

export interface MergeComparePageModel {
  stay: MergeSource
  leave: MergeSource
  /** The curator's choices as posted (after a refused merge); the defaults otherwise. */
  values: FormValues
  problems: FieldProblem[]
  /** Which tool changed since the comparison was shown, after a conflict. */
  changed?: ('this' | 'other')[] | undefined
  csrfToken: string
}

/** A field's value in words. */
function shown(locale: Locale, reference: ReferenceData, tool: ToolRow, field: MergeField): string {
  const t = translator(locale)
  const value = fieldValue(tool, field)
  if (value === null) return t('lifecycle.merge.empty')
  switch (field) {
    case 'category':
      return label(locale, 'category', value)
    case 'form':
      return formName(locale, reference, value)
    case 'lifecycle':
      return tool.status === 'retired' && tool.retired_on ? `${label(locale, 'status', value)} (${formatDate(locale, tool.retired_on)})` : label(locale, 'status', value)
    case 'origin':
      return label(locale, 'origin', value)
    case 'licence':
      return value === 'not_applicable' ? t('editing.licence.notApplicable') : value
    case 'startedOn':
    case 'availableOn':
      return formatDate(locale, value)
    default:
      return value
  }
}

/** The curator's choices: as posted where they chose, the default elsewhere. */
export function choicesFrom(values: FormValues, stay: ToolRow, leave: ToolRow): MergeChoices {
  return Object.fromEntries(
    MERGE_FIELDS.map((f) => {
      const posted = str(values, f)
      return [f, posted === 'this' || posted === 'other' ? posted : defaultChoice(stay, leave, f)]
    }),
  )
}

/** /tools/{slug}/merge?other=…: which tool stays and which disappears; per field the value that stays; what is united. */
export function mergeComparePage(ctx: PageContext, reference: ReferenceData, model: MergeComparePageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { stay, leave } = model
  const [name, other] = [nameOf(locale, stay.tool), nameOf(locale, leave.tool)]
  const choices = choicesFrom(model.values, stay.tool, leave.tool)
  const differing = MERGE_FIELDS.filter((f) => differs(stay.tool, leave.tool, f))
  const equal = MERGE_FIELDS.filter((f) => !differs(stay.tool, leave.tool, f))
  const fieldName = (f: MergeField) => fieldLabel(locale, f)
  const option = (tool: ToolRow, f: MergeField) => html`<span class="citydeal-merge__from">${t('lifecycle.merge.from', { name: nameOf(locale, tool) })}</span> <span class="citydeal-prewrap">${shown(locale, reference, tool, f)}</span>`
  const fields = differing.map(
    (f) => html`<div id="merge-${f}" class="citydeal-edit-row">${radioGroup({
      id: `merge-${f}`,
      name: f,
      legend: fieldName(f),
      checked: choices[f],
      className: 'citydeal-choice',
      options: [
        { value: 'this', label: option(stay.tool, f) },
        { value: 'other', label: option(leave.tool, f) },
      ],
    })}</div>`,
  )

  // The preview follows the choices as the page shows them (names not kept become other names).
  const merged = mergeTools(stay, leave, choices)
  const organisationNames = new Map([...stay.organisations, ...leave.organisations].map((o) => [o.organisation_id, o.organisation_name]))
  const role = (r: { organisation_id: number; role: string }) => `${organisationNames.get(r.organisation_id) ?? r.organisation_id} (${label(locale, 'role', r.role)})`
  const listRow = (key: string, all: string[], added: string[]): { key: string; value: SafeHtml } => ({
    key,
    value: html`<span class="citydeal-prewrap">${all.join(', ') || t('lifecycle.merge.none')}</span><br><span class="citydeal-merge__added">${
      added.length > 0 ? t('lifecycle.merge.added', { name: other, items: added.join(', ') }) : t('lifecycle.merge.nothingAdded')
    }</span>`,
  })
  const criteria = (codes: string[]) => codes.map((c) => criterionName(locale, reference, c))
  const lists = dataList([
    listRow(t('field.processes'), merged.processes.map((p) => label(locale, 'process', p)), merged.added.processes.map((p) => label(locale, 'process', p))),
    listRow(t('field.themes'), criteria(merged.themes), criteria(merged.added.themes)),
    listRow(t('editing.section.sdg'), merged.sdgTargets.map((s) => s.target_code), merged.added.sdgTargets),
    listRow(t('editing.section.assessments'), criteria(merged.assessments.map((a) => a.criterion_code)), criteria(merged.added.assessments)),
    listRow(t('editing.section.organisations'), merged.organisations.map(role), merged.added.organisations.map(role)),
    listRow(t('editing.links'), merged.links.map((l) => l.url), merged.added.links),
    listRow(t('editing.aliases'), merged.aliases.map((a) => a.alias), merged.added.aliases),
    listRow(t('field.languages'), (merged.changes.languages ?? []).map((l) => label(locale, 'language', l)), leave.tool.languages.filter((l) => !stay.tool.languages.includes(l)).map((l) => label(locale, 'language', l))),
  ])

  const changedNames = (model.changed ?? []).map((c) => (c === 'this' ? name : other))
  const content = html`${backLinks(locale, stay.tool)}
${model.changed ? alert('warning', html`${paragraph(t('lifecycle.merge.conflict'))}${paragraph(t('lifecycle.merge.changed', { names: changedNames.join(', ') }))}`, { role: 'alert' }) : ''}
${errorSummary({ id: 'merge', problems: model.problems, locale })}
${alert(
  'info',
  html`${paragraph(t('lifecycle.merge.stays', { name, path: localePath(locale, `/tools/${stay.tool.slug}`) }))}${paragraph(
    t('lifecycle.merge.disappears', { name: other, path: localePath(locale, `/tools/${leave.tool.slug}`), stays: name }),
  )}${paragraph(html`${link(mergePath(locale, leave.tool.slug, stay.tool.slug), t('lifecycle.merge.swap', { name: other }))} · ${link(mergePath(locale, stay.tool.slug), t('lifecycle.merge.chooseOther'))}`)}`,
)}
${postForm(
  {
    action: lifecyclePath(locale, stay.tool.slug, 'merge'),
    csrfToken: model.csrfToken,
    className: 'citydeal-form',
    hidden: { other: leave.tool.slug, version: String(stay.tool.version), otherVersion: String(leave.tool.version) },
  },
  html`${heading(2, t('lifecycle.merge.fields'))}
${paragraph(t('lifecycle.merge.fieldsIntro', { name }))}
${fields}
${equal.length > 0 ? paragraph(t('lifecycle.merge.equal', { fields: equal.map(fieldName).join(', ') })) : ''}
${heading(2, t('lifecycle.merge.lists'))}
${paragraph(t('lifecycle.merge.listsIntro', { name }))}
${lists}
${alert('warning', paragraph(t('lifecycle.merge.final', { other })))}
<p class="utrecht-paragraph">${button(t('lifecycle.merge.submit', { other, name }))}</p>`,
)}`
  return simplePage(ctx, { title: t('lifecycle.merge.titleCompare', { other, name }), section: 'tools' }, content)
}
