// What the search index adds to the memory of a real instance: the server (`src/server.ts`, as `npm start` runs
// it) is started on the benchmark's database twice, with SEARCH_INDEX off and on; each serves the same pages, then
// its resident set (VmRSS) is read. The difference is the index's cost to an instance, without the benchmark's own
// generator and measurements in the same heap.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { NODE_FLAGS } from '../../src/lib/runtime.ts'
import { freePort } from './util.ts'

export interface AppRss {
  /** MB, after the pages, with the index off and on. */
  offMb: number
  onMb: number
  /** From the spawn until the index said it was ready (on), ms. */
  indexReadyMs: number
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function oneServer(database: { dataDir?: string; databaseUrl?: string }, index: 'on' | 'off', paths: readonly string[]): Promise<{ rssMb: number; readyMs: number }> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'info',
      SEARCH_INDEX: index,
      DATABASE_URL: database.databaseUrl ?? '',
      ...(database.dataDir ? { DATA_DIR: database.dataDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let readyMs = 0
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (index === 'on' && readyMs === 0 && output.includes('"search index ready"')) readyMs = performance.now() - started
      if (output.includes('"toolbox ready"') && (index === 'off' || readyMs > 0)) resolve()
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}) before it was ready:\n${output.slice(-2000)}`)))
    setTimeout(() => reject(new Error(`the server was not ready within 180 s:\n${output.slice(-2000)}`)), 180_000).unref()
  })
  try {
    await ready
    // "toolbox ready" comes when the app is built; it listens just after.
    for (let tries = 0; ; tries++) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)
      if (ok) break
      if (tries > 600) throw new Error('the server did not answer /health within 60 s')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // The same pages for both: search pages and what they link to, so that both instances have done the same work.
    for (const path of paths) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`)
      await response.arrayBuffer()
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
    return { rssMb: rssMb(child.pid!), readyMs }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
}

/** RSS of the real server with the index off and on, on one database (not in use by another process for PGlite). */
export async function appRss(database: { dataDir?: string; databaseUrl?: string }, paths: readonly string[]): Promise<AppRss> {
  const off = await oneServer(database, 'off', paths)
  const on = await oneServer(database, 'on', paths)
  return { offMb: off.rssMb, onMb: on.rssMb, indexReadyMs: on.readyMs }
}
