// The demonstration's writes that no service makes (decision 0021): records as they stand after months of use
// (dated status changes, finished pilots, closed votes, past gatherings with minutes, earlier programme snapshots).
// Used only by the demonstration seed (src/demo/seed.ts), never by the running toolbox.
import { hash } from '@node-rs/argon2'
import { sql, type Insertable } from 'kysely'
import type { Database } from '../db/database.ts'
import type { DB } from '../db/schema.ts'

type Row<T extends keyof DB> = Insertable<DB[T]>

/** argon2id as the accounts module stores passwords. */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export interface DemoTool {
  slug: string
  nameNl: string
  nameEn: string
  descriptionNl: string
  descriptionEn: string
  form: string
  status: string
  origin: string
  category?: string
  /** Organisations by CBS code and role (owner, organising_party, partner …). */
  roles?: { cbsCode: string; role: string }[]
  /** Pilots by CBS code. */
  pilots?: { cbsCode: string; status: 'committed' | 'running' | 'completed'; outcome?: 'worked' | 'did_not_work' | 'partly'; lessonsNl?: string; lessonsEn?: string; completedOn?: string }[]
  /** Dated status changes: [status, day]. */
  history?: [string, string][]
}

export function createDemoRepository(db: Database) {
  const organisationId = async (cbsCode: string) => (await db.selectFrom('organisations').select('id').where('cbs_code', '=', cbsCode).executeTakeFirstOrThrow()).id
  return {
    organisationId,
    organisationIdBySlug: async (slug: string) => (await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id,
    toolId: async (slug: string) => (await db.selectFrom('tools').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id,

    /** Whether the demonstration is already in this database (its first fictional organisation exists). */
    seeded: async (slug: string) => !!(await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst()),

    /** A fictional organisation, a City Deal partner since `since`. */
    async partnerOrganisation(input: { slug: string; name: string; kind: string; websiteUrl: string; since: string }) {
      const org = await db.insertInto('organisations').values({ slug: input.slug, name: input.name, kind: input.kind, website_url: input.websiteUrl, is_city_deal_partner: true }).returning('id').executeTakeFirstOrThrow()
      await db.insertInto('partnerships').values({ organisation_id: org.id, since: input.since }).execute()
      return org.id
    },

    /** An account with a known password (demonstration accounts only). */
    async user(input: { email: string; name: string; role: 'partner' | 'curator' | 'admin'; organisationId: number | null; locale: 'nl' | 'en'; password: string }) {
      const user = await db
        .insertInto('users')
        .values({ email: input.email, name: input.name, role: input.role, organisation_id: input.organisationId, locale: input.locale, password_hash: await hash(input.password, ARGON2_OPTIONS) })
        .returning('id')
        .executeTakeFirstOrThrow()
      return user.id
    },

    /** A tool with its organisations, pilots and dated lifecycle; search and facet columns refreshed. */
    async tool(input: DemoTool) {
      const tool = await db
        .insertInto('tools')
        .values({
          slug: input.slug,
          name_nl: input.nameNl,
          name_en: input.nameEn,
          description_nl: input.descriptionNl,
          description_en: input.descriptionEn,
          category: input.category ?? 'content',
          form: input.form,
          status: input.status,
          origin: input.origin,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const r of input.roles ?? []) await db.insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: await organisationId(r.cbsCode), role: r.role }).execute()
      for (const p of input.pilots ?? []) {
        await db
          .insertInto('pilots')
          .values({ tool_id: tool.id, municipality_id: await organisationId(p.cbsCode), status: p.status, outcome: p.outcome ?? null, lessons_nl: p.lessonsNl ?? null, lessons_en: p.lessonsEn ?? null, completed_on: p.completedOn ?? null })
          .execute()
      }
      for (const [status, on] of input.history ?? []) await db.insertInto('tool_status_changes').values({ tool_id: tool.id, status, changed_on: on, changed_at: new Date(`${on}T12:00:00Z`) }).execute()
      await sql`select tool_refresh_derived(${[tool.id]}::bigint[])`.execute(db)
      return tool.id
    },

    async assessments(rows: Row<'tool_assessments'>[]) {
      await db.insertInto('tool_assessments').values(rows).execute()
    },
    async retire(toolId: number, values: { retired_on: string; retired_reason_nl: string; retired_reason_en: string; replaced_by_tool_id: number }) {
      await db.updateTable('tools').set({ status: 'retired', ...values }).where('id', '=', toolId).execute()
    },
    slugRedirect: (slug: string, toolId: number) => db.insertInto('tool_slug_redirects').values({ slug, tool_id: toolId }).execute(),
    setInvolvement: (toolId: number, organisationId: number, involvement: string) =>
      db.updateTable('tool_organisations').set({ involvement }).where('tool_id', '=', toolId).where('organisation_id', '=', organisationId).execute(),
    call: async (row: Row<'tool_calls'>) => (await db.insertInto('tool_calls').values(row).returning('id').executeTakeFirstOrThrow()).id,
    adoption: (row: Row<'adoptions'>) => db.insertInto('adoptions').values(row).execute(),
    involvementRequest: (row: Row<'involvement_requests'>) => db.insertInto('involvement_requests').values(row).execute(),
    /** Search and facet columns of every tool, as the app keeps them. */
    refreshAll: () => sql`select tool_refresh_derived(array(select id from tools))`.execute(db),

    proposal: async (row: Row<'proposals'>) => (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id,
    proposalResponses: (rows: Row<'proposal_responses'>[]) => db.insertInto('proposal_responses').values(rows).execute(),
    decision: async (row: Row<'decisions'>) => (await db.insertInto('decisions').values(row).returning('id').executeTakeFirstOrThrow()).id,
    /** The organisations that are partners today, in a fixed order (by slug). */
    partnerIds: async () =>
      (await db.selectFrom('partnerships').innerJoin('organisations', 'organisations.id', 'partnerships.organisation_id').select('organisations.id').where('partnerships.until', 'is', null).orderBy('organisations.slug').execute()).map((r) => r.id),
    setDecisionGathering: (decisionId: number, gatheringId: number) => db.updateTable('decisions').set({ gathering_id: gatheringId }).where('id', '=', decisionId).execute(),
    votes: (rows: Row<'decision_votes'>[]) => db.insertInto('decision_votes').values(rows).execute(),

    gathering: async (row: Row<'gatherings'>) => (await db.insertInto('gatherings').values(row).returning('id').executeTakeFirstOrThrow()).id,
    agendaItem: async (row: Row<'gathering_agenda_items'>) => (await db.insertInto('gathering_agenda_items').values(row).returning('id').executeTakeFirstOrThrow()).id,
    gatheringDocument: (row: Row<'gathering_documents'>) => db.insertInto('gathering_documents').values(row).execute(),
    attendance: (rows: Row<'gathering_attendance'>[]) => db.insertInto('gathering_attendance').values(rows).execute(),

    /** A programme snapshot of an earlier day (the programme service stores only today's). */
    snapshot: (takenOn: string, figures: object) =>
      db.insertInto('programme_snapshots').values({ taken_on: takenOn, taken_at: new Date(`${takenOn}T09:00:00Z`), kind: 'manual', figures: JSON.stringify(figures) }).execute(),
    /** Removes the monthly snapshot stored on a day (counted while the seed was half done). */
    forgetMonthlySnapshotOf: (day: string) => db.deleteFrom('programme_snapshots').where('taken_on', '=', day).where('kind', '=', 'monthly').execute(),
  }
}

export type DemoRepository = ReturnType<typeof createDemoRepository>
