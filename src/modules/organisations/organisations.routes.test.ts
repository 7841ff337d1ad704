import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'
import { Browser, text } from '../../../test/http.ts'

/** The organisation links of a list page, in order. */
const listed = (body: string, locale: 'nl' | 'en' = 'nl') =>
  [...body.matchAll(new RegExp(`<a class="utrecht-link utrecht-link--html-a" href="${locale === 'en' ? '/en' : ''}/organisations/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]!)

describe('organisation pages', () => {
  let t: TestApp
  let visitor: Browser
  before(async () => {
    t = await buildTestApp()
    visitor = new Browser(t.app)
  })
  after(() => t.close())
  const db = () => t.database.handle.db
  const org = (values: { name: string; kind?: string; merged_into_id?: number | null; is_city_deal_partner?: boolean; website_url?: string }) =>
    db().insertInto('organisations').values({ slug: unique('org'), kind: 'other', ...values }).returningAll().executeTakeFirstOrThrow()

  test('the list: every organisation that takes part, with its kind and tool count, in pages; in the navigation', async () => {
    const page = await visitor.get('/organisations')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<a href="\/organisations" aria-current="page">Organisaties<\/a>/)
    const body = text(page.body)
    assert.match(body, /Gemeenten en provincies staan in deze lijst als ze bij een tool betrokken zijn/)
    const expected = await sql<{ n: number }>`
      select count(*)::int as n from organisations o where merged_into_id is null and (kind not in ('municipality', 'province')
        or is_city_deal_partner or exists (select 1 from tool_organisations x where x.organisation_id = o.id))`.execute(db())
    const total = expected.rows[0]!.n
    assert.match(body, new RegExp(`${total} organisaties · Pagina 1 van ${Math.ceil(total / 25)}`))
    const first = listed(page.body)
    assert.equal(first.length, 25)
    assert.match(page.body, /rel="next" href="\/organisations\?page=2"/)
    // 's-Gravenhage (sorted under S): a municipality, a City Deal partner, in one tool (Crowd Safety Manager), known as Den Haag.
    const pages = Math.ceil(total / 25)
    const onPage = async (prefix: string) => {
      for (let n = 1; n <= pages; n++) {
        const res = await visitor.get(`${prefix}/organisations?page=${n}`)
        const row = new RegExp(`<tr class="utrecht-table__row"><td class="utrecht-table__cell"><a[^>]*href="${prefix}/organisations/gemeente-s-gravenhage"[\\s\\S]*?</tr>`).exec(res.body)?.[0]
        if (row) return { n, row }
      }
      return undefined
    }
    const { n: sPage, row } = (await onPage('')) ?? assert.fail("'s-Gravenhage is listed")
    assert.ok(sPage > 1, "sorted under S, not before the A's")
    assert.match(text(row), /'s-Gravenhage\s+Gemeente \(GM0518\) · City Deal-partner · ook: Den Haag, The Hague\s+1\s*$/)

    const second = await visitor.get('/organisations?page=2')
    assert.equal(second.statusCode, 200)
    assert.equal(listed(second.body).filter((slug) => first.includes(slug)).length, 0, 'page 2 shows the next organisations')
    assert.match(second.body, /rel="prev" href="\/organisations"/)
    assert.equal((await visitor.get('/organisations?page=999')).statusCode, 404)
    assert.equal((await visitor.get('/organisations?page=abc')).statusCode, 400)
    assert.equal((await visitor.get('/organisations?kind=bogus')).statusCode, 400)

    const en = await visitor.get('/en/organisations')
    assert.equal(en.statusCode, 200)
    assert.match(en.body, /<html lang="en">/)
    assert.match(text(en.body), new RegExp(`${total} organisations · Page 1 of`))
    const enRow = (await onPage('/en'))?.row ?? assert.fail("'s-Gravenhage is listed in English")
    assert.match(text(enRow), /Municipality \(GM0518\) · City Deal partner · also: Den Haag, The Hague/)
  })

  test('search by name or other name, accents and case aside; a municipality also as "Gemeente …"', async () => {
    const haag = await visitor.get('/organisations?q=Den+Haag')
    assert.equal(listed(haag.body)[0], 'gemeente-s-gravenhage')
    assert.match(text(haag.body), /Organisaties voor “Den Haag”/)
    assert.equal(listed((await visitor.get('/en/organisations?q=the%20hague')).body, 'en')[0], 'gemeente-s-gravenhage')
    assert.equal(listed((await visitor.get('/organisations?q=gemeente%20den%20haag')).body)[0], 'gemeente-s-gravenhage')
    const delft = await visitor.get('/en/organisations?q=tu+delft')
    assert.match(text(delft.body), /Technische Universiteit Delft/)
    // Municipalities without tools are found by searching (the note about them is gone).
    const fryslan = await visitor.get('/organisations?q=FRYSLAN')
    assert.match(text(fryslan.body), /Provincie Fryslân/)
    assert.doesNotMatch(text(fryslan.body), /Gemeenten en provincies staan in deze lijst/)
    const almere = await visitor.get('/organisations?q=almere')
    assert.deepEqual(listed(almere.body), ['gemeente-almere'])
    assert.match(text(almere.body), /1 organisatie\b/)

    // Nothing found: suggestions, and what was typed stays text.
    const typo = await visitor.get('/organisations?q=Gravenhaag')
    assert.match(text(typo.body), /Geen organisaties gevonden\.\s+Bedoelt u:\s+'s-Gravenhage/)
    assert.match(typo.body, /href="\/organisations\?q=%27s-Gravenhage"/)
    const markup = await visitor.get('/organisations?q=%3Cscript%3Ex%3C%2Fscript%3E')
    assert.equal(markup.statusCode, 200)
    assert.ok(!markup.body.includes('<script>x'), 'markup is shown as text')
    assert.match(markup.body, /value="&lt;script&gt;x&lt;\/script&gt;"/)
    assert.equal((await visitor.get(`/organisations?q=${'x'.repeat(101)}`)).statusCode, 400)
  })

  test('filters: kind and City Deal partner, kept in the address of every page link', async () => {
    const standards = await visitor.get('/organisations?kind=standards_body')
    assert.equal(standards.statusCode, 200)
    const body = text(standards.body)
    assert.match(body, /NEN \(Stichting Koninklijk Nederlands Normalisatie Instituut\)/)
    assert.match(body, /International Organization for Standardization \(ISO\)/)
    assert.doesNotMatch(body, /'s-Gravenhage/)
    assert.doesNotMatch(body, /Gemeenten en provincies staan in deze lijst/, 'no note about municipalities in a list of standards bodies')
    assert.match(standards.body, /<option value="standards_body" selected>Normalisatie-instituut<\/option>/)
    const international = await visitor.get('/en/organisations?kind=international_body')
    assert.match(text(international.body), /European Union/)
    assert.match(text(international.body), /International body/)

    const partners = await visitor.get('/organisations?partner=on')
    const count = (await db().selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).where('is_city_deal_partner', '=', true).where('merged_into_id', 'is', null).executeTakeFirstOrThrow()).n
    assert.equal(listed(partners.body).length, count)
    assert.ok(count > 5)
    const rows = partners.body.match(/<tr class="utrecht-table__row"><td[\s\S]*?<\/tr>/g) ?? []
    assert.equal(rows.length, count)
    assert.ok(rows.every((r) => text(r).includes('City Deal-partner')), 'every row is a City Deal partner')
    assert.match(partners.body, /id="organisations-partner" name="partner" value="on" checked/)

    // Every municipality, in pages that keep the filter.
    const municipalities = await visitor.get('/organisations?kind=municipality&partner=')
    assert.match(text(municipalities.body), /34\d organisaties · Pagina 1 van 14/)
    assert.match(municipalities.body, /href="\/organisations\?kind=municipality&amp;page=2"/)
    const both = await visitor.get('/organisations?kind=municipality&partner=on')
    assert.ok(listed(both.body).includes('gemeente-s-gravenhage'))
    assert.ok(!listed(both.body).includes('gemeente-almere'))
    assert.match(both.body, /href="\/organisations">Alle organisaties tonen</)
  })

  test('an organisation page: facts, province and CBS code, and its tools by role, with test results', async () => {
    const haag = await db().selectFrom('organisations').selectAll().where('cbs_code', '=', 'GM0518').executeTakeFirstOrThrow()
    const tested = await createTool(db(), { name_nl: 'Parkeersensor NL', name_en: 'Parking sensor' })
    const onlyDutch = await createTool(db(), { name_nl: 'Wijkpeiling', name_en: null })
    const used = await createTool(db(), { name_nl: 'Gebruikte tool', name_en: 'Used tool' })
    const organised = await createTool(db(), { name_nl: 'Georganiseerde tool', name_en: 'Organised tool' })
    const involved = await createTool(db(), { name_nl: 'Betrokken tool', name_en: 'Involved tool', status: 'retired' })
    const link = (tool_id: number, role: string, extra: Record<string, string | null> = {}) =>
      db().insertInto('tool_organisations').values({ tool_id, organisation_id: haag.id, role, ...extra }).execute()
    // Testing is a pilot, using an adoption.
    await db().insertInto('pilots').values({ tool_id: tested.id, municipality_id: haag.id, status: 'completed', outcome: 'worked', lessons_nl: 'Werkt <b>goed</b> in de Schilderswijk.', lessons_en: 'Works well in the Schilderswijk.', completed_on: '2025-03-14' }).execute()
    await db().insertInto('pilots').values({ tool_id: onlyDutch.id, municipality_id: haag.id, status: 'running', lessons_nl: 'Loopt nog tot de zomer.' }).execute()
    await db().insertInto('adoptions').values({ tool_id: used.id, organisation_id: haag.id }).execute()
    await link(organised.id, 'organising_party')
    await link(involved.id, 'partner', { involvement: 'lead' })

    const page = await visitor.get('/organisations/gemeente-s-gravenhage')
    assert.equal(page.statusCode, 200)
    const body = text(page.body)
    assert.match(body, /Soort\s+Gemeente/)
    assert.match(body, /Ook bekend als\s+Den Haag, The Hague/)
    assert.match(body, /City Deal-partner\s+Ja/)
    assert.match(page.body, /<a class="utrecht-link utrecht-link--html-a" href="\/organisations\/provincie-zuid-holland">Provincie Zuid-Holland<\/a>/)
    assert.match(body, /CBS-code\s+GM0518/)
    assert.match(body, /Ontwikkelt mee aan\s+Crowd Safety Manager/)
    assert.match(page.body, /href="\/tools\/crowd-safety-manager"/)
    assert.match(body, /Test\s+Tools die 's-Gravenhage test, met de uitkomst/)
    assert.match(body, /Parkeersensor NL\s+Afgerond\s+Werkte\. Werkt &lt;b&gt;goed&lt;\/b&gt; in de Schilderswijk\.\s+14 maart 2025/)
    assert.ok(page.body.includes('Werkt &lt;b&gt;goed&lt;/b&gt;'), 'markup in a result is text')
    assert.match(body, /Wijkpeiling\s+Loopt\s+Loopt nog tot de zomer\.\s+–/)
    assert.match(body, /Gebruikt\s+Gebruikte tool/)
    assert.match(body, /Organiseert\s+Georganiseerde tool/)
    assert.match(body, /Is betrokken bij\s+Betrokken tool \(niet meer actief\) \(trekker\)/)
    assert.match(page.body, new RegExp(`href="/tools/${tested.slug}"`))
    const order = ['Ontwikkelt mee aan', 'Test', 'Gebruikt', 'Organiseert', 'Is betrokken bij'].map((h) => page.body.indexOf(`<h3 class="utrecht-heading-3">${h}</h3>`))
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'roles in the order of the data model')
    assert.ok(order.every((i) => i > 0))
    assert.doesNotMatch(page.body, /Eigenaar van/, 'no empty role')

    const en = await visitor.get('/en/organisations/gemeente-s-gravenhage')
    assert.equal(en.statusCode, 200)
    const enBody = text(en.body)
    assert.match(enBody, /Kind\s+Municipality/)
    assert.match(enBody, /City Deal partner\s+Yes/)
    assert.match(en.body, /href="\/en\/organisations\/provincie-zuid-holland"/)
    assert.match(enBody, /Co-develops\s+Crowd Safety Manager/)
    assert.match(enBody, /Parking sensor\s+Completed\s+Worked\. Works well in the Schilderswijk\.\s+14 March 2025/)
    // Not translated: the Dutch text, marked as Dutch, with a note.
    assert.match(en.body, /<span lang="nl">Wijkpeiling<\/span>/)
    assert.match(en.body, /<span lang="nl">Loopt nog tot de zomer\.<\/span>/)
    assert.match(enBody, /Is involved in\s+Involved tool \(retired\) \(lead\)/)
    assert.match(en.body, new RegExp(`href="/en/tools/${tested.slug}"`))
  })

  test('an organisation without tools, a company with a website, a province', async () => {
    const company = await org({ name: 'Sensoren <b>BV</b>', kind: 'company', website_url: 'https://sensoren.example.org' })
    const page = await visitor.get(`/en/organisations/${company.slug}`)
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes('Sensoren &lt;b&gt;BV&lt;/b&gt;'))
    assert.match(text(page.body), /Kind\s+Company/)
    assert.match(text(page.body), /City Deal partner\s+No/)
    assert.match(page.body, /href="https:\/\/sensoren\.example\.org"/)
    assert.match(text(page.body), /This organisation is not \(yet\) involved in a tool in the toolbox\./)
    assert.doesNotMatch(text(page.body), /CBS code|Province/)
    const province = await visitor.get('/organisations/provincie-zuid-holland')
    assert.match(text(province.body), /Soort\s+Provincie/)
    assert.match(text(province.body), /CBS-code\s+PV28/)
  })

  test('a merged organisation answers 301 to the one it was merged into, for good; an unknown one 404', async () => {
    const kept = await org({ name: `Stichting Blijft ${unique('x')}` })
    const merged = await org({ name: 'Stichting Dubbel', merged_into_id: kept.id })
    const mergedTwice = await org({ name: 'Stichting Driedubbel', merged_into_id: merged.id })
    const res = await visitor.get(`/organisations/${merged.slug}`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, `/organisations/${kept.slug}`)
    const en = await visitor.get(`/en/organisations/${mergedTwice.slug}`)
    assert.equal(en.statusCode, 301)
    assert.equal(en.headers.location, `/en/organisations/${kept.slug}`)
    assert.ok(!listed((await visitor.get('/organisations?q=Stichting+Dubbel')).body).includes(merged.slug), 'a merged organisation is not listed')

    const missing = await visitor.get('/organisations/no-such-organisation')
    assert.equal(missing.statusCode, 404)
    assert.match(text(missing.body), /Er is geen organisatie met het adres “no-such-organisation”/)
    const missingEn = await visitor.get('/en/organisations/no-such-organisation')
    assert.equal(missingEn.statusCode, 404)
    assert.match(text(missingEn.body), /There is no organisation at the address/)
    assert.equal((await visitor.get('/organisations/Not_A_Slug')).statusCode, 404)
    assert.equal((await visitor.get(`/organisations/${'a'.repeat(300)}`)).statusCode, 404)
  })
})
