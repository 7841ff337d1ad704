import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely, PostgresDialect, sql, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './folder-lock.ts'
import { PGliteDialect } from './pglite-dialect.ts'
import type { DB } from './schema.ts'

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** The embedded database itself (PGlite only), e.g. to dump its data directory. */
  pglite?: PGlite
  /** Resolves when the database answers a trivial query, rejects otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string
  dataDir?: string
  /** PGlite in memory (tests, benchmarks). */
  inMemory?: boolean
  /** PGlite only: start from this dump (see dumpDataDir) instead of an empty cluster. */
  loadDataDir?: Blob
  poolSize?: number
  /** PostgreSQL only: how long to wait for a connection (from the pool or a new one) before giving up. */
  connectTimeoutMs?: number
  /** PostgreSQL only: how long one statement may take; the client gives up shortly after the server should have. */
  queryTimeoutMs?: number
}

const INT8 = 20
const NUMERIC = 1700
const DATE = 1082
const toNumber = (value: string) => Number(value)
const asText = (value: string) => value

pg.types.setTypeParser(INT8, toNumber)
pg.types.setTypeParser(NUMERIC, toNumber)
pg.types.setTypeParser(DATE, asText)

/** Opens PostgreSQL when a URL is given, otherwise PGlite in dataDir (or in memory). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // Without settings (benchmarks, test set-up) the limits of before: the app passes its own (config.ts).
    const queryTimeoutMs = options.queryTimeoutMs ?? 15_000
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Never wait forever: not for a free connection or a new one (the pool), a statement the server runs too long
      // (statement_timeout, cancelled by the server), nor an answer that never comes because the server or the
      // network froze (query_timeout, on the client; the connection is then thrown away, see timeoutSafePool).
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      statement_timeout: queryTimeoutMs,
      query_timeout: queryTimeoutMs + 500,
      idle_in_transaction_session_timeout: 60_000,
      // A peer that vanished without closing is noticed on idle connections too.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    })
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {})
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: timeoutSafePool(pool) }) })
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db)
      },
      close: () => db.destroy(),
    }
  }
  let release = () => {}
  if (!options.inMemory && options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true })
    release = lockDataDir(options.dataDir)
  }
  const pglite = await PGlite.create({
    ...(options.inMemory ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText },
  }).catch((error: unknown) => {
    release()
    throw error
  })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    kind: 'pglite',
    pglite,
    ping: async () => {
      if (pglite.closed) throw new Error('database is closed')
      await sql`select 1`.execute(db)
    },
    close: async () => {
      try {
        await db.destroy()
      } finally {
        release()
      }
    },
  }
}

const READ_TIMEOUT = 'Query read timeout'

/**
 * The pool as Kysely sees it, with one difference: a connection whose query timed out on the client is spent. Its
 * answer may still come (or never), so every later query on it fails at once with the same error instead of
 * queueing behind the lost one (a transaction's rollback included), and it is destroyed when released, not reused.
 */
function timeoutSafePool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => new TimeoutSafeClient(await pool.connect()),
    end: () => pool.end(),
  }
}

class TimeoutSafeClient implements PostgresPoolClient {
  #spent = false
  readonly client: pg.PoolClient
  constructor(client: pg.PoolClient) {
    this.client = client
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
  query<R>(text: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof text !== 'string') throw new Error('cursors are not used')
    return this.#run<R>(text, [...(parameters ?? [])])
  }

  async #run<R>(text: string, values: unknown[]): Promise<PostgresQueryResult<R>> {
    if (this.#spent) throw new Error(`${READ_TIMEOUT} (connection discarded)`)
    try {
      const result = await this.client.query<R & pg.QueryResultRow>(text, values)
      return result as PostgresQueryResult<R>
    } catch (error) {
      if ((error as Error).message === READ_TIMEOUT) this.#spent = true
      throw error
    }
  }

  release(destroy?: boolean) {
    this.client.release(destroy || this.#spent)
  }
}
