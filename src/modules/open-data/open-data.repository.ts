import type { Database } from '../../db/database.ts'

/**
 * Reads of the whole catalogue for the open-data export, table by table (one query each, however many tools), so the
 * export costs a fixed number of queries. Reads only: the tools module writes these tables.
 */
export function createOpenDataRepository(db: Database) {
  return {
    async catalogue() {
      const [tools, processes, themes, sdg, principles, links, roles, pilots, adoptions, mims, aliases] = await Promise.all([
        db
          .selectFrom('tools')
          .select([
            'id',
            'slug',
            'name_nl',
            'name_en',
            'description_nl',
            'description_en',
            'category',
            'form',
            'status',
            'licence',
            'licence_not_applicable',
            'website_url',
            'started_on',
            'available_on',
            'languages',
            'created_at',
            'updated_at',
          ])
          .orderBy('id')
          .execute(),
        db.selectFrom('tool_processes').select(['tool_id', 'process']).orderBy('tool_id').orderBy('process').execute(),
        db.selectFrom('tool_themes').select(['tool_id', 'criterion_code']).orderBy('tool_id').orderBy('criterion_code').execute(),
        db.selectFrom('tool_sdg_targets').select(['tool_id', 'target_code']).orderBy('tool_id').orderBy('target_code').execute(),
        // Principles and preconditions the tool meets, as its assessment says.
        db
          .selectFrom('tool_assessments as a')
          .innerJoin('criteria as c', 'c.code', 'a.criterion_code')
          .select(['a.tool_id', 'a.criterion_code', 'c.family'])
          .where('a.rating', '=', 'meets')
          .where('c.family', 'in', ['principle', 'precondition'])
          .orderBy('a.tool_id')
          .orderBy('a.criterion_code')
          .execute(),
        db.selectFrom('tool_links').select(['tool_id', 'kind', 'url', 'title_nl', 'title_en', 'language']).orderBy('tool_id').orderBy('position').orderBy('id').execute(),
        db
          .selectFrom('tool_organisations as x')
          .innerJoin('organisations as o', 'o.id', 'x.organisation_id')
          .select(['x.tool_id', 'x.role', 'x.involvement', 'o.slug', 'o.name', 'o.website_url'])
          .orderBy('x.tool_id')
          .orderBy('x.role')
          .orderBy('o.name')
          .execute(),
        db
          .selectFrom('pilots as p')
          .innerJoin('organisations as o', 'o.id', 'p.municipality_id')
          .select(['p.tool_id', 'o.slug', 'o.name', 'o.website_url'])
          .where('p.status', '<>', 'withdrawn')
          .orderBy('p.tool_id')
          .orderBy('o.name')
          .execute(),
        db
          .selectFrom('adoptions as a')
          .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
          .select(['a.tool_id', 'o.slug', 'o.name', 'o.website_url'])
          .orderBy('a.tool_id')
          .orderBy('o.name')
          .execute(),
        db.selectFrom('tool_mims').select(['tool_id', 'mim_code', 'relation']).orderBy('tool_id').orderBy('mim_code').execute(),
        db.selectFrom('tool_aliases').select(['tool_id', 'alias', 'language']).orderBy('tool_id').orderBy('alias').execute(),
      ])
      return { tools, processes, themes, sdg, principles, links, roles, pilots, adoptions, mims, aliases }
    },

    /** The catalogue's version (bumped by triggers on every change): the export is cached per version. */
    async catalogueVersion(): Promise<number> {
      const row = await db.selectFrom('catalogue_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow()
      return Number(row.version)
    },
  }
}
export type OpenDataRepository = ReturnType<typeof createOpenDataRepository>
export type CatalogueRows = Awaited<ReturnType<OpenDataRepository['catalogue']>>
