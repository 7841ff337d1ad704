import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { generateCatalogue } from '../../../bench/generate.ts'
import { distinctSearchUrls, queryMix } from '../../../bench/queries.ts'
import { createTestDatabase, type TestDatabase } from '../../../test/helper.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { loadReferenceData as seedReferenceData } from '../../db/seed/reference-data.ts'
import { createAuditRepository } from '../audit/audit.repository.ts'
import { createReferenceRepository } from '../reference/reference.repository.ts'
import { loadReferenceData, type ReferenceData } from '../reference/reference.service.ts'
import { FACETS } from './tools.constants.ts'
import { createToolsIndexRepository } from './tools.index.repository.ts'
import { createToolsRepository } from './tools.repository.ts'
import { parseCatalogueQuery, type CatalogueQuery } from './tools.schemas.ts'
import { createToolsService, type CatalogueResult, type ToolsService } from './tools.service.ts'

// Decision 0023: the in-process search index must give the SQL search's totals and facet counts (and, in the
// database's own orders, the same pages), and the same "similar tools", on a generated catalogue.

let database: TestDatabase
let reference: ReferenceData
let sqlPath: ToolsService
let indexPath: ToolsService
let slugs: string[]

before(async () => {
  database = await createTestDatabase()
  const db = database.handle.db
  // A PostgreSQL test database starts empty (the app migrates it); the PGlite template is migrated already.
  await migrateToLatest(db)
  await seedReferenceData(db)
  // Small refresh batches: each statement stays well under the 15 s statement timeout, also on a loaded machine.
  const generated = await generateCatalogue(db, { size: 2000, analyze: false, refreshBatch: 200 })
  slugs = generated.sampleSlugs
  reference = await loadReferenceData(createReferenceRepository(db))
  const repository = createToolsRepository(db)
  const audit = createAuditRepository(db)
  sqlPath = createToolsService(repository, audit, { cacheSize: 0 })
  indexPath = createToolsService(repository, audit, { cacheSize: 0, searchIndex: { repository: createToolsIndexRepository(db), enabled: true } })
  await indexPath.warmSearchIndex()
})
after(async () => {
  await database.handle.close()
  await database.drop()
})

const facetsOf = (r: CatalogueResult) => FACETS.map((f) => [f, r.facets[f].map((v) => `${v.value}=${v.count}${v.selected ? '*' : ''}`).sort()])

function queries(): CatalogueQuery[] {
  const mix = queryMix(reference).map((b) => b.query)
  const urls = distinctSearchUrls(reference, 200).map((url) => parseCatalogueQuery(Object.fromEntries(new URL(url, 'http://x').searchParams), reference, { allowPageSize: false }))
  const pipeline = [
    { q: 'data', openCall: 'false' },
    { openCall: 'true' },
    { q: 'privacy', pilotIn: 'GM0363' },
    { pilotIn: ['GM0363', 'GM0599'], form: 'software' },
    { q: 'sens', mim: 'mim1' },
    { mim: ['mim1', 'mim2'], status: 'available' },
    // Compounds the catalogue writes apart or not at all: split into known words before either path searches.
    { q: 'datadeling' },
    { q: 'privacyregister sensoren' },
    { q: 'sensorplatform', form: 'software' },
  ].map((raw) => parseCatalogueQuery(raw, reference, { allowPageSize: false }))
  return [...mix, ...urls, ...pipeline]
}

test('the index gives the SQL search totals, facet counts, corrections and (by name or newest) the same pages', async () => {
  const all = queries()
  assert.ok(all.length >= 400, `only ${all.length} queries`)
  let withText = 0
  for (const query of all) {
    const label = JSON.stringify(query)
    const [fromSql, fromIndex] = [await sqlPath.searchCatalogue(query), await indexPath.searchCatalogue(query)]
    assert.equal(fromIndex.total, fromSql.total, `total of ${label}`)
    assert.deepEqual(facetsOf(fromIndex), facetsOf(fromSql), `facet counts of ${label}`)
    assert.deepEqual(fromIndex.corrections, fromSql.corrections, `corrections of ${label}`)
    assert.equal(fromIndex.noSearchableWords, fromSql.noSearchableWords, label)
    assert.equal(fromIndex.rows.length, fromSql.rows.length, `page size of ${label}`)
    if (query.sort !== 'relevance' || !query.q) assert.deepEqual(fromIndex.rows.map((r) => r.id), fromSql.rows.map((r) => r.id), `page of ${label}`)
    if (query.q) withText++
  }
  assert.ok(withText > 200)
  const status = indexPath.searchIndexStatus()
  assert.ok(status && status.tools > 2000, 'the index holds the catalogue')
  assert.equal(status.served.sql, 0, 'no search fell back to SQL')
  assert.ok(status.served.index >= all.length)
})

