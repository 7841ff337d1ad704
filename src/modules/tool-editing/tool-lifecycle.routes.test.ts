import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { addSlugRedirect, createTool, createUser, retireTool, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Curators create tools (after the duplicate check of sharing) and retire them (never deleting them).

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

/** Opens a page and answers its form (by action) as the page shows it, with some fields changed. */
async function answer(browser: Browser, path: string, changes: Record<string, string | string[]>, action = path) {
  const page = await browser.get(path)
  assert.equal(page.statusCode, 200, `${path}: ${page.statusCode}`)
  return browser.post(action, { ...formFields(page.body, action), ...changes })
}

const toolRow = (slug: string) => db().selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow()
const auditOf = (toolId: number, action: string) =>
  db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(toolId)).where('action', '=', action).orderBy('id').execute()
/** Letters only, so that search reads it as one word. */
const word = (prefix: string) => `${prefix}${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

describe('creating a tool', () => {
  test('a curator creates a tool that looks like no other: it is in the catalogue at once, audited, and the editor opens', async () => {
    const curator = await signedIn('curator')
    const name = `Zwerfvuil${word('meter')}`
    const refused = await answer(curator, '/tools/new', {
      name,
      description: 'Bewoners melden zwerfvuil met een foto; de gemeente ziet waar het zich ophoopt.',
      websiteUrl: `https://${name.toLowerCase()}.example.org`,
      category: 'content',
      form: 'software',
      lifecycle: 'testing',
      origin: 'city_deal',
    })
    // A new City Deal tool has no owner and no pilots yet: the gate keeps it before development, and says why.
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Levensfase: Deze stap kan nog niet: De tool heeft nog geen eigenaar.*0 van 3 testgemeenten toegezegd/)
    const res = await answer(curator, '/tools/new', {
      name,
      description: 'Bewoners melden zwerfvuil met een foto; de gemeente ziet waar het zich ophoopt.',
      websiteUrl: `https://${name.toLowerCase()}.example.org`,
      category: 'content',
      form: 'software',
      lifecycle: 'selected',
      origin: 'city_deal',
    })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 500))
    const slug = /^\/tools\/([a-z0-9-]+)\/edit\?done=created$/.exec(res.headers.location as string)?.[1]
    assert.ok(slug, res.headers.location as string)
    assert.equal(slug, name.toLowerCase())
    const editor = await curator.get(res.headers.location as string)
    assert.match(text(editor.body), /De tool is aangemaakt/)

    const row = await toolRow(slug)
    assert.deepEqual([row.name_nl, row.name_en, row.category, row.form, row.status, row.origin, row.version], [name, null, 'content', 'software', 'selected', 'city_deal', 1])
    // Its lifecycle starts today, as selected.
    const changes = await db().selectFrom('tool_status_changes').select(['status', 'actor_role']).where('tool_id', '=', row.id).execute()
    assert.deepEqual(changes, [{ status: 'selected', actor_role: 'curator' }])
    const api = (await t.app.inject({ url: `/api/v1/tools/${slug}` })).json()
    assert.equal(api.name, name)
    const found = (await t.app.inject({ url: `/api/v1/tools?q=${encodeURIComponent(name.toLowerCase())}` })).json()
    assert.deepEqual(found.items.map((i: { slug: string }) => i.slug), [slug])
    const [entry] = await auditOf(row.id, 'tool.created')
    assert.equal(entry?.actor_role, 'curator')
    assert.equal((entry?.after as { name_nl: string }).name_nl, name)
    // The public history says it was added, by the curators.
    assert.match(text((await new Browser(t.app).get(`/tools/${slug}`)).body), /toegevoegd door de toolbox-curatoren/)
  })

  test('likely duplicates stop it with 409: the candidates with their reasons and links, everything typed kept; "a different tool" creates it', async () => {
    const green = word('groen')
    const existing = await createTool(db(), { slug: `kaartlaag-${green}`, name_nl: `Kaartlaag ${green}` })
    await db().updateTable('tools').set({ website_url: `https://${existing.slug}.example.org/` }).where('id', '=', existing.id).execute()
    await sql`select tool_refresh_derived(${[existing.id]}::bigint[])`.execute(db())
    const curator = await signedIn('admin')
    const name = (await toolRow(existing.slug)).name_nl!
    const typed = { name, description: 'Een kaartlaag met het groen van de stad.', websiteUrl: `https://${existing.slug}.example.org/`, category: 'content', form: 'software', nameLanguage: 'nl' }
    const refused = await answer(curator, '/en/tools/new', typed, '/en/tools/new')
    assert.equal(refused.statusCode, 409)
    const page = text(refused.body)
    assert.match(page, /This tool looks like tools we already have/)
    assert.match(page, /Same website or page/)
    assert.match(refused.body, new RegExp(`href="/en/tools/${existing.slug}"`))
    const kept = formFields(refused.body, '/en/tools/new')
    assert.equal(kept.name, name)
    assert.equal(kept.description, typed.description)
    assert.equal(kept.form, 'software')
    assert.ok(!('confirmDifferent' in kept), 'not ticked for the curator')
    assert.equal((await db().selectFrom('tools').select('id').where('name_nl', '=', name).execute()).length, 1, 'nothing created')

    const created = await curator.post('/en/tools/new', { ...kept, confirmDifferent: 'on' })
    assert.equal(created.statusCode, 303)
    assert.match(created.headers.location as string, new RegExp(`^/en/tools/${existing.slug}-2/edit\\?done=created$`))
    const [entry] = await auditOf((await toolRow(`${existing.slug}-2`)).id, 'tool.created')
    assert.deepEqual((entry?.after as { confirmedDifferentFrom: { slug: string }[] }).confirmedDifferentFrom.map((c) => c.slug), [existing.slug])
  })

  test('a slug is never reused: not an old address of another tool (it keeps answering 301), not a page under /tools/', async () => {
    const moved = await createTool(db())
    const old = `oud-${word('adres')}`
    await addSlugRedirect(db(), old, moved.id)
    const curator = await signedIn('curator')
    const base = { description: 'Een tool met een naam die al eens een adres was.', category: 'governance', form: 'method', confirmDifferent: 'on' }
    const first = await answer(curator, '/tools/new', { ...base, name: old.replace('-', ' ') })
    assert.equal(first.headers.location, `/tools/${old}-2/edit?done=created`)
    const res = await new Browser(t.app).get(`/tools/${old}`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, `/tools/${moved.slug}`)
    const page = await answer(curator, '/tools/new', { ...base, name: 'New' })
    assert.equal(page.headers.location, '/tools/new-2/edit?done=created')
    assert.equal((await curator.get('/tools/new')).statusCode, 200)
  })

  test('bad input: a message per field in the page language, everything typed kept, nothing created', async () => {
    const curator = await signedIn('curator')
    const before = await db().selectFrom('tools').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const nl = await answer(curator, '/tools/new', { name: '', description: '<b>vet</b>', websiteUrl: 'javascript:alert(1)', category: '', form: '' })
    assert.equal(nl.statusCode, 400)
    const page = text(nl.body)
    assert.match(page, /Naam: Vul dit veld in/)
    assert.match(page, /Website: Vul een webadres in/)
    assert.match(page, /Soort tool: Vul dit veld in/)
    assert.match(page, /Vorm: Vul dit veld in/)
    assert.match(nl.body, /&lt;b&gt;vet&lt;\/b&gt;/)
    const en = await answer(curator, '/en/tools/new', { name: 'Something', description: 'A tool.', category: 'content', form: 'software', lifecycle: 'retired' }, '/en/tools/new')
    assert.equal(en.statusCode, 400)
    assert.match(text(en.body), /Lifecycle status: /)
    const afterCount = await db().selectFrom('tools').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    assert.equal(Number(afterCount.n), Number(before.n))
  })

  test('curators find "New tool" on the curation page and their account; partners and visitors may not create', async () => {
    const curator = await signedIn('curator')
    assert.match((await curator.get('/curation')).body, /href="\/tools\/new"[^>]*>Nieuwe tool</)
    assert.match((await curator.get('/en/account')).body, /href="\/en\/tools\/new"[^>]*>New tool</)
    const partner = await signedIn('partner', 'GM0344')
    assert.doesNotMatch((await partner.get('/account')).body, /\/tools\/new/)
    assert.equal((await partner.get('/tools/new')).statusCode, 403)
    assert.equal((await new Browser(t.app).get('/tools/new')).statusCode, 401)
    assert.equal((await new Browser(t.app).get('/en/tools/new')).statusCode, 401)
  })
})

