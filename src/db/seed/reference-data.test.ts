import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/helper.ts'
import { migrateToLatest } from '../migrate.ts'
import { loadReferenceData } from './reference-data.ts'

describe('reference data', () => {
  let database: TestDatabase
  const db = () => database.handle.db

  before(async () => {
    database = await createTestDatabase()
    await migrateToLatest(db())
    await loadReferenceData(db())
  })
  after(async () => {
    await database.handle.close()
    await database.drop()
  })

  test('loads the 342 municipalities with CBS codes, each in one of the 12 provinces', async () => {
    const municipalities = await db().selectFrom('organisations').selectAll().where('kind', '=', 'municipality').execute()
    assert.equal(municipalities.length, 342)
    assert.ok(municipalities.every((m) => /^GM\d{4}$/.test(m.cbs_code!) && /^PV\d{2}$/.test(m.province_code!)))
    const amsterdam = municipalities.find((m) => m.cbs_code === 'GM0363')
    assert.equal(amsterdam?.name, 'Amsterdam')
    assert.equal(amsterdam?.province_code, 'PV27')
    const provinces = await db().selectFrom('organisations').select(['cbs_code', 'name']).where('kind', '=', 'province').execute()
    assert.equal(provinces.length, 12)
    assert.ok(provinces.some((p) => p.cbs_code === 'PV26' && p.name === 'Provincie Utrecht'))
    const perProvince = await db()
      .selectFrom('organisations')
      .select(['province_code', db().fn.countAll<number>().as('n')])
      .where('kind', '=', 'municipality')
      .groupBy('province_code')
      .execute()
    assert.equal(Number(perProvince.find((p) => p.province_code === 'PV30')?.n), 56, 'Noord-Brabant has 56 municipalities')
  })

  test('loads the SDG 11 targets, Rathenau themes, design principles, preconditions and forms in both languages', async () => {
    const sdg = await db().selectFrom('sdg_targets').selectAll().orderBy('position').execute()
    assert.deepEqual(sdg.map((s) => s.code), ['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.a', '11.b', '11.c'])
    assert.ok(sdg.every((s) => s.title_nl && s.title_en && s.summary_nl && s.summary_en))
    const criteria = await db().selectFrom('criteria').selectAll().execute()
    const family = (f: string) => criteria.filter((c) => c.family === f).map((c) => c.code)
    assert.equal(family('rathenau').length, 7)
    assert.ok(family('rathenau').includes('balance_of_power'))
    assert.deepEqual(family('principle').sort(), ['democratic_smart_network', 'designed_for_flexibility', 'designed_to_be_meaningful', 'sustainable_democratic_city'])
    assert.deepEqual(family('precondition').sort(), ['feasible', 'scalable', 'shareable'])
    const forms = await db().selectFrom('tool_forms').selectAll().orderBy('position').execute()
    assert.deepEqual(forms.map((f) => f.code), ['agreement', 'standard', 'norm', 'ordinance', 'legislation', 'method', 'guideline', 'software', 'dataset'])
    assert.equal(forms.find((f) => f.code === 'legislation')?.binding_level, 'legal')
  })

  test('loads the 74 real tools with Dutch and English descriptions, owners and classifications', async () => {
    const tools = await db().selectFrom('tools').selectAll().execute()
    assert.equal(tools.length, 74)
    for (const tool of tools) {
      assert.ok(tool.name_nl || tool.name_en, `${tool.slug} has a name`)
      assert.ok(tool.description_nl && tool.description_en, `${tool.slug} has descriptions in both languages`)
    }
    // Names are stored in their own language, with a translation only where one is established.
    const byslug = new Map(tools.map((t) => [t.slug, t]))
    assert.deepEqual([byslug.get('omgevingswet')?.name_nl, byslug.get('omgevingswet')?.name_en], ['Omgevingswet', 'Environment and Planning Act'])
    assert.deepEqual([byslug.get('fiware')?.name_nl, byslug.get('fiware')?.name_en], [null, 'FIWARE'])
    assert.deepEqual([byslug.get('samen-meten')?.name_nl, byslug.get('samen-meten')?.name_en], ['Samen Meten', null])
    const owners = await sql<{ n: number }>`
      select count(*)::int as n from tools t where not exists (
        select 1 from tool_organisations x where x.tool_id = t.id and x.role = 'owner')`.execute(db())
    assert.equal(owners.rows[0]?.n, 0, 'every tool has an owner organisation')
    const csm = await db().selectFrom('tools').selectAll().where('slug', '=', 'crowd-safety-manager').executeTakeFirstOrThrow()
    assert.equal(csm.origin, 'city_deal')
    assert.ok(csm.facet_keys.includes('municipality:GM0518'), "Den Haag ('s-Gravenhage) is involved in the Crowd Safety Manager")
    const cityDeal = tools.filter((t) => t.origin === 'city_deal').length
    assert.equal(cityDeal, 7)
    const avg = await db().selectFrom('tool_aliases').select('alias').where('alias', '=', 'GDPR').execute()
    assert.equal(avg.length, 1, 'the GDPR is findable by its acronym')
  })

  test('loading again changes nothing, and curators’ edits to seed tools are kept', async () => {
    await db().updateTable('tools').set({ description_en: 'Edited by a curator.' }).where('slug', '=', 'pdok').execute()
    assert.equal(await loadReferenceData(db()), 'unchanged')
    // Even when the reference files change (simulated by forgetting the last load), tools are not loaded twice.
    await db().deleteFrom('seed_state').where('name', 'like', 'reference-data:%').execute()
    const summary = await loadReferenceData(db())
    assert.notEqual(summary, 'unchanged')
    assert.equal(summary !== 'unchanged' && summary.toolsInserted, 0)
    assert.equal(Number((await db().selectFrom('tools').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 74)
    assert.equal(Number((await db().selectFrom('organisations').select(db().fn.countAll<number>().as('n')).where('kind', '=', 'municipality').executeTakeFirstOrThrow()).n), 342)
    const pdok = await db().selectFrom('tools').select('description_en').where('slug', '=', 'pdok').executeTakeFirstOrThrow()
    assert.equal(pdok.description_en, 'Edited by a curator.')
  })

  test('the audit log records the load and each tool, and refuses to be changed or emptied', async () => {
    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'reference_data.loaded').executeTakeFirstOrThrow()
    assert.equal((entry.after as { tools: number }).tools, 74)
    const created = await db().selectFrom('audit_log').select('entity_id').where('action', '=', 'tool.created').execute()
    assert.equal(created.length, 74)
    await assert.rejects(sql`truncate audit_log`.execute(db()), /append-only/)
    await assert.rejects(db().updateTable('audit_log').set({ action: 'tampered' }).where('id', '=', entry.id).execute(), /append-only/)
    await assert.rejects(db().deleteFrom('audit_log').where('id', '=', entry.id).execute(), /append-only/)
  })
})
