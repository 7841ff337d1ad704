// Text as duplicate detection compares it: normalised names and addresses (the same rules as the SQL functions
// match_name, match_url and match_initials), trigrams as pg_trgm counts them, stems, and a language guess. Pure functions.

export const STOP_WORDS = new Set(
  (
    'de het een en of van voor in op met te aan bij als dat die dit door naar om over uit tot zijn is wordt worden ' +
    'kan kunnen hoe wat wie waar er ze zij we wij je jij u ook niet geen meer maar dan zo al nog hun haar hem onze ' +
    'deze welke waarin waarmee waarop waarvan wanneer omdat zodat terwijl tussen tegen zonder sinds tijdens via per ' +
    'alle elke ieder veel wel heel toe nu hier daar dus want ons mijn zich zelf eigen was waren werd zal zullen moet moeten ' +
    'heeft hebben had doen gaat laat staat the a an and or of for in on with to at by as that this these those from into ' +
    'about is are be can how what which who where it its their our your you we they not no more but than so also when ' +
    'then there here such like them themselves itself while whether within without between through before after during ' +
    'since under over other others each every all any some many much most very only just both either well was were been ' +
    'being has have had does did do will would should could may might must shall one two three first things thing way ' +
    'rather around across using used use uses based via per'
  ).split(' '),
)

/** Words too common in this domain to tell tools apart. */
const GENERIC_WORDS = new Set(
  (
    'gemeente gemeenten gemeentes municipality municipalities city cities stad steden slim slimme smart digitaal digitale ' +
    'digital tool tools toolbox instrument data platform helpt help helps maken make made kunnen nieuwe new ' +
    'openbare public ruimte space nederland netherlands dutch nederlandse overheid overheden government'
  ).split(' '),
)

const FUNCTION_WORDS = new Set('de het een van voor en of in op met te aan bij the a an for and to on with at'.split(' '))

/**
 * Remembers a function of a string for the most recent few thousand strings: the catalogue's names and
 * descriptions come back on every ranking. The results must not be changed by callers.
 */
function remembered<T>(fn: (text: string) => T, size = 4000): (text: string) => T {
  const cache = new Map<string, T>()
  return (text) => {
    let value = cache.get(text)
    if (value === undefined) {
      if (cache.size >= size) cache.clear()
      value = fn(text)
      cache.set(text, value)
    }
    return value
  }
}