describe('retiring a tool', () => {
  test('with a reason and a successor by name: the page stays with a banner and a link, search still finds it under retired', async () => {
    const tool = await createTool(db())
    const successor = await createTool(db(), { name_nl: `Opvolger ${word('kaart')}` })
    const curator = await signedIn('curator')
    const edit = await curator.get(`/tools/${tool.slug}/edit`)
    assert.match(edit.body, new RegExp(`href="/tools/${tool.slug}/retire"[^>]*>Buiten gebruik stellen<`))
    const path = `/tools/${tool.slug}/retire`
    const page = await curator.get(path)
    assert.match(page.body, /<datalist id="retire-tools">/)
    assert.match(page.body, new RegExp(`<option value="Opvolger [a-z]+">${successor.slug}</option>`))
    const res = await curator.post(path, { ...formFields(page.body, path), reasonNl: 'Opgegaan in een landelijke voorziening.', replacedBy: ` ${(await toolRow(successor.slug)).name_nl!.toUpperCase()} ` })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 600))
    assert.equal(res.headers.location, `/tools/${tool.slug}/edit?done=retired`)
    assert.match(text((await curator.get(res.headers.location)).body), /De tool is buiten gebruik gesteld/)

    const row = await toolRow(tool.slug)
    assert.deepEqual([row.status, row.retired_reason_nl, row.retired_reason_en, row.replaced_by_tool_id, row.version], ['retired', 'Opgegaan in een landelijke voorziening.', null, successor.id, 2])
    assert.equal(row.retired_on, new Date().toISOString().slice(0, 10))
    const visitor = new Browser(t.app)
    const publicPage = await visitor.get(`/tools/${tool.slug}`)
    assert.equal(publicPage.statusCode, 200)
    assert.match(text(publicPage.body), /buiten gebruik gesteld op .*: Opgegaan in een landelijke voorziening\./)
    assert.match(publicPage.body, new RegExp(`href="/tools/${successor.slug}"`))
    assert.match(text((await visitor.get(`/en/tools/${tool.slug}`)).body), /This tool was retired on/)
    const listed = new RegExp(`/tools/${tool.slug}["?]`)
    assert.match((await visitor.get('/tools?status=retired')).body, listed, 'found under the retired status')
    const api = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}` })).json()
    assert.equal(api.retired.replacedBy.slug, successor.slug)
    const [entry] = await auditOf(tool.id, 'tool.retired')
    assert.equal(entry?.actor_role, 'curator')
    assert.equal((entry?.before as { status: string }).status, 'available')
    assert.equal((entry?.after as { status: string; version: number }).version, 2)
    assert.match(text(publicPage.body), /buiten gebruik gesteld door de toolbox-curatoren/)
  })

  test('refused without a reason, with an unknown or unsuitable successor; nothing changes', async () => {
    const tool = await createTool(db())
    const retired = await createTool(db(), { name_nl: `Oud ${word('register')}` })
    await retireTool(db(), retired.id, { reasonNl: 'Gestopt.' })
    const twin = word('Tweeling')
    const [a, b] = [await createTool(db(), { name_nl: twin }), await createTool(db(), { name_en: twin, name_nl: null })]
    const curator = await signedIn('curator')
    const path = `/en/tools/${tool.slug}/retire`
    const before = await toolRow(tool.slug)
    const cases: [Record<string, string>, RegExp][] = [
      [{ reasonNl: '', reasonEn: '' }, /Reason \(Dutch\): Give the reason, in Dutch or in English\./],
      [{ reasonEn: 'Replaced.', replacedBy: 'Gemeentelijke Nergenstool' }, /Replaced by: No tool is called “Gemeentelijke Nergenstool” or has that web address/],
      [{ reasonEn: 'Replaced.', replacedBy: tool.slug }, /Replaced by: A tool cannot replace itself\./],
      [{ reasonEn: 'Replaced.', replacedBy: retired.slug }, /Replaced by: “Oud [a-z]+” is retired itself\. Choose a tool that is in use\./],
      [{ reasonEn: 'Replaced.', replacedBy: twin }, new RegExp(`More than one tool is called “${twin}”\\. Type the web address \\(slug\\) of the one you mean: ${a.slug}, ${b.slug}\\.`)],
    ]
    for (const [changes, message] of cases) {
      const res = await answer(curator, path, changes)
      assert.equal(res.statusCode, 400, JSON.stringify(changes))
      assert.match(text(res.body), message)
      if (changes.replacedBy) assert.equal(formFields(res.body, path).replacedBy, changes.replacedBy, 'what was typed is kept')
    }
    assert.deepEqual(await toolRow(tool.slug), before)
    // The slug finds the one meant among namesakes.
    assert.equal((await answer(curator, path, { reasonEn: 'Replaced.', replacedBy: b.slug })).statusCode, 303)
    assert.equal((await toolRow(tool.slug)).replaced_by_tool_id, b.id)
  })

  test('a save by someone else meanwhile is a conflict that keeps what was typed; retiring again changes the reason, not the date', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/retire`
    const form = formFields((await curator.get(path)).body, path)
    const basics = `/tools/${tool.slug}/edit`
    const other = await signedIn('admin')
    assert.equal((await other.post(basics, { ...formFields((await other.get(basics)).body, basics), descriptionNl: 'Intussen bijgewerkt.' })).statusCode, 303)
    const conflict = await curator.post(path, { ...form, reasonNl: 'Niet meer onderhouden.' })
    assert.equal(conflict.statusCode, 409)
    assert.match(text(conflict.body), /Iemand anders heeft deze tool opgeslagen/)
    assert.match(text(conflict.body), /Teksten en kenmerken \(gewijzigd: Beschrijving \(Nederlands\)\)/)
    assert.equal((await toolRow(tool.slug)).status, 'available')
    const again = await curator.post(path, formFields(conflict.body, path))
    assert.equal(again.statusCode, 303)

    await db().updateTable('tools').set({ retired_on: '2026-01-15' }).where('id', '=', tool.id).execute()
    const retiredPage = await curator.get(path)
    assert.match(text(retiredPage.body), /buiten gebruik gesteld op 15 januari 2026/)
    assert.equal(formFields(retiredPage.body, path).reasonNl, 'Niet meer onderhouden.')
    assert.equal((await curator.post(path, { ...formFields(retiredPage.body, path), reasonEn: 'No longer maintained.' })).statusCode, 303)
    const row = await toolRow(tool.slug)
    assert.deepEqual([row.retired_on, row.retired_reason_nl, row.retired_reason_en], ['2026-01-15', 'Niet meer onderhouden.', 'No longer maintained.'])
    assert.equal((await auditOf(tool.id, 'tool.retired')).length, 1, 'retired once; the later change is an update')
  })

  test('only curators and administrators retire: the owner partner gets 403 and no link, nobody 401', async () => {
    const tool = await createTool(db(), { municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const partner = await signedIn('partner', 'GM0344')
    const edit = await partner.get(`/tools/${tool.slug}/edit`)
    assert.equal(edit.statusCode, 200)
    assert.doesNotMatch(edit.body, /\/retire"|\/merge"/)
    assert.equal((await partner.get(`/tools/${tool.slug}/retire`)).statusCode, 403)
    assert.equal((await partner.post(`/tools/${tool.slug}/retire`, { version: '1', reasonNl: 'Weg ermee.' })).statusCode, 403)
    assert.equal((await new Browser(t.app).get(`/en/tools/${tool.slug}/retire`)).statusCode, 401)
    assert.equal((await toolRow(tool.slug)).status, 'available')
    assert.equal((await (await signedIn('curator')).get('/tools/no-such-tool/retire')).statusCode, 404)
  })
})
