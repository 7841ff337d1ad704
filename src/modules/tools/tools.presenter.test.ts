import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/helper.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { loadReferenceData as seedReferenceData } from '../../db/seed/reference-data.ts'
import { createReferenceRepository } from '../reference/reference.repository.ts'
import { loadReferenceData, reloadMunicipalities } from '../reference/reference.service.ts'
import { presentFacets } from './tools.presenter.ts'
import type { CatalogueResult, FacetCount } from './tools.service.ts'

let database: TestDatabase
before(async () => {
  database = await createTestDatabase()
  await migrateToLatest(database.handle.db)
  await seedReferenceData(database.handle.db)
})
after(async () => {
  await database.handle.close()
  await database.drop()
})

function result(municipality: FacetCount[]): CatalogueResult {
  const none: FacetCount[] = []
  return {
    total: 0,
    pages: 1,
    rows: [],
    corrections: [],
    noSearchableWords: false,
    facets: { category: none, form: none, status: none, origin: none, process: none, theme: none, sdg: none, principle: none, municipality, usedby: none, mim: none },
  }
}

test('municipality facet values come in alphabetical order of their labels, also after a municipality is renamed', async () => {
  const repository = createReferenceRepository(database.handle.db)
  const reference = await loadReferenceData(repository)
  const codes = [...reference.municipalities.keys()].filter((_, i) => i % 37 === 5).slice(0, 8)
  assert.ok(codes.length >= 5)
  // Counts in the opposite order, and a code the reference does not know, which goes last.
  const values = [...codes, 'GM9999'].map((value, i) => ({ value, count: 100 - i, selected: false }))
  const order = (locale: 'nl' | 'en') => presentFacets(result(values), locale, reference).find((f) => f.facet === 'municipality')!.values.map((v) => v.label)
  const expected = (locale: 'nl' | 'en') => [...codes.map((c) => reference.municipalities.get(c)!.label).sort(new Intl.Collator(locale).compare), 'GM9999']
  assert.deepEqual(order('nl'), expected('nl'))
  assert.deepEqual(order('en'), expected('en'))
  // An administrator renames the last of them so that it sorts first; the next page shows the new order.
  const last = codes.find((c) => reference.municipalities.get(c)!.label === expected('nl')[codes.length - 1])!
  await database.handle.db.updateTable('organisations').set({ name: 'Aaaadorp' }).where('cbs_code', '=', last).execute()
  await reloadMunicipalities(reference, repository)
  assert.equal(order('nl')[0], reference.municipalities.get(last)!.label)
  assert.match(order('nl')[0]!, /^Aaaadorp/)
  assert.deepEqual(order('nl'), expected('nl'))
})