test('"similar tools" and "from the same organisations" from the index are the exact SQL answers, scores included', async () => {
  // The benchmark's sample, and tools with a role at an organisation (some of which share it with thousands).
  const withRoles = await database.handle.db.selectFrom('tool_organisations as x').innerJoin('tools as t', 't.id', 'x.tool_id').select('t.slug').distinct().orderBy('t.slug').limit(40).execute()
  const all = [...new Set([...slugs, ...withRoles.map((r) => r.slug)])]
  let withRelated = 0
  for (const slug of all) {
    const [a, b] = [await sqlPath.getTool(slug), await indexPath.getTool(slug)]
    assert.deepEqual(b.similar.map((s) => [s.id, Number(s.score)]), a.similar.map((s) => [s.id, Number(s.score)]), slug)
    assert.deepEqual(b.related.map((s) => [s.id, Number(s.score)]), a.related.map((s) => [s.id, Number(s.score)]), slug)
    if (a.related.length > 0) withRelated++
  }
  assert.ok(withRelated >= 30, `only ${withRelated} of ${all.length} tools share an organisation`)
})

test('after a change the index is read again before it answers (a small catalogue), so it sees the change', async () => {
  const db = database.handle.db
  const before = await indexPath.searchCatalogue(parseCatalogueQuery({ q: 'zonnewijzerkwast' }, reference, { allowPageSize: false }))
  assert.equal(before.total, 0)
  const first = await db.selectFrom('tools').select(['id']).orderBy('id').executeTakeFirstOrThrow()
  await db.updateTable('tools').set({ name_nl: 'Zonnewijzerkwast' }).where('id', '=', first.id).execute()
  await db.selectNoFrom((eb) => eb.fn('tool_refresh_derived', [eb.val([first.id])]).as('x')).execute()
  const found = await indexPath.searchCatalogue(parseCatalogueQuery({ q: 'zonnewijzerkwast' }, reference, { allowPageSize: false }))
  assert.deepEqual(found.rows.map((r) => r.id), [Number(first.id)])
  assert.equal(found.total, (await sqlPath.searchCatalogue(parseCatalogueQuery({ q: 'zonnewijzerkwast' }, reference, { allowPageSize: false }))).total)
})

test('rows and compound splits the index path remembers are those of the current catalogue version', async () => {
  const db = database.handle.db
  const search = (q: string) => indexPath.searchCatalogue(parseCatalogueQuery({ q }, reference, { allowPageSize: false }))
  const tool = await db.selectFrom('tools').select(['id', 'name_nl']).orderBy('id', 'desc').executeTakeFirstOrThrow()
  const refresh = () => db.selectNoFrom((eb) => eb.fn('tool_refresh_derived', [eb.val([tool.id])]).as('x')).execute()
  // A compound of two words no tool has yet: nothing, and "no split" is remembered for this version.
  assert.equal((await search('maanklokbeitel')).total, 0)
  await db.updateTable('tools').set({ name_nl: 'Maanklok beitel' }).where('id', '=', tool.id).execute()
  await refresh()
  const split = await search('maanklokbeitel')
  assert.deepEqual(split.rows.map((r) => [r.id, r.name_nl]), [[Number(tool.id), 'Maanklok beitel']], 'split after the change')
  // The row shown is read again after a change, not kept from the page before.
  await db.updateTable('tools').set({ name_nl: 'Maanklok beitel (herzien)' }).where('id', '=', tool.id).execute()
  await refresh()
  assert.deepEqual((await search('maanklok beitel')).rows.map((r) => r.name_nl), ['Maanklok beitel (herzien)'])
})
