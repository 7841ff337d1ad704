import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, organisationByCbs, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Initiatives of others: the tool page says whose initiative it is and who is involved; a partner asks to be
// involved; the curators and the organising party hear of it and accept or decline.

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

/** An initiative of others organised by Amsterdam, with partners at the given depth (by CBS code). */
async function initiative(partners: Record<string, string> = {}, names: { name_nl?: string; name_en?: string } = {}) {
  const tool = await createTool(db(), {
    origin: 'others_initiative',
    ...names,
    municipalities: [{ cbsCode: 'GM0363', role: 'organising_party' }, ...Object.keys(partners).map((cbsCode) => ({ cbsCode, role: 'partner' }))],
  })
  for (const [cbsCode, involvement] of Object.entries(partners)) {
    const org = await organisationByCbs(db(), cbsCode)
    await db().updateTable('tool_organisations').set({ involvement }).where('tool_id', '=', tool.id).where('organisation_id', '=', org.id).execute()
  }
  return tool
}

const requestsOf = (toolId: number) => db().selectFrom('involvement_requests').selectAll().where('tool_id', '=', toolId).orderBy('id').execute()
const mailTo = (email: string) => db().selectFrom('outbox').selectAll().where('recipient', '=', email).orderBy('id').execute()
const partnersOf = (toolId: number) =>
  db().selectFrom('tool_organisations').select(['organisation_id', 'involvement']).where('tool_id', '=', toolId).where('role', '=', 'partner').orderBy('organisation_id').execute()

describe('the tool page of an initiative of others', () => {
  test('says plainly whose initiative it is and which partners are involved how closely, in both languages', async () => {
    const tool = await initiative({ GM0772: 'informed', GM0599: 'lead' })
    const [amsterdam, rotterdam, eindhoven] = await Promise.all([organisationByCbs(db(), 'GM0363'), organisationByCbs(db(), 'GM0599'), organisationByCbs(db(), 'GM0772')])
    const nl = text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body)
    assert.match(nl, new RegExp(`Initiatief van ${amsterdam.name} ; betrokken partners: ${rotterdam.name} \\(trekker\\), ${eindhoven.name} \\(geïnformeerd\\)\\.`))
    const en = text((await new Browser(t.app).get(`/en/tools/${tool.slug}`)).body)
    assert.match(en, new RegExp(`An initiative of ${amsterdam.name} ; partners involved: ${rotterdam.name} \\(lead\\), ${eindhoven.name} \\(informed\\)\\.`))

    const bare = await createTool(db(), { origin: 'others_initiative' })
    assert.match(text((await new Browser(t.app).get(`/tools/${bare.slug}`)).body), /Initiatief van anderen; de organiserende partij is nog niet vastgelegd; nog geen betrokken partners\./)
    const own = await createTool(db(), { origin: 'city_deal' })
    assert.doesNotMatch(text((await new Browser(t.app).get(`/tools/${own.slug}`)).body), /Initiatief van/)
  })
})

