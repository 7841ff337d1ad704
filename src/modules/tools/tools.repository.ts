import { sql, type RawBuilder } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Executor, Tx } from '../../db/transaction.ts'
import type { Facet, Sort } from './tools.constants.ts'
import { createToolWrites } from './tools.writes.repository.ts'

export interface TermAnalysis {
  token: string
  isStopWord: boolean
  known: boolean
  similar: string[]
}

export interface SearchParams {
  /** Groups of alternatives: every group must match, any word of a group may. The last group may be a prefix. */
  termGroups: { words: string[]; prefix: boolean }[]
  /** The query as typed: a tool called exactly this (name or alias, case and accents aside) ranks first. */
  phrase?: string | undefined
  filters: Record<Facet, string[]>
  /** Tools with (true) or without (false) an open call for test municipalities; undefined: either. */
  openCall?: boolean | undefined
  /** Tools with a pilot that is not withdrawn in one of these municipalities (CBS codes); empty: any. */
  pilotIn?: string[]
  sort: Sort
  limit: number
  offset: number
}

export interface SearchRow {
  id: number
  slug: string
  name_nl: string | null
  name_en: string | null
  description_nl: string | null
  description_en: string | null
  category: string
  form: string
  status: string
  origin: string
  updated_at: Date
}

/** A word counts as a likely typo of a query word from this trigram similarity on. */
const MIN_SIMILARITY = 0.4
/** ...and only when it is about as similar as the best candidate. */
const SIMILARITY_SPREAD = 0.1
/** A known query word also matches words this similar to it (spelling variants). */
const KNOWN_WORD_VARIANT = 0.65

const LIST_COLUMNS = [
  'id',
  'slug',
  'name_nl',
  'name_en',
  'description_nl',
  'description_en',
  'category',
  'form',
  'status',
  'origin',
  'updated_at',
] as const

/** A to_tsquery text for one group: the words ORed, each quoted (words are letters and digits only). */
function groupQueryText(group: { words: string[]; prefix: boolean }): string {
  return group.words.map((w, i) => `'${w}'${group.prefix && i === 0 ? ':*' : ''}`).join(' | ')
}

/**
 * The tsquery for all groups: each group matched with Dutch, English or no stemming. "No stemming" takes each word
 * as it is (a cast, not to_tsquery('simple')): the same lexeme for an ordinary word, but a word the parser would
 * split on its own (1e57a0bc reads as the number 1e57 and a0bc) still matches where a document has it as one part
 * of a hyphenated word (embedtest-1e57a0bc); the Dutch and English parts still match it standing alone.
 */
function tsQuery(groups: SearchParams['termGroups']): RawBuilder<unknown> | undefined {
  if (groups.length === 0) return undefined
  const parts = groups.map((g) => {
    const text = groupQueryText(g)
    return sql`(to_tsquery('dutch', ${text}) || to_tsquery('english', ${text}) || ${text}::tsquery)`
  })
  return sql`(${sql.join(parts, sql` && `)})`
}

function filterConditions(filters: Record<string, string[]>, except?: string): RawBuilder<unknown>[] {
  return Object.entries(filters)
    .filter(([facet, values]) => values.length > 0 && facet !== except)
    .map(([facet, values]) => sql`t.facet_keys && ${values.map((v) => `${facet}:${v}`)}::text[]`)
}

/** The API's filters that are not facets: conditions on the pipeline's tables (reads; the pipeline writes them). */
export function pipelineConditions(params: Pick<SearchParams, 'openCall' | 'pilotIn'>): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = []
  if (params.openCall !== undefined) {
    const open = sql`exists (select 1 from tool_calls c where c.tool_id = t.id and c.status = 'open' and (c.closes_on is null or c.closes_on >= current_date))`
    conditions.push(params.openCall ? open : sql`not ${open}`)
  }
  if (params.pilotIn && params.pilotIn.length > 0) {
    conditions.push(sql`exists (select 1 from pilots p join organisations o on o.id = p.municipality_id
      where p.tool_id = t.id and p.status <> 'withdrawn' and o.cbs_code = any(${params.pilotIn}::text[]))`)
  }
  return conditions
}

