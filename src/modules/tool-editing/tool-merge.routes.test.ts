import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { addAssessments, addSlugRedirect, createTool, createUser, organisationByCbs, retireTool, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Merging two tools: per field a choice, lists united, the disappearing tool's addresses answering 301 forever.

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

const toolRow = (slug: string) => db().selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirst()
const auditOf = (toolId: number, action: string) =>
  db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'tool').where('entity_id', '=', String(toolId)).where('action', '=', action).orderBy('id').execute()
/** Letters only, so that search reads it as one word. */
const word = (prefix: string) => `${prefix}${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

/** Two tools that overlap and differ in every way a merge has to handle. */
async function twoTools() {
  const utrecht = await organisationByCbs(db(), 'GM0344')
  const stay = await createTool(db(), { name_nl: `Blijver ${word('kaart')}`, name_en: null, description_en: null, themes: ['privacy'], processes: ['design'], aliases: ['BLK'], municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
  const leaveName = `Verdwijner ${word('kaart')}`
  const leave = await createTool(db(), {
    name_nl: leaveName,
    name_en: `Vanisher ${word('map')}`,
    description_nl: 'De beschrijving van de verdwijnende tool.',
    form: 'software',
    themes: ['privacy', 'autonomy'],
    processes: ['manage'],
    sdg: ['11.1'],
    aliases: ['VDW'],
    municipalities: [{ cbsCode: 'GM0344', role: 'owner' }, { cbsCode: 'GM0200', role: 'test_municipality', testStatus: 'passed', resultNl: 'Werkte.' }],
  })
  const d = db()
  await d.insertInto('tool_sdg_targets').values([
    { tool_id: stay.id, target_code: '11.3', contribution_nl: 'Bewoners beslissen mee.', contribution_en: null },
  ]).execute()
  await d.insertInto('tool_sdg_targets').values({ tool_id: leave.id, target_code: '11.3', contribution_nl: 'Iets anders.', contribution_en: 'Residents take part.' }).execute()
  await d.insertInto('tool_links').values([
    { tool_id: stay.id, kind: 'documentation', url: 'https://example.org/shared-doc', title_nl: 'Handleiding', title_en: null, language: 'nl' },
    { tool_id: leave.id, kind: 'documentation', url: 'https://example.org/shared-doc', title_nl: 'Andere titel', title_en: null, language: 'nl' },
    { tool_id: leave.id, kind: 'source_code', url: 'https://example.org/leave-code', title_nl: null, title_en: null, language: null },
  ]).execute()
  await d.updateTable('tools').set({ website_url: 'https://stay.example.org/', licence: 'EUPL-1.2', languages: ['nl'] }).where('id', '=', stay.id).execute()
  await d.updateTable('tools').set({ website_url: 'https://leave.example.org/', licence: 'MIT', languages: ['en'], started_on: '2024-05-01' }).where('id', '=', leave.id).execute()
  await addAssessments(d, stay.id, [{ criterion: 'privacy', rating: 'meets', explanationNl: 'Van de blijver.', assessedBy: utrecht.id }])
  await addAssessments(d, leave.id, [{ criterion: 'privacy', rating: 'does_not_meet', explanationNl: 'Van de verdwijner.' }, { criterion: 'feasible', rating: 'partly' }])
  await addSlugRedirect(d, `${leave.slug}-oud`, leave.id)
  return { stay, leave, leaveName }
}

describe('merging tools', () => {
  test('a curator merges one tool into another: fields as chosen, lists united, addresses, submissions and successors moved, both audited', async () => {
    const { stay, leave, leaveName } = await twoTools()
    const predecessor = await createTool(db())
    await retireTool(db(), predecessor.id, { reasonNl: 'Vervangen.', replacedBy: leave.id })
    const { submission } = await t.app.appContext.submissions.submit(
      { name: 'Een aanvulling', description: 'Wat ik nog weet van deze tool.', contactEmail: `m-${unique('s')}@example.org`, additionTo: leave.slug },
      { locale: 'nl', source: 'form', confirmDifferent: true },
    )
    const published = await t.app.appContext.submissions.submit({ name: `Gedeeld ${word('x')}`, description: 'Werd deze tool.', contactEmail: `p-${unique('s')}@example.org` }, { locale: 'nl', source: 'form', confirmDifferent: true })
    await db().updateTable('submissions').set({ status: 'published', result_tool_id: leave.id }).where('id', '=', published.submission.id).execute()

    const curator = await signedIn('curator')
    const edit = await curator.get(`/tools/${stay.slug}/edit`)
    assert.match(edit.body, new RegExp(`href="/tools/${stay.slug}/merge"[^>]*>Samenvoegen met een andere tool<`))
    const choose = await curator.get(`/tools/${stay.slug}/merge`)
    assert.equal(choose.statusCode, 200)
    assert.match(choose.body, /<datalist id="merge-tools">/)
    // The other tool is found by its name, typed as a curator would.
    const path = `/tools/${stay.slug}/merge`
    const compare = await curator.get(`${path}?other=${encodeURIComponent(leaveName.toLowerCase())}`)
    assert.equal(compare.statusCode, 200, text(compare.body).slice(0, 400))
    const page = text(compare.body)
    assert.match(page, new RegExp(`“Blijver [a-z]+” blijft, met zijn webadres /tools/${stay.slug}\\.`))
    assert.match(page, new RegExp(`“Verdwijner [a-z]+” verdwijnt: /tools/${leave.slug} verwijst daarna naar “Blijver [a-z]+”`))
    assert.match(compare.body, new RegExp(`href="/tools/${leave.slug}/merge\\?other=${stay.slug}"`), 'a swap link')
    const form = formFields(compare.body, path)
    assert.equal(form.nameEn, 'other', 'an empty field takes the other tool’s value by default')
    assert.equal(form.nameNl, 'this')
    assert.ok(!('category' in form), 'no choice where both are the same')

    const res = await curator.post(path, { ...form, form: 'other', websiteUrl: 'other', descriptionNl: 'other' })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 800))
    assert.equal(res.headers.location, `/tools/${stay.slug}/edit?done=merged`)
    assert.match(text((await curator.get(res.headers.location)).body), /Samengevoegd/)

    assert.equal(await toolRow(leave.slug), undefined, 'the other tool is gone')
    const row = (await toolRow(stay.slug))!
    const leaveBefore = (await auditOf(leave.id, 'tool.merged_away'))[0]!.before as Record<string, unknown>
    assert.match(row.name_nl!, /^Blijver /)
    assert.equal(row.name_en, leaveBefore.name_en)
    assert.equal(row.description_nl, 'De beschrijving van de verdwijnende tool.')
    assert.deepEqual([row.form, row.website_url, row.licence, row.started_on, row.version], ['software', 'https://leave.example.org/', 'EUPL-1.2', '2024-05-01', 2])
    assert.deepEqual([...row.languages].sort(), ['en', 'nl'])

    const api = (await t.app.inject({ url: `/api/v1/tools/${stay.slug}?lang=en` })).json()
    assert.deepEqual(api.themes.map((th: { code: string }) => th.code).sort(), ['autonomy', 'privacy'])
    assert.deepEqual(api.processes.map((p: { code: string }) => p.code).sort(), ['design', 'manage'])
    const sdg = await db().selectFrom('tool_sdg_targets').selectAll().where('tool_id', '=', stay.id).orderBy('target_code').execute()
    assert.deepEqual(sdg.map((s) => [s.target_code, s.contribution_nl, s.contribution_en]), [['11.1', null, null], ['11.3', 'Bewoners beslissen mee.', 'Residents take part.']])
    const assessments = await db().selectFrom('tool_assessments').selectAll().where('tool_id', '=', stay.id).orderBy('criterion_code').execute()
    assert.deepEqual(assessments.map((a) => [a.criterion_code, a.rating, a.explanation_nl]), [['feasible', 'partly', null], ['privacy', 'meets', 'Van de blijver.']])
    const links = await db().selectFrom('tool_links').select(['url', 'title_nl']).where('tool_id', '=', stay.id).orderBy('position').execute()
    assert.deepEqual(links.map((l) => [l.url, l.title_nl]), [['https://example.org/shared-doc', 'Handleiding'], ['https://example.org/leave-code', null], ['https://stay.example.org/', null]])
    const aliases = (await db().selectFrom('tool_aliases').select('alias').where('tool_id', '=', stay.id).execute()).map((a) => a.alias).sort()
    assert.deepEqual(aliases, ['BLK', 'VDW', leaveName].sort())
    const roles = await db().selectFrom('tool_organisations as r').innerJoin('organisations as o', 'o.id', 'r.organisation_id').select(['o.cbs_code', 'r.role']).where('r.tool_id', '=', stay.id).orderBy('o.cbs_code').execute()
    assert.deepEqual(roles.map((r) => [r.cbs_code, r.role]), [['GM0344', 'owner']])
    // The other tool's pilot came along with its outcome.
    const pilots = await db().selectFrom('pilots as p').innerJoin('organisations as o', 'o.id', 'p.municipality_id').select(['o.cbs_code', 'p.status', 'p.outcome', 'p.lessons_nl']).where('p.tool_id', '=', stay.id).execute()
    assert.deepEqual(pilots.map((p) => [p.cbs_code, p.status, p.outcome, p.lessons_nl]), [['GM0200', 'completed', 'worked', 'Werkte.']])

    // Search finds the staying tool by the other tool's name.
    const found = (await t.app.inject({ url: `/api/v1/tools?q=${encodeURIComponent(leaveName.split(' ')[1]!)}` })).json()
    assert.deepEqual(found.items.map((i: { slug: string }) => i.slug), [stay.slug])
    // Submissions and successors that named the other tool name this one.
    const subs = await db().selectFrom('submissions').select(['id', 'target_tool_id', 'result_tool_id']).where('id', 'in', [submission.id, published.submission.id]).orderBy('id').execute()
    assert.deepEqual(subs.map((s) => [s.target_tool_id, s.result_tool_id]), [[stay.id, null], [null, stay.id]])
    assert.equal((await toolRow(predecessor.slug))!.replaced_by_tool_id, stay.id)

    // The other tool's address, and its old one, answer 301 to this tool: page (both languages) and API.
    const visitor = new Browser(t.app)
    for (const [from, to] of [[`/tools/${leave.slug}`, `/tools/${stay.slug}`], [`/en/tools/${leave.slug}`, `/en/tools/${stay.slug}`], [`/tools/${leave.slug}-oud`, `/tools/${stay.slug}`]]) {
      const moved = await visitor.get(from!)
      assert.equal(moved.statusCode, 301, from)
      assert.equal(moved.headers.location, to)
    }
    const apiMoved = await t.app.inject({ url: `/api/v1/tools/${leave.slug}` })
    assert.equal(apiMoved.statusCode, 301)
    assert.match(apiMoved.headers.location as string, new RegExp(`/api/v1/tools/${stay.slug}$`))

    const [merged] = await auditOf(stay.id, 'tool.merged')
    assert.equal(merged?.actor_role, 'curator')
    const mergedAfter = merged!.after as { version: number; merged: { slug: string; redirects: string[]; submissions: number[]; successorOf: number[]; choices: Record<string, string> } }
    assert.equal(mergedAfter.version, 2)
    assert.equal(mergedAfter.merged.slug, leave.slug)
    assert.deepEqual(mergedAfter.merged.redirects, [leave.slug, `${leave.slug}-oud`])
    assert.deepEqual(mergedAfter.merged.submissions, [submission.id, published.submission.id].sort((a, b) => a - b))
    assert.deepEqual(mergedAfter.merged.successorOf, [predecessor.id])
    assert.equal(mergedAfter.merged.choices.form, 'other')
    assert.equal((merged!.before as { website_url: string }).website_url, 'https://stay.example.org/')
    assert.equal(leaveBefore.name_nl, leaveName)
    assert.equal((leaveBefore.themes as string[]).length, 2)
    assert.deepEqual((await auditOf(leave.id, 'tool.merged_away'))[0]!.after, { mergedInto: { id: stay.id, slug: stay.slug } })
    // The public history of the staying tool says it was merged.
    assert.match(text((await visitor.get(`/tools/${stay.slug}`)).body), /samengevoegd met een andere tool door de toolbox-curatoren/)
  })

  test('a save of either tool after the comparison is a conflict; the choices are kept and merging again works', async () => {
    const { stay, leave } = await twoTools()
    const curator = await signedIn('admin')
    const path = `/en/tools/${stay.slug}/merge`
    const compare = await curator.get(`${path}?other=${leave.slug}`)
    assert.match(text(compare.body), /stays, with its web address/)
    const form = formFields(compare.body, path)
    const other = await signedIn('curator')
    const basics = `/tools/${leave.slug}/edit`
    assert.equal((await other.post(basics, { ...formFields((await other.get(basics)).body, basics), descriptionEn: 'Changed meanwhile.' })).statusCode, 303)
    const conflict = await curator.post(path, { ...form, descriptionEn: 'other' })
    assert.equal(conflict.statusCode, 409)
    assert.match(text(conflict.body), /One of the two tools was saved after you opened the comparison/)
    assert.match(text(conflict.body), /Changed meanwhile: Vanisher [a-z]+\./)
    assert.match(text(conflict.body), /Changed meanwhile\./, 'the comparison shows the tool as it is now')
    assert.ok(await toolRow(leave.slug), 'nothing merged')
    const again = formFields(conflict.body, path)
    assert.equal(again.descriptionEn, 'other', 'the choice is kept')
    assert.equal((await curator.post(path, again)).statusCode, 303)
    assert.equal((await toolRow(stay.slug))!.description_en, 'Changed meanwhile.')
  })

  test('bad choices: an unknown or the same tool, a tool left without a name; partners 403, nobody 401', async () => {
    const curator = await signedIn('curator')
    const dutchOnly = await createTool(db(), { name_en: null })
    const englishOnly = await createTool(db(), { name_nl: null })
    const path = `/tools/${dutchOnly.slug}/merge`
    const unknown = await curator.get(`${path}?other=Bestaat+Niet`)
    assert.equal(unknown.statusCode, 400)
    assert.match(text(unknown.body), /De tool die verdwijnt: Geen tool heet “Bestaat Niet”/)
    const same = await curator.get(`${path}?other=${dutchOnly.slug}`)
    assert.equal(same.statusCode, 400)
    assert.match(text(same.body), /Kies een andere tool dan deze\./)

    const compare = await curator.get(`${path}?other=${englishOnly.slug}`)
    const nameless = await curator.post(path, { ...formFields(compare.body, path), nameNl: 'other', nameEn: 'this' })
    assert.equal(nameless.statusCode, 400)
    assert.match(text(nameless.body), /De tool houdt een naam/)
    assert.ok(await toolRow(englishOnly.slug), 'nothing merged')
    const tampered = await curator.post(path, { ...formFields(compare.body, path), version: 'x', nameNl: 'both' })
    assert.equal(tampered.statusCode, 400)

    const partner = await signedIn('partner', 'GM0344')
    await db().insertInto('tool_organisations').values({ tool_id: dutchOnly.id, organisation_id: (await organisationByCbs(db(), 'GM0344')).id, role: 'owner' }).execute()
    assert.equal((await partner.get(path)).statusCode, 403)
    assert.equal((await partner.get(`${path}?other=${englishOnly.slug}`)).statusCode, 403)
    assert.equal((await partner.post(path, { other: englishOnly.slug, version: '1', otherVersion: '1' })).statusCode, 403)
    assert.equal((await new Browser(t.app).get(`/en${path}`)).statusCode, 401)
    assert.ok(await toolRow(englishOnly.slug))
  })
})
