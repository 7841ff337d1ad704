import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { openDatabase } from '../db/database.ts'
import { createRateLimitStore } from '../db/rate-limits.ts'
import { buildTestApp, createTestDatabase, testConfig } from '../../test/helper.ts'
import { unique } from '../../test/factories.ts'
import { Browser, text } from '../../test/http.ts'

test('a form has one budget per address in both languages: /login and /en/login count together', async () => {
  const t = await buildTestApp({ RATE_LIMIT_SIGN_IN_PER_MINUTE: 3, TRUST_PROXY: '127.0.0.1' })
  try {
    const browser = new Browser(t.app, { 'x-forwarded-for': '192.0.2.31' })
    const codes: number[] = []
    for (const path of ['/login', '/en/login', '/login', '/en/login']) {
      await browser.get(path)
      codes.push((await browser.post(path, { email: `${unique('nobody')}@example.org`, password: 'not the password' })).statusCode)
    }
    assert.deepEqual(codes, [401, 401, 401, 429])
    const refused = await browser.post('/en/login', { email: 'x@example.org', password: 'whatever' })
    assert.equal(refused.statusCode, 429)
    assert.match(text(refused.body), /Too many requests in a row/)
    const wait = Number(refused.headers['retry-after'])
    assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${refused.headers['retry-after']}`)
    // Another address has its own budget; another form too.
    const other = new Browser(t.app, { 'x-forwarded-for': '192.0.2.32' })
    await other.get('/en/login')
    assert.equal((await other.post('/en/login', { email: 'x@example.org', password: 'whatever' })).statusCode, 401)
    await browser.get('/password/forgot')
    assert.equal((await browser.post('/password/forgot', { email: 'x@example.org' })).statusCode, 303)
  } finally {
    await t.close()
  }
})

test('two instances on one database share the budget: the share form and its API count as one form', { timeout: 60_000 }, async () => {
  const database = await createTestDatabase()
  // PostgreSQL: two connection pools, as two servers would have. PGlite serves one process, so both share its handle.
  const second = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 4 }) : database.handle
  const config = testConfig({ RATE_LIMIT_FORMS_PER_MINUTE: 4, TRUST_PROXY: '127.0.0.1' })
  const a = await buildApp(config, { database: database.handle, logger: false })
  const b = await buildApp(config, { database: second, logger: false })
  try {
    const from = { 'x-forwarded-for': '192.0.2.40' }
    const tool = () => ({ name: unique('Gedeelde-limiet-tool'), description: 'Een tool om te testen of een limiet door twee servers gedeeld wordt.', contactEmail: `${unique('limit')}@example.org` })
    const viaApi = (app: typeof a) =>
      app.inject({ method: 'POST', url: '/api/v1/submissions', headers: { ...from, 'content-type': 'application/json' }, payload: JSON.stringify({ ...tool(), confirmDifferent: true }) })
    const browserB = new Browser(b, from)
    const viaForm = async () => {
      await browserB.get('/en/tools/share')
      return browserB.post('/en/tools/share', { ...tool(), confirmDifferent: 'on' })
    }
    const codes = [(await viaApi(a)).statusCode, (await viaForm()).statusCode, (await viaApi(b)).statusCode, (await viaApi(a)).statusCode]
    assert.deepEqual(codes, [201, 303, 201, 201])
    const fifth = await viaApi(b)
    assert.equal(fifth.statusCode, 429)
    assert.match(fifth.headers['content-type'] as string, /application\/problem\+json/)
    assert.equal((await viaForm()).statusCode, 429)
    assert.equal((await viaApi(a)).statusCode, 429)
    // Another address is not affected.
    const elsewhere = await a.inject({ method: 'POST', url: '/api/v1/submissions', headers: { 'x-forwarded-for': '192.0.2.41', 'content-type': 'application/json' }, payload: JSON.stringify({ ...tool(), confirmDifferent: true }) })
    assert.equal(elsewhere.statusCode, 201)
  } finally {
    await b.close().catch(() => {})
    await a.close().catch(() => {})
    if (second !== database.handle) await second.close().catch(() => {})
    await database.drop()
  }
})

test('counts start again after the window; rows of ended windows are deleted', async () => {
  const t = await buildTestApp()
  try {
    const db = t.database.handle.db
    const store = createRateLimitStore(db)
    assert.equal((await store.hit('probe', '192.0.2.50', 60)).hits, 1)
    assert.equal((await store.hit('probe', '192.0.2.50', 60)).hits, 2)
    // The window ends (as if a minute had passed).
    await db.updateTable('rate_limits').set({ window_ends_at: sql<Date>`now() - interval '1 second'` }).where('client', '=', '192.0.2.50').execute()
    const again = await store.hit('probe', '192.0.2.50', 60)
    assert.equal(again.hits, 1)
    assert.ok(again.windowEndsAt.getTime() > Date.now() + 50_000)
    await db.insertInto('rate_limits').values({ bucket: 'probe', client: '192.0.2.51', window_ends_at: new Date(Date.now() - 3600_000), hits: 9 }).execute()
    await store.sweep()
    const left = await db.selectFrom('rate_limits').select('client').where('bucket', '=', 'probe').execute()
    assert.deepEqual(left.map((r) => r.client), ['192.0.2.50'])
  } finally {
    await t.close()
  }
})
