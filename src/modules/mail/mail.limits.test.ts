import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser } from '../../../test/http.ts'

describe('nobody can make the toolbox e-mail an address at will', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ MAIL_PER_RECIPIENT_PER_DAY: 2, RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())
  const db = () => t.database.handle.db
  const share = (contactEmail: string, name = unique('Gedeelde tool'), headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ name, description: 'Een beschrijving van een tool die iemand deelt.', contactEmail, confirmDifferent: true }),
    })
  const mailTo = (address: string) => db().selectFrom('outbox').selectAll().where('recipient', 'ilike', address).orderBy('id').execute()

  test('at most MAIL_PER_RECIPIENT_PER_DAY messages to one address a day; the action itself still succeeds', async () => {
    const victim = `${unique('victim')}@example.org`
    const codes = [(await share(victim)).statusCode, (await share(victim)).statusCode, (await share(victim.toUpperCase())).statusCode]
    assert.deepEqual(codes, [201, 201, 201], 'every submission is saved')
    assert.equal((await mailTo(victim)).length, 2, 'the third confirmation is not written')

    // Password reset requests for one account are limited the same way.
    const user = await createUser(db(), { role: 'curator' })
    const browser = new Browser(t.app)
    for (let i = 0; i < 4; i++) {
      await browser.get('/password/forgot')
      assert.equal((await browser.post('/password/forgot', { email: user.email })).statusCode, 303)
    }
    // The reset is prepared after the answer (decision 0013): wait for that work before counting.
    await t.app.appContext.background.idle()
    assert.equal((await mailTo(user.email)).length, 2)

    // An administrator's own invitation always goes out.
    const invited = await t.app.appContext.accounts.inviteUser({ kind: 'system', label: 'test' }, { email: victim, name: 'Vera Victim', role: 'curator', locale: 'nl' })
    assert.ok(invited.token)
    assert.equal((await mailTo(victim)).length, 3)

    // Another address is not affected.
    const other = `${unique('other')}@example.org`
    await share(other)
    assert.equal((await mailTo(other)).length, 1)
  })

  test('subjects carry no text a visitor typed', async () => {
    const curator = await createUser(db(), { role: 'curator', locale: 'en' })
    const email = `${unique('typed')}@example.org`
    const name = `Cheap pills ${unique('at')} spam.example`
    const res = await share(email, name)
    assert.equal(res.statusCode, 201)
    const [confirmation] = await mailTo(email)
    assert.equal(confirmation!.subject, 'We hebben uw tool ontvangen')
    assert.ok(confirmation!.body_text.includes(name), 'the name is in the text, where it is plainly the submitter’s')
    const notices = await mailTo(curator.email)
    assert.equal(notices.length, 1)
    assert.match(notices[0]!.subject, /^New submission to review \(no\. \d+\)$/)
    for (const m of [confirmation!, notices[0]!]) assert.ok(!m.subject.includes('spam.example'))
  })

  test('the JSON API takes JSON only: 415 problem+json for forms, plain text and no body; preflight for JSON works', async () => {
    const email = `${unique('form')}@example.org`
    const bodies: [string | undefined, string][] = [
      ['application/x-www-form-urlencoded', new URLSearchParams({ name: 'Formtool', description: 'Een tool via een formulier van elders.', contactEmail: email, confirmDifferent: 'true' }).toString()],
      ['text/plain', JSON.stringify({ name: 'Teksttool', description: 'Een tool als platte tekst.', contactEmail: email, confirmDifferent: true })],
      ['multipart/form-data; boundary=x', '--x--'],
      [undefined, ''],
    ]
    for (const [type, payload] of bodies) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: { ...(type ? { 'content-type': type } : {}), 'accept-language': 'en', origin: 'https://elsewhere.example' }, payload })
      assert.equal(res.statusCode, 415, String(type))
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/)
      const problem = JSON.parse(res.body)
      assert.equal(problem.code, 'unsupported-media-type')
      assert.match(problem.title, /Send the data as JSON, with the header Content-Type: application\/json/)
      assert.equal(res.headers['access-control-allow-origin'], '*', 'a page elsewhere can read why')
    }
    assert.equal((await db().selectFrom('submissions').select('id').where('contact_email', '=', email).execute()).length, 0)
    assert.equal((await mailTo(email)).length, 0)
    const dutch = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: { 'content-type': 'text/plain' }, payload: 'x' })
    assert.match(JSON.parse(dutch.body).title, /Stuur de gegevens als JSON/)

    // A page on another site asks first, then sends JSON.
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/submissions',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    assert.equal(preflight.statusCode, 204)
    assert.equal(preflight.headers['access-control-allow-origin'], '*')
    assert.match(preflight.headers['access-control-allow-methods'] as string, /POST/)
    assert.match(preflight.headers['access-control-allow-headers'] as string, /content-type/)
    const json = await share(email, unique('JSON-tool'), { 'content-type': 'application/json; charset=utf-8', origin: 'https://elsewhere.example' })
    assert.equal(json.statusCode, 201)
  })
})
