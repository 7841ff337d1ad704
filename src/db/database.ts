import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely, PostgresDialect, sql } from 'kysely'
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
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Fail fast instead of hanging when the server is unreachable or a query runs away.
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
    })
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {})
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
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
