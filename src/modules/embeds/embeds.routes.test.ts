import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'
import { embedCode, embedSnippet } from './views/embed-snippet.ts'

// The embeddable tool list: other sites may frame it, nothing else; it filters like the catalogue.

describe('/embed/tools', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  test('the embed may be framed by any site; every other page still refuses framing', async () => {
    for (const url of ['/embed/tools', '/en/embed/tools?form=software', '/embed/tools?form=spreadsheet']) {
      const res = await t.app.inject({ url })
      assert.equal(res.headers['x-frame-options'], undefined, url)
      assert.match(String(res.headers['content-security-policy']), /(^|; )frame-ancestors \*($|;)/, url)
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/, `${url}: the rest of the policy holds`)
    }
    for (const url of ['/', '/tools', '/en/tools/crowd-safety-manager', '/api', '/login', '/feeds/tools.atom', '/api/v1/tools', '/no-such-page', '/embed/tools/extra']) {
      const res = await t.app.inject({ url })
      assert.equal(res.headers['x-frame-options'], 'DENY', url)
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, url)
    }
  })

  test('a compact list with the catalogue’s filters, links to the tool pages in a new window, and a link to more', async () => {
    const marker = unique('embedtest')
    const dutchOnly = await createTool(t.database.handle.db, { form: 'dataset', name_nl: `Dataset ${marker}`, name_en: null, description_en: null })
    const res = await t.app.inject({ url: `/en/embed/tools?q=${marker}&form=dataset` })
    assert.equal(res.statusCode, 200)
    const body = res.body
    assert.ok(body.startsWith('<!doctype html><html lang="en">'))
    assert.ok(!body.includes('citydeal-header') && !body.includes('citydeal-footer'), 'no site header or footer')
    assert.ok(!body.includes('<script'), 'no script')
    assert.ok(!/<form/.test(body), 'no form')
    assert.ok(body.includes('<meta name="robots" content="noindex">'))
    assert.ok(body.includes(`href="/en/tools/${dutchOnly.slug}" target="_blank" lang="nl" rel="noopener">Dataset ${marker}</a>`))
    assert.ok(body.includes('1 tool found.'))
    assert.match(body, new RegExp(`href="/en/tools\\?q=${marker}&amp;form=dataset" target="_blank" rel="noopener">More in the City Deal Toolbox</a>`))
    // Only software, when filtered so.
    const software = await t.app.inject({ url: '/embed/tools?form=software&pageSize=100' })
    assert.ok(software.body.includes('class="citydeal-embed__item"'))
    assert.ok(!software.body.includes(dutchOnly.slug))
    const shorter = await t.app.inject({ url: '/embed/tools?pageSize=3' })
    assert.equal([...shorter.body.matchAll(/class="citydeal-embed__item"/g)].length, 3)
  })

  test('bad parameters get the catalogue’s clear refusal, never a 500', async () => {
    const res = await t.app.inject({ url: '/embed/tools?form=spreadsheet' })
    assert.equal(res.statusCode, 400)
    assert.ok(res.body.includes('spreadsheet'))
    assert.equal((await t.app.inject({ url: '/embed/tools?page=999' })).statusCode, 404)
  })

  test('the snippet for the open-data page: an iframe with a title, lazy loading and the example filter, escaped for display', () => {
    for (const locale of ['nl', 'en'] as const) {
      const code = embedCode(locale, 'https://toolbox.example.org')
      assert.match(code, new RegExp(`^<iframe src="https://toolbox.example.org${locale === 'en' ? '/en' : ''}/embed/tools\\?form=software&pageSize=5" title="[^"]+" loading="lazy"`))
      const snippet = String(embedSnippet(locale, 'https://toolbox.example.org'))
      assert.ok(snippet.includes('&lt;iframe src=&quot;https://toolbox.example.org'), 'shown as text, not as a frame')
      assert.ok(!snippet.includes('<iframe'))
    }
  })
})
