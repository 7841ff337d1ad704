import { sql } from 'kysely'
import type { Database } from './database.ts'

/** How often an instance deletes the rows of windows that have ended. */
const SWEEP_INTERVAL_MS = 60_000

/** The count of one request in its window: whether it is over the limit, and when the window ends. */
export interface RateLimitHit {
  hits: number
  windowEndsAt: Date
}

/**
 * The only writer of rate_limits: one row per form (bucket) and client address, counting requests in a window that
 * starts at the first request after the previous window ended. Shared by every instance on the database, so a limit
 * holds however many servers run. Rows of ended windows are deleted now and then.
 */
export function createRateLimitStore(db: Database) {
  let lastSweep = 0

  async function sweep() {
    await db.deleteFrom('rate_limits').where('window_ends_at', '<=', sql<Date>`now()`).execute()
  }

  return {
    /** Counts one request of `client` to `bucket` in a window of `windowSeconds`; answers the count so far. */
    async hit(bucket: string, client: string, windowSeconds: number): Promise<RateLimitHit> {
      if (Date.now() - lastSweep > SWEEP_INTERVAL_MS) {
        lastSweep = Date.now()
        await sweep()
      }
      const { rows } = await sql<{ hits: number; window_ends_at: Date }>`
        insert into rate_limits as r (bucket, client, window_ends_at, hits)
        values (${bucket}, ${client}, now() + make_interval(secs => ${windowSeconds}), 1)
        on conflict (bucket, client) do update set
          hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
          window_ends_at = case when r.window_ends_at <= now() then excluded.window_ends_at else r.window_ends_at end
        returning hits, window_ends_at`.execute(db)
      const row = rows[0]!
      return { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) }
    },
    sweep,
  }
}
export type RateLimitStore = ReturnType<typeof createRateLimitStore>
