// Duplicate detection speed: the ranking behind the share form and GET /api/v1/similar-tools, timed inside
// the server on a generated catalogue. `npm run bench:dedupe-speed -- --size 100000 --db postgres|pglite`.
// Queries: the evaluation set's 169 submissions plus names, typos, acronyms, websites and descriptions of
// generated tools (seeded, so every run asks the same).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { loadReferenceData } from '../../src/db/seed/reference-data.ts'
import type { MatchQuery } from '../../src/modules/submissions/similarity.ts'
import { generateCatalogue } from '../generate.ts'
import { Random } from '../lib/prng.ts'
import { formatMs, percentiles } from '../lib/util.ts'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'postgres' },
    queries: { type: 'string', default: '400' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
    /** Time against an already generated PostgreSQL catalogue (left as it is). */
    existing: { type: 'string' },
    slowest: { type: 'boolean', default: false },
  },
})
const size = Number(values.size)
const admin = async (text: string) => {
  const client = new pg.Client({ connectionString: values['pg-url'] })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

let drop = async () => {}
let handle
if (values.existing) {
  handle = await openDatabase({ databaseUrl: values.existing, poolSize: 10 })
} else if (values.db === 'postgres') {
  const name = `toolbox_dedupe_bench_${process.pid}`
  await admin(`create database ${name}`)
  drop = () => admin(`drop database if exists ${name} with (force)`)
  const url = new URL(values['pg-url']!)
  url.pathname = `/${name}`
  handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 })
} else {
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-dedupe-bench-'))
  drop = async () => rmSync(dir, { recursive: true, force: true })
  handle = await openDatabase({ dataDir: dir })
}
try {
  const started = performance.now()
  await migrateToLatest(handle.db)
  await loadReferenceData(handle.db)
  const gen = values.existing
    ? { totalTools: Number((await sql<{ n: number }>`select count(*)::int as n from tools`.execute(handle.db)).rows[0]!.n), sampleAcronyms: [] as string[] }
    : await generateCatalogue(handle.db, { size, log: (l) => console.log(`generate:${l}`) })
  console.log(`${values.db}: ${gen.totalTools} tools ${values.existing ? 'there' : `generated in ${formatMs(performance.now() - started)}`}`)

  // Queries from the catalogue itself: exact and misspelt names, acronyms, websites, description snippets.
  const random = new Random(7)
  const { rows: tools } = await sql<{ name: string; description: string | null; website_url: string | null }>`
    select coalesce(name_nl, name_en) as name, coalesce(description_nl, description_en) as description, website_url
    from tools order by id limit 5000`.execute(handle.db)
  const typo = (word: string) => {
    if (word.length < 5) return word
    const i = random.int(1, word.length - 2)
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
  }
  const queries: MatchQuery[] = (JSON.parse(readFileSync(join(import.meta.dirname, 'eval-set.json'), 'utf8')) as { query: MatchQuery }[]).map((c) => c.query)
  for (const acronym of gen.sampleAcronyms) queries.push({ name: acronym })
  while (queries.length < Number(values.queries)) {
    const tool = tools[random.int(0, tools.length - 1)]!
    const kind = random.int(0, 3)
    if (kind === 0) queries.push({ name: tool.name })
    else if (kind === 1) queries.push({ name: tool.name.split(' ').map(typo).join(' '), description: tool.description?.slice(0, 200) })
    else if (kind === 2) queries.push({ name: 'Onze tool', url: tool.website_url ?? undefined, description: tool.description?.slice(0, 300) })
    else queries.push({ name: tool.name.split(' ').slice(0, 2).join(' '), description: tool.description ?? undefined })
  }

  const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }) }, { database: handle, logger: false })
  const service = app.appContext.submissions
  for (const q of queries.slice(0, 30)) await service.similar(q)
  const samples: number[] = []
  const slowest: { ms: number; q: MatchQuery }[] = []
  let likely = 0
  for (const q of queries) {
    const t0 = performance.now()
    const matches = await service.similar(q)
    const ms = performance.now() - t0
    samples.push(ms)
    slowest.push({ ms, q })
    if (matches.some((m) => m.likely)) likely++
  }
  if (values.slowest) {
    for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`${formatMs(s.ms)} ${JSON.stringify(s.q).slice(0, 300)}`)
  }
  const p = percentiles(samples)
  console.log(
    `similar(): ${values.db}, ${gen.totalTools} tools, ${p.n} queries (one at a time): p50 ${formatMs(p.p50)}, p95 ${formatMs(p.p95)}, p99 ${formatMs(p.p99)}, max ${formatMs(p.max)}; ${likely} with a likely duplicate`,
  )
  await app.close()
} finally {
  await drop()
}
