import { NotFoundError } from '../../errors.ts'
import { VersionedLru } from '../../lib/lru-cache.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import { FACETS, MAX_EXPORT_ROWS, MAX_QUERY_TERMS, type Facet } from './tools.constants.ts'
import type { CatalogueQuery } from './tools.schemas.ts'
import type { SearchRow, TermAnalysis, ToolsRepository } from './tools.repository.ts'
import { bestSplit, MIN_COMPOUND, splitVocabulary } from './compounds.ts'
import type { ToolsIndexRepository } from './tools.index.repository.ts'
import { createSearchIndexKeeper } from './tools.search-index.ts'

export interface FacetCount {
  value: string
  count: number
  selected: boolean
}

export interface CatalogueResult {
  total: number
  pages: number
  rows: SearchRow[]
  facets: Record<Facet, FacetCount[]>
  /** Words the search also looked for because a query word looked like a typo or was two words written as one. */
  corrections: string[]
  /** The query had text but no word to search on (only stop words, or no letters we index). */
  noSearchableWords: boolean
}

/** Lower-case, accent-free words of letters and digits, as the search index stores them. */
export function tokenize(text: string): string[] {
  const words = text
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40 && /^[a-z0-9]+$/.test(w))
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS)
}

/** The catalogue search: typo-tolerant full text in Dutch and English, facet filters and counts. */
export interface ToolsServiceOptions {
  cacheSize?: number
  /**
   * How long the catalogue version may be reused before it is read again (0: read on every request). Changes made
   * through this instance are seen at once (invalidateVersion); those of other instances within this time.
   */
  versionTtlMs?: number
  /** The open call for test municipalities of a tool, with its counts (the calls module reads it; none without). */
  openCall?: (toolId: number) => Promise<OpenCallFacts | undefined>
  /** The partners' decision that started a tool (the decisions module reads it; none without). */
  startedBy?: (toolId: number) => Promise<StartedByFacts | undefined>
  /** The in-process search index (decision 0023): its reads, and whether to use it (SEARCH_INDEX); none: SQL only. */
  searchIndex?: { repository: ToolsIndexRepository; enabled: boolean; onError?: (error: unknown) => void }
}

/** The decision of the partners that started a tool, as its page links to it. */
export interface StartedByFacts {
  id: number
  proposal_title: string
  proposal_locale: 'nl' | 'en'
}

/** What a tool's page and API resource show of its open call. */
export interface OpenCallFacts {
  asked_nl: string | null
  asked_en: string | null
  effort_nl: string | null
  effort_en: string | null
  opens_on: string
  closes_on: string | null
  municipalities_needed: number
  accepted: number
}

/** Bound of the remembered compound splits (the least recently used go first). */
const MAX_CACHED_SPLITS = 20_000

