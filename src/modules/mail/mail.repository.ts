import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Tx } from '../../db/transaction.ts'

export interface OutboxMessage {
  recipient: string
  locale: 'nl' | 'en'
  subject: string
  /** The text anyone may read: credentials replaced by a note. */
  bodyText: string
  /** The text as it is to be sent, when it holds credentials (kept only until delivered). */
  bodySecret: string | null
  /** Whether a sender is to deliver it over SMTP; otherwise it only waits in the outbox for an administrator. */
  smtp: boolean
}

/** The SQL of the outbox: every e-mail, written in the transaction that causes it, and its delivery state. */
export function createMailRepository(db: Database) {
  return {
    async insert(trx: Tx, message: OutboxMessage) {
      await trx
        .insertInto('outbox')
        .values({
          recipient: message.recipient,
          locale: message.locale,
          subject: message.subject,
          body_text: message.bodyText,
          body_secret: message.bodySecret,
          transport: message.smtp ? 'smtp' : 'outbox',
          next_attempt_at: message.smtp ? sql<Date>`now()` : null,
        })
        .execute()
    },

    /**
     * How many messages were written to an address (any case) in the last `hours`. Holds a lock on the address until
     * the transaction ends, so that two requests at once cannot both write the last message allowed.
     */
    async countRecentTo(trx: Tx, recipient: string, hours: number): Promise<number> {
      const address = recipient.toLowerCase()
      await sql`select pg_advisory_xact_lock(hashtext(${`outbox:${address}`}))`.execute(trx)
      const row = await trx
        .selectFrom('outbox')
        .select(trx.fn.countAll<number>().as('n'))
        .where(sql<string>`lower(recipient)`, '=', address)
        .where('created_at', '>', sql<Date>`now() - make_interval(hours => ${hours})`)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /**
     * Claims up to `limit` due messages for this sender for `leaseSeconds`: rows another sender holds are skipped, not
     * waited for, so each message goes to one sender. The attempt is counted at the claim.
     */
    async claimDue(limit: number, leaseSeconds: number) {
      const { rows } = await sql<{ id: number; recipient: string; locale: 'nl' | 'en'; subject: string; body_text: string; attempts: number }>`
        update outbox set claimed_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
        where id in (
          select id from outbox
          where sent_at is null and failed_at is null and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked)
        returning id, recipient, locale, subject, coalesce(body_secret, body_text) as body_text, attempts`.execute(db)
      return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }))
    },

    /** Delivered: the text with its single-use links is no longer kept. */
    markSent: (id: number) =>
      db.updateTable('outbox').set({ sent_at: sql<Date>`now()`, claimed_until: null, next_attempt_at: null, error: null, body_secret: null }).where('id', '=', id).execute(),

    /** Keeps the error; tries again after retryInSeconds, or gives up when that is null. */
    markFailed: (id: number, error: string, retryInSeconds: number | null) =>
      db
        .updateTable('outbox')
        .set({
          error,
          claimed_until: null,
          next_attempt_at: retryInSeconds === null ? null : sql<Date>`now() + make_interval(secs => ${retryInSeconds})`,
          failed_at: retryInSeconds === null ? sql<Date>`now()` : null,
        })
        .where('id', '=', id)
        .execute(),

    /** Makes a message that was given up on due again (an administrator asks to send it once more). */
    retry: (trx: Tx, id: number) =>
      trx
        .updateTable('outbox')
        .set({ failed_at: null, next_attempt_at: sql<Date>`now()`, attempts: 0 })
        .where('id', '=', id)
        .where('transport', '=', 'smtp')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is not', null)
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows) > 0),

    list: (limit: number, offset: number) => db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
  }
}
export type MailRepository = ReturnType<typeof createMailRepository>
