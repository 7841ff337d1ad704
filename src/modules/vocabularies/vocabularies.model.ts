// Every classification of the toolbox as a concept scheme: codes from the reference data and tools.constants, labels
// from the message catalogue. Pure: built once from the reference data that is loaded at start.
import { isMessageKey, translate } from '../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../i18n/messages.ts'
import type { Texts } from '../../lib/rdf.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { CATEGORIES, PROCESSES, STATUSES } from '../tools/tools.constants.ts'

export const SCHEMES = ['forms', 'categories', 'processes', 'statuses', 'principles', 'themes', 'preconditions', 'sdg11', 'mims', 'roles'] as const
export type SchemeSlug = (typeof SCHEMES)[number]

/** The roles a tool's organisations have in the open data: the catalogue's roles, a pilot, an adoption. */
export const ROLE_CONCEPTS = ['owner', 'co_developer', 'organising_party', 'partner', 'test_municipality', 'adopter'] as const
export type RoleConcept = (typeof ROLE_CONCEPTS)[number]

export interface Concept {
  code: string
  prefLabel: Required<Texts>
  definition?: Texts | undefined
  /** A note on use: a form's binding force, a MIM's status. */
  scopeNote?: Texts | undefined
  notation?: string | undefined
  /** A MIM: the published specification it stands for. */
  seeAlso?: string | undefined
}

export interface ConceptScheme {
  slug: SchemeSlug
  title: Required<Texts>
  description: Required<Texts>
  concepts: Concept[]
}

const both = (key: MessageKey): Required<Texts> => ({ nl: translate('nl', key), en: translate('en', key) })
const bothIf = (key: string): Texts | undefined => (isMessageKey(key) ? both(key) : undefined)

function fromMessages(prefix: string, codes: readonly string[]): Concept[] {
  return codes.map((code) => ({ code, prefLabel: both(`${prefix}.${code}` as MessageKey), definition: bothIf(`${prefix}.${code}.description`) }))
}

function criteria(reference: ReferenceData, family: 'principle' | 'rathenau' | 'precondition'): Concept[] {
  return reference.criteria
    .filter((c) => c.family === family)
    .map((c) => ({ code: c.code, prefLabel: { nl: c.name_nl, en: c.name_en }, definition: { nl: c.description_nl, en: c.description_en } }))
}

function schemeConcepts(slug: SchemeSlug, reference: ReferenceData): Concept[] {
  switch (slug) {
    case 'forms':
      return reference.forms.map((f) => ({
        code: f.code,
        prefLabel: { nl: f.name_nl, en: f.name_en },
        definition: { nl: f.description_nl, en: f.description_en },
        scopeNote: { nl: `${translate('nl', `binding.${f.binding_level}`)}: ${f.binding_nl}`, en: `${translate('en', `binding.${f.binding_level}`)}: ${f.binding_en}` },
      }))
    case 'categories':
      return fromMessages('category', CATEGORIES)
    case 'processes':
      return fromMessages('process', PROCESSES)
    case 'statuses':
      return fromMessages('status', STATUSES)
    case 'principles':
      return criteria(reference, 'principle')
    case 'themes':
      return criteria(reference, 'rathenau')
    case 'preconditions':
      return criteria(reference, 'precondition')
    case 'sdg11':
      return reference.sdgTargets.map((s) => ({
        code: s.code,
        notation: s.code,
        prefLabel: { nl: `${s.code} ${s.title_nl}`, en: `${s.code} ${s.title_en}` },
        definition: { nl: s.summary_nl, en: s.summary_en },
      }))
    case 'mims':
      return reference.mims.map((m) => ({
        code: m.code,
        notation: m.code.toUpperCase(),
        prefLabel: { nl: m.name_nl, en: m.name_en },
        definition: { nl: m.description_nl, en: m.description_en },
        scopeNote: both(`mimStatus.${m.status}`),
        seeAlso: m.source_url,
      }))
    case 'roles':
      return fromMessages('role', ROLE_CONCEPTS)
  }
}

const cache = new WeakMap<ReferenceData, ConceptScheme[]>()

/** Every scheme with its concepts, in the order of SCHEMES. */
export function conceptSchemes(reference: ReferenceData): ConceptScheme[] {
  let schemes = cache.get(reference)
  if (!schemes) {
    schemes = SCHEMES.map((slug) => ({ slug, title: both(`scheme.${slug}`), description: both(`scheme.${slug}.description`), concepts: schemeConcepts(slug, reference) }))
    cache.set(reference, schemes)
  }
  return schemes
}

export function isSchemeSlug(value: string): value is SchemeSlug {
  return (SCHEMES as readonly string[]).includes(value)
}

/** The stable address of a scheme and of a concept in it (codes are URL-safe: letters, digits, _ and .). */
export const schemeUri = (publicUrl: string, slug: SchemeSlug) => `${publicUrl}/vocabularies/${slug}`
export const conceptUri = (publicUrl: string, slug: SchemeSlug, code: string) => `${publicUrl}/vocabularies/${slug}/${encodeURIComponent(code)}`

export const textIn = (texts: Texts | undefined, locale: Locale) => texts?.[locale] ?? undefined
