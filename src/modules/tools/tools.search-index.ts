import { VersionedLru } from '../../lib/lru-cache.ts'
import { releaseFreedMemory } from '../../lib/memory.ts'
import { parseVector, SearchIndexBuilder, type SearchIndex } from './search-index/build.ts'
import { relatedInIndex, searchIndex, similarInIndex, type IndexItem } from './search-index/query.ts'
import type { ToolsIndexRepository, WordLexemes } from './tools.index.repository.ts'
import type { SearchParams, SearchRow, TermAnalysis, ToolsRepository } from './tools.repository.ts'

// Keeps the in-process search index (decision 0023) in step with the database: an index serves only the
// catalogue version it was read at. When the version moves on, a small catalogue is read again before the
// search answers; a large one is read in the background while the SQL search answers (undefined below).

/** Tools read per statement while building (on PGlite another request waits for one such read at most). */
const CHUNK = 2_500
/** Below this many tools the index is read again before answering (up to a few hundred ms); from it on in the background. */
const INLINE_BELOW = 5_000
/** Bounds of the caches of word analyses (per catalogue version) and word stems (dictionaries do not change). */
const MAX_CACHED_WORDS = 50_000
/**
 * List rows (names, short descriptions) kept per catalogue version, the most recently shown first: about 7 MB at
 * this bound. A page's rows by id were the largest part of a search page on PGlite (about 1 ms of 2.5).
 */
const MAX_CACHED_ROWS = 10_000

export interface SearchIndexKeeperOptions {
  /** Off: every search goes to SQL, as before decision 0023. */
  enabled: boolean
  /** A background build failed (it is tried again at the next search). */
  onError?: (error: unknown) => void
}

/**
 * The lexeme a word matches by in one configuration: none (a stop word) or one. A hyphenated word (ai-verordening)
 * is a phrase in to_tsquery, the whole word followed by its parts; the parser emits the parts right after the
 * whole word, so a tool matches the phrase exactly when it has the whole word's lexeme. Otherwise undefined.
 */
function compound(lexemes: string[]): string[] | undefined {
  if (lexemes.length <= 1) return lexemes
  const whole = lexemes.reduce((a, b) => (b.length > a.length ? b : a))
  return whole.includes('-') && lexemes.every((l) => whole.includes(l)) ? [whole] : undefined
}

type Repository = ToolsIndexRepository & Pick<ToolsRepository, 'analyseTerms' | 'catalogueVersion'>

