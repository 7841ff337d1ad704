import { sql, type Insertable, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { OrganisationsTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'
import { slugify } from '../../lib/slug.ts'

type NewOrganisation = Omit<Insertable<OrganisationsTable>, 'slug'>

/** What /organisations asks for: words of a name or alias, a kind, City Deal partners only; one page of them. */
export interface OrganisationSearch {
  q?: string | undefined
  kind?: string | undefined
  /** true: City Deal partners only; false: the others only; left out: both. */
  partner?: boolean | undefined
  limit: number
  offset: number
}

/** A text for LIKE, its wildcards taken literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** At most this many words of a search count (a longer query only narrows further). */
const SEARCH_WORDS = 8

/**
 * The text a search looks through: the name, every alias, and for a municipality the word "gemeente", so that
 * "Gemeente Den Haag" finds 's-Gravenhage. Accents and case aside.
 */
const haystack = sql<string>`lower(unaccent(concat_ws(' ', o.name,
  (select string_agg(a.alias, ' ') from organisation_aliases a where a.organisation_id = o.id),
  case when o.kind = 'municipality' then 'gemeente municipality' end)))`

/** A name to sort by, the same on every database: accents, case and leading marks ('s-Gravenhage) aside. */
const sortKey = sql`regexp_replace(lower(unaccent(o.name)), '^[^a-z0-9]+', '') collate "C"`

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

    /**
     * The current organisations whose name or alias is this text (case and accents ignored); a municipality also by
     * "Gemeente <name>", as people often write it (Gemeente Zwolle, Gemeente Den Haag).
     */
    findByNameOrAlias: (text: string, x: Executor = db) =>
      x
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name', 'o.kind', 'o.cbs_code'])
        .where('o.merged_into_id', 'is', null)
        .where((eb) =>
          eb.or([
            sql<boolean>`lower(unaccent(o.name)) = lower(unaccent(${text}))`,
            sql<boolean>`exists (select 1 from organisation_aliases a where a.organisation_id = o.id and lower(unaccent(a.alias)) = lower(unaccent(${text})))`,
            sql<boolean>`o.kind = 'municipality' and lower(unaccent(${text})) like 'gemeente %' and (lower(unaccent(o.name)) = substr(lower(unaccent(${text})), 10)
              or exists (select 1 from organisation_aliases a where a.organisation_id = o.id and lower(unaccent(a.alias)) = substr(lower(unaccent(${text})), 10)))`,
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
            sql<boolean>`lower(o.name) like ${`%${likeEscaped(text.toLowerCase())}%`}`,
            sql<boolean>`exists (select 1 from organisation_aliases a where a.organisation_id = o.id and (lower(a.alias) % lower(${text}) or lower(a.alias) = lower(${text})))`,
          ]),
        )
        .orderBy('score', 'desc')
        .orderBy(sql`lower(o.name)`)
        .limit(limit)
        .execute(),

    /**
     * One page of /organisations, with how many tools each is involved in and its aliases. Without a search or a
     * kind of government, municipalities and provinces are listed only when they take part (a tool or a City Deal
     * partnership): the other 330 are found by searching. With words, an exact name or alias comes first.
     */
    async search(params: OrganisationSearch) {
      const words = (params.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, SEARCH_WORDS)
      const everyGovernment = words.length > 0 || params.kind === 'municipality' || params.kind === 'province'
      const filtered = db
        .selectFrom('organisations as o')
        .where('o.merged_into_id', 'is', null)
        .$if(!!params.kind, (q) => q.where('o.kind', '=', params.kind!))
        .$if(params.partner !== undefined, (q) => q.where('o.is_city_deal_partner', '=', params.partner === true))
        .$if(!everyGovernment, (q) =>
          q.where((eb) => eb.or([eb('o.kind', 'not in', ['municipality', 'province']), eb('o.is_city_deal_partner', '=', true), sql<boolean>`exists (select 1 from tool_organisations x where x.organisation_id = o.id)`])),
        )
        .$if(words.length > 0, (q) => q.where((eb) => eb.and(words.map((w) => sql<boolean>`${haystack} like lower(unaccent(${`%${likeEscaped(w)}%`}))`))))
      const text = (params.q ?? '').trim()
      const [rows, count] = await Promise.all([
        filtered
          .select([
            'o.id',
            'o.slug',
            'o.name',
            'o.kind',
            'o.cbs_code',
            'o.is_city_deal_partner',
            sql<number>`(select count(distinct x.tool_id)::int from tool_organisations x where x.organisation_id = o.id)`.as('tools'),
            sql<string[]>`coalesce((select array_agg(a.alias order by a.alias) from organisation_aliases a where a.organisation_id = o.id), '{}')`.as('aliases'),
          ])
          .$if(text !== '', (q) =>
            q.orderBy(
              sql`case when lower(unaccent(o.name)) = lower(unaccent(${text}))
                or exists (select 1 from organisation_aliases a where a.organisation_id = o.id and lower(unaccent(a.alias)) = lower(unaccent(${text}))) then 0 else 1 end`,
            ),
          )
          .orderBy(sortKey)
          .orderBy('o.id')
          .limit(params.limit)
          .offset(params.offset)
          .execute(),
        filtered.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ])
      // Only a list that could hold every municipality says it does not.
      return { rows, total: count.n, governmentsLimited: !everyGovernment && !params.kind }
    },

    /** An organisation by its address, merged or not (a merged one answers with where it went). */
    findBySlug: (slug: string) => db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst(),

    /** The province a municipality lies in, by the province's CBS code (PV28). */
    provinceByCode: (code: string) =>
      db.selectFrom('organisations').select(['slug', 'name']).where('kind', '=', 'province').where('cbs_code', '=', code).where('merged_into_id', 'is', null).executeTakeFirst(),

    /** The other names of an organisation, alphabetically. */
    aliasesOf: (organisationId: number, x: Executor = db) =>
      x.selectFrom('organisation_aliases').select(['id', 'alias']).where('organisation_id', '=', organisationId).orderBy(sql`lower(alias)`).orderBy('id').execute(),

    /** The organisation that already goes by this alias (each alias names one organisation; case aside). */
    aliasHolder: (alias: string, x: Executor = db) =>
      x
        .selectFrom('organisation_aliases as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select(['o.id', 'o.name'])
        .where(sql<boolean>`lower(a.alias) = lower(${alias})`)
        .executeTakeFirst(),

    /** Another current organisation called this (an alias like it would make the name ambiguous). */
    otherNamed: (name: string, exceptId: number, x: Executor = db) =>
      x
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('merged_into_id', 'is', null)
        .where('id', '<>', exceptId)
        .where(sql<boolean>`lower(unaccent(name)) = lower(unaccent(${name}))`)
        .executeTakeFirst(),

    /** Adds an alias; nothing when another organisation has it already (two requests at once included). */
    addAlias: (trx: Tx, organisationId: number, alias: string) =>
      trx.insertInto('organisation_aliases').values({ organisation_id: organisationId, alias }).onConflict((oc) => oc.doNothing()).returning(['id', 'alias']).executeTakeFirst(),

    removeAlias: (trx: Tx, organisationId: number, aliasId: number) =>
      trx.deleteFrom('organisation_aliases').where('id', '=', aliasId).where('organisation_id', '=', organisationId).returning(['id', 'alias']).executeTakeFirst(),

    /**
     * A merge keeps the names the duplicate was known by: its aliases move to the organisation that stays, and its own
     * name becomes one (unless some organisation already goes by it). Returns the aliases the target gained.
     */
    async moveAliases(trx: Tx, sourceId: number, targetId: number, sourceName: string) {
      const moved = await trx.updateTable('organisation_aliases').set({ organisation_id: targetId }).where('organisation_id', '=', sourceId).returning('alias').execute()
      const target = await trx.selectFrom('organisations').select('name').where('id', '=', targetId).executeTakeFirstOrThrow()
      const named = target.name.toLowerCase() === sourceName.toLowerCase() ? undefined : await this.addAlias(trx, targetId, sourceName)
      return [...moved.map((a) => a.alias), ...(named ? [named.alias] : [])]
    },

    /**
     * The tools an organisation has a role on (optionally only these roles), each with the role's details, by name.
     * A read across the tools' tables, which tools.repository writes.
     */
    toolsOf: (organisationId: number, roles?: readonly string[]) =>
      db
        .selectFrom('tool_organisations as x')
        .innerJoin('tools as t', 't.id', 'x.tool_id')
        .select(['t.id', 't.slug', 't.name_nl', 't.name_en', 't.status', 't.retired_on', 'x.role', 'x.involvement'])
        .where('x.organisation_id', '=', organisationId)
        .$if(roles !== undefined, (q) => q.where('x.role', 'in', roles!))
        .orderBy(sql`lower(coalesce(t.name_nl, t.name_en)) collate "C"`)
        .orderBy('t.id')
        .orderBy('x.role')
        .execute(),

    /** The pilots of a municipality (the tools it tests), with the tool, by tool name. A read of the pipeline's table. */
    pilotsOf: (organisationId: number) =>
      db
        .selectFrom('pilots as p')
        .innerJoin('tools as t', 't.id', 'p.tool_id')
        .select(['t.id', 't.slug', 't.name_nl', 't.name_en', 't.status', 't.retired_on', 'p.status as pilot_status', 'p.outcome', 'p.lessons_nl', 'p.lessons_en', 'p.completed_on'])
        .where('p.municipality_id', '=', organisationId)
        .orderBy(sql`lower(coalesce(t.name_nl, t.name_en)) collate "C"`)
        .orderBy('t.id')
        .execute(),

    /** The tools an organisation uses (adoptions), by tool name. */
    adoptionsOf: (organisationId: number) =>
      db
        .selectFrom('adoptions as a')
        .innerJoin('tools as t', 't.id', 'a.tool_id')
        .select(['t.id', 't.slug', 't.name_nl', 't.name_en', 't.status', 't.retired_on', 'a.since', 'a.tool_version', 'a.local_variant_nl', 'a.local_variant_en', 'a.local_url'])
        .where('a.organisation_id', '=', organisationId)
        .orderBy(sql`lower(coalesce(t.name_nl, t.name_en)) collate "C"`)
        .orderBy('t.id')
        .execute(),

    /** The ids of the tools an organisation has any role on: their search text carries its name and aliases. */
    toolIdsOf: async (organisationId: number, x: Executor = db) =>
      (await x.selectFrom('tool_organisations').select('tool_id').distinct().where('organisation_id', '=', organisationId).execute()).map((r) => r.tool_id),

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
