import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { buildApp } from '../../app.ts'
import { openDatabase, type DatabaseHandle } from '../../db/database.ts'
import { createTestDatabase, testConfig } from '../../../test/helper.ts'

test('a submission, its tracking link and its e-mail survive a server restart', async () => {
  // A database that outlives the app: a PGlite folder, or a PostgreSQL database.
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-restart-'))
  const server = process.env.DATABASE_URL ? await createTestDatabase() : undefined
  const open = (): Promise<DatabaseHandle> => (server ? openDatabase({ databaseUrl: server.url! }) : openDatabase({ dataDir: dir }))
  try {
    const first = await buildApp(testConfig({ inMemory: false, RATE_LIMIT_DISABLED: '1' }), { database: server ? server.handle : await open(), logger: false })
    const created = await first.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      payload: { name: 'Herstartbestendige tool', description: 'Blijft bewaard.', contactEmail: 'restart@example.org', confirmDifferent: true },
    })
    assert.equal(created.statusCode, 201)
    const tracking = JSON.parse(created.body)._links.tracking.href.replace('http://toolbox.test', '')
    await first.close()

    const second = await buildApp(testConfig({ inMemory: false, RATE_LIMIT_DISABLED: '1' }), { database: await open(), logger: false })
    try {
      const page = await second.inject({ url: tracking })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Herstartbestendige tool/)
      const mail = await second.appContext.database.db.selectFrom('outbox').select('body_text').where('recipient', '=', 'restart@example.org').executeTakeFirstOrThrow()
      assert.ok(mail.body_text.includes(tracking), 'the e-mailed link still works after the restart')
    } finally {
      await second.close()
    }
  } finally {
    await server?.drop()
    rmSync(dir, { recursive: true, force: true })
  }
})
