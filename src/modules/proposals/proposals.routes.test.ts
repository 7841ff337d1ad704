import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, partnerOrganisation, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Tool proposals: only members of a current partner propose and respond; the duplicate check runs before saving
// (tools, shared tools, other proposals) with its reasons; one response per organisation, changeable; comments.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

async function member(organisationId: number, locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role: 'partner', organisationId, locale, email: `${unique('member')}@example.org` })
  return { user, browser: new Browser(t.app).withSession(await sessionCookie(db(), user.id)) }
}

/** A word of letters only, new to the catalogue (names with digits are compared only when equal). */
const word = (prefix: string) => `${prefix}${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

const proposal = (overrides: Record<string, string | string[]> = {}) => ({
  title: unique('Buurtdatakompas'),
  locale: 'nl',
  summary: 'Een kompas waarmee bewoners en gemeente samen bepalen welke sensordata in de buurt verzameld worden.',
  processQuestion: 'Hoe beslissen bewoners mee over sensoren in hun buurt?',
  category: 'governance',
  form: 'guideline',
  themes: ['balance_of_power'],
  municipalities: 'Utrecht\nGemeente Amersfoort',
  ...overrides,
})

describe('who may propose', () => {
  test('anonymous 401; an account without organisation or of a non-partner (or former partner) 403 with the reason', async () => {
    assert.equal((await new Browser(t.app).get('/proposals/new')).statusCode, 401)
    const curator = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'curator', email: `${unique('cur')}@example.org` })).id))
    const noOrg = await curator.get('/proposals/new')
    assert.equal(noOrg.statusCode, 403)
    assert.match(text(noOrg.body), /hoort bij geen organisatie/)
    const outsider = await db().insertInto('organisations').values({ slug: unique('outsider'), name: unique('Buitenstaander'), kind: 'company' }).returning(['id', 'name']).executeTakeFirstOrThrow()
    const res = await (await member(outsider.id)).browser.get('/proposals/new')
    assert.equal(res.statusCode, 403)
    assert.match(text(res.body), new RegExp(`${outsider.name} is nu geen partner`))
    const former = await partnerOrganisation(db(), { until: '2026-03-31' })
    const { browser } = await member(former.id, 'en')
    await browser.get('/en/password/forgot') // any page with a form: a CSRF token for this browser
    const refused = await browser.post('/en/proposals', proposal())
    assert.equal(refused.statusCode, 403)
    assert.match(text(refused.body), /is not a City Deal partner now/)
  })
})

describe('proposing', () => {
  test('bad input is refused field by field, what was typed kept; unknown municipalities named', async () => {
    const org = await partnerOrganisation(db())
    const { browser } = await member(org.id)
    const page = await browser.get('/proposals/new')
    assert.equal(page.statusCode, 200)
    const res = await browser.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ processQuestion: '', municipalities: 'Utrecht\nNergenshuizen' }) })
    assert.equal(res.statusCode, 400)
    assert.match(text(res.body), /Procesvraag/)
    const unknown = await browser.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ municipalities: 'Utrecht\nNergenshuizen', form: 'no-such-form' }) })
    assert.equal(unknown.statusCode, 400)
    assert.match(text(unknown.body), /no-such-form/)
    const town = await browser.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ municipalities: 'Utrecht\nNergenshuizen' }) })
    assert.equal(town.statusCode, 400)
    assert.match(text(town.body), /Deze gemeenten kennen we niet: Nergenshuizen/)
    assert.match(town.body, /Nergenshuizen<\/textarea>/)
  })

  test('the duplicate check shows a tool and another proposal with reasons; confirming saves; curators are e-mailed', async () => {
    const org = await partnerOrganisation(db())
    const { browser } = await member(org.id)
    const curator = await createUser(db(), { role: 'curator', email: `${unique('curator')}@example.org`, locale: 'en' })
    const place = word('wijk')
    const toolName = `Sensorkompas ${place}`
    const tool = await createTool(db(), {
      name_nl: toolName,
      name_en: null,
      status: 'in_development',
      origin: 'city_deal',
      description_nl: `Een kompas waarmee bewoners van ${place} en de gemeente samen bepalen welke sensordata in de buurt verzameld worden.`,
      description_en: null,
    })
    const page = await browser.get('/proposals/new')
    const dup = await browser.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ title: toolName }) })
    assert.equal(dup.statusCode, 409)
    assert.match(text(dup.body), /Bestaat dit al\?/)
    assert.match(dup.body, new RegExp(`href="/tools/${tool.slug}"`))
    assert.match(dup.body, /name="confirmDifferent"/)
    const saved = await browser.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ title: toolName, confirmDifferent: 'on' }) })
    assert.equal(saved.statusCode, 303, text(saved.body).slice(0, 400))
    const location = saved.headers.location as string
    assert.match(location, /^\/proposals\/\d+\?done=proposed$/)
    const shown = text((await browser.get(location)).body)
    assert.match(shown, /Uw voorstel is ingediend/)
    assert.match(shown, /Procesvraag Hoe beslissen bewoners mee/)
    assert.match(shown, /Amersfoort/)
    const mail = await db().selectFrom('outbox').select(['subject', 'body_text']).where('recipient', '=', curator.email).execute()
    assert.equal(mail.length, 1)
    assert.match(mail[0]!.subject, new RegExp(`New tool proposal: ${toolName}`))

    // A second proposal like the first: the first is a candidate now, as a proposal.
    const id = Number(/\/proposals\/(\d+)/.exec(location)![1])
    const second = await browser.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ title: `${toolName} 2` }) })
    assert.equal(second.statusCode, 409)
    assert.match(second.body, new RegExp(`href="/proposals/${id}"`))
    const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'proposal').where('entity_id', '=', String(id)).execute()
    assert.deepEqual(audit.map((a) => a.action), ['proposal.submitted'])
    assert.match(text((await new Browser(t.app).get('/en/proposals')).body), new RegExp(`${toolName} .*Governance and organisation ${org.name}`))
  })
})

describe('responding and commenting', () => {
  test('one response per organisation, changeable by any member; non-partners refused; members comment', async () => {
    const a = await partnerOrganisation(db())
    const b = await partnerOrganisation(db())
    const { browser: proposer } = await member(a.id)
    const page = await proposer.get('/proposals/new')
    const saved = await proposer.post('/proposals', { ...formFields(page.body, '/proposals'), ...proposal({ title: unique('Zzyzx-kaart'), confirmDifferent: 'on' }) })
    const path = (saved.headers.location as string).replace(/\?.*/, '')
    const first = await member(b.id)
    const second = await member(b.id, 'en')
    const view = await first.browser.get(path)
    assert.match(text(view.body), new RegExp(`De reactie van ${b.name}`))
    assert.equal((await first.browser.post(`${path}/respond`, { ...formFields(view.body, `${path}/respond`), kind: 'support' })).statusCode, 303)
    const enView = await second.browser.get(`/en${path}`)
    assert.match(enView.body, /value="support" checked/)
    assert.equal((await second.browser.post(`/en${path}/respond`, { ...formFields(enView.body, `/en${path}/respond`), kind: 'will_test' })).statusCode, 303)
    const rows = await db().selectFrom('proposal_responses').selectAll().where('organisation_id', '=', b.id).execute()
    assert.deepEqual(rows.map((r) => r.kind), ['will_test'])
    assert.match(text((await new Browser(t.app).get(`/en${path}`)).body), new RegExp(`${b.name} We will test it`))
    const bad = await second.browser.post(`/en${path}/respond`, { ...formFields(enView.body, `/en${path}/respond`), kind: 'own-everything' })
    assert.equal(bad.statusCode, 400)

    const outsider = await db().insertInto('organisations').values({ slug: unique('outsider'), name: unique('Buitenstaander'), kind: 'company' }).returning('id').executeTakeFirstOrThrow()
    const { browser: stranger } = await member(outsider.id)
    const strangerView = await stranger.get(path)
    assert.doesNotMatch(strangerView.body, /name="kind"/)
    assert.equal((await stranger.post(`${path}/respond`, { ...formFields(strangerView.body, `${path}/comments`), kind: 'support' })).statusCode, 403)
    const commented = await stranger.post(`${path}/comments`, { ...formFields(strangerView.body, `${path}/comments`), body: 'Goed idee, wij denken mee.' })
    assert.equal(commented.statusCode, 303)
    assert.match(text((await stranger.get(path)).body), /Goed idee, wij denken mee\./)
    const actions = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'proposal').where('entity_id', '=', path.split('/')[2]!).orderBy('id').execute()
    assert.deepEqual(actions.map((x) => x.action), ['proposal.submitted', 'proposal.responded', 'proposal.response_changed', 'proposal.commented'])
    assert.equal((await stranger.get('/proposals/999999999')).statusCode, 404)
    assert.equal((await stranger.get('/proposals/abc')).statusCode, 404)
  })
})
