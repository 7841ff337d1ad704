import { sql, type Insertable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { CallAnswersTable, ToolCallsTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

/** What an owner writes in a call: what is asked, the effort, the period and how many municipalities are wanted. */
export type CallValues = Pick<Insertable<ToolCallsTable>, 'asked_nl' | 'asked_en' | 'effort_nl' | 'effort_en' | 'opens_on' | 'closes_on' | 'municipalities_needed'>
export type AnswerValues = Omit<Insertable<CallAnswersTable>, 'id' | 'status' | 'created_at' | 'decided_at' | 'pilot_id'>

/** A call is open while its status says so and its closing date (if any) has not passed. */
const stillOpen = sql<boolean>`c.status = 'open' and (c.closes_on is null or c.closes_on >= current_date)`

/** Calls for test municipalities and their answers: their SQL (this module owns tool_calls and call_answers). */
export function createCallsRepository(db: Database) {
  /** Calls with how many answers they have and how many of those were accepted. */
  const withCounts = (x: Executor) =>
    x
      .selectFrom('tool_calls as c')
      .selectAll('c')
      .select([
        sql<number>`(select count(*)::int from call_answers a where a.call_id = c.id and a.status = 'accepted')`.as('accepted'),
        sql<number>`(select count(*)::int from call_answers a where a.call_id = c.id and a.status = 'open')`.as('waiting'),
      ])

  /** Answers with their municipality, and who answered (a member's account or the public form's contact). */
  const answersQuery = (x: Executor) =>
    x
      .selectFrom('call_answers as a')
      .innerJoin('organisations as o', 'o.id', 'a.municipality_id')
      .leftJoin('users as u', 'u.id', 'a.answered_by_user_id')
      .select([
        'a.id',
        'a.call_id',
        'a.municipality_id',
        'o.name as municipality_name',
        'o.slug as municipality_slug',
        'a.source',
        'a.note',
        'a.status',
        'a.locale',
        'a.created_at',
        'a.decided_at',
        'a.contact_name',
        'a.contact_email',
        'u.name as member_name',
        'u.email as member_email',
        'u.locale as member_locale',
      ])

  return {
    /** The open call of a tool (at most one is open at a time), with its counts. */
    openFor: (toolId: number, x: Executor = db) => withCounts(x).where('c.tool_id', '=', toolId).where(stillOpen).orderBy('c.id', 'desc').executeTakeFirst(),

    /** The call of a tool that is open, or was last (to show an owner what it asked), locked for a change. */
    lockLatest: (trx: Tx, toolId: number) => trx.selectFrom('tool_calls as c').selectAll('c').where('c.tool_id', '=', toolId).orderBy('c.id', 'desc').forUpdate().executeTakeFirst(),

    /** The open calls of the catalogue, those closing first first, with their tool. */
    listOpen: (limit = 200, x: Executor = db) =>
      withCounts(x)
        .innerJoin('tools as t', 't.id', 'c.tool_id')
        .select(['t.slug', 't.name_nl', 't.name_en', 't.status as tool_status'])
        .where(stillOpen)
        .where('t.status', '<>', 'retired')
        .orderBy(sql`c.closes_on asc nulls last`)
        .orderBy('c.opens_on', 'desc')
        .orderBy('c.id')
        .limit(limit)
        .execute(),

    create: (trx: Tx, toolId: number, values: CallValues) => trx.insertInto('tool_calls').values({ ...values, tool_id: toolId }).returningAll().executeTakeFirstOrThrow(),

    update: (trx: Tx, id: number, values: CallValues) =>
      trx
        .updateTable('tool_calls')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    close: (trx: Tx, id: number) =>
      trx
        .updateTable('tool_calls')
        .set((eb) => ({ status: 'closed' as const, closed_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Every answer to a call, the oldest first. */
    answers: (callId: number, x: Executor = db) => answersQuery(x).where('a.call_id', '=', callId).orderBy('a.created_at').orderBy('a.id').execute(),

    /** A municipality's answer to a call, if it gave one. */
    answerOf: (callId: number, municipalityId: number, x: Executor = db) =>
      answersQuery(x).where('a.call_id', '=', callId).where('a.municipality_id', '=', municipalityId).executeTakeFirst(),

    /**
     * A new answer, unless the municipality answered this call already (then undefined: the unique rule on call and
     * municipality decides, so two answers at once cannot both be kept).
     */
    createAnswer: (trx: Tx, values: AnswerValues) =>
      trx
        .insertInto('call_answers')
        .values(values)
        .onConflict((oc) => oc.columns(['call_id', 'municipality_id']).doNothing())
        .returningAll()
        .executeTakeFirst(),

    /** An answer to a call of this tool, locked for the decision. */
    lockAnswer: (trx: Tx, toolId: number, id: number) =>
      answersQuery(trx)
        .innerJoin('tool_calls as c', 'c.id', 'a.call_id')
        .where('c.tool_id', '=', toolId)
        .where('a.id', '=', id)
        .forUpdate('a')
        .executeTakeFirst(),

    decideAnswer: (trx: Tx, id: number, status: 'accepted' | 'declined', pilotId: number | null) =>
      trx
        .updateTable('call_answers')
        .set({ status, decided_at: new Date(), pilot_id: pilotId })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirst(),
  }
}
export type CallsRepository = ReturnType<typeof createCallsRepository>
