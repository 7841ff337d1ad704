import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'

// One language rule for the whole API, data and problems alike: lang, else the body's locale (POST /submissions),
// else Accept-Language, else Dutch. Content-Language says which; Vary says Accept-Language may change the answer.

describe('the API speaks one language per request, chosen one way', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers })
  const categoryLabel = (res: LightMyRequestResponse) =>
    (res.json() as { facets: { category: { value: string; label: string }[] } }).facets.category.find((f) => f.value === 'content')?.label
  const language = (res: LightMyRequestResponse) => res.headers['content-language']

  test('1. the lang parameter wins over the body and Accept-Language', async () => {
    const list = await get('/api/v1/tools?lang=en', { 'accept-language': 'nl' })
    assert.equal(language(list), 'en')
    assert.equal(categoryLabel(list), 'Content')
    const problem = await post('/api/v1/submissions?lang=en', { name: '', description: 'x', contactEmail: 'a@example.org', locale: 'nl' }, { 'accept-language': 'nl' })
    assert.equal(problem.statusCode, 400)
    assert.equal(language(problem), 'en')
    assert.equal(problem.json().title, 'The input is not valid.')
    assert.equal(language(await get('/api/v1/tools/no-such-tool?lang=nl', { 'accept-language': 'en' })), 'nl')
  })

  test('2. without lang, the locale of a submission body wins over Accept-Language', async () => {
    const english = await post('/api/v1/submissions', { name: '', description: 'x', contactEmail: 'a@example.org', locale: 'en' }, { 'accept-language': 'nl' })
    assert.equal(english.statusCode, 400)
    assert.equal(language(english), 'en')
    assert.equal(english.json().invalidParams[0].reason, 'Please fill in this field.')
    const dutch = await post('/api/v1/submissions', { name: '', description: 'x', contactEmail: 'a@example.org', locale: 'nl' }, { 'accept-language': 'en' })
    assert.equal(language(dutch), 'nl')
    assert.equal(dutch.json().invalidParams[0].reason, 'Vul dit veld in.')
  })

  test('3. without lang or a body locale, Accept-Language chooses, for data as for problems', async () => {
    const list = await get('/api/v1/tools', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' })
    assert.equal(language(list), 'en')
    assert.equal(categoryLabel(list), 'Content', 'the data follows Accept-Language, not only the errors')
    assert.match(list.json()._links.self.href, /lang=en/)
    assert.match(list.json().items[0]._links.html.href, /^http:\/\/toolbox\.test\/en\/tools\//)
    const tool = await get('/api/v1/tools/pdok', { 'accept-language': 'en' })
    assert.equal(language(tool), 'en')
    assert.equal(tool.json().category.label, 'Content')
    const similar = await get('/api/v1/similar-tools?name=PDOK', { 'accept-language': 'en' })
    assert.equal(language(similar), 'en')
    assert.match(similar.json().items[0]._links.html.href, /\/en\/tools\/pdok$/)
    const missing = await get('/api/v1/tools/no-such-tool', { 'accept-language': 'en' })
    assert.equal(missing.json().title, 'There is no tool at the address “no-such-tool”.')
    assert.equal(language(missing), 'en')
  })

  test('4. with nothing to go on, or a language we do not have, the answer is Dutch', async () => {
    const plain = await get('/api/v1/tools')
    assert.equal(language(plain), 'nl')
    assert.equal(categoryLabel(plain), 'Inhoudelijk')
    const french = await get('/api/v1/tools/no-such-tool', { 'accept-language': 'fr-FR,de;q=0.8' })
    assert.equal(language(french), 'nl')
    assert.equal(french.json().title, 'Er is geen tool met het adres “no-such-tool”.')
  })

  test('an unknown lang is a 400 for every operation', async () => {
    for (const url of ['/api/v1/tools?lang=fr', '/api/v1/tools/pdok?lang=fr', '/api/v1/similar-tools?name=PDOK&lang=fr']) {
      const res = await get(url, { 'accept-language': 'en' })
      assert.equal(res.statusCode, 400, url)
      assert.equal(res.json().invalidParams[0].name, 'lang', url)
      assert.equal(res.json().invalidParams[0].reason, 'Unknown value “fr”.', `${url}: the problem itself follows Accept-Language`)
    }
    assert.equal((await post('/api/v1/submissions?lang=xx', { name: 'A' })).statusCode, 400)
  })

  test('every /api/ answer says its language and varies by Accept-Language, routed or not, success or problem', async () => {
    const answers: [string, LightMyRequestResponse][] = [
      ['list', await get('/api/v1/tools?lang=en')],
      ['tool', await get('/api/v1/tools/pdok')],
      ['similar', await get('/api/v1/similar-tools?name=PDOK')],
      ['bad parameter', await get('/api/v1/tools?form=spreadsheet')],
      ['page out of range', await get('/api/v1/tools?page=99')],
      ['unknown API path', await get('/api/v1/nothing-here', { 'accept-language': 'en' })],
      ['unknown API version', await get('/api/v2')],
      ['malformed URL', await get('/api/v1/tools/%FF')],
      ['over-long parameter', await get(`/api/v1/tools/${'a'.repeat(600)}`)],
      ['bad JSON', await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: '{"name":', headers: { 'content-type': 'application/json' } })],
      ['preflight', await t.app.inject({ method: 'OPTIONS', url: '/api/v1/submissions', headers: { origin: 'https://gemeente.example', 'access-control-request-method': 'POST' } })],
      ['OpenAPI document', await get('/api/v1/openapi.json', { 'accept-language': 'nl' })],
    ]
    for (const [what, res] of answers) {
      assert.match(String(res.headers['content-language']), /^(nl|en)$/, what)
      assert.match(String(res.headers.vary), /\bAccept-Language\b/i, what)
      assert.equal(res.headers['api-version'], '1.0.0', what)
      assert.equal(res.headers['access-control-allow-origin'], '*', what)
      if (res.statusCode >= 400) {
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, what)
        assert.equal(typeof res.json().detail, 'string', `${what}: a problem says what went wrong in detail`)
      }
    }
    assert.equal(answers.find(([what]) => what === 'unknown API path')![1].headers['content-language'], 'en')
    assert.equal(answers.find(([what]) => what === 'OpenAPI document')![1].headers['content-language'], 'en', 'the document is written in English')
    // Pages are in the language of their path: they do not vary by Accept-Language.
    assert.doesNotMatch(String((await get('/tools', { 'accept-language': 'en' })).headers.vary ?? ''), /Accept-Language/i)
  })
})
