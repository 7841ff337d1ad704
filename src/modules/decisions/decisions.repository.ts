import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DecisionOutcome, VoteChoice } from '../../db/schema-partners.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

/** Decisions of the partners and their votes: their SQL (this module owns decisions and decision_votes). */
export function createDecisionsRepository(db: Database) {
  const withProposal = (x: Executor) =>
    x
      .selectFrom('decisions as d')
      .innerJoin('proposals as p', 'p.id', 'd.proposal_id')
      .leftJoin('tools as t', 't.id', 'd.tool_id')
      .leftJoin('gatherings as g', 'g.id', 'd.gathering_id')
      .selectAll('d')
      .select(['p.title as proposal_title', 'p.locale as proposal_locale', 'p.status as proposal_status', 't.slug as tool_slug', 't.name_nl as tool_name_nl', 't.name_en as tool_name_en'])
      .select(['g.slug as gathering_slug', 'g.title_nl as gathering_title_nl', 'g.title_en as gathering_title_en', 'g.starts_at as gathering_starts_at'])

  return {
    /** Opens a vote; one with a last day closes at the end of that day in the Netherlands. */
    create: (trx: Tx, values: { proposal_id: number; closes_on: string | null; quorum_percent: number; opened_by_user_id: number; gathering_id: number | null }) => {
      const { closes_on, ...rest } = values
      const closesAt = closes_on === null ? null : sql<Date>`((${closes_on}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`
      return trx.insertInto('decisions').values({ ...rest, closes_at: closesAt }).returningAll().executeTakeFirstOrThrow()
    },

    /** The open decision on a proposal, if any (at most one is open: a unique rule). */
    openFor: (proposalId: number, x: Executor = db) => x.selectFrom('decisions').selectAll().where('proposal_id', '=', proposalId).where('closed_at', 'is', null).executeTakeFirst(),

    findById: (id: number, x: Executor = db) => withProposal(x).where('d.id', '=', id).executeTakeFirst(),

    /**
     * The decision row, locked: a vote and the close take this lock first, so one waits for the other and then sees
     * whether the vote is still open (a vote is never counted after the close).
     */
    lock: (trx: Tx, id: number) => trx.selectFrom('decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    list: (x: Executor = db) => withProposal(x).orderBy(sql`d.closed_at is null`, 'desc').orderBy('d.opened_at', 'desc').limit(500).execute(),

    ofProposal: (proposalId: number, x: Executor = db) => withProposal(x).where('d.proposal_id', '=', proposalId).orderBy('d.id', 'desc').execute(),

    /** The decisions opened at a gathering, in the order they were opened. */
    ofGathering: (gatheringId: number, x: Executor = db) => withProposal(x).where('d.gathering_id', '=', gatheringId).orderBy('d.id').execute(),

    /** Open votes whose last day has passed: they close by themselves. */
    dueToClose: (now: Date, x: Executor = db) => x.selectFrom('decisions').select('id').where('closed_at', 'is', null).where('closes_at', '<=', now).orderBy('closes_at').limit(100).execute(),

    /** Open votes closing within the window that have not been reminded of yet. */
    dueForReminder: (now: Date, until: Date, x: Executor = db) =>
      x.selectFrom('decisions').select('id').where('closed_at', 'is', null).where('reminded_at', 'is', null).where('closes_at', '>', now).where('closes_at', '<=', until).orderBy('closes_at').limit(100).execute(),

    markReminded: (trx: Tx, id: number) => trx.updateTable('decisions').set({ reminded_at: sql`now()` }).where('id', '=', id).execute(),

    /** The decision that started a tool (the tool page links to it). */
    ofTool: (toolId: number, x: Executor = db) => withProposal(x).where('d.tool_id', '=', toolId).executeTakeFirst(),

    votes: (decisionId: number, x: Executor = db) =>
      x
        .selectFrom('decision_votes as v')
        .innerJoin('organisations as o', 'o.id', 'v.organisation_id')
        .select(['v.organisation_id', 'o.name as organisation_name', 'o.slug as organisation_slug', 'v.choice', 'v.cast_at'])
        .where('v.decision_id', '=', decisionId)
        .orderBy(sql`lower(o.name)`)
        .execute(),

    voteOf: (decisionId: number, organisationId: number, x: Executor = db) =>
      x.selectFrom('decision_votes').selectAll().where('decision_id', '=', decisionId).where('organisation_id', '=', organisationId).executeTakeFirst(),

    /** One vote per organisation: a later one by any of its members replaces the earlier (the primary key holds). */
    saveVote: (trx: Tx, values: { decision_id: number; organisation_id: number; choice: VoteChoice; user_id: number }) =>
      trx
        .insertInto('decision_votes')
        .values(values)
        .onConflict((oc) => oc.columns(['decision_id', 'organisation_id']).doUpdateSet({ choice: values.choice, user_id: values.user_id, cast_at: sql`now()` }))
        .returningAll()
        .executeTakeFirstOrThrow(),

    close: (trx: Tx, id: number, values: { outcome: DecisionOutcome; eligible: number; votes_for: number; votes_against: number; votes_abstain: number; closed_by_user_id: number | null; tool_id: number | null }) =>
      trx
        .updateTable('decisions')
        .set({ ...values, closed_at: sql`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
  }
}
export type DecisionsRepository = ReturnType<typeof createDecisionsRepository>
