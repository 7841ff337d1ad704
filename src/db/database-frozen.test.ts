import assert from 'node:assert/strict'
import { createServer, connect, type Socket } from 'node:net'
import { test } from 'node:test'
import { setTimeout as delay } from 'node:timers/promises'
import { buildApp } from '../app.ts'
import { createTestDatabase, testConfig } from '../../test/helper.ts'
import { openDatabase } from './database.ts'

/**
 * A TCP proxy between the app and PostgreSQL that can freeze: it stops forwarding in both directions without
 * closing a socket, as a database host that hangs or a network that drops packets would. New connections are
 * accepted and then hear nothing either.
 */
async function freezableProxy(target: URL) {
  let frozen = false
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => {})
      socket.on('close', () => sockets.delete(socket))
    }
    client.on('data', (chunk) => void (frozen || upstream.write(chunk)))
    upstream.on('data', (chunk) => void (frozen || client.write(chunk)))
    client.on('end', () => upstream.end())
    upstream.on('end', () => client.end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  assert.ok(address && typeof address === 'object')
  return {
    port: address.port,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

const reason = process.env.DATABASE_URL ? undefined : 'PostgreSQL only: needs DATABASE_URL (PGlite runs in the process and cannot freeze on the network)'
if (reason) console.log(`skipped: a frozen PostgreSQL connection: ${reason}`)

const CONNECT_TIMEOUT_MS = 1_000
const QUERY_TIMEOUT_MS = 1_500
/** Waiting for a connection, then one query that does not come back, with some slack for a busy machine. */
const BOUND_MS = CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS + 2_000

test('when PostgreSQL stops answering, concurrent API and page requests and /health all end with 503 within seconds, and it recovers', { skip: reason ?? false, timeout: 120_000 }, async () => {
  const database = await createTestDatabase()
  await database.handle.close()
  const direct = new URL(database.url!)
  const proxy = await freezableProxy(direct)
  const viaProxy = new URL(direct)
  viaProxy.hostname = '127.0.0.1'
  viaProxy.port = String(proxy.port)
  const handle = await openDatabase({ databaseUrl: viaProxy.toString(), poolSize: 4, connectTimeoutMs: CONNECT_TIMEOUT_MS, queryTimeoutMs: QUERY_TIMEOUT_MS })
  const app = await buildApp(testConfig(), { database: handle })
  try {
    assert.equal((await app.inject({ url: '/api/v1/tools' })).statusCode, 200)
    assert.equal((await app.inject({ url: '/en/tools' })).statusCode, 200)

    proxy.freeze()
    const requests = [
      ...Array.from({ length: 10 }, (_, i) => `/api/v1/tools?q=probe${i}`),
      ...Array.from({ length: 4 }, (_, i) => `/en/tools?q=probe${i}`),
      '/tools',
      '/en/programme',
      '/health',
    ]
    const started = Date.now()
    const answers = await Promise.all(
      requests.map(async (url) => {
        const t0 = Date.now()
        const cutOff = delay(45_000, undefined, { ref: false })
        const res = await Promise.race([app.inject({ url }), cutOff])
        return { url, res, ms: Date.now() - t0 }
      }),
    )
    const slowest = Math.max(...answers.map((a) => a.ms))
    console.log(`frozen database: ${answers.length} concurrent requests, slowest ${slowest} ms, all done after ${Date.now() - started} ms; ${answers.map((a) => `${a.url} ${a.res?.statusCode ?? 'hung'} ${a.ms} ms`).join('; ')}`)
    for (const { url, res, ms } of answers) {
      assert.ok(res, `${url} still hung after ${ms} ms`)
      assert.equal(res.statusCode, 503, `${url}: ${res.statusCode}`)
      assert.ok(ms < BOUND_MS, `${url} took ${ms} ms`)
      if (url.startsWith('/api/')) {
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
        assert.equal(res.json().code, 'unavailable')
      } else if (url !== '/health') {
        assert.match(String(res.headers['content-type']), /^text\/html/)
        assert.match(res.body, /temporarily unavailable|tijdelijk niet beschikbaar/i)
      }
    }

    // Once the database answers again, so does the app: no connection stays stuck behind a lost answer.
    proxy.thaw()
    const deadline = Date.now() + 15_000
    let status = 0
    while (Date.now() < deadline) {
      status = (await app.inject({ url: '/api/v1/tools' })).statusCode
      if (status === 200) break
      await delay(200)
    }
    assert.equal(status, 200)
    assert.equal((await app.inject({ url: '/en/tools' })).statusCode, 200)
  } finally {
    await proxy.close()
    await app.close().catch(() => {})
    await database.drop()
  }
})
