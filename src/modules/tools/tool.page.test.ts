import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { translate } from '../../i18n/i18n.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { addAssessments, addSlugRedirect, createTool, createUser, organisationByCbs, retireTool, unique } from '../../../test/factories.ts'
import { sessionCookie, text } from '../../../test/http.ts'

// The tool page when data is missing, for retired tools and old slugs, for editors, and on the way back to a search.

const FORMS = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'reference-data', 'tool-forms.csv')), { columns: true }) as {
  code: string
  binding_level: string
  binding_nl: string
  binding_en: string
}[]

/** The value of one row of the key facts, as text. */
function fact(body: string, key: string): string {
  const match = new RegExp(`<dt[^>]*>${key}</dt><dd[^>]*>([\\s\\S]*?)</dd>`).exec(body)
  assert.ok(match, `the page has a fact "${key}"`)
  return text(match[1]!).trim()
}

/** The text of the page from one heading to the next. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`>${heading}</h2>`)
  assert.ok(start > 0, `the page has a section "${heading}"`)
  const end = body.indexOf('<h2', start)
  return body.slice(start, end === -1 ? undefined : end)
}

describe('the tool page', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  const db = () => t.database.handle.db
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })

  test('an unassessed tool says so in one line; only those who may edit it get links to edit and assess', async () => {
    const tool = await createTool(db(), {
      municipalities: [
        { cbsCode: 'GM0363', role: 'owner' },
        { cbsCode: 'GM0344', role: 'co_developer' },
        { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'running' },
      ],
    })
    const edit = `href="/tools/${tool.slug}/edit"`
    const assess = `href="/tools/${tool.slug}/edit/assessments"`

    const anonymous = await get(`/tools/${tool.slug}`)
    assert.equal(anonymous.statusCode, 200)
    assert.match(text(anonymous.body), /Getoetst aan de uitgangspunten Nog niet beoordeeld op de 14 criteria\./)
    for (const caption of ['Ontwerpprincipes', 'Ethische thema’s (Rathenau)', 'Randvoorwaarden']) assert.ok(!anonymous.body.includes(caption), `no table ${caption}`)
    assert.ok(!anonymous.body.includes(edit) && !anonymous.body.includes(assess), 'a visitor gets no edit links')
    assert.ok(!text(anonymous.body).includes('Beoordeel deze tool'))

    const cookie = async (input: Parameters<typeof createUser>[1]) => sessionCookie(db(), (await createUser(db(), input)).id)
    const editors = {
      curator: await cookie({ role: 'curator' }),
      admin: await cookie({ role: 'admin' }),
      owner: await cookie({ role: 'partner', organisationCbs: 'GM0363' }),
      coDeveloper: await cookie({ role: 'partner', organisationCbs: 'GM0344' }),
    }
    const others = {
      otherPartner: await cookie({ role: 'partner', organisationCbs: 'GM0200' }),
      testMunicipality: await cookie({ role: 'partner', organisationCbs: 'GM0034' }),
    }
    for (const [who, session] of Object.entries(editors)) {
      const res = await get(`/tools/${tool.slug}`, session)
      assert.ok(res.body.includes(`${edit}>Bewerk deze tool</a>`), `${who} gets the edit link`)
      assert.ok(res.body.includes(`${assess}>Beoordeel deze tool</a>`), `${who} gets the assess link`)
    }
    for (const [who, session] of Object.entries(others)) {
      const res = await get(`/tools/${tool.slug}`, session)
      assert.equal(res.statusCode, 200)
      assert.ok(!res.body.includes(edit) && !res.body.includes(assess), `${who} gets no edit links`)
    }
    // The page a visitor gets from the cache never carries what an editor saw.
    const again = await get(`/tools/${tool.slug}`)
    assert.ok(!again.body.includes(edit) && !again.body.includes(assess))
    assert.equal(again.body, anonymous.body)

    const en = await get(`/en/tools/${tool.slug}`, editors.curator)
    assert.match(text(en.body), /Not yet assessed against the 14 criteria\./)
    assert.ok(en.body.includes(`href="/en/tools/${tool.slug}/edit">Edit this tool</a>`))
    assert.ok(en.body.includes(`href="/en/tools/${tool.slug}/edit/assessments">Assess this tool</a>`))
    assert.ok(!(await get(`/en/tools/${tool.slug}`)).body.includes('/edit'))

    // Placeholder rows ("unknown") are no verdicts either.
    const placeholders = await createTool(db())
    await addAssessments(db(), placeholders.id, [{ criterion: 'privacy', rating: 'unknown' }])
    assert.match(text((await get(`/tools/${placeholders.slug}`)).body), /Nog niet beoordeeld op de 14 criteria/)
  })

  test('a partly assessed tool shows every criterion, with explanation, evidence, assessor and date where known', async () => {
    const utrecht = await organisationByCbs(db(), 'GM0344')
    const tool = await createTool(db())
    await addAssessments(db(), tool.id, [
      {
        criterion: 'privacy',
        rating: 'meets',
        explanationNl: 'Verwerkt geen persoonsgegevens.',
        explanationEn: 'Processes no personal data.',
        evidenceUrl: 'https://example.org/dpia.pdf',
        assessedBy: utrecht.id,
        assessedOn: '2026-03-03',
      },
      { criterion: 'scalable', rating: 'not_applicable', explanationNl: 'Een afspraak schaalt niet.' },
      { criterion: 'feasible', rating: 'partly', assessedOn: '2026-01-15' },
    ])
    const res = await get(`/tools/${tool.slug}`)
    const body = text(res.body)
    assert.ok(!body.includes('Nog niet beoordeeld op de 14 criteria'))
    assert.match(body, /Privacy Voldoet Verwerkt geen persoonsgegevens\. Onderbouwing: https:\/\/example\.org\/dpia\.pdf Beoordeeld door Utrecht op 3 maart 2026/)
    assert.match(body, /Schaalbaar Niet van toepassing Een afspraak schaalt niet\./)
    assert.match(body, /Haalbaar Voldoet deels Beoordeeld op 15 januari 2026/)
    assert.match(body, /Autonomie Nog niet beoordeeld –/, 'a criterion without a verdict says so')
    assert.match(body, /Ontwerpprincipes .*Ethische thema’s \(Rathenau\) .*Randvoorwaarden/)
    assert.ok(res.body.includes('href="https://example.org/dpia.pdf"'))
    assert.ok(res.body.includes(`href="/organisations/${utrecht.slug}">Utrecht</a>`))

    const en = text((await get(`/en/tools/${tool.slug}`)).body)
    assert.match(en, /Privacy Meets Processes no personal data\. Evidence: https:\/\/example\.org\/dpia\.pdf Assessed by Utrecht on 3 March 2026/)
    assert.match(en, /Scalable Not applicable Een afspraak schaalt niet\. \(not translated yet: Dutch\)/)
    assert.match(en, /Autonomy Not yet assessed –/)
  })

  test('licence: the licence, "not applicable" for laws, ordinances, norms and agreements or when set, else not recorded', async () => {
    const notApplicable = new Set(['legislation', 'ordinance', 'norm', 'agreement'])
    for (const form of FORMS) {
      const tool = await createTool(db(), { form: form.code })
      const nl = fact((await get(`/tools/${tool.slug}`)).body, 'Licentie')
      const en = fact((await get(`/en/tools/${tool.slug}`)).body, 'Licence')
      if (notApplicable.has(form.code)) assert.deepEqual([nl, en], ['Niet van toepassing', 'Not applicable'], form.code)
      else assert.deepEqual([nl, en], ['Nog niet vastgelegd.', 'Not recorded yet.'], form.code)
    }
    const flagged = await createTool(db(), { form: 'software' })
    await db().updateTable('tools').set({ licence_not_applicable: true }).where('id', '=', flagged.id).execute()
    assert.equal(fact((await get(`/tools/${flagged.slug}`)).body, 'Licentie'), 'Niet van toepassing')
    const licensed = await createTool(db(), { form: 'legislation' })
    await db().updateTable('tools').set({ licence: 'CC0 1.0' }).where('id', '=', licensed.id).execute()
    assert.equal(fact((await get(`/en/tools/${licensed.slug}`)).body, 'Licence'), 'CC0 1.0')
  })

  test('the binding force says its level once, for every form, in both languages', async () => {
    for (const form of FORMS) {
      const tool = await createTool(db(), { form: form.code })
      for (const locale of ['nl', 'en'] as const) {
        const body = (await get(`${locale === 'en' ? '/en' : ''}/tools/${tool.slug}`)).body
        const row = fact(body, translate(locale, 'tool.bindingForce')).replace(/ ([.:;,])/g, '$1')
        const level = translate(locale, `binding.${form.binding_level}` as Parameters<typeof translate>[1])
        const force = locale === 'nl' ? form.binding_nl : form.binding_en
        assert.ok(row.toLowerCase().startsWith(level.toLowerCase()), `${form.code} ${locale}: "${row}" starts with its level`)
        assert.ok(row.endsWith(force.slice(-30)), `${form.code} ${locale}: "${row}" gives the binding text`)
        const rest = row.slice(level.length).replace(/^[.:;,]\s*/, '')
        assert.ok(!rest.toLowerCase().startsWith(level.toLowerCase()), `${form.code} ${locale}: "${row}" says its level twice`)
      }
    }
  })

  test('the history names the organisation, the curators or the toolbox, in one sentence each, never a person', async () => {
    const utrecht = await organisationByCbs(db(), 'GM0344')
    const audit = t.app.appContext.audit
    const tool = await createTool(db())
    const partner = await createUser(db(), { role: 'partner', organisationId: utrecht.id, name: 'Petra Partner' })
    const curator = await createUser(db(), { role: 'curator', organisationId: utrecht.id, name: 'Cor Curator' })
    const admin = await createUser(db(), { role: 'admin', name: 'Ada Admin' })
    const asUser = (u: typeof partner) => ({ kind: 'user' as const, id: u.id, email: u.email, name: u.name, role: u.role as 'partner' | 'curator' | 'admin', organisationId: u.organisation_id, locale: 'nl' as const, sessionId: 'x' })
    const entry = (action: string) => ({ action, entityType: 'tool', entityId: tool.id })
    await audit.record(db(), { kind: 'system', label: 'reference data' }, entry('tool.created'))
    await audit.record(db(), asUser(partner), entry('tool.updated'))
    await audit.record(db(), asUser(curator), entry('tool.retired'))
    await audit.record(db(), asUser(admin), entry('tool.slug_changed'))
    await audit.record(db(), asUser(curator), entry('tool.something_new'))
    // Written before the log kept the actor's role: only curators changed tools then.
    await db()
      .insertInto('audit_log')
      .values({ actor_user_id: curator.id, actor_organisation_id: utrecht.id, actor_label: 'Cor Curator <c@example.org>', action: 'tool.merged', entity_type: 'tool', entity_id: String(tool.id) })
      .execute()

    const date = String.raw`\d{1,2} \p{L}+ \d{4}`
    const nl = text(section((await get(`/tools/${tool.slug}`)).body, 'Wijzigingsgeschiedenis'))
    for (const sentence of [
      'toegevoegd door de toolbox',
      'bijgewerkt door Utrecht',
      'buiten gebruik gesteld door de toolbox-curatoren',
      'naar een nieuw webadres verplaatst door de toolbox-curatoren',
      'bijgewerkt door de toolbox-curatoren',
      'samengevoegd met een andere tool door de toolbox-curatoren',
    ]) {
      assert.match(nl, new RegExp(`${date}: ${sentence}`, 'u'), sentence)
    }
    const en = text(section((await get(`/en/tools/${tool.slug}`)).body, 'Change history'))
    for (const sentence of [
      'added by the toolbox',
      'updated by Utrecht',
      'retired by the toolbox curators',
      'moved to a new web address by the toolbox curators',
      'merged with another tool by the toolbox curators',
    ]) {
      assert.match(en, new RegExp(`${date}: ${sentence}`, 'u'), sentence)
    }
    for (const history of [nl, en]) {
      assert.ok(!/Petra|Cor|Ada|\(/.test(history), `no person and no parentheses: ${history}`)
      assert.ok(!history.includes('tool.'), 'no raw action codes')
    }
  })

  test('a result links to its tool with the search, and the tool page links back to it; without a valid one, to all tools', async () => {
    const word = unique('terugweg').replace('-', '')
    const tool = await createTool(db(), { name_nl: `Terugweg ${word}`, name_en: `Way back ${word}`, category: 'governance' })
    const results = await get(`/tools?category=governance&q=${word}&junk=1`)
    const from = new URLSearchParams({ from: `q=${word}&category=governance` })
    assert.ok(results.body.includes(`href="/tools/${tool.slug}?${from.toString().replace(/&/g, '&amp;')}"`), 'the result carries its search')

    // Any spelling of the same search gives the same, normalised way back.
    for (const raw of [`q=${word}&category=governance`, `category=governance&q=%20${word}&page=1&junk=2`]) {
      const res = await get(`/tools/${tool.slug}?${new URLSearchParams({ from: raw })}`)
      assert.equal(res.statusCode, 200)
      assert.ok(res.body.includes(`href="/tools?q=${word}&amp;category=governance"><span aria-hidden="true">← </span>Terug naar de zoekresultaten</a>`), raw)
    }
    const en = await get(`/en/tools/${tool.slug}?${new URLSearchParams({ from: `q=${word}&page=2` })}`)
    assert.ok(en.body.includes(`href="/en/tools?q=${word}&amp;page=2"><span aria-hidden="true">← </span>Back to the search results</a>`))
    assert.ok(en.body.includes(`href="/tools/${tool.slug}?${new URLSearchParams({ from: `q=${word}&page=2` }).toString().replace(/&/g, '&amp;')}" hreflang="nl"`), 'the language switch keeps the way back')

    // A missing, invalid or over-long from is ignored: the page links to all tools.
    for (const bad of ['', '?from=', '?from=form%3Dspreadsheet', '?from=page%3D0', `?from=${'q%3D' + 'x'.repeat(2_100)}`, '?from=__proto__%3D1&from=constructor']) {
      const res = await get(`/tools/${tool.slug}${bad}`)
      assert.equal(res.statusCode, 200, bad)
      assert.ok(res.body.includes('<a class="utrecht-link utrecht-link--html-a" href="/tools">Alle tools</a>'), bad)
      assert.ok(!res.body.includes('Terug naar de zoekresultaten'), bad)
    }
    assert.ok((await get(`/en/tools/${tool.slug}?from=sort%3Drandom`)).body.includes('href="/en/tools">All tools</a>'))
    // An encoded surrogate half is not UTF-8: refused before the page (input guard).
    assert.equal((await get(`/tools/${tool.slug}?from=%ED%A0%80`)).statusCode, 400)
  })

  test('the tool page names its canonical address, without the way back', async () => {
    for (const url of ['/tools/pdok', '/tools/pdok?from=q%3Dkaart']) {
      const body = (await get(url)).body
      assert.match(body, /<link rel="canonical" href="http:\/\/toolbox\.test\/tools\/pdok">/, url)
      assert.match(body, /<link rel="alternate" hreflang="en" href="http:\/\/toolbox\.test\/en\/tools\/pdok">/, url)
    }
    assert.match((await get('/en/tools/pdok?from=q%3Dmap')).body, /<link rel="canonical" href="http:\/\/toolbox\.test\/en\/tools\/pdok">/)
    // Every public page names one (decision 0020); the catalogue's is its normalised search.
    assert.ok((await get('/tools?q=kaart')).body.includes('<link rel="canonical" href="http://toolbox.test/tools?q=kaart">'))
  })

  test('organisations link to their pages', async () => {
    const amsterdam = await organisationByCbs(db(), 'GM0363')
    const almere = await organisationByCbs(db(), 'GM0034')
    const tool = await createTool(db(), { municipalities: [{ cbsCode: 'GM0363', role: 'owner' }, { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'passed' }] })
    const body = (await get(`/tools/${tool.slug}`)).body
    assert.ok(body.includes(`href="/organisations/${amsterdam.slug}">Amsterdam</a>`))
    assert.ok(body.includes(`href="/organisations/${almere.slug}">Almere</a>`))
    assert.ok((await get(`/en/tools/${tool.slug}`)).body.includes(`href="/en/organisations/${amsterdam.slug}">Amsterdam</a>`))
  })

  test('a retired tool stays, with a banner: since when, why, and what replaces it; and it is still found', async () => {
    const successor = await createTool(db(), { name_nl: 'Opvolger', name_en: 'Successor' })
    const tool = await createTool(db(), { name_nl: `Oude tool ${unique('x')}` })
    await retireTool(db(), tool.id, { on: '2026-03-01', reasonNl: 'Opgegaan in een landelijke voorziening', replacedBy: successor.id })
    const nl = await get(`/tools/${tool.slug}`)
    assert.equal(nl.statusCode, 200)
    assert.match(text(nl.body), /Deze tool is buiten gebruik gesteld op 1 maart 2026: Opgegaan in een landelijke voorziening Vervangen door Opvolger ?\./)
    assert.ok(nl.body.includes(`Vervangen door <a class="utrecht-link utrecht-link--html-a" href="/tools/${successor.slug}">Opvolger</a>`))
    assert.ok(nl.body.indexOf('buiten gebruik gesteld op') < nl.body.indexOf('Procesvraag'), 'the banner is at the top')
    const en = await get(`/en/tools/${tool.slug}`)
    assert.match(text(en.body), /This tool was retired on 1 March 2026: Opgegaan in een landelijke voorziening \(not translated yet: Dutch\) Replaced by Successor ?\./)
    assert.ok(en.body.includes(`<span lang="nl">Opgegaan in een landelijke voorziening</span>`))
    assert.ok(en.body.includes(`href="/en/tools/${successor.slug}">Successor</a>`))

    const bare = await createTool(db())
    await retireTool(db(), bare.id, { on: null })
    assert.match(text((await get(`/tools/${bare.slug}`)).body), /Deze tool is buiten gebruik gesteld\./)
    assert.ok(!(await get(`/tools/${successor.slug}`)).body.includes('buiten gebruik gesteld'), 'only retired tools have the banner')
    assert.ok((await get('/tools?status=retired')).body.includes(`/tools/${tool.slug}`), 'still in search')
  })

  test('an old slug answers 301 to the current one, on the page in both languages and in the API, keeping the query', async () => {
    const tool = await createTool(db())
    const old = unique('oude-naam')
    await addSlugRedirect(db(), old, tool.id)
    const nl = await get(`/tools/${old}?from=q%3Dkaart`)
    assert.equal(nl.statusCode, 301)
    assert.equal(nl.headers.location, `/tools/${tool.slug}?from=q%3Dkaart`)
    const en = await get(`/en/tools/${old}`)
    assert.equal(en.statusCode, 301)
    assert.equal(en.headers.location, `/en/tools/${tool.slug}`)
    const api = await get(`/api/v1/tools/${old}?lang=en`)
    assert.equal(api.statusCode, 301)
    assert.equal(api.headers.location, `http://toolbox.test/api/v1/tools/${tool.slug}?lang=en`)
    assert.equal(api.headers['api-version'], '1.0.0')
    // Followed, the address answers.
    assert.equal((await get(String(nl.headers.location))).statusCode, 200)
    assert.equal((await get(String(api.headers.location).replace('http://toolbox.test', ''))).json().slug, tool.slug)
    // A slug some tool has now is that tool's, whatever points elsewhere; an unknown slug is still not found.
    const other = await createTool(db())
    await addSlugRedirect(db(), unique('elders'), other.id)
    assert.equal((await get(`/tools/${tool.slug}`)).statusCode, 200)
    assert.equal((await get(`/tools/${unique('nergens')}`)).statusCode, 404)
    assert.equal((await get(`/api/v1/tools/${unique('nergens')}`)).statusCode, 404)
  })
})
