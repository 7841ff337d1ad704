import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

async function signedIn(role: 'partner' | 'curator' | 'admin', organisationCbs?: string) {
  const user = await createUser(db(), { role, ...(organisationCbs ? { organisationCbs } : {}) })
  return new Browser(t.app).withSession(await sessionCookie(db(), user.id))
}

const mimsOf = async (toolId: number) =>
  (await db().selectFrom('tool_mims').select(['mim_code', 'relation']).where('tool_id', '=', toolId).orderBy('mim_code').execute()).map((r) => `${r.mim_code}:${r.relation}`)

describe('tagging a tool against the Living-in.EU MIMs', () => {
  test('a curator sets how a tool relates to MIMs: saved, audited with before and after, the version counted up', async () => {
    const tool = await createTool(db(), { mims: [{ code: 'mim3', relation: 'references' }] })
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/mims`
    const page = await curator.get(path)
    assert.equal(page.statusCode, 200)
    const shown = text(page.body)
    assert.match(shown, /MIM1 Context \(Vastgesteld\)/)
    assert.match(shown, /MIM6 Beveiliging \(In ontwikkeling \(work item\)\)/)
    const fields = formFields(page.body, path)
    assert.equal(fields['mim-2-relation'], 'references')
    // Row order follows the MIMs: mim1 is row 0, mim2 row 1, mim3 row 2.
    const res = await curator.post(path, { ...fields, 'mim-0-relation': 'implements', 'mim-1-relation': 'supports', 'mim-2-relation': '' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${path}?done=saved`)
    assert.deepEqual(await mimsOf(tool.id), ['mim1:implements', 'mim2:supports'])

    const row = await db().selectFrom('tools').select('version').where('id', '=', tool.id).executeTakeFirstOrThrow()
    assert.equal(row.version, 2)
    const entry = await db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(tool.id)).where('action', '=', 'tool.updated').executeTakeFirstOrThrow()
    assert.equal(entry.actor_role, 'curator')
    assert.deepEqual(entry.before, { section: 'mims', version: 1, mims: [{ mim_code: 'mim3', relation: 'references' }] })
    assert.deepEqual(entry.after, { section: 'mims', version: 2, mims: [{ mim_code: 'mim1', relation: 'implements' }, { mim_code: 'mim2', relation: 'supports' }] })

    const english = text((await curator.get(`/en${path}`)).body)
    assert.match(english, /Interoperability \(MIMs\)/)
    assert.match(english, /MIM1 Context \(Adopted\)/)
  })

  test('a save from an older version is a conflict that keeps what was typed; nothing is overwritten', async () => {
    const tool = await createTool(db())
    const first = await signedIn('curator')
    const second = await signedIn('admin')
    const path = `/tools/${tool.slug}/edit/mims`
    const secondForm = formFields((await second.get(path)).body, path)
    assert.equal((await first.post(path, { ...formFields((await first.get(path)).body, path), 'mim-4-relation': 'implements' })).statusCode, 303)
    const conflict = await second.post(path, { ...secondForm, 'mim-6-relation': 'supports' })
    assert.equal(conflict.statusCode, 409)
    assert.match(text(conflict.body), /Interoperabiliteit \(MIM's\)/)
    assert.equal(formFields(conflict.body, path)['mim-6-relation'], 'supports')
    assert.deepEqual(await mimsOf(tool.id), ['mim5:implements'])
  })

  test('only curators and administrators tag: a partner of the owning organisation gets 403, a visitor 401; bad values are refused', async () => {
    const tool = await createTool(db(), { municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const path = `/tools/${tool.slug}/edit/mims`
    const partner = await signedIn('partner', 'GM0344')
    // The partner edits the tool's other parts, but is not offered this one.
    const basics = await partner.get(`/tools/${tool.slug}/edit`)
    assert.equal(basics.statusCode, 200)
    assert.doesNotMatch(basics.body, /edit\/mims/)
    assert.equal((await partner.get(path)).statusCode, 403)
    const post = await partner.post(path, { version: '1', 'mim-0-code': 'mim1', 'mim-0-relation': 'implements' })
    assert.equal(post.statusCode, 403)
    assert.equal((await new Browser(t.app).get(path)).statusCode, 401)
    assert.deepEqual(await mimsOf(tool.id), [])

    const curator = await signedIn('curator')
    const fields = formFields((await curator.get(path)).body, path)
    const bad = await curator.post(path, { ...fields, 'mim-0-relation': 'owns', 'mim-1-code': 'mim99', 'mim-1-relation': 'supports' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(await mimsOf(tool.id), [])
  })
})

describe('merging tagged tools', () => {
  test('the staying tool keeps its MIM tags and gains the other tool\'s; the merge is audited with them', async () => {
    const stay = await createTool(db(), { mims: [{ code: 'mim1', relation: 'implements' }] })
    const leave = await createTool(db(), { mims: [{ code: 'mim1', relation: 'references' }, { code: 'mim4', relation: 'supports' }] })
    const curator = await signedIn('curator')
    const path = `/tools/${stay.slug}/merge`
    const compare = await curator.get(`${path}?other=${leave.slug}`)
    assert.equal(compare.statusCode, 200)
    assert.equal((await curator.post(path, formFields(compare.body, path))).statusCode, 303)
    assert.deepEqual(await mimsOf(stay.id), ['mim1:implements', 'mim4:supports'])
    const entry = await db().selectFrom('audit_log').select('after').where('entity_type', '=', 'tool').where('entity_id', '=', String(stay.id)).where('action', '=', 'tool.merged').executeTakeFirstOrThrow()
    assert.deepEqual((entry.after as { mims: unknown }).mims, [{ mim_code: 'mim1', relation: 'implements' }, { mim_code: 'mim4', relation: 'supports' }])
  })
})

describe('the MIM facet', () => {
  test('counts are exact and the facet is OR-able within itself, in the API and on the catalogue page', async () => {
    const word = unique('mimfacet').replace('-', '')
    const description = `Een tool voor ${word}.`
    const a = await createTool(db(), { description_nl: description, mims: [{ code: 'mim1', relation: 'implements' }, { code: 'mim2', relation: 'supports' }] })
    const b = await createTool(db(), { description_nl: description, mims: [{ code: 'mim2', relation: 'references' }] })
    const c = await createTool(db(), { description_nl: description, mims: [{ code: 'mim7', relation: 'implements' }] })
    await createTool(db(), { description_nl: description })

    const all = (await t.app.inject({ url: `/api/v1/tools?q=${word}` })).json()
    assert.equal(all.total, 4)
    const counts = (facet: { value: string; count: number }[]) => Object.fromEntries(facet.map((f) => [f.value, f.count]))
    assert.deepEqual(counts(all.facets.mim), { mim1: 1, mim2: 2, mim7: 1 })

    const either = (await t.app.inject({ url: `/api/v1/tools?q=${word}&mim=mim1&mim=mim7` })).json()
    assert.deepEqual(either.items.map((i: { slug: string }) => i.slug).sort(), [a.slug, c.slug].sort())
    // The facet's own counts stay as without its selection, so another MIM can be added.
    assert.deepEqual(counts(either.facets.mim), { mim1: 1, mim2: 2, mim7: 1 })
    const two = (await t.app.inject({ url: `/api/v1/tools?q=${word}&mim=mim2` })).json()
    assert.deepEqual(two.items.map((i: { slug: string }) => i.slug).sort(), [a.slug, b.slug].sort())

    const unknown = await t.app.inject({ url: `/api/v1/tools?mim=mim42` })
    assert.equal(unknown.statusCode, 400)

    const page = await t.app.inject({ url: `/en/tools?q=${word}&mim=mim2` })
    assert.equal(page.statusCode, 200)
    const shown = text(page.body)
    assert.match(shown, /Interoperability \(MIM\)/)
    assert.match(shown, /MIM2 Data Models/)
    assert.match(shown, /2 tools/)

    // A tag saved in the editor changes the counts at once.
    const curator = await signedIn('curator')
    const path = `/tools/${c.slug}/edit/mims`
    assert.equal((await curator.post(path, { ...formFields((await curator.get(path)).body, path), 'mim-1-relation': 'supports' })).statusCode, 303)
    const after = (await t.app.inject({ url: `/api/v1/tools?q=${word}` })).json()
    assert.deepEqual(counts(after.facets.mim), { mim1: 1, mim2: 3, mim7: 1 })
  })
})
