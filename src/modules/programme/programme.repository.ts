import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

/** The columns an administrator sets on the programme. */
export interface ProgrammeValues {
  name: string
  starts_on: string
  signing_on: string
  target_content: number
  target_governance: number
  target_started_in_year: number
  target_started_at_signing: number
}

/** A City Deal tool with what the programme page counts of it (one row per tool). */
export interface ProgrammeToolRow {
  id: number
  category: string
  status: string
  /** The first day it reached "selected" or a later lifecycle status (tool_status_changes); null if never. */
  started_on: string | null
  owners: number
  partner_owners: number
  /** Municipalities with a committed, running or completed pilot; and those completed with an outcome. */
  committed: number
  results: number
  languages: string[]
}

/** The statuses from which a tool counts as started: selected, or any later step of the lifecycle. */
const STARTED = ['selected', 'in_development', 'testing', 'available', 'secured']

/**
 * The programme record (this module owns the table `programme`) and the reads behind /programme: City Deal tools
 * with their status history, owners, pilots and languages; partners; municipalities that test or use tools; open
 * calls. The reads join other modules' tables; nothing here writes them.
 */
export function createProgrammeRepository(db: Database) {
  return {
    get: (x: Executor = db) => x.selectFrom('programme').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),

    lock: (trx: Tx) => trx.selectFrom('programme').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow(),

    update: (trx: Tx, values: ProgrammeValues) =>
      trx
        .updateTable('programme')
        .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
        .where('id', '=', 1)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Stores the figures of a day; a second one of the same kind that day replaces the first. */
    saveSnapshot: (snapshot: { takenOn: string; kind: 'monthly' | 'manual'; figures: object }, x: Executor = db) =>
      x
        .insertInto('programme_snapshots')
        .values({ taken_on: snapshot.takenOn, kind: snapshot.kind, figures: JSON.stringify(snapshot.figures) })
        .onConflict((oc) => oc.columns(['taken_on', 'kind']).doUpdateSet({ figures: JSON.stringify(snapshot.figures), taken_at: sql<Date>`now()` }))
        .returning(['id', 'taken_on', 'kind'])
        .executeTakeFirstOrThrow(),

    /** The latest snapshot taken on or before a day (the latest of that day, if several). */
    snapshotAsOf: (day: string) =>
      db.selectFrom('programme_snapshots').select(['taken_on', 'figures']).where('taken_on', '<=', day).orderBy('taken_on', 'desc').orderBy('taken_at', 'desc').limit(1).executeTakeFirst(),

    /** The days with a snapshot, the newest first. */
    async snapshotDays(limit = 48): Promise<string[]> {
      const rows = await db.selectFrom('programme_snapshots').select('taken_on').distinct().orderBy('taken_on', 'desc').limit(limit).execute()
      return rows.map((r) => r.taken_on)
    },

    /** Whether a monthly snapshot was stored on or after this day. */
    async monthlySince(day: string): Promise<boolean> {
      const row = await db.selectFrom('programme_snapshots').select('id').where('kind', '=', 'monthly').where('taken_on', '>=', day).limit(1).executeTakeFirst()
      return row !== undefined
    },

    /** Every City Deal tool with the facts the targets and the gate are counted from. */
    async cityDealTools(): Promise<ProgrammeToolRow[]> {
      const { rows } = await sql<ProgrammeToolRow>`
        select t.id, t.category, t.status, t.languages,
          (select min(s.changed_on) from tool_status_changes s where s.tool_id = t.id and s.status = any(${STARTED}::text[]))::text as started_on,
          (select count(*)::int from tool_organisations r where r.tool_id = t.id and r.role = 'owner') as owners,
          (select count(*)::int from tool_organisations r join organisations o on o.id = r.organisation_id
            where r.tool_id = t.id and r.role = 'owner' and o.is_city_deal_partner) as partner_owners,
          (select count(distinct p.municipality_id)::int from pilots p where p.tool_id = t.id and p.status in ('committed', 'running', 'completed')) as committed,
          (select count(distinct p.municipality_id)::int from pilots p where p.tool_id = t.id and p.status = 'completed' and p.outcome is not null) as results
        from tools t
        where t.origin = 'city_deal'
        order by t.id`.execute(db)
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },

    /** City Deal partners (organisations that are not merged away), counted by kind. */
    partnersByKind: () =>
      db
        .selectFrom('organisations')
        .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where('is_city_deal_partner', '=', true)
        .where('merged_into_id', 'is', null)
        .groupBy('kind')
        .execute(),

    /**
     * Municipalities that test a tool (a committed, running or completed pilot) or use one (an adoption), counted by
     * the province they lie in (its name; null where the province is not known).
     */
    async municipalitiesByProvince(): Promise<{ province: string | null; n: number }[]> {
      const { rows } = await sql<{ province: string | null; n: number }>`
        select pv.name as province, count(*)::int as n
        from organisations m
        left join organisations pv on pv.kind = 'province' and pv.cbs_code = m.province_code and pv.merged_into_id is null
        where m.kind = 'municipality' and m.merged_into_id is null
          and (exists (select 1 from pilots p where p.municipality_id = m.id and p.status in ('committed', 'running', 'completed'))
            or exists (select 1 from adoptions a where a.organisation_id = m.id))
        group by pv.name
        order by pv.name nulls last`.execute(db)
      return rows
    },

    /**
     * The most active organisations: by the tools they take part in (a role, a committed, running or completed pilot,
     * or an adoption), each tool once, the most first; ties by name.
     */
    async mostActive(limit: number): Promise<{ slug: string; name: string; n: number }[]> {
      const { rows } = await sql<{ slug: string; name: string; n: number }>`
        select o.slug, o.name, count(distinct x.tool_id)::int as n
        from organisations o
        join (
          select organisation_id, tool_id from tool_organisations
          union all select municipality_id, tool_id from pilots where status in ('committed', 'running', 'completed')
          union all select organisation_id, tool_id from adoptions
        ) x on x.organisation_id = o.id
        join tools t on t.id = x.tool_id and t.status <> 'retired'
        where o.merged_into_id is null
        group by o.id, o.slug, o.name
        order by n desc, o.name
        limit ${limit}`.execute(db)
      return rows
    },

    /**
     * Tools in the toolbox at the end of each month from `from` to this month (today for this month), by origin: a tool
     * counts when its last dated status change on or before that day is not "retired".
     */
    async growth(from: string): Promise<{ day: string; origin: string; n: number }[]> {
      const { rows } = await sql<{ day: string; origin: string; n: number }>`
        select m.day::text as day, t.origin, count(*)::int as n
        from generate_series(date_trunc('month', ${from}::date), date_trunc('month', current_date), interval '1 month') as g (start)
        cross join lateral (select least((g.start + interval '1 month' - interval '1 day')::date, current_date) as day) m
        join tools t on true
        join lateral (
          select s.status from tool_status_changes s where s.tool_id = t.id and s.changed_on <= m.day
          order by s.changed_on desc, s.changed_at desc, s.id desc limit 1
        ) last on last.status <> 'retired'
        group by m.day, t.origin
        order by m.day, t.origin`.execute(db)
      return rows
    },

    /** Open calls for test municipalities, as /calls lists them: open, not past their closing date, of a tool not retired. */
    async openCalls(): Promise<number> {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from tool_calls c join tools t on t.id = c.tool_id
        where c.status = 'open' and (c.closes_on is null or c.closes_on >= current_date) and t.status <> 'retired'`.execute(db)
      return rows[0]?.n ?? 0
    },
  }
}
export type ProgrammeRepository = ReturnType<typeof createProgrammeRepository>
