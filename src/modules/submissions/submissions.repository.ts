import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB, SubmissionEventsTable, SubmissionStatus } from '../../db/schema.ts'

export type SubmissionEvent = SubmissionEventsTable['event']
import type { MatchCandidate, MatchQuery, NameKind } from './similarity.ts'

/** Open submissions: not yet decided, so a new one may duplicate them. */
export const OPEN_STATUSES: SubmissionStatus[] = ['pending', 'needs_info']

/** How many candidates each way of finding them brings (they are then scored in full). */
const PER_SOURCE = 20
/** Words of a submitted description that are looked up (the most specific ones, longest first). */
const DESCRIPTION_WORDS = 12

/** The words to look candidates up by: letters and digits, at least three long, longest first. */
function lookupWords(query: MatchQuery): string[] {
  const words = `${query.name} ${query.description ?? ''}`
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && w.length <= 40)
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, DESCRIPTION_WORDS)
}

type Executor = Kysely<DB> | Transaction<DB>

/** SQL for submissions: candidate lookup for duplicate detection, the queue, and each submission's rows. */
export function createSubmissionsRepository(db: Database) {
  /** An OR text query over the words, stemmed Dutch and English and unstemmed. */
  const wordsQuery = (words: string[]) => {
    const text = words.join(' ')
    return sql`(
      coalesce(nullif(replace(plainto_tsquery('dutch', ${text})::text, '&', '|'), ''), '''''')::tsquery ||
      coalesce(nullif(replace(plainto_tsquery('english', ${text})::text, '&', '|'), ''), '''''')::tsquery ||
      coalesce(nullif(replace(plainto_tsquery('simple', ${text})::text, '&', '|'), ''), '''''')::tsquery)`
  }

  const matchKeys = (query: MatchQuery) => sql`(
    select array_agg(k) from (
      select unnest(match_keys_for(array[${query.name}::text] || coalesce(match_initials(${query.name}), '{}'), array[${query.url ?? null}::text])) as k
      union select 'acr:' || match_name(${query.name}) where match_name(${query.name}) !~ ' '
    ) keys where k !~ '^acr:.?$')`

  return {
    db,

    /** Tools that could be the submitted one: same website or key, similar name, shared specific words. */
    async candidateToolIds(query: MatchQuery): Promise<number[]> {
      const words = lookupWords(query)
      return db.transaction().execute(async (trx) => {
        await sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`.execute(trx)
        const { rows } = await sql<{ id: number }>`
          select id from (
            (select id from tools where match_keys && ${matchKeys(query)} limit ${PER_SOURCE * 2})
            union
            (select id from tools where unaccent(${query.name}) <% search_names
              order by word_similarity(unaccent(${query.name}), search_names) desc limit ${PER_SOURCE})
            ${
              words.length > 0
                ? sql`union (select id from tools where search_vector @@ ${wordsQuery(words)}
                    order by ts_rank(search_vector, ${wordsQuery(words)}) desc limit ${PER_SOURCE})`
                : sql``
            }
          ) found`.execute(trx)
        return rows.map((r) => Number(r.id))
      })
    },

    /** How many tools have an address on this URL's host. */
    async toolsOnHost(url: string): Promise<number> {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from (select 1 from tools where match_keys @> array['host:' || split_part(match_url(${url}), '/', 1)] limit 10) x`.execute(db)
      return Number(rows[0]?.n ?? 0)
    },

    /** Open submissions that could be the submitted one (few: they are reviewed within days). */
    async candidateSubmissionIds(query: MatchQuery, exceptId?: number): Promise<number[]> {
      const words = lookupWords(query)
      const { rows } = await sql<{ id: number }>`
        select id from submissions s
        where s.status in ('pending', 'needs_info') and s.id <> ${exceptId ?? 0}
          and (s.match_keys && ${matchKeys(query)}
            or word_similarity(lower(unaccent(${query.name})), lower(unaccent(s.name))) >= 0.5
            ${words.length > 0 ? sql`or to_tsvector('simple', unaccent(s.name || ' ' || s.description)) @@ ${wordsQuery(words)}` : sql``})
        order by s.created_at desc
        limit 200`.execute(db)
      return rows.map((r) => Number(r.id))
    },

    /** What duplicate scoring needs of these tools. */
    async toolCandidates(ids: number[]): Promise<MatchCandidate[]> {
      if (ids.length === 0) return []
      const { rows } = await sql<{
        id: number
        slug: string
        name_nl: string | null
        name_en: string | null
        description_nl: string | null
        description_en: string | null
        status: string
        website_url: string | null
        aliases: { alias: string; kind: string; language: string | null }[] | null
        urls: string[] | null
      }>`
        select t.id, t.slug, t.name_nl, t.name_en, t.description_nl, t.description_en, t.status, t.website_url,
          (select json_agg(json_build_object('alias', a.alias, 'kind', a.kind, 'language', a.language)) from tool_aliases a where a.tool_id = t.id) as aliases,
          (select array_agg(l.url) from tool_links l where l.tool_id = t.id) as urls
        from tools t where t.id = any(${ids}::bigint[])`.execute(db)
      return rows.map((r) => ({
        type: 'tool' as const,
        id: Number(r.id),
        slug: r.slug,
        name: (r.name_nl ?? r.name_en)!,
        status: r.status,
        names: [
          ...(r.name_nl ? [{ text: r.name_nl, kind: 'name' as NameKind, language: 'nl' }] : []),
          ...(r.name_en ? [{ text: r.name_en, kind: 'name' as NameKind, language: 'en' }] : []),
          ...(r.aliases ?? []).map((a) => ({
            text: a.alias,
            kind: (a.kind === 'acronym' ? 'acronym' : a.kind === 'translation' ? 'translation' : 'alias') as NameKind,
            language: a.language,
          })),
        ],
        descriptions: [
          ...(r.description_nl ? [{ text: r.description_nl, language: 'nl' as const }] : []),
          ...(r.description_en ? [{ text: r.description_en, language: 'en' as const }] : []),
        ],
        urls: [...(r.website_url ? [r.website_url] : []), ...(r.urls ?? [])],
      }))
    },

    async submissionCandidates(ids: number[]): Promise<MatchCandidate[]> {
      if (ids.length === 0) return []
      const rows = await db
        .selectFrom('submissions')
        .select(['id', 'name', 'description', 'website_url', 'status', 'locale'])
        .where('id', 'in', ids)
        .execute()
      return rows.map((r) => ({
        type: 'submission' as const,
        id: Number(r.id),
        slug: null,
        name: r.name,
        status: r.status,
        names: [{ text: r.name, kind: 'name' as NameKind, language: null }],
        descriptions: [{ text: r.description, language: r.locale }],
        urls: r.website_url ? [r.website_url] : [],
      }))
    },

    findById: (id: number, trx: Executor = db) => trx.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst(),
    findByTokenHash: (hash: string) => db.selectFrom('submissions').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
    lockById: (trx: Executor, id: number) => trx.selectFrom('submissions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    events: (submissionId: number) =>
      db.selectFrom('submission_events').selectAll().where('submission_id', '=', submissionId).orderBy('occurred_at').orderBy('id').execute(),

    async addEvent(trx: Executor, submissionId: number, event: SubmissionEvent, message: string | null = null) {
      await trx.insertInto('submission_events').values({ submission_id: submissionId, event, message }).execute()
    },

    async refreshMatchKeys(trx: Executor, id: number) {
      await sql`update submissions set match_keys = match_keys_for(array[name], array[website_url]) where id = ${id}`.execute(trx)
    },

    /** The curation queue, newest first, with the name of the tool an addition or merge concerns. */
    async queue(filter: { statuses: SubmissionStatus[]; kind?: 'new_tool' | 'addition' | undefined; q?: string | undefined; limit: number; offset: number }) {
      let query = db
        .selectFrom('submissions as s')
        .leftJoin('tools as t', 't.id', 's.target_tool_id')
        .select(['s.id', 's.kind', 's.status', 's.name', 's.locale', 's.source', 's.created_at', 's.updated_at', 's.confirmed_different', 's.duplicate_candidates', 't.slug as target_slug', 't.name_nl as target_name_nl', 't.name_en as target_name_en'])
      if (filter.statuses.length > 0) query = query.where('s.status', 'in', filter.statuses)
      if (filter.kind) query = query.where('s.kind', '=', filter.kind)
      if (filter.q) query = query.where(sql<boolean>`s.name ilike ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
      const [rows, total] = await Promise.all([
        query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ])
      return { rows, total: Number(total.n) }
    },

    async statusCounts() {
      const rows = await db.selectFrom('submissions').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute()
      return new Map(rows.map((r) => [r.status, Number(r.n)]))
    },
  }
}
export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>
