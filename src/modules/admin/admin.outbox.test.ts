import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

const HOUR = 3600_000

describe('the outbox page: where each message stands, and sending a given-up one again', () => {
  let t: TestApp
  let admin: Browser
  const db = () => t.database.handle.db
  before(async () => {
    t = await buildTestApp()
    admin = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'admin' })).id))
  })
  after(() => t.close())

  /** A message in the outbox in a given delivery state; answers its id and its unique subject. */
  async function message(state: { transport?: 'smtp' | 'outbox'; attempts?: number; error?: string; nextAttemptAt?: Date | null; claimedUntil?: Date; sentAt?: Date; failedAt?: Date; body?: string }) {
    const subject = unique('Subject')
    const row = await db()
      .insertInto('outbox')
      .values({
        recipient: `${unique('to')}@example.org`,
        locale: 'nl',
        subject,
        body_text: state.body ?? 'Hallo,\n\nEen bericht.',
        transport: state.transport ?? 'smtp',
        attempts: state.attempts ?? 0,
        error: state.error ?? null,
        next_attempt_at: state.nextAttemptAt === undefined ? null : state.nextAttemptAt,
        claimed_until: state.claimedUntil ?? null,
        sent_at: state.sentAt ?? null,
        failed_at: state.failedAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id: Number(row.id), subject }
  }

  /** The visible text of one message on the outbox page. */
  function entry(body: string, id: number): string {
    const start = body.indexOf(`id="message-${id}"`)
    assert.ok(start > 0, `message ${id} is on the page`)
    return body.slice(start, body.indexOf('</li>', start))
  }

  test('every delivery state reads as a clear sentence, in Dutch and in English', async () => {
    const kept = await message({ transport: 'outbox', nextAttemptAt: null })
    const waiting = await message({ nextAttemptAt: new Date(Date.now() + HOUR) })
    const due = await message({ nextAttemptAt: new Date(Date.now() - 1000) })
    const retrying = await message({ attempts: 2, error: 'connect ECONNREFUSED 127.0.0.1:2525', nextAttemptAt: new Date(Date.now() + HOUR) })
    const sending = await message({ attempts: 1, nextAttemptAt: new Date(), claimedUntil: new Date(Date.now() + 60_000) })
    const resending = await message({ attempts: 2, error: 'socket timeout', nextAttemptAt: new Date(), claimedUntil: new Date(Date.now() + 60_000) })
    const sent = await message({ attempts: 1, sentAt: new Date('2026-03-04T10:15:00Z') })
    const failed = await message({ attempts: 5, error: '550 5.1.1 <x@example.org>: mailbox unavailable', failedAt: new Date('2026-03-05T08:00:00Z') })
    const once = await message({ attempts: 1, error: 'greeting never received', failedAt: new Date() })

    const en = await admin.get('/en/admin/outbox')
    assert.equal(en.statusCode, 200)
    // text() leaves &lt; and &gt; as they are: the markup in an error stays escaped.
    const say = (m: { id: number }) => text(entry(en.body, m.id))
    assert.match(say(kept), /Kept in the outbox \(SMTP not configured\)/)
    assert.match(say(waiting), /Waiting to be sent \(attempt 1, next try at \d{1,2} \w{3} 20\d\d, \d\d:\d\d\)/)
    assert.doesNotMatch(say(waiting), /failed/)
    assert.match(say(due), /Waiting to be sent \(attempt 1, going out any moment\)/)
    assert.match(say(retrying), /Waiting to be sent \(attempt 3, next try at [^)]+\)\. Sending failed last time: connect ECONNREFUSED 127\.0\.0\.1:2525/)
    assert.match(say(sending), /Sending \(attempt 1\)…/)
    assert.match(say(resending), /Sending \(attempt 2\)… Sending failed last time: socket timeout/)
    assert.match(say(sent), /Sent on 4 Mar 2026, 11:15/, 'in Amsterdam time')
    assert.match(say(failed), /Not sent: gave up after 5 attempts \(on 5 Mar 2026, 09:00\)\. Last error: 550 5\.1\.1 &lt;x@example\.org&gt;: mailbox unavailable/)
    assert.match(say(once), /gave up after 1 attempt \(/)
    // Only a message that was given up on can be sent again.
    for (const m of [kept, waiting, due, retrying, sending, resending, sent]) assert.doesNotMatch(entry(en.body, m.id), /retry/, `no retry button on ${m.id}`)
    assert.match(entry(en.body, failed.id), new RegExp(`action="/en/admin/outbox/${failed.id}/retry"`))
    assert.match(say(failed), /Send again/)

    const nl = await admin.get('/admin/outbox')
    const zeg = (m: { id: number }) => text(entry(nl.body, m.id))
    assert.match(zeg(kept), /Bewaard in de outbox \(geen SMTP-server ingesteld\)/)
    assert.match(zeg(waiting), /Wacht op verzending \(poging 1, volgende poging op \d{1,2} \w{3} 20\d\d/)
    assert.match(zeg(retrying), /poging 3.*Versturen mislukte de vorige keer: connect ECONNREFUSED/)
    assert.match(zeg(sending), /Wordt nu verstuurd \(poging 1\)…/)
    assert.match(zeg(sent), /Verstuurd op 4 mrt 2026, 11:15/)
    assert.match(zeg(failed), /Niet verstuurd: opgegeven na 5 pogingen \(op 5 mrt 2026, 09:00\)\. Laatste fout: 550/)
    assert.match(zeg(failed), /Opnieuw versturen/)
    assert.match(entry(nl.body, failed.id), /&lt;x@example\.org&gt;/, 'the error is escaped')
  })

  test('addresses in a message are links; everything else is escaped text', async () => {
    const long = `https://toolbox.test/en/account/activate/${'a'.repeat(300)}`
    const m = await message({ transport: 'outbox', body: `Kies een wachtwoord: ${long}.\n<script>alert(1)</script> javascript:alert(1)` })
    const page = await admin.get('/admin/outbox')
    const html = entry(page.body, m.id)
    assert.match(html, new RegExp(`<a [^>]*href="${long}">${long}</a>\\.`))
    assert.ok(!html.includes('<script>'))
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; javascript:alert\(1\)/)
    assert.equal([...html.matchAll(/<a /g)].length, 1, 'only the http(s) address is a link')
  })

  test('an administrator sends a given-up message again: audited, due again, with a flash, in both languages', async () => {
    for (const [prefix, flash, waitingText] of [
      ['', /Het bericht staat weer klaar en wordt zo opnieuw verstuurd/, /Wacht op verzending \(poging 1, wordt zo verstuurd\)\. Versturen mislukte de vorige keer: 421/],
      ['/en', /The message is queued again and will be sent shortly/, /Waiting to be sent \(attempt 1, going out any moment\)\. Sending failed last time: 421/],
    ] as const) {
      const failed = await message({ attempts: 5, error: '421 try again later', failedAt: new Date() })
      await admin.get(`${prefix}/admin/outbox`)
      const res = await admin.post(`${prefix}/admin/outbox/${failed.id}/retry`, {})
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, `${prefix}/admin/outbox?done=retried`)
      const page = await admin.get(res.headers.location)
      assert.match(text(page.body), flash)
      assert.match(text(entry(page.body, failed.id)), waitingText)

      const row = await db()
        .selectFrom('outbox')
        .select(['failed_at', 'attempts', sql<boolean>`next_attempt_at <= now()`.as('due')])
        .where('id', '=', failed.id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row, { failed_at: null, attempts: 0, due: true }, 'the sender will pick it up again')
      const audit = await db().selectFrom('audit_log').select(['action', 'actor_label']).where('entity_type', '=', 'outbox').where('entity_id', '=', String(failed.id)).execute()
      assert.deepEqual(audit.map((a) => a.action), ['outbox.retried'])

      // Twice is once: the message is no longer given up on.
      assert.equal((await admin.post(`${prefix}/admin/outbox/${failed.id}/retry`, {})).statusCode, 404)
    }
  })

  test('only given-up messages can be sent again; bad ids are 404; CSRF and roles are checked', async () => {
    const kept = await message({ transport: 'outbox' })
    const sent = await message({ sentAt: new Date() })
    const waiting = await message({ nextAttemptAt: new Date() })
    await admin.get('/admin/outbox')
    for (const id of [kept.id, sent.id, waiting.id, 999_999_999, 'abc', '0', '1e3']) {
      assert.equal((await admin.post(`/admin/outbox/${id}/retry`, {})).statusCode, 404, String(id))
    }
    const failed = await message({ attempts: 5, error: 'timeout', failedAt: new Date() })
    const noToken = await admin.post(`/admin/outbox/${failed.id}/retry`, {}, { csrf: false })
    assert.equal(noToken.statusCode, 403)
    assert.match(text(noToken.body), /Dit formulier is verlopen of ongeldig/)
    const curator = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'curator' })).id))
    await curator.get('/password/forgot')
    for (const prefix of ['', '/en']) {
      const refused = await curator.post(`${prefix}/admin/outbox/${failed.id}/retry`, {})
      assert.equal(refused.statusCode, 403)
      assert.match(text(refused.body), prefix ? /You do not have access to this page/ : /U heeft geen toegang tot deze pagina/)
      assert.equal((await curator.get(`${prefix}/admin/outbox`)).statusCode, 403)
    }
    const row = await db().selectFrom('outbox').select(['failed_at', 'attempts']).where('id', '=', failed.id).executeTakeFirstOrThrow()
    assert.ok(row.failed_at, 'still given up on')
    assert.equal(row.attempts, 5)
    assert.equal((await db().selectFrom('audit_log').select('id').where('entity_type', '=', 'outbox').where('entity_id', '=', String(failed.id)).execute()).length, 0)
  })
})
