import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, partnerOrganisation, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// The decisions clock: a day before a vote's last day ends, the members of the partners that have not voted are
// reminded, once; after the last day the vote closes by itself, with the same count, tool and e-mails as a curator's.

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
async function member(organisationId: number, locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role: 'partner', organisationId, locale, email: `${unique('member')}@example.org` })
  return { user, browser: await browserOf(user) }
}

async function openVoteOn(organisationId: number) {
  const proposal = await db()
    .insertInto('proposals')
    .values({ title: unique('Klokvoorstel'), summary: 'Een voorstel.', locale: 'nl', process_question: 'Hoe?', category: 'content', form: 'method', proposed_by_organisation_id: organisationId, proposed_owner_id: organisationId })
    .returning('id')
    .executeTakeFirstOrThrow()
  const cur = await browserOf(await createUser(db(), { role: 'curator', email: `${unique('curator')}@example.org` }))
  const page = await cur.get(`/proposals/${proposal.id}`)
  const res = await cur.post(`/proposals/${proposal.id}/decisions`, { ...formFields(page.body, `/proposals/${proposal.id}/decisions`), closesOn: '2099-12-31' })
  assert.equal(res.statusCode, 303, text(res.body).slice(0, 300))
  return { proposalId: proposal.id, id: Number(/\/decisions\/(\d+)/.exec(res.headers.location as string)![1]) }
}

async function vote(browser: Browser, id: number, choice: string) {
  const page = await browser.get(`/decisions/${id}`)
  const res = await browser.post(`/decisions/${id}/vote`, { ...formFields(page.body, `/decisions/${id}/vote`), choice })
  assert.equal(res.statusCode, 303)
}

const subjects = async (email: string) => (await db().selectFrom('outbox').select('subject').where('recipient', '=', email).orderBy('id').execute()).map((m) => m.subject.replace(/Klokvoorstel-[0-9a-f]+/, '…'))

test('the partners that have not voted are reminded once, in their language, a day before the close', async () => {
  const [a, b, c] = [await partnerOrganisation(db()), await partnerOrganisation(db()), await partnerOrganisation(db())]
  const [ma, mb, mc] = [await member(a.id), await member(b.id, 'en'), await member(c.id)]
  const { id } = await openVoteOn(a.id)
  await vote(ma.browser, id, 'for')
  const clock = t.app.appContext.decisionsClock
  // Two days before the close: too early.
  const closesAt = new Date(Date.now() + 48 * 3600_000)
  await db().updateTable('decisions').set({ closes_at: closesAt }).where('id', '=', id).execute()
  assert.deepEqual((await clock.tick()).reminded, [])
  // Twenty hours before: reminded, once, however often the clock looks.
  await db().updateTable('decisions').set({ closes_at: new Date(Date.now() + 20 * 3600_000) }).where('id', '=', id).execute()
  const [first, second] = [await clock.tick(), await clock.tick()]
  assert.ok(first.reminded.includes(id))
  assert.ok(!second.reminded.includes(id))
  assert.deepEqual(await subjects(ma.user.email), ['Stemming geopend: …'], 'A voted: no reminder')
  assert.deepEqual(await subjects(mb.user.email), ['Vote open: …', 'Vote closing soon: …'])
  assert.deepEqual(await subjects(mc.user.email), ['Stemming geopend: …', 'Stemming sluit binnenkort: …'])
  const body = await db().selectFrom('outbox').select('body_text').where('recipient', '=', mb.user.email).orderBy('id', 'desc').executeTakeFirstOrThrow()
  assert.match(body.body_text, new RegExp(`${b.name} has not voted yet`))
  assert.match(body.body_text, new RegExp(`/en/decisions/${id}`))
})

test('a vote past its last day closes by itself: counted, the tool started, everyone told, as a curator’s close', async () => {
  const [a, b, c] = [await partnerOrganisation(db()), await partnerOrganisation(db()), await partnerOrganisation(db())]
  const [ma, mb, mc] = [await member(a.id), await member(b.id), await member(c.id, 'en')]
  const { id, proposalId } = await openVoteOn(a.id)
  await vote(ma.browser, id, 'for')
  await vote(mb.browser, id, 'for')
  await vote(mc.browser, id, 'against')
  const clock = t.app.appContext.decisionsClock
  assert.ok(!(await clock.tick()).closed.includes(id), 'not before its last day')
  await db().updateTable('decisions').set({ closes_at: new Date(Date.now() - 1000), reminded_at: new Date() }).where('id', '=', id).execute()
  const [first, second] = await Promise.all([clock.tick(), clock.tick()])
  assert.deepEqual([first.closed.includes(id), second.closed.includes(id)].filter(Boolean), [true], 'closed exactly once')
  const decision = await db().selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  assert.deepEqual([decision.outcome, decision.votes_for, decision.votes_against, decision.eligible, decision.closed_by_user_id], ['adopted', 2, 1, 3, null])
  const tool = await db().selectFrom('tools').select(['status', 'origin']).where('id', '=', decision.tool_id!).executeTakeFirstOrThrow()
  assert.deepEqual(tool, { status: 'selected', origin: 'city_deal' })
  assert.equal((await db().selectFrom('proposals').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow()).status, 'adopted')
  assert.deepEqual(await subjects(mc.user.email), ['Vote open: …', 'Result: … – Adopted'])
  const audit = await db().selectFrom('audit_log').select(['action', 'actor_label']).where('entity_type', '=', 'decision').where('entity_id', '=', String(id)).where('action', '=', 'decision.closed').execute()
  assert.deepEqual(audit, [{ action: 'decision.closed', actor_label: 'system: decisions clock' }])
  assert.match(text((await new Browser(t.app).get(`/decisions/${id}`)).body), /De laatste dag is voorbij: de stemming is vanzelf gesloten en geteld/)
})
