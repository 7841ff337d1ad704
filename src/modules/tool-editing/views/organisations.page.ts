import { label, translator } from '../../../i18n/i18n.ts'
import { button } from '../../../views/components/index.ts'
import { fieldLabel, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { organisationDatalist, pickerHint, type PickerEntry } from '../../organisations/views/organisation.picker.ts'
import { INVOLVEMENTS, ROLES } from '../../tools/tools.constants.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'
import { rowProblemLabel, rowsFieldsets, rowValues, type RowsSpec } from './rows.ts'

/** The organisations involved in the tool as they are now, one row each. */
export function organisationValues(tool: LoadedTool): FormValues {
  return rowValues(
    'org',
    tool.organisations.map((o) => ({
      organisation: o.organisation_name,
      role: o.role,
      involvement: o.involvement,
    })),
  )
}

/** /tools/{slug}/edit/organisations: who owns, co-develops, tests, uses or organises the tool. */
export function organisationsPage(ctx: PageContext, frame: EditFrame, values: FormValues, blank: number, organisations: PickerEntry[]): string {
  const { locale } = ctx
  const t = translator(locale)
  const none = { value: '', label: t('editing.noneChosen') }
  const rows: RowsSpec = {
    formId: 'organisations',
    kind: 'org',
    locale,
    values,
    problems: frame.problems,
    editable: true,
    blank,
    what: t('editing.organisationRow'),
    fields: (name, row): FieldSpec[] => [
      { name: name('organisation'), type: 'text', label: t('field.organisation'), value: row.organisation ?? '', maxLength: 200, list: 'organisation-list', hint: pickerHint(locale) },
      { name: name('role'), type: 'select', label: t('field.role'), value: row.role ?? 'partner', options: ROLES.map((r) => ({ value: r, label: label(locale, 'role', r) })) },
      { name: name('involvement'), type: 'select', label: t('field.involvement'), value: row.involvement ?? '', options: [none, ...INVOLVEMENTS.map((i) => ({ value: i, label: label(locale, 'involvement', i) }))] },
    ],
  }
  return editPage(ctx, { ...frame, labelFor: rowProblemLabel(rows, (field) => (field === 'role' ? t('field.role') : fieldLabel(locale, field))) }, t('editing.intro.organisations'), {
    action: sectionPath(locale, frame.tool.slug, 'organisations'),
    body: html`<button type="submit" class="citydeal-default-submit" tabindex="-1" aria-hidden="true">${t('editing.save')}</button>
${organisationDatalist('organisation-list', locale, organisations)}
<div id="organisations-organisations">${rowsFieldsets(rows)}</div>
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
