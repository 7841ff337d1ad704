import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

describe('administration', () => {
  let t: TestApp
  let admin: Awaited<ReturnType<typeof createUser>>
  let browser: Browser
  before(async () => {
    t = await buildTestApp()
    admin = await createUser(t.database.handle.db, { role: 'admin', name: 'Ada Admin' })
    browser = new Browser(t.app).withSession(await sessionCookie(t.database.handle.db, admin.id))
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  test('invalid invitations keep what was typed and say what is wrong, per field', async () => {
    await browser.get('/en/admin/users')
    const res = await browser.post('/en/admin/users', { name: 'Pim Partner', email: 'not-an-address', role: 'partner', organisationId: '', locale: 'en' })
    assert.equal(res.statusCode, 400)
    assert.match(text(res.body), /E-mail address: Enter a valid e-mail address/)
    assert.match(res.body, /value="Pim Partner"/)
    const partner = await browser.post('/en/admin/users', { name: 'Pim Partner', email: 'pim@example.org', role: 'partner', organisationId: '', locale: 'en' })
    assert.equal(partner.statusCode, 400)
    assert.match(text(partner.body), /A partner member belongs to an organisation/)
    const taken = await browser.post('/en/admin/users', { name: 'Ada Again', email: admin.email.toUpperCase(), role: 'curator', locale: 'nl' })
    assert.equal(taken.statusCode, 400)
    assert.match(text(taken.body), /already exists/)
  })

  test('changing roles, and the last administrator cannot lose the role or be deactivated', async () => {
    const curator = await createUser(db(), { role: 'curator' })
    await browser.get(`/admin/users/${curator.id}`)
    const org = await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0344').executeTakeFirstOrThrow()
    const res = await browser.post(`/admin/users/${curator.id}/role`, { role: 'partner', organisationId: String(org.id) })
    assert.equal(res.statusCode, 303)
    const changed = await db().selectFrom('users').select(['role', 'organisation_id']).where('id', '=', curator.id).executeTakeFirstOrThrow()
    assert.deepEqual(changed, { role: 'partner', organisation_id: org.id })
    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'user.role_changed').where('entity_id', '=', String(curator.id)).executeTakeFirstOrThrow()
    assert.deepEqual([(entry.before as { role: string }).role, (entry.after as { role: string }).role], ['curator', 'partner'])
    assert.ok(!JSON.stringify(entry.after).includes('password'), 'no password hash in the audit log')

    // Other admins may exist from other tests; make this one the only active one.
    await db().updateTable('users').set({ active: false }).where('role', '=', 'admin').where('id', '<>', admin.id).execute()
    await browser.get(`/admin/users/${admin.id}`)
    const demote = await browser.post(`/admin/users/${admin.id}/role`, { role: 'curator' })
    assert.equal(demote.statusCode, 409)
    assert.match(text(demote.body), /minstens één actieve beheerder/)
    const deactivate = await browser.post(`/admin/users/${admin.id}/active`, { active: 'false' })
    assert.equal(deactivate.statusCode, 409)
    assert.equal((await db().selectFrom('users').select('role').where('id', '=', admin.id).executeTakeFirstOrThrow()).role, 'admin')
  })

  test('deactivating ends every session of the account', async () => {
    const curator = await createUser(db(), { role: 'curator' })
    const theirs = new Browser(t.app).withSession(await sessionCookie(db(), curator.id))
    assert.equal((await theirs.get('/account')).statusCode, 200)
    await browser.get(`/admin/users/${curator.id}`)
    assert.equal((await browser.post(`/admin/users/${curator.id}/active`, { active: 'false' })).statusCode, 303)
    assert.equal((await theirs.get('/account')).statusCode, 401)
  })

  test('organisations: create, edit with conflict detection, merge duplicates', async () => {
    await browser.get('/admin/organisations')
    const bad = await browser.post('/admin/organisations', { name: 'Gemeente Nergens', kind: 'municipality', cbsCode: 'XX12' })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /CBS-code/)
    const created = await browser.post('/admin/organisations', { name: 'Stichting Dubbel', kind: 'civil_society', websiteUrl: 'https://dubbel.example.org' })
    assert.equal(created.statusCode, 303)
    const dup = await db().selectFrom('organisations').selectAll().where('name', '=', 'Stichting Dubbel').executeTakeFirstOrThrow()
    const keep = await db().insertInto('organisations').values({ slug: `stichting-enkel-${Date.now()}`, name: 'Stichting Enkel', kind: 'civil_society' }).returningAll().executeTakeFirstOrThrow()

    // Two administrators open the edit form; the second save gets a conflict and loses nothing silently.
    const other = new Browser(t.app).withSession(await sessionCookie(db(), admin.id))
    await browser.get(`/admin/organisations/${dup.id}`)
    await other.get(`/admin/organisations/${dup.id}`)
    const version = /name="version" value="([^"]+)"/.exec((await other.get(`/admin/organisations/${dup.id}`)).body)![1]!
    const first = await browser.post(`/admin/organisations/${dup.id}`, { name: 'Stichting Dubbel (NL)', kind: 'civil_society', version })
    assert.equal(first.statusCode, 303)
    const second = await other.post(`/admin/organisations/${dup.id}`, { name: 'Stichting Dubbel BV', kind: 'company', version })
    assert.equal(second.statusCode, 409)
    assert.match(text(second.body), /Iemand anders heeft dit intussen gewijzigd/)
    assert.match(second.body, /value="Stichting Dubbel BV"/, 'what the second editor typed is still in the form')
    assert.equal((await db().selectFrom('organisations').select('name').where('id', '=', dup.id).executeTakeFirstOrThrow()).name, 'Stichting Dubbel (NL)')

    // Merge: tool roles and members move to the organisation that stays.
    const tool = await createTool(db())
    await db().insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: dup.id, role: 'owner', involvement: 'lead' }).execute()
    const member = await createUser(db(), { role: 'partner', organisationId: dup.id })
    await browser.get(`/admin/organisations/${dup.id}`)
    assert.equal((await browser.post(`/admin/organisations/${dup.id}/merge`, { targetId: String(dup.id) })).statusCode, 400)
    const merged = await browser.post(`/admin/organisations/${dup.id}/merge`, { targetId: String(keep.id) })
    assert.equal(merged.statusCode, 303)
    const roles = await db().selectFrom('tool_organisations').select('organisation_id').where('tool_id', '=', tool.id).execute()
    assert.deepEqual(roles.map((r) => r.organisation_id), [keep.id])
    assert.equal((await db().selectFrom('users').select('organisation_id').where('id', '=', member.id).executeTakeFirstOrThrow()).organisation_id, keep.id)
    assert.equal((await browser.get(`/admin/organisations/${dup.id}`)).statusCode, 404, 'the merged organisation is gone from the admin')
    assert.match(text((await browser.get(`/tools/${tool.slug}`)).body), /Stichting Enkel/)
  })

  test('the audit log can be browsed and filtered', async () => {
    const page = await browser.get('/admin/audit?entityType=organisation')
    assert.equal(page.statusCode, 200)
    const rows = text(page.body.slice(page.body.indexOf('<table')))
    assert.match(rows, /organisation\.merged/)
    assert.match(rows, /Ada Admin/)
    assert.match(rows, /name: "Stichting Dubbel" → "Stichting Dubbel \(NL\)"/, 'before and after of an edit')
    assert.ok(!rows.includes('user.role_changed'), 'filtered to organisations')
    assert.equal((await browser.get('/admin/audit?action=nonsense&page=abc&actor=x')).statusCode, 200)
    // A NUL is not text: refused before the database (input guard).
    assert.equal((await browser.get('/admin/audit?actor=%00')).statusCode, 400)
  })

  test('a tool’s public history names the organisation, never the person', async () => {
    const partnerOrg = await db().selectFrom('organisations').select(['id', 'name']).where('cbs_code', '=', 'GM0363').executeTakeFirstOrThrow()
    const partner = await createUser(db(), { role: 'partner', organisationId: partnerOrg.id, name: 'Petra Persoon' })
    const tool = await createTool(db())
    await db()
      .insertInto('audit_log')
      .values({ actor_user_id: partner.id, actor_organisation_id: partnerOrg.id, actor_label: 'Petra Persoon <p@example.org>', actor_role: 'partner', action: 'tool.updated', entity_type: 'tool', entity_id: String(tool.id) })
      .execute()
    const page = text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body)
    assert.match(page, /: bijgewerkt door Amsterdam/)
    assert.ok(!page.includes('Petra'))
  })
})
