import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTool, createUser, unique } from '../../test/factories.ts'
import { Browser, sessionCookie } from '../../test/http.ts'
import { buildTestApp, type TestApp } from '../../test/helper.ts'

// Nothing private stays in a browser's history or a cache between: every answer to a signed-in user, every page
// behind a secret link, every form and every refusal says Cache-Control: no-store. Public pages keep theirs.

describe('private pages are never stored', () => {
  let t: TestApp
  let admin: Browser
  let toolSlug = ''
  let trackingPath = ''
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    const db = t.database.handle.db
    admin = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'admin' })).id))
    toolSlug = (await createTool(db)).slug
    const visitor = new Browser(t.app)
    await visitor.get('/tools/share')
    const shared = await visitor.post('/tools/share', { confirmDifferent: 'on', name: `Private ${unique('tool')}`, description: 'A tool shared to see its tracking page.', contactEmail: `${unique('p')}@example.org` })
    trackingPath = String(shared.headers.location).split('?')[0]!
  })
  after(() => t.close())

  const noStore = (headers: Record<string, unknown>) => headers['cache-control'] === 'no-store'

  test('every page a signed-in user gets, public ones included, says no-store', async () => {
    const urls = t.app.routeTable
      .filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/') && r.url !== '/favicon.ico' && !r.url.includes('*'))
      .map((r) => r.url.replace(':slug', toolSlug).replace(':token', 'A'.repeat(43)).replace(/:id\b/g, '1'))
    assert.ok(urls.length > 40, 'the route table lists the pages')
    for (const url of [...new Set(urls)]) {
      const res = await admin.get(url)
      assert.ok(noStore(res.headers), `${url} (${res.statusCode}) as a signed-in user: ${String(res.headers['cache-control'])}`)
    }
    for (const url of ['/admin/outbox', '/admin/users', '/curation', '/account', `/tools/${toolSlug}/edit`, '/en/tools', '/api/v1/tools']) {
      const res = await admin.get(url)
      assert.ok(res.statusCode < 400, url)
      assert.equal(res.headers['cache-control'], 'no-store', url)
    }
  })

  test('private pages say no-store to visitors too: secret links, forms, refusals, sign-in', async () => {
    const visitor = new Browser(t.app)
    const pages = [trackingPath, '/account/reset/' + 'A'.repeat(43), '/en/account/activate/' + 'B'.repeat(43), '/login', '/en/password/forgot', '/tools/share', '/admin/outbox', '/curation', '/account', `/tools/${toolSlug}/edit`]
    for (const url of pages) {
      const res = await visitor.get(url)
      assert.equal(res.headers['cache-control'], 'no-store', `${url} (${res.statusCode})`)
    }
    const user = await createUser(t.database.handle.db, { role: 'curator' })
    await visitor.get('/login')
    const signIn = await visitor.post('/login', { email: user.email, password: user.password })
    assert.equal(signIn.statusCode, 303)
    assert.equal(signIn.headers['cache-control'], 'no-store', 'the answer that sets the session cookie')
  })

  test('public pages for visitors keep their caching', async () => {
    const visitor = new Browser(t.app)
    for (const url of ['/', '/tools', '/en/tools', `/tools/${toolSlug}`, '/tools/pipeline', '/organisations', '/api/v1/tools', `/api/v1/tools/${toolSlug}`]) {
      const first = await visitor.get(url)
      const again = await visitor.get(url)
      assert.equal(again.statusCode, 200, url)
      assert.equal(again.headers['cache-control'], undefined, `${url}: as before, no Cache-Control (first visit: ${String(first.headers['cache-control'])})`)
    }
    const stylesheet = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec((await admin.get('/')).body)?.[1] ?? '/assets/missing.css'
    assert.equal((await admin.get(stylesheet)).headers['cache-control'], 'public, max-age=31536000, immutable', 'files are the same for everyone')
  })
})
