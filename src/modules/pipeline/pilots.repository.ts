import { sql, type Insertable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { AdoptionsTable, PilotsTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

/** What a pilot holds beyond its tool and municipality. */
export type PilotValues = Omit<Insertable<PilotsTable>, 'tool_id' | 'municipality_id' | 'id' | 'version' | 'created_at' | 'updated_at'>
export type AdoptionValues = Omit<Insertable<AdoptionsTable>, 'tool_id' | 'organisation_id' | 'id' | 'created_at' | 'updated_at'>

/** Pilots (a tool tested in a municipality) and adoptions (an organisation that uses a tool): their SQL. */
export function createPilotsRepository(db: Database) {
  return {
    /** What the gate weighs: the tool's owners (partners or not) and its pilots. */
    async gateFacts(toolId: number, x: Executor = db) {
      const [owners, pilots] = await Promise.all([
        x
          .selectFrom('tool_organisations as r')
          .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
          .select(['o.name', 'o.is_city_deal_partner'])
          .where('r.tool_id', '=', toolId)
          .where('r.role', '=', 'owner')
          .orderBy('o.name')
          .execute(),
        x
          .selectFrom('pilots as p')
          .innerJoin('organisations as o', 'o.id', 'p.municipality_id')
          .select(['o.name', 'p.status', 'p.outcome'])
          .where('p.tool_id', '=', toolId)
          .orderBy('o.name')
          .execute(),
      ])
      return {
        owners: owners.map((o) => ({ name: o.name, isPartner: o.is_city_deal_partner })),
        pilots: pilots.map((p) => ({ municipality: p.name, status: p.status, outcome: p.outcome })),
      }
    },

    /** The version of a municipality's pilot of a tool (an edit form carries it), if there is one. */
    versionOf: async (toolId: number, municipalityId: number, x: Executor = db) =>
      (await x.selectFrom('pilots').select('version').where('tool_id', '=', toolId).where('municipality_id', '=', municipalityId).executeTakeFirst())?.version,

    /** Locks a tool's pilots for the rest of the transaction. */
    lockForTool: (trx: Tx, toolId: number) => trx.selectFrom('pilots').selectAll().where('tool_id', '=', toolId).forUpdate().execute(),

    /** Creates or changes the pilot of a tool in a municipality (one each: the database refuses a second). */
    save: (trx: Tx, toolId: number, municipalityId: number, values: PilotValues) =>
      trx
        .insertInto('pilots')
        .values({ ...values, tool_id: toolId, municipality_id: municipalityId })
        .onConflict((oc) => oc.columns(['tool_id', 'municipality_id']).doUpdateSet((eb) => ({ ...values, version: eb('pilots.version', '+', 1), updated_at: new Date() })))
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** A new committed pilot, unless the municipality has one already (then nothing changes: undefined). */
    createIfAbsent: (trx: Tx, toolId: number, municipalityId: number, values: PilotValues) =>
      trx
        .insertInto('pilots')
        .values({ ...values, tool_id: toolId, municipality_id: municipalityId })
        .onConflict((oc) => oc.columns(['tool_id', 'municipality_id']).doNothing())
        .returningAll()
        .executeTakeFirst(),

    /** Removes the pilots of a tool in municipalities that are not in the list. */
    removeOthers: (trx: Tx, toolId: number, keepMunicipalityIds: number[]) =>
      trx
        .deleteFrom('pilots')
        .where('tool_id', '=', toolId)
        .$if(keepMunicipalityIds.length > 0, (q) => q.where('municipality_id', 'not in', keepMunicipalityIds))
        .execute(),

    /** A tool merged into another: its pilots and adoptions move along where the other has none for that organisation. */
    async moveToTool(trx: Tx, fromToolId: number, toToolId: number) {
      await sql`
        update pilots p set tool_id = ${toToolId}
        where p.tool_id = ${fromToolId}
          and not exists (select 1 from pilots q where q.tool_id = ${toToolId} and q.municipality_id = p.municipality_id)`.execute(trx)
      await sql`
        update adoptions a set tool_id = ${toToolId}
        where a.tool_id = ${fromToolId}
          and not exists (select 1 from adoptions b where b.tool_id = ${toToolId} and b.organisation_id = a.organisation_id)`.execute(trx)
    },

    saveAdoption: (trx: Tx, toolId: number, organisationId: number, values: AdoptionValues) =>
      trx
        .insertInto('adoptions')
        .values({ ...values, tool_id: toolId, organisation_id: organisationId })
        .onConflict((oc) => oc.columns(['tool_id', 'organisation_id']).doUpdateSet({ ...values, updated_at: new Date() }))
        .returningAll()
        .executeTakeFirstOrThrow(),

    removeAdoption: (trx: Tx, toolId: number, organisationId: number) => trx.deleteFrom('adoptions').where('tool_id', '=', toolId).where('organisation_id', '=', organisationId).execute(),
  }
}
export type PilotsRepository = ReturnType<typeof createPilotsRepository>
