import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildApp } from '../../app.ts'
import { openDatabase } from '../../db/database.ts'
import { createTestDatabase, testConfig, buildTestApp } from '../../../test/helper.ts'
import { Browser } from '../../../test/http.ts'
import { startHungSmtp, startSmtp, waitFor } from '../../../test/smtp.ts'
import { unique } from '../../../test/factories.ts'
import { retryDelayMs } from './mail.sender.ts'

const fast = { SMTP_TIMEOUT_MS: 1_000, MAIL_RETRY_BASE_MS: 100, MAIL_POLL_INTERVAL_MS: 50 }

test('retries wait twice as long each time, at most six hours', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(n, 60_000)), [60_000, 120_000, 240_000, 480_000])
  assert.equal(retryDelayMs(30, 60_000), 6 * 3600_000)
})

test('with a mail server that hangs, the share form answers at once; the mail goes out when the server is back', { timeout: 60_000 }, async () => {
  const hung = await startHungSmtp()
  // A timeout long enough that no attempt can end before the test reads the row, however busy the machine is.
  const t = await buildTestApp({ SMTP_URL: `smtp://127.0.0.1:${hung.port}`, ...fast, SMTP_TIMEOUT_MS: 4_000 })
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined
  try {
    const db = t.database.handle.db
    const browser = new Browser(t.app)
    await browser.get('/tools/share')
    const email = `${unique('hung')}@example.org`
    const res = await browser.post('/tools/share', { name: unique('Hangende-server-tool'), description: 'Een tool om te testen wat een hangende mailserver doet.', contactEmail: email, confirmDifferent: 'on' })
    assert.equal(res.statusCode, 303)
    // The answer came while the message was still unsent and no attempt had ended: nothing waited for the server.
    const message = () => db.selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    const atAnswer = await message()
    assert.equal(atAnswer.sent_at, null)
    assert.equal(atAnswer.error, null)
    assert.equal(atAnswer.transport, 'smtp')
    // The sender meanwhile talks to the hung server, gives up on that attempt after the timeout and keeps the error.
    await waitFor(() => hung.connections() > 0, 'the sender to connect to the hung server')
    await waitFor(async () => (await message()).error !== null, 'the attempt to time out')
    assert.match((await message()).error ?? '', /timeout|greeting/i)
    assert.equal((await message()).sent_at, null)

    // The server comes back on the same address: the next retry delivers.
    await hung.close()
    smtp = await startSmtp({ port: hung.port })
    await waitFor(() => smtp!.received.some((m) => m.to.includes(email)), 'the confirmation to arrive')
    // The server has it; the sender marks it sent once the server has said so.
    await waitFor(async () => (await message()).sent_at !== null, 'the outbox to mark it sent')
    const sent = await message()
    assert.equal(sent.error, null)
    assert.ok(sent.attempts >= 2, `attempts: ${sent.attempts}`)
    assert.equal(smtp.received.filter((m) => m.to.includes(email)).length, 1, 'sent once')
  } finally {
    await t.close()
    await hung.close().catch(() => {})
    await smtp?.close()
  }
})

test('a message that keeps failing is retried with back-off, then given up on with its last error', { timeout: 60_000 }, async () => {
  const closed = await startSmtp()
  await closed.close()
  const t = await buildTestApp({ SMTP_URL: `smtp://127.0.0.1:${closed.port}`, ...fast, MAIL_RETRY_BASE_MS: 400, MAIL_MAX_ATTEMPTS: 3 })
  try {
    await t.app.ready()
    const db = t.database.handle.db
    const email = `${unique('down')}@example.org`
    await t.app.appContext.accounts.inviteUser({ kind: 'system', label: 'test' }, { email, name: 'Down', role: 'curator', locale: 'nl' })
    const message = () => db.selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    // After the first failure the next attempt waits the base delay (not a tight loop).
    await waitFor(async () => (await message()).error !== null, 'the first attempt to fail')
    const first = await message()
    assert.equal(first.attempts, 1)
    assert.ok(first.next_attempt_at && first.next_attempt_at.getTime() > Date.now(), 'the next attempt waits')
    await waitFor(async () => (await message()).failed_at !== null, 'the sender to give up')
    const given = await message()
    assert.equal(given.attempts, 3)
    assert.equal(given.next_attempt_at, null)
    assert.match(given.error ?? '', /ECONNREFUSED|connect/i)
    assert.equal(given.sent_at, null)
  } finally {
    await t.close()
  }
})

test('two app instances on one database send each message once', { timeout: 90_000 }, async () => {
  // Slow enough that both senders are busy at the same time.
  const smtp = await startSmtp({ delayMs: 15 })
  const database = await createTestDatabase()
  // PostgreSQL: two connection pools, as two servers would have. PGlite serves one process, so both share its handle.
  const second = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 4 }) : database.handle
  const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ...fast })
  const a = await buildApp(config, { database: database.handle, logger: false })
  const b = await buildApp(config, { database: second, logger: false })
  try {
    await Promise.all([a.ready(), b.ready()])
    const recipients = Array.from({ length: 40 }, (_, i) => `${unique(`twice-${i}`)}@example.org`)
    // Queued through both instances, half each, while both senders run.
    await Promise.all(
      recipients.map((email, i) =>
        (i % 2 === 0 ? a : b).appContext.accounts.inviteUser({ kind: 'system', label: 'test' }, { email, name: `Person ${i}`, role: 'curator', locale: 'en' }),
      ),
    )
    await waitFor(() => recipients.every((r) => smtp.received.some((m) => m.to.includes(r))), 'every invitation to arrive', 60_000)
    // A moment more, in case a second copy were on its way.
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const r of recipients) assert.equal(smtp.received.filter((m) => m.to.includes(r)).length, 1, `${r} got one message`)
    const unsent = () => database.handle.db.selectFrom('outbox').select('id').where('sent_at', 'is', null).where('transport', '=', 'smtp').execute()
    await waitFor(async () => (await unsent()).length === 0, 'every message to be marked sent')
  } finally {
    await b.close().catch(() => {})
    await a.close().catch(() => {})
    await database.drop()
    await smtp.close()
  }
})
