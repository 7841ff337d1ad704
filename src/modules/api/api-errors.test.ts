import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'

// Refusals speak the request's language, also when the body is refused as a whole; a known path asked with a
// method it does not take answers 405 with Allow, for the API and for pages alike.

describe('API refusals in the request’s language', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())

  const submit = (payload: string, contentType: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload, headers: { 'content-type': contentType, ...headers } })
  const english = (res: LightMyRequestResponse, what: string) => {
    assert.equal(res.statusCode, 400, what)
    assert.equal(res.headers['content-language'], 'en', what)
    assert.equal(res.json().title, 'The input is not valid.', what)
  }
  const body = JSON.stringify({ name: '', description: 'A tool sent the wrong way.', contactEmail: 'bad', locale: 'en' })

  test('a JSON body that says "locale": "en" is refused in English; other content types get 415 in the asked language', async () => {
    english(await submit(body, 'application/json', { 'accept-language': 'nl' }), 'JSON')
    // fetch() without a content type sends text/plain; curl -d sends it form-encoded: the API takes JSON only
    // (decision 0012), refused before the body is read, so in the language of Accept-Language.
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const res = await submit(body, type, { 'accept-language': 'en' })
      assert.equal(res.statusCode, 415, type)
      assert.equal(res.headers['content-language'], 'en', type)
    }
  })

  test('a locale the field does not take still chooses the language of the refusal', async () => {
    const res = await submit(JSON.stringify({ name: 'A tool', description: 'A tool with a regional locale.', contactEmail: 'a@example.org', locale: 'en-GB' }), 'application/json', { 'accept-language': 'nl' })
    english(res, 'en-GB')
    assert.equal(res.json().invalidParams[0].name, 'locale')
    assert.equal(res.json().invalidParams[0].reason, 'Unknown value “en-GB”.')
    const dutch = await submit(JSON.stringify({ name: '', locale: 'nl' }), 'application/json', { 'accept-language': 'en' })
    assert.equal(dutch.headers['content-language'], 'nl')
    assert.equal(dutch.json().title, 'De invoer klopt niet.')
  })
})

describe('a known path with another method: 405 with Allow', () => {
  let t: TestApp
  let curator: Browser
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    const db = t.database.handle.db
    curator = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'curator' })).id))
  })
  after(() => t.close())

  const methods = (res: LightMyRequestResponse) => String(res.headers.allow).split(', ').sort()

  test('API: PUT, PATCH and DELETE on GET-only operations are problems with Allow, in the request’s language', async () => {
    for (const [method, url] of [['PUT', '/api/v1/tools'], ['DELETE', '/api/v1/tools/pdok'], ['PATCH', '/api/v1/similar-tools?name=x'], ['DELETE', '/api/v1/openapi.json'], ['POST', '/api/v1/tools']] as const) {
      const res = await t.app.inject({ method, url, headers: { 'accept-language': 'en' } })
      assert.equal(res.statusCode, 405, `${method} ${url}`)
      assert.deepEqual(methods(res), ['GET', 'HEAD'], `${method} ${url}`)
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
      assert.equal(res.json().code, 'method-not-allowed')
      assert.equal(res.json().title, `This address does not take ${method}, only GET, HEAD.`)
      assert.equal(res.headers['content-language'], 'en')
    }
    const submissions = await t.app.inject({ method: 'DELETE', url: '/api/v1/submissions' })
    assert.equal(submissions.statusCode, 405)
    assert.deepEqual(methods(submissions), ['OPTIONS', 'POST'])
    assert.equal(submissions.json().title, 'Dit adres werkt niet met DELETE, alleen met OPTIONS, POST.')
  })

  test('pages: the error page with Allow, not a 403 for a missing form token', async () => {
    for (const [method, url] of [['PUT', '/tools'], ['DELETE', '/en/tools/pdok'], ['PATCH', '/curation'], ['PUT', '/login']] as const) {
      const res = await t.app.inject({ method, url })
      assert.equal(res.statusCode, 405, `${method} ${url}`)
      assert.match(String(res.headers['content-type']), /^text\/html/)
    }
    const page = await t.app.inject({ method: 'PUT', url: '/en/tools' })
    assert.deepEqual(methods(page), ['GET', 'HEAD'])
    assert.match(text(page.body), /This address does not take PUT, only GET, HEAD\./)
    const login = await t.app.inject({ method: 'DELETE', url: '/login' })
    assert.deepEqual(methods(login), ['GET', 'HEAD', 'POST'])
    const logout = await curator.get('/logout')
    assert.equal(logout.statusCode, 405, 'signing out is a form post')
    assert.deepEqual(methods(logout), ['POST'])
    assert.match(text(logout.body), /Dit adres werkt niet met GET, alleen met POST\./)
  })

  test('unknown paths stay 404, and known methods work as before', async () => {
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/nothing-here' })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/nothing/here' })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/tools' })).statusCode, 200)
    assert.equal((await t.app.inject({ method: 'HEAD', url: '/tools' })).statusCode, 200)
    assert.equal((await t.app.inject({ method: 'OPTIONS', url: '/api/v1/submissions' })).statusCode, 204)
    assert.equal((await t.app.inject({ method: 'POST', url: '/tools/share' })).statusCode, 403, 'a form without its token is still refused')
  })
})
