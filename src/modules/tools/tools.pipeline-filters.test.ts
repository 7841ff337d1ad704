import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, organisationByCbs, unique } from '../../../test/factories.ts'
import { Browser, text } from '../../../test/http.ts'

// The catalogue facet "used by" (municipalities that adopted a tool) and the API's pipeline filters (openCall,
// pilotIn): each finds exactly the tools it says, and the counts agree with the results.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const api = async (url: string) => {
  const res = await t.app.inject({ url })
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`)
  return res.json() as { total: number; items: { slug: string }[]; facets: Record<string, { value: string; label: string; count: number; selected: boolean }[]>; _links: { self: { href: string } } }
}
const slugs = (body: { items: { slug: string }[] }) => body.items.map((i) => i.slug).sort()
/** Letters only: one searchable word that only this file's tools contain. */
const marker = `merkwoord${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

describe('used by, open calls and pilots as filters', () => {
  const tools: Record<string, { id: number; slug: string }> = {}
  before(async () => {
    const tool = (name: string, input: Parameters<typeof createTool>[1] = {}) => createTool(db(), { name_nl: `${name} ${marker}`, description_nl: `Over ${marker}.`, ...input })
    // Utrecht uses one tool, tests another, owns a third; Almere uses the first too; a company uses a fourth.
    tools.used = await tool('Gebruikt', { municipalities: [{ cbsCode: 'GM0344', role: 'adopter' }, { cbsCode: 'GM0034', role: 'adopter' }] })
    tools.tested = await tool('Getest', { status: 'testing', origin: 'city_deal', municipalities: [{ cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'running' }] })
    tools.owned = await tool('Eigendom', { municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    tools.company = await tool('Bedrijf')
    const company = await db().insertInto('organisations').values({ slug: unique('bedrijf'), name: 'Een bedrijf', kind: 'company' }).returning('id').executeTakeFirstOrThrow()
    await db().insertInto('adoptions').values({ tool_id: tools.company.id, organisation_id: company.id }).execute()
    tools.withdrawn = await tool('Teruggetrokken', { status: 'selected' })
    await db().insertInto('pilots').values({ tool_id: tools.withdrawn.id, municipality_id: (await organisationByCbs(db(), 'GM0344')).id, status: 'withdrawn' }).execute()
    tools.call = await tool('Oproep', { status: 'selected', origin: 'city_deal' })
    await db().insertInto('tool_calls').values({ tool_id: tools.call.id, asked_nl: 'Wie test mee?', closes_on: '2099-12-31' }).execute()
    tools.closedCall = await tool('Gesloten', { status: 'selected', origin: 'city_deal' })
    await db().insertInto('tool_calls').values({ tool_id: tools.closedCall.id, asked_nl: 'Was open.', status: 'closed' }).execute()
    // The derived columns of tools whose pilots and adoptions were added after the factory refreshed them.
    await sql`select tool_refresh_derived(${[tools.company.id, tools.withdrawn.id]}::bigint[])`.execute(db())
  })

  test('usedby finds only the tools a municipality uses; its counts are the number of results each value gives', async () => {
    const body = await api(`/api/v1/tools?q=${marker}&usedby=GM0344`)
    assert.deepEqual(slugs(body), [tools.used!.slug])
    const all = await api(`/api/v1/tools?q=${marker}`)
    assert.equal(all.total, 7)
    const usedby = Object.fromEntries(all.facets.usedby!.map((f) => [f.value, f.count]))
    assert.deepEqual(usedby, { GM0344: 1, GM0034: 1 }, 'a company that uses a tool is no municipality')
    for (const [value, count] of Object.entries(usedby)) assert.equal((await api(`/api/v1/tools?q=${marker}&usedby=${value}`)).total, count)
    // The municipality facet covers every involvement: the adoption, the pilot, the role; not the withdrawn pilot.
    assert.deepEqual(slugs(await api(`/api/v1/tools?q=${marker}&municipality=GM0344`)), [tools.used!.slug, tools.tested!.slug, tools.owned!.slug].sort())
    // Several values are OR'ed, and the selected one keeps its place among the values with labels in the language asked for.
    const either = await api(`/api/v1/tools?q=${marker}&usedby=GM0344&usedby=GM0034&lang=en`)
    assert.deepEqual(slugs(either), [tools.used!.slug])
    assert.deepEqual(either.facets.usedby!.map((f) => [f.label, f.selected]), [['Almere', true], ['Utrecht', true]])
    assert.match(either._links.self.href, /usedby=GM0344&usedby=GM0034/)
  })

  test('the catalogue page offers "Gebruikt door" / "Used by" with municipality names, and filters by it', async () => {
    const page = await new Browser(t.app).get(`/tools?q=${marker}&usedby=GM0344`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<summary>Gebruikt door<\/summary>/)
    assert.match(page.body, /name="usedby" value="GM0344" checked/)
    assert.match(text(page.body), /1 tool gevonden/)
    assert.match(text(page.body), /Gebruikt door: Utrecht ×/)
    assert.match(page.body, new RegExp(`/tools/${tools.used!.slug}\\?`))
    const en = await new Browser(t.app).get(`/en/tools?q=${marker}`)
    assert.match(en.body, /<summary>Used by<\/summary>/)
    assert.match(text(en.body), /Almere \(1\)/)
    const bad = await new Browser(t.app).get('/tools?usedby=GM9999')
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /GM9999/)
  })

  test('openCall: tools with an open call that has not closed, or without one; the page ignores it as it ignores pageSize', async () => {
    assert.deepEqual(slugs(await api(`/api/v1/tools?q=${marker}&openCall=true`)), [tools.call!.slug])
    const without = await api(`/api/v1/tools?q=${marker}&openCall=false`)
    assert.equal(without.total, 6)
    assert.ok(!slugs(without).includes(tools.call!.slug))
    // The facets count within the filter.
    const counted = await api(`/api/v1/tools?q=${marker}&openCall=true`)
    assert.deepEqual(counted.facets.status!.map((f) => [f.value, f.count]), [['selected', 1]])
    assert.match(counted._links.self.href, /openCall=true/)
    const res = await t.app.inject({ url: '/api/v1/tools?openCall=yes&lang=en' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(res.json().invalidParams.map((p: { name: string }) => p.name), ['openCall'])
    assert.match(text((await new Browser(t.app).get(`/tools?q=${marker}&openCall=true`)).body), /7 tools gevonden/)
  })

  test('pilotIn: tools with a pilot that is not withdrawn in a municipality; unknown codes are refused', async () => {
    assert.deepEqual(slugs(await api(`/api/v1/tools?q=${marker}&pilotIn=GM0344`)), [tools.tested!.slug])
    assert.deepEqual(slugs(await api(`/api/v1/tools?q=${marker}&pilotIn=GM0034`)), [])
    assert.deepEqual(slugs(await api(`/api/v1/tools?q=${marker}&pilotIn=GM0344&usedby=GM0344`)), [])
    const res = await t.app.inject({ url: '/api/v1/tools?pilotIn=utrecht&lang=en' })
    assert.equal(res.statusCode, 400)
    assert.match(res.json().detail, /pilotIn/)
  })
})
