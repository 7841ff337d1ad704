import { ValidationError, type FieldProblem } from '../../errors.ts'
import { cleanText } from '../../lib/text.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import {
  CATEGORIES,
  FACETS,
  MAX_API_PAGE_SIZE,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MAX_RETURN_QUERY_LENGTH,
  MAX_VALUES_PER_FACET,
  ORIGINS,
  PAGE_SIZE,
  PROCESSES,
  SORTS,
  STATUSES,
  type Facet,
  type Sort,
} from './tools.constants.ts'

export interface CatalogueQuery {
  q: string
  filters: Record<Facet, string[]>
  /**
   * Filters of the API that are not facets (no counts of their own): tools with an open call for test
   * municipalities (true) or without one (false); tools with a pilot (not withdrawn) in one of these municipalities.
   */
  openCall?: boolean | undefined
  pilotIn: string[]
  page: number
  pageSize: number
  sort: Sort
}

type FacetVocabulary = Record<Facet, ReadonlySet<string>>

/** Built once per load of the reference data, not on every request that validates a query. */
const vocabularies = new WeakMap<ReferenceData, FacetVocabulary>()

/** Allowed values per facet: fixed vocabularies in code, the rest from the reference data. */
export function facetVocabulary(reference: ReferenceData): FacetVocabulary {
  let vocabulary = vocabularies.get(reference)
  if (!vocabulary) {
    vocabulary = buildFacetVocabulary(reference)
    vocabularies.set(reference, vocabulary)
  }
  return vocabulary
}

function buildFacetVocabulary(reference: ReferenceData): FacetVocabulary {
  return {
    category: new Set(CATEGORIES),
    form: new Set(reference.forms.map((f) => f.code)),
    status: new Set(STATUSES),
    origin: new Set(ORIGINS),
    process: new Set(PROCESSES),
    theme: new Set(reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code)),
    sdg: new Set(reference.sdgTargets.map((s) => s.code)),
    principle: new Set(reference.criteria.filter((c) => c.family === 'principle').map((c) => c.code)),
    municipality: new Set(reference.municipalities.keys()),
    usedby: new Set(reference.municipalities.keys()),
    mim: new Set(reference.mims.map((m) => m.code)),
  }
}

function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length > 0 ? String(value[value.length - 1]) : undefined
  return value === undefined ? undefined : String(value)
}

