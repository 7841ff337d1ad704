import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { openDatabase, type Database } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { loadReferenceData } from '../db/seed/reference-data.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const run = promisify(execFile)
type Failure = { code: number; stdout: string; stderr: string }

function environment(dataDir: string) {
  const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env
  return { ...inherited, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
}
const command = (script: string, env: NodeJS.ProcessEnv, ...args: string[]) => run(TSX, [`src/cli/${script}.ts`, ...args], { cwd: ROOT, env })
const failure = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected the command to fail'), (e: Failure) => e)

/** Every row of every table, in a fixed order: what "the data exactly as it was" means. */
async function everything(db: Database): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db)
  const out: Record<string, unknown[]> = {}
  for (const { name } of tables.rows) {
    out[name] = (await sql<{ row: unknown }>`select to_jsonb(t) as row from ${sql.table(name)} t order by to_jsonb(t)::text`.execute(db)).rows.map((r) => r.row)
  }
  return out
}

async function withFolder<T>(dataDir: string, use: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir })
  try {
    return await use(database.db)
  } finally {
    await database.close()
  }
}

const reason = process.env.DATABASE_URL ? 'PGlite only: on PostgreSQL operators use pg_dump and pg_restore (README)' : undefined
if (reason) console.log(`skipped: the PGlite backup round trip: ${reason}`)

test('npm run db:backup and db:restore: back up, change data, restore, and every row is as it was; refused while the folder is in use', { skip: reason ?? false, timeout: 240_000 }, async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'toolbox-backup-')), 'data')
  const file = join(dataDir, '..', 'toolbox.tar.gz')
  const env = environment(dataDir)
  const before = await withFolder(dataDir, async (db) => {
    await migrateToLatest(db)
    await loadReferenceData(db)
    await db.insertInto('app_settings').values({ key: 'backup_probe', value: 'as it was' }).execute()
    return everything(db)
  })
  assert.ok((before.organisations?.length ?? 0) > 300, 'reference data loaded')

  const backedUp = await command('db-backup', env, file)
  assert.match(backedUp.stdout, /^Backed up .+ to .+toolbox\.tar\.gz \(\d+ KiB\)\.\n$/)
  assert.ok(existsSync(file) && !existsSync(`${file}.partial`))

  await withFolder(dataDir, async (db) => {
    await db.updateTable('app_settings').set({ value: 'changed' }).where('key', '=', 'backup_probe').execute()
    await db.insertInto('app_settings').values({ key: 'after_backup', value: 'new' }).execute()
    await db.updateTable('organisations').set({ name: 'Renamed' }).execute()
    assert.notDeepEqual(await everything(db), before)

    // While this process holds the folder (as a running server does), both commands refuse in one line.
    for (const script of ['db-backup', 'db-restore']) {
      const refused = await failure(command(script, env, file))
      assert.equal(refused.code, 1)
      assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr)
      assert.match(refused.stderr, /The database folder .+ is in use by another process \(pid \d+\)/)
    }
  })

  const restored = await command('db-restore', env, file)
  assert.match(restored.stdout, /^Restored .+ from .+\. The database it replaced is kept in .+\.before-restore-/)
  assert.deepEqual(await withFolder(dataDir, everything), before)
  const kept = readdirSync(join(dataDir, '..')).filter((entry) => entry.startsWith('data.before-restore-'))
  assert.equal(kept.length, 1, 'the replaced database is kept')
  assert.equal(readdirSync(join(dataDir, '..')).filter((entry) => entry.includes('.restoring-')).length, 0, 'no staging folder left')

  // A file that is no backup changes nothing.
  const junk = join(dataDir, '..', 'junk.tar.gz')
  writeFileSync(junk, 'not a backup')
  const refused = await failure(command('db-restore', env, junk))
  assert.equal(refused.code, 1)
  assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr)
  assert.match(refused.stderr, /junk\.tar\.gz is not a toolbox backup/)
  assert.deepEqual(await withFolder(dataDir, everything), before)
})

test('on PostgreSQL the commands point to pg_dump and pg_restore; without a file they print their usage', { timeout: 120_000 }, async () => {
  const env = { ...environment(mkdtempSync(join(tmpdir(), 'toolbox-backup-'))), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/toolbox' }
  const backup = await failure(command('db-backup', env, 'x.tar.gz'))
  assert.equal(backup.code, 1)
  assert.match(backup.stderr, /^DATABASE_URL is set: back up PostgreSQL with pg_dump/)
  const restore = await failure(command('db-restore', env, 'x.tar.gz'))
  assert.match(restore.stderr, /^DATABASE_URL is set: restore PostgreSQL with pg_restore/)
  const usage = await failure(command('db-backup', env))
  assert.equal(usage.code, 2)
  assert.match(usage.stderr, /^Usage: npm run db:backup -- <file>/)
})
