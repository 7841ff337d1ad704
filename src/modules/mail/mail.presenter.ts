import type { OutboxTable } from '../../db/schema.ts'

/** Where a message in the outbox stands, as an administrator is told. */
export type OutboxDelivery =
  /** Written while SMTP was not configured: nobody will send it; it is read here. */
  | { state: 'kept' }
  /** Due now or later; lastError when an earlier attempt failed. */
  | { state: 'waiting'; attempt: number; nextAttemptAt: Date | null; lastError: string | null }
  /** A sender holds it right now; lastError when an earlier attempt failed. */
  | { state: 'sending'; attempt: number; lastError: string | null }
  | { state: 'sent'; sentAt: Date }
  /** The sender gave up; an administrator may send it again. */
  | { state: 'failed'; attempts: number; error: string | null; failedAt: Date }

type DeliveryColumns = Pick<OutboxTable, 'transport' | 'sent_at' | 'failed_at' | 'claimed_until' | 'next_attempt_at' | 'error'> & { attempts: number }

/** The delivery state of an outbox row at `now` (attempts are counted when a sender claims the message). */
export function outboxDelivery(row: DeliveryColumns, now: Date): OutboxDelivery {
  if (row.sent_at) return { state: 'sent', sentAt: new Date(row.sent_at) }
  if (row.transport === 'outbox') return { state: 'kept' }
  if (row.failed_at) return { state: 'failed', attempts: row.attempts, error: row.error, failedAt: new Date(row.failed_at) }
  if (row.claimed_until && new Date(row.claimed_until) > now) return { state: 'sending', attempt: row.attempts, lastError: row.error }
  return { state: 'waiting', attempt: row.attempts + 1, nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null, lastError: row.error }
}
