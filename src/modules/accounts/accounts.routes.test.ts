import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { buildApp } from '../../app.ts'
import { createTestDatabase, testConfig, buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

const linkIn = (body: string) => /https?:\/\/\S+\/account\/(?:activate|reset)\/[A-Za-z0-9_-]+/.exec(body)?.[0]
const pathOf = (url: string) => new URL(url).pathname

describe('accounts: invitation, sign-in, sign-out, password reset', () => {
  let t: TestApp
  let logs = ''
  /** Tokens of links handed out in these tests: none may reach the logs. */
  const issuedTokens: string[] = []
  before(async () => {
    const database = await createTestDatabase()
    const stream = new PassThrough()
    stream.on('data', (chunk) => (logs += chunk.toString()))
    // A generous rate limit here: these tests sign in many times from one address (the limit has its own test).
    const app = await buildApp(testConfig({ LOG_LEVEL: 'info', RATE_LIMIT_SIGN_IN_PER_MINUTE: 1000 }), { database: database.handle, logStream: stream })
    t = { app, database, close: async () => { await app.close(); await database.drop() } }
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  test('an administrator invites; the invitee sets a password, signs in and out', async () => {
    const admin = await createUser(db(), { role: 'admin' })
    const adminBrowser = new Browser(t.app).withSession(await sessionCookie(db(), admin.id))
    await adminBrowser.get('/admin/users')
    const email = `invitee-${Date.now()}@example.org`
    const invited = await adminBrowser.post('/admin/users', { name: 'Ineke Invitee', email, role: 'curator', organisationId: '', locale: 'en' })
    // No SMTP configured: no e-mail goes out, so the administrator is shown the link, once, to pass on.
    assert.equal(invited.statusCode, 200)
    assert.equal(invited.headers['cache-control'], 'no-store')
    assert.match(text(invited.body), new RegExp(`Geef Ineke Invitee \\(${email}\\) deze link zelf`))
    const link = linkIn(invited.body)!
    assert.match(link, /^http:\/\/toolbox\.test\/en\/account\/activate\//)
    issuedTokens.push(link.split('/').at(-1)!)
    assert.equal(linkIn((await adminBrowser.get('/admin/users')).body), undefined, 'and never again')

    // The message is in the outbox, in the invitee's language, without the link.
    const message = await db().selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    assert.equal(message.subject, 'Invitation to the City Deal Toolbox')
    assert.equal(message.transport, 'outbox')
    assert.equal(message.body_secret, null)
    assert.equal(linkIn(message.body_text), undefined)
    assert.match(message.body_text, /Choose a password with this link .*:\n\n\[personal link: only in the message as sent, not kept here\]/)
    const outbox = await adminBrowser.get('/admin/outbox')
    assert.match(text(outbox.body), /Invitation to the City Deal Toolbox/)
    assert.ok(!outbox.body.includes(link.split('/').at(-1)!), 'the outbox page does not show the link')

    const invitee = new Browser(t.app)
    const form = await invitee.get(pathOf(link))
    assert.equal(form.statusCode, 200)
    assert.match(text(form.body), new RegExp(`Choose a password for your account \\(${email}\\)`))
    const mismatch = await invitee.post(pathOf(link), { password: 'a long enough password', passwordConfirmation: 'another one entirely' })
    assert.equal(mismatch.statusCode, 400)
    assert.match(text(mismatch.body), /Repeat the password: The two passwords are not the same/)
    const short = await invitee.post(pathOf(link), { password: 'short', passwordConfirmation: 'short' })
    assert.equal(short.statusCode, 400)
    assert.match(text(short.body), /Must be at least 12 characters long/)
    const set = await invitee.post(pathOf(link), { password: 'a long enough password', passwordConfirmation: 'a long enough password' })
    assert.equal(set.statusCode, 303)
    assert.equal(set.headers.location, '/en/account?done=passwordSet')
    // Signed in at once.
    assert.match(text((await invitee.get('/en/account?done=passwordSet')).body), /Your password is set and you are signed in\./)
    await invitee.post('/en/logout', {})

    // The link works once.
    const reused = await invitee.get(pathOf(link))
    assert.equal(reused.statusCode, 410)
    assert.match(text(reused.body), /This link has expired or was already used/)

    await invitee.get('/en/login')
    const wrong = await invitee.post('/en/login', { email, password: 'not the password' })
    assert.equal(wrong.statusCode, 401)
    assert.match(text(wrong.body), /The e-mail address or password is not right/)
    assert.match(wrong.body, new RegExp(`value="${email}"`), 'the typed e-mail address is kept')

    const signedIn = await invitee.post('/en/login', { email: email.toUpperCase(), password: 'a long enough password' })
    assert.equal(signedIn.statusCode, 303)
    const cookie = signedIn.cookies.find((c) => c.name === 'toolbox_session')!
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.sameSite, 'Lax')
    assert.equal(cookie.secure, undefined, 'not Secure on http')
    const account = await invitee.get('/en/account')
    assert.equal(account.statusCode, 200)
    assert.match(text(account.body), /You are signed in as Ineke Invitee/)

    const out = await invitee.post('/en/logout', {})
    assert.equal(out.statusCode, 303)
    assert.equal((await invitee.get('/en/account')).statusCode, 401)
    const sessions = await db().selectFrom('sessions').selectAll().where('user_id', '=', (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id).execute()
    assert.equal(sessions.length, 0, 'signing out ends the session in the database')

    const audit = await db().selectFrom('audit_log').select(['action', 'actor_label']).where('entity_type', '=', 'user').execute()
    assert.ok(audit.some((a) => a.action === 'user.invited' && a.actor_label.includes(admin.email)))
    assert.ok(audit.some((a) => a.action === 'user.activated'))
  })

  test('a new session at every sign-in', async () => {
    const user = await createUser(db(), { role: 'curator' })
    const browser = new Browser(t.app)
    await browser.get('/login')
    await browser.post('/login', { email: user.email, password: user.password })
    const first = browser.cookies.toolbox_session
    await browser.get('/login?next=/account')
    await browser.post('/login', { email: user.email, password: user.password })
    assert.notEqual(browser.cookies.toolbox_session, first)
    const count = await db().selectFrom('sessions').select(db().fn.countAll<number>().as('n')).where('user_id', '=', user.id).executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 1, 'the previous session ended')
  })

  test('expired and malformed links get a clear 410 page', async () => {
    const user = await createUser(db(), { role: 'curator' })
    await db().updateTable('users').set({ password_hash: null }).where('id', '=', user.id).execute()
    const { token } = await t.app.appContext.accounts.reinvite({ kind: 'system', label: 'test' }, user.id)
    await db().updateTable('auth_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute()
    const expired = await new Browser(t.app).get(`/account/activate/${token}`)
    assert.equal(expired.statusCode, 410)
    assert.match(text(expired.body), /Deze link is verlopen of al gebruikt/)
    for (const bad of ['x', 'a'.repeat(200), '%00', '..%2F..%2Fadmin']) {
      const res = await new Browser(t.app).get(`/en/account/reset/${bad}`)
      // A NUL is refused before the route (400, input guard); the others reach it and find no link.
      assert.ok([400, 404, 410].includes(res.statusCode), `${bad}: ${res.statusCode}`)
    }
  })

  test('forms without a valid CSRF token are refused and change nothing', async () => {
    const admin = await createUser(db(), { role: 'admin' })
    const browser = new Browser(t.app).withSession(await sessionCookie(db(), admin.id))
    await browser.get('/admin/users')
    const email = `csrf-${Date.now()}@example.org`
    const missing = await browser.post('/admin/users', { name: 'X', email, role: 'curator', locale: 'nl' }, { csrf: false })
    assert.equal(missing.statusCode, 403)
    assert.match(text(missing.body), /Dit formulier is verlopen of ongeldig/)
    browser.csrf = 'forged-token'
    assert.equal((await browser.post('/admin/users', { name: 'X', email, role: 'curator', locale: 'nl' })).statusCode, 403)
    assert.equal((await db().selectFrom('users').select('id').where('email', '=', email).execute()).length, 0)
    const login = await new Browser(t.app).post('/en/login', { email: 'a@b.nl', password: 'x' }, { csrf: false })
    assert.equal(login.statusCode, 403)
    assert.match(text(login.body), /This form has expired or is invalid/)
  })

  test('a tampered or unknown session cookie is anonymous, not an error', async () => {
    for (const value of ['tampered', 'x'.repeat(500), '%00%FF', '']) {
      const res = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie: `toolbox_session=${value}` } })
      assert.equal(res.statusCode, 401)
      assert.match(text(res.body), /Log in om deze pagina te gebruiken/)
    }
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: 'toolbox_session=tampered' } })
    assert.equal(home.statusCode, 200)
    assert.ok(home.cookies.some((c) => c.name === 'toolbox_session' && c.value === ''), 'the stale cookie is cleared')
  })

  test('no password, token or session id ever reaches the logs', async () => {
    const tokens = issuedTokens
    assert.ok(tokens.length > 0)
    assert.ok(logs.includes('[redacted]'), 'links were requested and logged with the token redacted')
    for (const secret of [...tokens, 'a long enough password', 'a brand new password', 'correct horse battery staple']) {
      assert.ok(!logs.includes(secret), `log contains a secret`)
    }
    const sessionIds = await db().selectFrom('sessions').select('id').execute()
    for (const s of sessionIds) assert.ok(!logs.includes(s.id))
    assert.ok(!/toolbox_session=[A-Za-z0-9_-]{20,}/.test(logs), 'no session cookie in the logs')
  })
})

