// The cost of GET /api/v1/similar-tools with an over-long website address (issue 17, row 3): a normal request,
// then one whose url is http://a.b followed by 1,985 '/' and 'x' characters, each timed through the app
// (app.inject, no network). `npm run bench:similar-url -- [--db pglite|postgres] [--runs 20]`.
import { parseArgs } from 'node:util'
import { openBenchApp, timeRuns } from './lib/bench-app.ts'
import { formatMs, percentiles } from './lib/util.ts'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    runs: { type: 'string', default: '20' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
})
const runs = Number(values.runs)
const long = `http://a.b${'/x'.repeat(992)}/`
const cases: [string, string][] = [
  ['normal (url http://a.b/x)', `/api/v1/similar-tools?name=probe&url=${encodeURIComponent('http://a.b/x')}`],
  [`long (url of ${long.length} characters)`, `/api/v1/similar-tools?name=probe&url=${encodeURIComponent(long)}`],
  ['long, unencoded', `/api/v1/similar-tools?name=probe&url=${long}`],
]

const bench = await openBenchApp({ db: values.db!, pgUrl: values['pg-url']! })
try {
  console.log(`GET /api/v1/similar-tools on ${values.db}, ${runs} runs each after 3 warm-up runs (load ${(await import('node:os')).loadavg()[0]!.toFixed(2)})`)
  for (const [label, url] of cases) {
    const samples = await timeRuns(runs, 3, async () => {
      const res = await bench.app.inject({ method: 'GET', url })
      if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`)
    })
    const p = percentiles(samples)
    console.log(`  ${label.padEnd(36)} median ${formatMs(p.p50)}  p95 ${formatMs(p.p95)}  max ${formatMs(p.max)}`)
  }
} finally {
  await bench.close()
}
