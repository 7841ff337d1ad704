import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

describe('curation', () => {
  let t: TestApp
  let curator: Browser
  let second: Browser
  let coraEmail = ''
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    const db = t.database.handle.db
    const cora = await createUser(db, { role: 'curator', name: 'Cora Curator', locale: 'en' })
    coraEmail = cora.email
    curator = new Browser(t.app).withSession(await sessionCookie(db, cora.id))
    second = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'curator', name: 'Cas Curator' })).id))
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  /** Shares a tool through the public form; returns the submission id and the tracking path. */
  async function share(form: Record<string, string | string[]>) {
    const visitor = new Browser(t.app)
    await visitor.get('/tools/share')
    const res = await visitor.post('/tools/share', { confirmDifferent: 'on', ...form })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 2000))
    const tracking = (res.headers.location as string).split('?')[0]!
    const row = await db().selectFrom('submissions').select(['id', 'version']).where('contact_email', '=', form.contactEmail as string).orderBy('id', 'desc').executeTakeFirstOrThrow()
    return { id: row.id, version: row.version, tracking, visitor }
  }
  const lastMail = (to: string) => db().selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow()

  test('the queue lists open submissions with filters; the detail shows the submission beside its duplicates', async () => {
    const email = `q-${unique('t')}@example.org`
    const { id } = await share({ name: 'Omgevingswet <b>NL</b>', description: 'De wet voor de fysieke leefomgeving.', contactEmail: email })
    const queue = await curator.get('/curation')
    assert.equal(queue.statusCode, 200)
    assert.match(queue.body, new RegExp(`href="/curation/${id}"`))
    assert.ok(queue.body.includes('Omgevingswet &lt;b&gt;NL&lt;/b&gt;'))
    assert.ok(!queue.body.includes('<b>NL</b>'))
    assert.doesNotMatch((await curator.get('/curation?status=rejected')).body, new RegExp(`href="/curation/${id}"`))
    assert.doesNotMatch((await curator.get('/curation?kind=addition')).body, new RegExp(`href="/curation/${id}"`))
    assert.match((await curator.get('/curation?q=omgevingswet')).body, new RegExp(`href="/curation/${id}"`))
    assert.equal((await curator.get('/curation?status=bogus&page=-3&kind=<x>')).statusCode, 200)

    const detail = await curator.get(`/en/curation/${id}`)
    assert.equal(detail.statusCode, 200)
    const page = text(detail.body)
    assert.match(page, /Possible duplicates/)
    assert.match(detail.body, /href="\/en\/tools\/omgevingswet"/)
    assert.match(detail.body, new RegExp(`href="/en/curation/${id}/merge\\?target=omgevingswet"`))
    assert.match(page, new RegExp(email.replace('.', '\\.')))
    assert.match(page, /The submitter saw possible duplicates and said this is a different tool/)
    // Curators are told at once, in their own language, with a link to the submission.
    const notice = await db().selectFrom('outbox').selectAll().where('recipient', '=', coraEmail).where('subject', '=', `New submission to review (no. ${id})`).executeTakeFirstOrThrow()
    assert.ok(notice.body_text.includes(`http://toolbox.test/en/curation/${id}`))
    assert.match(notice.body_text, /possible duplicates .*Omgevingswet/)
    assert.equal((await curator.get('/curation/999999999')).statusCode, 404)
    assert.equal((await curator.get('/curation/abc')).statusCode, 404)
  })

  test('publish: needs form and kind, then becomes a tool with its owner; the submitter is told', async () => {
    const email = `p-${unique('t')}@example.org`
    const name = `Buurtbudget-app ${unique('t')}`
    const { id, tracking } = await share({ name, description: 'Bewoners beslissen samen over het budget van hun wijk.', contactEmail: email, ownerName: 'Gemeente Zwolle', themes: ['autonomy', 'autonomy'], sdgTargets: ['11.3'], languages: ['nl'], websiteUrl: 'https://buurtbudget.example.org' })
    await curator.get(`/curation/${id}`)
    const missing = await curator.post(`/curation/${id}/publish`, { version: '1', owner: '' })
    assert.equal(missing.statusCode, 400)
    assert.match(text(missing.body), /Kies een vorm om te publiceren/)

    const edited = await curator.post(`/curation/${id}`, { version: '1', name, description: 'Bewoners beslissen samen over het budget van hun wijk.', form: 'software', category: 'governance', ownerName: 'Gemeente Zwolle', themes: ['autonomy'], sdgTargets: ['11.3'], languages: ['nl'], websiteUrl: 'https://buurtbudget.example.org', contactEmail: email })
    assert.equal(edited.statusCode, 303)
    const zwolle = await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0193').executeTakeFirstOrThrow()
    await curator.get(`/curation/${id}`)
    const published = await curator.post(`/curation/${id}/publish`, { version: '2', owner: 'Zwolle' })
    assert.equal(published.statusCode, 303)

    const tool = await db().selectFrom('tools').selectAll().where('name_nl', '=', name).executeTakeFirstOrThrow()
    assert.equal(tool.status, 'available')
    assert.equal(tool.origin, 'existing')
    assert.equal(tool.form, 'software')
    assert.deepEqual(tool.languages, ['nl'])
    const owner = await db().selectFrom('tool_organisations').select(['organisation_id', 'role']).where('tool_id', '=', tool.id).executeTakeFirstOrThrow()
    assert.deepEqual(owner, { organisation_id: zwolle.id, role: 'owner' })
    const toolPage = await new Browser(t.app).get(`/tools/${tool.slug}`)
    assert.equal(toolPage.statusCode, 200)
    assert.match(text(toolPage.body), /Autonomie/)
    assert.match(text(toolPage.body), /Beschikbaar in Nederlands/)
    const found = await t.app.inject({ url: `/api/v1/tools?q=${encodeURIComponent(name.split(' ')[0]!)}` })
    assert.ok(JSON.parse(found.body).items.some((i: { slug: string }) => i.slug === tool.slug), 'the new tool is searchable')

    const mail = await lastMail(email)
    assert.match(mail.subject, /Uw tool staat in de toolbox/)
    assert.ok(mail.body_text.includes(`http://toolbox.test/tools/${tool.slug}`))
    const trackingPage = await new Browser(t.app).get(tracking)
    assert.match(text(trackingPage.body), /Gepubliceerd/)
    assert.match(trackingPage.body, new RegExp(`href="/tools/${tool.slug}"`))
    const actions = (await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'submission').where('entity_id', '=', String(id)).orderBy('id').execute()).map((a) => a.action)
    assert.deepEqual(actions, ['submission.submitted', 'submission.edited', 'submission.published'])
    const created = await db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(tool.id)).executeTakeFirstOrThrow()
    assert.equal(created.action, 'tool.created')
    assert.match(created.actor_label, /Cora Curator/)
  })

  test('merge: chosen fields are taken over, lists added to, the submitted name kept as an alias', async () => {
    const email = `m-${unique('t')}@example.org`
    const { id, tracking } = await share({ name: 'Omgevingsloket', description: 'Het omgevingsloket voor vergunningen onder de Omgevingswet, nu in het Omgevingsloket online.', contactEmail: email, licence: 'Publiek domein', themes: ['justice'], languages: ['nl', 'en'], websiteUrl: 'https://omgevingswet.overheid.nl/' })
    const before = await db().selectFrom('tools').selectAll().where('slug', '=', 'omgevingswet').executeTakeFirstOrThrow()
    const page = await curator.get(`/en/curation/${id}/merge?target=omgevingswet`)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Now in the toolbox/)
    assert.match(page.body, /name="licence" value="submitted"/)
    assert.equal((await curator.get(`/curation/${id}/merge?target=no-such-tool`)).statusCode, 200)

    const res = await curator.post(`/en/curation/${id}/merge`, { version: '1', target: 'omgevingswet', description: 'keep', websiteUrl: 'keep', licence: 'submitted', themes: 'add', languages: 'add', alias: 'on' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 500))
    const after = await db().selectFrom('tools').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow()
    assert.equal(after.licence, 'Publiek domein')
    assert.equal(after.description_nl, before.description_nl)
    assert.equal(after.website_url, before.website_url)
    assert.deepEqual([...after.languages].sort(), ['en', 'nl'])
    const themes = (await db().selectFrom('tool_themes').select('criterion_code').where('tool_id', '=', before.id).execute()).map((r) => r.criterion_code)
    assert.ok(themes.includes('justice'))
    const aliases = (await db().selectFrom('tool_aliases').select('alias').where('tool_id', '=', before.id).execute()).map((r) => r.alias)
    assert.ok(aliases.includes('Omgevingsloket'))
    // The alias is searchable at once.
    const search = await t.app.inject({ url: '/api/v1/tools?q=omgevingsloket' })
    assert.equal(JSON.parse(search.body).items[0].slug, 'omgevingswet')
    const mail = await lastMail(email)
    assert.match(mail.subject, /Uw kennis is toegevoegd/)
    assert.match(text((await new Browser(t.app).get(tracking)).body), /Toegevoegd aan een bestaande tool/)
    const audit = await db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(before.id)).where('action', '=', 'tool.updated').executeTakeFirstOrThrow()
    assert.equal((audit.after as { aliasAdded: string }).aliasAdded, 'Omgevingsloket')
  })

  test('ask for information: the submitter is e-mailed, answers on the tracking page, and it is back in the queue', async () => {
    const email = `a-${unique('t')}@example.org`
    const { id, tracking } = await share({ name: `Sensorkaart ${unique('t')}`, description: 'Een kaart van sensoren.', contactEmail: email })
    await curator.get(`/curation/${id}`)
    const empty = await curator.post(`/curation/${id}/ask`, { version: '1', message: '' })
    assert.equal(empty.statusCode, 400)
    const asked = await curator.post(`/curation/${id}/ask`, { version: '1', message: 'Wie beheert de kaart? <script>x</script>' })
    assert.equal(asked.statusCode, 303)
    const mail = await lastMail(email)
    assert.match(mail.subject, /Een vraag over uw tool/)
    assert.ok(mail.body_text.includes('Wie beheert de kaart? <script>x</script>'))

    const visitor = new Browser(t.app)
    const page = await visitor.get(tracking)
    assert.match(text(page.body), /Vraag aan u/)
    assert.ok(page.body.includes('Wie beheert de kaart? &lt;script&gt;x&lt;/script&gt;'))
    const bad = await visitor.post(`${tracking}/reply`, { note: '', websiteUrl: 'ftp://x.example' })
    assert.equal(bad.statusCode, 400)
    const ok = await visitor.post(`${tracking}/reply`, { note: 'De provincie beheert hem.', websiteUrl: 'https://sensorkaart.example.org' })
    assert.equal(ok.statusCode, 303)
    const row = await db().selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.status, 'pending')
    assert.equal(row.website_url, 'https://sensorkaart.example.org')
    assert.equal(row.note, null, 'the original note stays as it was')
    const events = await db().selectFrom('submission_events').select(['event', 'message']).where('submission_id', '=', id).orderBy('id').execute()
    assert.deepEqual(events.map((e) => e.event), ['submitted', 'info_requested', 'replied'])
    assert.equal(events[2]!.message, 'De provincie beheert hem.')
    const again = await visitor.post(`${tracking}/reply`, { note: 'Nog iets.' })
    assert.equal(again.statusCode, 409, 'no question open any more')
  })

  test('reject with a reason; two curators at once: the second gets a conflict and keeps what they typed', async () => {
    const email = `r-${unique('t')}@example.org`
    const { id, tracking } = await share({ name: `Reclamezuil ${unique('t')}`, description: 'Een reclamezuil.', contactEmail: email })
    await curator.get(`/curation/${id}`)
    await second.get(`/curation/${id}`)
    const rejected = await curator.post(`/curation/${id}/reject`, { version: '1', message: 'Dit is geen tool voor processen.' })
    assert.equal(rejected.statusCode, 303)
    const late = await second.post(`/en/curation/${id}/ask`, { version: '1', message: 'My question, typed with care' })
    assert.equal(late.statusCode, 409)
    assert.match(text(late.body), /Someone else changed or decided this submission/)
    assert.doesNotMatch(late.body, /name="message"/, 'a decided submission has no action forms')
    const lateEdit = await second.post(`/curation/${id}/publish`, { version: '1' })
    assert.equal(lateEdit.statusCode, 409)

    const mail = await lastMail(email)
    assert.match(mail.subject, /niet opgenomen/)
    assert.ok(mail.body_text.includes('Dit is geen tool voor processen.'))
    const page = await new Browser(t.app).get(tracking)
    assert.match(text(page.body), /Niet opgenomen/)
    assert.match(text(page.body), /Dit is geen tool voor processen\./)
  })

  test('a stale edit is a conflict that keeps the typed values', async () => {
    const email = `c-${unique('t')}@example.org`
    const { id } = await share({ name: `Lichtmastsensor ${unique('t')}`, description: 'Sensoren in lichtmasten.', contactEmail: email })
    await curator.get(`/curation/${id}`)
    assert.equal((await curator.post(`/curation/${id}`, { version: '1', name: 'Eerste', description: 'Een.', contactEmail: email })).statusCode, 303)
    const stale = await second.post(`/curation/${id}`, { version: '1', name: 'Tweede naam die ik typte', description: 'Twee.', contactEmail: email })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /value="Tweede naam die ik typte"/)
    const row = await db().selectFrom('submissions').select(['name', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual(row, { name: 'Eerste', version: 2 })
  })

  test('an addition is merged, not published as a tool of its own', async () => {
    const email = `x-${unique('t')}@example.org`
    const visitor = new Browser(t.app)
    await visitor.get('/tools/share')
    assert.equal((await visitor.post('/tools/share', { name: 'PDOK', description: 'Ook voor 3D.', contactEmail: email, additionTo: 'pdok' })).statusCode, 303)
    const row = await db().selectFrom('submissions').select(['id', 'version']).where('contact_email', '=', email).executeTakeFirstOrThrow()
    const page = await curator.get(`/curation/${row.id}`)
    assert.doesNotMatch(page.body, new RegExp(`action="/curation/${row.id}/publish"`))
    const res = await curator.post(`/curation/${row.id}/publish`, { version: String(row.version) })
    assert.equal(res.statusCode, 400)
    assert.match(text(res.body), /Een aanvulling publiceert u niet als eigen tool/)
  })

  test('partners and visitors cannot open curation', async () => {
    const partner = await createUser(db(), { role: 'partner' })
    assert.equal((await new Browser(t.app).withSession(await sessionCookie(db(), partner.id)).get('/curation')).statusCode, 403)
    assert.equal((await new Browser(t.app).get('/en/curation')).statusCode, 401)
    assert.doesNotMatch((await new Browser(t.app).withSession(await sessionCookie(db(), partner.id)).get('/')).body, /href="\/curation"/)
    assert.match((await curator.get('/')).body, /href="\/curation"/)
  })
})
