import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { pipelineConditions, type SearchParams, type SearchRow } from './tools.repository.ts'

// The reads of the in-process search index (decision 0023): the catalogue in chunks as the database derived it
// (tsvector text, facet keys, normalised names), the orders the database sorts by, the stems of query words, the
// rows of one result page, and the tools that pass the pipeline's filters (open call, pilot in).

/** One tool as the index reads it. */
export interface IndexSourceRow {
  id: number
  category: string
  /** search_vector::text: 'lexeme':1A,5B … */
  vector: string
  facet_keys: string[]
  /** lower(unaccent(name)) for each name and alias, as the exact-name ranking compares them. */
  names: string[]
  /** The tool's roles (tool_organisations) as organisation id * 2 + 1 for an owner, + 0 otherwise. */
  roles: number[]
}

/** The lexemes a word becomes in each configuration the search uses (to_tsvector of the word alone). */
export interface WordLexemes {
  word: string
  dutch: string[]
  english: string[]
  simple: string[]
}

const LIST_COLUMNS = ['id', 'slug', 'name_nl', 'name_en', 'description_nl', 'description_en', 'category', 'form', 'status', 'origin', 'updated_at'] as const

export function createToolsIndexRepository(db: Database) {
  return {
    /** Tools with an id above `after`, by id, at most `limit`: one chunk of the index's source. */
    async indexChunk(after: number, limit: number): Promise<IndexSourceRow[]> {
      const { rows } = await sql<{ id: string | number; category: string; vector: string; facet_keys: string[]; names: (string | null)[]; roles: (string | number)[] }>`
        select t.id, t.category, t.search_vector::text as vector, t.facet_keys,
          array[lower(unaccent(t.name_nl)), lower(unaccent(t.name_en))] || coalesce(a.names, '{}') as names,
          coalesce(r.roles, '{}') as roles
        from tools t
        left join lateral (select array_agg(lower(unaccent(x.alias))) as names from tool_aliases x where x.tool_id = t.id) a on true
        left join lateral (select array_agg(o.organisation_id * 2 + (o.role = 'owner')::int) as roles from tool_organisations o where o.tool_id = t.id) r on true
        where t.id > ${after}
        order by t.id
        limit ${limit}`.execute(db)
      return rows.map((r) => ({ id: Number(r.id), category: r.category, vector: r.vector, facet_keys: r.facet_keys, names: r.names.filter((n): n is string => n !== null), roles: r.roles.map(Number) }))
    },

    /** Every tool's id in the catalogue's name order and in its newest-first order, as the SQL search sorts. */
    async indexOrders(): Promise<{ byName: number[]; byNewest: number[] }> {
      const [byName, byNewest] = await Promise.all([
        sql<{ id: string | number }>`select id from tools order by lower(coalesce(name_nl, name_en)), id`.execute(db),
        sql<{ id: string | number }>`select id from tools order by created_at desc, id desc`.execute(db),
      ])
      return { byName: byName.rows.map((r) => Number(r.id)), byNewest: byNewest.rows.map((r) => Number(r.id)) }
    },

    /** How many tools the catalogue has (decides whether the index is built inline or in the background). */
    async toolCount(): Promise<number> {
      const row = await db.selectFrom('tools').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /** The lexemes of each word in the dutch, english and simple configurations, as to_tsquery would make them. */
    async lexemes(words: string[]): Promise<WordLexemes[]> {
      if (words.length === 0) return []
      const { rows } = await sql<{ word: string; dutch: string[]; english: string[]; simple: string[] }>`
        select w.word,
          tsvector_to_array(to_tsvector('dutch', w.word)) as dutch,
          tsvector_to_array(to_tsvector('english', w.word)) as english,
          tsvector_to_array(to_tsvector('simple', w.word)) as simple
        from unnest(${words}::text[]) as w (word)`.execute(db)
      return rows
    },

    /** lower(unaccent(text)), as the exact-name ranking compares a query with names. */
    async normalise(text: string): Promise<string> {
      const { rows } = await sql<{ v: string }>`select lower(unaccent(${text})) as v`.execute(db)
      return rows[0]?.v ?? text.toLowerCase()
    },

    /** The list rows of these tools, in no particular order. */
    async rowsByIds(ids: number[]): Promise<SearchRow[]> {
      const out: SearchRow[] = []
      // In slices: a statement takes at most 65,535 parameters (the API's CSV asks for up to 100,000 tools).
      for (let i = 0; i < ids.length; i += 10_000) {
        const rows = await db.selectFrom('tools').select([...LIST_COLUMNS]).where('id', 'in', ids.slice(i, i + 10_000)).execute()
        for (const r of rows) out.push({ ...r, id: Number(r.id) })
      }
      return out
    },

    /** One tool's search_vector as text ("similar tools" compares its words), or undefined for an unknown tool. */
    async vectorOf(toolId: number): Promise<string | undefined> {
      const { rows } = await sql<{ vector: string }>`select search_vector::text as vector from tools where id = ${toolId}`.execute(db)
      return rows[0]?.vector
    },

    /** The ids of the tools that pass the pipeline's filters (open call, pilot in); undefined when there are none. */
    async pipelineMatches(params: Pick<SearchParams, 'openCall' | 'pilotIn'>): Promise<number[] | undefined> {
      const conditions = pipelineConditions(params)
      if (conditions.length === 0) return undefined
      const { rows } = await sql<{ id: string | number }>`select t.id from tools t where ${sql.join(conditions, sql` and `)}`.execute(db)
      return rows.map((r) => Number(r.id))
    },
  }
}
export type ToolsIndexRepository = ReturnType<typeof createToolsIndexRepository>
