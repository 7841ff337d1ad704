import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, organisationByCbs, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// A municipality records the results of its own pilot: the public tool page shows them, the owners and curators hear
// of it, and three completed pilots with an outcome let a City Deal tool through the gate to available.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

async function member(cbs: string | undefined, role: 'partner' | 'curator' = 'partner', locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role, locale, email: `${unique(role)}@example.org`, ...(cbs ? { organisationCbs: cbs } : {}) })
  return { user, browser: new Browser(t.app).withSession(await sessionCookie(db(), user.id)) }
}

/** A City Deal tool in testing, owned by Breda, with committed pilots in Utrecht, Eindhoven and Zwolle. */
const testingTool = () =>
  createTool(db(), {
    status: 'testing',
    origin: 'city_deal',
    municipalities: [
      { cbsCode: 'GM0758', role: 'owner' },
      { cbsCode: 'GM0344', role: 'test_municipality' },
      { cbsCode: 'GM0772', role: 'test_municipality' },
      { cbsCode: 'GM0193', role: 'test_municipality' },
    ],
  })

const pilotIn = async (toolId: number, cbs: string) =>
  db().selectFrom('pilots').selectAll().where('tool_id', '=', toolId).where('municipality_id', '=', (await organisationByCbs(db(), cbs)).id).executeTakeFirstOrThrow()

describe('recording the results of a pilot', () => {
  test('a member of the municipality records them; the tool page shows them; the owners and curators are e-mailed', async () => {
    const tool = await testingTool()
    const owner = await member('GM0758', 'partner', 'en')
    const curator = await member(undefined, 'curator')
    const { browser } = await member('GM0344')
    const path = `/tools/${tool.slug}/pilot`
    assert.match((await browser.get(`/tools/${tool.slug}`)).body, new RegExp(`href="${path}">Resultaten van de pilot in Utrecht vastleggen<`))
    const page = await browser.get(path)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Pilot van Utrecht: /)

    const wrong = await browser.post(path, { ...formFields(page.body, path), status: 'running', outcome: 'worked', lessonsNl: 'Bewaard bij een fout.' })
    assert.equal(wrong.statusCode, 400)
    assert.match(text(wrong.body), /Een uitkomst hoort bij een afgeronde pilot/)
    assert.match(wrong.body, /Bewaard bij een fout\./)
    const future = await browser.post(path, { ...formFields(page.body, path), status: 'completed', completedOn: '2099-01-01' })
    assert.equal(future.statusCode, 400)
    assert.match(text(future.body), /De datum van afronding ligt in de toekomst/)

    const res = await browser.post(path, {
      ...formFields(page.body, path),
      status: 'completed',
      completedOn: '2026-11-20',
      outcome: 'partly',
      lessonsNl: 'Bewoners gebruikten de kaart, ambtenaren nog niet.',
      lessonsEn: 'Residents used the map, civil servants not yet.',
      evidenceUrl: 'https://example.org/evaluatie-utrecht',
    })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 300))
    assert.equal(res.headers.location, `${path}?done=saved`)
    const pilot = await pilotIn(tool.id, 'GM0344')
    assert.deepEqual([pilot.status, pilot.completed_on, pilot.outcome, pilot.lessons_en, pilot.evidence_url], ['completed', '2026-11-20', 'partly', 'Residents used the map, civil servants not yet.', 'https://example.org/evaluatie-utrecht'])

    const publicPage = text((await new Browser(t.app).get(`/en/tools/${tool.slug}`)).body)
    assert.match(publicPage, /Utrecht Completed Completed on 20 November 2026 Partly worked\. Residents used the map, civil servants not yet\. Evidence/)
    const [toOwner] = await db().selectFrom('outbox').select(['subject', 'body_text']).where('recipient', '=', owner.user.email).execute()
    assert.equal(toOwner!.subject, `Pilot results: Utrecht on Test tool ${tool.slug}`)
    assert.match(toOwner!.body_text, /Stage: Completed\nOutcome: Partly worked/)
    assert.equal((await db().selectFrom('outbox').select('id').where('recipient', '=', curator.user.email).execute()).length, 1)
    const audit = await db().selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'tool').where('entity_id', '=', String(tool.id)).execute()
    assert.deepEqual(audit.map((a) => a.action), ['tool.pilot_recorded'])
    assert.match(text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body), /resultaten van een pilot vastgelegd/)
  })

  test('a form filled in on an older version is a conflict that keeps the typing', async () => {
    const tool = await testingTool()
    const { browser } = await member('GM0772')
    const path = `/tools/${tool.slug}/pilot`
    const fields = formFields((await browser.get(path)).body, path)
    assert.equal((await browser.post(path, { ...fields, status: 'running' })).statusCode, 303)
    const stale = await browser.post(path, { ...fields, status: 'withdrawn', lessonsNl: 'Oud formulier.' })
    assert.equal(stale.statusCode, 409)
    assert.match(text(stale.body), /Iemand anders heeft deze pilot intussen gewijzigd/)
    assert.match(stale.body, /Oud formulier\./)
    assert.equal((await pilotIn(tool.id, 'GM0772')).status, 'running')
  })

  test('only members of a municipality with a pilot of the tool: 404 for others, 403 for curators, 401 for nobody', async () => {
    const tool = await testingTool()
    const path = `/tools/${tool.slug}/pilot`
    const { browser: noPilot } = await member('GM0363')
    const res = await noPilot.get(path)
    assert.equal(res.statusCode, 404)
    assert.match(text(res.body), /Amsterdam heeft geen pilot van deze tool/)
    assert.doesNotMatch((await noPilot.get(`/tools/${tool.slug}`)).body, /\/pilot"/)
    assert.equal((await (await member(undefined, 'curator')).browser.get(path)).statusCode, 403)
    assert.equal((await new Browser(t.app).get(path)).statusCode, 401)
    const visitor = new Browser(t.app)
    await visitor.get('/tools/share')
    assert.equal((await visitor.post(path, { status: 'completed', version: '1' })).statusCode, 401)
  })

  test('three municipalities record a completed pilot with an outcome: the gate lets the tool become available', async () => {
    const tool = await testingTool()
    const gate = async () => (await t.app.inject({ url: `/api/v1/tools/${tool.slug}?lang=en` })).json().gate
    assert.match((await gate()).missing[0].text, /^0 of 3 pilots completed with an outcome/)
    for (const cbs of ['GM0344', 'GM0772', 'GM0193']) {
      const { browser } = await member(cbs)
      const path = `/tools/${tool.slug}/pilot`
      const fields = formFields((await browser.get(path)).body, path)
      assert.equal((await browser.post(path, { ...fields, status: 'completed', outcome: 'worked' })).statusCode, 303)
    }
    const after = await gate()
    assert.deepEqual([after.next.code, after.missing, after.completed], ['available', [], 3])
  })
})
