import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

/** A partnership covers a day when it started on or before it and has not ended before it. */
const covers = (day: string) => sql<boolean>`p.since <= ${day}::date and (p.until is null or p.until >= ${day}::date)`

/** Which organisations are City Deal partners, since and until when: their SQL (this module owns partnerships). */
export function createPartnershipsRepository(db: Database) {
  const withOrganisation = (x: Executor) =>
    x
      .selectFrom('partnerships as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.organisation_id', 'p.since', 'p.until', 'o.name as organisation_name', 'o.slug as organisation_slug', 'o.kind as organisation_kind'])

  return {
    /** Every partnership, current and former, by organisation name and then period. */
    list: (x: Executor = db) => withOrganisation(x).orderBy(sql`lower(o.name)`).orderBy('p.since').execute(),

    /** The organisation's partnerships, locked: a second change to them waits (the organisation row is locked first). */
    lockOf: (trx: Tx, organisationId: number) => trx.selectFrom('partnerships as p').selectAll('p').where('p.organisation_id', '=', organisationId).orderBy('p.since').forUpdate().execute(),

    /** Locks the organisation whose partnerships change, so that two changes at once are taken one after the other. */
    lockOrganisation: (trx: Tx, organisationId: number) =>
      trx.selectFrom('organisations').select(['id', 'name', 'merged_into_id']).where('id', '=', organisationId).forUpdate().executeTakeFirst(),

    findById: (id: number, x: Executor = db) => withOrganisation(x).where('p.id', '=', id).executeTakeFirst(),

    create: (trx: Tx, values: { organisation_id: number; since: string; until: string | null }) => trx.insertInto('partnerships').values(values).returningAll().executeTakeFirstOrThrow(),

    setUntil: (trx: Tx, id: number, until: string | null) => trx.updateTable('partnerships').set({ until }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    /** Whether the organisation is a partner on the day. */
    isPartnerOn: async (organisationId: number, day: string, x: Executor = db) =>
      !!(await x.selectFrom('partnerships as p').select('p.id').where('p.organisation_id', '=', organisationId).where(covers(day)).executeTakeFirst()),

    /** The organisations that are partners on the day, by name. */
    partnersOn: (day: string, x: Executor = db) =>
      x
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name', 'o.slug'])
        .where('o.merged_into_id', 'is', null)
        .where(({ exists, selectFrom }) => exists(selectFrom('partnerships as p').select('p.id').whereRef('p.organisation_id', '=', 'o.id').where(covers(day))))
        .orderBy(sql`lower(o.name)`)
        .execute(),

    /**
     * Keeps organisations.is_city_deal_partner equal to "a partner today" (decision 0015): the flag is what the
     * catalogue, the pipeline and the programme read. Only rows that differ are written.
     */
    refreshFlags: async (trx: Tx, day: string) => {
      const current = sql<boolean>`(o.merged_into_id is null and exists (select 1 from partnerships p where p.organisation_id = o.id and ${covers(day)}))`
      await sql`update organisations o set is_city_deal_partner = ${current} where o.is_city_deal_partner <> ${current}`.execute(trx)
    },
  }
}
export type PartnershipsRepository = ReturnType<typeof createPartnershipsRepository>
