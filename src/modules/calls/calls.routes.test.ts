import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, organisationByCbs, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Calls for test municipalities: an owner opens one; /calls, the home page and the tool page show it; members of a
// municipality answer in one step, others through the public form; accepting an answer commits a pilot.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

async function signedIn(role: 'partner' | 'curator' | 'admin', organisationCbs?: string, locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role, locale, email: `${unique(role)}@example.org`, ...(organisationCbs ? { organisationCbs } : {}) })
  return { user, browser: new Browser(t.app).withSession(await sessionCookie(db(), user.id)) }
}

/** A City Deal tool in selection owned by Breda (a partner), with an open call when asked. */
async function selectedTool(call?: { needed?: number; closesOn?: string }) {
  const tool = await createTool(db(), { status: 'selected', origin: 'city_deal', name_nl: `Deeltool ${unique('x')}`, municipalities: [{ cbsCode: 'GM0758', role: 'owner' }] })
  if (call) {
    await db()
      .insertInto('tool_calls')
      .values({ tool_id: tool.id, asked_nl: 'Test een half jaar mee in één wijk.', asked_en: 'Test it for six months in one district.', municipalities_needed: call.needed ?? 3, closes_on: call.closesOn ?? null })
      .execute()
  }
  return tool
}

const mailTo = (email: string) => db().selectFrom('outbox').select(['subject', 'body_text', 'locale']).where('recipient', '=', email).orderBy('id').execute()
const answersOf = (toolId: number) =>
  db().selectFrom('call_answers as a').innerJoin('tool_calls as c', 'c.id', 'a.call_id').selectAll('a').where('c.tool_id', '=', toolId).orderBy('a.id').execute()
const pilotsOf = (toolId: number) => db().selectFrom('pilots').selectAll().where('tool_id', '=', toolId).orderBy('id').execute()
const callOf = (toolId: number) => db().selectFrom('tool_calls').selectAll().where('tool_id', '=', toolId).orderBy('id', 'desc').executeTakeFirstOrThrow()