describe('security baseline', () => {
  test('strict headers; HSTS only behind https', async () => {
    const t = await buildTestApp()
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' })
      const csp = res.headers['content-security-policy'] as string
      assert.ok(!csp.includes('unsafe-inline'))
      assert.match(csp, /frame-ancestors 'none'/)
      assert.equal(res.headers['x-content-type-options'], 'nosniff')
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin')
      assert.equal(res.headers['strict-transport-security'], undefined)
    } finally {
      await t.close()
    }
    const https = await buildTestApp({ PUBLIC_URL: 'https://toolbox.example.org' })
    try {
      const res = await https.app.inject({ method: 'GET', url: '/' })
      assert.match(res.headers['strict-transport-security'] as string, /max-age=\d+/)
      const user = await createUser(https.database.handle.db, { role: 'curator' })
      const browser = new Browser(https.app)
      await browser.get('/login')
      const signedIn = await browser.post('/login', { email: user.email, password: user.password })
      assert.equal(signedIn.cookies.find((c) => c.name === 'toolbox_session')?.secure, true, 'Secure cookie behind https')
    } finally {
      await https.close()
    }
  })

  test('rate limits answer 429 in the visitor’s language; RATE_LIMIT_DISABLED=1 turns them off', async () => {
    const t = await buildTestApp({ RATE_LIMIT_SIGN_IN_PER_MINUTE: 2 })
    try {
      const browser = new Browser(t.app)
      await browser.get('/en/password/forgot')
      const codes = []
      for (let i = 0; i < 3; i++) codes.push((await browser.post('/en/password/forgot', { email: `x${i}@example.org` })).statusCode)
      assert.deepEqual(codes, [303, 303, 429])
      const limited = await browser.post('/en/password/forgot', { email: 'y@example.org' })
      assert.equal(limited.statusCode, 429)
      assert.match(text(limited.body), /Too many requests in a row/)
      // Each form has its own budget: the Dutch sign-in form allows two, then says so in Dutch.
      await browser.get('/login')
      const nlCodes = []
      for (let i = 0; i < 3; i++) nlCodes.push((await browser.post('/login', { email: 'y@example.org', password: 'x' })).statusCode)
      assert.deepEqual(nlCodes, [401, 401, 429])
      const nl = await browser.post('/login', { email: 'y@example.org', password: 'x' })
      assert.match(text(nl.body), /Te veel verzoeken achter elkaar/)
    } finally {
      await t.close()
    }
    const off = await buildTestApp({ RATE_LIMIT_SIGN_IN_PER_MINUTE: 1, RATE_LIMIT_DISABLED: '1' })
    try {
      const browser = new Browser(off.app)
      await browser.get('/password/forgot')
      for (let i = 0; i < 4; i++) assert.equal((await browser.post('/password/forgot', { email: `z${i}@example.org` })).statusCode, 303)
    } finally {
      await off.close()
    }
  })
})
