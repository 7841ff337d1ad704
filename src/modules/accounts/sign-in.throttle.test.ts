import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, text } from '../../../test/http.ts'
import { hashToken, SignInFailed, SignInThrottledError } from './accounts.service.ts'

describe('failed sign-ins slow down one account from one address, never lock the owner out', () => {
  let t: TestApp
  before(async () => {
    // Addresses come from X-Forwarded-For (a trusted proxy); the per-minute limit of the form has its own test.
    t = await buildTestApp({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_SIGN_IN_PER_MINUTE: 1000 })
  })
  after(() => t.close())
  const db = () => t.database.handle.db
  const accounts = () => t.app.appContext.accounts
  const signIn = async (browser: Browser, email: string, password: string, prefix = '') => {
    await browser.get(`${prefix}/login`)
    return browser.post(`${prefix}/login`, { email, password })
  }
  /** The throttle's wait in seconds, from the refusal. */
  const waitOf = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => assert.fail('signed in'),
      (e: unknown) => e,
    )
    assert.ok(error instanceof SignInThrottledError, `throttled, not ${String(error)}`)
    return (error.until.getTime() - Date.now()) / 1000
  }
  /** As if the current wait had passed. */
  const waitPasses = (key: string) => db().updateTable('sign_in_failures').set({ locked_until: sql<Date>`now() - interval '1 second'` }).where('key', 'like', `%${key}%`).execute()

  test('a stranger’s failures from one address do not stop the owner at another', async () => {
    const owner = await createUser(db(), { role: 'admin' })
    const stranger = new Browser(t.app, { 'x-forwarded-for': '203.0.113.7' })
    const codes: number[] = []
    for (let i = 0; i < 8; i++) codes.push((await signIn(stranger, owner.email, `guess ${i}`)).statusCode)
    assert.deepEqual(codes, [401, 401, 401, 429, 429, 429, 429, 429], 'the stranger is slowed down after three failures')
    const refused = await signIn(stranger, owner.email, owner.password, '/en')
    assert.equal(refused.statusCode, 429, 'even the right password waits there')
    assert.match(text(refused.body), /too many failed attempts to sign in with this e-mail address from your address\. Try again after \d\d:\d\d:\d\d\./)
    assert.match(refused.body, /name="email"/, 'the sign-in form is shown again')
    const retryAfter = Number(refused.headers['retry-after'])
    assert.ok(retryAfter >= 1 && retryAfter <= 30, `Retry-After: ${refused.headers['retry-after']}`)

    const home = new Browser(t.app, { 'x-forwarded-for': '198.51.100.20' })
    const mine = await signIn(home, owner.email, owner.password)
    assert.equal(mine.statusCode, 303, 'the owner signs in from their own address')
    assert.equal((await home.get('/account')).statusCode, 200)
  })

  test('repeated failures from one pair wait longer each time; an unknown account is treated the same', async () => {
    const user = await createUser(db(), { role: 'curator' })
    const address = '192.0.2.60'
    for (const email of [user.email, `${unique('nobody')}@example.org`]) {
      for (let i = 0; i < 3; i++) await assert.rejects(accounts().signIn(email, `wrong ${i}`, address), SignInFailed)
      const first = await waitOf(accounts().signIn(email, 'any password at all', address))
      assert.ok(first > 20 && first <= 30, `first wait ${first} s`)
      await waitPasses(email.toLowerCase())
      await assert.rejects(accounts().signIn(email, 'wrong again', address), SignInFailed)
      const second = await waitOf(accounts().signIn(email, 'any password at all', address))
      assert.ok(second > 50 && second <= 60, `second wait ${second} s`)
      await waitPasses(email.toLowerCase())
      await assert.rejects(accounts().signIn(email, 'and again', address), SignInFailed)
      const third = await waitOf(accounts().signIn(email, 'any password at all', address))
      assert.ok(third > 110 && third <= 120, `third wait ${third} s`)
    }
    // The Dutch page says when, too.
    const browser = new Browser(t.app, { 'x-forwarded-for': address })
    const nl = await signIn(browser, user.email, user.password)
    assert.equal(nl.statusCode, 429)
    assert.match(text(nl.body), /Probeer het opnieuw na \d\d:\d\d:\d\d\. Wachtwoord vergeten\?/)
    // The right password once the wait is over signs in, and the count starts again.
    await waitPasses(user.email.toLowerCase())
    assert.ok((await accounts().signIn(user.email, user.password, address)).token)
    for (let i = 0; i < 2; i++) await assert.rejects(accounts().signIn(user.email, `wrong ${i}`, address), SignInFailed)
    assert.ok((await accounts().signIn(user.email, user.password, address)).token, 'two failures are free again')
  })

  test('a password reset lifts the slow-down', async () => {
    const user = await createUser(db(), { role: 'partner' })
    const browser = new Browser(t.app, { 'x-forwarded-for': '192.0.2.70' })
    for (let i = 0; i < 5; i++) await signIn(browser, user.email, `wrong ${i}`)
    assert.equal((await signIn(browser, user.email, user.password)).statusCode, 429)
    // The reset link, as the e-mail would bring it.
    const token = randomBytes(32).toString('base64url')
    await db().insertInto('auth_tokens').values({ token_hash: hashToken(token), user_id: user.id, purpose: 'password_reset', expires_at: new Date(Date.now() + 3600_000) }).execute()
    await browser.get(`/account/reset/${token}`)
    const reset = await browser.post(`/account/reset/${token}`, { password: 'a fresh password here', passwordConfirmation: 'a fresh password here' })
    assert.equal(reset.statusCode, 303)
    assert.equal((await signIn(browser, user.email, 'a fresh password here')).statusCode, 303, 'signed in from the same address at once')
  })

  test('failures from one address across accounts make that address wait; another address is not affected', async () => {
    const user = await createUser(db(), { role: 'curator' })
    for (let i = 0; i < 20; i++) await assert.rejects(accounts().signIn(`someone-${i}@example.org`, 'guess', '198.51.100.9'), SignInFailed)
    const wait = await waitOf(accounts().signIn(user.email, user.password, '198.51.100.9'))
    assert.ok(wait > 14 * 60 && wait <= 15 * 60, `wait ${wait} s`)
    const browser = new Browser(t.app, { 'x-forwarded-for': '198.51.100.9' })
    assert.match(text((await signIn(browser, user.email, user.password, '/en')).body), /too many failed attempts to sign in from your address\. Try again after/)
    assert.ok((await accounts().signIn(user.email, user.password, '198.51.100.10')).token, 'another address is not affected')
  })
})