/** Lower case, accents removed, everything but letters and digits a single space (as SQL match_name). */
export const normalizeName = remembered((text: string): string =>
  // eslint-disable-next-line no-control-regex
  (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
)

/** 'example.org/path' from a URL, as SQL match_url: scheme, www., query, fragment, index page, trailing slash dropped. */
export function urlKey(url: string): string | undefined {
  const key = url
    .trim()
    .toLowerCase()
    .replace(/[?#].*$/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\/(www[0-9]?\.)?/, '')
    .replace(/(:80|:443)(\/|$)/, '$2')
    .replace(/(\/index\.(html?|php|aspx?))?\/*$/, '')
  return key === '' ? undefined : key
}

/** How many path segments of a submitted address are looked up as parent pages (a tool's own site is rarely deeper). */
export const URL_LOOKUP_SEGMENTS = 8

/**
 * The url: keys a submitted address is looked up by: the address itself and its parents up to
 * URL_LOOKUP_SEGMENTS path segments deep (a page of a tool's site finds the tool). Bounded whatever the address:
 * at most URL_LOOKUP_SEGMENTS + 1 keys, not one per slash.
 */
export function urlLookupKeys(url: string): string[] {
  const key = urlKey(url)
  if (!key) return []
  const parts = key.split('/', URL_LOOKUP_SEGMENTS + 1)
  const keys = new Set(parts.map((_, i) => parts.slice(0, i + 1).join('/')))
  keys.add(key)
  return [...keys].map((k) => `url:${k}`)
}

/** The initials of a name of two or more words, with and without function words (as SQL match_initials). */
export function initials(name: string): string[] {
  const words = normalizeName(name).split(' ').filter(Boolean)
  const all = words.map((w) => w[0]).join('')
  const content = words.filter((w) => !FUNCTION_WORDS.has(w))
  const variants = new Set<string>()
  if (words.length >= 2) variants.add(all)
  if (content.length >= 2) variants.add(content.map((w) => w[0]).join(''))
  return [...variants]
}

/** A name that is itself an acronym: one word of 2–10 letters or digits (BGT, PDOK, 3DBAG). */
export function isAcronymLike(name: string): boolean {
  const trimmed = name.trim()
  return /^[\p{L}\p{N}][\p{L}\p{N}&.-]{1,11}$/u.test(trimmed) && normalizeName(trimmed).replace(/ /g, '').length <= 10 && /\p{Lu}.*\p{Lu}/u.test(trimmed)
}

/** Trigram sets of recent texts (words and names compared again and again while ranking). */
/** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
export function wordTrigrams(word: string, into = new Set<string>()): Set<string> {
  const padded = `  ${word} `
  for (let i = 0; i + 3 <= padded.length; i++) into.add(padded.slice(i, i + 3))
  return into
}

const trigrams = remembered((text: string): Set<string> => {
  const grams = new Set<string>()
  for (const word of text.split(' ')) if (word) wordTrigrams(word, grams)
  return grams
}, 5000)

/** pg_trgm's similarity: shared trigrams over all trigrams of both. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a)
  const tb = trigrams(b)
  if (ta.size === 0 || tb.size === 0) return 0
  let shared = 0
  for (const g of ta) if (tb.has(g)) shared++
  return shared / (ta.size + tb.size - shared)
}

/** Inflections and common endings of English and Dutch, longest first (stripped once, leaving at least four letters). */
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ingen', 'ings', 'ing', 'ances', 'ance', 'ences', 'ence', 'ities', 'ity', 'ies', 'heden', 'heid', 'ers', 'er', 'en', 'es', 'ed', 'e', 's']

/** A word's stem: one ending stripped, then cut to six letters so inflections meet (sensoren/sensors, register/registratie). */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, word.length - suffix.length).slice(0, 6)
  }
  return word.slice(0, 6)
}

function stemsOf(text: string, keepGeneric: boolean): Set<string> {
  const stems = new Set<string>()
  for (const word of normalizeName(text).split(' ')) {
    if (word.length < 3 || STOP_WORDS.has(word) || (!keepGeneric && GENERIC_WORDS.has(word)) || /^\d+$/.test(word)) continue
    stems.add(stem(word))
  }
  return stems
}
export const specificStems = remembered((text) => stemsOf(text, false))
export const allStems = remembered((text) => stemsOf(text, true))

/** Content words, stemmed: stop words, generic words of the domain (unless kept) and bare numbers left out. */
export function contentStems(text: string, keepGeneric = false): Set<string> {
  return new Set(keepGeneric ? allStems(text) : specificStems(text))
}

/** How much a stem tells candidates apart (1 without context). */
export type StemWeight = (stem: string) => number
export const UNIFORM: StemWeight = () => 1

/** Weighted cosine of two stem sets. */
export function overlap(a: Set<string>, b: Set<string>, weight: StemWeight): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  let wa = 0
  let wb = 0
  for (const s of a) {
    const w = weight(s) ** 2
    wa += w
    if (b.has(s)) shared += w
  }
  for (const s of b) wb += weight(s) ** 2
  return wa === 0 || wb === 0 ? 0 : shared / Math.sqrt(wa * wb)
}

/** 'nl' or 'en' by function words, or undefined when it cannot tell. */
export function guessLanguage(text: string): 'nl' | 'en' | undefined {
  const words = normalizeName(text).split(' ')
  const nl = words.filter((w) => ['de', 'het', 'een', 'en', 'van', 'voor', 'met', 'die', 'dat', 'zijn', 'wordt', 'om', 'te', 'bij', 'naar'].includes(w)).length
  const en = words.filter((w) => ['the', 'a', 'an', 'and', 'of', 'for', 'with', 'that', 'which', 'is', 'are', 'to', 'by', 'from'].includes(w)).length
  if (nl === en) return undefined
  return nl > en ? 'nl' : 'en'
}
