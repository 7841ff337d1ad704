import { sql, type Insertable, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { GatheringsTable } from '../../db/schema-partners.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

export type GatheringValues = Pick<Insertable<GatheringsTable>, 'title_nl' | 'title_en' | 'starts_at' | 'ends_at' | 'place' | 'online_url'>

/** Gatherings, their agenda, documents, registrations and attendance: their SQL (this module owns those tables). */
export function createGatheringsRepository(db: Database) {
  return {
    create: (trx: Tx, values: GatheringValues & { slug: string }) => trx.insertInto('gatherings').values(values).returningAll().executeTakeFirstOrThrow(),

    slugTaken: async (slug: string, x: Executor = db) => !!(await x.selectFrom('gatherings').select('id').where('slug', '=', slug).executeTakeFirst()),

    update: (trx: Tx, id: number, values: Updateable<GatheringsTable>) =>
      trx
        .updateTable('gatherings')
        .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    bySlug: (slug: string, x: Executor = db) => x.selectFrom('gatherings').selectAll().where('slug', '=', slug).executeTakeFirst(),

    /** The gathering, locked: changes to it, its agenda and its registrations are taken one after the other. */
    lock: (trx: Tx, id: number) => trx.selectFrom('gatherings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    /** Every gathering with how many organisations registered; the page splits them into coming and past. */
    list: (x: Executor = db) =>
      x
        .selectFrom('gatherings as g')
        .selectAll('g')
        .select(sql<number>`(select count(distinct r.organisation_id)::int from gathering_registrations r where r.gathering_id = g.id)`.as('organisations'))
        .orderBy('g.starts_at', 'desc')
        .limit(500)
        .execute(),

    agenda: (gatheringId: number, x: Executor = db) =>
      x
        .selectFrom('gathering_agenda_items as a')
        .leftJoin('proposals as p', 'p.id', 'a.proposal_id')
        .select(['a.id', 'a.parent_id', 'a.position', 'a.title_nl', 'a.title_en', 'a.proposal_id', 'p.title as proposal_title', 'p.locale as proposal_locale', 'p.status as proposal_status'])
        .where('a.gathering_id', '=', gatheringId)
        .orderBy('a.position')
        .execute(),

    /** The agenda item that puts this proposal to the partners at a gathering, if any. */
    agendaItemOf: (proposalId: number, x: Executor = db) =>
      x
        .selectFrom('gathering_agenda_items as a')
        .innerJoin('gatherings as g', 'g.id', 'a.gathering_id')
        .select(['a.id', 'a.gathering_id', 'g.slug', 'g.title_nl', 'g.title_en', 'g.starts_at'])
        .where('a.proposal_id', '=', proposalId)
        .orderBy('g.starts_at', 'desc')
        .executeTakeFirst(),

    /** Replaces the agenda: main items first get their ids, then their sub-items name them. */
    async replaceAgenda(trx: Tx, gatheringId: number, rows: { titleNl: string; titleEn: string; level: 'main' | 'sub'; proposal?: number | undefined }[]) {
      await trx.deleteFrom('gathering_agenda_items').where('gathering_id', '=', gatheringId).execute()
      let parent: number | null = null
      for (const [index, row] of rows.entries()) {
        const saved: { id: number } = await trx
          .insertInto('gathering_agenda_items')
          .values({ gathering_id: gatheringId, position: index + 1, title_nl: row.titleNl, title_en: row.titleEn, proposal_id: row.proposal ?? null, parent_id: row.level === 'sub' ? parent : null })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (row.level === 'main') parent = saved.id
      }
    },

    appendAgendaItem: async (trx: Tx, gatheringId: number, values: { title_nl: string; title_en: string; proposal_id: number }) => {
      const last = await trx.selectFrom('gathering_agenda_items').select(sql<number>`coalesce(max(position), 0)::int`.as('max')).where('gathering_id', '=', gatheringId).executeTakeFirstOrThrow()
      return trx.insertInto('gathering_agenda_items').values({ ...values, gathering_id: gatheringId, position: last.max + 1 }).returningAll().executeTakeFirstOrThrow()
    },

    agendaItem: (gatheringId: number, itemId: number, x: Executor = db) => x.selectFrom('gathering_agenda_items').selectAll().where('gathering_id', '=', gatheringId).where('id', '=', itemId).executeTakeFirst(),

    documents: (gatheringId: number, x: Executor = db) => x.selectFrom('gathering_documents').select(['id', 'title', 'url']).where('gathering_id', '=', gatheringId).orderBy('position').execute(),

    async replaceDocuments(trx: Tx, gatheringId: number, rows: { title: string; url: string }[]) {
      await trx.deleteFrom('gathering_documents').where('gathering_id', '=', gatheringId).execute()
      if (rows.length > 0) await trx.insertInto('gathering_documents').values(rows.map((r, i) => ({ gathering_id: gatheringId, position: i + 1, title: r.title, url: r.url }))).execute()
    },

    /** Who attends, with their organisation, by organisation name and then person. */
    registrations: (gatheringId: number, x: Executor = db) =>
      x
        .selectFrom('gathering_registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['r.user_id', 'u.name as user_name', 'r.organisation_id', 'o.name as organisation_name', 'o.slug as organisation_slug'])
        .where('r.gathering_id', '=', gatheringId)
        .orderBy(sql`lower(o.name)`)
        .orderBy(sql`lower(u.name)`)
        .execute(),

    /** Replaces who of one organisation attends. */
    async replaceRegistrations(trx: Tx, gatheringId: number, organisationId: number, userIds: number[], byUserId: number) {
      await trx.deleteFrom('gathering_registrations').where('gathering_id', '=', gatheringId).where('organisation_id', '=', organisationId).execute()
      if (userIds.length > 0) {
        await trx
          .insertInto('gathering_registrations')
          .values(userIds.map((user_id) => ({ gathering_id: gatheringId, user_id, organisation_id: organisationId, registered_by_user_id: byUserId })))
          .execute()
      }
    },

    /** The active members of an organisation who can sign in (a registration names them). */
    colleagues: (organisationId: number, x: Executor = db) =>
      x.selectFrom('users').select(['id', 'name']).where('organisation_id', '=', organisationId).where('active', '=', true).where('password_hash', 'is not', null).orderBy(sql`lower(name)`).execute(),

    attendance: (gatheringId: number, x: Executor = db) =>
      x
        .selectFrom('gathering_attendance as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select(['o.id', 'o.name', 'o.slug'])
        .where('a.gathering_id', '=', gatheringId)
        .orderBy(sql`lower(o.name)`)
        .execute(),

    async replaceAttendance(trx: Tx, gatheringId: number, organisationIds: number[]) {
      await trx.deleteFrom('gathering_attendance').where('gathering_id', '=', gatheringId).execute()
      if (organisationIds.length > 0) await trx.insertInto('gathering_attendance').values(organisationIds.map((organisation_id) => ({ gathering_id: gatheringId, organisation_id }))).execute()
    },
  }
}
export type GatheringsRepository = ReturnType<typeof createGatheringsRepository>
