// npm run bench:open-data -- [--size 10000]
// The open-data files at a catalogue size: how long the CSV and JSON exports take, how long the import of that CSV
// into an empty catalogue takes (checking, then writing), and whether exporting again gives the same file. PGlite in
// memory; with DATABASE_URL, two fresh databases on that PostgreSQL server.
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { createTestDatabase, testConfig } from '../test/helper.ts'
import { buildContext } from '../src/context.ts'
import { readImportFile } from '../src/modules/exports/import/read-file.ts'
import { generateCatalogue } from './generate.ts'

const { values } = parseArgs({ options: { size: { type: 'string', default: '10000' } } })
const size = Number(values.size)
const quiet = { info: () => {}, warn: () => {}, error: (o: object, m: string) => console.error(m, o) }
const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  const result = await work()
  console.log(`${label.padEnd(36)} ${(performance.now() - started).toFixed(0).padStart(8)} ms`)
  return result
}

const [sourceDb, targetDb] = [await createTestDatabase(), await createTestDatabase()]
const config = testConfig()
const source = await buildContext(config, { database: sourceDb.handle, log: quiet })
const target = await buildContext(config, { database: targetDb.handle, log: quiet })
try {
  const seeded = Number((await sql<{ n: number }>`select count(*)::int as n from tools`.execute(sourceDb.handle.db)).rows[0]?.n ?? 0)
  await time(`generate ${size - seeded} tools`, () => generateCatalogue(sourceDb.handle.db, { size: size - seeded }))
  source.tools.invalidateVersion()
  const csv = await time(`export csv (${size} tools)`, () => source.exports.catalogue('csv'))
  const json = await time(`export json (${size} tools)`, () => source.exports.catalogue('json'))
  console.log(`sizes: csv ${(csv.length / 1024 / 1024).toFixed(1)} MB, json ${(json.length / 1024 / 1024).toFixed(1)} MB`)
  await sql`delete from tools`.execute(targetDb.handle.db)
  const rows = await time('import: read the csv', () => readImportFile('tools.csv', new TextEncoder().encode(csv)))
  const plan = await time('import: check (plan)', () => target.imports.plan(rows))
  const done = await time('import: write (--apply)', () => target.imports.apply(plan))
  const refused = done.filter((p) => p.action === 'invalid')
  console.log(`created ${done.filter((p) => p.action === 'create').length}, held ${done.filter((p) => p.action === 'hold').length}, refused ${refused.length}${refused[0] ? ` (first: line ${refused[0].line}: ${refused[0].reason})` : ''}`)
  target.tools.invalidateVersion()
  const again = await target.exports.catalogue('csv')
  console.log(`round trip: ${again === csv ? 'the same file' : 'DIFFERENT'}`)
  const second = await time('import again: check (plan)', () => target.imports.plan(rows))
  console.log(`second run: ${second.filter((p) => p.action === 'unchanged').length} of ${second.length} unchanged`)
} finally {
  await source.close()
  await target.close()
  await sourceDb.drop()
  await targetDb.drop()
}
