import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { SMTPServer } from 'smtp-server'
import { buildTestApp } from '../../../test/helper.ts'
import { createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie } from '../../../test/http.ts'

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp() {
  const received: { from: string; to: string[]; data: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')))
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

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
    assert.equal(smtp.received.length, 1)
    const mail = smtp.received[0]!
    assert.deepEqual(mail.to, ['sanne@example.org'])
    assert.equal(mail.from, 'toolbox@example.org')
    assert.match(mail.data, /Subject: Uitnodiging voor de City Deal Toolbox/)
    assert.match(mail.data.replace(/=\r\n/g, ''), /http:\/\/toolbox\.test\/account\/activate\/[A-Za-z0-9_-]+/)
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
    const row = await db.selectFrom('outbox').selectAll().where('recipient', '=', 'down@example.org').executeTakeFirstOrThrow()
    assert.equal(row.sent_at, null)
    assert.match(row.error ?? '', /ECONNREFUSED|connect/i)
    assert.match((await browser.get('/en/admin/outbox')).body, /Sending failed/)
  } finally {
    await t.close()
  }
})
