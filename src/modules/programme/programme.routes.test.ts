import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { addStatusChange, createTool, createUser, organisationByCbs, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// The programme at a glance, against a known catalogue: every figure, table, CSV file and the JSON counted by hand.
// The test database starts from the seeded catalogue; this file empties it first, so that the counts are its own.

let t: TestApp
const db = () => t.database.handle.db

/** Creates a City Deal tool with its dated status history, languages and municipalities (owners and pilots). */
async function cityDealTool(input: { category: string; status: string; history: [string, string][]; languages?: string[]; municipalities?: { cbsCode: string; role: string; testStatus?: string }[] }) {
  const tool = await createTool(db(), { origin: 'city_deal', category: input.category, status: input.status, name_nl: unique('Programmatool'), municipalities: input.municipalities ?? [] })
  await db().updateTable('tools').set({ languages: input.languages ?? [] }).where('id', '=', tool.id).execute()
  for (const [status, on] of input.history) await addStatusChange(db(), tool.id, status, on)
  return tool
}

const pilots = (status: string, ...codes: string[]) => codes.map((cbsCode) => ({ cbsCode, role: 'test_municipality', testStatus: status }))

before(async () => {
  t = await buildTestApp()
  // Only the tools and partners below.
  await sql`delete from tools`.execute(db())
  await db().updateTable('organisations').set({ is_city_deal_partner: false }).execute()
  await db().updateTable('organisations').set({ is_city_deal_partner: true }).where('cbs_code', 'in', ['GM0758', 'GM0344']).execute()
  await db().insertInto('organisations').values({ slug: unique('partnerbedrijf'), name: unique('Partnerbedrijf'), kind: 'company', is_city_deal_partner: true }).execute()

  const owner = { cbsCode: 'GM0758', role: 'owner' }
  // A: content, selected in the year; partner owner, three committed; Dutch and English.
  await cityDealTool({ category: 'content', status: 'selected', history: [['idea', '2025-11-01'], ['selected', '2026-03-01']], languages: ['nl', 'en'], municipalities: [owner, ...pilots('planned', 'GM0344', 'GM0307', 'GM0772')] })
  // B: content, in development since the signing day; three committed; Dutch only.
  await cityDealTool({ category: 'content', status: 'in_development', history: [['proposed', '2026-06-01'], ['in_development', '2026-12-03']], languages: ['nl'], municipalities: [owner, ...pilots('planned', 'GM0344', 'GM0758', 'GM0855')] })
  // C: content, available, started before the programme; three results (one did not work); Dutch and English.
  await cityDealTool({ category: 'content', status: 'available', history: [['selected', '2025-06-01'], ['available', '2026-02-01']], languages: ['en', 'nl'], municipalities: [owner, ...pilots('passed', 'GM0344', 'GM0772'), ...pilots('failed', 'GM0193')] })
  // D: governance, testing, selected in the year; two owners; two committed, one interested, one withdrawn.
  const d = await cityDealTool({ category: 'governance', status: 'testing', history: [['selected', '2026-05-10'], ['testing', '2026-11-01']], municipalities: [owner, { cbsCode: 'GM0344', role: 'owner' }, ...pilots('planned', 'GM0344', 'GM0307')] })
  await db().insertInto('pilots').values({ tool_id: d.id, municipality_id: (await organisationByCbs(db(), 'GM0014')).id, status: 'interested' }).execute()
  await db().insertInto('pilots').values({ tool_id: d.id, municipality_id: (await organisationByCbs(db(), 'GM0935')).id, status: 'withdrawn' }).execute()
  // E: governance idea without owner, with a call past its closing date; F: retired, with an open call; G: proposed, owner no partner, an open call.
  const e = await cityDealTool({ category: 'governance', status: 'idea', history: [['idea', '2026-02-01']] })
  const f = await cityDealTool({ category: 'content', status: 'retired', history: [['selected', '2026-02-01'], ['retired', '2026-04-01']], languages: ['nl', 'en'] })
  const g = await cityDealTool({ category: 'governance', status: 'proposed', history: [['proposed', '2026-04-01']], municipalities: [{ cbsCode: 'GM0193', role: 'owner' }] })
  // H: not of the City Deal (never counted as a tool), but Arnhem uses it.
  await createTool(db(), { origin: 'existing', status: 'available', municipalities: [{ cbsCode: 'GM0202', role: 'adopter' }] })
  await db()
    .insertInto('tool_calls')
    .values([
      { tool_id: e.id, asked_nl: 'Voorbij.', closes_on: '2020-01-01', opens_on: '2019-12-01' },
      { tool_id: f.id, asked_nl: 'Van een oude tool.' },
      { tool_id: g.id, asked_nl: 'Test mee.' },
    ])
    .execute()
})
after(() => t.close())

/** The rows of a page's table with this caption, as text cells. */
function tableRows(page: string, caption: string): string[][] {
  const start = page.search(new RegExp(`<caption class="utrecht-table__caption"[^>]*>${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</caption>`))
  assert.notEqual(start, -1, `a table "${caption}"`)
  const body = page.slice(page.indexOf('<tbody', start), page.indexOf('</tbody>', start))
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, c]) => text(c!).trim()))
}

