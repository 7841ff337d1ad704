import { label, translator } from '../../../i18n/i18n.ts'
import { button } from '../../../views/components/index.ts'
import { fieldLabel, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { organisationDatalist, pickerHint, type PickerEntry } from '../../organisations/views/organisation.picker.ts'
import { PILOT_OUTCOMES, PILOT_STATUSES, TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'
import { rowProblemLabel, rowsFieldsets, rowValues, type RowsSpec } from './rows.ts'

/** The tool's pilots as they are now, one row each. */
export function pilotValues(tool: LoadedTool): FormValues {
  return rowValues(
    'pilot',
    tool.pilots.map((p) => ({
      municipality: p.municipality_name,
      status: p.status,
      committedOn: p.committed_on,
      startedOn: p.started_on,
      completedOn: p.completed_on,
      testedNl: p.tested_nl,
      testedEn: p.tested_en,
      outcome: p.outcome,
      lessonsNl: p.lessons_nl,
      lessonsEn: p.lessons_en,
      evidenceUrl: p.evidence_url,
    })),
  )
}

/** /tools/{slug}/edit/pilots: per municipality that tests the tool, how far it got and what came of it. */
export function pilotsPage(ctx: PageContext, frame: EditFrame, values: FormValues, blank: number, organisations: PickerEntry[]): string {
  const { locale } = ctx
  const t = translator(locale)
  const municipalities = organisations.filter((o) => o.kind === 'municipality')
  const rows: RowsSpec = {
    formId: 'pilots',
    kind: 'pilot',
    locale,
    values,
    problems: frame.problems,
    editable: true,
    blank,
    what: t('editing.pilotRow'),
    fields: (name, row): FieldSpec[] => [
      { name: name('municipality'), type: 'text', label: t('field.municipality'), value: row.municipality ?? '', maxLength: 200, list: 'municipality-list', hint: pickerHint(locale) },
      { name: name('status'), type: 'select', label: t('field.pilotStatus'), value: row.status ?? 'committed', options: PILOT_STATUSES.map((s) => ({ value: s, label: label(locale, 'pilotStatus', s) })) },
      { name: name('committedOn'), type: 'date', label: t('field.committedOn'), value: row.committedOn ?? '' },
      { name: name('startedOn'), type: 'date', label: t('field.pilotStartedOn'), value: row.startedOn ?? '' },
      { name: name('completedOn'), type: 'date', label: t('field.completedOn'), value: row.completedOn ?? '' },
      { name: name('testedNl'), type: 'textarea', rows: 2, label: t('field.testedNl'), value: row.testedNl ?? '', maxLength: L.pilotTested },
      { name: name('testedEn'), type: 'textarea', rows: 2, label: t('field.testedEn'), value: row.testedEn ?? '', maxLength: L.pilotTested },
      {
        name: name('outcome'),
        type: 'select',
        label: t('field.outcome'),
        value: row.outcome ?? '',
        options: [{ value: '', label: t('editing.unknown') }, ...PILOT_OUTCOMES.map((o) => ({ value: o, label: label(locale, 'pilotOutcome', o) }))],
      },
      { name: name('lessonsNl'), type: 'textarea', rows: 3, label: t('field.lessonsNl'), value: row.lessonsNl ?? '', maxLength: L.pilotLessons },
      { name: name('lessonsEn'), type: 'textarea', rows: 3, label: t('field.lessonsEn'), value: row.lessonsEn ?? '', maxLength: L.pilotLessons },
      { name: name('evidenceUrl'), type: 'url', label: t('field.evidenceUrl'), value: row.evidenceUrl ?? '', maxLength: L.url },
    ],
  }
  const fieldName = (field: string) =>
    ({ status: t('field.pilotStatus'), startedOn: t('field.pilotStartedOn') } as Record<string, string>)[field] ?? fieldLabel(locale, field)
  return editPage(ctx, { ...frame, labelFor: rowProblemLabel(rows, fieldName) }, t('editing.intro.pilots'), {
    action: sectionPath(locale, frame.tool.slug, 'pilots'),
    body: html`<button type="submit" class="citydeal-default-submit" tabindex="-1" aria-hidden="true">${t('editing.save')}</button>
${organisationDatalist('municipality-list', locale, municipalities)}
${rowsFieldsets(rows)}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