export function createSearchIndexKeeper(repository: Repository, options: SearchIndexKeeperOptions) {
  let current: SearchIndex | undefined
  let building: Promise<SearchIndex> | undefined
  let analyses = { version: -1, words: new Map<string, TermAnalysis>() }
  const stems = new Map<string, WordLexemes>()
  const rowCache = new VersionedLru<SearchRow>(MAX_CACHED_ROWS)
  let lastBuildMs = 0
  let lastReleaseMs = 0
  /** Searches and similar-tools lookups the index answered, and those it left to SQL. */
  const served = { index: 0, sql: 0 }

  async function build(): Promise<SearchIndex> {
    const started = performance.now()
    const version = await repository.catalogueVersion()
    const builder = new SearchIndexBuilder(current?.size ?? (await repository.toolCount()))
    let after = 0
    for (;;) {
      const rows = await repository.indexChunk(after, CHUNK)
      if (rows.length === 0) break
      builder.add(rows)
      after = rows[rows.length - 1]!.id
      if (rows.length < CHUNK) break
    }
    const index = builder.finish(version, await repository.indexOrders())
    if (!current || index.version >= current.version) current = index
    lastBuildMs = performance.now() - started
    // What reading a large catalogue left (about 250 MB at 100k tools) would otherwise stay in the process for good.
    if (index.size >= INLINE_BELOW) lastReleaseMs = releaseFreedMemory()
    return index
  }

  function startBuild(): Promise<SearchIndex> {
    building ??= build().finally(() => {
      building = undefined
    })
    return building
  }

  /** The index for this catalogue version, or undefined when the SQL search must answer. */
  async function ready(version: number): Promise<SearchIndex | undefined> {
    if (!options.enabled) return undefined
    for (let attempt = 0; attempt < 2; attempt++) {
      if (current && current.version === version) return current
      // The caller's version may lag (it is reused for a while): a newer index is not rebuilt for it.
      if (current && current.version > version) return undefined
      const inline = (current ? current.size : await repository.toolCount()) < INLINE_BELOW
      const pending = startBuild()
      if (!inline) {
        pending.catch((error: unknown) => options.onError?.(error))
        return undefined
      }
      try {
        await pending
      } catch (error) {
        options.onError?.(error)
        return undefined
      }
    }
    return current?.version === version ? current : undefined
  }

  /**
   * The list rows of these tools at this catalogue version (a tool gone meanwhile is missing), from the cache where
   * it has them and else in one read. Rows are frozen: they are shared by every page that shows them.
   */
  async function rowsOf(version: number, ids: readonly number[]): Promise<Map<number, SearchRow>> {
    const found = new Map<number, SearchRow>()
    const missing: number[] = []
    for (const id of ids) {
      const row = rowCache.get(String(id), version)
      if (row === undefined) missing.push(id)
      else found.set(id, row)
    }
    if (missing.length === 0) return found
    const keep = missing.length <= MAX_CACHED_ROWS / 4 // an export of the whole catalogue passes by the cache
    for (const row of await repository.rowsByIds(missing)) {
      const frozen = Object.freeze(row)
      found.set(row.id, frozen)
      if (keep) rowCache.set(String(row.id), version, frozen)
    }
    return found
  }

  /** The list rows of each list of scored tools, in their order, read at once (a tool gone meanwhile is left out). */
  async function withRows(version: number, lists: { id: number; score: number }[][]): Promise<(SearchRow & { score: number })[][]> {
    const rows = await rowsOf(version, lists.flat().map((f) => f.id))
    return lists.map((found) =>
      found.flatMap((f) => {
        const row = rows.get(f.id)
        return row ? [{ ...row, score: f.score }] : []
      }),
    )
  }

  async function lexemesOf(words: string[]): Promise<Map<string, WordLexemes>> {
    const missing = [...new Set(words)].filter((w) => !stems.has(w))
    if (missing.length > 0) {
      if (stems.size > MAX_CACHED_WORDS) stems.clear()
      for (const row of await repository.lexemes(missing)) stems.set(row.word, row)
    }
    return new Map(words.map((w) => [w, stems.get(w)!]))
  }

  return {
    /** Whether searches may use the index at all (SEARCH_INDEX). */
    enabled: options.enabled,

    /** analyseTerms, remembered per word for one catalogue version (the vocabulary changes with the catalogue). */
    async analyse(version: number, tokens: string[]): Promise<TermAnalysis[]> {
      if (!options.enabled) return repository.analyseTerms(tokens)
      if (analyses.version !== version || analyses.words.size > MAX_CACHED_WORDS) analyses = { version, words: new Map() }
      const cache = analyses.words
      const missing = tokens.filter((t) => !cache.has(t))
      if (missing.length > 0) for (const a of await repository.analyseTerms(missing)) cache.set(a.token, a)
      return tokens.map((t) => cache.get(t)!)
    },

    /** The search from the index, or undefined when the SQL search must answer (index off, stale or unsure). */
    async search(version: number, params: SearchParams): Promise<{ rows: SearchRow[]; facetCounts: Map<string, number> } | undefined> {
      const index = await ready(version)
      if (!index) {
        served.sql++
        return undefined
      }
      const lexemes = await lexemesOf(params.termGroups.flatMap((g) => g.words))
      const groups: IndexItem[][] = []
      for (const group of params.termGroups) {
        const items: IndexItem[] = []
        for (const [i, word] of group.words.entries()) {
          const l = lexemes.get(word)
          const own = l && [compound(l.dutch), compound(l.english), compound(l.simple)]
          if (!own || own.includes(undefined)) {
            served.sql++
            return undefined
          }
          for (const lexeme of own.flat()) if (lexeme !== undefined) items.push({ lexeme, prefix: group.prefix && i === 0 })
        }
        groups.push(items)
      }
      const phrase = params.phrase
      // ASCII needs no unaccent, and lower() of ASCII is ASCII's: otherwise the database normalises.
      const exactName = phrase === undefined ? undefined : /^[\x20-\x7e]*$/.test(phrase) ? phrase.toLowerCase() : await repository.normalise(phrase)
      const allowed = await repository.pipelineMatches(params)
      const result = searchIndex(index, { groups, exactName, filters: params.filters, allowed, sort: params.sort, limit: params.limit, offset: params.offset })
      const byId = await rowsOf(index.version, result.ids)
      served.index++
      return { rows: result.ids.map((id) => byId.get(id)).filter((r): r is SearchRow => r !== undefined), facetCounts: result.facetCounts }
    },

    /**
     * A tool page's "from the same organisations" and "similar tools" over the whole catalogue, from the index, with
     * one read of the tool's words and one of the rows of both lists; undefined when the SQL must answer. A tool is
     * listed once: not again under similar when it is related, or when it is this tool's successor.
     */
    async neighbours(version: number, toolId: number, limit: number, successorId: number | undefined): Promise<{ related: (SearchRow & { score: number })[]; similar: (SearchRow & { score: number })[] } | undefined> {
      const index = await ready(version)
      if (!index) {
        served.sql++
        return undefined
      }
      served.index++
      const related = relatedInIndex(index, toolId, limit)
      const words: { lexeme: string; weights: number }[] = []
      parseVector((await repository.vectorOf(toolId)) ?? '', (lexeme, _score, weights) => words.push({ lexeme, weights }))
      const exclude = [...related.map((r) => r.id), ...(successorId === undefined ? [] : [successorId])]
      const similar = similarInIndex(index, toolId, limit, exclude, words)
      const [relatedRows, similarRows] = await withRows(index.version, [related, similar])
      return { related: relatedRows!, similar: similarRows! }
    },

    /** Builds the index now (e.g. right after start-up), so the first search need not wait or fall back. */
    warm: async (): Promise<void> => {
      if (options.enabled) await startBuild()
    },

    /** What the index holds, for the benchmark. */
    status: () => ({ version: current?.version, tools: current?.size ?? 0, lexemes: current?.lexemes.length ?? 0, postings: current?.postDocs.length ?? 0, lastBuildMs, lastReleaseMs, served: { ...served } }),
  }
}
export type SearchIndexKeeper = ReturnType<typeof createSearchIndexKeeper>
