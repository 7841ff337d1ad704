import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import ICAL from 'ical.js'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, partnerOrganisation, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Gatherings: curators plan them (Dutch date and times, stored as moments), keep a nested agenda, documents and
// minutes with attendance; members of a current partner register who of their own organisation attends; every
// gathering is an .ics file and all together a feed, both read back here with ical.js (a standard parser).

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())
beforeEach(async () => {
  await sql`update partnerships set until = since where until is null or until > since`.execute(db())
})

const browserOf = async (user: { id: number }) => new Browser(t.app).withSession(await sessionCookie(db(), user.id))
async function member(organisationId: number, locale: 'nl' | 'en' = 'nl', name = unique('Lid')) {
  const user = await createUser(db(), { role: 'partner', organisationId, locale, name, email: `${unique('member')}@example.org` })
  return { user, browser: await browserOf(user) }
}
const curator = async () => browserOf(await createUser(db(), { role: 'curator', email: `${unique('curator')}@example.org` }))

async function submit(browser: Browser, page: string, action: string, fields: Record<string, string | string[]>) {
  const shown = await browser.get(page)
  assert.equal(shown.statusCode, 200, text(shown.body).slice(0, 300))
  return browser.post(action, { ...formFields(shown.body, action), ...fields })
}

async function plan(browser: Browser, fields: Record<string, string> = {}) {
  const res = await submit(browser, '/gatherings/new', '/gatherings', {
    titleNl: unique('Partneroverleg'),
    titleEn: 'Partner meeting',
    date: '2099-06-15',
    startTime: '13:30',
    endTime: '16:00',
    place: 'Stadhuis Utrecht, zaal 2; Stadsplateau 1, Utrecht',
    onlineUrl: 'https://meet.example.org/partners',
    ...fields,
  })
  assert.equal(res.statusCode, 303, text(res.body).slice(0, 500))
  const slug = /\/gatherings\/([a-z0-9-]+)\?done=created/.exec(res.headers.location as string)![1]!
  return { slug, id: (await db().selectFrom('gatherings').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id }
}

describe('planning a gathering', () => {
  test('Dutch times are stored as moments and shown in Dutch time; the partners are told in their language; bad input keeps what was typed', async () => {
    const org = await partnerOrganisation(db())
    const { user: en } = await member(org.id, 'en')
    const cur = await curator()
    const bad = await submit(cur, '/gatherings/new', '/gatherings', { titleNl: 'Overleg', titleEn: 'Meeting', date: '2099-06-15', startTime: '16:00', endTime: '9:00', place: '' })
    assert.equal(bad.statusCode, 400)
    const badText = text(bad.body)
    assert.match(badText, /De eindtijd ligt voor de begintijd/)
    assert.match(badText, /Geef een plaats of een link/)
    assert.match(bad.body, /value="Overleg"/)

    const { slug, id } = await plan(cur)
    const row = await db().selectFrom('gatherings').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    // 15 June is summer time: 13:30 in Utrecht is 11:30 UTC.
    assert.equal(new Date(row.starts_at).toISOString(), '2099-06-15T11:30:00.000Z')
    assert.equal(new Date(row.ends_at).toISOString(), '2099-06-15T14:00:00.000Z')
    const page = text((await new Browser(t.app).get(`/en/gatherings/${slug}`)).body)
    assert.match(page, /15 June 2099, 13:30–16:00 \(Dutch time\)/)
    const mails = await db().selectFrom('outbox').select(['subject', 'body_text']).where('recipient', '=', en.email).execute()
    assert.equal(mails.length, 1)
    assert.equal(mails[0]!.subject, 'Gathering of the partners: Partner meeting')
    assert.match(mails[0]!.body_text, /15 June 2099 at 13:30 \(Dutch time\)/)
    assert.match(mails[0]!.body_text, new RegExp(`/en/gatherings/${slug}`))
    assert.match(text((await new Browser(t.app).get('/gatherings')).body), /Komende bijeenkomsten/)

    // Changed at an old version: refused, what was typed kept.
    const edit = await cur.get(`/gatherings/${slug}/edit`)
    const fields = formFields(edit.body, `/gatherings/${slug}`)
    assert.equal((await cur.post(`/gatherings/${slug}`, { ...fields, endTime: '17:00' })).statusCode, 303)
    const stale = await cur.post(`/gatherings/${slug}`, { ...fields, titleEn: 'Stale title' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /value="Stale title"/)
  })
})

describe('the agenda', () => {
  test('items in order, sub-items under their main item; a sub-item first is refused; decision items stay', async () => {
    const cur = await curator()
    const { slug } = await plan(cur)
    const refused = await submit(cur, `/gatherings/${slug}/agenda`, `/gatherings/${slug}/agenda`, { 'item-0-nl': 'Welkom', 'item-0-en': 'Welcome', 'item-0-level': 'sub' })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Een subpunt hoort onder een hoofdpunt/)
    assert.match(refused.body, /value="Welkom"/)
    const saved = await submit(cur, `/gatherings/${slug}/agenda`, `/gatherings/${slug}/agenda`, {
      'item-0-nl': 'Opening',
      'item-0-en': 'Opening',
      'item-0-level': 'main',
      'item-1-nl': 'Voorstellen',
      'item-1-en': 'Proposals',
      'item-1-level': 'main',
      'item-2-nl': 'Zonnedakenwijzer',
      'item-2-en': 'Solar roof guide',
      'item-2-level': 'sub',
      'item-3-nl': 'Hittekaart',
      'item-3-en': 'Heat map',
      'item-3-level': 'sub',
      'item-4-nl': 'Rondvraag',
      'item-4-en': 'Any other business',
      'item-4-level': 'main',
    })
    assert.equal(saved.statusCode, 303)
    const page = (await new Browser(t.app).get(`/en/gatherings/${slug}`)).body
    const agenda = /<ol class="citydeal-agenda">([\s\S]*?)<\/ol><\/li><li>Any/.exec(page)?.[1] ?? ''
    assert.match(text(agenda), /Opening Proposals Solar roof guide Heat map/)
    assert.match(page, /<li>Proposals<ol class="citydeal-agenda__sub"><li>Solar roof guide<\/li><li>Heat map<\/li><\/ol><\/li>/)
    const items = await db().selectFrom('gathering_agenda_items').select(['title_en', 'parent_id', 'position', 'id']).where('gathering_id', '=', (await db().selectFrom('gatherings').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id).orderBy('position').execute()
    assert.deepEqual(items.map((i) => i.title_en), ['Opening', 'Proposals', 'Solar roof guide', 'Heat map', 'Any other business'])
    assert.equal(items[2]!.parent_id, items[1]!.id)
    assert.equal(items[4]!.parent_id, null)
  })
})

describe('registration', () => {
  test('a member registers colleagues of their own organisation only; non-partners are refused; each organisation shows who attends', async () => {
    const [a, b] = [await partnerOrganisation(db()), await partnerOrganisation(db())]
    const { slug } = await plan(await curator())
    const first = await member(a.id, 'nl', 'Anna Aanwezig')
    const colleague = await member(a.id, 'nl', 'Bram Collega')
    const other = await member(b.id, 'nl', 'Cor Ander')
    const ok = await submit(first.browser, `/gatherings/${slug}`, `/gatherings/${slug}/registrations`, { attendees: [String(first.user.id), String(colleague.user.id)] })
    assert.equal(ok.statusCode, 303)
    // A colleague of another organisation cannot be registered.
    const foreign = await submit(first.browser, `/gatherings/${slug}`, `/gatherings/${slug}/registrations`, { attendees: [String(other.user.id)] })
    assert.equal(foreign.statusCode, 403)
    // A member of a non-partner is refused with the reason; so is an account without organisation.
    const outsider = await db().insertInto('organisations').values({ slug: unique('outsider'), name: unique('Buitenstaander'), kind: 'company' }).returning(['id', 'name']).executeTakeFirstOrThrow()
    const stranger = await member(outsider.id)
    await stranger.browser.get('/password/forgot')
    const refused = await stranger.browser.post(`/gatherings/${slug}/registrations`, { attendees: String(stranger.user.id) })
    assert.equal(refused.statusCode, 403)
    assert.match(text(refused.body), new RegExp(`${outsider.name} is nu geen partner`))
    // B registers itself.
    assert.equal((await submit(other.browser, `/gatherings/${slug}`, `/gatherings/${slug}/registrations`, { attendees: String(other.user.id) })).statusCode, 303)
    const signedIn = text((await first.browser.get(`/gatherings/${slug}`)).body)
    assert.match(signedIn, new RegExp(`${a.name} Anna Aanwezig, Bram Collega`))
    assert.match(signedIn, new RegExp(`${b.name} Cor Ander`))
    const visitor = text((await new Browser(t.app).get(`/gatherings/${slug}`)).body)
    assert.match(visitor, new RegExp(`${a.name} 2`))
    assert.doesNotMatch(visitor, /Anna Aanwezig/)
    // Unticking everyone withdraws the organisation.
    assert.equal((await submit(colleague.browser, `/gatherings/${slug}`, `/gatherings/${slug}/registrations`, { attendees: [] })).statusCode, 303)
    const rows = await db().selectFrom('gathering_registrations as r').innerJoin('gatherings as g', 'g.id', 'r.gathering_id').select('r.user_id').where('g.slug', '=', slug).execute()
    assert.deepEqual(rows.map((r) => r.user_id), [other.user.id])
  })

  test('a past gathering takes no registrations; its minutes (both languages), attendance and documents are shown', async () => {
    const [a, b] = [await partnerOrganisation(db()), await partnerOrganisation(db())]
    const cur = await curator()
    const { slug, id } = await plan(cur)
    await db().updateTable('gatherings').set({ starts_at: new Date('2026-03-10T13:00:00Z'), ends_at: new Date('2026-03-10T15:00:00Z') }).where('id', '=', id).execute()
    const m = await member(a.id)
    await m.browser.get('/password/forgot')
    const late = await m.browser.post(`/gatherings/${slug}/registrations`, { attendees: String(m.user.id) })
    assert.equal(late.statusCode, 409)
    assert.match(text(late.body), /Deze bijeenkomst is voorbij/)

    const refused = await submit(cur, `/gatherings/${slug}/minutes`, `/gatherings/${slug}/minutes`, { minutesNl: 'Besproken.', attendance: ['999999999'] })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Besproken\./)
    const saved = await submit(cur, `/gatherings/${slug}/minutes`, `/gatherings/${slug}/minutes`, {
      minutesNl: 'De partners bespraken de hittekaart.\n\nBesloten: verder met de pilot.',
      minutesEn: 'The partners discussed the heat map.\n\nDecided: continue with the pilot.',
      attendance: [String(a.id), String(b.id)],
    })
    assert.equal(saved.statusCode, 303)
    const docs = await submit(cur, `/gatherings/${slug}/documents`, `/gatherings/${slug}/documents`, { 'doc-0-title': 'Notitie hittekaart', 'doc-0-url': 'https://example.org/hittekaart.pdf', 'doc-1-title': 'Zonder adres' })
    assert.equal(docs.statusCode, 400)
    assert.match(text(docs.body), /Webadres van stuk 2/)
    assert.equal((await submit(cur, `/gatherings/${slug}/documents`, `/gatherings/${slug}/documents`, { 'doc-0-title': 'Notitie hittekaart', 'doc-0-url': 'https://example.org/hittekaart.pdf' })).statusCode, 303)
    const nl = (await new Browser(t.app).get(`/gatherings/${slug}`)).body
    assert.match(nl, /<p class="utrecht-paragraph">De partners bespraken de hittekaart\.<\/p>/)
    assert.match(nl, /href="https:\/\/example.org\/hittekaart.pdf">Notitie hittekaart/)
    assert.match(text(nl), new RegExp(`Aanwezig .*${a.name}`))
    assert.match(text((await new Browser(t.app).get(`/en/gatherings/${slug}`)).body), /Decided: continue with the pilot/)
    assert.match(text((await new Browser(t.app).get('/gatherings')).body), /Eerdere bijeenkomsten .*Verslag beschikbaar/)
    const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'gathering').where('entity_id', '=', String(id)).orderBy('id').execute()
    assert.deepEqual(audit.map((x) => x.action), ['gathering.created', 'gathering.minutes_saved', 'gathering.documents_saved'])
  })
})

