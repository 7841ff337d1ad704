import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, unique } from '../../../test/factories.ts'
import { Browser, sessionCookie, text } from '../../../test/http.ts'

describe('/account: partner members see their organisation\'s tools', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  const db = () => t.database.handle.db
  const signedIn = async (input: Parameters<typeof createUser>[1]) => new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), input)).id))

  test('the tools it owns or co-develops, each with a link to its page and to edit it; not those it only tests or uses', async () => {
    const org = await db().insertInto('organisations').values({ slug: unique('org'), name: 'Gemeente Voorbeeld', kind: 'other' }).returningAll().executeTakeFirstOrThrow()
    const owned = await createTool(db(), { name_nl: 'Zeta-tool', name_en: 'Zeta tool' })
    const codeveloped = await createTool(db(), { name_nl: 'Alfa-tool', name_en: null })
    const tested = await createTool(db(), { name_nl: 'Getest', name_en: 'Tested' })
    const used = await createTool(db(), { name_nl: 'Gebruikt', name_en: 'Used' })
    for (const [tool, role] of [[owned, 'owner'], [codeveloped, 'co_developer']] as const) {
      await db().insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: org.id, role }).execute()
    }
    // Testing (a pilot) and using (an adoption) do not make a tool the organisation's to edit.
    await db().insertInto('pilots').values({ tool_id: tested.id, municipality_id: org.id, status: 'running' }).execute()
    await db().insertInto('adoptions').values({ tool_id: used.id, organisation_id: org.id }).execute()
    const partner = await signedIn({ role: 'partner', organisationId: org.id })

    const page = await partner.get('/account')
    assert.equal(page.statusCode, 200)
    const body = text(page.body)
    assert.match(body, /Tools van Gemeente Voorbeeld\s+Tools die uw organisatie bezit of mee ontwikkelt/)
    assert.match(body, /Alfa-tool · Bewerken\s+Zeta-tool · Bewerken/, 'both, by name')
    assert.match(page.body, new RegExp(`href="/tools/${owned.slug}">Zeta-tool</a>`))
    assert.match(page.body, new RegExp(`href="/tools/${owned.slug}/edit" aria-label="Bewerken: Zeta-tool">Bewerken</a>`))
    assert.match(page.body, new RegExp(`href="/tools/${codeveloped.slug}/edit"`))
    assert.doesNotMatch(page.body, new RegExp(`/tools/(${tested.slug}|${used.slug})`), 'testing or using a tool does not make it yours to edit')
    assert.equal((await partner.get(`/tools/${owned.slug}/edit`)).statusCode, 200, 'the edit link leads to the editor')

    const en = await partner.get('/en/account')
    assert.match(text(en.body), /Tools of Gemeente Voorbeeld/)
    assert.match(en.body, new RegExp(`href="/en/tools/${owned.slug}/edit" aria-label="Edit: Zeta tool">Edit</a>`))
    assert.match(en.body, /<span lang="nl">Alfa-tool<\/span>/, 'a name without translation is marked as Dutch')
  })

  test('a partner whose organisation has no tools is told so; curators and administrators edit every tool', async () => {
    const org = await db().insertInto('organisations').values({ slug: unique('org'), name: 'Stichting Leeg', kind: 'civil_society' }).returningAll().executeTakeFirstOrThrow()
    const partner = await signedIn({ role: 'partner', organisationId: org.id })
    const page = await partner.get('/account')
    assert.match(text(page.body), /Uw organisatie is nog geen eigenaar of mede-ontwikkelaar van een tool in de toolbox\./)
    assert.doesNotMatch(page.body, /\/edit"/)

    const curator = await signedIn({ role: 'curator' })
    const curatorPage = await curator.get('/account')
    assert.match(text(curatorPage.body), /Als curator of beheerder kunt u elke tool bewerken, vanaf de pagina van de tool\./)
    assert.match(curatorPage.body, /href="\/tools">Naar alle tools</)
    assert.doesNotMatch(curatorPage.body, /\/edit"/)
    const admin = await signedIn({ role: 'admin', locale: 'en' })
    assert.match(text((await admin.get('/en/account')).body), /As a curator or administrator you can edit every tool, from the tool’s page\./)
  })
})
