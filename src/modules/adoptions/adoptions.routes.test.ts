import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, organisationByCbs } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// "We use this tool": a member records their organisation's use of a tool, a curator on an organisation's behalf.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

async function signedIn(role: 'partner' | 'curator' | 'admin', organisationCbs?: string, locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role, locale, ...(organisationCbs ? { organisationCbs } : {}) })
  return new Browser(t.app).withSession(await sessionCookie(db(), user.id))
}

/** Opens a page and answers its form (by action) as the page shows it, with some fields changed. */
async function answer(browser: Browser, path: string, changes: Record<string, string>, action = path.replace(/\?.*$/, '')) {
  const page = await browser.get(path)
  assert.equal(page.statusCode, 200, `${path}: ${page.statusCode}`)
  return browser.post(action, { ...formFields(page.body, action), ...changes })
}

const toolRow = (slug: string) => db().selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow()
const adoptionsOf = (toolId: number) => db().selectFrom('adoptions').selectAll().where('tool_id', '=', toolId).orderBy('organisation_id').execute()
const auditOf = (toolId: number, action: string) =>
  db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(toolId)).where('action', '=', action).orderBy('id').execute()
const anonymousPage = async (path: string) => text((await new Browser(t.app).get(path)).body)

describe('a member records that their municipality uses a tool', () => {
  test('record, show on the tool and organisation pages in both languages, change, remove: audited, the version counted up, the "used by" key kept', async () => {
    const tool = await createTool(db(), { name_nl: 'Modelverordening deelscooters', name_en: 'Model ordinance for shared scooters', form: 'method' })
    const utrecht = await organisationByCbs(db(), 'GM0344')
    const member = await signedIn('partner', 'GM0344')

    // The link is for signed-in members; an anonymous (cached) page never has it.
    assert.match((await member.get(`/tools/${tool.slug}`)).body, new RegExp(`href="/tools/${tool.slug}/adoption">Wij gebruiken deze tool<`))
    assert.doesNotMatch((await new Browser(t.app).get(`/tools/${tool.slug}`)).body, /\/adoption"/)
    assert.match(await anonymousPage(`/tools/${tool.slug}`), /Nog geen gemeente of organisatie heeft vastgelegd/)

    const form = await member.get(`/tools/${tool.slug}/adoption`)
    assert.match(text(form.body), new RegExp(`Leg vast dat ${utrecht.name} deze tool gebruikt`))
    assert.ok(!('organisation' in formFields(form.body, `/tools/${tool.slug}/adoption`)), 'a member records for their own organisation only')
    const res = await answer(member, `/tools/${tool.slug}/adoption`, {
      since: '2025-03-01',
      toolVersion: '2.1',
      localVariantNl: 'Utrecht staat deelscooters alleen toe buiten de binnenstad.',
      localVariantEn: 'Utrecht allows shared scooters only outside the city centre.',
      localUrl: 'https://lokaleregelgeving.overheid.nl/CVDR999999',
    })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 400))
    assert.equal(res.headers.location, `/tools/${tool.slug}/adoption?done=saved`)
    assert.match(text((await member.get(res.headers.location as string)).body), /Het gebruik is vastgelegd/)

    const [row] = await adoptionsOf(tool.id)
    assert.deepEqual(
      [row?.organisation_id, row?.since, row?.tool_version, row?.local_variant_en, row?.local_url],
      [utrecht.id, '2025-03-01', '2.1', 'Utrecht allows shared scooters only outside the city centre.', 'https://lokaleregelgeving.overheid.nl/CVDR999999'],
    )
    const saved = await toolRow(tool.slug)
    assert.equal(saved.version, 2, 'recording use counts the tool version up')
    assert.ok(saved.facet_keys.includes('usedby:GM0344'), saved.facet_keys.join(' '))
    const [entry] = await auditOf(tool.id, 'tool.adoption_recorded')
    assert.equal(entry?.actor_role, 'partner')
    assert.deepEqual((entry?.after as { version: number; adoptions: { tool_version: string }[] }).adoptions.map((a) => a.tool_version), ['2.1'])

    // The tool page and the organisation page, in both languages, to anybody.
    const nl = await anonymousPage(`/tools/${tool.slug}`)
    assert.match(nl, new RegExp(`Gebruikt door ${utrecht.name} \\(sinds 1 maart 2025, versie 2\\.1\\) Utrecht staat deelscooters alleen toe buiten de binnenstad\\. Eigen variant van ${utrecht.name}`))
    assert.match(nl, new RegExp(`gebruik vastgelegd door ${utrecht.name}`))
    const toolPage = (await new Browser(t.app).get(`/tools/${tool.slug}`)).body
    assert.match(toolPage, /<a [^>]*href="https:\/\/lokaleregelgeving\.overheid\.nl\/CVDR999999"[^>]*>Eigen variant van /)
    const en = await anonymousPage(`/en/tools/${tool.slug}`)
    assert.match(en, new RegExp(`Used by ${utrecht.name} \\(since 1 March 2025, version 2\\.1\\) Utrecht allows shared scooters only outside the city centre\\. Local variant of ${utrecht.name}`))
    assert.match(en, /use recorded by /)
    const orgNl = await anonymousPage(`/organisations/${utrecht.slug}`)
    assert.match(orgNl, /Gebruikt Modelverordening deelscooters \(sinds 1 maart 2025, versie 2\.1\) Utrecht staat deelscooters alleen toe buiten de binnenstad\. Eigen variant/)
    const orgEn = await anonymousPage(`/en/organisations/${utrecht.slug}`)
    assert.match(orgEn, /Model ordinance for shared scooters \(since 1 March 2025, version 2\.1\) Utrecht allows shared scooters only outside the city centre\. Local variant/)
    // The catalogue finds the tool by the municipality that uses it.
    const api = (await t.app.inject({ url: `/api/v1/tools?municipality=GM0344&q=${encodeURIComponent('deelscooters')}` })).json()
    assert.ok(api.items.some((i: { slug: string }) => i.slug === tool.slug))

    // Changing it: the form shows it as recorded; a text left empty is cleared.
    const changed = await answer(member, `/tools/${tool.slug}/adoption`, { toolVersion: '2.2', localVariantEn: '' })
    assert.equal(changed.statusCode, 303)
    const [updated] = await adoptionsOf(tool.id)
    assert.deepEqual([updated?.tool_version, updated?.local_variant_nl?.slice(0, 7), updated?.local_variant_en, updated?.since], ['2.2', 'Utrecht', null, '2025-03-01'])
    assert.equal((await toolRow(tool.slug)).version, 3)
    assert.match(await anonymousPage(`/en/tools/${tool.slug}`), /version 2\.2\) Utrecht staat deelscooters/, 'the Dutch text, visibly, when there is no English one')

    // Removing it.
    const page = await member.get(`/tools/${tool.slug}/adoption`)
    assert.match(text(page.body), new RegExp(`Gebruik door ${utrecht.name} verwijderen`))
    const removed = await member.post(`/tools/${tool.slug}/adoption/remove`, formFields(page.body, `/tools/${tool.slug}/adoption/remove`))
    assert.equal(removed.statusCode, 303)
    assert.equal(removed.headers.location, `/tools/${tool.slug}/adoption?done=removed`)
    assert.deepEqual(await adoptionsOf(tool.id), [])
    const gone = await toolRow(tool.slug)
    assert.equal(gone.version, 4)
    assert.ok(!gone.facet_keys.includes('usedby:GM0344'))
    assert.equal((await auditOf(tool.id, 'tool.adoption_removed')).length, 1)
    assert.match(await anonymousPage(`/tools/${tool.slug}`), /Nog geen gemeente of organisatie heeft vastgelegd/)
    // Removing what is not there: not found, nothing counted up.
    assert.equal((await member.post(`/tools/${tool.slug}/adoption/remove`, {})).statusCode, 404)
    assert.equal((await toolRow(tool.slug)).version, 4)
  })

  test('an editor who had the tool open meanwhile gets a conflict that names the recorded use', async () => {
    const tool = await createTool(db(), { municipalities: [{ cbsCode: 'GM0200', role: 'owner' }] })
    const editor = await signedIn('partner', 'GM0200')
    const path = `/tools/${tool.slug}/edit/pilots`
    const open = formFields((await editor.get(path)).body, path)
    const member = await signedIn('partner', 'GM0599')
    assert.equal((await answer(member, `/tools/${tool.slug}/adoption`, { toolVersion: '1.0' })).statusCode, 303)
    const conflict = await editor.post(path, open)
    assert.equal(conflict.statusCode, 409)
    const rotterdam = await organisationByCbs(db(), 'GM0599')
    assert.match(text(conflict.body), new RegExp(`Intussen gewijzigd .*${rotterdam.name}: gebruik vastgelegd \\(gewijzigd: Gebruikt door\\)`))
  })

  test('a tool that is not in use yet (an idea, in development) takes no new use; the page says why', async () => {
    const tool = await createTool(db(), { status: 'in_development' })
    const member = await signedIn('partner', 'GM0344', 'en')
    assert.doesNotMatch((await member.get(`/en/tools/${tool.slug}`)).body, /\/adoption"/)
    const page = await member.get(`/en/tools/${tool.slug}/adoption`)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /A tool in the status “In development” is not in use yet/)
    assert.doesNotMatch(page.body, new RegExp(`action="/en/tools/${tool.slug}/adoption"`))
    await member.get('/en/password/forgot') // a page with a form: a CSRF token, as a form opened earlier would have
    const refused = await member.post(`/en/tools/${tool.slug}/adoption`, { toolVersion: '1' })
    assert.equal(refused.statusCode, 409)
    assert.match(text(refused.body), /is not in use yet/)
    assert.deepEqual(await adoptionsOf(tool.id), [])
    assert.equal((await toolRow(tool.slug)).version, 1)
  })

  test('bad input: a message per field in the page language, everything typed kept, nothing saved', async () => {
    const tool = await createTool(db())
    const member = await signedIn('partner', 'GM0344')
    const future = `${new Date().getUTCFullYear() + 1}-01-01`
    const nl = await answer(member, `/tools/${tool.slug}/adoption`, { since: future, localUrl: 'javascript:alert(1)', toolVersion: '<b>3</b>' })
    assert.equal(nl.statusCode, 400)
    assert.match(text(nl.body), /Link naar uw eigen variant: Vul een webadres in/)
    assert.match(nl.body, /&lt;b&gt;3&lt;\/b&gt;/)
    const en = await answer(member, `/en/tools/${tool.slug}/adoption`, { since: future, toolVersion: 'x'.repeat(101) })
    assert.equal(en.statusCode, 400)
    assert.match(text(en.body), /Version you use: May be at most 100 characters long/)
    const later = await answer(member, `/en/tools/${tool.slug}/adoption`, { since: future })
    assert.equal(later.statusCode, 400)
    assert.match(text(later.body), /In use since: Enter a date that is not in the future/)
    assert.equal(formFields(later.body, `/en/tools/${tool.slug}/adoption`).since, future)
    assert.deepEqual(await adoptionsOf(tool.id), [])
    assert.equal((await member.get(`/tools/no-such-tool/adoption`)).statusCode, 404)
  })
})

