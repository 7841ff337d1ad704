import type { RunInTransaction } from '../../db/transaction.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { SubmissionsRepository } from './submissions.repository.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** The first run after start-up waits this long, so that starting (and every test) is not slowed by it. */
const FIRST_RUN_DELAY_MS = 60_000
const RETENTION: Actor = { kind: 'system', label: 'retention' }

export interface RetentionDeps {
  repository: Pick<SubmissionsRepository, 'eraseContactEmails'>
  transaction: RunInTransaction
  audit: Pick<AuditRepository, 'record'>
  /** SUBMITTER_EMAIL_RETENTION_MONTHS. */
  months: number
  log: { info(object: object, message: string): void; error(object: object, message: string): void }
}

/** The moment `months` calendar months before `now` (the 31st becomes the month's last day, as a person counts). */
export function monthsBefore(now: Date, months: number): Date {
  const then = new Date(now)
  const day = then.getUTCDate()
  then.setUTCDate(1)
  then.setUTCMonth(then.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(then.getUTCFullYear(), then.getUTCMonth() + 1, 0)).getUTCDate()
  then.setUTCDate(Math.min(day, lastDay))
  return then
}

/**
 * Retention of submitters' e-mail addresses: erased `months` after the decision on their submission, once a day by
 * every running instance (the update is idempotent, so several instances do no harm) and on demand by
 * `npm run retention:run`. Each erasure is audited (without the address).
 */
export function createSubmitterRetention(deps: RetentionDeps) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined

  async function eraseExpired(now = new Date()) {
    const decidedBefore = monthsBefore(now, deps.months)
    return deps.transaction(async (trx) => {
      const erased = await deps.repository.eraseContactEmails(trx, decidedBefore, now)
      for (const row of erased) {
        await deps.audit.record(trx, RETENTION, {
          action: 'submission.contact_email_erased',
          entityType: 'submission',
          entityId: row.id,
          after: { status: row.status, decidedBefore: decidedBefore.toISOString(), retentionMonths: deps.months },
        })
      }
      return { erased: erased.length, decidedBefore }
    })
  }

  function runOnce() {
    running ??= eraseExpired()
      .then(({ erased, decidedBefore }) => deps.log.info({ erased, decidedBefore }, 'retention: submitters\' e-mail addresses erased'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'retention: erasing e-mail addresses failed (tried again tomorrow)'))
      .finally(() => {
        running = undefined
      })
  }

  return {
    eraseExpired,
    /** Runs a minute after start-up, then every 24 hours. */
    start() {
      if (timer) return
      timer = setTimeout(function tick() {
        runOnce()
        timer = setTimeout(tick, DAY_MS).unref()
      }, FIRST_RUN_DELAY_MS).unref()
    },
    /** Stops the daily run, waiting for one in progress. */
    async stop() {
      clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
export type SubmitterRetention = ReturnType<typeof createSubmitterRetention>
