import { setTimeout as delay } from 'node:timers/promises'
import type { DatabaseHandle } from './database.ts'

/** The database did not answer within the configured start-up time; the message says so in one line. */
export class DatabaseUnreachableError extends Error {}

interface Options {
  /** Where the database is, without credentials, for the messages. */
  where: string
  retrySeconds: number
  /** Pause between tries. */
  intervalMs?: number
  warn(object: object, message: string): void
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string }
  const message = (e.message ?? String(error)).split('\n')[0]!
  return e.code && !message.includes(e.code) ? `${e.code}: ${message}` : message
}

/**
 * Waits at start-up for a database that is not there yet (PostgreSQL starting next to the app): tries, says in one
 * line per try what went wrong and how long it keeps trying, and gives up after retrySeconds with one line.
 */
export async function waitForDatabase(database: Pick<DatabaseHandle, 'ping'>, options: Options): Promise<void> {
  const giveUpAt = Date.now() + options.retrySeconds * 1000
  for (let attempt = 1; ; attempt++) {
    try {
      await database.ping()
      return
    } catch (error) {
      const left = Math.ceil((giveUpAt - Date.now()) / 1000)
      if (left <= 0) {
        throw new DatabaseUnreachableError(
          `The database at ${options.where} could not be reached within ${options.retrySeconds} s (${attempt} tries; last: ${describe(error)}). Check DATABASE_URL and that PostgreSQL runs, or wait longer with DATABASE_CONNECT_RETRY_SECONDS.`,
        )
      }
      options.warn({ attempt, error: describe(error) }, `The database at ${options.where} is not reachable yet (try ${attempt}: ${describe(error)}); trying again for ${left} s more.`)
      await delay(Math.min(options.intervalMs ?? 2_000, giveUpAt - Date.now()))
    }
  }
}

/** host:port/database of a PostgreSQL URL, without user or password. */
export function databaseLocation(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}