function whereClause(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)
}


/** Whether a tool is called exactly this, by name or alias (case and accents aside); false without a phrase. */
function exactName(phrase: string | undefined): RawBuilder<boolean> {
  if (!phrase) return sql<boolean>`false`
  const same = (column: RawBuilder<unknown>) => sql`lower(unaccent(${column})) = lower(unaccent(${phrase}))`
  return sql<boolean>`(${same(sql`t.name_nl`)} or ${same(sql`t.name_en`)} or exists (select 1 from tool_aliases a where a.tool_id = t.id and ${same(sql`a.alias`)}))`
}

/** The SQL of the catalogue: search, facet counts, tool pages; and (tools.writes.repository.ts) every write. */
export function createToolsRepository(db: Database) {
  return {
    ...createToolWrites(db),
    /** For each query token: is it a stop word, does the catalogue know it, which known words look like it. */
    async analyseTerms(tokens: string[]): Promise<TermAnalysis[]> {
      if (tokens.length === 0) return []
      const { rows } = await sql<{ token: string; is_stop: boolean; known: boolean; similar: string[] | null; scores: number[] | null }>`
        select t.token,
          (numnode(plainto_tsquery('dutch', t.token)) = 0 or numnode(plainto_tsquery('english', t.token)) = 0) as is_stop,
          exists (select 1 from search_words w where w.word = t.token) as known,
          c.similar, c.scores
        from unnest(${tokens}::text[]) with ordinality as t (token, n)
        left join lateral (
          select array_agg(x.word order by x.score desc, x.word) as similar, array_agg(x.score order by x.score desc, x.word) as scores
          from (
            select w.word, similarity(w.word, t.token)::float8 as score from search_words w
            where length(t.token) >= 4 and w.word % t.token and w.word <> t.token
            order by score desc, w.word limit 5
          ) x
        ) c on true
        order by t.n`.execute(db)
      return rows.map((r) => {
        // A much shorter or longer word is not a typo (tweeling is not twee), however many trigrams match.
        const candidates = (r.similar ?? [])
          .map((word, i) => ({ word, score: Number(r.scores?.[i] ?? 0) }))
          .filter((c) => c.word.length >= r.token.length * 0.75 && c.word.length <= r.token.length * 1.34)
        const best = candidates[0]?.score ?? 0
        // An unknown word is probably a typo: take the closest known words. A known word only gets
        // near-identical variants (sensorregister / sensorenregister).
        const floor = r.known ? KNOWN_WORD_VARIANT : Math.max(MIN_SIMILARITY, best - SIMILARITY_SPREAD)
        return {
          token: r.token,
          isStopWord: r.is_stop,
          known: r.known,
          similar: candidates.filter((c) => c.score >= floor).slice(0, 3).map((c) => c.word),
        }
      })
    },

    /** Which of these words the catalogue uses somewhere (a compound's parts must be real words). */
    async knownWords(words: string[]): Promise<Set<string>> {
      if (words.length === 0) return new Set()
      const rows = await db.selectFrom('search_words').select('word').where('word', 'in', words).execute()
      return new Set(rows.map((r) => r.word))
    },

    /** Whether a word the catalogue uses starts with this one (a word still being typed: not a compound). */
    async isKnownPrefix(prefix: string): Promise<boolean> {
      // Query words are letters and digits only, so the pattern needs no escaping; the trigram index answers it.
      const row = await db.selectFrom('search_words').select('word').where('word', 'like', `${prefix}%`).limit(1).executeTakeFirst()
      return row !== undefined
    },

    /** One page of matching tools, ranked or sorted, and the facet counts (facet:value → count). */
    async search(params: SearchParams): Promise<{ rows: SearchRow[]; facetCounts: Map<string, number> }> {
      const query = tsQuery(params.termGroups)
      const match = query ? sql`t.search_vector @@ ${query}` : sql`true`
      const others = pipelineConditions(params)
      const base = [match, ...filterConditions(params.filters), ...others]

      const order =
        params.sort === 'newest'
          ? sql`t.created_at desc, t.id desc`
          : params.sort === 'relevance' && query
            ? sql`${exactName(params.phrase)} desc, ts_rank(t.search_vector, ${query}) desc, lower(coalesce(t.name_nl, t.name_en)), t.id`
            : sql`lower(coalesce(t.name_nl, t.name_en)), t.id`

      const rows = await db
        .selectFrom('tools as t')
        .select(LIST_COLUMNS.map((c) => `t.${c}` as const))
        .where(whereClause(base) as RawBuilder<boolean>)
        .orderBy(order)
        .limit(params.limit)
        .offset(params.offset)
        .execute()

      const counts = new Map<string, number>()
      const baseCounts = await sql<{ key: string; n: number }>`
        select k as key, count(*)::int as n from tools t cross join lateral unnest(t.facet_keys) as k
        where ${whereClause(base)} group by k`.execute(db)
      for (const r of baseCounts.rows) counts.set(r.key, r.n)

      // A facet with a selection counts its values as if it had none, so other values stay choosable.
      for (const [facet, values] of Object.entries(params.filters)) {
        if (values.length === 0) continue
        for (const key of [...counts.keys()]) if (key.startsWith(`${facet}:`)) counts.delete(key)
        const own = await sql<{ key: string; n: number }>`
          select k as key, count(*)::int as n from tools t cross join lateral unnest(t.facet_keys) as k
          where ${whereClause([match, ...filterConditions(params.filters, facet), ...others])} and k like ${`${facet}:%`}
          group by k`.execute(db)
        for (const r of own.rows) counts.set(r.key, r.n)
      }
      return { rows: rows as SearchRow[], facetCounts: counts }
    },

    findBySlug: (slug: string, x: Executor = db) => x.selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirst(),

    /** Tools called exactly this (case aside), in either language: someone typed a tool's name. */
    findByName: (name: string, x: Executor = db) =>
      x
        .selectFrom('tools')
        .selectAll()
        .where((eb) => eb.or([eb(eb.fn('lower', ['name_nl']), '=', name.toLowerCase()), eb(eb.fn('lower', ['name_en']), '=', name.toLowerCase())]))
        .orderBy('id')
        .limit(10)
        .execute(),

    /** Every tool's slug, names and status, by name, for a field where a curator picks a tool (a datalist). */
    pickerNames: (limit: number) =>
      db.selectFrom('tools').select(['id', 'slug', 'name_nl', 'name_en', 'status']).orderBy(sql`lower(coalesce(name_nl, name_en))`).orderBy('id').limit(limit).execute(),

    /** Everything a tool page shows beside the tool row. */
    async details(toolId: number) {
      const [processes, themes, sdg, assessments, links, organisations, aliases] = await Promise.all([
        db.selectFrom('tool_processes').select('process').where('tool_id', '=', toolId).execute(),
        db.selectFrom('tool_themes').select('criterion_code').where('tool_id', '=', toolId).execute(),
        db.selectFrom('tool_sdg_targets').selectAll().where('tool_id', '=', toolId).orderBy('target_code').execute(),
        db.selectFrom('tool_assessments').selectAll().where('tool_id', '=', toolId).execute(),
        db.selectFrom('tool_links').selectAll().where('tool_id', '=', toolId).orderBy('position').orderBy('id').execute(),
        db
          .selectFrom('tool_organisations as x')
          .innerJoin('organisations as o', 'o.id', 'x.organisation_id')
          .select([
            'o.slug',
            'o.name',
            'o.kind',
            'o.cbs_code',
            'o.is_city_deal_partner',
            'x.role',
            'x.involvement',
          ])
          .where('x.tool_id', '=', toolId)
          .orderBy('x.role')
          .orderBy('o.name')
          .execute(),
        db.selectFrom('tool_aliases').select(['alias', 'kind', 'language']).where('tool_id', '=', toolId).orderBy('alias').execute(),
      ])
      return { processes, themes, sdg, assessments, links, organisations, aliases }
    },

    /** Related: tools that share an organisation with this one (owners weigh most). */
    async related(toolId: number, limit: number) {
      const { rows } = await sql<SearchRow & { score: number }>`
        select ${sql.join(LIST_COLUMNS.map((c) => sql.ref(`t.${c}`)))}, s.score
        from (
          select y.tool_id, sum(case when x.role = 'owner' and y.role = 'owner' then 3 else 1 end) as score
          from tool_organisations x
          join tool_organisations y on y.organisation_id = x.organisation_id and y.tool_id <> x.tool_id
          where x.tool_id = ${toolId}
          group by y.tool_id
        ) s join tools t on t.id = s.tool_id
        order by s.score desc, lower(coalesce(t.name_nl, t.name_en)), t.id
        limit ${limit}`.execute(db)
      return rows
    },

    /**
     * Similar tools (decision 0026): a point per shared classification (form, process, theme, SDG target, principle,
     * MIM) and for the same category, and points for the rare words of names and descriptions they share (a word at
     * most max(3, 2 % of the catalogue) tools use: 2 when it is in both names, else 1). At least 3 points, best
     * first. Exact over the whole catalogue; the search index answers the same, faster, in a large one.
     */
    async similar(toolId: number, limit: number, exclude: number[]) {
      // A lexeme as a tsquery of itself (quoted, so it is not parsed or stemmed again).
      const quoted = sql`('''' || replace(replace(u.lexeme, chr(92), chr(92) || chr(92)), '''', '''''') || '''')::tsquery`
      const { rows } = await sql<SearchRow & { score: number }>`
        with me as (
          select id, category, search_vector,
            array(select k from unnest(facet_keys) k where k !~ '^(category|status|origin|municipality|usedby):') as keys
          from tools where id = ${toolId}
        ),
        cap as (select greatest(3, count(*) / 50) as n from tools),
        words as (
          select u.lexeme, 'A' = any(u.weights) as in_name, ${quoted} as q
          from me, unnest(me.search_vector) u where u.weights && array['A', 'B']
        ),
        rare as (
          select w.* from words w, cap
          where (select count(*) from (select 1 from tools c where c.search_vector @@ w.q limit cap.n + 1) x) <= cap.n
        ),
        text_points as (
          select c.id, sum(case when r.in_name and 'A' = any(u.weights) then 2 else 1 end) as points
          from rare r
          join tools c on c.search_vector @@ r.q and c.id <> ${toolId}
          cross join lateral unnest(c.search_vector) u
          where u.lexeme = r.lexeme and u.weights && array['A', 'B']
          group by c.id
        ),
        candidates as (
          select c.id from tools c, me where c.id <> me.id and c.facet_keys && me.keys
          union
          select id from text_points
        )
        select ${sql.join(LIST_COLUMNS.map((c) => sql.ref(`t.${c}`)))},
          (select count(*) from unnest(t.facet_keys) k where k = any(me.keys))
            + case when t.category = me.category then 1 else 0 end
            + coalesce(tp.points, 0) as score
        from candidates x join tools t on t.id = x.id cross join me left join text_points tp on tp.id = t.id
        where not (t.id = any(${exclude}::bigint[]))
        order by score desc, lower(coalesce(t.name_nl, t.name_en)), t.id
        limit ${limit}`.execute(db)
      return rows.filter((r) => Number(r.score) >= 3)
    },

    async counts() {
      const { rows } = await sql<{ key: string; n: number }>`
        select k as key, count(*)::int as n from tools t cross join lateral unnest(t.facet_keys) as k
        where k like 'category:%' or k like 'form:%' or k like 'origin:%' group by k`.execute(db)
      const organisations = await sql<{ n: number }>`
        select count(distinct organisation_id)::int as n from tool_organisations`.execute(db)
      return { facetCounts: new Map(rows.map((r) => [r.key, r.n])), organisations: organisations.rows[0]?.n ?? 0 }
    },

    findById: (id: number, x: Executor = db) => x.selectFrom('tools').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Locks the tool's row for the rest of the transaction (two writers at once take turns). */
    lockBySlug: (trx: Tx, slug: string) => trx.selectFrom('tools').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst(),
    /** A tool's slug and names, e.g. to link to it. */
    nameOf: (id: number) => db.selectFrom('tools').select(['id', 'slug', 'name_nl', 'name_en']).where('id', '=', id).executeTakeFirst(),
    nameBySlug: (slug: string) => db.selectFrom('tools').select(['id', 'slug', 'name_nl', 'name_en']).where('slug', '=', slug).executeTakeFirst(),

    /** What a merge compares a submission with: the tool's themes, SDG targets and other names. */
    async classification(toolId: number, x: Executor = db) {
      const [themes, sdgTargets, aliases] = await Promise.all([
        x.selectFrom('tool_themes').select('criterion_code').where('tool_id', '=', toolId).execute(),
        x.selectFrom('tool_sdg_targets').select('target_code').where('tool_id', '=', toolId).execute(),
        x.selectFrom('tool_aliases').select('alias').where('tool_id', '=', toolId).execute(),
      ])
      return { themes: themes.map((t) => t.criterion_code), sdgTargets: sdgTargets.map((s) => s.target_code), aliases: aliases.map((a) => a.alias) }
    },

    /** A tool's pilots (a read of the pipeline's table) with their municipality, in the order they progressed (completed first), then by name. */
    pilotsOf: (toolId: number, x: Executor = db) =>
      x
        .selectFrom('pilots as p')
        .innerJoin('organisations as o', 'o.id', 'p.municipality_id')
        .select([
          'p.id',
          'p.municipality_id',
          'o.name as municipality_name',
          'o.slug as municipality_slug',
          'o.cbs_code as municipality_cbs_code',
          'p.status',
          'p.committed_on',
          'p.started_on',
          'p.completed_on',
          'p.tested_nl',
          'p.tested_en',
          'p.outcome',
          'p.lessons_nl',
          'p.lessons_en',
          'p.evidence_url',
          'p.call_id',
        ])
        .where('p.tool_id', '=', toolId)
        .orderBy(sql`array_position(array['completed', 'running', 'committed', 'interested', 'withdrawn'], p.status)`)
        .orderBy('o.name')
        .execute(),

    /** A tool's adoptions (a read of the pipeline's table) with their organisation, by name. */
    adoptionsOf: (toolId: number, x: Executor = db) =>
      x
        .selectFrom('adoptions as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select(['a.id', 'a.organisation_id', 'o.name as organisation_name', 'o.slug as organisation_slug', 'o.kind as organisation_kind', 'o.cbs_code as organisation_cbs_code', 'a.since', 'a.tool_version', 'a.local_variant_nl', 'a.local_variant_en', 'a.local_url'])
        .where('a.tool_id', '=', toolId)
        .orderBy('o.name')
        .execute(),

    /** A tool's changes of status, oldest first. */
    statusChanges: (toolId: number) =>
      db.selectFrom('tool_status_changes').select(['status', 'changed_on']).where('tool_id', '=', toolId).orderBy('changed_at').orderBy('id').execute(),

    async catalogueVersion(): Promise<number> {
      const row = await db.selectFrom('catalogue_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow()
      return Number(row.version)
    },

    // Reads for the tool page and the API resource (kept at the end; the catalogue's writes sit above).

    /** The current slug of the tool an old slug (a renamed or merged tool) points to, if any. */
    async redirectFor(slug: string, x: Executor = db): Promise<string | undefined> {
      const row = await x
        .selectFrom('tool_slug_redirects as r')
        .innerJoin('tools as t', 't.id', 'r.tool_id')
        .select('t.slug')
        .where('r.slug', '=', slug)
        .executeTakeFirst()
      return row?.slug
    },

    /** A tool's assessments with the organisation that assessed each, in criteria order. */
    assessmentsWithAssessor: (toolId: number) =>
      db
        .selectFrom('tool_assessments as a')
        .leftJoin('organisations as o', 'o.id', 'a.assessed_by_organisation_id')
        .select([
          'a.criterion_code',
          'a.rating',
          'a.explanation_nl',
          'a.explanation_en',
          'a.evidence_url',
          'a.assessed_on',
          'o.slug as assessor_slug',
          'o.name as assessor_name',
        ])
        .where('a.tool_id', '=', toolId)
        .execute(),
  }
}
export type ToolsRepository = ReturnType<typeof createToolsRepository>
