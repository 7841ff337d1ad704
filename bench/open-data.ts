// How long the catalogue's DCAT-AP export takes to build (issue 13): the seed catalogue plus `--size` synthetic tools
// (bench/generate.ts), on PGlite in a temporary folder or on a fresh local PostgreSQL database. Prints numbers only.
//   npx tsx bench/open-data.ts --size 10000 [--db postgres] [--shacl]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadReferenceData } from '../src/db/seed/reference-data.ts'
import { generateCatalogue } from './generate.ts'
import { assertLoopbackUrl } from './lib/util.ts'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'pglite' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    shacl: { type: 'boolean', default: false },
  },
})
const size = Number(values.size)
const pgUrl = values['pg-url']!

let drop = async () => {}
let handle
if (values.db === 'postgres') {
  assertLoopbackUrl(pgUrl)
  const name = `toolbox_open_data_bench_${process.pid}`
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  drop = () => admin(`drop database if exists ${name} with (force)`)
  const url = new URL(pgUrl)
  url.pathname = `/${name}`
  handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
} else {
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-open-data-bench-'))
  drop = async () => rmSync(dir, { recursive: true, force: true })
  handle = await openDatabase({ dataDir: dir })
}

const ms = (start: number) => `${Math.round(performance.now() - start)} ms`
try {
  await migrateToLatest(handle.db)
  await loadReferenceData(handle.db)
  if (size > 0) await generateCatalogue(handle.db, { size, log: () => {} })
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '', PUBLIC_URL: 'http://toolbox.test', RATE_LIMIT_DISABLED: '1' }), { database: handle, logger: false })
  await app.ready()
  const tools = (await handle.db.selectFrom('tools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  for (const [label, url] of [['Turtle, cold (reads + graph + Turtle)', '/data/catalogue.ttl'], ['JSON-LD (graph cached)', '/data/catalogue.jsonld'], ['Turtle, cached', '/data/catalogue.ttl']] as const) {
    const start = performance.now()
    const res = await app.inject({ url })
    console.log(`${handle.kind} ${tools} tools: ${label}: ${ms(start)}, ${(res.body.length / 1e6).toFixed(1)} MB, status ${res.statusCode}`)
  }
  // A change counts the catalogue version up: the next request builds again.
  await handle.db.updateTable('tools').set({ description_en: 'Changed for the benchmark.' }).where('id', '=', 1).execute()
  let start = performance.now()
  const jsonld = await app.inject({ url: '/data/catalogue.jsonld' })
  console.log(`${handle.kind} ${tools} tools: JSON-LD after a change (rebuild): ${ms(start)}`)
  if (values.shacl) {
    const { parseJsonLd, validate } = await import('../test/shacl.ts')
    start = performance.now()
    const quads = await parseJsonLd(jsonld.body)
    const results = await validate(quads)
    console.log(`SHACL on ${quads.length} quads: ${results.filter((r) => r.severity === 'Violation').length} violations, ${results.length} results, ${ms(start)}`)
  }
  const memory = process.memoryUsage()
  console.log(`heap used ${(memory.heapUsed / 1e6).toFixed(0)} MB, rss ${(memory.rss / 1e6).toFixed(0)} MB`)
  await app.close()
} finally {
  await drop()
}
