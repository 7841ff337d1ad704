import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { SubmissionStatus } from '../../db/schema.ts'
import { createUser } from '../../../test/factories.ts'
import { buildTestApp, createTestDatabase } from '../../../test/helper.ts'
import { sessionCookie } from '../../../test/http.ts'
import { monthsBefore } from './retention.service.ts'

const NOW = new Date('2026-12-02T12:00:00Z')
const monthsAgo = (months: number) => monthsBefore(NOW, months)

/** A submission as it stands after its history: created, and (when given) decided at a backdated moment. */
async function backdatedSubmission(db: Database, email: string, status: SubmissionStatus, decidedAt?: Date, createdAt = monthsAgo(40)) {
  const row = await db
    .insertInto('submissions')
    .values({ kind: 'new_tool', status, locale: 'en', source: 'form', name: `Probe ${randomBytes(3).toString("hex")}`, description: 'A tool', contact_email: email, token_nonce: randomBytes(8).toString('hex'), token_hash: randomBytes(16).toString('hex'), created_at: createdAt, updated_at: decidedAt ?? createdAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('submission_events').values({ submission_id: row.id, event: 'submitted', occurred_at: createdAt }).execute()
  if (decidedAt && status !== 'pending' && status !== 'needs_info') await db.insertInto('submission_events').values({ submission_id: row.id, event: status, occurred_at: decidedAt }).execute()
  return row.id
}

test('SUBMITTER_EMAIL_RETENTION_MONTHS is 12 unless set; months are counted as a person counts them', () => {
  assert.equal(loadConfig({}).SUBMITTER_EMAIL_RETENTION_MONTHS, 12)
  assert.equal(loadConfig({ SUBMITTER_EMAIL_RETENTION_MONTHS: '3' }).SUBMITTER_EMAIL_RETENTION_MONTHS, 3)
  assert.throws(() => loadConfig({ SUBMITTER_EMAIL_RETENTION_MONTHS: '0' }))
  assert.equal(monthsBefore(new Date('2027-03-31T10:00:00Z'), 1).toISOString(), '2027-02-28T10:00:00.000Z')
  assert.equal(monthsBefore(new Date('2026-12-02T12:00:00Z'), 12).toISOString(), '2025-12-02T12:00:00.000Z')
})

test('submitters\' e-mail addresses are erased 12 months after the decision, audited, once; open and recent ones are kept', async () => {
  const t = await buildTestApp()
  try {
    const db = t.database.handle.db
    const rejectedLongAgo = await backdatedSubmission(db, 'old-rejected@example.org', 'rejected', monthsAgo(13))
    const mergedLongAgo = await backdatedSubmission(db, 'old-merged@example.org', 'merged', monthsAgo(25))
    const decidedJustInTime = await backdatedSubmission(db, 'edge@example.org', 'published', new Date(monthsAgo(12).getTime() + 60_000))
    const publishedRecently = await backdatedSubmission(db, 'recent@example.org', 'published', monthsAgo(11))
    const pendingForYears = await backdatedSubmission(db, 'waiting@example.org', 'pending')
    const emails = async () => new Map((await db.selectFrom('submissions').select(['id', 'contact_email', 'contact_email_erased_at']).execute()).map((r) => [r.id, r]))

    const first = await t.app.appContext.retention.eraseExpired(NOW)
    assert.equal(first.erased, 2)
    const after = await emails()
    for (const id of [rejectedLongAgo, mergedLongAgo]) {
      assert.equal(after.get(id)?.contact_email, null)
      assert.equal(after.get(id)?.contact_email_erased_at?.toISOString(), NOW.toISOString())
    }
    assert.equal(after.get(decidedJustInTime)?.contact_email, 'edge@example.org')
    assert.equal(after.get(publishedRecently)?.contact_email, 'recent@example.org')
    assert.equal(after.get(pendingForYears)?.contact_email, 'waiting@example.org')

    const audited = await db.selectFrom('audit_log').select(['entity_id', 'actor_label', 'after']).where('action', '=', 'submission.contact_email_erased').orderBy('entity_id').execute()
    assert.deepEqual(audited.map((a) => [a.entity_id, a.actor_label]), [[String(rejectedLongAgo), 'system: retention'], [String(mergedLongAgo), 'system: retention']])
    assert.doesNotMatch(JSON.stringify(audited), /@example\.org/, 'the audit entry does not repeat the address')

    // A second run (the next day, or another instance) finds nothing more to erase; a day later the edge case goes.
    assert.equal((await t.app.appContext.retention.eraseExpired(NOW)).erased, 0)
    assert.equal((await t.app.appContext.retention.eraseExpired(new Date(NOW.getTime() + 86_400_000))).erased, 1)

    // The curator sees that the address was erased, and when.
    const curator = await createUser(db, { role: 'curator' })
    const page = await t.app.inject({ url: `/en/curation/${rejectedLongAgo}`, headers: { cookie: await sessionCookie(db, curator.id) } })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Erased on .*2026.*kept for a set time after the decision/)
    assert.doesNotMatch(page.body, /old-rejected@example\.org/)
  } finally {
    await t.close()
  }
})

test('npm run retention:run erases once and says how many', { timeout: 120_000 }, async () => {
  const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined
  await database?.handle.close()
  const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env
  const env = { ...inherited, LOG_LEVEL: 'warn', SUBMITTER_EMAIL_RETENTION_MONTHS: '6', ...(database?.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: mkdtempSync(join(tmpdir(), 'toolbox-retention-')) }) }
  try {
    const ROOT = join(import.meta.dirname, '..', '..', '..')
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/retention.ts'], { cwd: ROOT, env })
    assert.match(stdout, /^Erased the e-mail addresses of 0 submissions decided before \d{4}-\d{2}-\d{2} \(6 months\)\.\n$/)
  } finally {
    await database?.drop()
  }
})
