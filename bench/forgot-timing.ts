// Does /password/forgot tell a known address from an unknown one by its timing? (issue 17, row 4) Posts the form
// for a known and an unknown address in turn, through the app (app.inject, a fresh seeded database), and prints
// the median of each. `npm run bench:forgot-timing -- [--db pglite|postgres] [--runs 20]`.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createUser } from '../test/factories.ts'
import { Browser } from '../test/http.ts'
import { openBenchApp } from './lib/bench-app.ts'
import { formatMs, percentiles } from './lib/util.ts'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    runs: { type: 'string', default: '20' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
})
const runs = Number(values.runs)
const bench = await openBenchApp({ db: values.db!, pgUrl: values['pg-url']! })
try {
  const user = await createUser(bench.app.appContext.database.db, { role: 'curator' })
  const browser = new Browser(bench.app)
  await browser.get('/password/forgot')
  const samples = { known: [] as number[], unknown: [] as number[] }
  // Each answer timed on its own, as one visitor would see it: work a previous request left for after its answer
  // (the reset itself, since the fix) is finished first, then a short pause.
  const settle = async () => {
    // Written to run on commits from before the background tasks too (for before/after figures).
    const background = (bench.app.appContext as { background?: { idle(): Promise<void> } }).background
    await background?.idle()
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const post = async (email: string) => {
    await settle()
    const started = performance.now()
    const res = await browser.post('/password/forgot', { email })
    const ms = performance.now() - started
    if (res.statusCode !== 303) throw new Error(`${email}: ${res.statusCode}`)
    return ms
  }
  // Warm-up, then known and unknown in turn, so that both meet the same state of the machine.
  for (let i = 0; i < 3; i++) await post(i % 2 ? user.email : `warm-${i}@example.org`)
  for (let i = 0; i < runs; i++) {
    samples.known.push(await post(user.email))
    samples.unknown.push(await post(`nobody-${i}@example.org`))
  }
  await settle()
  console.log(`POST /password/forgot on ${values.db}, ${runs} runs each after 3 warm-up runs (load ${loadavg()[0]!.toFixed(2)})`)
  for (const [label, list] of Object.entries(samples)) {
    const p = percentiles(list)
    console.log(`  ${label.padEnd(8)} median ${formatMs(p.p50)}  p95 ${formatMs(p.p95)}  min ${formatMs(Math.min(...list))}  max ${formatMs(p.max)}`)
  }
} finally {
  await bench.close()
}
