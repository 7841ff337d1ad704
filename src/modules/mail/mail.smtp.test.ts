import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp } from '../../../test/helper.ts'
import { startSmtp, waitFor } from '../../../test/smtp.ts'
import { createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie } from '../../../test/http.ts'

test('with SMTP_URL, invitations are delivered over SMTP in the recipient’s language and kept in the outbox', async () => {
  const smtp = await startSmtp()
  const t = await buildTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Toolbox <toolbox@example.org>' })
  try {
    const db = t.database.handle.db
    const admin = await createUser(db, { role: 'admin' })
    const browser = new Browser(t.app).withSession(await sessionCookie(db, admin.id))
    await browser.get('/admin/users')
    const res = await browser.post('/admin/users', { name: 'Sanne SMTP', email: 'sanne@example.org', role: 'curator', locale: 'nl' })
    assert.equal(res.statusCode, 303)
    // The outbox sender delivers it in the background, right after the invitation's transaction commits.
    await waitFor(() => smtp.received.length === 1, 'the invitation to arrive')
    const mail = smtp.received[0]!
    assert.deepEqual(mail.to, ['sanne@example.org'])
    assert.equal(mail.from, 'toolbox@example.org')
    assert.match(mail.data, /Subject: Uitnodiging voor de City Deal Toolbox/)
    assert.match(mail.data.replace(/=\r\n/g, ''), /http:\/\/toolbox\.test\/account\/activate\/[A-Za-z0-9_-]+/)
    await waitFor(async () => !!(await db.selectFrom('outbox').select('sent_at').where('recipient', '=', 'sanne@example.org').executeTakeFirstOrThrow()).sent_at, 'the outbox to mark it sent')
    const row = await db.selectFrom('outbox').selectAll().where('recipient', '=', 'sanne@example.org').executeTakeFirstOrThrow()
    assert.equal(row.transport, 'smtp')
    assert.ok(row.sent_at, 'marked as sent')
    assert.equal(row.error, null)
  } finally {
    await t.close()
    await smtp.close()
  }
})

test('when the SMTP server is down, the action still succeeds and the outbox shows why the message was not sent', async () => {
  const smtp = await startSmtp()
  await smtp.close()
  const t = await buildTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` })
  try {
    const db = t.database.handle.db
    const admin = await createUser(db, { role: 'admin' })
    const browser = new Browser(t.app).withSession(await sessionCookie(db, admin.id))
    await browser.get('/admin/users')
    assert.equal((await browser.post('/admin/users', { name: 'Down', email: 'down@example.org', role: 'curator', locale: 'en' })).statusCode, 303)
    const failed = () => db.selectFrom('outbox').selectAll().where('recipient', '=', 'down@example.org').executeTakeFirstOrThrow()
    await waitFor(async () => (await failed()).error !== null, 'the first attempt to fail')
    const row = await failed()
    assert.equal(row.sent_at, null)
    assert.match(row.error ?? '', /ECONNREFUSED|connect/i)
    assert.match((await browser.get('/en/admin/outbox')).body, /Sending failed/)
  } finally {
    await t.close()
  }
})
