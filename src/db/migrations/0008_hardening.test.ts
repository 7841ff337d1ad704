import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase } from '../database.ts'
import { migrateToLatest } from '../migrate.ts'

test('migration 0008 scrubs the links already stored in the outbox; a waiting message keeps its text to send', { timeout: 120_000 }, async () => {
  const serverUrl = process.env.DATABASE_URL
  const name = `toolbox_m0008_${process.pid}`
  let url: string | undefined
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
    await admin.end()
    const u = new URL(serverUrl)
    u.pathname = `/${name}`
    url = u.toString()
  }
  const handle = await openDatabase(url ? { databaseUrl: url, poolSize: 2 } : { inMemory: true })
  try {
    await migrateToLatest(handle.db, '0006_pipeline')
    const link = 'http://toolbox.test/en/account/activate/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd'
    const body = `Choose a password with this link:\n\n${link}\n\nAnd the tracking link http://toolbox.test/submissions/KeepThisOne1234567890abc stays.`
    const insert = (transport: string, sent: boolean) =>
      sql`insert into outbox (recipient, locale, subject, body_text, transport, sent_at) values ('a@example.org', 'en', 'Invitation', ${body}, ${transport}, ${sent ? sql`now()` : null})`.execute(handle.db)
    await insert('outbox', false)
    await insert('smtp', true)
    await insert('smtp', false)
    await migrateToLatest(handle.db)
    const { rows } = await sql<{ transport: string; sent: boolean; body_text: string; body_secret: string | null }>`
      select transport, sent_at is not null as sent, body_text, body_secret from outbox order by id`.execute(handle.db)
    for (const row of rows) {
      assert.ok(!row.body_text.includes('AbCdEfGh'), `${row.transport}: no link left to read`)
      assert.match(row.body_text, /\/en\/account\/activate\/…\n/)
      assert.ok(row.body_text.includes('/submissions/KeepThisOne1234567890abc'), 'tracking links are no credentials for an account')
    }
    assert.deepEqual(rows.map((r) => r.body_secret === body), [false, false, true], 'only the message still to be sent keeps its text to send')
  } finally {
    await handle.close()
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl })
      await admin.connect()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
})
