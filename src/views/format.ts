import type { Locale } from '../i18n/messages.ts'

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A moment as people in the Netherlands read it (Europe/Amsterdam), in the page's language: "2 december 2026",
 * or with the time ("2 dec 2026, 14:05"). The formatters are made once per language and style.
 */
export function formatDate(locale: Locale, value: Date | string, options: { style?: 'medium' | 'long'; time?: boolean } = {}): string {
  const style = options.style ?? 'long'
  const key = `${locale}:${style}:${options.time ? 't' : ''}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: style, ...(options.time ? { timeStyle: 'short' } : {}), timeZone: 'Europe/Amsterdam' })
    formats.set(key, format)
  }
  return format.format(new Date(value))
}

/** A time of day with seconds as read in the Netherlands (Europe/Amsterdam): "14:05:30". */
export function formatTime(locale: Locale, value: Date): string {
  const key = `${locale}:time`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'medium', timeZone: 'Europe/Amsterdam' })
    formats.set(key, format)
  }
  return format.format(value)
}
