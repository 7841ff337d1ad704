import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

// Issue 14 ("first impressions"): what a submitter tells beyond name and description reaches curation and the
// published tool; publishing without form and kind says so at the top and lets the curator choose them there;
// the queue counts the possible duplicates its pages list.
describe('sharing and curation: processes, status, municipalities; the publish step; the queue', () => {
  let t: TestApp
  let curator: Browser
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    const db = t.database.handle.db
    curator = new Browser(t.app).withSession(await sessionCookie(db, (await createUser(db, { role: 'curator' })).id))
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  async function share(form: Record<string, string | string[]>, path = '/tools/share') {
    const visitor = new Browser(t.app)
    await visitor.get(path)
    return visitor.post('/tools/share', { confirmDifferent: 'on', ...form })
  }
  const submissionOf = (email: string) => db().selectFrom('submissions').selectAll().where('contact_email', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow()

  test('the share form asks for processes, status and municipalities; curators see them; publishing carries them over', async () => {
    const form = await new Browser(t.app).get('/tools/share')
    assert.match(form.body, /name="processes" value="furnish"/)
    assert.match(form.body, /<select[^>]*name="toolStatus"/)
    assert.match(form.body, /<input[^>]*name="municipality1"[^>]*list="share-municipality-list"/)
    assert.match(form.body, /<datalist id="share-municipality-list">.*<option value="Den Haag">/s)

    const unknown = await share({ name: `Kaart ${unique('k')}`, description: 'Een kaart.', contactEmail: `u-${unique('m')}@example.org`, municipality1: 'Atlantis' })
    assert.equal(unknown.statusCode, 400)
    assert.match(text(unknown.body), /We kennen geen gemeente “Atlantis”/)
    assert.match(unknown.body, /value="Atlantis"/, 'what was typed is kept')

    const email = `s-${unique('m')}@example.org`
    const name = `Wijkpanel ${unique('w')}`
    const shared = await share({ name, description: 'Bewoners geven hun mening over plannen.', contactEmail: email, processes: ['design', 'govern'], toolStatus: 'testing', municipality1: 'Den Haag', municipality2: 'gm0344', municipality3: '' })
    assert.equal(shared.statusCode, 303, text(shared.body).slice(0, 1000))
    const row = await submissionOf(email)
    const detail = text((await curator.get(`/curation/${row.id}`)).body)
    assert.match(detail, /Ontwerpen, Besturen/)
    assert.match(detail, /Testen|In test/)
    assert.match(detail, /’s-Gravenhage, Utrecht|'s-Gravenhage, Utrecht/)

    const published = await curator.post(`/curation/${row.id}/publish`, { version: String(row.version), owner: '', form: 'software', category: 'content' })
    assert.equal(published.statusCode, 303, text(published.body).slice(0, 1000))
    const tool = await db().selectFrom('tools').selectAll().where('name_nl', '=', name).executeTakeFirstOrThrow()
    assert.deepEqual([tool.status, tool.form, tool.category], ['testing', 'software', 'content'])
    const processes = await db().selectFrom('tool_processes').select('process').where('tool_id', '=', tool.id).orderBy('process').execute()
    assert.deepEqual(processes.map((p) => p.process), ['design', 'govern'])
    const users = await db().selectFrom('adoptions').innerJoin('organisations as o', 'o.id', 'adoptions.organisation_id').select('o.cbs_code').where('tool_id', '=', tool.id).orderBy('o.cbs_code').execute()
    assert.deepEqual(users.map((u) => u.cbs_code), ['GM0344', 'GM0518'])
  })

  test('"Vul deze tool aan" introduces adding to that tool and does not demand a description', async () => {
    const target = await db().selectFrom('tools').select(['slug', 'name_nl', 'description_nl']).where('slug', '=', 'omgevingswet').executeTakeFirstOrThrow()
    const page = await new Browser(t.app).get('/tools/share?additionTo=omgevingswet')
    assert.match(text(page.body), /Weet u meer over deze tool dan de toolbox laat zien/)
    assert.doesNotMatch(text(page.body), /Ken je een tool die steden/)
    assert.doesNotMatch(page.body, /<textarea[^>]*name="description"[^>]*required/)
    const email = `a-${unique('m')}@example.org`
    const res = await share({ additionTo: 'omgevingswet', name: target.name_nl ?? 'Omgevingswet', description: '', contactEmail: email, municipality1: 'Zwolle' }, '/tools/share?additionTo=omgevingswet')
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 1000))
    const row = await submissionOf(email)
    assert.equal(row.kind, 'addition')
    assert.equal(row.description, target.description_nl)
    // A new tool still needs one.
    const bare = await share({ name: `Zonder ${unique('z')}`, description: '', contactEmail: `b-${unique('m')}@example.org` })
    assert.equal(bare.statusCode, 400)
    const both = await share({ name: '', description: '', contactEmail: 'nope' })
    for (const field of ['name', 'description', 'contactEmail']) assert.match(both.body, new RegExp(`href="#share-${field}"`), `${field} is in the summary`)
  })

  test('publishing without form and kind: the problems at the top, focused; form and kind chosen in the publish step', async () => {
    const email = `f-${unique('m')}@example.org`
    const shared = await share({ name: `Parkeerdata ${unique('p')}`, description: 'Vrije plekken in garages.', contactEmail: email })
    assert.equal(shared.statusCode, 303)
    const row = await submissionOf(email)
    const detail = await curator.get(`/curation/${row.id}`)
    assert.match(detail.body, /<select[^>]*id="publish-form"/)
    assert.match(detail.body, /<select[^>]*id="publish-category"/)
    const refused = await curator.post(`/curation/${row.id}/publish`, { version: String(row.version), owner: '' })
    assert.equal(refused.statusCode, 400)
    const main = refused.body.slice(refused.body.indexOf('<main'))
    const summary = main.indexOf('class="citydeal-error-summary" tabindex="-1" autofocus')
    assert.ok(summary > 0 && summary < main.indexOf('href="/curation"'), 'the summary comes first in the page and takes focus')
    assert.match(main, /href="#publish-form">[^<]*: Kies een vorm om te publiceren/)
    assert.match(main, /href="#publish-category">[^<]*: Kies een soort tool om te publiceren/)
    const published = await curator.post(`/curation/${row.id}/publish`, { version: String(row.version), owner: '', form: 'dataset', category: 'content' })
    assert.equal(published.statusCode, 303, text(published.body).slice(0, 1000))
  })

  test('the queue shows how many possible duplicates the detail page lists; both are lists that fit a phone', async () => {
    const email = `d-${unique('m')}@example.org`
    const shared = await share({ name: 'Omgevingswet', description: 'De wet voor de fysieke leefomgeving.', contactEmail: email })
    assert.equal(shared.statusCode, 303)
    const row = await submissionOf(email)
    const detail = await curator.get(`/curation/${row.id}`)
    // The page lists its candidates as a list (no table that scrolls sideways on a phone).
    assert.doesNotMatch(detail.body, /<table/)
    const listed = (detail.body.match(/<li class="citydeal-result citydeal-candidate">/g) ?? []).length
    assert.ok(listed > 0, 'the page lists possible duplicates')
    const queue = await curator.get('/curation?q=Omgevingswet')
    assert.doesNotMatch(queue.body, /<table/)
    const item = queue.body.slice(queue.body.indexOf(`href="/curation/${row.id}"`))
    const from = item.indexOf('Mogelijke dubbelen')
    const duplicates = text(item.slice(from, item.indexOf('</li>', from)))
    assert.match(duplicates, new RegExp(`^Mogelijke dubbelen\\s*${listed}\\b`), duplicates)
  })
})
