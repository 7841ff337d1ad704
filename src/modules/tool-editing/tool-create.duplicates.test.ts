import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// "Does it exist already?" before anything new: creating an idea (or a proposed tool) runs the duplicate check
// against every tool, whatever its status (published, in development, ideas), and the open submissions, and shows
// the candidates with their reasons before anything is saved.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

/** Letters only, so that search reads it as one word. */
const word = (prefix: string) => `${prefix}${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

async function curator(locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role: 'curator', locale })
  return new Browser(t.app).withSession(await sessionCookie(db(), user.id))
}

const toolsNamed = (name: string) => db().selectFrom('tools').select(['slug', 'status']).where('name_nl', '=', name).execute()

test('a new idea meets an existing idea, a tool in development and an open submission, each with its reasons; nothing is saved until the curator says it is different', async () => {
  const place = word('daken')
  const description = `Een kaart die per wijk in ${place} laat zien welke daken groen zijn of groen kunnen worden, voor bewoners en de gemeente.`
  const idea = await createTool(db(), { status: 'idea', origin: 'city_deal', name_nl: `Groene daken ${place}`, name_en: null, description_nl: description, description_en: null })
  const developing = await createTool(db(), { status: 'in_development', origin: 'city_deal', name_nl: `Groene-dakenkaart ${place}`, name_en: null, description_nl: description, description_en: null })
  await t.app.appContext.submissions.submit(
    { name: `Daken groen ${place}`, description, contactEmail: 'bewoner@example.org' },
    { locale: 'nl', source: 'form', confirmDifferent: true },
  )

  // In English first; then in Dutch, where the curator says it is a different tool after all.
  for (const locale of ['en', 'nl'] as const) {
    const browser = await curator(locale)
    const path = `${locale === 'en' ? '/en' : ''}/tools/new`
    const page = await browser.get(path)
    const name = `Kaart groene daken ${place}`
    const typed = { ...formFields(page.body, path), name, nameLanguage: 'nl', description, category: 'content', form: 'software', lifecycle: 'idea', origin: 'city_deal' }
    const refused = await browser.post(path, typed)
    assert.equal(refused.statusCode, 409, text(refused.body).slice(0, 600))
    const shown = text(refused.body)
    const candidates = refused.body.slice(refused.body.indexOf('citydeal-candidates'))
    // Each candidate with a link, its status and why it looks the same.
    const prefix = locale === 'en' ? '/en' : ''
    assert.match(candidates, new RegExp(`href="${prefix}/tools/${idea.slug}"`))
    assert.match(candidates, new RegExp(`href="${prefix}/tools/${developing.slug}"`))
    if (locale === 'nl') {
      assert.match(shown, /Deze tool lijkt op tools die er al zijn/)
      assert.match(shown, new RegExp(`Groene daken ${place} In ontwikkeling \\(Idee\\) [^·]*(Vergelijkbare naam|Vergelijkbare beschrijving)`))
      assert.match(shown, new RegExp(`Groene-dakenkaart ${place} In ontwikkeling \\(In ontwikkeling\\) [^·]*(Vergelijkbare naam|Vergelijkbare beschrijving)`))
      assert.match(shown, new RegExp(`Daken groen ${place} Gedeelde tool, nog in behandeling (Vergelijkbare naam|Vergelijkbare beschrijving)`))
    } else {
      assert.match(shown, /This tool looks like tools we already have/)
      assert.match(shown, new RegExp(`Groene daken ${place} In development \\(Idea\\) [^·]*(Similar name|Similar description)`))
      assert.match(shown, /Shared tool, under review/)
    }
    assert.deepEqual(await toolsNamed(name), [], 'nothing saved before the curator answers')
    if (locale === 'nl') {
      const created = await browser.post(path, { ...formFields(refused.body, path), confirmDifferent: 'on' })
      assert.equal(created.statusCode, 303)
      assert.deepEqual((await toolsNamed(name)).map((r) => r.status), ['idea'])
    }
  }
})

test('a proposed tool is checked the same way: a published tool with the same website is found, by its website', async () => {
  const site = word('site')
  const existing = await createTool(db(), { name_nl: `Participatiewijzer ${site}`, name_en: null })
  await db().updateTable('tools').set({ website_url: `https://${site}.example.org/` }).where('id', '=', existing.id).execute()
  await sql`select tool_refresh_derived(${[existing.id]}::bigint[])`.execute(db())
  const browser = await curator('en')
  const page = await browser.get('/en/tools/new')
  const refused = await browser.post('/en/tools/new', {
    ...formFields(page.body, '/en/tools/new'),
    name: `Inspraakhulp ${word('x')}`,
    nameLanguage: 'nl',
    description: 'Een hulpmiddel voor inspraak van bewoners.',
    websiteUrl: `https://${site}.example.org/`,
    category: 'governance',
    form: 'method',
    lifecycle: 'proposed',
    origin: 'city_deal',
  })
  assert.equal(refused.statusCode, 409)
  assert.match(text(refused.body), new RegExp(`Participatiewijzer ${site} Available Same website or page`))
})
