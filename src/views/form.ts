import { translate } from '../i18n/i18n.ts'
import type { Locale } from '../i18n/messages.ts'
import { isMessageKey } from '../i18n/i18n.ts'
import type { FieldProblem } from '../errors.ts'
import { alert, button, checkboxField, fieldset, formField, select, textarea, textbox } from './components/index.ts'
import { html, type SafeHtml } from './html.ts'

/** What a form posted, kept as typed: strings, and lists for checkbox groups. */
export type FormValues = Record<string, string | string[] | undefined>

/** The values of a posted form body (fields starting with _ such as the CSRF token left out). */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {}
  if (!body || typeof body !== 'object') return values
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith('_')) continue
    if (typeof value === 'string') values[key] = value
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string')
  }
  return values
}

/** One value of a form field (the first, where a field was sent more than once). */
export const str = (values: FormValues, key: string) => {
  const v = values[key]
  return Array.isArray(v) ? v[0] : v
}

/** Every value of a form field, e.g. the ticked boxes of a group. */
export const list = (values: FormValues, key: string) => {
  const v = values[key]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

export interface FieldSpec {
  name: string
  type: 'text' | 'email' | 'password' | 'url' | 'date' | 'select' | 'checkbox' | 'hidden' | 'textarea' | 'checkboxes'
  value?: string
  /** Checked values of a 'checkboxes' group. */
  values?: string[]
  /** Rows of a textarea. */
  rows?: number
  options?: { value: string; label: string }[]
  hint?: string
  autocomplete?: string
  maxLength?: number
  required?: boolean
  /** Label text; defaults to the catalogue's field.{name}. */
  label?: string
  /** A text field's datalist to choose from (e.g. the organisation picker). */
  list?: string
}

export interface FormSpec {
  id: string
  action: string
  csrfToken: string
  fields: FieldSpec[]
  submitLabel: string
  problems?: FieldProblem[]
  locale: Locale
}

export function fieldLabel(locale: Locale, name: string): string {
  const key = `field.${name}`
  return isMessageKey(key) ? translate(locale, key) : name
}

/** The mark of a required field, "(verplicht)"; hidden from screen readers where the control says it itself. */
export function requiredMark(locale: Locale, options: { spoken: boolean }): SafeHtml {
  return html`<span class="citydeal-required"${options.spoken ? '' : html` aria-hidden="true"`}>(${translate(locale, 'form.required')})</span>`
}

/** The fields of a form: labels, hints and per-field error messages, values kept (never passwords). */
export function renderFields(spec: Pick<FormSpec, 'id' | 'fields' | 'problems' | 'locale'>): SafeHtml {
  const problems = new Map((spec.problems ?? []).map((p) => [p.name, translate(spec.locale, p.messageKey, p.params)]))
  return html`${spec.fields.map((f) => {
    const id = `${spec.id}-${f.name}`
    // A required field shows it beside its label. A text field, text area or select box carries `required`, which
    // screen readers announce, so there the mark stands after the label, for the eye only (not read twice, and the
    // field's name stays its label); a check box or a group of them has no such attribute, so its label says it.
    const plainLabel = f.label ?? fieldLabel(spec.locale, f.name)
    const spoken = f.type === 'checkboxes' || f.type === 'checkbox'
    const label = f.required && spoken ? html`${plainLabel} ${requiredMark(spec.locale, { spoken })}` : plainLabel
    const error = problems.get(f.name)
    const hintId = f.hint ? `${id}-hint` : undefined
    const errorId = error ? `${id}-error` : undefined
    const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
    if (f.type === 'hidden') return html`<input type="hidden" name="${f.name}" value="${f.value ?? ''}">`
    if (f.type === 'checkbox') return checkboxField({ id, name: f.name, value: 'on', checked: f.value === 'on', label })
    if (f.type === 'checkboxes') {
      const checked = new Set(f.values ?? [])
      return html`<div id="${id}" class="citydeal-checkbox-group${error ? ' utrecht-form-field--invalid' : ''}">${fieldset(
        label,
        html`${f.hint ? html`<div class="utrecht-form-field__description" id="${hintId}">${f.hint}</div>` : ''}${
          error ? html`<div class="utrecht-form-field__error-message" id="${errorId}">${error}</div>` : ''
        }${(f.options ?? []).map((o, i) => checkboxField({ id: `${id}-${i}`, name: f.name, value: o.value, checked: checked.has(o.value), label: o.label }))}`,
      )}</div>`
    }
    const input =
      f.type === 'textarea'
        ? textarea({ id, name: f.name, value: f.value ?? '', maxLength: f.maxLength, rows: f.rows, describedBy, invalid: !!error, required: f.required })
        : f.type === 'select'
        ? select({ id, name: f.name, describedBy, invalid: !!error, required: f.required, options: (f.options ?? []).map((o) => ({ ...o, selected: o.value === (f.value ?? '') })) })
        : textbox({
            id,
            name: f.name,
            type: f.type,
            value: f.type === 'password' ? '' : (f.value ?? ''),
            maxLength: f.maxLength,
            describedBy,
            invalid: !!error,
            autocomplete: f.autocomplete,
            required: f.required,
            list: f.list,
          })
    return formField(
      id,
      label,
      input,
      hintId ? { id: hintId, text: f.hint } : undefined,
      errorId ? { id: errorId, text: error } : undefined,
      f.required ? requiredMark(spec.locale, { spoken: false }) : undefined,
    )
  })}`
}

/** A form that works without JavaScript: CSRF token, labels, hints, an error summary linking to each field. */
export function renderForm(spec: FormSpec): SafeHtml {
  return html`${errorSummary(spec)}${postForm(
    { action: spec.action, csrfToken: spec.csrfToken, className: 'citydeal-form' },
    html`${renderFields(spec)}
<p class="utrecht-paragraph">${button(spec.submitLabel)}</p>`,
  )}`
}

/** A form that posts (with its CSRF token and hidden values) around content built by the caller. */
export function postForm(attrs: { action: string; csrfToken: string; className?: string; hidden?: Record<string, string> }, content: SafeHtml): SafeHtml {
  return html`<form method="post" action="${attrs.action}"${attrs.className ? html` class="${attrs.className}"` : ''} novalidate>
<input type="hidden" name="_csrf" value="${attrs.csrfToken}">${Object.entries(attrs.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
${content}
</form>`
}

/** A form that only changes what a page shows (filters, a choice): GET, no token, its state in the address. */
export function getForm(attrs: { action: string; className?: string; label?: string }, content: SafeHtml): SafeHtml {
  return html`<form method="get" action="${attrs.action}"${attrs.className ? html` class="${attrs.className}"` : ''}${attrs.label ? html` aria-label="${attrs.label}"` : ''}>
${content}
</form>`
}

/** The list of a form's problems above it, each linking to its field. */
export function errorSummary(spec: Pick<FormSpec, 'id' | 'problems' | 'locale'> & { labelFor?: (name: string) => string | undefined }): SafeHtml | '' {
  const problems = new Map((spec.problems ?? []).map((p) => [p.name, translate(spec.locale, p.messageKey, p.params)]))
  return problems.size > 0
      ? alert(
          'error',
          html`<p class="utrecht-paragraph">${translate(spec.locale, 'error.formProblems')}</p><ul>${[...problems].map(
            ([name, message]) => html`<li><a href="#${spec.id}-${name}">${spec.labelFor?.(name) ?? fieldLabel(spec.locale, name)}: ${message}</a></li>`,
          )}</ul>`,
          { role: 'alert' },
        )
    : ''
}

/** A one-button form (sign out, deactivate, …). */
export function actionForm(action: string, csrfToken: string, label: string, hidden: Record<string, string> = {}, secondary = true): SafeHtml {
  return postForm({ action, csrfToken, className: 'citydeal-inline-form', hidden }, button(label, { secondary }))
}
