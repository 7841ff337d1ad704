// The tool picker: a text field with the tools' names to choose from (an HTML datalist, so it works without
// JavaScript); the server finds the tool by its slug or its exact name in either language.
import type { Locale } from '../../../i18n/messages.ts'
import { html, type SafeHtml } from '../../../views/html.ts'

export interface ToolPickerEntry {
  id: number
  slug: string
  name_nl: string | null
  name_en: string | null
  status: string
}

/** The list a tool field chooses from: each tool by its name in the page's language, its slug beside it. */
export function toolDatalist(id: string, locale: Locale, entries: ToolPickerEntry[]): SafeHtml {
  return html`<datalist id="${id}">${entries.map((e) => {
    const name = (locale === 'en' ? (e.name_en ?? e.name_nl) : (e.name_nl ?? e.name_en)) ?? e.slug
    return html`<option value="${name}">${e.slug}</option>`
  })}</datalist>`
}
