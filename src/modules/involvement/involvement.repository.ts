import type { Database } from '../../db/database.ts'
import type { InvolvementRequestsTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

type Involvement = InvolvementRequestsTable['involvement']

/** Requests of partners to be involved in an initiative of others: their SQL (this module owns involvement_requests). */
export function createInvolvementRepository(db: Database) {
  /** Requests with their organisation and who asked (a read of the accounts' users). */
  const withOrganisation = (x: Executor) =>
    x
      .selectFrom('involvement_requests as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'r.requested_by_user_id').on('u.active', '=', true))
      .select(['r.id', 'r.tool_id', 'r.organisation_id', 'o.name as organisation_name', 'r.involvement', 'r.note', 'r.status', 'r.created_at', 'u.email as requester_email', 'u.locale as requester_locale'])

  return {
    /**
     * A new open request, unless the organisation has one open for this tool already (then undefined: the partial
     * unique index decides, so two requests at once cannot both be open).
     */
    create: (trx: Tx, values: { tool_id: number; organisation_id: number; requested_by_user_id: number; involvement: Involvement; note: string | null }) =>
      trx
        .insertInto('involvement_requests')
        .values(values)
        .onConflict((oc) => oc.columns(['tool_id', 'organisation_id']).where('status', '=', 'open').doNothing())
        .returningAll()
        .executeTakeFirst(),

    /** The open requests of a tool, oldest first. */
    openFor: (toolId: number, x: Executor = db) => withOrganisation(x).where('r.tool_id', '=', toolId).where('r.status', '=', 'open').orderBy('r.created_at').orderBy('r.id').execute(),

    /** A request of this tool, locked for the decision. */
    lockForTool: (trx: Tx, toolId: number, id: number) => withOrganisation(trx).where('r.tool_id', '=', toolId).where('r.id', '=', id).forUpdate('r').executeTakeFirst(),

    decide: (trx: Tx, id: number, status: 'accepted' | 'declined') =>
      trx.updateTable('involvement_requests').set({ status, decided_at: new Date() }).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst(),
  }
}
export type InvolvementRepository = ReturnType<typeof createInvolvementRepository>
