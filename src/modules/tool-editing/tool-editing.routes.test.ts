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

/** Opens an edit page and answers the form as the page shows it, with some fields changed. */
async function edit(browser: Browser, path: string, changes: Record<string, string | string[]>) {
  const page = await browser.get(path)
  assert.equal(page.statusCode, 200, `${path}: ${page.statusCode}`)
  const fields = formFields(page.body, path.replace(/\?.*$/, ''))
  return browser.post(path, { ...fields, ...changes })
}

const toolRow = (slug: string) => db().selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow()

describe('editing a tool', () => {
  test('a curator changes texts in both languages: the public page, the API and search show it at once, audited with before and after', async () => {
    const tool = await createTool(db(), { name_en: null, description_en: null })
    const curator = await signedIn('curator')
    const word = unique('Zeldzaamwoord').replace('-', '')
    const res = await edit(curator, `/tools/${tool.slug}/edit`, {
      nameEn: `Renamed ${tool.slug}`,
      descriptionNl: `Een beschrijving met ${word} erin.`,
      descriptionEn: 'An English description at last.',
      occasionNl: 'Gemeenten deden dit elk op hun eigen manier.',
      processQuestionEn: 'How do we share this?',
      licenceChoice: 'EUPL-1.2',
      startedOn: '2025-03-01',
      themes: ['privacy', 'autonomy'],
      languages: ['nl', 'en'],
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/tools/${tool.slug}/edit?done=saved`)
    const saved = await curator.get(res.headers.location)
    assert.match(saved.body, /Opgeslagen/)

    const page = text((await new Browser(t.app).get(`/en/tools/${tool.slug}`)).body)
    assert.match(page, new RegExp(`Renamed ${tool.slug}`))
    assert.match(page, /An English description at last\./)
    assert.match(page, /How do we share this\?/)
    assert.match(page, /EUPL-1\.2/)
    const api = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}?lang=en` })).json()
    assert.equal(api.name, `Renamed ${tool.slug}`)
    assert.equal(api.licence, 'EUPL-1.2')
    assert.deepEqual(api.themes.map((th: { code: string }) => th.code).sort(), ['autonomy', 'privacy'])
    const found = (await t.app.inject({ url: `/api/v1/tools?q=${word.toLowerCase()}` })).json()
    assert.deepEqual(found.items.map((i: { slug: string }) => i.slug), [tool.slug])

    const row = await toolRow(tool.slug)
    assert.equal(row.version, 2)
    const entry = await db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(row.id)).where('action', '=', 'tool.updated').executeTakeFirstOrThrow()
    assert.equal(entry.actor_role, 'curator')
    assert.equal((entry.before as { name_en: string | null }).name_en, null)
    assert.equal((entry.after as { name_en: string }).name_en, `Renamed ${tool.slug}`)
    assert.equal((entry.after as { version: number }).version, 2)
  })

  test('English edit pages: labels, sections and messages in English', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const page = text((await curator.get(`/en/tools/${tool.slug}/edit/assessments`)).body)
    for (const expected of ['Edit:', 'Texts and properties', 'Names and links', 'Contribution to SDG 11', 'Assessment', 'Organisations', 'Rating', 'Assessed by (organisation)']) assert.ok(page.includes(expected), expected)
  })

  test('a partner edits the tools their organisation owns or co-develops, and no others (page and post)', async () => {
    const own = await createTool(db(), { municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const other = await createTool(db())
    const partner = await signedIn('partner', 'GM0344')
    const res = await edit(partner, `/tools/${own.slug}/edit`, { descriptionNl: 'Bijgewerkt door de eigenaar.' })
    assert.equal(res.statusCode, 303)
    assert.equal((await partner.get(`/tools/${other.slug}/edit`)).statusCode, 403)
    const before = await toolRow(other.slug)
    const post = await partner.post(`/tools/${other.slug}/edit`, { version: '1', nameNl: 'Overgenomen', category: 'content', form: 'method', lifecycle: 'available', origin: 'existing' })
    assert.equal(post.statusCode, 403)
    assert.deepEqual(await toolRow(other.slug), before)
    // A partner is not offered the web address, and a post that sends one anyway is refused.
    assert.ok(!('slug' in formFields((await partner.get(`/tools/${own.slug}/edit`)).body, `/tools/${own.slug}/edit`)))
    const slugChange = await edit(partner, `/tools/${own.slug}/edit`, { slug: `${own.slug}-nieuw` })
    assert.equal(slugChange.statusCode, 400)
    assert.match(text(slugChange.body), /Alleen curatoren wijzigen het webadres/)
    assert.equal((await new Browser(t.app).get(`/tools/${own.slug}/edit`)).statusCode, 401)
  })

  test('a second editor working from an older version gets a conflict that keeps what they typed and shows what changed', async () => {
    const tool = await createTool(db())
    const first = await signedIn('curator')
    const second = await signedIn('partner', 'GM0200')
    await db().insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: (await db().selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0200').executeTakeFirstOrThrow()).id, role: 'co_developer' }).execute()
    const path = `/tools/${tool.slug}/edit`
    const secondForm = formFields((await second.get(path)).body, path)
    assert.equal((await edit(first, path, { descriptionNl: 'De eerste redacteur was sneller.' })).statusCode, 303)
    const conflict = await second.post(path, { ...secondForm, descriptionNl: 'De tweede redacteur typte dit.' })
    assert.equal(conflict.statusCode, 409)
    const page = text(conflict.body)
    assert.match(page, /Iemand anders heeft deze tool opgeslagen/)
    assert.match(page, /Intussen gewijzigd/)
    assert.match(page, /de toolbox-curatoren: Teksten en kenmerken \(gewijzigd: Beschrijving \(Nederlands\)\)/)
    assert.match(conflict.body, /De tweede redacteur typte dit\./)
    assert.equal((await toolRow(tool.slug)).description_nl, 'De eerste redacteur was sneller.')
    // Saving from the conflict page replaces it on purpose.
    const again = await second.post(path, formFields(conflict.body, path))
    assert.equal(again.statusCode, 303)
    assert.equal((await toolRow(tool.slug)).description_nl, 'De tweede redacteur typte dit.')
  })

  test('bad input is refused per field, nothing is saved, everything typed is kept, markup stays text', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const beforeRow = await toolRow(tool.slug)
    const res = await edit(curator, `/tools/${tool.slug}/edit`, { nameNl: '', nameEn: '', websiteUrl: 'javascript:alert(1)', descriptionEn: '<script>alert(1)</script>', startedOn: '2025-02-30', lifecycle: 'retired' })
    assert.equal(res.statusCode, 400)
    const page = text(res.body)
    // First what each field says of itself; then, once those are right, what the fields say together.
    assert.match(page, /Website: Vul een webadres in/)
    assert.match(page, /Gestart op: Vul een datum in/)
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    const path = `/tools/${tool.slug}/edit`
    const second = await curator.post(path, { ...formFields(res.body, path), websiteUrl: '', startedOn: '' })
    assert.equal(second.statusCode, 400)
    assert.match(text(second.body), /Naam \(Nederlands\): Vul een naam in/)
    assert.match(text(second.body), /Levensfase: Buiten gebruik stellen gaat met een reden/)
    assert.match(second.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    assert.doesNotMatch(res.body, /<script>alert/)
    assert.deepEqual(await toolRow(tool.slug), beforeRow)

    // Markup saved as a text is shown as text on the public page.
    assert.equal((await edit(curator, `/tools/${tool.slug}/edit`, { descriptionEn: '<b>bold</b> & <i>plain</i>' })).statusCode, 303)
    const publicPage = (await new Browser(t.app).get(`/en/tools/${tool.slug}`)).body
    assert.match(publicPage, /&lt;b&gt;bold&lt;\/b&gt; &amp; &lt;i&gt;plain&lt;\/i&gt;/)
  })

  test('licence: a common one, another typed in, or not applicable', async () => {
    const tool = await createTool(db(), { form: 'legislation' })
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit`
    assert.equal((await edit(curator, path, { licenceChoice: 'other' })).statusCode, 400)
    assert.equal((await edit(curator, path, { licenceChoice: 'other', licenceOther: 'Eigen licentie van de gemeente' })).statusCode, 303)
    assert.equal((await toolRow(tool.slug)).licence, 'Eigen licentie van de gemeente')
    assert.equal((await edit(curator, path, { licenceChoice: 'not_applicable' })).statusCode, 303)
    const row = await toolRow(tool.slug)
    assert.equal(row.licence, null)
    assert.equal(row.licence_not_applicable, true)
    assert.match(formFields((await curator.get(path)).body, path).licenceChoice as string, /not_applicable/)
  })
})

describe('rows: links, other names, SDG contributions, assessments, organisations', () => {
  test('links and other names: add a row without JavaScript, save, remove', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/links`
    const page = await curator.get(path)
    const fields = formFields(page.body, path)
    // "Another row" shows the form again with an empty row more; nothing is saved.
    const more = await curator.post(path, { ...fields, 'link-0-url': 'https://example.org/handleiding', intent: 'add-link' })
    assert.equal(more.statusCode, 200)
    assert.equal((await toolRow(tool.slug)).version, 1)
    const withRows = formFields(more.body, path)
    assert.equal(withRows['link-0-url'], 'https://example.org/handleiding', 'what was typed is kept')
    assert.ok('link-1-url' in withRows, 'an empty row more')
    // Letters only: a hex part such as 0e12 would be read as a number by the text search parser.
    const alias = `Afkort${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`
    const save = await curator.post(path, {
      ...withRows,
      'link-0-kind': 'documentation',
      'link-0-titleNl': 'Handleiding',
      'link-1-kind': 'source_code',
      'link-1-url': 'https://example.org/code',
      'alias-0-alias': alias,
      'alias-0-kind': 'acronym',
    })
    assert.equal(save.statusCode, 303)
    const api = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}` })).json()
    assert.deepEqual(api.links.map((l: { kind: string; url: string }) => [l.kind, l.url]), [['documentation', 'https://example.org/handleiding'], ['source_code', 'https://example.org/code']])
    assert.ok(api.aliases.includes(alias))
    const search = (await t.app.inject({ url: `/api/v1/tools?q=${encodeURIComponent(alias)}` })).json()
    assert.deepEqual(search.items.map((i: { slug: string }) => i.slug), [tool.slug])

    const removing = formFields((await curator.get(path)).body, path)
    assert.equal((await curator.post(path, { ...removing, 'link-0-remove': 'on' })).statusCode, 303)
    assert.deepEqual((await t.app.inject({ url: `/api/v1/tools/${tool.slug}` })).json().links.map((l: { url: string }) => l.url), ['https://example.org/code'])
  })

  test('a bad row gets its message by row and field, and the other rows are kept', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/links`
    const res = await edit(curator, path, { 'link-0-url': 'https://example.org/a', 'link-0-kind': 'website', 'alias-0-alias': 'Dubbel', 'alias-0-kind': 'other_name', 'alias-1-alias': 'dubbel', 'alias-1-kind': 'acronym', 'link-1-url': 'geen-adres', 'link-1-kind': 'document', 'link-2-titleNl': 'Titel zonder adres' })
    assert.equal(res.statusCode, 400)
    const page = text(res.body)
    assert.match(page, /Link 2, Webadres: Vul een webadres in/)
    assert.match(page, /Link 3, Webadres: Vul dit veld in/)
    assert.equal(formFields(res.body, path)['link-0-url'], 'https://example.org/a')
    const again = await curator.post(path, { ...formFields(res.body, path), 'link-1-url': 'https://example.org/b', 'link-2-url': 'https://example.org/c' })
    assert.equal(again.statusCode, 400)
    assert.match(text(again.body), /Andere naam 2, Naam: Deze naam staat er al\./)
  })

  test('SDG 11: tick targets and say how, in both languages', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/sdg`
    const fields = formFields((await curator.get(path)).body, path)
    const index = Object.entries(fields).find(([k, v]) => k.endsWith('-code') && v === '11.3')![0].split('-')[1]
    const res = await curator.post(path, { ...fields, [`sdg-${index}-contributes`]: 'on', [`sdg-${index}-contributionNl`]: 'Bewoners beslissen mee.', [`sdg-${index}-contributionEn`]: 'Residents take part in decisions.' })
    assert.equal(res.statusCode, 303)
    const api = (await t.app.inject({ url: `/api/v1/tools/${tool.slug}?lang=en` })).json()
    assert.deepEqual(api.sdgTargets.map((s: { code: string; contribution: { text: string } }) => [s.code, s.contribution.text]), [['11.3', 'Residents take part in decisions.']])
  })

  test('assessments: rating, explanation, evidence, assessed by an organisation found by its alias, and when', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/assessments`
    const fields = formFields((await curator.get(path)).body, path)
    const at = (code: string) => Object.entries(fields).find(([k, v]) => k.endsWith('-code') && v === code)![0].split('-')[1]
    const privacy = at('privacy')
    const feasible = at('feasible')
    const refused = await curator.post(path, { ...fields, [`assessment-${privacy}-rating`]: 'meets', [`assessment-${privacy}-assessedBy`]: 'Gemeente Nergenshuizen', [`assessment-${feasible}-explanationNl`]: 'Zonder oordeel.' })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Geen organisatie heet “Gemeente Nergenshuizen”/)
    assert.match(text(refused.body), /Kies een oordeel, of maak de andere velden leeg/)

    const res = await curator.post(path, {
      ...fields,
      [`assessment-${privacy}-rating`]: 'partly',
      [`assessment-${privacy}-explanationNl`]: 'Persoonsgegevens worden versleuteld bewaard.',
      [`assessment-${privacy}-evidenceUrl`]: 'https://example.org/dpia',
      [`assessment-${privacy}-assessedBy`]: 'TU Delft',
      [`assessment-${privacy}-assessedOn`]: '2026-11-30',
      [`assessment-${feasible}-rating`]: 'not_applicable',
    })
    assert.equal(res.statusCode, 303)
    const rows = await db().selectFrom('tool_assessments as a').leftJoin('organisations as o', 'o.id', 'a.assessed_by_organisation_id').select(['a.criterion_code', 'a.rating', 'a.evidence_url', 'a.assessed_on', 'o.name']).where('a.tool_id', '=', tool.id).orderBy('a.criterion_code').execute()
    assert.deepEqual(rows.map((r) => [r.criterion_code, r.rating, r.evidence_url, r.name]), [['feasible', 'not_applicable', null, null], ['privacy', 'partly', 'https://example.org/dpia', 'Technische Universiteit Delft (TU Delft)']])
    assert.equal(rows[1]!.assessed_on, '2026-11-30')
    assert.match(rows[0]!.assessed_on ?? '', /^\d{4}-\d{2}-\d{2}$/, 'dated today when no date is given')
  })

  test('organisations: roles and involvement, each role once, a tool in development keeps an owner', async () => {
    const tool = await createTool(db(), { status: 'in_development', municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/organisations`
    const fields = formFields((await curator.get(path)).body, path)
    assert.equal(fields['org-0-organisation'], 'Utrecht')
    const twice = await curator.post(path, { ...fields, 'org-1-organisation': 'utrecht', 'org-1-role': 'owner' })
    assert.equal(twice.statusCode, 400)
    assert.match(text(twice.body), /Utrecht staat al met deze rol bij de tool/)

    const res = await curator.post(path, { ...fields, 'org-1-organisation': 'Den Haag', 'org-1-role': 'partner', 'org-1-involvement': 'active' })
    assert.equal(res.statusCode, 303)
    const page = text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body)
    assert.match(page, /'s-Gravenhage \(Gemeente\) – Betrokken partij, actief/)

    // Removing the only owner of a tool in development is refused, with the reason; nothing changes.
    const current = formFields((await curator.get(path)).body, path)
    const refused = await curator.post(path, { ...current, 'org-0-remove': 'on' })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Een tool in ontwikkeling houdt een eigenaar/)
    const roles = await db().selectFrom('tool_organisations').select('role').where('tool_id', '=', tool.id).orderBy('role').execute()
    assert.deepEqual(roles.map((r) => r.role), ['owner', 'partner'])
  })

  test('pilots: a municipality per row with its stage, outcome and lessons; only municipalities, each once, an outcome only when completed', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const path = `/tools/${tool.slug}/edit/pilots`
    const fields = formFields((await curator.get(path)).body, path)
    const notMunicipality = await curator.post(path, { ...fields, 'pilot-0-municipality': 'TU Delft', 'pilot-0-status': 'committed' })
    assert.equal(notMunicipality.statusCode, 400)
    assert.match(text(notMunicipality.body), /Pilot 1, Gemeente: Technische Universiteit Delft \(TU Delft\) is geen gemeente/)
    const early = await curator.post(path, { ...fields, 'pilot-0-municipality': 'Den Haag', 'pilot-0-status': 'running', 'pilot-0-outcome': 'worked' })
    assert.match(text(early.body), /Pilot 1, Uitkomst: Een uitkomst hoort bij een afgeronde pilot/)

    const res = await curator.post(path, { ...fields, 'pilot-0-municipality': 'Den Haag', 'pilot-0-status': 'completed', 'pilot-0-outcome': 'partly', 'pilot-0-lessonsNl': 'Werkte in twee van de drie wijken.', 'pilot-0-completedOn': '2026-10-01' })
    assert.equal(res.statusCode, 303)
    const page = text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body)
    assert.match(page, /'s-Gravenhage Afgerond Afgerond op 1 oktober 2026 Werkte deels\. Werkte in twee van de drie wijken\./)
    const pilots = await db().selectFrom('pilots').select(['status', 'outcome', 'committed_on']).where('tool_id', '=', tool.id).execute()
    assert.equal(pilots.length, 1)
    assert.deepEqual([pilots[0]!.status, pilots[0]!.outcome], ['completed', 'partly'])
    assert.match(pilots[0]!.committed_on ?? '', /^\d{4}-\d{2}-\d{2}$/, 'committed today when no date was given')
  })

  test('the gate: a City Deal tool goes into development with one partner owner and three committed municipalities, and becomes available after three completed pilots; each refusal says what is missing', async () => {
    // Apeldoorn is a City Deal partner.
    const tool = await createTool(db(), { origin: 'city_deal', status: 'selected', municipalities: [{ cbsCode: 'GM0200', role: 'owner' }] })
    const curator = await signedIn('curator')
    const basics = `/tools/${tool.slug}/edit`
    const pilots = `/tools/${tool.slug}/edit/pilots`
    const savePilots = async (rows: [string, string, string?][]) => {
      const fields = formFields((await curator.get(pilots)).body, pilots)
      const body: Record<string, string> = {}
      rows.forEach(([municipality, status, outcome], i) => Object.assign(body, { [`pilot-${i}-municipality`]: municipality, [`pilot-${i}-status`]: status, ...(outcome ? { [`pilot-${i}-outcome`]: outcome } : {}) }))
      const res = await curator.post(pilots, { ...fields, ...body })
      assert.equal(res.statusCode, 303, text(res.body).slice(0, 300))
    }
    await savePilots([['Utrecht', 'committed'], ['Eindhoven', 'committed'], ['Breda', 'interested']])

    const early = await edit(curator, basics, { lifecycle: 'in_development' })
    assert.equal(early.statusCode, 400)
    assert.match(text(early.body), /Levensfase: Deze stap kan nog niet: 2 van 3 testgemeenten toegezegd: Eindhoven, Utrecht\./)
    assert.equal((await toolRow(tool.slug)).status, 'selected', 'nothing changed')
    const en = await edit(curator, `/en${basics}`, { lifecycle: 'in_development' })
    assert.match(text(en.body), /2 of 3 test municipalities committed: Eindhoven, Utrecht\./)

    await savePilots([['Utrecht', 'committed'], ['Eindhoven', 'committed'], ['Breda', 'committed']])
    assert.equal((await edit(curator, basics, { lifecycle: 'in_development' })).statusCode, 303)
    const tooSoon = await edit(curator, basics, { lifecycle: 'available' })
    assert.match(text(tooSoon.body), /0 van 3 pilots afgerond met een uitkomst/)

    await savePilots([['Utrecht', 'completed', 'worked'], ['Eindhoven', 'completed', 'did_not_work'], ['Breda', 'completed']])
    const oneShort = await edit(curator, basics, { lifecycle: 'available' })
    assert.match(text(oneShort.body), /2 van 3 pilots afgerond met een uitkomst: Eindhoven, Utrecht/)
    await savePilots([['Utrecht', 'completed', 'worked'], ['Eindhoven', 'completed', 'did_not_work'], ['Breda', 'completed', 'partly']])
    assert.equal((await edit(curator, basics, { lifecycle: 'available' })).statusCode, 303)
    const changes = await db().selectFrom('tool_status_changes').select('status').where('tool_id', '=', tool.id).orderBy('id').execute()
    assert.deepEqual(changes.map((c) => c.status), ['in_development', 'available'])
    const page = text((await new Browser(t.app).get(`/tools/${tool.slug}`)).body)
    assert.match(page, /Levensloop .*In ontwikkeling.*Beschikbaar/)
  })

  test('the gate wants one owner that is a City Deal partner', async () => {
    const partnerOwned = await createTool(db(), { origin: 'city_deal', status: 'idea', municipalities: [{ cbsCode: 'GM0200', role: 'owner' }, { cbsCode: 'GM0344', role: 'owner' }] })
    const curator = await signedIn('curator')
    const res = await edit(curator, `/tools/${partnerOwned.slug}/edit`, { lifecycle: 'in_development' })
    assert.match(text(res.body), /De tool heeft 2 eigenaren \(Apeldoorn, Utrecht\); een City Deal-tool heeft er precies één\./)
    const company = await db().insertInto('organisations').values({ slug: unique('bedrijf'), name: 'Bedrijf zonder partnerschap', kind: 'company' }).returning('id').executeTakeFirstOrThrow()
    const notPartner = await createTool(db(), { origin: 'city_deal', status: 'idea' })
    await db().insertInto('tool_organisations').values({ tool_id: notPartner.id, organisation_id: company.id, role: 'owner' }).execute()
    const refused = await edit(curator, `/tools/${notPartner.slug}/edit`, { lifecycle: 'in_development' })
    assert.match(text(refused.body), /De eigenaar, Bedrijf zonder partnerschap, is geen partner van de City Deal\./)
    // Tools from elsewhere have no gate.
    const elsewhere = await createTool(db(), { origin: 'existing', status: 'idea' })
    assert.equal((await edit(curator, `/tools/${elsewhere.slug}/edit`, { lifecycle: 'available' })).statusCode, 303)
  })

  test('a curator gives a tool a new web address: the old one is remembered', async () => {
    const tool = await createTool(db())
    const curator = await signedIn('curator')
    const newSlug = `${tool.slug}-nieuw`
    assert.equal((await edit(curator, `/tools/${tool.slug}/edit`, { slug: newSlug })).statusCode, 303)
    assert.equal((await new Browser(t.app).get(`/tools/${newSlug}`)).statusCode, 200)
    const redirect = await db().selectFrom('tool_slug_redirects').selectAll().where('slug', '=', tool.slug).executeTakeFirstOrThrow()
    assert.equal(redirect.tool_id, tool.id)
    const taken = await createTool(db())
    const refused = await edit(curator, `/tools/${newSlug}/edit`, { slug: taken.slug })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Dit webadres hoort al bij een andere tool/)
  })
})