describe('asking to be involved', () => {
  test('a partner asks; the curators and the organiser’s members are e-mailed in their language; a second open request is refused', async () => {
    const tool = await initiative({}, { name_nl: 'Buurtbatterij-aanpak', name_en: 'Neighbourhood battery approach' })
    const utrecht = await organisationByCbs(db(), 'GM0344')
    const curatorNl = await signedIn('curator', undefined, 'nl')
    const curatorEn = await signedIn('curator', undefined, 'en')
    const organiser = await signedIn('partner', 'GM0363', 'en')
    const formerOrganiser = await signedIn('partner', 'GM0363', 'nl')
    await db().updateTable('users').set({ active: false }).where('id', '=', formerOrganiser.user.id).execute()
    const { browser: member, user: requester } = await signedIn('partner', 'GM0344', 'nl')

    assert.match((await member.get(`/tools/${tool.slug}`)).body, new RegExp(`href="/tools/${tool.slug}/involvement">Om betrokkenheid vragen<`))
    assert.doesNotMatch((await new Browser(t.app).get(`/tools/${tool.slug}`)).body, /\/involvement"/)
    const path = `/tools/${tool.slug}/involvement`
    const page = await member.get(path)
    assert.match(text(page.body), new RegExp(`Vragen om betrokkenheid namens ${utrecht.name}`))
    const res = await member.post(path, { ...formFields(page.body, path), involvement: 'active', note: 'Wij draaien al een buurtbatterij in Overvecht.' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 400))
    assert.equal(res.headers.location, `${path}?done=sent`)
    const after = text((await member.get(res.headers.location as string)).body)
    assert.match(after, /Uw verzoek is verstuurd/)
    assert.match(after, new RegExp(`Het verzoek van ${utrecht.name} van .* \\(actief betrokken\\) staat open`))

    const [request] = await requestsOf(tool.id)
    assert.deepEqual([request?.organisation_id, request?.involvement, request?.status, request?.requested_by_user_id], [utrecht.id, 'active', 'open', requester.id])
    const [nl] = await mailTo(curatorNl.user.email)
    assert.equal(nl?.subject, `Verzoek om betrokkenheid: ${utrecht.name} bij Buurtbatterij-aanpak`)
    assert.match(nl!.body_text, /Gevraagde betrokkenheid: actief betrokken/)
    assert.match(nl!.body_text, /Wij draaien al een buurtbatterij in Overvecht\./)
    assert.ok(nl!.body_text.includes(`http://toolbox.test/tools/${tool.slug}/involvement`))
    for (const english of [curatorEn.user.email, organiser.user.email]) {
      const [mail] = await mailTo(english)
      assert.equal(mail?.subject, `Request to be involved: ${utrecht.name} in Neighbourhood battery approach`, english)
      assert.match(mail!.body_text, /Involvement asked for: actively involved/)
      assert.ok(mail!.body_text.includes(`http://toolbox.test/en/tools/${tool.slug}/involvement`))
    }
    assert.deepEqual(await mailTo(formerOrganiser.user.email), [], 'an inactive account hears nothing')
    assert.deepEqual(await mailTo(requester.email), [])

    // One open request per tool and organisation: a colleague sees it open; posting anyway says so.
    const { browser: colleague } = await signedIn('partner', 'GM0344', 'en')
    const second = await colleague.get(`/en${path}`)
    assert.match(text(second.body), new RegExp(`The request of ${utrecht.name} of .* \\(actively involved\\) is open`))
    await colleague.get('/en/password/forgot') // a CSRF token, as a form opened earlier would have given
    const refused = await colleague.post(`/en${path}`, { involvement: 'lead' })
    assert.equal(refused.statusCode, 409)
    assert.match(text(refused.body), new RegExp(`A request of ${utrecht.name} is open already`))
    assert.equal((await requestsOf(tool.id)).length, 1)
  })

  test('two requests of one organisation at once: one is open, the other is told so', async () => {
    const tool = await initiative()
    const a = (await signedIn('partner', 'GM0599')).browser
    const b = (await signedIn('partner', 'GM0599')).browser
    const path = `/tools/${tool.slug}/involvement`
    await Promise.all([a.get(path), b.get(path)])
    const results = await Promise.all([a.post(path, { involvement: 'informed' }), b.post(path, { involvement: 'active' })])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409])
    assert.equal((await requestsOf(tool.id)).filter((r) => r.status === 'open').length, 1)
  })

  test('refused with a reason: not an initiative of others, the organiser itself, a partner already that involved, bad input', async () => {
    const member = (await signedIn('partner', 'GM0344')).browser
    const existing = await createTool(db())
    // The page says so without a form; a post anyway (with a token from another form) is refused with the reason.
    assert.match(text((await member.get(`/tools/${existing.slug}/involvement`)).body), /Om betrokkenheid vragen kan alleen bij initiatieven van anderen/)
    await member.get('/password/forgot')
    const notInitiative = await member.post(`/tools/${existing.slug}/involvement`, { involvement: 'active' })
    assert.equal(notInitiative.statusCode, 400)
    assert.match(text(notInitiative.body), /Om betrokkenheid vragen kan alleen bij initiatieven van anderen/)

    const tool = await initiative({ GM0344: 'informed' })
    const amsterdam = await organisationByCbs(db(), 'GM0363')
    const organiser = (await signedIn('partner', 'GM0363')).browser
    assert.match(text((await organiser.get(`/tools/${tool.slug}/involvement`)).body), new RegExp(`${amsterdam.name} is de organiserende partij van dit initiatief`))
    await organiser.get('/password/forgot') // a CSRF token: the page itself has no form for the organiser
    const own = await organiser.post(`/tools/${tool.slug}/involvement`, { involvement: 'lead' })
    assert.equal(own.statusCode, 400)
    const already = await member.post(`/en/tools/${tool.slug}/involvement`, { involvement: 'informed' })
    assert.equal(already.statusCode, 400)
    assert.match(text(already.body), /is already involved as a partner \(informed\)/)
    const bad = await member.post(`/en/tools/${tool.slug}/involvement`, { involvement: 'boss', note: 'x'.repeat(2001) })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Involvement: /)
    assert.match(text(bad.body), /Note: May be at most 2000 characters long/)
    assert.deepEqual(await requestsOf(tool.id), [])
    // Closer involvement than now is a request of its own.
    assert.equal((await member.post(`/tools/${tool.slug}/involvement`, { involvement: 'lead' })).statusCode, 303)
  })
})

