import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Ajv, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import type { LightMyRequestResponse } from 'fastify'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { PROBLEM_TYPES } from './problem-types.ts'
import { addAssessments, addSlugRedirect, createTool, organisationByCbs, retireTool, unique } from '../../../test/factories.ts'

// Real requests against a real database, each answer checked against what the served OpenAPI document says for
// its path, method, status and content type: the body against the schema (closed: no member the document does not
// name), the headers the document declares, and the body against what the code handed to the serialiser (a schema
// that dropped or coerced a member would hide it from clients and from this check alike).

type Json = { [key: string]: unknown }
interface MediaType {
  schema: Json
}
interface Response {
  headers?: Record<string, { schema: Json }>
  /** None for a redirect. */
  content?: Record<string, MediaType>
}
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>
  components: { schemas: Record<string, Json> }
}

/** A copy where every object schema refuses members it does not list, with references into $defs. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed)
  if (schema === null || typeof schema !== 'object') return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', '#/$defs/')
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, s]) => [name, closed(s)]))
    else out[key] = closed(value)
  }
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false
  return out
}

describe('the API answers as its OpenAPI document says', () => {
  let t: TestApp
  let doc: Document
  const ajv = new Ajv({ allErrors: true, strict: true })
  formats.default(ajv)
  ajv.addKeyword('example')
  const validators = new Map<string, ValidateFunction>()
  let handedToSerialiser: { payload: unknown } | undefined
  const checked = new Set<string>()

  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_FORMS_PER_MINUTE: 12, RATE_LIMIT_LOOKUP_PER_MINUTE: 8 })
    t.app.addHook('preSerialization', async (_request, _reply, payload) => {
      handedToSerialiser = { payload }
      return payload
    })
    const res = await t.app.inject({ url: '/api/v1/openapi.json' })
    doc = res.json()
  })
  after(() => t.close())

  function validatorFor(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema)
    let validate = validators.get(key)
    if (!validate) {
      validate = ajv.compile({ ...(closed(schema) as Json), $defs: closed(doc.components.schemas) })
      validators.set(key, validate)
    }
    return validate
  }

  async function request(method: 'GET' | 'POST', url: string, options: { payload?: unknown; headers?: Record<string, string> } = {}) {
    handedToSerialiser = undefined
    return t.app.inject({ method, url, headers: options.headers ?? {}, ...(options.payload === undefined ? {} : { payload: options.payload as object }) })
  }

  /** Checks one answer against the document: documented status, content type, headers and body. */
  function conforms(res: LightMyRequestResponse, path: string, method: 'get' | 'post', status: number) {
    const label = `${method.toUpperCase()} ${path} ${status}`
    assert.equal(res.statusCode, status, `${label}: ${res.body.slice(0, 300)}`)
    const operation = doc.paths[path]?.[method]
    assert.ok(operation, `${label}: the operation is not in the document`)
    const documented = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`]
    assert.ok(documented, `${label}: the status is not documented`)
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = res.headers[name.toLowerCase()]
      assert.ok(value !== undefined, `${label}: header ${name} is missing`)
      const validateHeader = validatorFor(header.schema)
      assert.ok(validateHeader(String(value)), `${label}: header ${name}: ${ajv.errorsText(validateHeader.errors)}`)
    }
    if (!documented.content) {
      assert.equal(res.body, '', `${label}: documented without a body`)
      checked.add(`${method} ${path} ${status}`)
      return {}
    }
    const mediaType = String(res.headers['content-type']).split(';')[0]!.trim()
    const media = documented.content[mediaType]
    assert.ok(media, `${label}: content type ${mediaType} is not documented (${Object.keys(documented.content).join(', ')})`)
    const body: unknown = res.json()
    const validate = validatorFor(media.schema)
    assert.ok(validate(body), `${label}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`)
    assert.ok(handedToSerialiser, `${label}: the body did not go through serialisation`)
    assert.deepEqual(body, JSON.parse(JSON.stringify(handedToSerialiser.payload)), `${label}: the serialiser changed the body; the schema and the code disagree`)
    checked.add(`${method} ${path} ${status}`)
    return body as Json
  }

  test('GET /tools: lists with search, filters, corrections and pages; 400 and 404 problems', async () => {
    for (const url of [
      '/api/v1/tools',
      '/api/v1/tools?lang=en&pageSize=5&page=2',
      '/api/v1/tools?q=GDPR&category=governance&form=legislation&form=ordinance',
      '/api/v1/tools?q=omgevingswt&sort=name',
      '/api/v1/tools?q=de%20het',
      '/api/v1/tools?municipality=GM0363&status=available&sort=newest',
      '/api/v1/tools?usedby=GM0344&usedby=GM0034&openCall=false&lang=en',
      '/api/v1/tools?pilotIn=GM0344&openCall=true',
    ]) {
      conforms(await request('GET', url, { headers: { 'accept-language': 'en' } }), '/tools', 'get', 200)
    }
    conforms(await request('GET', '/api/v1/tools?openCall=maybe&pilotIn=GM9999'), '/tools', 'get', 400)
    const bad = conforms(await request('GET', '/api/v1/tools?form=spreadsheet&page=0&q=' + 'x'.repeat(300)), '/tools', 'get', 400)
    assert.equal(typeof bad.detail, 'string')
    conforms(await request('GET', '/api/v1/tools?lang=fr'), '/tools', 'get', 400)
    const tooBig = conforms(await request('GET', '/api/v1/tools?pageSize=1000'), '/tools', 'get', 400) as { invalidParams: { name: string; reason: string }[] }
    assert.deepEqual(tooBig.invalidParams, [{ name: 'pageSize', code: 'numberBetween', reason: 'Moet een geheel getal van 1 tot en met 100 zijn.' }])
    const second = conforms(await request('GET', '/api/v1/tools?pageSize=2&page=2&lang=en'), '/tools', 'get', 200) as { pages: number; _links: Record<string, { href: string }> }
    assert.match(second._links.first!.href, /\/api\/v1\/tools\?pageSize=2&lang=en$/)
    assert.match(second._links.last!.href, new RegExp(`page=${second.pages}&pageSize=2&lang=en$`))
    const beyond = conforms(await request('GET', '/api/v1/tools?page=99'), '/tools', 'get', 404)
    assert.equal(typeof beyond.detail, 'string')
  })

  test('GET /tools/{slug}: every tool in the catalogue, one with everything filled in, a retired and assessed one; 301, 404 and 400', async () => {
    const db = t.database.handle.db
    const utrecht = await organisationByCbs(db, 'GM0344')
    const retired = await createTool(db, { name_en: null })
    await addAssessments(db, retired.id, [
      { criterion: 'privacy', rating: 'meets', explanationNl: 'Ja.', evidenceUrl: 'https://example.org/bewijs', assessedBy: utrecht.id, assessedOn: '2026-03-03' },
      { criterion: 'feasible', rating: 'not_applicable' },
      { criterion: 'autonomy', rating: 'unknown' },
    ])
    await retireTool(db, retired.id, { reasonEn: 'Superseded.', replacedBy: (await createTool(db)).id })
    await retireTool(db, (await createTool(db)).id, { on: null })
    await db.insertInto('tool_aliases').values({ tool_id: retired.id, alias: 'RT', kind: 'acronym', language: 'nl' }).execute()
    await db.insertInto('tool_links').values({ tool_id: retired.id, kind: 'document', url: 'https://example.org/doc', title_nl: null, title_en: 'Doc', language: 'en' }).execute()
    const old = unique('oud')
    await addSlugRedirect(db, old, retired.id)
    conforms(await request('GET', `/api/v1/tools/${old}?lang=en`), '/tools/{slug}', 'get', 301)
    await createTool(t.database.handle.db, {
      name_en: null,
      description_nl: null,
      processes: ['design', 'manage'],
      themes: ['privacy'],
      sdg: ['11.3', '11.b'],
      aliases: ['ALT'],
      principlesMet: ['designed_for_flexibility'],
      municipalities: [
        { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'passed', resultNl: 'Geslaagd.', resultEn: 'Passed.' },
        { cbsCode: 'GM0363', role: 'owner' },
      ],
    })
    // A City Deal tool in the pipeline: pilots at every stage, adoptions (one by an organisation without a CBS code),
    // partners of an initiative, an open call, and a dated lifecycle.
    const piloted = await createTool(db, {
      status: 'testing',
      origin: 'city_deal',
      municipalities: [
        { cbsCode: 'GM0758', role: 'owner' },
        { cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'passed', resultEn: 'It worked.', testedOn: '2026-05-01' },
        { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'running' },
        { cbsCode: 'GM0599', role: 'adopter' },
      ],
    })
    const company = await db.insertInto('organisations').values({ slug: unique('bedrijf'), name: 'Gebruiker BV', kind: 'company' }).returning('id').executeTakeFirstOrThrow()
    const zwolle = await organisationByCbs(db, 'GM0193')
    await db.insertInto('pilots').values([
      { tool_id: piloted.id, municipality_id: zwolle.id, status: 'withdrawn', tested_nl: 'Eén wijk.', evidence_url: 'https://example.org/zwolle' },
      { tool_id: piloted.id, municipality_id: (await organisationByCbs(db, 'GM0200')).id, status: 'interested', committed_on: '2026-01-02' },
    ]).execute()
    await db.insertInto('adoptions').values({ tool_id: piloted.id, organisation_id: company.id, since: '2026-02-01', tool_version: '1.0', local_variant_en: 'Our variant', local_url: 'https://example.org/variant' }).execute()
    await db.insertInto('tool_organisations').values({ tool_id: piloted.id, organisation_id: zwolle.id, role: 'partner', involvement: 'informed' }).execute()
    await db.insertInto('tool_calls').values({ tool_id: piloted.id, asked_en: 'Test it.', closes_on: '2099-01-01' }).execute()
    await db.insertInto('tool_status_changes').values([{ tool_id: piloted.id, status: 'idea', changed_on: '2025-01-01' }, { tool_id: piloted.id, status: 'testing', changed_on: '2026-03-01' }]).execute()
    for (const lang of ['nl', 'en']) {
      const body = conforms(await request('GET', `/api/v1/tools/${piloted.slug}?lang=${lang}`), '/tools/{slug}', 'get', 200)
      assert.deepEqual([(body.pilots as unknown[]).length, (body.adoptions as unknown[]).length, (body.involvements as unknown[]).length, (body.lifecycle as unknown[]).length], [4, 2, 1, 2])
    }
    const list = (await request('GET', '/api/v1/tools?pageSize=100')).json() as { total: number; items: { slug: string }[] }
    assert.ok(list.items.length === list.total && list.total > 50, 'the whole catalogue fits one page')
    for (const [i, { slug }] of list.items.entries()) {
      const lang = i % 2 === 0 ? 'nl' : 'en'
      conforms(await request('GET', `/api/v1/tools/${slug}?lang=${lang}`), '/tools/{slug}', 'get', 200)
    }
    const missing = conforms(await request('GET', '/api/v1/tools/no-such-tool', { headers: { 'accept-language': 'en' } }), '/tools/{slug}', 'get', 404)
    assert.equal(missing.detail, 'There is no tool at the address “no-such-tool”.')
    conforms(await request('GET', '/api/v1/tools/pdok?lang=de'), '/tools/{slug}', 'get', 400)
  })

  test('GET /similar-tools: tools and a submission under review; 400 problem', async () => {
    const name = `Lantaarnpaalplanner ${unique('c')}`
    const saved = await request('POST', '/api/v1/submissions', { payload: { name, description: 'Plant onderhoud aan lantaarnpalen.', contactEmail: `c-${unique('c')}@example.org` } })
    conforms(saved, '/submissions', 'post', 201)
    const found = conforms(await request('GET', `/api/v1/similar-tools?${new URLSearchParams({ name })}`), '/similar-tools', 'get', 200)
    assert.ok((found.items as { type: string }[]).some((i) => i.type === 'submission'), 'a submission is among the answers')
    conforms(await request('GET', `/api/v1/similar-tools?${new URLSearchParams({ name: 'Omgevingswt', url: 'https://www.3dbag.nl/' })}`), '/similar-tools', 'get', 200)
    conforms(await request('GET', '/api/v1/similar-tools?lang=en'), '/similar-tools', 'get', 400)
    conforms(await request('GET', '/api/v1/similar-tools?name=x&extra=y'), '/similar-tools', 'get', 400)
    let res = await request('GET', '/api/v1/similar-tools?name=PDOK')
    for (let i = 0; i < 10 && res.statusCode !== 429; i++) res = await request('GET', '/api/v1/similar-tools?name=PDOK')
    conforms(res, '/similar-tools', 'get', 429)
  })

  test('POST /submissions: 201 with Location, 409 with the duplicates, 400 for bad fields and bad JSON, 415 for other bodies, 429', async () => {
    const email = `contract-${unique('c')}@example.org`
    const duplicate = conforms(await request('POST', '/api/v1/submissions', { payload: { name: 'PDOK', description: 'Publieke geodata.', contactEmail: email } }), '/submissions', 'post', 409)
    assert.ok((duplicate.items as unknown[]).length > 0)
    const created = conforms(
      await request('POST', '/api/v1/submissions', { payload: { name: 'PDOK', description: 'Publieke geodata.', contactEmail: email, confirmDifferent: true, locale: 'en', languages: ['nl'] } }),
      '/submissions',
      'post',
      201,
    )
    assert.equal((created._links as { tracking: { href: string } }).tracking.href.startsWith('http://toolbox.test/en/submissions/'), true)
    conforms(await request('POST', '/api/v1/submissions', { payload: { name: 'PDOK', description: 'Ook WMS.', contactEmail: email, additionTo: 'pdok' } }), '/submissions', 'post', 201)
    const invalid = conforms(await request('POST', '/api/v1/submissions', { payload: { name: '', description: 'x', contactEmail: 'nope' } }), '/submissions', 'post', 400)
    assert.match(String(invalid.detail), /contactEmail: /)
    conforms(await request('POST', '/api/v1/submissions', { payload: '{"name":', headers: { 'content-type': 'application/json' } }), '/submissions', 'post', 400)
    conforms(await request('POST', '/api/v1/submissions', { payload: '[1]', headers: { 'content-type': 'application/json' } }), '/submissions', 'post', 400)
    conforms(await request('POST', '/api/v1/submissions', { payload: 'name=PDOK', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), '/submissions', 'post', 415)
    let res = await request('POST', '/api/v1/submissions', { payload: { name: '' } })
    for (let i = 0; i < 20 && res.statusCode !== 429; i++) res = await request('POST', '/api/v1/submissions', { payload: { name: '' } })
    conforms(res, '/submissions', 'post', 429)
  })

  test('GET /calls and POST /tools/{slug}/call/answers: the open calls; 201, 400, 404, 409 and 429 answers', async () => {
    const db = t.database.handle.db
    const tool = await createTool(db, { status: 'selected', origin: 'city_deal', municipalities: [{ cbsCode: 'GM0758', role: 'owner' }] })
    await db.insertInto('tool_calls').values({ tool_id: tool.id, asked_nl: 'Test mee.', effort_en: 'A day a week.', closes_on: '2099-05-01', municipalities_needed: 2 }).execute()
    for (const lang of ['nl', 'en']) {
      const list = conforms(await request('GET', `/api/v1/calls?lang=${lang}`), '/calls', 'get', 200)
      assert.ok((list.items as { tool: { slug: string } }[]).some((i) => i.tool.slug === tool.slug))
    }
    conforms(await request('GET', '/api/v1/calls?lang=fr'), '/calls', 'get', 400)
    const url = `/api/v1/tools/${tool.slug}/call/answers`
    const created = conforms(await request('POST', url, { payload: { name: 'Anna', municipality: 'Gemeente Zwolle', email: 'anna@zwolle.example', locale: 'en' } }), '/tools/{slug}/call/answers', 'post', 201)
    assert.deepEqual([created.municipality, created.municipalitiesStillNeeded], ['Zwolle', 2])
    conforms(await request('POST', url, { payload: { name: 'Anna', municipality: 'Zwolle', email: 'anna@zwolle.example' } }), '/tools/{slug}/call/answers', 'post', 409)
    conforms(await request('POST', url, { payload: { name: '', municipality: 'Zwolle', email: 'x' } }), '/tools/{slug}/call/answers', 'post', 400)
    conforms(await request('POST', '/api/v1/tools/no-such-tool/call/answers', { payload: { name: 'A', municipality: 'Zwolle', email: 'a@example.org' } }), '/tools/{slug}/call/answers', 'post', 404)
    let res = await request('POST', url, { payload: { name: '' } })
    for (let i = 0; i < 20 && res.statusCode !== 429; i++) res = await request('POST', url, { payload: { name: '' } })
    conforms(res, '/tools/{slug}/call/answers', 'post', 429)
  })

  test('GET /programme: the figures in both languages (the seeded catalogue: partners, municipalities, every stage); 400 problem', async () => {
    for (const lang of ['nl', 'en']) {
      const body = conforms(await request('GET', `/api/v1/programme?lang=${lang}`), '/programme', 'get', 200)
      assert.equal((body.targets as unknown[]).length, 4)
      assert.ok((body.partners as unknown[]).length > 0)
    }
    conforms(await request('GET', '/api/v1/programme?lang=fr'), '/programme', 'get', 400)
    conforms(await request('GET', '/api/v1/programme?asOf=2026-02-30'), '/programme', 'get', 400)
    conforms(await request('GET', '/api/v1/programme?asOf=1990-01-01'), '/programme', 'get', 404)
    // Today's count stored this month's snapshot: an earlier view of today gives it back.
    const stored = conforms(await request('GET', `/api/v1/programme?asOf=2100-01-01`), '/programme', 'get', 200)
    assert.equal(stored.asOf, new Date().toISOString().slice(0, 10))
  })

  test('GET /problems/{id}: every problem type of the document leads to its section of the reference; 400 and 404 problems', async () => {
    for (const { id } of PROBLEM_TYPES) {
      for (const [lang, page] of [['nl', '/api'], ['en', '/en/api']]) {
        const res = await request('GET', `/api/v1/problems/${id}?lang=${lang}`)
        conforms(res, '/problems/{id}', 'get', 303)
        assert.equal(res.headers.location, `${page}#problem-${id}`)
      }
    }
    conforms(await request('GET', '/api/v1/problems/not-a-problem'), '/problems/{id}', 'get', 404)
    conforms(await request('GET', '/api/v1/problems/not-found?lang=fr'), '/problems/{id}', 'get', 400)
  })

  test('GET /gatherings and GET /decisions: a past gathering with minutes and its closed decision, an open one; 400 problems', async () => {
    const db = t.database.handle.db
    const org = await db.insertInto('organisations').values({ slug: unique('api-partner'), name: unique('API-partner'), kind: 'company' }).returning(['id', 'slug']).executeTakeFirstOrThrow()
    const proposal = await db.insertInto('proposals').values({ title: 'API-voorstel', summary: 'Een voorstel.', locale: 'nl', process_question: 'Hoe?', category: 'content', form: 'method', proposed_by_organisation_id: org.id, status: 'declined' }).returning('id').executeTakeFirstOrThrow()
    const open = await db.insertInto('proposals').values({ title: 'Open voorstel', summary: 'Een voorstel.', locale: 'nl', process_question: 'Hoe?', category: 'content', form: 'method', proposed_by_organisation_id: org.id, status: 'on_agenda' }).returning('id').executeTakeFirstOrThrow()
    const slug = unique('api-overleg')
    const g = await db
      .insertInto('gatherings')
      .values({ slug, title_nl: 'API-overleg', title_en: 'API meeting', starts_at: new Date('2026-03-10T13:00:00Z'), ends_at: new Date('2026-03-10T15:00:00Z'), place: 'Utrecht', minutes_nl: 'Besproken.' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const main = await db.insertInto('gathering_agenda_items').values({ gathering_id: g.id, position: 1, title_nl: 'Voorstellen', title_en: 'Proposals' }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('gathering_agenda_items').values({ gathering_id: g.id, position: 2, parent_id: main.id, title_nl: 'API-voorstel', title_en: 'API-voorstel', proposal_id: proposal.id }).execute()
    await db.insertInto('gathering_documents').values({ gathering_id: g.id, position: 1, title: 'Notitie', url: 'https://example.org/notitie.pdf' }).execute()
    await db.insertInto('gathering_attendance').values({ gathering_id: g.id, organisation_id: org.id }).execute()
    const closed = await db
      .insertInto('decisions')
      .values({ proposal_id: proposal.id, gathering_id: g.id, closed_at: new Date('2026-03-10T14:30:00Z'), outcome: 'declined', eligible: 1, votes_for: 0, votes_against: 1, votes_abstain: 0 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('decision_votes').values({ decision_id: closed.id, organisation_id: org.id, choice: 'against' }).execute()
    const openDecision = await db.insertInto('decisions').values({ proposal_id: open.id, closes_at: new Date('2099-01-01T23:00:00Z') }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('decision_votes').values({ decision_id: openDecision.id, organisation_id: org.id, choice: 'for' }).execute()

    for (const lang of ['nl', 'en'] as const) {
      const list = conforms(await request('GET', `/api/v1/gatherings?lang=${lang}`), '/gatherings', 'get', 200)
      const item = (list.items as { slug: string; title: string; agenda: { subItemOf: number | null; proposal: { id: number } | null }[]; minutes: { language: string } | null; decisions: number[]; startsAt: string }[]).find((i) => i.slug === slug)!
      assert.equal(item.title, lang === 'en' ? 'API meeting' : 'API-overleg')
      assert.equal(item.startsAt, '2026-03-10T13:00:00.000Z')
      assert.deepEqual(item.agenda.map((a) => [a.subItemOf, a.proposal?.id ?? null]), [[null, null], [1, proposal.id]])
      assert.equal(item.minutes?.language, 'nl', 'the Dutch minutes, marked, when there are no English ones')
      assert.deepEqual(item.decisions, [closed.id])
      const decisions = conforms(await request('GET', `/api/v1/decisions?lang=${lang}`), '/decisions', 'get', 200)
      const items = decisions.items as { id: number; votes: unknown[]; gathering: { slug: string } | null; outcome: string | null }[]
      const c = items.find((d) => d.id === closed.id)!
      assert.deepEqual([c.gathering?.slug, c.outcome, c.votes.length], [slug, 'declined', 1])
      const o = items.find((d) => d.id === openDecision.id)!
      assert.deepEqual([o.gathering, o.outcome, o.votes.length], [null, null, 0], 'votes are secret until the close')
    }
    conforms(await request('GET', '/api/v1/gatherings?lang=fr'), '/gatherings', 'get', 400)
    conforms(await request('GET', '/api/v1/decisions?lang=fr'), '/decisions', 'get', 400)
  })

  test('GET /organisations and /organisations/{slug}: search, kind, partner, pages with first and last; 301, 400 and 404', async () => {
    const db = t.database.handle.db
    for (const url of ['/api/v1/organisations', '/api/v1/organisations?q=den%20haag&lang=en', '/api/v1/organisations?kind=municipality&pageSize=10&page=2', '/api/v1/organisations?partner=true', '/api/v1/organisations?partner=false&kind=company']) {
      const list = conforms(await request('GET', url), '/organisations', 'get', 200) as { _links: Record<string, { href: string }>; pages: number }
      assert.ok(list._links.first && list._links.last, `${url}: first and last`)
    }
    const paged = conforms(await request('GET', '/api/v1/organisations?kind=municipality&pageSize=10&page=2&lang=en'), '/organisations', 'get', 200) as {
      pages: number
      _links: Record<string, { href: string }>
    }
    assert.match(paged._links.first!.href, /kind=municipality&pageSize=10&lang=en$/)
    assert.match(paged._links.last!.href, new RegExp(`page=${paged.pages}&pageSize=10`))
    const tooMany = conforms(await request('GET', '/api/v1/organisations?pageSize=1000&lang=en'), '/organisations', 'get', 400) as { invalidParams: { name: string; reason: string }[] }
    assert.deepEqual(tooMany.invalidParams, [{ name: 'pageSize', code: 'numberBetween', reason: 'Must be a whole number from 1 to 100.' }])
    conforms(await request('GET', '/api/v1/organisations?kind=alien&partner=maybe'), '/organisations', 'get', 400)
    conforms(await request('GET', '/api/v1/organisations?page=9999'), '/organisations', 'get', 404)
    const utrecht = await organisationByCbs(db, 'GM0344')
    for (const lang of ['nl', 'en']) {
      const org = conforms(await request('GET', `/api/v1/organisations/${utrecht.slug}?lang=${lang}`), '/organisations/{slug}', 'get', 200)
      assert.equal(org.name, utrecht.name)
    }
    const owner = await db.selectFrom('tool_organisations as x').innerJoin('organisations as o', 'o.id', 'x.organisation_id').select('o.slug').where('x.role', '=', 'owner').executeTakeFirstOrThrow()
    conforms(await request('GET', `/api/v1/organisations/${owner.slug}`), '/organisations/{slug}', 'get', 200)
    const target = await db.insertInto('organisations').values({ slug: unique('doel'), name: unique('Doel'), kind: 'company' }).returning(['id', 'slug']).executeTakeFirstOrThrow()
    const merged = await db.insertInto('organisations').values({ slug: unique('dubbel'), name: unique('Dubbel'), kind: 'company', merged_into_id: target.id }).returning('slug').executeTakeFirstOrThrow()
    const moved = conforms(await request('GET', `/api/v1/organisations/${merged.slug}?lang=en`), '/organisations/{slug}', 'get', 301)
    assert.ok(moved)
    conforms(await request('GET', '/api/v1/organisations/nobody-here'), '/organisations/{slug}', 'get', 404)
    conforms(await request('GET', '/api/v1/organisations/nobody-here?lang=xx'), '/organisations/{slug}', 'get', 400)
  })

  test('GET /vocabularies/{name}: every code list in both languages; 400 and 404', async () => {
    for (const name of ['categories', 'forms', 'processes', 'statuses', 'principles', 'themes', 'preconditions', 'sdg-targets', 'mims']) {
      const nl = conforms(await request('GET', `/api/v1/vocabularies/${name}`), '/vocabularies/{name}', 'get', 200) as { items: { code: string; label: string }[] }
      const en = conforms(await request('GET', `/api/v1/vocabularies/${name}?lang=en`), '/vocabularies/{name}', 'get', 200) as { items: { code: string; label: string }[] }
      assert.ok(nl.items.length > 0, name)
      assert.deepEqual(nl.items.map((i) => i.code), en.items.map((i) => i.code))
    }
    const processes = (await request('GET', '/api/v1/vocabularies/processes?lang=en')).json() as { items: { code: string; label: string }[] }
    assert.deepEqual(processes.items.map((i) => [i.code, i.label]).slice(0, 1), [['design', 'Designing']])
    conforms(await request('GET', '/api/v1/vocabularies/colours'), '/vocabularies/{name}', 'get', 404)
    conforms(await request('GET', '/api/v1/vocabularies/forms?lang=de'), '/vocabularies/{name}', 'get', 400)
  })

  test('every nullable schema in the document has a type beside it (OpenAPI 3.0.3 ignores nullable without one)', () => {
    const untyped: string[] = []
    const walk = (value: unknown, path: string) => {
      if (value === null || typeof value !== 'object') return
      const schema = value as Json
      if (schema.nullable === true && !('type' in schema)) untyped.push(path)
      for (const [key, child] of Object.entries(schema)) walk(child, `${path}.${key}`)
    }
    walk(doc, '')
    assert.deepEqual(untyped, [])
    const form = (doc.components.schemas.Tool as { properties: Record<string, { properties: Record<string, Json> }> }).properties.form!.properties
    assert.deepEqual([form.bindingLevel!.type, form.bindingLevel!.nullable], ['object', true])
  })

  test('GET /openapi.json', async () => {
    conforms(await request('GET', '/api/v1/openapi.json'), '/openapi.json', 'get', 200)
  })

  test('every documented operation and status (but server errors) was provoked above', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => Object.keys(operation.responses).filter((s) => !s.endsWith('XX')).map((s) => `${method} ${path} ${s}`)),
    )
    assert.deepEqual(documented.filter((d) => !checked.has(d)), [])
  })
})