const EXPECTED = {
  targets: [
    ['Nieuwe inhoudelijke tools', '3', '9'],
    ['Nieuwe tools voor bestuur en organisatie', '1', '3'],
    ['Gestart tijdens het jaar', '2', '6'],
    ['Gestart bij de ondertekening', '1', '6'],
  ],
  stages: [['Idee', '1'], ['Voorgesteld', '1'], ['Gekozen', '1'], ['In ontwikkeling', '1'], ['In test', '1'], ['Beschikbaar', '1'], ['Geborgd', '0'], ['Niet meer actief', '1']],
  gate: [
    ['Eén eigenaar, en die is City Deal-partner', '3', '6'],
    ['Drie gemeenten toegezegd (pilot toegezegd, lopend of afgerond)', '3', '6'],
    ['Drie resultaten vastgelegd (pilot afgerond met uitkomst)', '1', '6'],
    ['Gepubliceerd in het Nederlands en het Engels (de talen van de tool)', '2', '6'],
  ],
  partners: [['Gemeente', '2'], ['Bedrijf', '1']],
  municipalities: [['Provincie Gelderland', '1'], ['Provincie Noord-Brabant', '3'], ['Provincie Overijssel', '1'], ['Provincie Utrecht', '2']],
  // Tools not retired with a role, a committed, running or completed pilot, or an adoption: each tool once.
  active: [['Breda', '4'], ['Utrecht', '4'], ['Amersfoort', '2'], ['Eindhoven', '2'], ['Zwolle', '2'], ['Arnhem', '1'], ['Tilburg', '1']],
  growth: expectedGrowth(),
}

/**
 * Tools in the toolbox at each month's end of 2026 (today for this month), from the dated statuses above: A and C
 * from before the year, E from 1 February, F from 1 February until retired on 1 April, G from 1 April, D from 10 May,
 * B from 1 June (its step on 3 December counts only once that day has come; it was in the toolbox already). H has no
 * dated status, so it is not counted.
 */
function expectedGrowth(): string[][] {
  const today = new Date().toISOString().slice(0, 10)
  const spans: [string, string | null][] = [['2025-11-01', null], ['2025-06-01', null], ['2026-02-01', null], ['2026-02-01', '2026-04-01'], ['2026-04-01', null], ['2026-05-10', null], ['2026-06-01', null]]
  const month = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const rows: string[][] = []
  for (let m = 0; m < 12; m++) {
    const first = new Date(Date.UTC(2026, m, 1)).toISOString().slice(0, 10)
    if (first > today) break
    const end = new Date(Date.UTC(2026, m + 1, 0)).toISOString().slice(0, 10)
    const day = end < today ? end : today
    const n = spans.filter(([from, until]) => from <= day && (until === null || until > day)).length
    rows.push([month.format(new Date(day)), String(n), '0', '0', String(n)])
  }
  return rows
}

