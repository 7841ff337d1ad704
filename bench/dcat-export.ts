// How long the catalogue's DCAT-AP export takes to build (issue 13): the seed catalogue copied until it has about
// `--size` tools (every copy with the seed tool's texts, classification, links, organisations and assessments), on
// PGlite in a temporary folder or on a fresh local PostgreSQL database. Prints numbers only.
//   npx tsx bench/dcat-export.ts --size 10000 [--db postgres] [--shacl]
// (bench/generate.ts still writes the test-municipality columns that migration 0006 moved to pilots, so it cannot
// be used here until it is brought up to date.)
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
import { sql } from 'kysely'
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
  const seedCount = (await handle.db.selectFrom('tools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  const copies = Math.max(0, Math.ceil(size / Number(seedCount)) - 1)
  if (copies > 0) {
    const started = performance.now()
    // Copies of the seed tools (slug-c{n}); the export reads the tables themselves, so the derived search columns
    // are not refreshed, and the per-row triggers that only touch updated_at are off while copying.
    await handle.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx)
      await sql`insert into tools (slug, name_nl, name_en, description_nl, description_en, occasion_nl, occasion_en, process_question_nl,
          process_question_en, category, form, status, origin, licence, licence_not_applicable, website_url, started_on, available_on, languages)
        select t.slug || '-c' || g, t.name_nl, t.name_en, t.description_nl, t.description_en, t.occasion_nl, t.occasion_en, t.process_question_nl,
          t.process_question_en, t.category, t.form, t.status, t.origin, t.licence, t.licence_not_applicable, t.website_url, t.started_on, t.available_on, t.languages
        from tools t, generate_series(1, ${copies}) g`.execute(trx)
      const copy = (table: string, columns: string) =>
        sql`insert into ${sql.table(table)} (tool_id, ${sql.raw(columns)})
          select c.id, ${sql.raw(columns.split(', ').map((col) => `x.${col}`).join(', '))}
          from ${sql.table(table)} x join tools o on o.id = x.tool_id join tools c on c.slug like o.slug || '-c%' and c.slug ~ ('^' || o.slug || '-c[0-9]+$')`.execute(trx)
      await copy('tool_processes', 'process')
      await copy('tool_themes', 'criterion_code')
      await copy('tool_sdg_targets', 'target_code, contribution_nl, contribution_en')
      await copy('tool_assessments', 'criterion_code, rating, explanation_nl, explanation_en, assessed_on')
      await copy('tool_links', 'kind, url, title_nl, title_en, language, position')
      await copy('tool_organisations', 'organisation_id, role, involvement')
      await copy('tool_aliases', 'alias, kind, language')
    })
    console.log(`copied the seed tools ${copies} times in ${ms(started)}`)
  }
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '', PUBLIC_URL: 'http://toolbox.test', RATE_LIMIT_DISABLED: '1' }), { database: handle, logger: false })
  await app.ready()
  const tools = (await handle.db.selectFrom('tools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  const steps = [
    ['Turtle, cold (reads + graph + Turtle)', '/data/catalogue.ttl', ''],
    ['JSON-LD (graph cached)', '/data/catalogue.jsonld', ''],
    ['Turtle, cached', '/data/catalogue.ttl', ''],
    ['Turtle, Brotli, first', '/data/catalogue.ttl', 'br'],
    ['Turtle, Brotli, cached', '/data/catalogue.ttl', 'br'],
  ] as const
  for (const [label, url, encoding] of steps) {
    const start = performance.now()
    const res = await app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} })
    console.log(`${handle.kind} ${tools} tools: ${label}: ${ms(start)}, ${(res.rawPayload.length / 1e6).toFixed(1)} MB, status ${res.statusCode}`)
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
