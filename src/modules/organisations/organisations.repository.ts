import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/schema.ts'

/** SQL for organisations and for moving everything of one organisation to another (merge). */
export function createOrganisationsRepository(db: Database) {
  return {
    db,
    findById: (id: number, x: Database | Transaction<DB> = db) => x.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Lists organisations with how many tools and users each has; municipalities only when they take part. */
    list: () =>
      db
        .selectFrom('organisations as o')
        .select([
          'o.id',
          'o.slug',
          'o.name',
          'o.kind',
          'o.cbs_code',
          'o.is_city_deal_partner',
          sql<number>`(select count(*)::int from tool_organisations x where x.organisation_id = o.id)`.as('tools'),
          sql<number>`(select count(*)::int from users u where u.organisation_id = o.id)`.as('users'),
        ])
        .where('o.merged_into_id', 'is', null)
        .where((eb) => eb.or([eb('o.kind', 'not in', ['municipality', 'province']), eb('o.is_city_deal_partner', '=', true), sql<boolean>`exists (select 1 from tool_organisations x where x.organisation_id = o.id)`]))
        .orderBy(sql`lower(o.name)`)
        .execute(),
    /** Every organisation, for choosing one (partner members, merge targets). */
    options: () => db.selectFrom('organisations').select(['id', 'name', 'kind', 'cbs_code']).where('merged_into_id', 'is', null).orderBy(sql`lower(name)`).execute(),
    slugTaken: async (slug: string, x: Database | Transaction<DB>) => !!(await x.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst()),
    cbsCodeTaken: async (code: string, exceptId: number | undefined, x: Database | Transaction<DB>) =>
      !!(await x.selectFrom('organisations').select('id').where('cbs_code', '=', code).$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!)).executeTakeFirst()),

    /**
     * Moves tool roles and users from source to target (keeping the target's role where both had one). The
     * source stays, marked as merged, because the audit log keeps referring to it.
     */
    async moveToAndMarkMerged(trx: Transaction<DB>, sourceId: number, targetId: number) {
      const affectedTools = await trx.selectFrom('tool_organisations').select('tool_id').where('organisation_id', '=', sourceId).execute()
      await sql`
        update tool_organisations x set organisation_id = ${targetId}
        where x.organisation_id = ${sourceId}
          and not exists (select 1 from tool_organisations y where y.tool_id = x.tool_id and y.role = x.role and y.organisation_id = ${targetId})`.execute(trx)
      await trx.deleteFrom('tool_organisations').where('organisation_id', '=', sourceId).execute()
      await trx.updateTable('users').set({ organisation_id: targetId }).where('organisation_id', '=', sourceId).execute()
      await trx.updateTable('organisations').set({ merged_into_id: targetId, is_city_deal_partner: false, updated_at: new Date() }).where('id', '=', sourceId).execute()
      const ids = [...new Set(affectedTools.map((t) => t.tool_id))]
      if (ids.length > 0) await sql`select tool_refresh_derived(${ids}::bigint[])`.execute(trx)
      return ids.length
    },
  }
}
export type OrganisationsRepository = ReturnType<typeof createOrganisationsRepository>