describe('opening a call', () => {
  test('the owner opens a call; refusals keep what was typed; a partner of another organisation may not', async () => {
    const tool = await selectedTool()
    const { browser: owner } = await signedIn('partner', 'GM0758', 'nl')
    const path = `/tools/${tool.slug}/call`
    assert.match((await owner.get(`/tools/${tool.slug}`)).body, new RegExp(`href="${path}">Oproep aan testgemeenten beheren<`))
    const page = await owner.get(path)
    assert.match(text(page.body), /Voor deze tool staat geen oproep open\. .*Oproep openen/)

    const empty = await owner.post(path, { ...formFields(page.body, path), municipalitiesNeeded: '3', closesOn: '2020-01-01' })
    assert.equal(empty.statusCode, 400)
    assert.match(text(empty.body), /Schrijf wat er van een gemeente gevraagd wordt/)
    assert.match(text(empty.body), /De sluitingsdatum ligt voor de openingsdatum/)
    const wrongCount = await owner.post(path, { ...formFields(page.body, path), askedNl: 'Test mee.', municipalitiesNeeded: '99' })
    assert.equal(wrongCount.statusCode, 400)
    assert.match(wrongCount.body, /Test mee\./, 'what was typed stays in the form')

    const res = await owner.post(path, { ...formFields(page.body, path), askedNl: 'Test een half jaar mee.', effortNl: 'Twee dagen per maand.', closesOn: '2099-03-01', municipalitiesNeeded: '2' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 400))
    assert.equal(res.headers.location, `${path}?done=opened`)
    const opened = text((await owner.get(res.headers.location as string)).body)
    assert.match(opened, /De oproep staat open\./)
    assert.match(opened, /Nog 2 gemeenten gezocht, antwoorden tot en met 1 maart 2099\./)
    const call = await callOf(tool.id)
    assert.deepEqual([call.status, call.asked_nl, call.effort_nl, call.municipalities_needed], ['open', 'Test een half jaar mee.', 'Twee dagen per maand.', 2])
    const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'tool_call').where('entity_id', '=', String(call.id)).execute()
    assert.deepEqual(audit.map((a) => a.action), ['call.opened'])

    const { browser: stranger } = await signedIn('partner', 'GM0344')
    const refused = await stranger.post(path, { askedNl: 'Overgenomen.', municipalitiesNeeded: '1', version: String(call.version) })
    assert.equal(refused.statusCode, 403)
    assert.equal((await callOf(tool.id)).asked_nl, 'Test een half jaar mee.')
    assert.doesNotMatch((await stranger.get(path)).body, /Oproep wijzigen/)
  })

  test('a change made on an older version is a conflict that keeps the typing; closing ends the call', async () => {
    const tool = await selectedTool({ needed: 3 })
    const { browser: curator } = await signedIn('curator')
    const path = `/tools/${tool.slug}/call`
    const page = await curator.get(path)
    const fields = formFields(page.body, path)
    assert.equal((await curator.post(path, { ...fields, askedNl: 'Eerste wijziging.' })).statusCode, 303)
    const stale = await curator.post(path, { ...fields, askedNl: 'Tweede wijziging op de oude versie.' })
    assert.equal(stale.statusCode, 409)
    assert.match(text(stale.body), /Iemand anders heeft deze oproep intussen gewijzigd of gesloten/)
    assert.match(stale.body, /Tweede wijziging op de oude versie\./)
    assert.equal((await callOf(tool.id)).asked_nl, 'Eerste wijziging.')

    const fresh = await curator.get(path)
    const closed = await curator.post(`${path}/close`, formFields(fresh.body, `${path}/close`))
    assert.equal(closed.headers.location, `${path}?done=closed`)
    assert.equal((await callOf(tool.id)).status, 'closed')
    assert.match(text((await new Browser(t.app).get(path)).body), /Voor deze tool staat geen oproep open/)
  })

  test('a tool past testing takes no call', async () => {
    const tool = await createTool(db(), { status: 'available', origin: 'city_deal', municipalities: [{ cbsCode: 'GM0758', role: 'owner' }] })
    const { browser: owner } = await signedIn('partner', 'GM0758')
    const path = `/tools/${tool.slug}/call`
    assert.match(text((await owner.get(path)).body), /Een tool met de status “Beschikbaar” zoekt geen testgemeenten meer/)
    await owner.get('/tools/share')
    const res = await owner.post(path, { askedNl: 'Toch testen?', municipalitiesNeeded: '3' })
    assert.equal(res.statusCode, 409)
    assert.equal((await db().selectFrom('tool_calls').select('id').where('tool_id', '=', tool.id).execute()).length, 0)
  })
})

