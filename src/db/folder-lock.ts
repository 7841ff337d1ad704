import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** Another process holds the embedded database's folder; a second PGlite on the same files would lose writes. */
export class DatabaseInUseError extends Error {}

const LOCK_FILE = 'toolbox.lock'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claims a PGlite data folder for this process, or throws DatabaseInUseError naming the process that holds it.
 * PGlite itself does not refuse a second process, and two of them on one folder silently lose each other's writes.
 * A lock left by a process that no longer runs (a crash, kill -9) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE)
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let holder = Number.NaN
      try {
        holder = Number.parseInt(readFileSync(file, 'utf8'), 10)
      } catch {
        // Released between our attempt and this read: try again.
      }
      // The same process opening the folder twice is a second database too.
      if (Number.isInteger(holder) && (holder === process.pid || isRunning(holder))) {
        throw new DatabaseInUseError(
          `The database folder ${dataDir} is in use by another process (pid ${holder}): stop it first, or set DATA_DIR to another folder. If no toolbox runs, delete ${file}.`,
        )
      }
      if (attempt > 2) throw new DatabaseInUseError(`Could not claim the database folder ${dataDir}: delete ${file} if no toolbox runs.`)
      rmSync(file, { force: true })
    }
  }
}
