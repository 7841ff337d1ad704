import { translate } from '../i18n/i18n.ts'
import type { Locale } from '../i18n/messages.ts'
import { html } from './html.ts'

/** Renders a text that may be in the other language: marked with lang and a visible note. */
export function localizedText(value: { text: string; lang: Locale; fallback: boolean } | undefined, locale: Locale, empty = '') {
  if (!value) return html`${empty}`
  if (!value.fallback) return html`${value.text}`
  return html`<span lang="${value.lang}">${value.text}</span> <span class="citydeal-meta">${translate(locale, 'tool.fallback', {
    language: translate(locale, `language.${value.lang}`),
  })}</span>`
}
