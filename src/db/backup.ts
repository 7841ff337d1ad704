import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from './database.ts'
import { lockDataDir } from './folder-lock.ts'

/** Something the operator can act on (a file that is no backup, a folder in use); said in one line. */
export class BackupError extends Error {}

const LOCK_FILE = 'toolbox.lock'

/**
 * Writes a consistent copy of the PGlite database in dataDir to file (a gzipped tar of its data folder, the format
 * of PGlite's dumpDataDir). The folder is claimed for the time of the dump, so it is refused while a server or
 * another command uses it: a copy of files that a running PGlite writes to would not be consistent.
 * The file appears only when complete. Returns its size in bytes.
 */
export async function backupDataDir(dataDir: string, file: string): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError(`There is no database in ${dataDir} to back up (DATA_DIR).`)
  const database = await openDatabase({ dataDir })
  try {
    await database.ping()
    const dump = await database.pglite!.dumpDataDir('gzip')
    const bytes = Buffer.from(await dump.arrayBuffer())
    const partial = `${file}.partial`
    writeFileSync(partial, bytes)
    renameSync(partial, file)
    return bytes.length
  } finally {
    await database.close()
  }
}

/**
 * Replaces the PGlite database in dataDir with the backup in file. The backup is first opened in a folder of its
 * own (a file that is no toolbox backup changes nothing); the database it replaces is kept next to DATA_DIR in
 * <DATA_DIR>.before-restore-<time>. The folder is claimed throughout, so a running server makes this refuse.
 * Returns the folder with the previous database (undefined when there was none).
 */
export async function restoreDataDir(dataDir: string, file: string, now = new Date()): Promise<string | undefined> {
  if (!existsSync(file)) throw new BackupError(`No backup file ${file}.`)
  mkdirSync(dataDir, { recursive: true })
  const release = lockDataDir(dataDir)
  const target = resolve(dataDir)
  const staging = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`)
  try {
    rmSync(staging, { recursive: true, force: true })
    const loaded = await openDatabase({ dataDir: staging, loadDataDir: new Blob([readFileSync(file)]) }).catch((error: unknown) => {
      throw new BackupError(`${file} is not a toolbox backup: ${(error as Error).message.split('\n')[0]}`)
    })
    try {
      await sql`select count(*) from kysely_migration`.execute(loaded.db).catch(() => {
        throw new BackupError(`${file} is a PostgreSQL data folder but not a toolbox backup (it has no migrations table).`)
      })
    } finally {
      await loaded.close()
    }
    const previous = readdirSync(target).filter((entry) => entry !== LOCK_FILE)
    let kept: string | undefined
    if (previous.length > 0) {
      kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
      mkdirSync(kept)
      for (const entry of previous) renameSync(join(target, entry), join(kept, entry))
    }
    for (const entry of readdirSync(staging)) if (entry !== LOCK_FILE) renameSync(join(staging, entry), join(target, entry))
    return kept
  } finally {
    rmSync(staging, { recursive: true, force: true })
    release()
  }
}