describe('/programme', () => {
  test('every figure and table, counted by hand, with its definition and the catalogue list behind it', async () => {
    const res = await t.app.inject({ url: '/programme' })
    assert.equal(res.statusCode, 200)
    const page = res.body
    assert.deepEqual(tableRows(page, 'Doelen tegenover de stand'), EXPECTED.targets)
    assert.deepEqual(tableRows(page, 'City Deal-tools per fase'), EXPECTED.stages)
    assert.deepEqual(tableRows(page, 'City Deal-tools per deel van de poort'), EXPECTED.gate)
    assert.deepEqual(tableRows(page, 'Partners per soort'), EXPECTED.partners)
    assert.deepEqual(tableRows(page, 'Gemeenten die tools testen of gebruiken, per provincie'), EXPECTED.municipalities)
    assert.deepEqual(tableRows(page, 'De meest actieve organisaties'), EXPECTED.active)
    assert.match(page, /<a class="utrecht-link[^"]*" href="\/organisations\/[a-z0-9-]+">Breda<\/a>/)
    assert.deepEqual(tableRows(page, 'Tools in de toolbox per maand, naar herkomst'), EXPECTED.growth)
    const body = text(page)
    assert.match(body, /Een slimme stad, zo doe je dat/)
    assert.match(body, /Open oproepen aan testgemeenten: 1\./)
    assert.match(page, /href="\/calls"/)
    assert.match(body, /1 getelde tool startte op geen van beide momenten \(vóór 1 januari 2026 of na 3 december 2026\)/)
    assert.match(body, /op of na 1 januari 2026 en vóór 3 december 2026/)
    assert.match(body, /3 van de 9 inhoudelijke tools en 1 van de 3 tools voor bestuur en organisatie zijn gestart; 2 van de 6 tijdens het jaar en 1 van de 6 bij de ondertekening\./)
    assert.match(body, /7 gemeenten testen of gebruiken tools, in 4 provincies\./)
    // Figures link to the catalogue with the matching filters.
    assert.match(page, /<a class="utrecht-link[^"]*" href="\/tools\?category=content&amp;origin=city_deal&amp;status=selected&amp;status=in_development&amp;status=testing&amp;status=available&amp;status=secured">3<\/a>/)
    assert.match(page, /href="\/tools\?origin=city_deal&amp;status=retired">1<\/a>/)
    assert.match(page, /href="\/organisations\?kind=company&amp;partner=on">1<\/a>/)
    // Charts: images with a title and a description, no script.
    assert.equal((page.match(/<svg class="citydeal-chart" role="img"/g) ?? []).length, 7)
    assert.match(page, /<title id="chart-targets-title">Doelen tegenover de stand<\/title>\s*<desc id="chart-targets-desc">3 van de 9/)
    assert.doesNotMatch(page, /<script/)
    // The way here: the home page, and for administrators the admin index.
    assert.match((await t.app.inject({ url: '/' })).body, /href="\/programme">Het programma in één oogopslag/)
    assert.match((await t.app.inject({ url: '/en/' })).body, /href="\/en\/programme">The programme at a glance/)
  })

  test('the catalogue list behind a figure shows the tools counted', async () => {
    const res = await t.app.inject({ url: '/tools?category=content&origin=city_deal&status=selected&status=in_development&status=testing&status=available&status=secured' })
    assert.equal(res.statusCode, 200)
    assert.equal((res.body.match(/Programmatool-/g) ?? []).length >= 3, true)
    assert.match(text(res.body), /\b3 tools\b/i)
  })

  test('in English', async () => {
    const page = (await t.app.inject({ url: '/en/programme' })).body
    assert.deepEqual(tableRows(page, 'Targets against actuals'), [
      ['New content tools', '3', '9'],
      ['New governance and organisation tools', '1', '3'],
      ['Started during the year', '2', '6'],
      ['Started at the signing', '1', '6'],
    ])
    assert.deepEqual(tableRows(page, 'Partners by kind'), [['Municipality', '2'], ['Company', '1']])
    assert.match(page, /href="\/en\/tools\?category=governance&amp;origin=city_deal/)
    assert.match(text(page), /on or after 1 January 2026 and before 3 December 2026/)
  })

  test('each table as CSV, the same as the page', async () => {
    for (const [id, rows] of Object.entries(EXPECTED)) {
      const res = await t.app.inject({ url: `/programme/${id}.csv` })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/csv/)
      assert.match(res.body, /\r\n$/)
      const records: string[][] = parse(res.body, { bom: true })
      assert.deepEqual(records.slice(1), rows, id)
    }
    const en = await t.app.inject({ url: '/en/programme/stages.csv' })
    assert.equal(en.body.split('\r\n')[0], '\ufeffStage,Tools')
    assert.equal((await t.app.inject({ url: '/programme/nothing.csv' })).statusCode, 404)
  })

  test('the JSON agrees with the page', async () => {
    const res = await t.app.inject({ url: '/api/v1/programme?lang=en' })
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.deepEqual(body.programme, { name: 'Een slimme stad, zo doe je dat', startsOn: '2026-01-01', signingOn: '2026-12-03' })
    assert.deepEqual(body.targets.map((x: { code: string; actual: number; target: number }) => [x.code, x.actual, x.target]), [
      ['content', 3, 9],
      ['governance', 1, 3],
      ['startedInYear', 2, 6],
      ['startedAtSigning', 1, 6],
    ])
    assert.equal(body.startedOutside, 1)
    assert.deepEqual(body.stages.map((s: { tools: number }) => s.tools), [1, 1, 1, 1, 1, 1, 0, 1])
    assert.deepEqual(body.gate, {
      tools: 6,
      parts: [
        { code: 'ownerPartner', label: 'One owner, a City Deal partner', tools: 3 },
        { code: 'committed', label: 'Three municipalities committed (pilot committed, running or completed)', tools: 3 },
        { code: 'results', label: 'Three results recorded (pilot completed with an outcome)', tools: 1 },
        { code: 'bilingual', label: 'Published in Dutch and English (the tool’s languages)', tools: 2 },
      ],
    })
    assert.deepEqual(body.partners.map((p: { kind: { code: string }; organisations: number }) => [p.kind.code, p.organisations]), [['municipality', 2], ['company', 1]])
    assert.deepEqual(body.municipalities, [
      { province: 'Provincie Gelderland', municipalities: 1 },
      { province: 'Provincie Noord-Brabant', municipalities: 3 },
      { province: 'Provincie Overijssel', municipalities: 1 },
      { province: 'Provincie Utrecht', municipalities: 2 },
    ])
    assert.equal(body.openCalls, 1)
    assert.deepEqual(body.mostActive.map((o: { name: string; tools: number }) => [o.name, String(o.tools)]), EXPECTED.active)
    assert.deepEqual(body.growth.map((g: { total: number; cityDeal: number }) => [String(g.cityDeal), String(g.total)]), EXPECTED.growth.map((row) => [row[1], row[4]]))
    assert.equal(body.targets[0]._links.catalogue.href, 'http://toolbox.test/en/tools?category=content&origin=city_deal&status=selected&status=in_development&status=testing&status=available&status=secured')
    assert.equal(body._links.csv.gate.href, 'http://toolbox.test/en/programme/gate.csv')
  })
})

