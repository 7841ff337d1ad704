// Rows of an edit form that work without JavaScript: each row a fieldset; "Remove" is a box to tick before saving,
// "Another row" a submit button that shows the form again with an empty row more (nothing is saved by it).
import type { FieldProblem } from '../../../errors.ts'
import { translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { button, checkboxField, fieldset } from '../../../views/components/index.ts'
import { renderFields, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { rawRows, rowField } from '../tool-editing.rows.ts'
import { MAX_ROWS, type RowKind } from '../tool-editing.schemas.ts'

/** The submit value of a kind's "another row" button. */
export const addRowIntent = (kind: RowKind) => `add-${kind}`

/** Rows as flat form values (link-0-url, …), from the rows a tool has now. */
export function rowValues(kind: RowKind, rows: Record<string, string | null | undefined>[]): FormValues {
  const values: FormValues = {}
  rows.forEach((row, index) => {
    for (const [field, value] of Object.entries(row)) values[rowField(kind, index, field)] = value ?? ''
  })
  return values
}

export interface RowsSpec {
  formId: string
  kind: RowKind
  locale: Locale
  values: FormValues
  problems: FieldProblem[]
  /** What a row is ("Link"): legends "Link 1", "Link 2", … and the "another row" button say it. */
  what: string
  /** A fixed row's own legend (a criterion's name) instead of "Link 1". */
  legend?: (row: Record<string, string>) => string
  /** The fields of one row; `name(field)` gives the row's field name. */
  fields: (name: (field: string) => string, row: Record<string, string>) => FieldSpec[]
  /** Rows may be added and removed (not for fixed rows such as the 14 criteria). */
  editable: boolean
  /** Empty rows to show after the filled ones. */
  blank: number
  /** Only the rows this keeps (fixed rows shown in groups, such as the criteria by family). */
  only?: (row: Record<string, string>) => boolean
}

/** The rows of one kind as fieldsets, with a Remove box each and an "another row" button after them. */
export function rowsFieldsets(spec: RowsSpec): SafeHtml {
  const t = translator(spec.locale)
  const rows = rawRows(spec.values, spec.kind).filter(({ fields }) => (fields.remove !== 'on' || !spec.editable) && (!spec.only || spec.only(fields)))
  const next = rows.length > 0 ? rows.at(-1)!.index + 1 : 0
  const blanks = spec.editable ? Array.from({ length: Math.min(spec.blank, MAX_ROWS - next) }, (_, i) => ({ index: next + i, fields: {} as Record<string, string> })) : []
  const all = [...rows, ...blanks]
  return html`${all.map(({ index, fields }, position) => {
    const name = (field: string) => rowField(spec.kind, index, field)
    return fieldset(
      spec.legend ? spec.legend(fields) : t('editing.rowLabel', { what: spec.what, n: position + 1 }),
      html`${renderFields({ id: spec.formId, fields: spec.fields(name, fields), problems: spec.problems, locale: spec.locale })}${
        spec.editable && position < rows.length ? checkboxField({ id: `${spec.formId}-${name('remove')}`, name: name('remove'), value: 'on', checked: false, label: t('editing.remove') }) : ''
      }`,
      { className: 'citydeal-edit-row' },
    )
  })}${spec.editable && next + blanks.length < MAX_ROWS ? html`<p class="utrecht-paragraph">${button(t('editing.addRowOf', { what: spec.what }), { secondary: true, name: 'intent', value: addRowIntent(spec.kind) })}</p>` : ''}`
}

/**
 * The error summary's label of a row field: "Link 2, Web address" for the second link's url, numbered as the
 * legends are (the rows shown, in order).
 */
export function rowProblemLabel(spec: Pick<RowsSpec, 'kind' | 'values' | 'what' | 'legend' | 'editable' | 'locale'>, fieldLabel: (field: string) => string) {
  const t = translator(spec.locale)
  const rows = rawRows(spec.values, spec.kind).filter(({ fields }) => fields.remove !== 'on' || !spec.editable)
  return (name: string): string | undefined => {
    const match = /^([a-z]+)-(\d{1,3})-([A-Za-z]+)$/.exec(name)
    if (!match || match[1] !== spec.kind) return undefined
    const position = rows.findIndex((r) => r.index === Number(match[2]))
    const row = rows[position]
    const legend = row && spec.legend ? spec.legend(row.fields) : t('editing.rowLabel', { what: spec.what, n: position === -1 ? Number(match[2]) + 1 : position + 1 })
    return `${legend}, ${fieldLabel(match[3]!)}`
  }
}
