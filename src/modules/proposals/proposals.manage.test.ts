import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, partnerOrganisation, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// A curator decides on a proposal without a vote: declines it, or merges it into another open proposal; each with
// the reason, shown on the proposal and audited. Not while a vote on it is open; not into itself or a closed one.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

const curator = async () => new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'curator', email: `${unique('curator')}@example.org` })).id))
async function proposal(organisationId: number, status: 'submitted' | 'adopted' = 'submitted') {
  return (
    await db()
      .insertInto('proposals')
      .values({ title: unique('Voorstel'), summary: 'Een voorstel.', locale: 'nl', process_question: 'Hoe?', category: 'content', form: 'method', proposed_by_organisation_id: organisationId, status })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
}
const statusOf = (id: number) => db().selectFrom('proposals').select(['status', 'merged_into_id', 'status_reason']).where('id', '=', id).executeTakeFirstOrThrow()

test('declined with the reason, shown and audited; a second decision on it is refused', async () => {
  const org = await partnerOrganisation(db())
  const id = await proposal(org.id)
  const cur = await curator()
  const page = await cur.get(`/proposals/${id}`)
  const empty = await cur.post(`/proposals/${id}/decline`, formFields(page.body, `/proposals/${id}/decline`))
  assert.equal(empty.statusCode, 400)
  assert.match(text(empty.body), /Reden van afwijzen/)
  const res = await cur.post(`/proposals/${id}/decline`, { reason: 'Valt buiten de City Deal: geen stedelijke vraag.' })
  assert.equal(res.statusCode, 303)
  assert.deepEqual(await statusOf(id), { status: 'declined', merged_into_id: null, status_reason: 'Valt buiten de City Deal: geen stedelijke vraag.' })
  const shown = text((await new Browser(t.app).get(`/en/proposals/${id}`)).body)
  assert.match(shown, /Declined/)
  assert.match(shown, /Reason Valt buiten de City Deal/)
  await cur.get(`/proposals/${id}`)
  assert.equal((await cur.post(`/proposals/${id}/decline`, { reason: 'Nog eens.' })).statusCode, 409)
  const audit = await db().selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'proposal').where('entity_id', '=', String(id)).execute()
  assert.deepEqual(audit.map((a) => [a.action, (a.after as { reason: string }).reason]), [['proposal.declined', 'Valt buiten de City Deal: geen stedelijke vraag.']])
})

test('merged into another open proposal, linked; not into itself or a decided one; not while a vote is open', async () => {
  const org = await partnerOrganisation(db())
  const [id, into, decided, voting] = [await proposal(org.id), await proposal(org.id), await proposal(org.id, 'adopted'), await proposal(org.id)]
  const cur = await curator()
  const page = await cur.get(`/proposals/${id}`)
  const mergeForm = page.body.slice(page.body.indexOf(`action="/proposals/${id}/merge"`))
  assert.match(mergeForm, new RegExp(`<option value="${into}"`))
  assert.doesNotMatch(mergeForm.slice(0, mergeForm.indexOf('</form>')), new RegExp(`<option value="${id}"`), 'not into itself')
  const itself = await cur.post(`/proposals/${id}/merge`, { into: String(id), reason: 'Dubbel.' })
  assert.equal(itself.statusCode, 400)
  assert.match(text(itself.body), /niet met zichzelf/)
  assert.match(itself.body, />Dubbel\.<\/textarea>/)
  assert.equal((await cur.post(`/proposals/${id}/merge`, { into: String(decided), reason: 'Dubbel.' })).statusCode, 400)
  const res = await cur.post(`/proposals/${id}/merge`, { into: String(into), reason: 'Zelfde vraag als het andere voorstel.' })
  assert.equal(res.statusCode, 303)
  assert.deepEqual(await statusOf(id), { status: 'merged', merged_into_id: into, status_reason: 'Zelfde vraag als het andere voorstel.' })
  assert.match((await new Browser(t.app).get(`/proposals/${id}`)).body, new RegExp(`Samengevoegd met</dt>[\\s\\S]*?href="/proposals/${into}"`))

  // A proposal with an open vote is decided by the vote.
  const votePage = await cur.get(`/proposals/${voting}`)
  assert.equal((await cur.post(`/proposals/${voting}/decisions`, formFields(votePage.body, `/proposals/${voting}/decisions`))).statusCode, 303)
  await cur.get(`/proposals/${voting}`)
  const refused = await cur.post(`/proposals/${voting}/decline`, { reason: 'Toch niet.' })
  assert.equal(refused.statusCode, 409)
  assert.match(text(refused.body), /Over dit voorstel loopt een stemming/)
  assert.equal((await statusOf(voting)).status, 'on_agenda')
})
