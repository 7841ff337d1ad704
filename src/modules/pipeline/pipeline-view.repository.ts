import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'

export interface StageToolRow {
  id: number
  slug: string
  name_nl: string | null
  name_en: string | null
  status: string
  origin: string
  form: string
}

/**
 * Reads for the pipeline view (/tools/pipeline): the tools before they are available, with their owners, pilots and
 * open calls. Only reads: tools and roles are written by the tools module, pilots and calls by the pipeline's.
 */
export function createPipelineViewRepository(db: Database) {
  return {
    /** How many tools each of these statuses has. */
    async stageCounts(statuses: readonly string[]): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('tools')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('status', 'in', [...statuses])
        .groupBy('status')
        .execute()
      return new Map(rows.map((r) => [r.status, Number(r.n)]))
    },

    /** The first `perStage` tools of each status, by name. */
    async toolsInStages(statuses: readonly string[], perStage: number): Promise<StageToolRow[]> {
      const { rows } = await sql<StageToolRow>`
        select id, slug, name_nl, name_en, status, origin, form from (
          select t.id, t.slug, t.name_nl, t.name_en, t.status, t.origin, t.form,
            row_number() over (partition by t.status order by lower(coalesce(t.name_nl, t.name_en)), t.id) as n
          from tools t where t.status = any(${[...statuses]}::text[])
        ) ranked
        where n <= ${perStage}
        order by lower(coalesce(name_nl, name_en)), id`.execute(db)
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },

    /** The owners of these tools, whether each is a City Deal partner (the gate asks). */
    ownersOf: (toolIds: number[]) =>
      toolIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('tool_organisations as r')
            .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
            .select(['r.tool_id', 'o.slug', 'o.name', 'o.is_city_deal_partner'])
            .where('r.tool_id', 'in', toolIds)
            .where('r.role', '=', 'owner')
            .orderBy('o.name')
            .execute(),

    /** The pilots of these tools with their municipality, the furthest along first. */
    pilotsOf: (toolIds: number[]) =>
      toolIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('pilots as p')
            .innerJoin('organisations as o', 'o.id', 'p.municipality_id')
            .select(['p.tool_id', 'o.slug', 'o.name', 'p.status', 'p.outcome', 'p.completed_on'])
            .where('p.tool_id', 'in', toolIds)
            .orderBy(sql`array_position(array['completed', 'running', 'committed', 'interested', 'withdrawn'], p.status)`)
            .orderBy('o.name')
            .execute(),

    /** The open calls of these tools (open, and not past their closing date), the newest first. */
    openCallsOf: (toolIds: number[]) =>
      toolIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('tool_calls as c')
            .select(['c.id', 'c.tool_id', 'c.opens_on', 'c.closes_on', 'c.municipalities_needed', sql<number>`(select count(*)::int from call_answers a where a.call_id = c.id and a.status = 'accepted')`.as('accepted')])
            .where('c.tool_id', 'in', toolIds)
            .where('c.status', '=', 'open')
            .where((eb) => eb.or([eb('c.closes_on', 'is', null), eb('c.closes_on', '>=', sql<string>`current_date`)]))
            .orderBy('c.opens_on', 'desc')
            .orderBy('c.id', 'desc')
            .execute(),
  }
}
export type PipelineViewRepository = ReturnType<typeof createPipelineViewRepository>
