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

/**
 * Renders a name. Names are proper names: one without a translation is shown as it is, marked with its
 * language (so screen readers pronounce it right), without the "not translated" note that texts get.
 */
export function localizedName(value: { text: string; lang: Locale; fallback: boolean }) {
  return value.fallback ? html`<span lang="${value.lang}">${value.text}</span>` : html`${value.text}`
}
