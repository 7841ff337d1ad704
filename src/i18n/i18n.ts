import { messages, type Locale, type MessageArgs, type MessageKey, type MessageParam } from './messages.ts'

/** A translate bound to one locale; the key decides which parameters it takes (see MessageArgs). */
export type Translate = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string

/** Looks up a message and fills in {placeholders}. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...params: MessageArgs<K>): string
export function translate(locale: Locale, key: MessageKey, params: Readonly<Record<string, MessageParam>> = {}): string {
  const template: string = messages[key][locale]
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.hasOwn(params, name)) return match
    const value = params[name]!
    return typeof value === 'object' ? value[locale] : String(value)
  })
}

/** `const t = translator(locale)`: the per-locale `t` of a route or view, typed like translate. */
export function translator(locale: Locale): Translate {
  return (key, ...params) => translate(locale, key, ...params)
}

/** Whether a dynamic key (built from a stored code) exists in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key)
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
