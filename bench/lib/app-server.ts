// The real server (`src/server.ts`, as `npm start` runs it) on a benchmark database, for measurements that must not
// share a heap or a CPU with the benchmark's own generator and bookkeeping: its memory (app-rss.ts) and its
// throughput on distinct search pages, as one instance or several (INSTANCES, decision 0027).
import { spawn } from 'node:child_process'
import { NODE_FLAGS } from '../../src/lib/runtime.ts'
import { freePort } from './util.ts'

export interface BenchDatabase {
  dataDir?: string
  databaseUrl?: string
}

export interface RunningServer {
  port: number
  pid: number
  /** From the spawn until the search index said it was ready, ms (0 with the index off). */
  indexReadyMs: number
  output(): string
  stop(): Promise<void>
}

/** Starts the server and resolves once it answers /health and (index on) every instance's index is ready. */
export async function startServer(database: BenchDatabase, env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const started = performance.now()
  const instances = Number(env.INSTANCES ?? 1)
  const indexOn = env.SEARCH_INDEX !== 'off'
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'info',
      DATABASE_URL: database.databaseUrl ?? '',
      ...(database.dataDir ? { DATA_DIR: database.dataDir } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Only the last lines are kept (for error messages): a server logging every request must not make this
  // process, on the same cores, busier with each line.
  let output = ''
  let indexReadyMs = 0
  let readyLines = 0
  let indexLines = 0
  let isReady = false
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk)
      if (isReady) return
      const text = chunk.toString()
      readyLines += text.split('"toolbox ready"').length - 1
      indexLines += text.split('"search index ready"').length - 1
      if (indexOn && indexReadyMs === 0 && indexLines >= instances) indexReadyMs = performance.now() - started
      if (readyLines >= instances && (!indexOn || indexReadyMs > 0)) {
        isReady = true
        resolve()
      }
    })
    child.stderr.on('data', keep)
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}) before it was ready:\n${output.slice(-2000)}`)))
    setTimeout(() => reject(new Error(`the server was not ready within 180 s:\n${output.slice(-2000)}`)), 180_000).unref()
  })
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  try {
    await ready
    // "toolbox ready" comes when the app is built; it listens just after.
    for (let tries = 0; ; tries++) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)
      if (ok) break
      if (tries > 600) throw new Error('the server did not answer /health within 60 s')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { port, pid: child.pid!, indexReadyMs, output: () => output, stop }
}
