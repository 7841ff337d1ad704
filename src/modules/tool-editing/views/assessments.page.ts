import { label, translator } from '../../../i18n/i18n.ts'
import { button, heading } from '../../../views/components/index.ts'
import { fieldLabel, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { organisationDatalist, pickerHint, type PickerEntry } from '../../organisations/views/organisation.picker.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { RATINGS, TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'
import { rowProblemLabel, rowsFieldsets, rowValues, type RowsSpec } from './rows.ts'

const FAMILIES = ['principle', 'rathenau', 'precondition'] as const
const FAMILY_HEADING = { principle: 'tool.assessment.principles', rathenau: 'tool.assessment.rathenau', precondition: 'tool.assessment.preconditions' } as const

/** One row per criterion (4 principles, 7 themes, 3 preconditions), empty where the tool is not assessed. */
export function assessmentValues(reference: ReferenceData, tool: LoadedTool): FormValues {
  return rowValues(
    'assessment',
    reference.criteria.map((c) => {
      const a = tool.assessments.find((x) => x.criterion_code === c.code && x.rating !== 'unknown')
      return {
        code: c.code,
        rating: a?.rating ?? '',
        explanationNl: a?.explanation_nl,
        explanationEn: a?.explanation_en,
        evidenceUrl: a?.evidence_url,
        assessedBy: a?.assessed_by_name,
        assessedOn: a?.assessed_on,
      }
    }),
  )
}

/** /tools/{slug}/edit/assessments: the tool held against the 14 criteria, with explanation, evidence, who and when. */
export function assessmentsPage(ctx: PageContext, reference: ReferenceData, frame: EditFrame, values: FormValues, organisations: PickerEntry[]): string {
  const { locale } = ctx
  const t = translator(locale)
  const criterion = (code: string | undefined) => reference.criteriaByCode.get(code ?? '')
  const rows = (family?: (typeof FAMILIES)[number]): RowsSpec => ({
    formId: 'assessments',
    kind: 'assessment',
    locale,
    values,
    problems: frame.problems,
    editable: false,
    blank: 0,
    what: t('editing.section.assessments'),
    only: family ? (row) => criterion(row.code)?.family === family : undefined,
    legend: (row) => {
      const c = criterion(row.code)
      return c ? (locale === 'nl' ? c.name_nl : c.name_en) : (row.code ?? '')
    },
    fields: (name, row) => [
      { name: name('code'), type: 'hidden', value: row.code ?? '' },
      {
        name: name('rating'),
        type: 'select',
        label: t('field.rating'),
        value: row.rating ?? '',
        options: [{ value: '', label: t('editing.notAssessed') }, ...RATINGS.map((r) => ({ value: r, label: label(locale, 'rating', r) }))],
      },
      { name: name('explanationNl'), type: 'textarea', rows: 3, label: t('field.explanationNl'), value: row.explanationNl ?? '', maxLength: L.explanation },
      { name: name('explanationEn'), type: 'textarea', rows: 3, label: t('field.explanationEn'), value: row.explanationEn ?? '', maxLength: L.explanation },
      { name: name('evidenceUrl'), type: 'url', label: t('field.evidenceUrl'), value: row.evidenceUrl ?? '', maxLength: L.url },
      { name: name('assessedBy'), type: 'text', label: t('field.assessedBy'), value: row.assessedBy ?? '', maxLength: 200, list: 'organisation-list', hint: pickerHint(locale) },
      { name: name('assessedOn'), type: 'date', label: t('field.assessedOn'), value: row.assessedOn ?? '' },
    ],
  })
  return editPage(ctx, { ...frame, labelFor: rowProblemLabel(rows(), (field) => fieldLabel(locale, field)) }, t('editing.intro.assessments'), {
    action: sectionPath(locale, frame.tool.slug, 'assessments'),
    body: html`${organisationDatalist('organisation-list', locale, organisations)}
${FAMILIES.map((family) => html`${heading(3, t(FAMILY_HEADING[family]))}${rowsFieldsets(rows(family))}`)}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
