import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'

/** A tool as the home page's "recently added" list shows it. */
export interface RecentTool {
  slug: string
  name_nl: string | null
  name_en: string | null
  form: string
  created_at: Date
}

/**
 * Reads for the home page (the tools module owns the tables): how many tools each process and ethical theme has,
 * counted from the same facet keys the catalogue filters on, and the newest tools. Every tool is public.
 */
export function createHomeRepository(db: Database) {
  return {
    /** Tools per `process:…` and `theme:…` facet key. */
    async browseCounts(): Promise<Map<string, number>> {
      const { rows } = await sql<{ key: string; n: number }>`
        select k as key, count(*)::int as n from tools t cross join lateral unnest(t.facet_keys) as k
        where k like 'process:%' or k like 'theme:%' group by k`.execute(db)
      return new Map(rows.map((r) => [r.key, r.n]))
    },
    /** The tools added last, newest first. */
    recentlyAdded: (limit: number): Promise<RecentTool[]> =>
      db.selectFrom('tools').select(['slug', 'name_nl', 'name_en', 'form', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
  }
}
export type HomeRepository = ReturnType<typeof createHomeRepository>
