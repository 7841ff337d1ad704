import assert from 'node:assert/strict'
import { test } from 'node:test'
import { outboxDelivery } from './mail.presenter.ts'

const now = new Date('2026-03-01T12:00:00Z')
const row = { transport: 'smtp' as const, sent_at: null, failed_at: null, claimed_until: null, next_attempt_at: now, error: null, attempts: 0 }

test('a lease that ran out (the sender died mid-send) reads as waiting again, with the next attempt number', () => {
  assert.deepEqual(outboxDelivery({ ...row, attempts: 2, claimed_until: new Date(now.getTime() - 1) }, now), { state: 'waiting', attempt: 3, nextAttemptAt: now, lastError: null })
  assert.deepEqual(outboxDelivery({ ...row, attempts: 2, claimed_until: new Date(now.getTime() + 1) }, now), { state: 'sending', attempt: 2, lastError: null })
})

test('sent wins over a stale error; a message kept for want of SMTP is never waiting', () => {
  assert.equal(outboxDelivery({ ...row, sent_at: now, error: 'earlier failure' }, now).state, 'sent')
  assert.equal(outboxDelivery({ ...row, transport: 'outbox', next_attempt_at: null }, now).state, 'kept')
  assert.deepEqual(outboxDelivery({ ...row, attempts: 5, failed_at: now, error: 'x' }, now), { state: 'failed', attempts: 5, error: 'x', failedAt: now })
})