/** Validates and normalises the catalogue's query string; throws ValidationError with one problem per field. */
export function parseCatalogueQuery(
  raw: Record<string, unknown>,
  reference: ReferenceData,
  options: { allowPageSize: boolean; apiFilters?: boolean },
): CatalogueQuery {
  const problems: FieldProblem[] = []
  const vocabulary = facetVocabulary(reference)

  const qRaw = firstValue(raw.q) ?? ''
  const q = cleanText(qRaw)
  if (qRaw.length > MAX_QUERY_LENGTH * 2 || q.length > MAX_QUERY_LENGTH) {
    problems.push({ name: 'q', messageKey: 'validation.tooLong', params: { max: MAX_QUERY_LENGTH } })
  }

  /** The distinct values of a repeatable parameter, each checked against its vocabulary. */
  const listParameter = (name: string, allowed: ReadonlySet<string>) => {
    const value = raw[name]
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value])
      .map((v) => cleanText(String(v)))
      .filter((v) => v !== '')
    const unique = [...new Set(values)]
    if (unique.length > MAX_VALUES_PER_FACET) {
      problems.push({ name, messageKey: 'validation.tooManyValues', params: { max: MAX_VALUES_PER_FACET } })
    }
    for (const v of unique) {
      if (!allowed.has(v)) problems.push({ name, messageKey: 'validation.unknownValue', params: { value: v.slice(0, 60) } })
    }
    return unique
  }
  const filters = {} as Record<Facet, string[]>
  for (const facet of FACETS) filters[facet] = listParameter(facet, vocabulary[facet])

  // The API's other filters; the catalogue page ignores them, as it ignores pageSize.
  let openCall: boolean | undefined
  let pilotIn: string[] = []
  if (options.apiFilters) {
    const openCallRaw = firstValue(raw.openCall)
    if (openCallRaw === 'true' || openCallRaw === 'false') openCall = openCallRaw === 'true'
    else if (openCallRaw !== undefined && openCallRaw !== '') {
      problems.push({ name: 'openCall', messageKey: 'validation.unknownValue', params: { value: openCallRaw.slice(0, 60) } })
    }
    pilotIn = listParameter('pilotIn', vocabulary.municipality)
  }

  const page = parsePositiveInt(firstValue(raw.page), 1, MAX_PAGE)
  if (page === undefined) problems.push({ name: 'page', messageKey: 'validation.notAPage' })

  let pageSize = PAGE_SIZE
  const rawSize = firstValue(raw.pageSize)
  if (options.allowPageSize && rawSize !== undefined) {
    const size = parsePositiveInt(rawSize, PAGE_SIZE, MAX_API_PAGE_SIZE)
    if (size === undefined) problems.push({ name: 'pageSize', messageKey: 'validation.numberBetween', params: { min: 1, max: MAX_API_PAGE_SIZE } })
    else pageSize = size
  }

  const sortRaw = firstValue(raw.sort)
  let sort: Sort = q ? 'relevance' : 'name'
  if (sortRaw !== undefined && sortRaw !== '') {
    if ((SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as Sort
    else problems.push({ name: 'sort', messageKey: 'validation.unknownValue', params: { value: sortRaw.slice(0, 60) } })
  }
  if (sort === 'relevance' && !q) sort = 'name'

  const lang = firstValue(raw.lang)
  if (lang !== undefined && lang !== 'nl' && lang !== 'en') {
    problems.push({ name: 'lang', messageKey: 'validation.unknownValue', params: { value: lang.slice(0, 60) } })
  }

  if (problems.length > 0) throw new ValidationError(problems)
  return { q, filters, openCall, pilotIn, page: page!, pageSize, sort }
}

function parsePositiveInt(value: string | undefined, fallback: number, max: number): number | undefined {
  if (value === undefined || value === '') return fallback
  if (!/^[0-9]{1,9}$/.test(value)) return undefined
  const n = Number(value)
  return n >= 1 && n <= max ? n : undefined
}

/** The query string that reproduces a catalogue state (only non-default parts). */
export function catalogueSearchParams(query: CatalogueQuery, overrides: Partial<CatalogueQuery> = {}): URLSearchParams {
  const state = { ...query, ...overrides }
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  for (const facet of FACETS) for (const v of state.filters[facet]) params.append(facet, v)
  if (state.openCall !== undefined) params.set('openCall', String(state.openCall))
  for (const v of state.pilotIn) params.append('pilotIn', v)
  if (state.sort !== (state.q ? 'relevance' : 'name')) params.set('sort', state.sort)
  if (state.page > 1) params.set('page', String(state.page))
  if (state.pageSize !== PAGE_SIZE) params.set('pageSize', String(state.pageSize))
  return params
}

/**
 * The catalogue state a tool page links back to, read from its `from` parameter (a catalogue query string) and
 * normalised; undefined when absent or invalid: a bad `from` only loses the way back, never the page.
 */
export function parseReturnQuery(from: unknown, reference: ReferenceData): CatalogueQuery | undefined {
  const value = Array.isArray(from) ? from.at(-1) : from
  if (typeof value !== 'string' || value === '' || value.length > MAX_RETURN_QUERY_LENGTH) return undefined
  // No prototype: a parameter named __proto__ or constructor is just an unknown parameter.
  const raw: Record<string, string[]> = Object.create(null)
  for (const [name, v] of new URLSearchParams(value)) (raw[name] ??= []).push(v)
  try {
    return parseCatalogueQuery(raw, reference, { allowPageSize: false })
  } catch (error) {
    if (error instanceof ValidationError) return undefined
    throw error
  }
}
