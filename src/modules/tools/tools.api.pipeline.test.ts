import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, organisationByCbs, unique } from '../../../test/factories.ts'

// GET /api/v1/tools/{slug}: pilots, adoptions, involvements, the dated lifecycle, the gate and the counts, in the
// language asked for.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const tool = async (slug: string, lang: 'nl' | 'en') => {
  const res = await t.app.inject({ url: `/api/v1/tools/${slug}?lang=${lang}` })
  assert.equal(res.statusCode, 200, res.body.slice(0, 300))
  return res.json()
}

describe('the pipeline in the API resource of a tool', () => {
  test('pilots with their stage, dates, outcome and lessons; testMunicipalities still derived from them', async () => {
    const created = await createTool(db(), { status: 'testing', origin: 'city_deal', municipalities: [{ cbsCode: 'GM0200', role: 'owner' }] })
    const [utrecht, almere, zwolle] = [await organisationByCbs(db(), 'GM0344'), await organisationByCbs(db(), 'GM0034'), await organisationByCbs(db(), 'GM0193')]
    await db()
      .insertInto('pilots')
      .values([
        {
          tool_id: created.id,
          municipality_id: utrecht.id,
          status: 'completed',
          committed_on: '2026-01-10',
          started_on: '2026-02-01',
          completed_on: '2026-06-30',
          tested_nl: 'Twee wijken, een half jaar.',
          tested_en: null,
          outcome: 'worked',
          lessons_nl: 'Bewoners begrepen het.',
          lessons_en: 'Residents understood it.',
          evidence_url: 'https://example.org/utrecht-rapport',
        },
        { tool_id: created.id, municipality_id: almere.id, status: 'running', committed_on: '2026-03-01', started_on: '2026-04-01' },
        { tool_id: created.id, municipality_id: zwolle.id, status: 'withdrawn' },
      ])
      .execute()
    const en = await tool(created.slug, 'en')
    assert.deepEqual(en.pilots[0], {
      municipality: { slug: utrecht.slug, name: 'Utrecht', cbsCode: 'GM0344' },
      status: { code: 'completed', label: 'Completed' },
      committedOn: '2026-01-10',
      startedOn: '2026-02-01',
      completedOn: '2026-06-30',
      tested: { text: 'Twee wijken, een half jaar.', language: 'nl' },
      outcome: { code: 'worked', label: 'Worked' },
      lessons: { text: 'Residents understood it.', language: 'en' },
      evidenceUrl: 'https://example.org/utrecht-rapport',
    })
    assert.deepEqual(en.pilots.map((p: { municipality: { name: string }; status: { code: string } }) => [p.municipality.name, p.status.code]), [['Utrecht', 'completed'], ['Almere', 'running'], ['Zwolle', 'withdrawn']])
    assert.equal(en.pilots[1].outcome, null)
    assert.deepEqual(en.counts, { pilots: { interested: 0, committed: 0, running: 1, completed: 1, withdrawn: 1 }, adoptions: 0 })
    // The first version's shape: pilots that are not withdrawn, with a test status.
    assert.deepEqual(en.testMunicipalities.map((m: { cbsCode: string; testStatus: { code: string }; testedOn: string | null }) => [m.cbsCode, m.testStatus.code, m.testedOn]), [['GM0344', 'passed', '2026-06-30'], ['GM0034', 'running', null]])
    const nl = await tool(created.slug, 'nl')
    assert.deepEqual([nl.pilots[0].status.label, nl.pilots[0].outcome.label, nl.pilots[0].lessons.text], ['Afgerond', 'Werkte', 'Bewoners begrepen het.'])
  })

  test('the gate: what the next step lacks and what the tool passed without, as codes and sentences in both languages', async () => {
    const selected = await createTool(db(), {
      status: 'selected',
      origin: 'city_deal',
      municipalities: [{ cbsCode: 'GM0758', role: 'owner' }, { cbsCode: 'GM0344', role: 'test_municipality' }, { cbsCode: 'GM0772', role: 'test_municipality', testStatus: 'passed' }],
    })
    const en = await tool(selected.slug, 'en')
    assert.deepEqual(en.gate, {
      applies: true,
      needed: 3,
      committed: 2,
      completed: 1,
      next: { code: 'in_development', label: 'In development' },
      missing: [{ code: 'committed', text: '2 of 3 test municipalities committed: Eindhoven, Utrecht. A City Deal tool only goes into development with three municipalities that test it.' }],
      unmet: [],
    })
    const nl = await tool(selected.slug, 'nl')
    assert.equal(nl.gate.missing[0].text, '2 van 3 testgemeenten toegezegd: Eindhoven, Utrecht. Een City Deal-tool gaat pas in ontwikkeling met drie gemeenten die de tool testen.')

    // Past the gate without meeting it (before the gate existed): the tool page's notes, now with codes.
    const available = await createTool(db(), { status: 'available', origin: 'city_deal', municipalities: [{ cbsCode: 'GM0344', role: 'owner' }, { cbsCode: 'GM0200', role: 'owner' }] })
    const past = await tool(available.slug, 'en')
    assert.deepEqual(past.gate.next, { code: 'secured', label: 'Secured' })
    assert.deepEqual(past.gate.missing, [])
    assert.deepEqual(past.gate.unmet.map((r: { code: string }) => r.code), ['manyOwners', 'committed', 'completed'])
    assert.match(past.gate.unmet[0].text, /^The tool has 2 owners \(Apeldoorn, Utrecht\)/)

    const other = await tool((await createTool(db(), { status: 'idea', origin: 'existing' })).slug, 'en')
    assert.deepEqual([other.gate.applies, other.gate.next.code, other.gate.missing, other.gate.unmet], [false, 'proposed', [], []])
    const retired = await tool((await createTool(db(), { status: 'retired', origin: 'city_deal' })).slug, 'en')
    assert.deepEqual([retired.gate.next, retired.gate.missing, retired.gate.unmet], [null, [], []])
  })

  test('adoptions with their organisation, version and local variant; involvements of an initiative of others; the lifecycle with dates', async () => {
    const created = await createTool(db(), { status: 'in_development', origin: 'others_initiative', name_nl: `Initiatief ${unique('x')}` })
    const [utrecht, network] = [await organisationByCbs(db(), 'GM0344'), await db().selectFrom('organisations').select(['id', 'slug']).where('name', '=', 'Amsterdam Smart City').executeTakeFirstOrThrow()]
    const breda = await organisationByCbs(db(), 'GM0758')
    await db()
      .insertInto('tool_organisations')
      .values([
        { tool_id: created.id, organisation_id: network.id, role: 'organising_party', involvement: null },
        { tool_id: created.id, organisation_id: breda.id, role: 'partner', involvement: 'active' },
        { tool_id: created.id, organisation_id: utrecht.id, role: 'owner', involvement: null },
      ])
      .execute()
    await db()
      .insertInto('adoptions')
      .values({ tool_id: created.id, organisation_id: utrecht.id, since: '2025-09-01', tool_version: '2.1', local_variant_nl: 'De Utrechtse verordening', local_url: 'https://example.org/utrecht-verordening' })
      .execute()
    await db()
      .insertInto('tool_status_changes')
      .values([
        { tool_id: created.id, status: 'idea', changed_on: '2025-01-15', changed_at: new Date('2025-01-15T10:00:00Z') },
        { tool_id: created.id, status: 'in_development', changed_on: '2025-06-01', changed_at: new Date('2025-06-01T10:00:00Z') },
      ])
      .execute()
    const en = await tool(created.slug, 'en')
    assert.deepEqual(en.adoptions, [
      {
        organisation: { slug: utrecht.slug, name: 'Utrecht', kind: { code: 'municipality', label: 'Municipality' }, cbsCode: 'GM0344' },
        since: '2025-09-01',
        version: '2.1',
        localVariant: { text: 'De Utrechtse verordening', language: 'nl' },
        localUrl: 'https://example.org/utrecht-verordening',
      },
    ])
    assert.equal(en.counts.adoptions, 1)
    assert.deepEqual(
      en.involvements.map((o: { name: string; role: { code: string }; involvement: { label: string } | null }) => [o.name, o.role.code, o.involvement?.label ?? null]),
      [['Amsterdam Smart City', 'organising_party', null], ['Breda', 'partner', 'actively involved']],
      'by role, then name; not the owner',
    )
    assert.deepEqual(en.lifecycle, [
      { status: { code: 'idea', label: 'Idea' }, on: '2025-01-15', current: false },
      { status: { code: 'in_development', label: 'In development' }, on: '2025-06-01', current: true },
    ])
    assert.equal((await tool(created.slug, 'nl')).lifecycle[1].status.label, 'In ontwikkeling')
  })
})