describe('calendar files', () => {
  test('one gathering and the feed parse as iCalendar: UTC times, escaped text, folded lines, CRLF', async () => {
    const cur = await curator()
    const long = `Overleg over zonnedaken, hittekaarten; en de wijkdata\\het register ${'met een heel lange titel '.repeat(3)}`.trim().slice(0, 190)
    const { slug, id } = await plan(cur, { titleNl: long, titleEn: 'Meeting, with; specials', date: '2099-12-03', startTime: '09:00', endTime: '12:15' })
    await submit(cur, `/gatherings/${slug}/agenda`, `/gatherings/${slug}/agenda`, { 'item-0-nl': 'Opening', 'item-0-en': 'Opening', 'item-0-level': 'main', 'item-1-nl': 'Sub', 'item-1-en': 'Sub', 'item-1-level': 'sub' })
    const res = await new Browser(t.app).get(`/gatherings/${slug}.ics`)
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /^text\/calendar; charset=utf-8/)
    const body = res.body
    assert.ok(body.endsWith('\r\n'))
    assert.ok(!/[^\r]\n/.test(body), 'every line ends in CRLF')
    for (const line of body.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line too long: ${line}`)
    const vevent = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!
    const event = new ICAL.Event(vevent)
    assert.equal(event.summary, long)
    assert.equal(event.uid, `gathering-${id}@${new URL(t.app.appContext.config.PUBLIC_URL).host}`)
    // 3 December is winter time: 09:00 in Utrecht is 08:00 UTC.
    assert.equal(event.startDate.toJSDate().toISOString(), '2099-12-03T08:00:00.000Z')
    assert.equal(event.endDate.toJSDate().toISOString(), '2099-12-03T11:15:00.000Z')
    assert.equal(event.location, 'Stadhuis Utrecht, zaal 2; Stadsplateau 1, Utrecht, https://meet.example.org/partners')
    assert.match(event.description, /Agenda\n- Opening\n {2}- Sub/)
    assert.ok(vevent.getFirstPropertyValue('dtstamp'))
    assert.equal(vevent.getFirstPropertyValue('url'), `${t.app.appContext.config.PUBLIC_URL}/gatherings/${slug}`)

    const en = new ICAL.Event(new ICAL.Component(ICAL.parse((await new Browser(t.app).get(`/en/gatherings/${slug}.ics`)).body)).getFirstSubcomponent('vevent')!)
    assert.equal(en.summary, 'Meeting, with; specials')
    const feed = new ICAL.Component(ICAL.parse((await new Browser(t.app).get('/gatherings.ics')).body))
    const uids = feed.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))
    assert.ok(uids.includes(`gathering-${id}@${new URL(t.app.appContext.config.PUBLIC_URL).host}`))
    assert.equal(new Set(uids).size, uids.length, 'each gathering once')
    assert.equal((await new Browser(t.app).get('/gatherings/no-such-gathering.ics')).statusCode, 404)
  })
})

describe('decisions at a gathering', () => {
  test('a curator puts a submitted proposal on the agenda and opens the vote there; the decision names the gathering', async () => {
    const a = await partnerOrganisation(db())
    const proposal = await db()
      .insertInto('proposals')
      .values({ title: unique('Buurtkompas'), summary: 'Een kompas.', locale: 'nl', process_question: 'Hoe?', category: 'governance', form: 'method', proposed_by_organisation_id: a.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    const cur = await curator()
    const { slug, id } = await plan(cur)
    const put = await submit(cur, `/gatherings/${slug}`, `/gatherings/${slug}/agenda/proposals`, { proposal: String(proposal.id) })
    assert.equal(put.statusCode, 303)
    assert.equal((await db().selectFrom('proposals').select('status').where('id', '=', proposal.id).executeTakeFirstOrThrow()).status, 'on_agenda')
    // Not twice: it is no longer submitted.
    await cur.get(`/gatherings/${slug}`)
    const again = await cur.post(`/gatherings/${slug}/agenda/proposals`, { proposal: String(proposal.id) })
    assert.equal(again.statusCode, 400)
    assert.match(text(again.body), /Kies een ingediend voorstel/)
    // Saving the agenda keeps the decision item; dropping it is refused.
    const agendaPage = await cur.get(`/gatherings/${slug}/agenda`)
    const fields = formFields(agendaPage.body, `/gatherings/${slug}/agenda`)
    assert.equal((await cur.post(`/gatherings/${slug}/agenda`, { ...fields, 'item-0-nl': '', 'item-0-en': '', 'item-0-proposal': '' })).statusCode, 400)
    assert.equal((await cur.post(`/gatherings/${slug}/agenda`, { ...fields, 'item-0-level': 'main' })).statusCode, 303)

    const item = await db().selectFrom('gathering_agenda_items').select('id').where('gathering_id', '=', id).where('proposal_id', '=', proposal.id).executeTakeFirstOrThrow()
    const opened = await submit(cur, `/gatherings/${slug}`, `/gatherings/${slug}/agenda/${item.id}/vote`, {})
    assert.equal(opened.statusCode, 303, text(opened.body).slice(0, 400))
    const decisionId = Number(/\/decisions\/(\d+)/.exec(opened.headers.location as string)![1])
    assert.equal((await db().selectFrom('decisions').select('gathering_id').where('id', '=', decisionId).executeTakeFirstOrThrow()).gathering_id, id)
    const gathering = await db().selectFrom('gatherings').select('title_nl').where('id', '=', id).executeTakeFirstOrThrow()
    assert.match(text((await new Browser(t.app).get(`/decisions/${decisionId}`)).body), new RegExp(`Bijeenkomst ${gathering.title_nl}`))
    assert.match((await new Browser(t.app).get('/decisions')).body, new RegExp(`href="/gatherings/${slug}"`))
    const page = text((await new Browser(t.app).get(`/gatherings/${slug}`)).body)
    assert.match(page, /Besluiten op deze bijeenkomst .*Stemming open/)
  })
})
