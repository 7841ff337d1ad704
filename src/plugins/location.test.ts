import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import Fastify from 'fastify'
import { addSlugRedirect, createTool, createUser, unique } from '../../test/factories.ts'
import { Browser } from '../../test/http.ts'
import { buildTestApp, type TestApp } from '../../test/helper.ts'
import { localPath, registerLocationEncoding } from './location.ts'

// A redirect built from what a visitor sent is always a valid Location header on this site: non-ASCII is
// percent-encoded, a target that could lead elsewhere falls back to a page of our own. Never "500 See Other".

describe('redirects built from input', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  async function signIn(next: string, prefix = '') {
    const user = await createUser(db(), { role: 'curator' })
    const browser = new Browser(t.app)
    await browser.get(`${prefix}/login?next=${encodeURIComponent(next)}`)
    const res = await browser.post(`${prefix}/login`, { email: user.email, password: user.password, next })
    return { res, browser }
  }

  test('signing in with a next page holding non-ASCII text: signed in, sent there percent-encoded', async () => {
    const { res, browser } = await signIn('/tools?q=日本')
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    assert.equal(res.headers.location, '/tools?q=%E6%97%A5%E6%9C%AC')
    assert.ok(browser.cookies.toolbox_session, 'the session cookie is set')
    const landing = await browser.get(res.headers.location as string)
    assert.equal(landing.statusCode, 200)
    assert.match(landing.body, /日本/, 'the search is the one asked for')
    assert.equal((await browser.get('/account')).statusCode, 200, 'signed in')

    const english = await signIn('/en/tools?q=café#top', '/en')
    assert.equal(english.res.headers.location, '/en/tools?q=caf%C3%A9#top')
    assert.equal((await signIn('/tools?q=caf%C3%A9')).res.headers.location, '/tools?q=caf%C3%A9', 'escapes already there stay as they are')
  })

  test('a next page that could lead to another site falls back to the account page', async () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/.//evil.example', '/%2e//evil.example', 'javascript:alert(1)', '/tools\r\nSet-Cookie: x=1', `/${'a'.repeat(600)}`]) {
      const { res } = await signIn(next)
      assert.equal(res.statusCode, 303, next)
      assert.equal(res.headers.location, '/account', next)
    }
    assert.equal((await signIn('//evil.example', '/en')).res.headers.location, '/en/account')
  })

  test('the login page carries only a safe next page in its form', async () => {
    const page = await new Browser(t.app).get(`/login?next=${encodeURIComponent('/tools?q=日本')}`)
    assert.match(page.body, /name="next" value="\/tools\?q=%E6%97%A5%E6%9C%AC"/)
  })

  test('an old tool address with non-ASCII in its query redirects with the query percent-encoded', async () => {
    const tool = await createTool(db())
    const old = `oud-${unique('adres')}`
    await addSlugRedirect(db(), old, tool.id)
    const page = await t.app.inject({ method: 'GET', url: `/tools/${old}?from=日本` })
    assert.equal(page.statusCode, 301, page.body.slice(0, 300))
    assert.equal(page.headers.location, `/tools/${tool.slug}?from=%E6%97%A5%E6%9C%AC`)
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/tools/${old}?lang=en&x=ü` })
    assert.equal(api.statusCode, 301)
    assert.equal(api.headers.location, `http://toolbox.test/api/v1/tools/${tool.slug}?lang=en&x=%C3%BC`)
  })

  test('whatever a route redirects to, the Location header leaves as valid ASCII', async () => {
    const bare = Fastify({ logger: false })
    registerLocationEncoding(bare)
    bare.get('/go', async (_request, reply) => reply.redirect('/tools?q=日本 & co&x=%C3%A9', 303))
    const res = await bare.inject({ method: 'GET', url: '/go' })
    await bare.close()
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/tools?q=%E6%97%A5%E6%9C%AC%20&%20co&x=%C3%A9')
  })

  test('localPath: a path on this site, encoded, or nothing', () => {
    assert.equal(localPath('/a/b?c=d'), '/a/b?c=d')
    assert.equal(localPath('/ä'), '/%C3%A4')
    assert.equal(localPath('/a/../b'), '/b')
    for (const bad of [undefined, 1, '', 'a', '//x', '/\\x', '/ x', '/\u0000', '/.//x']) assert.equal(localPath(bad), undefined, String(bad))
  })
})
