import { translator } from '../i18n/i18n.ts'
import type { Locale } from '../i18n/messages.ts'
import { formatDate } from './format.ts'

/** "2 more municipalities wanted, answer by 1 March 2027.": what an open call still needs, and for how long. */
export function callNeeds(locale: Locale, call: { stillNeeded: number; closesOn: string | null }): string {
  const t = translator(locale)
  const needs = call.stillNeeded === 1 ? t('calls.needsOne') : t('calls.needs', { count: call.stillNeeded })
  const until = call.closesOn ? t('calls.until', { date: formatDate(locale, call.closesOn) }) : t('calls.noClosingDate')
  return `${needs.charAt(0).toLocaleUpperCase()}${needs.slice(1)}, ${until}.`
}
