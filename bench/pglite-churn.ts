// npm run bench:pglite-churn: does opening and closing PGlite databases crash this Node (decision 0017)?
//
//   npm run bench:pglite-churn                                   # 3 rounds × default flags and --no-wasm-code-gc
//   npm run bench:pglite-churn -- --rounds 6 --seconds 90 --flags= --flags=--no-wasm-code-gc
//   npm run bench:pglite-churn -- --flags=--stress-wasm-code-gc --flags='--stress-wasm-code-gc --no-wasm-code-gc'
//
// Node 24's V8 (13.6) can abort with `Check failed: jit_page_->allocations_.erase(addr) == 1` in
// ThreadIsolation::UnregisterWasmAllocation when WebAssembly code is churned: a Wasm-to-JS import wrapper that
// Wasm code GC is already freeing is picked up again by the wrapper tier-up and freed twice (nodejs/node#64500,
// #66366; fixed in V8 9b8ca54d5a, not in 24.x). The tests churn exactly like that: every test file opens an
// in-memory PGlite (WebAssembly) from the template, runs the app on it and closes it.
//
// Each child process does what a test file does, in a loop for --seconds: buildTestApp (PGlite in memory from the
// template), a few pages through app.inject, close. Variants (node flags) alternate round by round, so drift in
// the machine's load hits them alike. A child that dies on a signal or prints a V8 `Check failed` counts as a
// crash. `--mode db` only opens, pings and closes the database (more cycles per second); `--expose-gc` among the
// flags collects each closed instance at once. Like every benchmark here it prints numbers and never fails on them.
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    child: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '60' },
    flags: { type: 'string', multiple: true },
    mode: { type: 'string', default: 'app' },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log("npm run bench:pglite-churn -- [--rounds N] [--seconds S] [--mode app|db] [--flags='--node-flag ...']...")
  process.exit(0)
}
const seconds = Number(values.seconds)

interface ChildReport {
  cycles: number
  requests: number
  maxRssMb: number
}

/** One process's work: open, use and close test apps until the time is up; prints a JSON report at the end. */
async function churn(): Promise<void> {
  const { buildTestApp, createTestDatabase } = await import('../test/helper.ts')
  const until = performance.now() + seconds * 1000
  const report: ChildReport = { cycles: 0, requests: 0, maxRssMb: 0 }
  while (performance.now() < until) {
    if (values.mode === 'db') {
      // Only the database: quicker cycles, so more churn per second (the same statements over and over).
      const { handle } = await createTestDatabase()
      for (let i = 0; i < 20; i++) {
        await handle.ping()
        report.requests++
      }
      await handle.close()
    } else {
      const { app, close } = await buildTestApp()
      for (const url of ['/health', '/tools', '/tools?q=data', '/', '/en/tools']) {
        const response = await app.inject({ method: 'GET', url })
        if (response.statusCode >= 500) throw new Error(`${url}: ${response.statusCode}`)
        report.requests++
      }
      await close()
    }
    // With --expose-gc: collect the closed instance at once, so its Wasm code dies while the next one starts.
    globalThis.gc?.()
    report.cycles++
    report.maxRssMb = Math.max(report.maxRssMb, Math.round(process.memoryUsage().rss / 1e6))
  }
  console.log(JSON.stringify(report))
}

interface Outcome {
  crashed: boolean
  how: string
  report?: ChildReport
  ms: number
}

function runChild(flags: string[]): Promise<Outcome> {
  const started = performance.now()
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--seconds', String(seconds), '--mode', values.mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      const ms = performance.now() - started
      const check = /Check failed: [^\n]*/.exec(stderr)?.[0]
      const last = stdout.trim().split('\n').pop() ?? ''
      const report = last.startsWith('{') ? (JSON.parse(last) as ChildReport) : undefined
      const crashed = signal !== null || check !== undefined || code !== 0
      const how = check ?? (signal ? `signal ${signal}` : code !== 0 ? `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : 'ok')
      resolve({ crashed, how, report, ms })
    })
  })
}

async function main(): Promise<void> {
  const variants = (values.flags ?? ['', '--no-wasm-code-gc']).map((f) => f.split(/\s+/).filter(Boolean))
  const label = (flags: string[]) => (flags.length ? flags.join(' ') : '(default)')
  console.log(`node ${process.version} (${process.execPath}), V8 ${process.versions.v8}; ${values.rounds} rounds × ${variants.length} variants × ${seconds} s`)
  const totals = new Map<string, { processes: number; crashes: number; cycles: number; maxRssMb: number; how: string[] }>()
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const flags of variants) {
      const outcome = await runChild(flags)
      const t = totals.get(label(flags)) ?? { processes: 0, crashes: 0, cycles: 0, maxRssMb: 0, how: [] }
      t.processes++
      if (outcome.crashed) {
        t.crashes++
        t.how.push(outcome.how)
      }
      t.cycles += outcome.report?.cycles ?? 0
      t.maxRssMb = Math.max(t.maxRssMb, outcome.report?.maxRssMb ?? 0)
      totals.set(label(flags), t)
      const r = outcome.report
      console.log(
        `round ${round} ${label(flags)}: ${outcome.how}${r ? `, ${r.cycles} open/close cycles, ${r.requests} requests, max RSS ${r.maxRssMb} MB` : ''} (${(outcome.ms / 1000).toFixed(0)} s, load ${loadavg()[0]!.toFixed(2)})`,
      )
    }
  }
  console.log('\nvariant | processes | crashed | open/close cycles | max RSS')
  for (const [name, t] of totals) console.log(`${name} | ${t.processes} | ${t.crashes} | ${t.cycles} | ${t.maxRssMb} MB${t.how.length ? `  (${t.how.join('; ')})` : ''}`)
}

if (values.child) await churn()
else await main()
