import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser } from '../../../test/http.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'

// /password/forgot does the same work, and so takes the same time, for an address with an account and one
// without (issue 17, row 4): the answer touches no account data; looking the address up and queueing the mail
// happen after it. Shown by holding the users table: the answers still come, at once, for both.
// bench/forgot-timing.ts prints the timings.

describe('forgot password: the answer does not depend on the account', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref())])

  test('with the users table locked, known and unknown addresses get the same answer at once; the mail follows', async () => {
    const user = await createUser(db(), { role: 'curator', locale: 'en' })
    const unknownEmail = `${unique('nobody')}@example.org`
    const browser = new Browser(t.app)
    await browser.get('/en/password/forgot')

    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let lockTaken = () => {}
    const locked = new Promise<void>((resolve) => (lockTaken = resolve))
    const holder = db()
      .transaction()
      .execute(async (trx) => {
        await sql`lock table users in access exclusive mode`.execute(trx)
        lockTaken()
        await held
      })
    await locked
    const answers = []
    try {
      for (const email of [user.email, unknownEmail]) answers.push(await within(browser.post('/en/password/forgot', { email }), 3000, email))
    } finally {
      release()
      await holder
    }
    for (const res of answers) {
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/en/password/forgot?done=sent')
    }
    await t.app.appContext.background.idle()
    const mail = await db().selectFrom('outbox').select(['recipient', 'subject']).where('recipient', 'in', [user.email, unknownEmail]).execute()
    assert.deepEqual(mail.map((m) => m.recipient), [user.email], 'the account holder gets the link; nobody else gets mail')
  })
})
