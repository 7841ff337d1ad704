// Where the time goes: a second Kysely over the same database that logs every statement with its duration,
// so bench code can split a search into its SQL phases without touching src/.
import { CompiledQuery, Kysely, PostgresDialect, type LogEvent } from 'kysely'
import pg from 'pg'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { PGliteDialect } from '../../src/db/pglite-dialect.ts'
import type { DB } from '../../src/db/schema.ts'

export type Phase =
  | 'version'
  | 'analyseTerms'
  | 'rows'
  | 'facetsBase'
  | 'facetsOwn'
  | 'findBySlug'
  | 'details'
  | 'related'
  | 'similar'
  | 'history'
  | 'other'

export const SEARCH_PHASES: readonly Phase[] = ['version', 'analyseTerms', 'rows', 'facetsBase', 'facetsOwn']
export const TOOL_PHASES: readonly Phase[] = ['findBySlug', 'details', 'related', 'similar', 'history']

export interface Statement {
  phase: Phase
  ms: number
  sql: string
  parameters: readonly unknown[]
}

/** Which repository call a statement comes from (by its SQL text; see tools.repository.ts). */
export function classify(text: string): Phase {
  const s = text.replace(/\s+/g, ' ').trim()
  if (s.includes('catalogue_state')) return 'version'
  if (s.includes('search_words') || s.includes('tsvector_to_array(to_tsvector')) return 'analyseTerms'
  if (/^select .* from "tools" where "id" in/.test(s)) return 'rows'
  if (s.startsWith('with me as')) return 'similar'
  if (s.includes('join tool_organisations y')) return 'related'
  if (s.includes('unnest(t.facet_keys)') && s.includes(' k like ')) return 'facetsOwn'
  if (s.includes('unnest(t.facet_keys)')) return 'facetsBase'
  if (/^select .* from "tools" as "t" where/.test(s)) return 'rows'
  if (/^select \* from "tools" where "slug" =/.test(s)) return 'findBySlug'
  if (s.includes('from "audit_log"')) return 'history'
  if (/from "(tool_processes|tool_themes|tool_sdg_targets|tool_assessments|tool_links|tool_aliases|tool_organisations)"/.test(s)) return 'details'
  return 'other'
}

export interface LoggedDatabase {
  db: Kysely<DB>
  /** Statements logged since the last take(), oldest first; take() empties the list. */
  take(): Statement[]
  /** EXPLAIN (ANALYZE, BUFFERS) of a logged statement, as plan lines. */
  explain(statement: Statement): Promise<string[]>
  close(): Promise<void>
}

/** A logging Kysely over the handle's database: for PGlite the same instance, for PostgreSQL a small own pool. */
export function loggedDatabase(handle: DatabaseHandle, postgresUrl?: string): LoggedDatabase {
  let statements: Statement[] = []
  const log = (event: LogEvent) => {
    if (event.level !== 'query') return
    statements.push({
      phase: classify(event.query.sql),
      ms: event.queryDurationMillis,
      sql: event.query.sql,
      parameters: event.query.parameters,
    })
  }
  let pool: pg.Pool | undefined
  let db: Kysely<DB>
  if (handle.kind === 'pglite') {
    // Never destroyed: destroying it would close the shared PGlite instance.
    db = new Kysely<DB>({ dialect: new PGliteDialect(handle.pglite!), log })
  } else {
    if (!postgresUrl) throw new Error('loggedDatabase: the PostgreSQL URL is needed')
    pool = new pg.Pool({ connectionString: postgresUrl, max: 10 }) // as the app's pool
    pool.on('error', () => {})
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log })
  }
  return {
    db,
    take() {
      const out = statements
      statements = []
      return out
    },
    async explain(statement) {
      const result = await db.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]),
      )
      statements = statements.filter((s) => !s.sql.startsWith('explain'))
      return result.rows.map((r) => String(Object.values(r)[0]))
    },
    async close() {
      if (pool) await db.destroy()
    },
  }
}
