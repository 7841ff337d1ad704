import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'

describe('GET /api/v1/similar-tools and POST /api/v1/submissions', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())
  const similar = async (params: Record<string, string>) => {
    const res = await t.app.inject({ url: `/api/v1/similar-tools?${new URLSearchParams(params)}` })
    return { res, body: JSON.parse(res.body) }
  }
  const post = (payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: payload as object, headers })

  test('a typo, an acronym and a website each find the tool, best first, with the reason', async () => {
    const typo = await similar({ name: 'Omgevingswt' })
    assert.equal(typo.res.statusCode, 200)
    assert.equal(typo.res.headers['access-control-allow-origin'], '*')
    assert.equal(typo.res.headers['api-version'], '1.0.0')
    const first = typo.body.items[0]
    assert.equal(first.slug, 'omgevingswet')
    assert.equal(first.type, 'tool')
    assert.equal(first.likely, true)
    assert.ok(first.reasons.includes('similar_name'))
    assert.ok(first.score >= 0.6 && first.score <= 1)
    assert.equal(first._links.html.href, 'http://toolbox.test/tools/omgevingswet')
    for (let i = 1; i < typo.body.items.length; i++) assert.ok(typo.body.items[i - 1].score >= typo.body.items[i].score, 'ranked best first')

    const site = await similar({ name: 'Iets heel anders', url: 'https://WWW.3dbag.nl/' })
    assert.equal(site.body.items[0].slug, '3d-bag')
    assert.ok(site.body.items[0].reasons.includes('same_website'))

    const unrelated = await similar({ name: 'Kwantumcomputer voor zuivelfabrieken', description: 'Optimaliseert de kaasproductie.' })
    assert.ok(unrelated.body.items.every((i: { likely: boolean }) => !i.likely))
  })

  test('bad parameters get problem+json in the asked language', async () => {
    const missing = await t.app.inject({ url: '/api/v1/similar-tools?lang=en' })
    assert.equal(missing.statusCode, 400)
    assert.match(missing.headers['content-type'] as string, /application\/problem\+json/)
    const problem = JSON.parse(missing.body)
    assert.equal(problem.invalidParams[0].name, 'name')
    assert.match(problem.invalidParams[0].reason, /Please fill in this field/)
    assert.equal((await similar({ name: 'x'.repeat(201) })).res.statusCode, 400)
    assert.equal((await similar({ name: 'x', extra: 'y' })).res.statusCode, 400)
  })

  test('names of only stop words, and absurdly long values, get an answer at once', { timeout: 10_000 }, async () => {
    for (const name of ['The', 'Voor ons', 'Who are you', 'de het een']) {
      const { res } = await similar({ name })
      assert.equal(res.statusCode, 200, name)
    }
    const long = await post({ name: 'x', description: 'y', contactEmail: `${'a'.repeat(40_000)}@${'.'.repeat(1000)}`, websiteUrl: `http://${'.'.repeat(150_000)}<` })
    assert.equal(long.statusCode, 400)
    assert.deepEqual(JSON.parse(long.body).invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`).sort(), ['contactEmail:tooLong', 'websiteUrl:tooLong'])
  })

  test('a submission under review is reported without its name', async () => {
    const name = `Straatlantaarnplanner ${unique('t')}`
    const created = await post({ name, description: 'Plant onderhoud aan straatlantaarns.', contactEmail: `p-${unique('t')}@example.org` })
    assert.equal(created.statusCode, 201)
    const { body } = await similar({ name })
    const pending = body.items.find((i: { type: string }) => i.type === 'submission')
    assert.ok(pending, JSON.stringify(body))
    assert.equal(pending.name, null)
    assert.equal(pending.slug, null)
    assert.equal(pending.likely, true)
    assert.ok(!JSON.stringify(body).includes(name))
  })

  test('a tool in development is found, with its status', async () => {
    const name = `Geluidsnormeringskader ${unique('t')}`
    await createTool(t.database.handle.db, { name_nl: name, name_en: null, status: 'in_development' })
    const { body } = await similar({ name })
    assert.equal(body.items[0].name, name)
    assert.equal(body.items[0].status, 'in_development')
  })

  test('POST validates like the form, in the asked language', async () => {
    const res = await post({ name: '', description: 'x', contactEmail: 'nope', websiteUrl: 'javascript:alert(1)', themes: ['nonsense'], confirmDifferent: 'yes' }, { 'accept-language': 'en' })
    assert.equal(res.statusCode, 400)
    const names = JSON.parse(res.body).invalidParams.map((p: { name: string }) => p.name).sort()
    assert.deepEqual(names, ['confirmDifferent', 'contactEmail', 'name', 'websiteUrl'])
    const url = JSON.parse(res.body).invalidParams.find((p: { name: string }) => p.name === 'websiteUrl')
    assert.match(url.reason, /http:\/\/ or https:\/\//)
    assert.equal((await post('[1,2]', { 'content-type': 'application/json' })).statusCode, 400)
    assert.equal((await post({ name: 'A', description: 'B', contactEmail: 'a@example.org', themes: ['made-up'] })).statusCode, 400)
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: '{"name":', headers: { 'content-type': 'application/json' } })
    assert.equal(broken.statusCode, 400)
  })

  test('POST: a likely duplicate is 409 with the candidates; confirmed, it is saved with a tracking link', async () => {
    const email = `api-${unique('t')}@example.org`
    const input = { name: 'PDOK', description: 'Publieke geodata van de overheid op de kaart.', contactEmail: email, locale: 'en' }
    const conflict = await post(input)
    assert.equal(conflict.statusCode, 409)
    const problem = JSON.parse(conflict.body)
    assert.equal(problem.code, 'possible-duplicates')
    assert.ok(problem.items.some((i: { slug: string; likely: boolean }) => i.slug === 'pdok' && i.likely))
    assert.equal((await t.database.handle.db.selectFrom('submissions').select('id').where('contact_email', '=', email).execute()).length, 0)

    const created = await post({ ...input, confirmDifferent: true, themes: ['privacy'], languages: ['nl', 'en'] })
    assert.equal(created.statusCode, 201)
    const body = JSON.parse(created.body)
    assert.equal(body.status, 'pending')
    assert.equal(body.kind, 'new_tool')
    assert.equal(created.headers.location, body._links.tracking.href)
    assert.match(body._links.tracking.href, /^http:\/\/toolbox\.test\/en\/submissions\/[A-Za-z0-9_-]{40,}$/)
    const page = await t.app.inject({ url: body._links.tracking.href.replace('http://toolbox.test', '') })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Under review/)
    const row = await t.database.handle.db.selectFrom('submissions').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow()
    assert.equal(row.source, 'api')
    assert.equal(row.locale, 'en')
    const mail = await t.database.handle.db.selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    assert.match(mail.subject, /We received your tool/)

    const addition = await post({ name: 'PDOK', description: 'Ook als WMS.', contactEmail: email, additionTo: 'pdok' })
    assert.equal(addition.statusCode, 201)
    assert.equal(JSON.parse(addition.body).kind, 'addition')
  })

  test('browsers on other sites may post: the preflight answers', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/submissions', headers: { origin: 'https://gemeente.example', 'access-control-request-method': 'POST' } })
    assert.equal(res.statusCode, 204)
    assert.equal(res.headers['access-control-allow-origin'], '*')
    assert.match(res.headers['access-control-allow-headers'] as string, /content-type/)
  })
})

describe('POST /api/v1/submissions: rate limit', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_FORMS_PER_MINUTE: 1, RATE_LIMIT_LOOKUP_PER_MINUTE: 2 })
  })
  after(() => t.close())

  test('the second post within a minute gets 429 problem+json', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { name: '' } })
    assert.equal(first.statusCode, 400)
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { name: '' } })
    assert.equal(second.statusCode, 429)
    assert.match(second.headers['content-type'] as string, /application\/problem\+json/)
  })

  test('similar-tools has its own, more generous limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await t.app.inject({ url: '/api/v1/similar-tools?name=PDOK' })).statusCode)
    assert.deepEqual(statuses, [200, 200, 429])
  })
})

describe('POST /api/v1/submissions: what a submitter tells beyond name and description', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())
  const post = (payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: payload as object, headers })

  test('processes, status and municipalities travel with a submission; an addition needs no description', async () => {
    const email = `api-${unique('m')}@example.org`
    const created = await post({ name: `Fietsteller ${unique('f')}`, description: 'Telt fietsers bij kruispunten.', contactEmail: email, processes: ['manage'], toolStatus: 'idea', municipalities: ['Den Haag', 'GM0344'], confirmDifferent: true })
    assert.equal(created.statusCode, 201, created.body)
    const row = await t.database.handle.db.selectFrom('submissions').select('duplicate_candidates').where('contact_email', '=', email).executeTakeFirstOrThrow()
    assert.deepEqual((row.duplicate_candidates as { shared: unknown }).shared, { processes: ['manage'], toolStatus: 'idea', municipalities: ['GM0518', 'GM0344'] })

    const unknown = await post({ name: 'Iets', description: 'Iets.', contactEmail: email, municipalities: ['Atlantis'] }, { 'accept-language': 'en' })
    assert.equal(unknown.statusCode, 400)
    assert.deepEqual(JSON.parse(unknown.body).invalidParams, [{ name: 'municipalities', code: 'share.municipality.unknown', reason: 'We know no municipality “Atlantis”. Choose a name from the list or leave the field empty.' }])
    const secured = await post({ name: 'Iets', description: 'Iets.', contactEmail: email, toolStatus: 'secured' })
    assert.deepEqual((JSON.parse(secured.body).invalidParams as { name: string }[]).map((p) => p.name), ['toolStatus'])

    const addition = await post({ name: 'Omgevingswet', contactEmail: email, additionTo: 'omgevingswet', municipalities: ['Zwolle'] })
    assert.equal(addition.statusCode, 201, addition.body)
    const bare = await post({ name: `Zonder ${unique('z')}`, contactEmail: email })
    assert.equal(bare.statusCode, 400)
    assert.deepEqual((JSON.parse(bare.body).invalidParams as { name: string }[]).map((p) => p.name), ['description'])
  })
})