describe('where open calls are shown', () => {
  test('/calls, the home page, the tool page and the API show an open call with what it still needs, in both languages', async () => {
    const tool = await selectedTool({ needed: 2, closesOn: '2099-06-30' })
    const nl = text((await new Browser(t.app).get('/calls')).body)
    assert.match(nl, new RegExp(`${tool.slug.replace(/-/g, '.')}|Deeltool`))
    assert.match(nl, /Test een half jaar mee in één wijk\. Nog 2 gemeenten gezocht, antwoorden tot en met 30 juni 2099\./)
    const en = text((await new Browser(t.app).get('/en/calls')).body)
    assert.match(en, /Test it for six months in one district\. 2 more municipalities wanted, answer by 30 June 2099/)
    assert.match((await new Browser(t.app).get('/')).body, new RegExp(`href="/tools/${tool.slug}/call"`))
    const page = text((await new Browser(t.app).get(`/en/tools/${tool.slug}`)).body)
    assert.match(page, /Call for test municipalities Test it for six months in one district\. 2 more municipalities wanted, answer by 30 June 2099\. See the call and sign up your municipality/)

    const list = (await t.app.inject({ url: '/api/v1/calls?lang=en' })).json()
    const item = list.items.find((i: { tool: { slug: string } }) => i.tool.slug === tool.slug)
    assert.deepEqual(
      { asked: item.asked, closesOn: item.closesOn, needed: item.municipalitiesNeeded, still: item.municipalitiesStillNeeded, answer: item._links.answer.href },
      { asked: { text: 'Test it for six months in one district.', language: 'en' }, closesOn: '2099-06-30', needed: 2, still: 2, answer: `${t.app.appContext.config.PUBLIC_URL}/api/v1/tools/${tool.slug}/call/answers` },
    )
    const detail = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}?lang=nl` })).json()
    assert.deepEqual(detail.call, {
      asked: { text: 'Test een half jaar mee in één wijk.', language: 'nl' },
      effort: null,
      opensOn: (await callOf(tool.id)).opens_on,
      closesOn: '2099-06-30',
      municipalitiesNeeded: 2,
      municipalitiesAccepted: 0,
      municipalitiesStillNeeded: 2,
    })
    const none = (await t.app.inject({ url: `/api/v1/tools/${(await selectedTool()).slug}` })).json()
    assert.equal(none.call, null)
  })

  test('a call past its closing date is not shown as open', async () => {
    const tool = await selectedTool()
    await db().insertInto('tool_calls').values({ tool_id: tool.id, asked_nl: 'Verlopen.', opens_on: '2020-01-01', closes_on: '2020-02-01' }).execute()
    assert.doesNotMatch((await new Browser(t.app).get('/calls')).body, new RegExp(tool.slug))
    assert.match(text((await new Browser(t.app).get(`/tools/${tool.slug}/call`)).body), /Voor deze tool staat geen oproep open/)
  })
})

describe('answering a call', () => {
  test('a member of a municipality answers in one step; the owners and curators are e-mailed; a second answer is refused', async () => {
    const tool = await selectedTool({ needed: 3 })
    const owner = await signedIn('partner', 'GM0758', 'en')
    const curator = await signedIn('curator', undefined, 'nl')
    const { browser: member } = await signedIn('partner', 'GM0344', 'nl')
    const utrecht = await organisationByCbs(db(), 'GM0344')
    const path = `/tools/${tool.slug}/call`
    const page = await member.get(path)
    assert.match(text(page.body), new RegExp(`Aanmelden als testgemeente: ${utrecht.name}`))
    const res = await member.post(`${path}/answer`, { ...formFields(page.body, `${path}/answer`), note: 'Wij kunnen in maart beginnen.' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 300))
    assert.equal(res.headers.location, `${path}?done=answered`)
    assert.match(text((await member.get(path)).body), new RegExp(`${utrecht.name} heeft zich op .* aangemeld\\. De eigenaar van de tool beslist`))
    const [answer] = await answersOf(tool.id)
    assert.deepEqual([answer!.source, answer!.status, answer!.note, answer!.municipality_id, answer!.locale], ['member', 'open', 'Wij kunnen in maart beginnen.', utrecht.id, 'nl'])

    const [toOwner] = await mailTo(owner.user.email)
    assert.equal(toOwner!.subject, `Test municipality answer: ${utrecht.name} for Test tool ${tool.slug}`)
    assert.match(toOwner!.body_text, /Wij kunnen in maart beginnen\.[\s\S]*\/en\/tools\/.*\/call/)
    assert.equal((await mailTo(curator.user.email))[0]!.locale, 'nl')

    const { browser: colleague } = await signedIn('partner', 'GM0344')
    // The page shows the answer given; a post from an older page is refused all the same.
    await colleague.get('/tools/share')
    const again = await colleague.post(`${path}/answer`, {})
    assert.equal(again.statusCode, 409)
    assert.match(text(again.body), new RegExp(`${utrecht.name} heeft zich al voor deze oproep aangemeld`))
    assert.equal((await answersOf(tool.id)).length, 1)
  })

  test('a member of an organisation that is not a municipality cannot answer', async () => {
    const tool = await selectedTool({})
    const network = await db().selectFrom('organisations').select(['id', 'name']).where('name', '=', 'Amsterdam Smart City').executeTakeFirstOrThrow()
    const user = await createUser(db(), { role: 'partner', email: `${unique('asc')}@example.org` })
    await db().updateTable('users').set({ organisation_id: network.id }).where('id', '=', user.id).execute()
    const browser = new Browser(t.app).withSession(await sessionCookie(db(), user.id))
    const path = `/tools/${tool.slug}/call`
    assert.match(text((await browser.get(path)).body), /Alleen gemeenten melden zich aan als testgemeente; Amsterdam Smart City is geen gemeente/)
    const res = await browser.post(`${path}/answer`, { note: 'Toch?' })
    assert.equal(res.statusCode, 403)
    assert.equal((await answersOf(tool.id)).length, 0)
  })

  test('the public form: CSRF, honeypot, a municipality by name, contact details for the owner only', async () => {
    const tool = await selectedTool({ needed: 2 })
    const owner = await signedIn('partner', 'GM0758')
    const path = `/tools/${tool.slug}/call`
    const visitor = new Browser(t.app)
    const page = await visitor.get(path)
    assert.match(page.body, /<datalist id="call-municipalities">/)
    const fields = formFields(page.body, `${path}/answer`)
    const typed = { ...fields, name: 'Fatima de Vries', municipality: 'Gemeente Zwolle', email: 'f.devries@zwolle.example', note: 'Graag!' }

    const noCsrf = await new Browser(t.app).post(`${path}/answer`, typed, { csrf: false })
    assert.equal(noCsrf.statusCode, 403)
    const robot = await visitor.post(`${path}/answer`, { ...typed, homepage: 'http://spam.example' })
    assert.equal(robot.headers.location, `${path}?done=thanks`)
    assert.equal((await answersOf(tool.id)).length, 0)

    const province = await visitor.post(`${path}/answer`, { ...typed, municipality: 'Provincie Utrecht' })
    assert.equal(province.statusCode, 400)
    assert.match(text(province.body), /is geen gemeente/)
    assert.match(province.body, /Fatima de Vries/)
    const unknown = await visitor.post(`${path}/answer`, { ...typed, municipality: 'Zwollle' })
    assert.equal(unknown.statusCode, 400)
    assert.match(text(unknown.body), /Zwolle/, 'suggests the municipality meant')

    const res = await visitor.post(`${path}/answer`, typed)
    assert.equal(res.headers.location, `${path}?done=thanks`, text(res.body).slice(0, 300))
    const [answer] = await answersOf(tool.id)
    const zwolle = await organisationByCbs(db(), 'GM0193')
    assert.deepEqual([answer!.source, answer!.municipality_id, answer!.contact_name, answer!.contact_email], ['public', zwolle.id, 'Fatima de Vries', 'f.devries@zwolle.example'])
    assert.doesNotMatch((await new Browser(t.app).get(path)).body, /f\.devries|Fatima/)
    assert.doesNotMatch(JSON.stringify((await t.app.inject({ url: `/api/v1/tools/${tool.slug}` })).json()), /f\.devries|Fatima/)
    assert.match(text((await owner.browser.get(path)).body), /Zwolle – wacht op besluit Aangemeld op .* via het openbare formulier door Fatima de Vries (<|&lt;)f\.devries@zwolle\.example(>|&gt;) Graag!/)
    assert.equal((await mailTo('f.devries@zwolle.example')).length, 0, 'nothing is sent to a typed address before a decision')
  })
})

describe('deciding on answers', () => {
  async function answered(needed: number, cbsCodes: string[]) {
    const tool = await selectedTool({ needed })
    const call = await callOf(tool.id)
    for (const cbs of cbsCodes) {
      const org = await organisationByCbs(db(), cbs)
      await db().insertInto('call_answers').values({ call_id: call.id, municipality_id: org.id, source: 'public', contact_name: 'Contact', contact_email: `${cbs.toLowerCase()}@example.org`, locale: 'en' }).execute()
    }
    return { tool, answers: await answersOf(tool.id) }
  }

  test('accepting commits a pilot and e-mails the answerer, the municipality, the owners and the curators; enough closes the call', async () => {
    const { tool, answers } = await answered(2, ['GM0344', 'GM0772'])
    const owner = await signedIn('partner', 'GM0758', 'nl')
    const municipalityMember = await signedIn('partner', 'GM0344', 'en')
    const path = `/tools/${tool.slug}/call`
    const page = await owner.browser.get(path)
    const first = await owner.browser.post(`${path}/answers/${answers[0]!.id}`, formFields(page.body, `${path}/answers/${answers[0]!.id}`))
    assert.equal(first.headers.location, `${path}?done=accepted`, text(first.body).slice(0, 300))
    const [pilot] = await pilotsOf(tool.id)
    assert.deepEqual([pilot!.status, pilot!.municipality_id, pilot!.call_id], ['committed', answers[0]!.municipality_id, answers[0]!.call_id])
    assert.equal((await callOf(tool.id)).status, 'open')
    assert.match((await mailTo('gm0344@example.org'))[0]!.subject, /^Your municipality takes part: /)
    assert.match((await mailTo(municipalityMember.user.email))[0]!.subject, /^Your municipality takes part: /)
    assert.match((await mailTo(owner.user.email)).at(-1)!.body_text, /De oproep blijft open\./)
    assert.match(text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body), /Toegezegd/)

    const declined = await owner.browser.post(`${path}/answers/${answers[1]!.id}`, { _csrf: owner.browser.csrf, decision: 'decline' })
    assert.equal(declined.headers.location, `${path}?done=declined`)
    assert.match((await mailTo('gm0772@example.org'))[0]!.subject, /^Answer declined: /)
    assert.equal((await pilotsOf(tool.id)).length, 1)

    const again = await owner.browser.post(`${path}/answers/${answers[0]!.id}`, { _csrf: owner.browser.csrf, decision: 'accept' })
    assert.equal(again.statusCode, 409)
    assert.match(text(again.body), /Over deze aanmelding is al beslist/)

    // A third municipality answers and is accepted: the call has its two and closes.
    const eindhovenLate = await organisationByCbs(db(), 'GM0599')
    await db().insertInto('call_answers').values({ call_id: answers[0]!.call_id, municipality_id: eindhovenLate.id, source: 'public', contact_name: 'C', contact_email: 'late@example.org' }).execute()
    const late = (await answersOf(tool.id)).at(-1)!
    await owner.browser.get(path)
    assert.equal((await owner.browser.post(`${path}/answers/${late.id}`, { _csrf: owner.browser.csrf, decision: 'accept' })).statusCode, 303)
    assert.equal((await callOf(tool.id)).status, 'closed')
    assert.match((await mailTo(owner.user.email)).at(-1)!.body_text, /De oproep heeft nu genoeg gemeenten en is gesloten\./)
    const actions = (await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'tool').where('entity_id', '=', String(tool.id)).execute()).map((a) => a.action)
    assert.deepEqual(actions, ['tool.pilot_committed', 'tool.pilot_committed'])
  })

  test('two curators accepting the same answer at once make one pilot; two answers from one municipality at once keep one', async () => {
    const { tool, answers } = await answered(3, ['GM0344'])
    const path = `/tools/${tool.slug}/call`
    const curators = await Promise.all([signedIn('curator'), signedIn('curator')])
    await Promise.all(curators.map((c) => c.browser.get(path)))
    const results = await Promise.all(curators.map((c) => c.browser.post(`${path}/answers/${answers[0]!.id}`, { _csrf: c.browser.csrf, decision: 'accept' })))
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409])
    assert.equal((await pilotsOf(tool.id)).length, 1)

    const members = await Promise.all([signedIn('partner', 'GM0363'), signedIn('partner', 'GM0363')])
    await Promise.all(members.map((m) => m.browser.get(path)))
    const both = await Promise.all(members.map((m) => m.browser.post(`${path}/answer`, { _csrf: m.browser.csrf, note: 'Wij!' })))
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [303, 409])
    assert.equal((await answersOf(tool.id)).filter((a) => a.source === 'member').length, 1)
  })

  test('three accepted answers let the tool through the gate into development', async () => {
    const { tool, answers } = await answered(3, ['GM0344', 'GM0772', 'GM0599'])
    const { browser: owner } = await signedIn('partner', 'GM0758')
    const path = `/tools/${tool.slug}/call`
    const before = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}?lang=en` })).json()
    assert.match(before.gate.missing[0].text, /^0 of 3 test municipalities committed/)
    await owner.get(path)
    for (const a of answers) assert.equal((await owner.post(`${path}/answers/${a.id}`, { _csrf: owner.csrf, decision: 'accept' })).statusCode, 303)
    const after = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}?lang=en` })).json()
    assert.deepEqual([after.gate.missing, after.gate.committed, after.call], [[], 3, null])
  })

  test('a municipality that tests the tool already cannot answer again', async () => {
    const tool = await createTool(db(), {
      status: 'selected',
      origin: 'city_deal',
      municipalities: [{ cbsCode: 'GM0758', role: 'owner' }, { cbsCode: 'GM0344', role: 'test_municipality' }],
    })
    await db().insertInto('tool_calls').values({ tool_id: tool.id, asked_en: 'Join us.' }).execute()
    const visitor = new Browser(t.app)
    const path = `/tools/${tool.slug}/call`
    await visitor.get(path)
    const res = await visitor.post(`${path}/answer`, { _csrf: visitor.csrf, name: 'Jan', municipality: 'Utrecht', email: 'jan@example.org' })
    assert.equal(res.statusCode, 409)
    assert.match(text(res.body), /test deze tool al/)
  })
})

describe('POST /api/v1/tools/{slug}/call/answers', () => {
  test('answers like the public form: 201 with what the call still needs, problems per field, 404 and 409', async () => {
    const tool = await selectedTool({ needed: 2, closesOn: '2099-01-31' })
    const post = (slug: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/v1/tools/${slug}/call/answers`, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } })
    const ok = await post(tool.slug, { name: 'Piet', municipality: 'Zwolle', email: 'piet@zwolle.example', note: 'Via de API.', locale: 'en' })
    assert.equal(ok.statusCode, 201, ok.body)
    assert.deepEqual(ok.json(), { status: 'open', municipality: 'Zwolle', tool: tool.slug, municipalitiesStillNeeded: 2, closesOn: '2099-01-31' })
    assert.equal(ok.headers.location, `${t.app.appContext.config.PUBLIC_URL}/en/tools/${tool.slug}/call`)
    assert.equal((await answersOf(tool.id))[0]!.locale, 'en')

    const twice = await post(tool.slug, { name: 'Piet', municipality: 'Zwolle', email: 'piet@zwolle.example' }, { 'accept-language': 'en' })
    assert.equal(twice.statusCode, 409)
    assert.match(twice.json().detail ?? twice.json().title, /already answered/)
    const bad = await post(tool.slug, { name: '', municipality: 'Zwolle', email: 'geen-adres' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(bad.json().invalidParams.map((p: { name: string }) => p.name).sort(), ['email', 'name'])
    assert.equal((await post('no-such-tool', { name: 'A', municipality: 'Zwolle', email: 'a@example.org' })).statusCode, 404)
    assert.equal((await post((await selectedTool()).slug, { name: 'A', municipality: 'Zwolle', email: 'a@example.org' })).statusCode, 409)
    assert.equal((await post(tool.slug, { name: 'A', municipality: 'Zwolle', email: 'a@example.org', extra: 1 })).statusCode, 400)
  })
})