describe('deciding on a request', () => {
  test('the organiser accepts: the partner role with that involvement, the version counted up (an open editor gets a conflict), the requester told', async () => {
    const tool = await initiative({}, { name_nl: 'Warmtetransitie-atlas', name_en: 'Heat transition atlas' })
    const utrecht = await organisationByCbs(db(), 'GM0344')
    const { browser: member, user: requester } = await signedIn('partner', 'GM0344', 'nl')
    const path = `/tools/${tool.slug}/involvement`
    await member.get(path)
    assert.equal((await member.post(path, { involvement: 'contributing' })).statusCode, 303)

    const curator = (await signedIn('curator')).browser
    const editorPath = `/tools/${tool.slug}/edit/organisations`
    const editorForm = formFields((await curator.get(editorPath)).body, editorPath)

    const organiser = (await signedIn('partner', 'GM0363', 'en')).browser
    assert.match((await organiser.get(`/en/tools/${tool.slug}`)).body, new RegExp(`href="/en/tools/${tool.slug}/involvement">Requests to be involved<`))
    const list = await organiser.get(`/en${path}`)
    assert.match(text(list.body), new RegExp(`Open requests ${utrecht.name}, .*: contributing`))
    const [request] = await requestsOf(tool.id)
    const decide = `/en${path}/${request!.id}/decide`
    const accepted = await organiser.post(decide, formFields(list.body, decide))
    assert.equal(accepted.statusCode, 303)
    assert.equal(accepted.headers.location, `/en${path}?done=accepted`)
    assert.match(text((await organiser.get(accepted.headers.location as string)).body), /The request has been accepted/)

    assert.deepEqual(await partnersOf(tool.id), [{ organisation_id: utrecht.id, involvement: 'contributing' }])
    assert.equal((await requestsOf(tool.id))[0]?.status, 'accepted')
    assert.equal((await db().selectFrom('tools').select('version').where('id', '=', tool.id).executeTakeFirstOrThrow()).version, 2)
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_role']).where('entity_type', '=', 'tool').where('entity_id', '=', String(tool.id)).execute()
    assert.deepEqual(audit, [{ action: 'tool.partner_added', actor_role: 'partner' }])
    const [mail] = await mailTo(requester.email)
    assert.equal(mail?.subject, 'Verzoek aanvaard: Warmtetransitie-atlas')
    assert.match(mail!.body_text, new RegExp(`${utrecht.name} is nu als partner betrokken bij “Warmtetransitie-atlas” \\(levert bijdrage\\)`))
    assert.match(text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body), new RegExp(`betrokken partners: ${utrecht.name} \\(levert bijdrage\\)`))

    // The editor who had the organisations open gets a conflict instead of removing the new partner.
    const conflict = await curator.post(editorPath, editorForm)
    assert.equal(conflict.statusCode, 409)
    assert.match(text(conflict.body), /partner toegevoegd \(gewijzigd: Organisaties\)/)
    // Deciding again: it has been decided.
    const again = await organiser.post(decide, { decision: 'decline' })
    assert.equal(again.statusCode, 409)
    assert.match(text(again.body), /This request has already been decided/)
    assert.deepEqual(await partnersOf(tool.id), [{ organisation_id: utrecht.id, involvement: 'contributing' }])
  })

  test('a curator declines: no role, the requester is told in their language, and may ask again later', async () => {
    const tool = await initiative({}, { name_nl: 'Deelmobiliteit-kompas', name_en: 'Shared mobility compass' })
    const { browser: member, user: requester } = await signedIn('partner', 'GM0772', 'en')
    const path = `/tools/${tool.slug}/involvement`
    await member.get(path)
    assert.equal((await member.post(path, { involvement: 'lead' })).statusCode, 303)
    const curator = (await signedIn('curator')).browser
    const list = await curator.get(path)
    const [request] = await requestsOf(tool.id)
    const declined = await curator.post(`${path}/${request!.id}/decide`, { ...formFields(list.body, `${path}/${request!.id}/decide`), decision: 'decline' })
    assert.equal(declined.statusCode, 303)
    assert.match(text((await curator.get(declined.headers.location as string)).body), /Het verzoek is afgewezen/)
    assert.deepEqual(await partnersOf(tool.id), [])
    assert.equal((await requestsOf(tool.id))[0]?.status, 'declined')
    const [mail] = await mailTo(requester.email)
    assert.equal(mail?.subject, 'Request declined: Shared mobility compass')
    assert.match(mail!.body_text, /has been declined/)
    assert.equal((await db().selectFrom('tools').select('version').where('id', '=', tool.id).executeTakeFirstOrThrow()).version, 1)
    await member.get(path)
    assert.equal((await member.post(path, { involvement: 'active' })).statusCode, 303)
  })

  test('others may not decide: 401 for nobody, 403 for a partner of another organisation; an unknown request is not found', async () => {
    const tool = await initiative()
    const { browser: member } = await signedIn('partner', 'GM0344')
    const path = `/tools/${tool.slug}/involvement`
    await member.get(path)
    await member.post(path, { involvement: 'active' })
    const [request] = await requestsOf(tool.id)
    const stranger = (await signedIn('partner', 'GM0599')).browser
    const page = await stranger.get(path)
    assert.doesNotMatch(page.body, /\/decide"/)
    assert.equal((await stranger.post(`${path}/${request!.id}/decide`, { decision: 'accept' })).statusCode, 403)
    assert.equal((await member.post(`${path}/${request!.id}/decide`, { decision: 'accept' })).statusCode, 403, 'not one’s own request either')
    const anonymous = new Browser(t.app)
    assert.equal((await anonymous.get(path)).statusCode, 401)
    const curator = (await signedIn('curator')).browser
    await curator.get(path)
    assert.equal((await curator.post(`${path}/999999999/decide`, { decision: 'accept' })).statusCode, 404)
    assert.equal((await curator.post(`${path}/abc/decide`, { decision: 'accept' })).statusCode, 404)
    assert.equal((await curator.post(`${path}/${request!.id}/decide`, { decision: 'maybe' })).statusCode, 400)
    assert.equal((await requestsOf(tool.id))[0]?.status, 'open')
  })
})
