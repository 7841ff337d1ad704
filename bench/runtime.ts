// npm run bench:runtime: what the Node runtime changes for the running server (decision 0017).
//
//   npm run bench:runtime                                       # the node npm scripts run on, as `npm start` does
//   npm run bench:runtime -- --node /usr/bin/node --node node_modules/.bin/node --runs 7
//   npm run bench:runtime -- --node node_modules/.bin/node --mode tsx --mode strip --flags=--no-wasm-code-gc --flags=
//
// For each Node binary × way of running TypeScript × set of node flags it starts the real server as a child
// process and measures:
//   - start-up until GET /health answers 200, on a fresh PGlite folder (migrations and reference data) and on
//     an existing one (runs alternate between the variants, so drift in the machine's load hits all alike);
//   - repeated-page throughput with wrk (/usr/bin/wrk) on /tools and on a tool page against a running server.
// Modes: `tsx` is `node <flags> --import tsx src/server.ts` (what `npm start` runs); `tsx-cli` is the tsx command
// (`tsx src/server.ts`, what `npm start` ran before decision 0017 was adopted; it starts a second node process);
// `strip` is `node <flags> src/server.ts` with Node's own type stripping (Node 23.6 and later).
// `--flags` defaults to NODE_FLAGS (src/lib/runtime.ts), the flags the npm scripts pass; `--flags=` for none.
// The machine is shared: the 1-minute load average is printed with every block; quote medians.
import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { NODE_FLAGS } from '../src/lib/runtime.ts'
import { formatMs, freePort, percentiles, table } from './lib/util.ts'
import { runWrk, wrkAvailable, writeReportScript } from './lib/wrk.ts'

const ROOT = join(import.meta.dirname, '..')
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

type Mode = 'tsx' | 'tsx-cli' | 'strip'
const MODES: readonly Mode[] = ['tsx', 'tsx-cli', 'strip']

