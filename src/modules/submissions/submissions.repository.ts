import { sql, type Insertable, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import { toolElementStats } from '../../db/element-stats.ts'
import type { SubmissionEventsTable, SubmissionStatus, SubmissionsTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'
import { normalizeName, trigramSimilarity, urlKey, urlLookupKeys, wordTrigrams } from './similarity.text.ts'
import type { MatchCandidate, MatchQuery, NameKind } from './similarity.ts'

export type SubmissionEvent = SubmissionEventsTable['event']

/** Open submissions: not yet decided, so a new one may duplicate them. */
export const OPEN_STATUSES: SubmissionStatus[] = ['pending', 'needs_info']

/** How many candidates each way of finding them brings (they are then scored in full). */
const PER_SOURCE = 20
/** Words of a submission checked for misspellings (the longest first). */
const DESCRIPTION_WORDS = 12
/** Text lookup: at most this many lexemes, together matching about this many tools at most. */
const MAX_LEXEMES = 16
const MATCH_BUDGET = 1500
const RANK_AT_MOST = 1000
const VOCABULARY_TTL_MS = 60_000

/** The words to look candidates up by: letters and digits, at least three long, longest first. */
function lookupWords(query: MatchQuery): string[] {
  const words = normalizeName(`${query.name} ${query.description ?? ''}`)
    .split(' ')
    .filter((w) => w.length >= 3 && w.length <= 40)
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, DESCRIPTION_WORDS)
}

/** SQL for submissions: candidate lookup for duplicate detection, the queue, and each submission's rows. */
export function createSubmissionsRepository(db: Database) {
  /** The catalogue's words, for correcting misspelt words in memory (refreshed every minute). */
  let vocabulary: { loadedAt: number; known: Set<string>; byTrigram: Map<string, string[]> } | undefined
  let vocabularyLoading: Promise<void> | undefined
  async function loadVocabulary() {
    if (vocabulary && Date.now() - vocabulary.loadedAt < VOCABULARY_TTL_MS) return
    vocabularyLoading ??= (async () => {
      const rows = await db.selectFrom('search_words').select('word').execute()
      const byTrigram = new Map<string, string[]>()
      for (const { word } of rows) for (const gram of wordTrigrams(word)) (byTrigram.get(gram) ?? byTrigram.set(gram, []).get(gram)!).push(word)
      vocabulary = { loadedAt: Date.now(), known: new Set(rows.map((r) => r.word)), byTrigram }
    })().finally(() => {
      vocabularyLoading = undefined
    })
    await vocabularyLoading
  }

  /** Known words that an unknown word is probably a misspelling of (the closest, if close enough). */
  function corrections(word: string): string[] {
    if (!vocabulary || word.length < 4 || vocabulary.known.has(word)) return []
    const shared = new Map<string, number>()
    for (const gram of wordTrigrams(word)) {
      const words = vocabulary.byTrigram.get(gram)
      // A trigram in thousands of words says nothing; the rarer ones find the candidates.
      if (!words || words.length > 2000) continue
      for (const w of words) shared.set(w, (shared.get(w) ?? 0) + 1)
    }
    return [...shared]
      .filter(([, n]) => n >= 2)
      .map(([w]) => ({ w, s: trigramSimilarity(w, word) }))
      .filter((c) => c.s >= 0.45 && c.w.length >= word.length * 0.75 && c.w.length <= word.length * 1.34)
      .sort((a, b) => b.s - a.s)
      .slice(0, 2)
      .map((c) => c.w)
  }

  const lexemeStats = toolElementStats(db, 'search_vector')

  /** The lexemes (unstemmed, Dutch and English stems) of a submission's name and description, misspellings corrected. */
  async function queryLexemes(query: MatchQuery): Promise<string[]> {
    await loadVocabulary()
    const words = lookupWords(query)
    const fixed = words.flatMap(corrections)
    const text = [query.name, query.description ?? '', ...fixed].join(' ').slice(0, 4000)
    const { rows } = await sql<{ w: string }>`
      select distinct w from unnest(tsvector_to_array(
        to_tsvector('simple', unaccent(${text})) || to_tsvector('dutch', unaccent(${text})) || to_tsvector('english', unaccent(${text})))) as w`.execute(db)
    return rows.map((r) => r.w).filter((w) => /^[a-z0-9]{2,40}$/.test(w))
  }

  /**
   * The most specific lexemes within a budget of matching tools: a word in 80% of a large catalogue would
   * make every lookup rank most of it, and says little about which tool this is.
   */
  async function specificLexemes(lexemes: string[]): Promise<string[]> {
    const stats = await lexemeStats()
    const ranked = lexemes.map((w) => ({ w, n: stats.estimate(w) })).sort((a, b) => a.n - b.n || b.w.length - a.w.length)
    const chosen: string[] = []
    let budget = MATCH_BUDGET
    for (const { w, n } of ranked) {
      // Past the budget: stop, keeping two words at least unless even those are in thousands of tools.
      if (chosen.length >= MAX_LEXEMES || (n > budget && (chosen.length >= 2 || n > MATCH_BUDGET * 4))) break
      chosen.push(w)
      budget -= n
    }
    return chosen
  }

  /**
   * The keys a submission is looked up by: its name, initials and name-as-acronym, and its address with every
   * parent path (a page of a tool's site finds the tool). Not the bare host: big hosts carry thousands of tools.
   */
  const matchKeys = (query: MatchQuery) => {
    const prefixes = query.url ? urlLookupKeys(query.url) : []
    return sql`(
    select array_agg(k) from (
      select unnest(match_keys_for(array[${query.name}::text] || coalesce(match_initials(${query.name}), '{}'), '{}')) as k
      union select 'acr:' || match_name(${query.name}) where match_name(${query.name}) !~ ' '
      union select unnest(${prefixes}::text[])
    ) keys
    -- Tools with the same initials as a spelled-out name are too many to say anything; an acronym's own key stays.
    where k !~ '^acr:' or (k = 'acr:' || match_name(${query.name}) and length(k) >= 6))`
  }

  return {
    /**
     * Tools that could be the submitted one: the same website, name, alias or initials (match keys), and the
     * best text matches on the submission's most specific words, misspelt words corrected first.
     */
    async candidateToolIds(query: MatchQuery): Promise<number[]> {
      const [byKeys, lexemes] = await Promise.all([
        sql<{ id: number }>`select id from tools where match_keys && ${matchKeys(query)} limit ${PER_SOURCE * 2}`.execute(db),
        queryLexemes(query),
      ])
      const ids = new Set(byKeys.rows.map((r) => Number(r.id)))
      const chosen = await specificLexemes(lexemes)
      if (chosen.length > 0) {
        const text = chosen.map((w) => `'${w}'`).join(' | ')
        const { rows } = await sql<{ id: number }>`
          select id from (
            -- Bounded: when every word is common, rank a sample rather than most of the catalogue.
            select id, search_vector from tools where search_vector @@ to_tsquery('simple', ${text}) limit ${RANK_AT_MOST}
          ) matched
          order by ts_rank(search_vector, to_tsquery('simple', ${text})) desc limit ${PER_SOURCE}`.execute(db)
        for (const r of rows) ids.add(Number(r.id))
      }
      return [...ids]
    },

    /** How many tools have an address on this URL's host. */
    async toolsOnHost(url: string): Promise<number> {
      // The host is cut off here (urlKey is match_url): the database never runs its patterns over a long address.
      const host = urlKey(url)?.split('/', 1)[0]
      if (!host) return 0
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from (select 1 from tools where match_keys @> array[${`host:${host}`}::text] limit 10) x`.execute(db)
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
            ${
              // Words are letters and digits only (lookupWords), so quoting them makes a valid query.
              words.length > 0 ? sql`or to_tsvector('simple', unaccent(s.name || ' ' || s.description)) @@ to_tsquery('simple', ${words.map((w) => `'${w}'`).join(' | ')})` : sql``
            })
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
    lockById: (trx: Tx, id: number) => trx.selectFrom('submissions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    events: (submissionId: number) =>
      db.selectFrom('submission_events').selectAll().where('submission_id', '=', submissionId).orderBy('occurred_at').orderBy('id').execute(),

    /** A tool's description for an addition that brings none of its own: in the submitter's language, else the other, else its name. */
    async toolDescription(toolId: number, locale: 'nl' | 'en'): Promise<string> {
      const tool = await db.selectFrom('tools').select(['description_nl', 'description_en', 'name_nl', 'name_en']).where('id', '=', toolId).executeTakeFirst()
      if (!tool) return ''
      const texts = locale === 'nl' ? [tool.description_nl, tool.description_en, tool.name_nl, tool.name_en] : [tool.description_en, tool.description_nl, tool.name_en, tool.name_nl]
      return (texts.find((t) => t && t.trim() !== '') ?? '').slice(0, 1000)
    },

    /** The organisations of municipalities by CBS code (publishing records that they use the tool). */
    municipalityIds: (trx: Tx, codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : trx.selectFrom('organisations').select(['id', 'cbs_code']).where('kind', '=', 'municipality').where('merged_into_id', 'is', null).where('cbs_code', 'in', [...codes]).execute(),

    insert: (trx: Tx, values: Insertable<SubmissionsTable>) => trx.insertInto('submissions').values(values).returningAll().executeTakeFirstOrThrow(),

    /** Changes a submission and counts its version up (a curator acting on an older version gets a conflict). */
    update: (trx: Tx, id: number, changes: Updateable<SubmissionsTable>) =>
      trx
        .updateTable('submissions')
        .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    async addEvent(trx: Tx, submissionId: number, event: SubmissionEvent, message: string | null = null) {
      await trx.insertInto('submission_events').values({ submission_id: submissionId, event, message }).execute()
    },

    /**
     * A tool was merged into another: submissions that add to it or became it now refer to the tool that stays
     * (inside the merge's transaction, before the merged tool is deleted). Returns the submissions changed.
     */
    async repointTool(trx: Tx, fromToolId: number, toToolId: number): Promise<number[]> {
      const [targets, results] = await Promise.all([
        trx.updateTable('submissions').set({ target_tool_id: toToolId }).where('target_tool_id', '=', fromToolId).returning('id').execute(),
        trx.updateTable('submissions').set({ result_tool_id: toToolId }).where('result_tool_id', '=', fromToolId).returning('id').execute(),
      ])
      return [...new Set([...targets, ...results].map((r) => Number(r.id)))].sort((a, b) => a - b)
    },

    async refreshMatchKeys(trx: Tx, id: number) {
      await sql`update submissions set match_keys = match_keys_for(array[name], array[website_url]) where id = ${id}`.execute(trx)
    },

    /** The curation queue, newest first, with the name of the tool an addition or merge concerns. */
    async queue(filter: { statuses: SubmissionStatus[]; kind?: 'new_tool' | 'addition' | undefined; q?: string | undefined; limit: number; offset: number }) {
      let query = db
        .selectFrom('submissions as s')
        .leftJoin('tools as t', 't.id', 's.target_tool_id')
        .select(['s.id', 's.kind', 's.status', 's.name', 's.description', 's.website_url', 's.locale', 's.source', 's.created_at', 's.updated_at', 's.confirmed_different', 's.duplicate_candidates', 't.slug as target_slug', 't.name_nl as target_name_nl', 't.name_en as target_name_en'])
      if (filter.statuses.length > 0) query = query.where('s.status', 'in', filter.statuses)
      if (filter.kind) query = query.where('s.kind', '=', filter.kind)
      if (filter.q) query = query.where(sql<boolean>`s.name ilike ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
      const [rows, total] = await Promise.all([
        query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ])
      return { rows, total: Number(total.n) }
    },

    /**
     * Erases the e-mail address of every submission decided (published, merged, rejected) before the given moment:
     * the decision is its latest decision event. Returns the submissions erased, with when they were decided.
     */
    eraseContactEmails: (trx: Tx, decidedBefore: Date, now: Date) =>
      trx
        .updateTable('submissions as s')
        .set({ contact_email: null, contact_email_erased_at: now })
        .where('s.contact_email', 'is not', null)
        .where('s.status', 'in', ['published', 'merged', 'rejected'])
        .where(
          sql<Date>`coalesce((select max(e.occurred_at) from submission_events e where e.submission_id = s.id and e.event in ('published', 'merged', 'rejected')), s.updated_at)`,
          '<',
          decidedBefore,
        )
        .returning(['s.id', 's.status'])
        .execute(),

    async statusCounts() {
      const rows = await db.selectFrom('submissions').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute()
      return new Map(rows.map((r) => [r.status, Number(r.n)]))
    },
  }
}
export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>
