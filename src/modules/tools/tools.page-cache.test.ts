import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { facetVocabulary } from './tools.schemas.ts'

// The rendered-page cache for anonymous visitors is keyed by what a page shows (locale and normalised query, or
// locale and slug). Observable here through the services a page is rendered from: a render asks the catalogue
// search (or the tool) once, a cached page asks nothing.

describe('the page cache', () => {
  let t: TestApp
  const renders = { catalogue: 0, tool: 0 }
  before(async () => {
    t = await buildTestApp()
    const tools = t.app.appContext.tools
    const { searchCatalogue, getTool } = tools
    tools.searchCatalogue = (query) => {
      renders.catalogue++
      return searchCatalogue(query)
    }
    tools.getTool = (slug) => {
      renders.tool++
      return getTool(slug)
    }
  })
  after(() => t.close())

  const get = (url: string) => t.app.inject({ method: 'GET', url })
  const languageSwitch = (body: string) => /<a href="([^"]*)" hreflang="(?:en|nl)" lang="(?:en|nl)"/.exec(body)?.[1]

  test('parameters the catalogue ignores share one cached page, and that page is right for each of them', async () => {
    const first = await get('/tools?junk=1&q=sensor&utm_source=newsletter')
    assert.equal(first.statusCode, 200)
    assert.equal(renders.catalogue, 1)
    assert.equal(languageSwitch(first.body), '/en/tools?q=sensor', 'the page names its own address without the junk')
    assert.doesNotMatch(first.body, /junk|utm_source/)

    const variants = ['/tools?q=sensor', '/tools?q=sensor&junk=2', '/tools?page=1&q=%20sensor%20&sort=relevance', '/tools/?q=sensor&junk=3']
    for (const url of variants) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.body, first.body, `${url} is the same page`)
    }
    assert.equal(renders.catalogue, 1, 'one render for all variants of one query')

    // What the page shows is still keyed apart: another query, another locale.
    assert.equal(languageSwitch((await get('/tools?q=sensor&category=content&junk=4')).body), '/en/tools?q=sensor&amp;category=content')
    assert.equal(renders.catalogue, 2)
    const english = await get('/en/tools?junk=5&q=sensor')
    assert.equal(renders.catalogue, 3)
    assert.match(english.body, /<html lang="en">/)
    assert.equal(languageSwitch(english.body), '/tools?q=sensor')
    assert.equal((await get('/en/tools?q=sensor')).body, english.body)
    assert.equal(renders.catalogue, 3)
  })

  test('a tool page is cached once per locale and slug, whatever the query string', async () => {
    const first = await get('/tools/pdok?junk=1')
    assert.equal(first.statusCode, 200)
    assert.equal(languageSwitch(first.body), '/en/tools/pdok')
    for (const url of ['/tools/pdok', '/tools/pdok?junk=2', '/tools/pdok/']) assert.equal((await get(url)).body, first.body, url)
    assert.equal(renders.tool, 1)
    const english = await get('/en/tools/pdok?x=y')
    assert.equal(languageSwitch(english.body), '/tools/pdok')
    assert.equal(renders.tool, 2)
  })

  test('a tool page is cached per search it links back to, normalised; an invalid one counts as none', async () => {
    const start = renders.tool
    const plain = await get('/tools/omgevingswet')
    assert.match(plain.body, />Alle tools<\/a>/)
    const kaart = await get('/tools/omgevingswet?from=q%3Dkaart')
    assert.match(kaart.body, /href="\/tools\?q=kaart">.*Terug naar de zoekresultaten<\/a>/)
    assert.equal(renders.tool, start + 2)
    for (const url of ['/tools/omgevingswet?from=q%3Dkaart%26junk%3D1', '/tools/omgevingswet?from=page%3D1%26q%3D%2520kaart&x=y']) {
      assert.equal((await get(url)).body, kaart.body, url)
    }
    for (const url of ['/tools/omgevingswet?from=form%3Dnope', '/tools/omgevingswet?from=']) assert.equal((await get(url)).body, plain.body, url)
    assert.equal(renders.tool, start + 2, 'one render per normalised search')
    assert.match((await get('/tools/omgevingswet?from=q%3Dweg')).body, /href="\/tools\?q=weg">/)
    assert.equal(renders.tool, start + 3)
  })

  test('the facet vocabulary is built once per load of the reference data', () => {
    const reference = t.app.appContext.reference
    assert.equal(facetVocabulary(reference), facetVocabulary(reference))
    assert.ok(facetVocabulary(reference).form.has('legislation'))
    const reloaded = { ...reference, forms: reference.forms.slice(0, 1) }
    assert.notEqual(facetVocabulary(reloaded), facetVocabulary(reference))
    assert.equal(facetVocabulary(reloaded).form.size, 1)
  })
})