describe('/admin/programme', () => {
  test('an administrator changes the targets and dates: audited, and the page counts with them; refusals keep what was typed', async () => {
    const admin = await createUser(db(), { role: 'admin' })
    const browser = new Browser(t.app).withSession(await sessionCookie(db(), admin.id))
    assert.match((await browser.get('/en/admin')).body, /href="\/en\/admin\/programme">Programme</)
    const form = await browser.get('/en/admin/programme')
    assert.equal(form.statusCode, 200)
    const fields = formFields(form.body, '/en/admin/programme')
    assert.deepEqual(
      [fields.name, fields.startsOn, fields.signingOn, fields.targetContent, fields.targetGovernance, fields.targetStartedInYear, fields.targetStartedAtSigning],
      ['Een slimme stad, zo doe je dat', '2026-01-01', '2026-12-03', '9', '3', '6', '6'],
    )

    const refused = await browser.post('/en/admin/programme', { ...fields, name: 'Next deal', signingOn: '2025-01-01', targetContent: 'many' })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Target: new content tools/)
    assert.match(refused.body, /value="Next deal"/)
    const beforeDates = await browser.post('/en/admin/programme', { ...fields, signingOn: '2025-12-01' })
    assert.equal(beforeDates.statusCode, 400)
    assert.match(text(beforeDates.body), /The signing cannot be before the programme starts\./)

    const saved = await browser.post('/en/admin/programme', { ...fields, name: 'Volgende deal', signingOn: '2026-03-01', targetContent: '4' })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, '/en/admin/programme?done=saved')
    assert.match(text((await browser.get('/en/admin/programme?done=saved')).body), /The programme has been saved\./)
    // A second save from the form as it was loaded meets a conflict, not a lost update.
    assert.equal((await browser.post('/en/admin/programme', { ...fields, name: 'Stale' })).statusCode, 409)

    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'programme.updated').executeTakeFirstOrThrow()
    assert.equal(entry.actor_user_id, admin.id)
    assert.deepEqual([(entry.before as { name: string }).name, (entry.after as { name: string }).name], ['Een slimme stad, zo doe je dat', 'Volgende deal'])

    const page = (await t.app.inject({ url: '/programme' })).body
    assert.match(text(page), /Volgende deal/)
    // Signing on 1 March: A (selected 1 March) now started at the signing; D (10 May) and C no longer in the year.
    assert.deepEqual(tableRows(page, 'Doelen tegenover de stand'), [
      ['Nieuwe inhoudelijke tools', '3', '4'],
      ['Nieuwe tools voor bestuur en organisatie', '1', '3'],
      ['Gestart tijdens het jaar', '0', '6'],
      ['Gestart bij de ondertekening', '1', '6'],
    ])
  })
})

