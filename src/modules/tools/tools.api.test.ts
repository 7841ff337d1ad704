import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { addAssessments, createTool, organisationByCbs, retireTool } from '../../../test/factories.ts'

describe('read API', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  test('GET /api/v1/tools lists tools with total, facets and items, and the version header', async () => {
    const res = await get('/api/v1/tools')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /application\/json/)
    assert.equal(res.headers['api-version'], '1.0.0')
    const body = res.json()
    assert.equal(body.total, 74)
    assert.equal(body.items.length, 20)
    assert.equal(body.pages, 4)
    assert.ok(body.items.every((i: { slug: string; name: string }) => i.slug && i.name))
    const content = body.facets.category.find((f: { value: string }) => f.value === 'content')
    const governance = body.facets.category.find((f: { value: string }) => f.value === 'governance')
    assert.equal(content.count + governance.count, 74)
    assert.equal(body._links.next.href, 'http://toolbox.test/api/v1/tools?page=2&lang=nl')
  })

  test('filters, search, lang and pageSize', async () => {
    const res = await get('/api/v1/tools?q=GDPR&lang=en&pageSize=5')
    const body = res.json()
    assert.equal(res.headers['content-language'], 'en')
    assert.equal(body.items[0].slug, 'algemene-verordening-gegevensbescherming')
    assert.equal(body.items[0].name, 'General Data Protection Regulation (GDPR)')
    assert.equal(body.items[0].nameLanguage, 'en')
    const dutchName = (await get('/api/v1/tools/samen-meten?lang=en')).json()
    assert.deepEqual([dutchName.name, dutchName.nameLanguage], ['Samen Meten', 'nl'], 'a name without translation says its language')
    assert.equal(body.items[0].form.label, '(EU) legislation')

    const filtered = (await get('/api/v1/tools?form=legislation&form=ordinance&category=governance&pageSize=100')).json()
    assert.ok(filtered.total > 0)
    assert.ok(filtered.items.every((i: { form: { code: string } }) => ['legislation', 'ordinance'].includes(i.form.code)))
    // Disjunctive facets: the form facet still counts other forms, to widen the selection.
    const forms = filtered.facets.form.map((f: { value: string }) => f.value)
    assert.ok(forms.includes('software'))
    assert.equal(filtered.facets.form.filter((f: { selected: boolean }) => f.selected).length, 2)
  })

  test('facet counts equal the number of results each value would give', async () => {
    const body = (await get('/api/v1/tools?category=governance')).json()
    for (const f of body.facets.form.slice(0, 4)) {
      const narrowed = (await get(`/api/v1/tools?category=governance&form=${f.value}`)).json()
      assert.equal(narrowed.total, f.count, `form=${f.value}`)
    }
    for (const f of body.facets.category) {
      const other = (await get(`/api/v1/tools?category=${f.value}`)).json()
      assert.equal(other.total, f.count, `category=${f.value}`)
    }
  })

  test('GET /api/v1/tools/{slug} returns the whole tool in the asked language', async () => {
    const db = t.database.handle.db
    const tool = await createTool(db, {
      municipalities: [
        { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'passed', resultNl: 'Geslaagd in Almere.', resultEn: 'Passed in Almere.' },
      ],
      sdg: ['11.3'],
    })
    const en = await get(`/api/v1/tools/${tool.slug}?lang=en`)
    assert.equal(en.statusCode, 200)
    const body = en.json()
    assert.equal(body.slug, tool.slug)
    assert.equal(body.testMunicipalities[0].name, 'Almere')
    assert.equal(body.testMunicipalities[0].cbsCode, 'GM0034')
    assert.deepEqual(body.testMunicipalities[0].result, { text: 'Passed in Almere.', language: 'en' })
    assert.equal(body.sdgTargets[0].code, '11.3')
    assert.equal(body.assessment.principles.length, 4)
    assert.equal(body.assessment.rathenau.length, 7)
    assert.equal(body.assessment.preconditions.length, 3)
    assert.equal(body.form.bindingLevel.code, 'voluntary')
    const csm = (await get('/api/v1/tools/crowd-safety-manager')).json()
    assert.ok(csm.organisations.some((o: { cbsCode: string; role: { code: string } }) => o.cbsCode === 'GM0758' && o.role.code === 'co_developer'))
  })

  test('GET /api/v1/tools/{slug} shows every part of a tool an editor can change', async () => {
    const db = t.database.handle.db
    const utrecht = await organisationByCbs(db, 'GM0344')
    const successor = await createTool(db, { name_nl: 'Nieuwe kaartdienst', name_en: null })
    const tool = await createTool(db, {
      form: 'software',
      processes: ['govern'],
      themes: ['privacy'],
      municipalities: [{ cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'passed', resultNl: 'Werkt.', resultEn: 'Works.', testedOn: '2025-06-30' }],
    })
    await db
      .updateTable('tools')
      .set({ licence: 'EUPL-1.2', started_on: '2024-05-01', available_on: '2025-01-31', languages: ['nl', 'en'], version: 3 })
      .where('id', '=', tool.id)
      .execute()
    await db.insertInto('tool_links').values({ tool_id: tool.id, kind: 'source_code', url: 'https://code.example.org/kaart', title_nl: 'Broncode', title_en: null, language: 'en' }).execute()
    await db.insertInto('tool_links').values({ tool_id: tool.id, kind: 'document', url: 'https://example.org/handleiding.pdf', title_nl: null, title_en: null, language: null, position: 1 }).execute()
    await db.insertInto('tool_aliases').values({ tool_id: tool.id, alias: 'KDS', kind: 'acronym', language: 'nl' }).execute()
    await db.insertInto('tool_sdg_targets').values({ tool_id: tool.id, target_code: '11.3', contribution_nl: 'Meer inspraak.', contribution_en: 'More participation.' }).execute()
    await db.insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: utrecht.id, role: 'owner', involvement: 'lead' }).execute()
    await addAssessments(db, tool.id, [
      { criterion: 'privacy', rating: 'meets', explanationNl: 'Geen persoonsgegevens.', explanationEn: 'No personal data.', evidenceUrl: 'https://example.org/dpia', assessedBy: utrecht.id, assessedOn: '2026-03-03' },
      { criterion: 'scalable', rating: 'not_applicable' },
    ])
    await retireTool(db, tool.id, { on: '2026-04-01', reasonNl: 'Vervangen door een landelijke dienst.', replacedBy: successor.id })

    const body = (await get(`/api/v1/tools/${tool.slug}?lang=en`)).json()
    assert.equal(body.licence, 'EUPL-1.2')
    assert.equal(body.licenceNotApplicable, false)
    assert.deepEqual([body.startedOn, body.availableOn], ['2024-05-01', '2025-01-31'])
    assert.deepEqual(body.languages.map((l: { code: string }) => l.code), ['nl', 'en'])
    assert.deepEqual(body.links, [
      { kind: 'source_code', url: 'https://code.example.org/kaart', title: 'Broncode', titleLanguage: 'nl', language: 'en' },
      { kind: 'document', url: 'https://example.org/handleiding.pdf', title: 'https://example.org/handleiding.pdf', titleLanguage: null, language: null },
    ])
    assert.deepEqual(body.aliases, ['KDS'])
    assert.deepEqual(body.aliasDetails, [{ alias: 'KDS', kind: 'acronym', language: 'nl' }])
    assert.deepEqual(body.processes.map((p: { code: string }) => p.code), ['govern'])
    assert.deepEqual(body.themes.map((th: { code: string }) => th.code), ['privacy'])
    assert.deepEqual(body.sdgTargets[0].contribution, { text: 'More participation.', language: 'en' })
    const privacy = body.assessment.rathenau.find((a: { code: string }) => a.code === 'privacy')
    assert.deepEqual(privacy, {
      code: 'privacy',
      label: 'Privacy',
      rating: { code: 'meets', label: 'Meets' },
      explanation: { text: 'No personal data.', language: 'en' },
      evidenceUrl: 'https://example.org/dpia',
      assessedBy: { slug: utrecht.slug, name: 'Utrecht' },
      assessedOn: '2026-03-03',
    })
    assert.deepEqual(body.assessment.preconditions.find((a: { code: string }) => a.code === 'scalable').rating, { code: 'not_applicable', label: 'Not applicable' })
    assert.equal(body.assessment.assessed, true)
    assert.deepEqual(body.assessment.principles[0].assessedBy, null)
    const owner = body.organisations.find((o: { slug: string }) => o.slug === utrecht.slug)
    assert.deepEqual([owner.role.code, owner.involvement.code], ['owner', 'lead'])
    assert.deepEqual(
      [body.testMunicipalities[0].name, body.testMunicipalities[0].testStatus.code, body.testMunicipalities[0].result.text, body.testMunicipalities[0].testedOn],
      ['Almere', 'passed', 'Works.', '2025-06-30'],
    )
    assert.deepEqual(body.retired, {
      on: '2026-04-01',
      reason: { text: 'Vervangen door een landelijke dienst.', language: 'nl' },
      replacedBy: { slug: successor.slug, name: 'Nieuwe kaartdienst' },
    })
    assert.equal(body.status.code, 'retired')
    assert.ok(body.version >= 3, 'the version an editor works from')

    const plain = (await get(`/api/v1/tools/${successor.slug}`)).json()
    assert.equal(plain.retired, null)
    assert.equal(plain.assessment.assessed, false)
    const law = (await get('/api/v1/tools/algemene-verordening-gegevensbescherming')).json()
    assert.deepEqual([law.licence, law.licenceNotApplicable], [null, true], 'a law has no licence')
  })

  test('errors are problem+json in the client’s language, never a 500', async () => {
    const notFound = await get('/api/v1/tools/nope', { 'accept-language': 'en-GB,en;q=0.9' })
    assert.equal(notFound.statusCode, 404)
    assert.match(notFound.headers['content-type'] as string, /application\/problem\+json/)
    assert.deepEqual(
      { status: notFound.json().status, code: notFound.json().code, title: notFound.json().title },
      { status: 404, code: 'not-found', title: 'There is no tool at the address “nope”.' },
    )

    const bad = await get('/api/v1/tools?form=spreadsheet&page=0&pageSize=1000&q=' + 'x'.repeat(300))
    assert.equal(bad.statusCode, 400)
    const problem = bad.json()
    assert.equal(problem.code, 'validation-failed')
    assert.equal(problem.title, 'De invoer klopt niet.')
    assert.equal(bad.headers['access-control-allow-origin'], '*', 'errors are readable cross-origin too')
    assert.deepEqual(problem.invalidParams.map((p: { name: string }) => p.name).sort(), ['form', 'page', 'pageSize', 'q'])
    assert.equal(problem.invalidParams.find((p: { name: string }) => p.name === 'q').reason, 'Mag hoogstens 200 tekens lang zijn.')

    const english = (await get('/api/v1/tools?lang=en&status=done')).json()
    assert.equal(english.invalidParams[0].reason, 'Unknown value “done”.')
    assert.equal((await get('/api/v1/tools?lang=fr')).statusCode, 400)
    assert.equal((await get('/api/v1/tools?page=99')).statusCode, 404)
    assert.equal((await get('/api/v1/nothing-here')).statusCode, 404)
    // Malformed URLs get problem+json too, not Fastify's own error body.
    for (const url of ['/api/v1/tools/%FF', `/api/v1/tools/${'a'.repeat(600)}`]) {
      const res = await get(url, { 'accept-language': 'en' })
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} gave ${res.statusCode}`)
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/, url)
    }
    assert.equal((await get('/api/v1/tools?lang=nl&lang=en')).headers['content-language'], 'en')
    for (const q of ['%00', '%ED%A0%80', '%F0%9F%92%A9%F0%9F%92%A9', '%', "'%20OR%201=1--", 'a:*|b&!c']) {
      const res = await get(`/api/v1/tools?q=${q}`)
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `q=${q} gave ${res.statusCode}`)
    }
  })

  test('GET /api/v1/openapi.json describes the API, readable from any origin', async () => {
    const res = await get('/api/v1/openapi.json')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['access-control-allow-origin'], '*')
    const doc = res.json()
    assert.match(doc.openapi, /^3\.0\./)
    assert.equal(doc.servers[0].url, 'http://toolbox.test/api/v1')
    assert.ok(doc.paths['/tools'].get.parameters.some((p: { name: string }) => p.name === 'municipality'))
  })
})
