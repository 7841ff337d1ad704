import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import type { Quad } from 'n3'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'
import { parseJsonLd, parseTurtle, validate, type ShaclResult } from '../../../test/shacl.ts'

// The published catalogue (the ~74 real tools of reference-data, loaded as the app loads them) as DCAT-AP 3.0,
// validated with the SEMIC DCAT-AP 3.0.1 and the DCAT-AP-NL 3.0 shapes that run offline (test/shacl.ts says which
// files and why). Warnings (recommended properties) may be reported; a violation fails.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

const DCT = 'http://purl.org/dc/terms/'
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
const violations = (results: ShaclResult[]) => results.filter((r) => r.severity === 'Violation')
const datasets = (quads: Quad[]) => quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === 'http://www.w3.org/ns/dcat#Dataset').map((q) => q.subject.value)
const objects = (quads: Quad[], subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value)

async function signedIn(role: 'partner' | 'curator' | 'admin') {
  const user = await createUser(db(), { role })
  return new Browser(t.app).withSession(await sessionCookie(db(), user.id))
}

describe('the catalogue as DCAT-AP', () => {
  test('Turtle and JSON-LD of the seeded catalogue: every tool a dataset, no SHACL violation in either', async () => {
    const tools = await db().selectFrom('tools').select('slug').execute()
    assert.ok(tools.length >= 70, `the seeded catalogue has ${tools.length} tools`)
    const ttl = await t.app.inject({ url: '/data/catalogue.ttl' })
    assert.equal(ttl.statusCode, 200)
    assert.equal(ttl.headers['content-type'], 'text/turtle; charset=utf-8')
    const jsonld = await t.app.inject({ url: '/data/catalogue.jsonld' })
    assert.equal(jsonld.headers['content-type'], 'application/ld+json; charset=utf-8')
    // The JSON-LD carries its context inline: nothing to fetch (parseJsonLd refuses the network).
    assert.equal(typeof JSON.parse(jsonld.body)['@context'], 'object')

    const fromTurtle = parseTurtle(ttl.body)
    const fromJsonLd = await parseJsonLd(jsonld.body)
    assert.equal(fromJsonLd.length, fromTurtle.length, 'both serialisations say the same triples')
    assert.equal(datasets(fromTurtle).length, tools.length)
    for (const [name, quads] of [['Turtle', fromTurtle], ['JSON-LD', fromJsonLd]] as const) {
      const results = await validate(quads)
      assert.deepEqual(violations(results), [], `${name}: SHACL violations`)
    }

    // The validation does bite: a dataset without its publisher and creator is a violation (DCAT-AP-NL).
    const broken = fromTurtle.filter((q) => !(q.subject.value.endsWith('/tools/ai-act#tool') && (q.predicate.value === `${DCT}publisher` || q.predicate.value === `${DCT}creator`)))
    const found = violations(await validate(broken))
    assert.deepEqual([...new Set(found.map((r) => `${r.focusNode} ${r.path}`))].sort(), [`http://toolbox.test/tools/ai-act#tool ${DCT}creator`, `http://toolbox.test/tools/ai-act#tool ${DCT}publisher`])
  })

  test('a tool in detail: titles in both languages, form, status, owner, attribution, EU law, record, landing page, themes', async () => {
    const quads = parseTurtle((await t.app.inject({ url: '/data/catalogue.ttl' })).body)
    const tool = 'http://toolbox.test/tools/ai-act#tool'
    assert.deepEqual(objects(quads, tool, RDF_TYPE).sort(), ['http://www.w3.org/ns/adms#Asset', 'http://www.w3.org/ns/dcat#Dataset', 'http://www.w3.org/ns/dcat#Resource'])
    assert.deepEqual(objects(quads, tool, `${DCT}identifier`), ['ai-act'])
    assert.deepEqual(objects(quads, tool, `${DCT}type`), ['http://toolbox.test/vocabularies/forms/legislation'])
    assert.deepEqual(objects(quads, tool, 'http://www.w3.org/ns/adms#status'), ['http://toolbox.test/vocabularies/statuses/secured'])
    assert.deepEqual(objects(quads, tool, 'http://data.europa.eu/r5r/applicableLegislation'), ['http://data.europa.eu/eli/reg/2024/1689/oj'])
    assert.deepEqual(objects(quads, tool, `${DCT}accessRights`), ['http://publications.europa.eu/resource/authority/access-right/PUBLIC'])
    assert.deepEqual(objects(quads, tool, 'http://www.w3.org/ns/dcat#landingPage'), ['http://toolbox.test/tools/ai-act'])
    const [publisher] = objects(quads, tool, `${DCT}publisher`)
    assert.ok(publisher?.startsWith('http://toolbox.test/organisations/'))
    assert.equal(objects(quads, publisher!, 'http://xmlns.com/foaf/0.1/name').length, 1)
    const titles = quads.filter((q) => q.subject.value === tool && q.predicate.value === `${DCT}description`).map((q) => q.object.termType === 'Literal' && q.object.language)
    assert.deepEqual(titles.sort(), ['en', 'nl'])
    const [attribution] = objects(quads, tool, 'http://www.w3.org/ns/prov#qualifiedAttribution')
    assert.deepEqual(objects(quads, attribution!, 'http://www.w3.org/ns/dcat#hadRole'), ['http://toolbox.test/vocabularies/roles/owner'])
    const record = quads.find((q) => q.predicate.value === 'http://xmlns.com/foaf/0.1/primaryTopic' && q.object.value === tool)
    assert.ok(record, 'a catalogue record')
    const catalogue = 'http://toolbox.test/data/catalogue#catalogue'
    assert.equal(objects(quads, catalogue, 'http://www.w3.org/ns/dcat#themeTaxonomy').length, 10)
  })

  test('MIM tags: implements is dct:conformsTo, supports and references dct:relation; a licence makes distributions', async () => {
    const tool = await createTool(db(), { municipalities: [{ cbsCode: 'GM0363', role: 'owner' }, { cbsCode: 'GM0344', role: 'test_municipality' }], mims: [{ code: 'mim1', relation: 'implements' }, { code: 'mim4', relation: 'supports' }] })
    await db().updateTable('tools').set({ licence: 'EUPL-1.2', website_url: 'https://example.org/tool' }).where('id', '=', tool.id).execute()
    await db().insertInto('tool_links').values({ tool_id: tool.id, kind: 'document', url: 'https://example.org/tool/handleiding.pdf', title_nl: 'Handleiding', title_en: 'Manual', language: 'nl' }).execute()
    const quads = await parseJsonLd((await t.app.inject({ url: '/data/catalogue', headers: { accept: 'application/ld+json' } })).body)
    const s = `http://toolbox.test/tools/${tool.slug}#tool`
    assert.deepEqual(objects(quads, s, `${DCT}conformsTo`), ['http://toolbox.test/vocabularies/mims/mim1'])
    assert.deepEqual(objects(quads, s, `${DCT}relation`), ['http://toolbox.test/vocabularies/mims/mim4'])
    assert.deepEqual(objects(quads, s, `${DCT}license`), ['http://spdx.org/licenses/EUPL-1.2'])
    const distributions = objects(quads, s, 'http://www.w3.org/ns/dcat#distribution')
    assert.equal(distributions.length, 2)
    const formats = distributions.flatMap((d) => objects(quads, d, `${DCT}format`)).sort()
    assert.deepEqual(formats, ['http://publications.europa.eu/resource/authority/file-type/HTML', 'http://publications.europa.eu/resource/authority/file-type/PDF'])
    for (const d of distributions) assert.deepEqual(objects(quads, d, 'http://www.w3.org/ns/adms#representationTechnique'), ['http://purl.org/adms/representationtechnique/HumanLanguage'])
    const roles = objects(quads, s, 'http://www.w3.org/ns/prov#qualifiedAttribution').flatMap((a) => objects(quads, a, 'http://www.w3.org/ns/dcat#hadRole')).sort()
    assert.deepEqual(roles, ['http://toolbox.test/vocabularies/roles/owner', 'http://toolbox.test/vocabularies/roles/test_municipality'])
    assert.deepEqual(violations(await validate(quads)), [])
  })

  test('content negotiation: Turtle by default and for text/turtle, JSON-LD for application/ld+json, 406 otherwise', async () => {
    const get = (accept?: string) => t.app.inject({ url: '/data/catalogue', headers: accept ? { accept } : {} })
    assert.equal((await get()).headers['content-type'], 'text/turtle; charset=utf-8')
    assert.equal((await get('text/turtle')).headers['content-type'], 'text/turtle; charset=utf-8')
    assert.equal((await get('application/ld+json')).headers['content-type'], 'application/ld+json; charset=utf-8')
    assert.equal((await get('text/turtle;q=0.5, application/ld+json')).headers['content-type'], 'application/ld+json; charset=utf-8')
    // A browser's header ends in */*: it gets Turtle.
    assert.equal((await get('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).headers['content-type'], 'text/turtle; charset=utf-8')
    // Compressed once and kept: the answer decompresses to the plain one.
    const plain = await get('text/turtle')
    const zipped = await t.app.inject({ url: '/data/catalogue', headers: { accept: 'text/turtle', 'accept-encoding': 'gzip' } })
    assert.equal(zipped.headers['content-encoding'], 'gzip')
    assert.match(String(zipped.headers.vary), /Accept-Encoding/)
    assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body)
    const refused = await get('text/html')
    assert.equal(refused.statusCode, 406)
    assert.match(refused.body, /text\/turtle/)
    assert.equal(refused.headers.vary, 'Accept')
  })
})

describe('tools that lack what DCAT-AP-NL requires', () => {
  test('are left out of the export and listed on the curators report with what is missing (NL and EN)', async () => {
    const orphan = await createTool(db(), { name_nl: 'Weesgereedschap zonder eigenaar' })
    const silent = await createTool(db(), { name_nl: 'Zwijgtool', description_nl: null, description_en: null, municipalities: [{ cbsCode: 'GM0363', role: 'owner' }] })
    const quads = parseTurtle((await t.app.inject({ url: '/data/catalogue.ttl' })).body)
    const exported = datasets(quads)
    assert.ok(!exported.includes(`http://toolbox.test/tools/${orphan.slug}#tool`))
    assert.ok(!exported.includes(`http://toolbox.test/tools/${silent.slug}#tool`))
    assert.deepEqual(violations(await validate(quads)), [])

    const curator = await signedIn('curator')
    const page = await curator.get('/curation/open-data')
    assert.equal(page.statusCode, 200)
    const shown = text(page.body)
    assert.match(shown, /Weesgereedschap zonder eigenaar eigenaar \(uitgever en maker\)/)
    assert.match(shown, /Zwijgtool omschrijving/)
    assert.match(shown, /tools staan in de open data; weggelaten: 2\./)
    const english = text((await curator.get('/en/curation/open-data')).body)
    assert.match(english, /Open data: tools left out/)
    assert.match(english, /owner \(publisher and creator\)/)

    // Once the owner is there, the tool is exported and gone from the report.
    const amsterdam = await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0363').executeTakeFirstOrThrow()
    await db().insertInto('tool_organisations').values({ tool_id: orphan.id, organisation_id: amsterdam.id, role: 'owner' }).execute()
    const again = parseTurtle((await t.app.inject({ url: '/data/catalogue.ttl' })).body)
    assert.ok(datasets(again).includes(`http://toolbox.test/tools/${orphan.slug}#tool`))
    const after = text((await curator.get('/curation/open-data')).body)
    assert.doesNotMatch(after, /Weesgereedschap zonder eigenaar eigenaar/)
    assert.match(after, /tools staan in de open data; weggelaten: 1\./)
  })

  test('the report is for curators and administrators only', async () => {
    assert.equal((await new Browser(t.app).get('/curation/open-data')).statusCode, 401)
    assert.equal((await (await signedIn('partner')).get('/en/curation/open-data')).statusCode, 403)
    const admin = await signedIn('admin')
    assert.equal((await admin.get('/curation/open-data')).statusCode, 200)
    // The curation queue links to it.
    assert.match((await admin.get('/en/curation')).body, /href="\/en\/curation\/open-data"/)
  })
})
