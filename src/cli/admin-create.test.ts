import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { createTestDatabase } from '../../test/helper.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const run = promisify(execFile)
type Failure = { code: number; stdout: string; stderr: string }

/** The environment of a command run as an operator would: on PostgreSQL this file's own database, else a new folder. */
async function commandEnvironment() {
  const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined
  await database?.handle.close()
  // Without NODE_TEST_CONTEXT: a child that inherits it behaves as a test-runner child and never reports back.
  const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env
  const dataDir = mkdtempSync(join(tmpdir(), 'toolbox-cli-'))
  const env = {
    ...inherited,
    PUBLIC_URL: 'http://toolbox.test',
    LOG_LEVEL: 'warn',
    ...(database?.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: dataDir }),
  }
  return { env, dataDir, drop: async () => database?.drop() }
}

const adminCreate = (env: NodeJS.ProcessEnv, ...args: string[]) => run(TSX, ['src/cli/admin-create.ts', ...args], { cwd: ROOT, env })

test('npm run admin:create makes the first administrator, prints a single-use link, and says what it did on a second run', { timeout: 180_000 }, async () => {
  const { env, drop } = await commandEnvironment()
  try {
    const first = await adminCreate(env, '--email', 'first@example.org', '--name', 'First Admin')
    assert.match(first.stdout, /Created the administrator First Admin <first@example.org>\./)
    const link = /Set the password within 7 days: (http:\/\/toolbox\.test\/account\/activate\/[A-Za-z0-9_-]{43})/.exec(first.stdout)?.[1]
    assert.ok(link, first.stdout)
    assert.match(first.stdout, /outbox/)

    // The same address again (someone lost the link): no stack trace, a fresh link, and it says so.
    const again = await adminCreate(env, '--email', 'FIRST@example.org', '--name', 'First Admin')
    assert.match(again.stdout, /First Admin <first@example.org> is already an administrator: here is a fresh link/)
    const fresh = /Set the password within 7 days: (\S+)/.exec(again.stdout)?.[1]
    assert.ok(fresh && fresh !== link, again.stdout)

    const usage = (await adminCreate(env, '--email', 'nope').catch((e: Failure) => e)) as Failure
    assert.equal(usage.code, 2)
    assert.match(usage.stderr, /Usage: npm run admin:create/)
  } finally {
    await drop()
  }
})

test('a command on a PGlite folder that a running server holds refuses in one line and changes nothing', { timeout: 180_000, skip: process.env.DATABASE_URL ? 'PGlite only: PostgreSQL serves many processes' : false }, async () => {
  const { env, dataDir } = await commandEnvironment()
  const server = spawn(TSX, ['src/server.ts'], { cwd: ROOT, env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = ''
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (listening) resolve(listening[1]!)
      })
      server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
    })
    const refused = (await adminCreate(env, '--email', 'second@example.org', '--name', 'Second').catch((e: Failure) => e)) as Failure
    assert.equal(refused.code, 1)
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr)
    assert.match(refused.stderr, new RegExp(`The database folder ${dataDir.replace(/[/\\.]/g, '\\$&')} is in use by another process \\(pid \\d+\\)`))
    assert.doesNotMatch(refused.stdout, /Set the password/)

    // A second server on the same folder is refused the same way.
    const second = (await run(TSX, ['src/server.ts'], { cwd: ROOT, env: { ...env, PORT: '0', HOST: '127.0.0.1' } }).catch((e: Failure) => e)) as Failure
    assert.equal(second.code, 1)
    assert.equal(second.stderr.trim().split('\n').length, 1, second.stderr)
    assert.match(second.stderr, /is in use by another process/)
    // The first server never noticed: it still answers, its database up.
    const health = await fetch(`${address}/health`)
    assert.equal(health.status, 200)
    assert.equal(((await health.json()) as { status: string }).status, 'ok')
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
  // Once the server has stopped, the folder is free again.
  const after = await adminCreate(env, '--email', 'second@example.org', '--name', 'Second')
  assert.match(after.stdout, /Created the administrator Second <second@example.org>\./)
})
