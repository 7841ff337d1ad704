import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createUser, unique } from '../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../test/http.ts'
import { buildTestApp, type TestApp } from '../../test/helper.ts'

// NUL and invalid UTF-8 are refused with 400 and a message in the visitor's language before any route (and so the
// database) sees them: in the path, the query, a form body and a JSON body, for pages and the API alike.

describe('text that is not text is refused before the database', () => {
  let t: TestApp
  let curator: Browser
  let submissionId = 0
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    const db = t.database.handle.db
    curator = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'curator' })).id))
    const visitor = new Browser(t.app)
    await visitor.get('/tools/share')
    const email = `guard-${unique('g')}@example.org`
    const shared = await visitor.post('/tools/share', { confirmDifferent: 'on', name: `Guarded ${unique('tool')}`, description: 'A tool to test refused input with.', contactEmail: email })
    assert.equal(shared.statusCode, 303)
    submissionId = (await db.selectFrom('submissions').select('id').where('contact_email', '=', email).executeTakeFirstOrThrow()).id
  })
  after(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
  const json = (url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } })

  function assertRefusedPage(res: LightMyRequestResponse, message: RegExp, what: string) {
    assert.equal(res.statusCode, 400, `${what}: ${text(res.body).slice(0, 300)}`)
    assert.match(String(res.headers['content-type']), /^text\/html/, what)
    assert.match(text(res.body), message, what)
  }
  function assertRefusedProblem(res: LightMyRequestResponse, reason: RegExp, what: string) {
    assert.equal(res.statusCode, 400, `${what}: ${res.body.slice(0, 300)}`)
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, what)
    const problem = res.json() as { code: string; invalidParams: { code: string; reason: string }[] }
    assert.equal(problem.code, 'validation-failed', what)
    assert.equal(problem.invalidParams[0]?.code, 'invalidCharacters', what)
    assert.match(problem.invalidParams[0]!.reason, reason, what)
  }
  const DUTCH = /Bevat tekens die geen tekst zijn \(een nul-teken of ongeldige UTF-8\)/
  const ENGLISH = /Contains characters that are not text \(a NUL character or invalid UTF-8\)/

  test('a NUL or invalid UTF-8 in the query of a page: 400 in the page language', async () => {
    assertRefusedPage(await curator.get('/curation?q=%00'), DUTCH, 'curation search with NUL')
    assertRefusedPage(await curator.get('/en/curation?q=a%00b'), ENGLISH, 'English curation search with NUL')
    assertRefusedPage(await get('/tools?q=%00'), DUTCH, 'catalogue search with NUL')
    assertRefusedPage(await get('/en/tools?q=%FF'), ENGLISH, 'catalogue search with invalid UTF-8')
    assertRefusedPage(await get('/tools?q=%C3'), DUTCH, 'a UTF-8 sequence cut short')
    assertRefusedPage(await get('/tools?%00=x'), DUTCH, 'a NUL in a parameter name')
    const named = await get('/en/tools?q=%00')
    assert.match(text(named.body), /Search terms: Contains characters/, 'the field is named')
    assertRefusedPage(await curator.get(`/curation/${submissionId}/merge?target=%00`), DUTCH, 'merge page with a NUL target')
  })

  test('a NUL in a path parameter: 400, not a lookup', async () => {
    assertRefusedPage(await get('/tools/a%00b'), DUTCH, 'tool page')
    assertRefusedPage(await get('/en/organisations/%00'), ENGLISH, 'organisation page')
    assertRefusedProblem(await get('/api/v1/tools/a%00b', { 'accept-language': 'en' }), ENGLISH, 'API tool')
  })

  test('a NUL or invalid UTF-8 in a form body: 400 with the message, before the CSRF check and the database', async () => {
    await curator.get(`/curation/${submissionId}/merge`)
    assertRefusedPage(await curator.post(`/curation/${submissionId}/merge`, { target: '\0', version: '1' }), DUTCH, 'merge with a NUL target')
    const encoded = await t.app.inject({
      method: 'POST',
      url: `/en/curation/${submissionId}/merge`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: Object.entries(curator.cookies).map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: `_csrf=${encodeURIComponent(curator.csrf)}&target=%FF%FE&version=1`,
    })
    assertRefusedPage(encoded, ENGLISH, 'merge with percent-encoded invalid UTF-8')
    assert.match(text(encoded.body), /Tool: Contains characters/)
    const rawBytes = await t.app.inject({
      method: 'POST',
      url: '/en/tools/share',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.concat([Buffer.from('name=ab'), Buffer.from([0xc3, 0x28]), Buffer.from('&description=x')]),
    })
    assertRefusedPage(rawBytes, ENGLISH, 'share form with raw invalid UTF-8 bytes')
  })

  test('a NUL, a lone surrogate or invalid UTF-8 in a JSON body: a problem in the body’s language', async () => {
    const base = { description: 'A tool with a name that is not text.', contactEmail: 'guard@example.org' }
    assertRefusedProblem(await json('/api/v1/submissions', JSON.stringify({ ...base, name: 'a\u0000b', locale: 'en' })), ENGLISH, 'NUL in a JSON string')
    assertRefusedProblem(await json('/api/v1/submissions', JSON.stringify({ ...base, name: 'Tool', locale: 'nl', 'x\u0000': 1 })), DUTCH, 'NUL in a key')
    assertRefusedProblem(await json('/api/v1/submissions', `{"name":"a\\ud800b","description":"${base.description}","contactEmail":"${base.contactEmail}","locale":"en"}`), ENGLISH, 'a lone surrogate')
    const invalid = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff]), Buffer.from(`b","description":"${base.description}","contactEmail":"${base.contactEmail}"}`)])
    assertRefusedProblem(await json('/api/v1/submissions', invalid, { 'accept-language': 'en' }), ENGLISH, 'a raw invalid byte')
    const count = await t.database.handle.db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('contact_email', '=', base.contactEmail).executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 0, 'nothing was stored')
  })

  test('the API query: NUL and invalid UTF-8 refused; ordinary non-ASCII text still works', async () => {
    assertRefusedProblem(await get('/api/v1/tools?q=%00'), DUTCH, 'API search with NUL')
    assertRefusedProblem(await get('/api/v1/similar-tools?name=%00', { 'accept-language': 'en' }), ENGLISH, 'similar tools with NUL')
    assertRefusedProblem(await get('/api/v1/tools?q=%E6%97', { 'accept-language': 'en' }), ENGLISH, 'API search with a cut-short character')
    assert.equal((await get('/api/v1/tools?q=%E6%97%A5%E6%9C%AC')).statusCode, 200, 'valid UTF-8 (日本) is fine')
    assert.equal((await get('/tools?q=日本')).statusCode, 200, 'characters written as they are')
    assert.equal((await get('/tools?q=caf%C3%A9+%26+r%C3%A9sum%C3%A9')).statusCode, 200)
    assert.equal((await get('/tools?q=100%25')).statusCode, 200, 'a percent sign written as %25')
    assert.equal((await get('/tools?q=50%+off')).statusCode, 200, 'a stray percent sign is just a character')
  })
})
