import { sql, type Insertable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { ProposalsTable, ProposalStatus, ResponseKind } from '../../db/schema-partners.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

export type NewProposal = Omit<Insertable<ProposalsTable>, 'id' | 'status' | 'merged_into_id' | 'status_reason' | 'tool_id' | 'version' | 'created_at' | 'updated_at'>

/** Proposals that can still become a tool (they are still candidates for the duplicate check). */
export const OPEN_PROPOSAL_STATUSES = ['submitted', 'on_agenda'] as const

/** Tool proposals, the organisations' responses and the comments: their SQL (this module owns those tables). */
export function createProposalsRepository(db: Database) {
  const withNames = (x: Executor) =>
    x
      .selectFrom('proposals as p')
      .innerJoin('organisations as by', 'by.id', 'p.proposed_by_organisation_id')
      .leftJoin('organisations as owner', 'owner.id', 'p.proposed_owner_id')
      .leftJoin('tools as t', 't.id', 'p.tool_id')
      .leftJoin('proposals as into', 'into.id', 'p.merged_into_id')
      .selectAll('p')
      .select(['by.name as proposed_by_name', 'owner.name as proposed_owner_name', 't.slug as tool_slug', 'into.title as merged_into_title', 'into.locale as merged_into_locale'])

  return {
    create: (trx: Tx, values: NewProposal) => trx.insertInto('proposals').values(values).returningAll().executeTakeFirstOrThrow(),

    addMunicipalities: async (trx: Tx, proposalId: number, ids: readonly number[]) => {
      if (ids.length > 0) await trx.insertInto('proposal_municipalities').values([...new Set(ids)].map((municipality_id) => ({ proposal_id: proposalId, municipality_id }))).execute()
    },

    findById: (id: number, x: Executor = db) => withNames(x).where('p.id', '=', id).executeTakeFirst(),

    /** The proposal, locked: a change of status and a vote's close on it are taken one after the other. */
    lockById: (trx: Tx, id: number) => trx.selectFrom('proposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    list: (x: Executor = db) =>
      withNames(x)
        .select([
          sql<number>`(select count(*)::int from proposal_responses r where r.proposal_id = p.id)`.as('responses'),
          sql<number>`(select count(*)::int from proposal_comments c where c.proposal_id = p.id)`.as('comments'),
        ])
        .orderBy(sql`case when p.status in ('submitted', 'on_agenda') then 0 else 1 end`)
        .orderBy('p.created_at', 'desc')
        .limit(500)
        .execute(),

    /** The proposals a curator may put on a gathering's agenda: submitted, not yet on one. */
    submitted: (x: Executor = db) => x.selectFrom('proposals').select(['id', 'title', 'locale']).where('status', '=', 'submitted').orderBy('created_at', 'desc').limit(300).execute(),

    /** The proposals still open, as candidates for the duplicate check of a new one. */
    openForMatching: (x: Executor = db) =>
      x.selectFrom('proposals').select(['id', 'title', 'summary', 'locale', 'status']).where('status', 'in', OPEN_PROPOSAL_STATUSES).orderBy('id', 'desc').limit(300).execute(),

    municipalities: (proposalId: number, x: Executor = db) =>
      x
        .selectFrom('proposal_municipalities as pm')
        .innerJoin('organisations as o', 'o.id', 'pm.municipality_id')
        .select(['o.id', 'o.name', 'o.slug'])
        .where('pm.proposal_id', '=', proposalId)
        .orderBy(sql`lower(o.name)`)
        .execute(),

    responses: (proposalId: number, x: Executor = db) =>
      x
        .selectFrom('proposal_responses as r')
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['r.organisation_id', 'o.kind as organisation_kind', 'o.name as organisation_name', 'o.slug as organisation_slug', 'r.kind', 'r.updated_at'])
        .where('r.proposal_id', '=', proposalId)
        .orderBy(sql`lower(o.name)`)
        .execute(),

    responseOf: (proposalId: number, organisationId: number, x: Executor = db) =>
      x.selectFrom('proposal_responses').selectAll().where('proposal_id', '=', proposalId).where('organisation_id', '=', organisationId).executeTakeFirst(),

    /** One response per organisation: a second one (by any of its members, at any moment) replaces the first. */
    saveResponse: (trx: Tx, values: { proposal_id: number; organisation_id: number; kind: ResponseKind; user_id: number }) =>
      trx
        .insertInto('proposal_responses')
        .values(values)
        .onConflict((oc) => oc.columns(['proposal_id', 'organisation_id']).doUpdateSet({ kind: values.kind, user_id: values.user_id, updated_at: new Date() }))
        .returningAll()
        .executeTakeFirstOrThrow(),

    comments: (proposalId: number, x: Executor = db) =>
      x
        .selectFrom('proposal_comments as c')
        .leftJoin('users as u', 'u.id', 'c.user_id')
        .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select(['c.id', 'c.body', 'c.locale', 'c.created_at', 'u.name as author_name', 'o.name as organisation_name'])
        .where('c.proposal_id', '=', proposalId)
        .orderBy('c.id')
        .execute(),

    addComment: (trx: Tx, values: { proposal_id: number; user_id: number; organisation_id: number | null; body: string; locale: 'nl' | 'en' }) =>
      trx.insertInto('proposal_comments').values(values).returningAll().executeTakeFirstOrThrow(),

    setStatus: (trx: Tx, id: number, status: ProposalStatus, extra: { merged_into_id?: number | null; tool_id?: number | null; status_reason?: string | null } = {}) =>
      trx
        .updateTable('proposals')
        .set((eb) => ({ status, ...extra, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The proposal that became a tool (the tool page links back to it). */
    ofTool: (toolId: number, x: Executor = db) => x.selectFrom('proposals').select(['id', 'title', 'locale']).where('tool_id', '=', toolId).executeTakeFirst(),
  }
}
export type ProposalsRepository = ReturnType<typeof createProposalsRepository>
