import { messages, type Locale, type MessageKey } from './messages.ts'

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** Looks up a message and fills in {placeholders}. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messages[locale][key]
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/** Whether a dynamic key (built from a stored code) exists in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return key in messages.nl
}

/** The message for a stored code, e.g. label('status', 'available'); the raw code where none exists. */
export function label(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`
  return isMessageKey(key) ? translate(locale, key) : code
}

/** Path of the same page in a locale: Dutch at /, English under /en/. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'nl') return path
  return path === '/' ? '/en/' : `/en${path}`
}

/** Picks the locale from a path. */
export function localeOfPath(path: string): Locale {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'nl'
}

/** Strips the /en prefix. */
export function pathWithoutLocale(path: string): string {
  if (path === '/en' || path === '/en/') return '/'
  return path.startsWith('/en/') ? path.slice(3) : path
}

/** Parses an Accept-Language header to one of our locales (Dutch by default). */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'nl'
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';')
      const q = rest.find((p) => p.trim().startsWith('q='))
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl'
    if (tag.startsWith('en')) return 'en'
  }
  return 'nl'
}
