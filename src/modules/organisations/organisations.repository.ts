import { sql, type Insertable, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { OrganisationsTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'
import { slugify } from '../../lib/slug.ts'

type NewOrganisation = Omit<Insertable<OrganisationsTable>, 'slug'>

/** The SQL of organisations: listing, choosing, and every write to the organisations table. */
export function createOrganisationsRepository(db: Database) {
  /**
   * Inserts under the first free slug made from the name (name, name-2, …). The insert claims the slug itself (on
   * conflict: the next one), so two requests at once cannot both take it. With sameName, an organisation of the same
   * name met on the way (case and accents aside) is answered instead of making a second one.
   */
  async function insertUnderFreeSlug(trx: Tx, values: NewOrganisation, options: { sameName: boolean }) {
    const sameName = (slug?: string) =>
      trx
        .selectFrom('organisations')
        .selectAll()
        .$if(slug !== undefined, (q) => q.where('slug', '=', slug!))
        .where('merged_into_id', 'is', null)
        .where(sql<boolean>`lower(unaccent(name)) = lower(unaccent(${values.name}))`)
        .orderBy('id')
        .executeTakeFirst()
    if (options.sameName) {
      const existing = await sameName()
      if (existing) return { organisation: existing, created: false }
    }
    const base = slugify(values.name) || 'organisatie'
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`
      const created = await trx.insertInto('organisations').values({ ...values, slug }).onConflict((oc) => oc.column('slug').doNothing()).returningAll().executeTakeFirst()
      if (created) return { organisation: created, created: true }
      // Taken: by the same organisation, created a moment ago by a request running beside this one?
      if (options.sameName) {
        const existing = await sameName(slug)
        if (existing) return { organisation: existing, created: false }
      }
    }
  }

  return {
    findById: (id: number, x: Executor = db) => x.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),
    /** An organisation that still exists on its own (not merged into another). */
    findCurrent: (id: number, x: Executor = db) => x.selectFrom('organisations').selectAll().where('id', '=', id).where('merged_into_id', 'is', null).executeTakeFirst(),
    lockById: (trx: Tx, id: number) => trx.selectFrom('organisations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    /** Lists organisations with how many tools and users each has; municipalities only when they take part. */
    list: () =>
      db
        .selectFrom('organisations as o')
        .select([
          'o.id',
          'o.slug',
          'o.name',
          'o.kind',
          'o.cbs_code',
          'o.is_city_deal_partner',
          sql<number>`(select count(*)::int from tool_organisations x where x.organisation_id = o.id)`.as('tools'),
          sql<number>`(select count(*)::int from users u where u.organisation_id = o.id)`.as('users'),
        ])
        .where('o.merged_into_id', 'is', null)
        .where((eb) => eb.or([eb('o.kind', 'not in', ['municipality', 'province']), eb('o.is_city_deal_partner', '=', true), sql<boolean>`exists (select 1 from tool_organisations x where x.organisation_id = o.id)`]))
        .orderBy(sql`lower(o.name)`)
        .execute(),
    /** Every current organisation with its aliases, for the organisation picker. */
    pickerEntries: () =>
      db
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name', 'o.kind', 'o.cbs_code', sql<string[]>`coalesce((select array_agg(a.alias order by a.alias) from organisation_aliases a where a.organisation_id = o.id), '{}')`.as('aliases')])
        .where('o.merged_into_id', 'is', null)
        .orderBy(sql`lower(o.name)`)
        .execute(),

    /** The current organisations whose name or alias is this text (case and accents ignored). */
    findByNameOrAlias: (text: string, x: Executor = db) =>
      x
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name', 'o.kind', 'o.cbs_code'])
        .where('o.merged_into_id', 'is', null)
        .where((eb) =>
          eb.or([
            sql<boolean>`lower(unaccent(o.name)) = lower(unaccent(${text}))`,
            sql<boolean>`exists (select 1 from organisation_aliases a where a.organisation_id = o.id and lower(unaccent(a.alias)) = lower(unaccent(${text})))`,
          ]),
        )
        .orderBy('o.id')
        .execute(),

    /** Organisations whose name or an alias looks like this text, most alike first (for "did you mean"). */
    similarTo: (text: string, limit: number, x: Executor = db) =>
      x
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name', 'o.kind', 'o.cbs_code'])
        .select(
          sql<number>`greatest(similarity(lower(o.name), lower(${text})), coalesce((select max(similarity(lower(a.alias), lower(${text}))) from organisation_aliases a where a.organisation_id = o.id), 0))`.as('score'),
        )
        .where('o.merged_into_id', 'is', null)
        .where((eb) =>
          eb.or([
            sql<boolean>`lower(o.name) % lower(${text})`,
            sql<boolean>`lower(o.name) like ${`%${text.toLowerCase().replace(/[\%_]/g, (c) => `\${c}`)}%`}`,
            sql<boolean>`exists (select 1 from organisation_aliases a where a.organisation_id = o.id and (lower(a.alias) % lower(${text}) or lower(a.alias) = lower(${text})))`,
          ]),
        )
        .orderBy('score', 'desc')
        .orderBy(sql`lower(o.name)`)
        .limit(limit)
        .execute(),

    /** Every organisation, for choosing one (partner members, merge targets). */
    options: () => db.selectFrom('organisations').select(['id', 'name', 'kind', 'cbs_code']).where('merged_into_id', 'is', null).orderBy(sql`lower(name)`).execute(),
    cbsCodeTaken: async (code: string, exceptId: number | undefined, x: Executor) =>
      !!(await x.selectFrom('organisations').select('id').where('cbs_code', '=', code).$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!)).executeTakeFirst()),

    /** Creates an organisation under a slug of its own. */
    create: async (trx: Tx, values: NewOrganisation) => (await insertUnderFreeSlug(trx, values, { sameName: false })).organisation,
    /** The organisation of this name (case and accents ignored), or a new one: safe when two requests ask at once. */
    findOrCreateByName: (trx: Tx, values: NewOrganisation) => insertUnderFreeSlug(trx, values, { sameName: true }),

    update: (trx: Tx, id: number, changes: Updateable<OrganisationsTable>) =>
      trx.updateTable('organisations').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    /** Marks a duplicate as merged: it stays, because the audit log keeps referring to it. */
    markMerged: (trx: Tx, sourceId: number, targetId: number) =>
      trx.updateTable('organisations').set({ merged_into_id: targetId, is_city_deal_partner: false, updated_at: new Date() }).where('id', '=', sourceId).execute(),
  }
}
export type OrganisationsRepository = ReturnType<typeof createOrganisationsRepository>
