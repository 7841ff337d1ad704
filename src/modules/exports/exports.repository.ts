import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Executor } from '../../db/transaction.ts'

/**
 * Bulk reads of whole tools for the open-data tables (CSV, JSON) and publiccode.yml: one query per table for a set of
 * tools, never one per tool. Reads only; the tools module owns these tables.
 */
export function createExportsRepository(db: Database) {
  /** All tools, or these: a condition on the tool_id column of the table or alias given. */
  const scope = (ids: readonly number[] | undefined, column = 'tool_id') =>
    ids === undefined ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = any(${[...ids]}::bigint[])`

  return {
    /** The tools (every one, or these), by slug. */
    tools: (ids?: readonly number[], x: Executor = db) =>
      x
        .selectFrom('tools')
        .select([
          'id', 'slug', 'name_nl', 'name_en', 'description_nl', 'description_en', 'process_question_nl', 'process_question_en',
          'occasion_nl', 'occasion_en', 'category', 'form', 'status', 'origin', 'licence', 'licence_not_applicable', 'website_url',
          'languages', 'started_on', 'available_on', 'retired_on', 'created_at', 'updated_at',
        ])
        .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.length > 0 ? [...ids!] : [0]))
        .orderBy('slug')
        .execute(),

    /** The first software tool by name, with its name in either language. */
    firstSoftware: async (x: Executor = db) => {
      const row = await x
        .selectFrom('tools')
        .select(['slug', sql<string>`coalesce(name_nl, name_en, slug)`.as('name')])
        .where('form', '=', 'software')
        .orderBy(sql`lower(coalesce(name_nl, name_en))`)
        .limit(1)
        .executeTakeFirst()
      return row
    },

    /** Every tool's id and slug (the import looks its rows up here). */
    slugIds: (x: Executor = db) => x.selectFrom('tools').select(['id', 'slug']).execute(),

    /** Every organisation's id, name and CBS code, with each of its other names as a row of its own. */
    organisationNames: async (x: Executor = db) => {
      const { rows } = await sql<{ id: number; name: string; cbs_code: string | null; alias: boolean }>`
        select o.id, o.name, o.cbs_code, false as alias from organisations o where o.merged_into_id is null
        union all
        select o.id, a.alias, null, true from organisation_aliases a join organisations o on o.id = a.organisation_id where o.merged_into_id is null`.execute(x)
      return rows
    },

    /** A tool's id by its slug; undefined for none. */
    idOfSlug: async (slug: string, x: Executor = db) => (await x.selectFrom('tools').select('id').where('slug', '=', slug).executeTakeFirst())?.id,

    async children(ids?: readonly number[], x: Executor = db) {
      const where = scope(ids)
      const [processes, themes, sdg, assessments, links, aliases, organisations, pilots, adoptions, mims] = await Promise.all([
        sql<{ tool_id: number; value: string }>`select tool_id, process as value from tool_processes where ${where} order by process`.execute(x),
        sql<{ tool_id: number; value: string }>`select tool_id, criterion_code as value from tool_themes where ${where} order by criterion_code`.execute(x),
        sql<{ tool_id: number; value: string }>`select tool_id, target_code as value from tool_sdg_targets where ${where} order by target_code`.execute(x),
        sql<{ tool_id: number; criterion_code: string; rating: string }>`
          select tool_id, criterion_code, rating from tool_assessments where ${where} order by criterion_code`.execute(x),
        sql<{ tool_id: number; kind: string; url: string; title_nl: string | null; title_en: string | null; language: string | null }>`
          select tool_id, kind, url, title_nl, title_en, language from tool_links where ${where} order by position, id`.execute(x),
        sql<{ tool_id: number; alias: string; kind: string }>`select tool_id, alias, kind from tool_aliases where ${where} order by alias`.execute(x),
        sql<{ tool_id: number; role: string; name: string; slug: string; kind: string; cbs_code: string | null }>`
          select x.tool_id, x.role, o.name, o.slug, o.kind, o.cbs_code
          from tool_organisations x join organisations o on o.id = x.organisation_id
          where ${scope(ids, 'x.tool_id')} order by x.role, lower(o.name), o.id`.execute(x),
        sql<{ tool_id: number; status: string; name: string; slug: string; cbs_code: string | null }>`
          select p.tool_id, p.status, o.name, o.slug, o.cbs_code
          from pilots p join organisations o on o.id = p.municipality_id
          where ${scope(ids, 'p.tool_id')} order by lower(o.name), o.id`.execute(x),
        sql<{ tool_id: number; name: string; slug: string; cbs_code: string | null }>`
          select a.tool_id, o.name, o.slug, o.cbs_code
          from adoptions a join organisations o on o.id = a.organisation_id
          where ${scope(ids, 'a.tool_id')} order by lower(o.name), o.id`.execute(x),
        sql<{ tool_id: number; mim_code: string; relation: string }>`select tool_id, mim_code, relation from tool_mims where ${where} order by mim_code`.execute(x),
      ])
      return {
        processes: processes.rows,
        themes: themes.rows,
        sdg: sdg.rows,
        assessments: assessments.rows,
        links: links.rows,
        aliases: aliases.rows,
        organisations: organisations.rows,
        pilots: pilots.rows,
        adoptions: adoptions.rows,
        mims: mims.rows,
      }
    },
  }
}
export type ExportsRepository = ReturnType<typeof createExportsRepository>