const { values } = parseArgs({
  options: {
    node: { type: 'string', multiple: true },
    mode: { type: 'string', multiple: true },
    flags: { type: 'string', multiple: true },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log("npm run bench:runtime -- [--node PATH]... [--mode tsx|tsx-cli|strip]... [--flags='--node-flag ...']... [--runs N] [--seconds S] [--connections C]")
  process.exit(0)
}
const nodes = (values.node ?? [process.execPath]).map((n) => resolve(n))
const modes = (values.mode ?? ['tsx']) as Mode[]
for (const m of modes) if (!MODES.includes(m)) throw new Error(`unknown --mode ${m}`)
const flagSets = (values.flags ?? [NODE_FLAGS.join(' ')]).map((f) => f.split(/\s+/).filter(Boolean))
const runs = Number(values.runs)
const seconds = Number(values.seconds)
const connections = Number(values.connections)

const load = () => loadavg()[0]!.toFixed(2)
const versionOf = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()

interface Variant {
  label: string
  node: string
  mode: Mode
  flags: string[]
}
const variants: Variant[] = []
for (const node of nodes) {
  const version = versionOf(node)
  for (const mode of modes) {
    if (mode === 'strip' && Number(version.slice(1).split('.')[0]) < 23) {
      console.log(`skipped: ${version} ${mode} (type stripping is on by default from Node 23.6)`)
      continue
    }
    for (const flags of flagSets) {
      const label = `${version} ${mode}${mode === 'tsx-cli' ? '' : ` ${flags.join(' ') || '(no flags)'}`}`
      if (!variants.some((v) => v.label === label)) variants.push({ label, node, mode, flags })
    }
  }
}

interface Running {
  child: ChildProcess
  port: number
  output: () => string
  exited: Promise<number | null>
}

/** Starts the server as `npm start` would (tsx) or with Node's type stripping; resolves once /health is 200. */
async function startServer(variant: Variant, dataDir: string): Promise<Running & { readyMs: number }> {
  const port = await freePort()
  const args =
    variant.mode === 'tsx-cli' ? [TSX_CLI, 'src/server.ts'] : [...variant.flags, ...(variant.mode === 'tsx' ? ['--import', 'tsx'] : []), 'src/server.ts']
  const started = performance.now()
  const child = spawn(variant.node, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      // tsx's own child (and anything started with `node`) must use the same binary.
      PATH: `${join(variant.node, '..')}:${process.env.PATH ?? ''}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_DISABLED: '1',
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)))
  let gone = false
  void exited.then(() => (gone = true))
  for (;;) {
    if (gone) throw new Error(`${variant.label}: the server exited before /health answered:\n${out}`)
    if (performance.now() - started > 60_000) throw new Error(`${variant.label}: no /health within 60 s:\n${out}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`)
      if (res.status === 200) {
        const readyMs = performance.now() - started
        return { child, port, output: () => out, exited, readyMs }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5))
  }
}

async function stop(running: Running) {
  running.child.kill('SIGTERM')
  await running.exited
}

console.log(`runtime bench: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} runs per variant`)
console.log(`variants: ${variants.map((v) => `${v.label} (${v.node})`).join(', ')}`)

// Start-up: fresh folder (a new one per run) and existing folder (one per variant, made by a warm-up start).
const fresh = new Map<string, number[]>(variants.map((v) => [v.label, []]))
const existing = new Map<string, number[]>(variants.map((v) => [v.label, []]))
const dirs = new Map<string, string>()
const work = mkdtempSync(join(tmpdir(), 'toolbox-bench-runtime-'))
try {
  for (const v of variants) {
    const dir = join(work, `existing-${dirs.size}`)
    dirs.set(v.label, dir)
    await stop(await startServer(v, dir)) // warm-up: creates the folder, fills the OS file cache
  }
  const startLoad = load()
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      const dir = join(work, `fresh-${v.mode}-${i}-${Math.random().toString(36).slice(2)}`)
      const s = await startServer(v, dir)
      fresh.get(v.label)!.push(s.readyMs)
      await stop(s)
      rmSync(dir, { recursive: true, force: true })
      const e = await startServer(v, dirs.get(v.label)!)
      existing.get(v.label)!.push(e.readyMs)
      await stop(e)
    }
  }
  console.log(`\nstart-up until /health answers 200 (load ${startLoad} -> ${load()}), median [min-max] of ${runs}:`)
  const row = (samples: number[]) => {
    const p = percentiles(samples)
    return `${formatMs(p.p50)} [${formatMs(Math.min(...samples))}-${formatMs(p.max)}]`
  }
  console.log(table([['variant', 'fresh folder', 'existing folder'], ...variants.map((v) => [v.label, row(fresh.get(v.label)!), row(existing.get(v.label)!)])]))

  // Throughput: one server per variant on its existing folder; wrk on /tools and on a tool page.
  const missing = wrkAvailable()
  if (missing) {
    console.log(`\nthroughput skipped: ${missing}`)
  } else {
    const rows: string[][] = [['variant', 'page', 'req/s', 'p50', 'p99', 'errors', 'load']]
    for (const v of variants) {
      const s = await startServer(v, dirs.get(v.label)!)
      try {
        const html = await (await fetch(`http://127.0.0.1:${s.port}/tools`)).text()
        const slug = /href="\/tools\/([a-z0-9-]+)"/.exec(html)?.[1]
        if (!slug) throw new Error('no tool link on /tools')
        const script = writeReportScript(work)
        for (const path of ['/tools', `/tools/${slug}`]) {
          const url = `http://127.0.0.1:${s.port}${path}`
          // Warm the JIT and the caches first, then measure.
          await runWrk(url, script, { threads: 1, connections, durationSec: 2, timeoutSec: 5 })
          const l = load()
          const r = await runWrk(url, script, { threads: 1, connections, durationSec: seconds, timeoutSec: 5 })
          const errors = Object.values(r.errors).reduce((a, b) => a + b, 0)
          rows.push([v.label, path === '/tools' ? '/tools' : '/tools/<slug>', r.rps.toFixed(0), formatMs(r.latencyMs.p50), formatMs(r.latencyMs.p99), String(errors), l])
        }
      } finally {
        await stop(s)
      }
    }
    console.log(`\nrepeated pages, wrk -t1 -c${connections} -d${seconds}s after a 2 s warm-up (PGlite, seed catalogue):`)
    console.log(table(rows))
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
