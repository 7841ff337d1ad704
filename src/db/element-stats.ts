import { sql } from 'kysely'
import type { Database } from './database.ts'

export interface ElementStats {
  /** About how many tools hold this element (a word of search_vector, a key of facet_keys). */
  estimate(element: string): number
  /** About how many tools there are. */
  rows: number
}

const TTL_MS = 10 * 60_000
/** Below this many tools no statistics are needed: everything is cheap. */
const ANALYZE_FROM = 2000

/**
 * How common each element of an array or tsvector column of `tools` is, from the planner's statistics
 * (pg_stats.most_common_elems), read at most every ten minutes. An element not listed is rarer than the least
 * common listed one. PGlite has no autovacuum: a large catalogue that was never analysed is analysed once.
 */
export function toolElementStats(db: Database, column: 'search_vector' | 'facet_keys') {
  let cached: { loadedAt: number; stats: ElementStats } | undefined
  let loading: Promise<ElementStats> | undefined

  async function load(): Promise<ElementStats> {
    const read = () =>
      sql<{ elems: string[] | null; freqs: number[] | null; rows: number }>`
        select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs,
          greatest((select reltuples from pg_class where oid = 'tools'::regclass), 0)::float8 as rows
        from pg_stats s where s.schemaname = current_schema() and s.tablename = 'tools' and s.attname = ${column}`.execute(db)
    let { rows } = await read()
    if (rows.length === 0) {
      const count = await db.selectFrom('tools').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      if (Number(count.n) > ANALYZE_FROM) {
        await sql`analyze tools`.execute(db)
        rows = (await read()).rows
      }
    }
    const row = rows[0]
    const elems = row?.elems ?? []
    const freqs = (row?.freqs ?? []).map(Number)
    const frequency = new Map(elems.map((e, i) => [e, freqs[i] ?? 0]))
    // After the per-element frequencies come their minimum and maximum.
    const rarest = freqs[elems.length] ?? 0
    const total = Number(row?.rows ?? 0)
    return { estimate: (element) => (frequency.get(element) ?? rarest / 2) * total, rows: total }
  }

  return async (): Promise<ElementStats> => {
    if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached.stats
    loading ??= load()
      .then((stats) => {
        cached = { loadedAt: Date.now(), stats }
        return stats
      })
      .finally(() => {
        loading = undefined
      })
    return loading
  }
}