describe('a curator records use on an organisation’s behalf', () => {
  test('choose the organisation, record, find it listed to change it, remove it', async () => {
    const tool = await createTool(db(), { name_nl: 'Parkeernormen-rekenhulp', name_en: null })
    const eindhoven = await organisationByCbs(db(), 'GM0772')
    const curator = await signedIn('curator', undefined, 'en')
    assert.match((await curator.get(`/en/tools/${tool.slug}`)).body, new RegExp(`href="/en/tools/${tool.slug}/adoption">We use this tool<`))
    const form = await curator.get(`/en/tools/${tool.slug}/adoption`)
    assert.match(form.body, /<datalist id="adoption-organisations">/)
    const missing = await answer(curator, `/en/tools/${tool.slug}/adoption`, { toolVersion: '1' })
    assert.equal(missing.statusCode, 400)
    assert.match(text(missing.body), /Organisation: Please fill in this field/)
    const unknown = await answer(curator, `/en/tools/${tool.slug}/adoption`, { organisation: 'Gemeente Nergenshuizen' })
    assert.equal(unknown.statusCode, 400)
    assert.match(text(unknown.body), /Nergenshuizen/)

    const res = await answer(curator, `/en/tools/${tool.slug}/adoption`, { organisation: `Gemeente ${eindhoven.name}`, since: '2024-09-01', localUrl: 'https://eindhoven.example.org/parkeren' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 400))
    assert.equal(res.headers.location, `/en/tools/${tool.slug}/adoption?${new URLSearchParams({ organisation: eindhoven.name, done: 'saved' })}`)
    const [row] = await adoptionsOf(tool.id)
    assert.equal(row?.organisation_id, eindhoven.id)
    const [entry] = await auditOf(tool.id, 'tool.adoption_recorded')
    assert.equal(entry?.actor_role, 'curator')
    // On behalf of an organisation, by the curators: the public history does not name a person.
    assert.match(await anonymousPage(`/tools/${tool.slug}`), /gebruik vastgelegd door de toolbox-curatoren/)

    // The page lists the recorded use, each to change; the chosen organisation's form shows it as it is.
    const listed = await curator.get(`/en/tools/${tool.slug}/adoption`)
    const edit = `/en/tools/${tool.slug}/adoption?${new URLSearchParams({ organisation: eindhoven.name })}`
    assert.ok(listed.body.includes(`href="${edit.replace(/&/g, '&amp;')}"`), 'a link to change the use')
    const chosen = await curator.get(edit)
    const fields = formFields(chosen.body, `/en/tools/${tool.slug}/adoption`)
    assert.deepEqual([fields.organisation, fields.since, fields.localUrl], [eindhoven.name, '2024-09-01', 'https://eindhoven.example.org/parkeren'])
    const removed = await curator.post(`/en/tools/${tool.slug}/adoption/remove`, formFields(chosen.body, `/en/tools/${tool.slug}/adoption/remove`))
    assert.equal(removed.statusCode, 303)
    assert.deepEqual(await adoptionsOf(tool.id), [])
  })

  test('others may not: 401 for nobody, 403 for a member naming another organisation', async () => {
    const tool = await createTool(db())
    const anonymous = new Browser(t.app)
    await anonymous.get('/password/forgot')
    assert.equal((await anonymous.get(`/tools/${tool.slug}/adoption`)).statusCode, 401)
    assert.equal((await anonymous.post(`/tools/${tool.slug}/adoption`, { toolVersion: '1' })).statusCode, 401)
    const member = await signedIn('partner', 'GM0344')
    await member.get(`/tools/${tool.slug}/adoption`)
    const eindhoven = await organisationByCbs(db(), 'GM0772')
    assert.equal((await member.post(`/tools/${tool.slug}/adoption`, { organisation: eindhoven.name, toolVersion: '1' })).statusCode, 403)
    assert.equal((await member.post(`/tools/${tool.slug}/adoption/remove`, { organisation: eindhoven.name })).statusCode, 403)
    assert.deepEqual(await adoptionsOf(tool.id), [])
  })
})