describe('snapshots and earlier figures', () => {
  test('the first count of a month is stored; a curator stores today’s; an earlier day shows the figures as stored then, in the page, CSV and JSON', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const monthly = await db().selectFrom('programme_snapshots').select(['taken_on']).where('kind', '=', 'monthly').execute()
    assert.deepEqual(monthly, [{ taken_on: today }], 'one monthly snapshot, from the first count this month')

    const anonymous = (await t.app.inject({ url: '/programme' })).body
    assert.doesNotMatch(anonymous, /action="\/programme\/snapshots"/, 'visitors get no form')
    const curator = await createUser(db(), { role: 'curator' })
    const browser = new Browser(t.app).withSession(await sessionCookie(db(), curator.id))
    const page = await browser.get('/programme')
    assert.match(page.body, /action="\/programme\/snapshots"/)
    const stored = await browser.post('/programme/snapshots', {})
    assert.equal(stored.statusCode, 303)
    assert.equal(stored.headers.location, '/programme?done=snapshot')
    assert.match(text((await browser.get('/programme?done=snapshot')).body), /De stand van vandaag is bewaard\./)
    const manual = await db().selectFrom('programme_snapshots').select(['id', 'taken_on']).where('kind', '=', 'manual').executeTakeFirstOrThrow()
    assert.equal(manual.taken_on, today)
    assert.ok(await db().selectFrom('audit_log').select('id').where('action', '=', 'programme.snapshot').where('actor_user_id', '=', curator.id).executeTakeFirst())

    // Pretend the curator stored it on 1 November; then the catalogue moves on by one content tool.
    await db().updateTable('programme_snapshots').set({ taken_on: '2026-11-01' }).where('id', '=', manual.id).execute()
    await cityDealTool({ category: 'content', status: 'selected', history: [['selected', '2026-11-20']] })
    const now = (await t.app.inject({ url: '/programme' })).body
    assert.deepEqual(tableRows(now, 'Doelen tegenover de stand')[0], ['Nieuwe inhoudelijke tools', '4', '4'])
    assert.match(now, /href="\/programme\?asOf=2026-11-01">1 november 2026<\/a>/)

    const then = await t.app.inject({ url: '/programme?asOf=2026-11-15' })
    assert.equal(then.statusCode, 200)
    assert.deepEqual(tableRows(then.body, 'Doelen tegenover de stand')[0], ['Nieuwe inhoudelijke tools', '3', '4'])
    assert.match(text(then.body), new RegExp(`U bekijkt de stand zoals die op ${new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(new Date(today))} is bewaard\\.`))
    assert.match(then.body, /href="\/programme\/targets\.csv\?asOf=2026-11-15"/)
    const csv: string[][] = parse((await t.app.inject({ url: '/programme/targets.csv?asOf=2026-11-15' })).body, { bom: true })
    assert.deepEqual(csv[1], ['Nieuwe inhoudelijke tools', '3', '4'])
    const json = (await t.app.inject({ url: '/api/v1/programme?asOf=2026-11-15' })).json()
    assert.equal(json.targets[0].actual, 3)

    assert.equal((await t.app.inject({ url: '/programme?asOf=2026-13-01' })).statusCode, 400)
    const none = await t.app.inject({ url: '/en/programme?asOf=2020-01-01' })
    assert.equal(none.statusCode, 404)
    assert.match(text(none.body), /No figures were stored on 2020-01-01 or earlier\./)
  })
})
