import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

describe('curation: the owner picker searches instead of listing 426 names', () => {
  let t: TestApp
  let curator: Browser
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    curator = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'curator', name: 'Cora Curator' })).id))
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  /** A publishable submission (form and kind chosen), shared through the public form. */
  async function share(ownerName?: string) {
    const visitor = new Browser(t.app)
    await visitor.get('/tools/share')
    const email = `o-${unique('t')}@example.org`
    const name = `Wijkmeter ${unique('t')}`
    const res = await visitor.post('/tools/share', {
      confirmDifferent: 'on',
      name,
      description: 'Meet hoe bewoners hun wijk ervaren.',
      contactEmail: email,
      form: 'software',
      category: 'content',
      ...(ownerName ? { ownerName } : {}),
    })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 1000))
    const row = await db().selectFrom('submissions').select(['id', 'version']).where('contact_email', '=', email).executeTakeFirstOrThrow()
    return { id: row.id, name }
  }
  const ownerOf = async (toolName: string) => {
    const tool = await db().selectFrom('tools').select('id').where((eb) => eb.or([eb('name_nl', '=', toolName), eb('name_en', '=', toolName)])).executeTakeFirstOrThrow()
    return db().selectFrom('tool_organisations as x').innerJoin('organisations as o', 'o.id', 'x.organisation_id').select(['o.id', 'o.name', 'o.kind']).where('x.tool_id', '=', tool.id).where('x.role', '=', 'owner').execute()
  }
  const ownerField = (body: string) => /<input [^>]*name="owner"[^>]*>/.exec(body)?.[0] ?? ''
  const createBox = (body: string) => /<input [^>]*name="createOwner"[^>]*>/.exec(body)?.[0] ?? ''

  test('the publish form: a text field with the list of names and aliases, prefilled from the submission', async () => {
    const known = await share('Gemeente Zwolle')
    const page = await curator.get(`/curation/${known.id}`)
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /<select[^>]*name="owner"/, 'no select of every organisation')
    assert.match(ownerField(page.body), /type="text"/)
    assert.match(ownerField(page.body), /value="Zwolle"/, 'the organisation going by the submitted name')
    assert.match(ownerField(page.body), /list="publish-organisations"/)
    assert.doesNotMatch(createBox(page.body), /checked/)
    assert.match(page.body, /<datalist id="publish-organisations">/)
    assert.match(page.body, /<option value="&#39;s-Gravenhage">Gemeente GM0518 · Den Haag, The Hague<\/option>/)
    assert.match(page.body, /<option value="Den Haag">&#39;s-Gravenhage<\/option>/)
    assert.match(text(page.body), /Typ een deel van de naam of een andere naam .* Laat het veld leeg om zonder eigenaar te publiceren\./)

    const unknown = await share('Stichting Buurtmeters')
    const unknownPage = await curator.get(`/en/curation/${unknown.id}`)
    assert.match(ownerField(unknownPage.body), /value="Stichting Buurtmeters"/)
    assert.match(createBox(unknownPage.body), /checked/, 'no organisation has that name: create it, by default')
    assert.match(text(unknownPage.body), /Create a new organisation with this name/)

    const none = await share()
    const nonePage = await curator.get(`/curation/${none.id}`)
    assert.match(ownerField(nonePage.body), /value=""/)
    assert.doesNotMatch(createBox(nonePage.body), /checked/)
  })

  test('publishing with an alias links the organisation it names: "Den Haag" is \'s-Gravenhage', async () => {
    const { id, name } = await share('Den Haag')
    const page = await curator.get(`/curation/${id}`)
    assert.match(ownerField(page.body), /value="&#39;s-Gravenhage"/)
    const res = await curator.post(`/en/curation/${id}/publish`, { version: '1', owner: 'den haag' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 1000))
    const haag = await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0518').executeTakeFirstOrThrow()
    assert.deepEqual((await ownerOf(name)).map((o) => o.id), [haag.id])
  })

  test('an unknown name without "create" is refused with "did you mean", keeping what was typed', async () => {
    const { id, name } = await share('Gravenhaag')
    await curator.get(`/en/curation/${id}`)
    const res = await curator.post(`/en/curation/${id}/publish`, { version: '1', owner: 'Gravenhaag' })
    assert.equal(res.statusCode, 400)
    assert.match(text(res.body), /No organisation is called “Gravenhaag”\. Did you mean: “'s-Gravenhage”/)
    assert.match(ownerField(res.body), /value="Gravenhaag"/)
    assert.match(ownerField(res.body), /aria-invalid="true"/)
    assert.doesNotMatch(createBox(res.body), /checked/, 'the box as the curator left it')
    const nl = await curator.post(`/curation/${id}/publish`, { version: '1', owner: 'Gravenhaag' })
    assert.match(text(nl.body), /Geen organisatie heet “Gravenhaag”\. Bedoelt u: “'s-Gravenhage”/)
    const row = await db().selectFrom('submissions').select(['status', 'result_tool_id']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual(row, { status: 'pending', result_tool_id: null })
    assert.equal((await db().selectFrom('tools').select('id').where('name_nl', '=', name).execute()).length, 0, 'nothing published')
    assert.equal((await db().selectFrom('organisations').select('id').where('name', '=', 'Gravenhaag').execute()).length, 0, 'nothing created')
  })

  test('with "create" ticked a new organisation is made once; publishing another tool by the same name reuses it', async () => {
    const orgName = `Stichting Meetnet ${unique('m')}`
    const first = await share(orgName)
    await curator.get(`/curation/${first.id}`)
    assert.equal((await curator.post(`/curation/${first.id}/publish`, { version: '1', owner: orgName, createOwner: 'on' })).statusCode, 303)
    const [created] = await ownerOf(first.name)
    assert.equal(created?.name, orgName)
    assert.equal(created?.kind, 'other')
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_label']).where('entity_type', '=', 'organisation').where('entity_id', '=', String(created!.id)).execute()
    assert.deepEqual(audit.map((a) => a.action), ['organisation.created'])
    assert.match(audit[0]!.actor_label, /Cora Curator/)

    const second = await share(orgName.toUpperCase())
    const page = await curator.get(`/curation/${second.id}`)
    assert.match(ownerField(page.body), new RegExp(`value="${orgName}"`), 'now it exists: its own spelling')
    assert.doesNotMatch(createBox(page.body), /checked/)
    assert.equal((await curator.post(`/curation/${second.id}/publish`, { version: '1', owner: orgName.toUpperCase(), createOwner: 'on' })).statusCode, 303)
    assert.deepEqual((await ownerOf(second.name)).map((o) => o.id), [created!.id])
    assert.equal((await db().selectFrom('organisations').select('id').where('name', 'ilike', orgName).execute()).length, 1, 'one organisation of that name')

    // "Create" with an alias: the organisation it names, nothing new.
    const third = await share('TU Delft')
    await curator.get(`/curation/${third.id}`)
    assert.equal((await curator.post(`/curation/${third.id}/publish`, { version: '1', owner: 'TU Delft', createOwner: 'on' })).statusCode, 303)
    assert.deepEqual((await ownerOf(third.name)).map((o) => o.name), ['Technische Universiteit Delft (TU Delft)'])
    assert.equal((await db().selectFrom('organisations').select('id').where('name', '=', 'TU Delft').execute()).length, 0)
  })

  test('an empty owner publishes without owner', async () => {
    const { id, name } = await share('Iemand')
    await curator.get(`/curation/${id}`)
    assert.equal((await curator.post(`/curation/${id}/publish`, { version: '1', owner: '   ', createOwner: 'on' })).statusCode, 303)
    assert.deepEqual(await ownerOf(name), [])
    assert.equal((await curator.post(`/curation/${id}/publish`, { version: '1', owner: 'Almere' })).statusCode, 409, 'decided already')
    assert.equal((await curator.post(`/curation/${id}/publish`, { version: '1', owner: 'x'.repeat(5000) })).statusCode, 400)
  })
})
