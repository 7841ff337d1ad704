import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'
import { startSmtp, waitFor } from '../../../test/smtp.ts'

const linkIn = (body: string) => /https?:\/\/[^\s<]+\/account\/(?:activate|reset)\/[A-Za-z0-9_-]+/.exec(body)?.[0]
const pathOf = (url: string) => new URL(url).pathname
/** The text of a received message (quoted-printable soft breaks and escapes undone; enough for ASCII links). */
const decoded = (data: string) => data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

test('with SMTP a reset link reaches the person; the stored mail keeps no usable link, before or after sending', { timeout: 60_000 }, async () => {
  const smtp = await startSmtp()
  const t = await buildTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_POLL_INTERVAL_MS: 50, RATE_LIMIT_DISABLED: '1' })
  try {
    await t.app.ready()
    const db = t.database.handle.db
    const user = await createUser(db, { role: 'curator', locale: 'nl' })
    const otherSession = await sessionCookie(db, user.id)
    const browser = new Browser(t.app)
    await browser.get('/password/forgot')
    const unknown = await browser.post('/password/forgot', { email: `${unique('nobody')}@example.org` })
    await browser.get('/password/forgot')
    const known = await browser.post('/password/forgot', { email: user.email })
    assert.equal(unknown.statusCode, 303)
    assert.equal(unknown.headers.location, known.headers.location, 'the same answer whether or not the address has an account')

    await waitFor(() => smtp.received.some((m) => m.to.includes(user.email)), 'the reset e-mail to arrive')
    const sent = decoded(smtp.received.find((m) => m.to.includes(user.email))!.data)
    const link = linkIn(sent)!
    assert.match(link, /^http:\/\/toolbox\.test\/account\/reset\/[A-Za-z0-9_-]{40,}$/)
    const token = link.split('/').at(-1)!

    const row = () => db.selectFrom('outbox').selectAll().where('recipient', '=', user.email).executeTakeFirstOrThrow()
    await waitFor(async () => (await row()).sent_at !== null, 'the outbox to mark it sent')
    const stored = await row()
    assert.equal(stored.subject, 'Nieuw wachtwoord voor de City Deal Toolbox')
    assert.equal(stored.body_secret, null, 'the text with the link is gone once delivered')
    assert.ok(!stored.body_text.includes(token))
    assert.match(stored.body_text, /\[persoonlijke link: alleen in het verstuurde bericht, hier niet bewaard\]/)

    // The administrator's outbox says a link was sent, not which.
    const admin = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'admin' })).id))
    const outbox = await admin.get('/en/admin/outbox')
    assert.ok(!outbox.body.includes(token))
    assert.match(text(outbox.body), /persoonlijke link: alleen in het verstuurde bericht/)
    assert.match(text(outbox.body), /a copy of each message is kept here, without personal links/)

    // The link works once; other sessions end; the new password counts.
    await browser.get(pathOf(link))
    const reset = await browser.post(pathOf(link), { password: 'a brand new password', passwordConfirmation: 'a brand new password' })
    assert.equal(reset.statusCode, 303)
    assert.equal((await browser.get(pathOf(link))).statusCode, 410)
    assert.equal((await new Browser(t.app).withSession(otherSession).get('/account')).statusCode, 401, 'other sessions ended')
    await browser.get('/login')
    assert.equal((await browser.post('/login', { email: user.email, password: user.password })).statusCode, 401)
    await browser.get('/login')
    assert.equal((await browser.post('/login', { email: user.email, password: 'a brand new password' })).statusCode, 303)

    // With SMTP an invitation is e-mailed: the administrator is not shown the link.
    await admin.get('/admin/users')
    const invited = await admin.post('/admin/users', { name: 'Sam Smtp', email: `${unique('sam')}@example.org`, role: 'curator', organisationId: '', locale: 'nl' })
    assert.equal(invited.statusCode, 303)
    assert.equal(linkIn(invited.body), undefined)
  } finally {
    await t.close()
    await smtp.close()
  }
})

test('a message waiting for its sender keeps the link only in the text to send; the outbox page never shows it', async () => {
  // A mail server that is not there: the message waits.
  const closed = await startSmtp()
  await closed.close()
  const t = await buildTestApp({ SMTP_URL: `smtp://127.0.0.1:${closed.port}`, MAIL_RETRY_BASE_MS: 3_600_000 })
  try {
    const db = t.database.handle.db
    const email = `${unique('waiting')}@example.org`
    const { token } = await t.app.appContext.accounts.inviteUser({ kind: 'system', label: 'test' }, { email, name: 'Wim Waiting', role: 'curator', locale: 'en' })
    const stored = await db.selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    assert.ok(stored.body_secret?.includes(`/en/account/activate/${token}`), 'the sender has what it must send')
    assert.ok(!stored.body_text.includes(token))
    const admin = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'admin' })).id))
    const page = await admin.get('/admin/outbox')
    assert.match(text(page.body), /Invitation to the City Deal Toolbox/)
    assert.ok(!page.body.includes(token))
  } finally {
    await t.close()
  }
})

test('without SMTP the inviting administrator sees the link once; inviting again shows a new one and the old one stops', async () => {
  const t = await buildTestApp()
  try {
    const db = t.database.handle.db
    const admin = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'admin' })).id))
    await admin.get('/en/admin/users')
    const email = `${unique('hand')}@example.org`
    const invited = await admin.post('/en/admin/users', { name: 'Hanna Hand', email, role: 'curator', organisationId: '', locale: 'nl' })
    assert.equal(invited.statusCode, 200)
    assert.match(text(invited.body), new RegExp(`Give Hanna Hand \\(${email}\\) this link yourself`))
    const first = linkIn(invited.body)!
    assert.match(first, /^http:\/\/toolbox\.test\/account\/activate\//, 'in the invitee’s language')

    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    await admin.get(`/en/admin/users/${user.id}`)
    const again = await admin.post(`/en/admin/users/${user.id}/reinvite`, {})
    assert.equal(again.statusCode, 200)
    assert.equal(again.headers['cache-control'], 'no-store')
    const second = linkIn(again.body)!
    assert.notEqual(second, first)
    assert.equal((await new Browser(t.app).get(pathOf(first))).statusCode, 410, 'the earlier link no longer works')
    assert.equal((await new Browser(t.app).get(pathOf(second))).statusCode, 200)

    // No copy anywhere: not in the outbox, not on the pages the administrator reads afterwards.
    const rows = await db.selectFrom('outbox').select(['body_text', 'body_secret']).where('recipient', '=', email).execute()
    assert.equal(rows.length, 2)
    for (const r of rows) {
      assert.equal(r.body_secret, null)
      assert.equal(linkIn(r.body_text), undefined)
    }
    for (const page of ['/en/admin/users', `/en/admin/users/${user.id}`, '/en/admin/outbox', '/admin/outbox']) {
      const body = (await admin.get(page)).body
      for (const link of [first, second]) assert.ok(!body.includes(link.split('/').at(-1)!), `${page} shows no link`)
    }
  } finally {
    await t.close()
  }
})
