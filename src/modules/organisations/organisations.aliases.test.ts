import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

describe('organisation aliases: "Den Haag" finds \'s-Gravenhage', () => {
  let t: TestApp
  let admin: Browser
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    admin = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'admin', name: 'Ada Admin' })).id))
  })
  after(() => t.close())
  const db = () => t.database.handle.db
  const visitor = () => new Browser(t.app)
  /** The slugs of the tools a catalogue search finds (the API), and whether the HTML page lists a tool. */
  const apiSearch = async (q: string) => (JSON.parse((await t.app.inject({ url: `/api/v1/tools?q=${encodeURIComponent(q)}&pageSize=100` })).body) as { items: { slug: string }[] }).items.map((i) => i.slug)
  const pageFinds = async (path: string, slug: string) => new RegExp(`href="/(en/)?tools/${slug}["?]`).test((await visitor().get(path)).body)
  /** An organisation with a tool it owns. */
  async function organisationWithTool(name: string) {
    const org = await db().insertInto('organisations').values({ slug: unique('org'), name, kind: 'company' }).returningAll().executeTakeFirstOrThrow()
    const tool = await createTool(db(), { name_nl: `Gereedschap ${unique('x')}`, name_en: null })
    await db().insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: org.id, role: 'owner' }).execute()
    await sql`select tool_refresh_derived(${[tool.id]}::bigint[])`.execute(db())
    return { org, tool }
  }
  const aliases = async (organisationId: number) =>
    (await db().selectFrom('organisation_aliases').select('alias').where('organisation_id', '=', organisationId).orderBy('alias').execute()).map((a) => a.alias)
  const auditOf = (organisationId: number, action: string) =>
    db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'organisation').where('entity_id', '=', String(organisationId)).where('action', '=', action).orderBy('id', 'desc').execute()

  test('the catalogue search finds the tools of \'s-Gravenhage by "Den Haag" and "The Hague"', async () => {
    assert.ok((await apiSearch('Den Haag')).includes('crowd-safety-manager'))
    assert.ok((await apiSearch('the hague')).includes('crowd-safety-manager'))
    assert.ok(await pageFinds('/tools?q=Den+Haag', 'crowd-safety-manager'))
    assert.ok(await pageFinds('/en/tools?q=The+Hague', 'crowd-safety-manager'))
    // And by "TU Delft" the tools of Technische Universiteit Delft.
    const delft = await db().selectFrom('organisations').select('id').where('name', '=', 'Technische Universiteit Delft (TU Delft)').executeTakeFirstOrThrow()
    const delftTools = await db().selectFrom('tool_organisations as x').innerJoin('tools as t', 't.id', 'x.tool_id').select('t.slug').where('x.organisation_id', '=', delft.id).execute()
    assert.ok(delftTools.length > 0)
    const found = await apiSearch('Delft University of Technology')
    assert.ok(delftTools.every((tool) => found.includes(tool.slug)))
  })

  test('the reference data carries each municipality\'s aliases, for the municipality facet', () => {
    const haag = t.app.appContext.reference.municipalities.get('GM0518')
    assert.deepEqual(haag?.aliases, ['Den Haag', 'The Hague'])
    assert.equal(haag?.label, "'s-Gravenhage (Den Haag, The Hague)")
    assert.equal(t.app.appContext.reference.municipalities.get('GM0034')?.label, 'Almere')
  })

  test('an administrator adds an alias: audited, shown, and the catalogue finds the organisation\'s tools by it at once', async () => {
    const { org, tool } = await organisationWithTool('Stichting Wijkwijzer')
    const page = await admin.get(`/admin/organisations/${org.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Andere namen\s+Namen waaronder mensen deze organisatie ook kennen/)
    assert.match(text(page.body), /Deze organisatie heeft nog geen andere namen\./)
    assert.match(page.body, new RegExp(`href="/organisations/${org.slug}"`))
    const word = `Buurtgids${unique('w').slice(2)}`
    assert.equal((await apiSearch(word)).length, 0)

    const added = await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: `  ${word}  ` })
    assert.equal(added.statusCode, 303)
    assert.equal(added.headers.location, `/admin/organisations/${org.id}?done=aliasAdded`)
    assert.deepEqual(await aliases(org.id), [word])
    const shown = await admin.get(added.headers.location as string)
    assert.match(text(shown.body), /De andere naam is toegevoegd\./)
    assert.match(shown.body, new RegExp(`<li class="utrecht-unordered-list__item">${word} <form method="post" action="/admin/organisations/${org.id}/aliases/remove"[\\s\\S]*?Verwijder “${word}”</button>`))
    assert.deepEqual(await apiSearch(word), [tool.slug])
    assert.ok(await pageFinds(`/tools?q=${word}`, tool.slug))
    assert.match(text((await visitor().get(`/organisations/${org.slug}`)).body), new RegExp(`Ook bekend als\\s+${word}`))
    assert.equal((await t.app.appContext.organisations.resolve(word.toUpperCase(), 'owner')).id, org.id, 'the picker knows it too')
    const [entry] = await auditOf(org.id, 'organisation.alias_added')
    assert.deepEqual(entry?.after, { alias: word })
    assert.match(entry!.actor_label, /Ada Admin/)

    // Removed: audited, and the search no longer finds the tool by it.
    const aliasId = (await db().selectFrom('organisation_aliases').select('id').where('alias', '=', word).executeTakeFirstOrThrow()).id
    const removed = await admin.post(`/en/admin/organisations/${org.id}/aliases/remove`, { aliasId: String(aliasId) })
    assert.equal(removed.statusCode, 303)
    assert.equal(removed.headers.location, `/en/admin/organisations/${org.id}?done=aliasRemoved`)
    assert.match(text((await admin.get(removed.headers.location as string)).body), /The other name has been removed\./)
    assert.deepEqual(await aliases(org.id), [])
    assert.deepEqual(await apiSearch(word), [])
    assert.deepEqual((await auditOf(org.id, 'organisation.alias_removed'))[0]?.before, { alias: word })
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases/remove`, { aliasId: String(aliasId) })).statusCode, 404, 'already gone')
  })

  test('an alias names one organisation: a duplicate gets a clear message, in the user\'s language, and nothing changes', async () => {
    const { org } = await organisationWithTool('Stichting Stadsdata')
    await admin.get(`/admin/organisations/${org.id}`)
    const haag = await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'den haag' })
    assert.equal(haag.statusCode, 400)
    assert.match(text(haag.body), /“den haag” is al een andere naam van 's-Gravenhage\. Een naam hoort bij één organisatie\./)
    assert.match(haag.body, /id="alias-otherName" name="otherName" value="den haag"[^>]* aria-invalid="true"/)
    const en = await admin.post(`/en/admin/organisations/${org.id}/aliases`, { otherName: 'The Hague' })
    assert.equal(en.statusCode, 400)
    assert.match(text(en.body), /“The Hague” is already another name of 's-Gravenhage\. A name belongs to one organisation\./)
    const otherName = await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'ALMERE' })
    assert.equal(otherName.statusCode, 400)
    assert.match(text(otherName.body), /“ALMERE” is de naam van een andere organisatie \(Almere\)/)
    const ownName = await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'stichting stadsdata' })
    assert.match(text(ownName.body), /is al de naam van Stichting Stadsdata/)
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'Stadsdata' })).statusCode, 303)
    const twice = await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'STADSDATA' })
    assert.equal(twice.statusCode, 400)
    assert.match(text(twice.body), /Stichting Stadsdata heeft de andere naam “STADSDATA” al\./)
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: '   ' })).statusCode, 400)
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'x'.repeat(201) })).statusCode, 400)
    const markup = await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: '<script>alert(1)</script>' })
    assert.equal(markup.statusCode, 303, 'markup is only text')
    assert.ok((await visitor().get(`/organisations/${org.slug}`)).body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.deepEqual(await aliases(org.id), ['<script>alert(1)</script>', 'Stadsdata'])

    // Another organisation's alias cannot be removed through this one.
    const denHaag = await db().selectFrom('organisation_aliases').select('id').where('alias', '=', 'Den Haag').executeTakeFirstOrThrow()
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases/remove`, { aliasId: String(denHaag.id) })).statusCode, 404)
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases/remove`, { aliasId: 'abc' })).statusCode, 400)
    assert.ok((await db().selectFrom('organisation_aliases').select('id').where('id', '=', denHaag.id).executeTakeFirst()), 'Den Haag stays')
    assert.equal((await admin.post('/admin/organisations/999999999/aliases', { otherName: 'Nergens' })).statusCode, 404)
  })

  test('without a valid CSRF token nothing is added or removed', async () => {
    const { org } = await organisationWithTool('Stichting Formulier')
    await admin.get(`/admin/organisations/${org.id}`)
    assert.equal((await admin.post(`/admin/organisations/${org.id}/aliases`, { otherName: 'Formulierloos' }, { csrf: false })).statusCode, 403)
    assert.deepEqual(await aliases(org.id), [])
    const haag = await db().selectFrom('organisation_aliases').select('id').where('alias', '=', 'Den Haag').executeTakeFirstOrThrow()
    const haagOrg = await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0518').executeTakeFirstOrThrow()
    assert.equal((await admin.post(`/admin/organisations/${haagOrg.id}/aliases/remove`, { aliasId: String(haag.id) }, { csrf: false })).statusCode, 403)
    assert.ok(await db().selectFrom('organisation_aliases').select('id').where('id', '=', haag.id).executeTakeFirst())
  })

  test('a municipality\'s new alias shows in the municipality facet\'s reference data at once', async () => {
    const almere = await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0034').executeTakeFirstOrThrow()
    await admin.get(`/admin/organisations/${almere.id}`)
    assert.equal((await admin.post(`/admin/organisations/${almere.id}/aliases`, { otherName: 'Almere Stad' })).statusCode, 303)
    const deadline = Date.now() + 2000
    while (t.app.appContext.reference.municipalities.get('GM0034')?.aliases.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    assert.equal(t.app.appContext.reference.municipalities.get('GM0034')?.label, 'Almere (Almere Stad)')
  })

  test('renaming an organisation refreshes its tools\' search text in the same transaction', async () => {
    const { org, tool } = await organisationWithTool('Stichting Oudenaam')
    const newName = `Stichting Nieuwenaam${unique('n').slice(2)}`
    const version = /name="version" value="([^"]+)"/.exec((await admin.get(`/admin/organisations/${org.id}`)).body)![1]!
    const saved = await admin.post(`/admin/organisations/${org.id}`, { name: newName, kind: 'company', version })
    assert.equal(saved.statusCode, 303)
    assert.deepEqual(await apiSearch(newName.split(' ')[1]!), [tool.slug])
  })

  test('a merge keeps the names the duplicate went by: its aliases and its name become the kept one\'s', async () => {
    const { org: dup, tool } = await organisationWithTool(`Stichting Tweemaal ${unique('d')}`)
    const kept = await db().insertInto('organisations').values({ slug: unique('org'), name: `Stichting Eenmaal ${unique('k')}`, kind: 'civil_society' }).returningAll().executeTakeFirstOrThrow()
    const { tool: keptTool } = await organisationWithTool(`Stichting Anders ${unique('a')}`)
    await db().insertInto('tool_organisations').values({ tool_id: keptTool.id, organisation_id: kept.id, role: 'partner' }).execute()
    const alias = `Tweemaalbureau${unique('a').slice(2)}`
    await admin.get(`/admin/organisations/${dup.id}`)
    assert.equal((await admin.post(`/admin/organisations/${dup.id}/aliases`, { otherName: alias })).statusCode, 303)
    assert.equal((await admin.post(`/admin/organisations/${dup.id}/merge`, { targetId: String(kept.id) })).statusCode, 303)
    assert.deepEqual(await aliases(kept.id), [dup.name, alias].sort())
    assert.deepEqual((await apiSearch(alias)).sort(), [tool.slug, keptTool.slug].sort(), 'every tool of the kept organisation is found by the moved alias')
    assert.equal((await t.app.appContext.organisations.resolve(dup.name, 'owner')).id, kept.id)
    const [merged] = await auditOf(dup.id, 'organisation.merged')
    assert.deepEqual((merged?.after as { aliases: string[] }).aliases.sort(), [dup.name, alias].sort())
  })
})
