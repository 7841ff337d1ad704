// The organisation picker: a text field with a list to choose from, filtered by the browser as one types (an HTML
// datalist, so it works without JavaScript); the server finds the organisation by its name or an alias.
import { label, translate } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { html, type SafeHtml } from '../../../views/html.ts'

export interface PickerEntry {
  id: number
  name: string
  kind: string
  cbs_code: string | null
  aliases: string[]
}

/** The list the picker fields of a page share (one per page, referred to by its id). */
export function organisationDatalist(id: string, locale: Locale, entries: PickerEntry[]): SafeHtml {
  return html`<datalist id="${id}">${entries.map(
    (e) => html`<option value="${e.name}">${label(locale, 'kind', e.kind)}${e.cbs_code ? ` ${e.cbs_code}` : ''}${e.aliases.length > 0 ? ` · ${e.aliases.join(', ')}` : ''}</option>${e.aliases.map(
      (a) => html`<option value="${a}">${e.name}</option>`,
    )}`,
  )}</datalist>`
}

/** The hint under a picker field. */
export const pickerHint = (locale: Locale) => translate(locale, 'organisation.picker.hint')
