import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { waitForDatabase } from './connect-retry.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
type Failure = { code: number; stdout: string; stderr: string }

/** A port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  assert.ok(address && typeof address === 'object')
  await new Promise((resolve) => server.close(resolve))
  return address.port
}

test('a server started before its PostgreSQL says so once per try and gives up after DATABASE_CONNECT_RETRY_SECONDS with one line', { timeout: 120_000 }, async () => {
  const port = await closedPort()
  const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env
  const env = { ...inherited, DATABASE_URL: `postgres://toolbox:secret@127.0.0.1:${port}/toolbox`, DATABASE_CONNECT_RETRY_SECONDS: '3', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }
  const started = Date.now()
  const failed = (await promisify(execFile)(TSX, ['src/server.ts'], { cwd: ROOT, env }).catch((e: Failure) => e)) as Failure
  const seconds = (Date.now() - started) / 1000
  assert.equal(failed.code, 1)
  const tries = failed.stdout.split('\n').filter((line) => line.includes(`The database at 127.0.0.1:${port}/toolbox is not reachable yet`))
  assert.ok(tries.length >= 2, failed.stdout)
  assert.match(tries[0]!, /try 1: connect ECONNREFUSED.*trying again for \d s more/)
  const final = failed.stderr.trim().split('\n')
  assert.equal(final.length, 1, failed.stderr)
  assert.match(final[0]!, new RegExp(`^The database at 127\\.0\\.0\\.1:${port}/toolbox could not be reached within 3 s \\(\\d+ tries; last: connect ECONNREFUSED`))
  assert.doesNotMatch(failed.stdout + failed.stderr, /secret|\n\s+at /, 'no password, no stack trace')
  // It gives up rather than waiting on: the upper bound leaves room for tsx starting slowly on a loaded machine.
  assert.ok(seconds >= 3 && seconds < 100, `gave up after ${seconds} s`)
})

test('a database that comes up while the app waits is used: the tries before it are said, then start-up goes on', async () => {
  let pings = 0
  const said: string[] = []
  const database = {
    ping: async () => {
      if (++pings < 3) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
    },
  }
  await waitForDatabase(database, { where: '127.0.0.1:5432/toolbox', retrySeconds: 10, intervalMs: 10, warn: (_o, m) => said.push(m) })
  assert.equal(pings, 3)
  assert.equal(said.length, 2)
  assert.match(said[1]!, /not reachable yet \(try 2: connect ECONNREFUSED 127\.0\.0\.1:5432\); trying again for \d+ s more\./)
})
