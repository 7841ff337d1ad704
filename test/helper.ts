import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { loadConfig, type Config } from '../src/config.ts'
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadReferenceData } from '../src/db/seed/reference-data.ts'

const ROOT = join(import.meta.dirname, '..')

/** The modules that build the template database: opening it, migrating, seeding. */
const TEMPLATE_SOURCES = ['src/db/database.ts', 'src/db/migrate.ts', 'src/db/seed/reference-data.ts']
/** The data they read: the seed reads REFERENCE_DATA_DIR only; the migrations read no files. */
const TEMPLATE_DATA_DIRS = ['reference-data']

/**
 * A hash of everything that shapes a freshly migrated and seeded database, so that the cached template is rebuilt
 * whenever any of it changes: the template sources and every file they import (followed from the source, so a
 * helper the seed starts to use, like src/lib/slug.ts, counts without anyone updating a list), the data they read,
 * this file (it runs the steps) and the PGlite version that writes the dump. Paths are hashed relative to the
 * repository root: the same commit gives the same template in every checkout.
 */
function schemaFingerprint(): string {
  const files = new Set<string>(['test/helper.ts'])
  const follow = (file: string) => {
    if (files.has(file) || !existsSync(join(ROOT, file))) return
    files.add(file)
    const source = readFileSync(join(ROOT, file), 'utf8')
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) follow(posix.join(posix.dirname(file), specifier!))
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir)).sort()) {
      const file = posix.join(dir, entry)
      if (statSync(join(ROOT, file)).isDirectory()) walk(file)
      else files.add(file)
    }
  }
  TEMPLATE_SOURCES.forEach(follow)
  TEMPLATE_DATA_DIRS.forEach(walk)
  const hash = createHash('sha256')
  for (const file of [...files].sort()) hash.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0')
  hash.update(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json')))
  return hash.digest('hex').slice(0, 16)
}

/**
 * PGlite: migrating and seeding takes seconds, so it is done once and the data directory is dumped to
 * a file that every test file loads (the dump is keyed by the schema, so a change makes a new one).
 */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `citydeal-toolbox-pglite-${schemaFingerprint()}.tar.gz`)
  if (!existsSync(file)) {
    const handle = await openDatabase({ inMemory: true })
    await migrateToLatest(handle.db)
    await loadReferenceData(handle.db)
    const dump = await handle.pglite!.dumpDataDir('gzip')
    await handle.close()
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file)
  }
  return new Blob([readFileSync(file)])
}

/**
 * The database the tests run on: PGlite in memory by default, or a fresh database on the PostgreSQL
 * server that DATABASE_URL names (created per test file, dropped afterwards).
 */
export const testDatabaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite'

export interface TestDatabase {
  handle: DatabaseHandle
  url?: string
  drop(): Promise<void>
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A new, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const handle = await openDatabase({ inMemory: true, loadDataDir: await pgliteTemplate() })
    return { handle, drop: async () => {} }
  }
  const name = `toolbox_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
    },
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    // Tests also write straight into the database (factories), as another instance would: read the version every time.
    ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://toolbox.test', DATABASE_URL: '', CATALOGUE_VERSION_TTL_MS: '0' }),
    inMemory: true,
    ...overrides,
  }
}

export interface TestApp {
  app: FastifyInstance
  database: TestDatabase
  close(): Promise<void>
}

/** The production app, built with the production options, on a fresh test database. */
export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase()
  // TEST_LOG=1 prints the app's errors (with their stack) while a test runs; otherwise tests log nothing.
  const log = process.env.TEST_LOG === '1'
  const app = await buildApp(testConfig({ ...(log ? { LOG_LEVEL: 'error' as const } : {}), ...overrides }), { database: database.handle, logger: log })
  return {
    app,
    database,
    close: async () => {
      await app.close()
      await database.drop()
    },
  }
}
