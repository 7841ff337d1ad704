import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Partnerships with dates: seeded from the partner flag since the programme's start; administrators add and end them;
// the flag follows "a partner today"; overlaps and a last day before the first are refused; every change audited.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

const admin = async () => new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'admin', email: `${unique('admin')}@example.org` })).id))
const newOrganisation = async () => (await db().insertInto('organisations').values({ slug: unique('partnerorg'), name: unique('Partnerorganisatie'), kind: 'company' }).returning(['id', 'name']).executeTakeFirstOrThrow())
const flagOf = async (id: number) => (await db().selectFrom('organisations').select('is_city_deal_partner').where('id', '=', id).executeTakeFirstOrThrow()).is_city_deal_partner
const periodsOf = (id: number) => db().selectFrom('partnerships').select(['id', 'since', 'until']).where('organisation_id', '=', id).orderBy('since').execute()

test('the seeded partners are partners since the programme started', async () => {
  const partners = await db().selectFrom('organisations').select('id').where('is_city_deal_partner', '=', true).execute()
  assert.ok(partners.length > 0, 'the reference data has partners')
  for (const p of partners) assert.deepEqual((await periodsOf(p.id)).map((x) => [x.since, x.until]), [['2026-01-01', null]])
})

test('an administrator adds a partnership and ends it; the flag follows; each change is audited', async () => {
  const browser = await admin()
  const org = await newOrganisation()
  const page = await browser.get('/admin/partnerships')
  assert.equal(page.statusCode, 200)
  assert.match(text(page.body), /Partners van de City Deal/)
  const add = await browser.post('/admin/partnerships', { ...formFields(page.body, '/admin/partnerships'), organisationId: String(org.id), since: '2026-02-01', until: '' })
  assert.equal(add.statusCode, 303, text(add.body).slice(0, 300))
  assert.equal(await flagOf(org.id), true)
  const [period] = await periodsOf(org.id)
  assert.deepEqual([period!.since, period!.until], ['2026-02-01', null])
  const listed = text((await browser.get('/admin/partnerships?done=added')).body)
  assert.match(listed, new RegExp(`Het partnerschap is opgeslagen\\..*${org.name}`))

  // The same organisation again in an overlapping period: refused with the reason, what was typed kept.
  const again = await browser.post('/admin/partnerships', { ...formFields(page.body, '/admin/partnerships'), organisationId: String(org.id), since: '2026-03-01' })
  assert.equal(again.statusCode, 400)
  assert.match(text(again.body), /al partner \(sinds 2026-02-01/)
  assert.equal((await periodsOf(org.id)).length, 1)

  // Ending it before it began is refused; ending it yesterday makes a former partner.
  const endPath = `/admin/partnerships/${period!.id}/end`
  const early = await browser.post(endPath, { ...formFields(page.body, '/admin/partnerships'), until: '2026-01-15' })
  assert.equal(early.statusCode, 400)
  assert.match(text(early.body), /De laatste dag ligt vóór de eerste/)
  const ended = await browser.post(endPath, { ...formFields(page.body, '/admin/partnerships'), until: '2026-06-30' })
  assert.equal(ended.statusCode, 303)
  assert.equal(await flagOf(org.id), false)
  assert.match(text((await browser.get('/en/admin/partnerships')).body), new RegExp(`${org.name} .*30 June 2026 Former partner`))

  // A later partnership does not overlap the ended one.
  const later = await browser.post('/admin/partnerships', { ...formFields(page.body, '/admin/partnerships'), organisationId: String(org.id), since: '2026-07-01' })
  assert.equal(later.statusCode, 303)
  assert.equal(await flagOf(org.id), true)

  const audit = await db().selectFrom('audit_log').select(['action']).where('entity_type', '=', 'partnership').where('entity_id', 'in', (await periodsOf(org.id)).map((p) => String(p.id))).orderBy('id').execute()
  assert.deepEqual(audit.map((a) => a.action), ['partnership.added', 'partnership.ended', 'partnership.added'])
})

test('bad input gives a clear message, an unknown partnership 404, never a 500', async () => {
  const browser = await admin()
  const page = await browser.get('/en/admin/partnerships')
  const bad = await browser.post('/en/admin/partnerships', { ...formFields(page.body, '/en/admin/partnerships'), organisationId: 'abc', since: 'yesterday' })
  assert.equal(bad.statusCode, 400)
  const unknown = await browser.post('/en/admin/partnerships', { ...formFields(page.body, '/en/admin/partnerships'), organisationId: '999999999', since: '2026-01-01' })
  assert.equal(unknown.statusCode, 400)
  assert.match(text(unknown.body), /Choose an existing organisation/)
  assert.equal((await browser.post('/en/admin/partnerships/999999999/end', { ...formFields(page.body, '/en/admin/partnerships'), until: '2026-01-01' })).statusCode, 404)
})

test('the organisation form no longer sets the flag: partnerships do', async () => {
  const partner = await db().selectFrom('organisations').select('id').where('is_city_deal_partner', '=', true).executeTakeFirstOrThrow()
  const page = await (await admin()).get(`/admin/organisations/${partner.id}`)
  assert.equal(page.statusCode, 200)
  assert.doesNotMatch(page.body, /name="isCityDealPartner"/)
})