export function createToolsService(repository: ToolsRepository, audit: Pick<AuditRepository, 'entityHistory'>, options: ToolsServiceOptions = {}) {
  const cache = new VersionedLru<CatalogueResult>(options.cacheSize ?? 500)
  const versionTtlMs = options.versionTtlMs ?? 0
  const index = options.searchIndex
    ? createSearchIndexKeeper({ ...options.searchIndex.repository, analyseTerms: repository.analyseTerms, catalogueVersion: repository.catalogueVersion }, options.searchIndex)
    : undefined
  let knownVersion: { value: number; readAt: number } | undefined
  /** Compound splits of query words (or null: none), per catalogue version; the key says whether the word came last. */
  const splitCache = new VersionedLru<{ head: string; tail: string[] } | null>(MAX_CACHED_SPLITS)
  /** Bumped by invalidateVersion(): a read that started before a change must not be kept after it. */
  let generation = 0

  async function catalogueVersion(): Promise<number> {
    if (knownVersion && performance.now() - knownVersion.readAt < versionTtlMs) return knownVersion.value
    const started = generation
    const value = await repository.catalogueVersion()
    if (versionTtlMs > 0 && started === generation) knownVersion = { value, readAt: performance.now() }
    return value
  }

  /**
   * Unknown query words that are two known words written as one (datadeling: data + delen), each with its split.
   * A last word that starts a known word is still being typed (sensorreg): it is matched as a prefix, not split.
   */
  async function compoundsOf(analysis: TermAnalysis[], version: number | undefined): Promise<Map<string, { head: string; tail: string[] }>> {
    const unknown = analysis.filter((a) => !a.known && a.token.length >= MIN_COMPOUND && /^[a-z]+$/.test(a.token))
    const found = new Map<string, { head: string; tail: string[] }>()
    if (unknown.length === 0) return found
    // A word's split depends only on the catalogue's words, so it is remembered per catalogue version.
    const remember = (key: string, split: { head: string; tail: string[] } | null) => {
      if (version !== undefined) splitCache.set(key, version, split)
    }
    const last = analysis[analysis.length - 1]
    const candidates: { token: string; key: string }[] = []
    for (const a of unknown) {
      const key = `${a === last ? 'last' : 'inner'} ${a.token}`
      const known = version === undefined ? undefined : splitCache.get(key, version)
      if (known !== undefined) {
        if (known) found.set(a.token, known)
      } else if (a === last && (await repository.isKnownPrefix(a.token))) remember(key, null)
      else candidates.push({ token: a.token, key })
    }
    if (candidates.length === 0) return found
    const known = await repository.knownWords(splitVocabulary(candidates.map((c) => c.token)))
    for (const c of candidates) {
      const split = bestSplit(c.token, known)
      remember(c.key, split ?? null)
      if (split) found.set(c.token, split)
    }
    return found
  }

  async function runSearch(query: CatalogueQuery, version?: number): Promise<CatalogueResult> {
    const tokens = tokenize(query.q)
    const analysis = index?.enabled && version !== undefined ? await index.analyse(version, tokens) : await repository.analyseTerms(tokens)
    const corrections: string[] = []
    const meaningful = analysis.filter((a) => !a.isStopWord)
    if (query.q && meaningful.length === 0) {
      const facets = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, FacetCount[]>
      return { total: 0, pages: 1, rows: [], facets, corrections: [], noSearchableWords: true }
    }
    const splits = await compoundsOf(meaningful, version)
    const termGroups = meaningful.flatMap((a, i) => {
      const prefix = i === meaningful.length - 1
      const split = splits.get(a.token)
      if (split) {
        corrections.push(`${split.head} ${split.tail[0]!}`)
        return [{ words: [split.head], prefix: false }, { words: split.tail, prefix }]
      }
      const alternatives = a.similar
      if (!a.known) corrections.push(...alternatives)
      return [{ words: [a.token, ...alternatives], prefix }]
    })
    const params = {
      termGroups,
      phrase: query.q || undefined,
      filters: query.filters,
      openCall: query.openCall,
      pilotIn: query.pilotIn,
      sort: query.sort,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }
    const { rows, facetCounts } = (index && version !== undefined ? await index.search(version, params) : undefined) ?? (await repository.search(params))
    const facets = {} as Record<Facet, FacetCount[]>
    for (const facet of FACETS) facets[facet] = []
    for (const [key, count] of facetCounts) {
      const separator = key.indexOf(':')
      const facet = key.slice(0, separator) as Facet
      const value = key.slice(separator + 1)
      facets[facet]?.push({ value, count, selected: query.filters[facet].includes(value) })
    }
    // Selected values stay visible even when nothing matches them any more.
    for (const facet of FACETS) {
      for (const value of query.filters[facet]) {
        if (!facets[facet].some((f) => f.value === value)) facets[facet].push({ value, count: 0, selected: true })
      }
    }
    // Every tool has exactly one category, so the category counts add up to the total.
    const categoryCounts = facets.category.filter((f) => query.filters.category.length === 0 || f.selected)
    const total = categoryCounts.reduce((sum, f) => sum + f.count, 0)
    return { total, pages: Math.max(1, Math.ceil(total / query.pageSize)), rows, facets, corrections, noSearchableWords: false }
  }

  return {
    /** Searches the catalogue; results are cached per catalogue version, so every instance sees every change. */
    async searchCatalogue(query: CatalogueQuery): Promise<CatalogueResult> {
      const version = await catalogueVersion()
      // Whether a call is open also depends on the day (its closing date), which the catalogue version does not count.
      const key = query.openCall === undefined ? JSON.stringify(query) : `${JSON.stringify(query)} ${new Date().toISOString().slice(0, 10)}`
      const hit = cache.get(key, version)
      if (hit) return hit
      const value = await runSearch(query, version)
      cache.set(key, version, value)
      return value
    },

    /** Every tool a search matches (up to MAX_EXPORT_ROWS), in its order: the API's CSV answer. Not cached. */
    async allMatches(query: CatalogueQuery): Promise<SearchRow[]> {
      const result = await runSearch({ ...query, page: 1, pageSize: MAX_EXPORT_ROWS }, index?.enabled ? await catalogueVersion() : undefined)
      return result.rows
    },

    /** A tool with everything its page and API resource show; NotFoundError for an unknown slug. */
    async getTool(slug: string) {
      const tool = await repository.findBySlug(slug)
      if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
      const version = index?.enabled ? await catalogueVersion() : undefined
      const successorId = tool.replaced_by_tool_id === null ? undefined : Number(tool.replaced_by_tool_id)
      const [details, assessments, organisationRoles, successor, neighbours, history, pilots, adoptions, statusChanges, openCall, startedBy] = await Promise.all([
        repository.details(tool.id),
        repository.assessmentsWithAssessor(tool.id),
        repository.organisationRoles(tool.id),
        tool.replaced_by_tool_id === null ? undefined : repository.nameOf(tool.replaced_by_tool_id),
        index && version !== undefined ? index.neighbours(version, tool.id, 6, successorId) : undefined,
        audit.entityHistory('tool', tool.id),
        repository.pilotsOf(tool.id),
        repository.adoptionsOf(tool.id),
        repository.statusChanges(tool.id),
        options.openCall ? options.openCall(tool.id) : undefined,
        options.startedBy ? options.startedBy(tool.id) : undefined,
      ])
      // Without the index (off, or being read): the SQL, which lists a tool once as well.
      const related = neighbours?.related ?? (await repository.related(tool.id, 6))
      const similar = neighbours?.similar ?? (await repository.similar(tool.id, 6, [...related.map((r) => r.id), ...(successorId === undefined ? [] : [successorId])]))
      return { tool, ...details, assessments, organisationRoles, successor, related, similar, history, pilots, adoptions, statusChanges, openCall, startedBy }
    },

    /** The current slug of a tool that was renamed or merged away from this one; undefined when there is none. */
    movedTo: (slug: string) => repository.redirectFor(slug),

    /** The catalogue's current version: anything derived from the catalogue may be reused while it holds. */
    catalogueVersion,

    /** Something may have changed through this instance: read the version again on the next request. */
    invalidateVersion() {
      generation++
      knownVersion = undefined
    },

    /** Builds the search index now (after start-up), so the first searches need not fall back to SQL. */
    warmSearchIndex: () => index?.warm() ?? Promise.resolve(),

    /** What the search index holds (the benchmark reports it). */
    searchIndexStatus: () => index?.status(),

    /** Live counts for the home page. */
    homeCounts: () => repository.counts(),
  }
}
export type ToolsService = ReturnType<typeof createToolsService>
export type ToolDetails = Awaited<ReturnType<ToolsService['getTool']>>
