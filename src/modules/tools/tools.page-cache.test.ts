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

  test('the facet vocabulary is built once per load of the reference data', () => {
    const reference = t.app.appContext.reference
    assert.equal(facetVocabulary(reference), facetVocabulary(reference))
    assert.ok(facetVocabulary(reference).form.has('legislation'))
    const reloaded = { ...reference, forms: reference.forms.slice(0, 1) }
    assert.notEqual(facetVocabulary(reloaded), facetVocabulary(reference))
    assert.equal(facetVocabulary(reloaded).form.size, 1)
  })
})
