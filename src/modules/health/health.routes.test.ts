import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp, testDatabaseKind } from '../../../test/helper.ts'

test('GET /health is 200 with the database state, and 503 once the database is unreachable', async () => {
  const t = await buildTestApp()
  try {
    const up = await t.app.inject({ method: 'GET', url: '/health' })
    assert.equal(up.statusCode, 200)
    assert.deepEqual(up.json(), { status: 'ok', database: { kind: testDatabaseKind, status: 'up' } })

    await t.database.handle.close()
    const down = await t.app.inject({ method: 'GET', url: '/health' })
    assert.equal(down.statusCode, 503)
    assert.deepEqual(down.json(), { status: 'unavailable', database: { kind: testDatabaseKind, status: 'down' } })

    // Pages say so in the visitor's language (503, try again later) instead of failing with a stack trace.
    const page = await t.app.inject({ method: 'GET', url: '/en/tools?q=unavailable' })
    assert.equal(page.statusCode, 503)
    assert.equal(page.headers['retry-after'], '30')
    assert.match(page.body, /The toolbox is temporarily unavailable/)
    assert.ok(!page.body.includes('at '), 'no stack trace')
  } finally {
    await t.app.close().catch(() => {})
    await t.database.drop()
  }
})
