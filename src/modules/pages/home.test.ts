import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'

// The home page's ways into the catalogue: per process and per ethical theme, each with the number of tools the
// catalogue then shows; the newest tools; sharing a tool as a button.

describe('home page', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  const get = async (url: string) => (await t.app.inject({ url })).body
  const sectionOf = (page: string, id: string) => new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? ''
  const found = (page: string) => Number(/role="status">(\d+) tools? (?:gevonden|found)/.exec(page)?.[1] ?? -1)

  for (const [locale, prefix, heading] of [['nl', '', 'Bladeren per proces'], ['en', '/en', 'Browse by process']] as const) {
    test(`${locale}: browsing by process and by ethical theme leads to the filtered catalogue with the count it shows`, async () => {
      const page = await get(`${prefix}/`)
      assert.match(page, new RegExp(`id="process-heading">${heading}<`))
      const processes = [...sectionOf(page, 'process-heading').matchAll(/href="([^"]+\?process=([a-z]+))">[^<]+<\/a> <span class="citydeal-facet-count">\((\d+) tools?\)/g)]
      assert.deepEqual(processes.map((m) => m[2]), ['design', 'furnish', 'manage', 'govern'])
      const themes = [...sectionOf(page, 'theme-heading').matchAll(/href="([^"]+\?theme=([a-z_-]+))">[^<]+<\/a> <span class="citydeal-facet-count">\((\d+) tools?\)/g)]
      assert.ok(themes.length >= 5, `${themes.length} themes linked`)
      for (const [, href, , count] of [...processes, ...themes]) {
        assert.ok(href!.startsWith(`${prefix}/tools?`), href)
        assert.equal(found(await get(href!)), Number(count), href)
      }
    })
  }

  test('recently added: the five newest tools, as the catalogue sorted newest first has them', async () => {
    const recent = [...sectionOf(await get('/'), 'recent-heading').matchAll(/href="\/tools\/([^"?]+)"/g)].map((m) => m[1])
    const newest = [...(await get('/tools?sort=newest')).matchAll(/<li class="citydeal-result">\s*<h3 class="utrecht-heading-3"><a class="utrecht-link utrecht-link--html-a" href="\/tools\/([^"?]+)/g)]
      .map((m) => m[1])
      .slice(0, 5)
    assert.equal(recent.length, 5)
    assert.deepEqual(recent, newest)
  })

  test('"Deel een tool" is a link that looks like a button; the figures sit in a row that leaves no empty cell', async () => {
    const page = await get('/')
    assert.match(page, /<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="\/tools\/share">Deel een tool<\/a>/)
    assert.match(page, /<ul class="citydeal-tiles citydeal-figures">/)
    assert.match(await get('/en/'), /utrecht-button-link--primary-action" href="\/en\/tools\/share">Share a tool<\/a>/)
  })
})
