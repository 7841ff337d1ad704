import type { Database } from '../../db/database.ts'

/** A tool as a feed entry shows it: both languages, its form and category, when it came and last changed. */
export interface FeedTool {
  id: number
  slug: string
  name_nl: string | null
  name_en: string | null
  description_nl: string | null
  description_en: string | null
  form: string
  category: string
  created_at: Date
  updated_at: Date
}

/**
 * Reads for the feeds and the sitemap (tools and organisations are written by their own modules): every tool and
 * organisation is public, so nothing is filtered out.
 */
export function createFindableRepository(db: Database) {
  return {
    /** The tools changed most recently, newest first. */
    recentTools: (limit: number): Promise<FeedTool[]> =>
      db
        .selectFrom('tools')
        .select(['id', 'slug', 'name_nl', 'name_en', 'description_nl', 'description_en', 'form', 'category', 'created_at', 'updated_at'])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    /** Every tool page's slug and when it last changed, by slug. */
    toolPages: () => db.selectFrom('tools').select(['slug', 'updated_at']).orderBy('slug').execute(),

    /** Every organisation's page and when it last changed (a merged duplicate redirects: left out), by slug. */
    organisationPages: () => db.selectFrom('organisations').select(['slug', 'updated_at']).where('merged_into_id', 'is', null).orderBy('slug').execute(),
  }
}
export type FindableRepository = ReturnType<typeof createFindableRepository>
