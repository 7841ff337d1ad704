import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../test/helper.ts'
import { NODE_FLAGS } from './runtime.ts'

// INSTANCES (decision 0027): `npm start` as several instances of the app sharing one port, on PostgreSQL.

const ROOT = join(import.meta.dirname, '..', '..')
const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env

function server(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env: { ...inherited, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** The processes whose parent is `pid` (the workers of a cluster primary). */
function childrenOf(pid: number): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry))
    } catch {
      // the process ended while the list was read
    }
  }
  return found
}

async function until<T>(what: string, check: () => T | undefined | false, seconds = 90): Promise<T> {
  const end = Date.now() + seconds * 1000
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > end) throw new Error(`not within ${seconds} s: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('INSTANCES above 1 on the embedded database is refused in one line, before anything starts', async () => {
  const s = server({ INSTANCES: '2', DATABASE_URL: '', DATA_DIR: '/nonexistent/toolbox-data' })
  assert.equal(await s.exited, 1)
  assert.match(s.output().trim(), /^INSTANCES=2 needs PostgreSQL \(DATABASE_URL\): the embedded database in \/nonexistent\/toolbox-data belongs to one process\. Set INSTANCES=1, or DATABASE_URL\.$/)
})

const postgres = Boolean(process.env.DATABASE_URL)
let database: TestDatabase | undefined
before(async () => {
  if (postgres) database = await createTestDatabase()
})
after(async () => {
  await database?.handle.close()
  await database?.drop()
})

test('two instances share the port, one that dies is replaced, and SIGTERM stops them all', { skip: postgres ? false : 'needs PostgreSQL (DATABASE_URL): several instances cannot share the embedded database; CI runs this on PostgreSQL', timeout: 180_000 }, async () => {
  const s = server({ INSTANCES: '2', DATABASE_URL: database!.url! })
  try {
    const port = await until('both instances listening', () => {
      const ports = [...s.output().matchAll(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => m[1])
      return ports.length >= 2 && ports[0]
    })
    const workers = childrenOf(s.child.pid!)
    assert.equal(workers.length, 2, `workers ${workers.join(', ')}:\n${s.output()}`)
    // The catalogue answers through the shared port, from both instances in turn.
    for (let i = 0; i < 6; i++) assert.equal((await fetch(`http://127.0.0.1:${port}/tools`)).status, 200)
    process.kill(workers[0]!, 'SIGKILL')
    const replaced = await until('a new instance', () => {
      const now = childrenOf(s.child.pid!)
      return now.length === 2 && !now.includes(workers[0]!) && now
    })
    assert.ok(replaced.includes(workers[1]!))
    await until('the primary saying so', () => /an instance stopped; starting another/.test(s.output()), 10)
    s.child.kill('SIGTERM')
    assert.equal(await s.exited, 0, `exit code after SIGTERM:\n${s.output()}`)
    await until('the instances gone', () => ![...workers, ...replaced].some((pid) => readdirSync('/proc').includes(String(pid))), 20)
  } finally {
    if (s.child.exitCode === null) s.child.kill('SIGKILL')
  }
})
