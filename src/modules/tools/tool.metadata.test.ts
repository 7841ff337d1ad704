import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'
import { SCHEMA_ORG_TYPES } from './views/tool.jsonld.ts'

// What search engines and link previews read from a page: canonical address, Open Graph, and on a tool page its
// schema.org JSON-LD with a type that fits the tool's form.

const PUBLIC_URL = 'http://toolbox.test'

function meta(body: string, property: string): string[] {
  return [...body.matchAll(new RegExp(`<meta property="${property}" content="([^"]*)">`, 'g'))].map((m) => m[1]!)
}
function canonical(body: string): string[] {
  return [...body.matchAll(/<link rel="canonical" href="([^"]*)">/g)].map((m) => m[1]!)
}
function jsonLd(body: string): Record<string, unknown> {
  const blocks = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  assert.equal(blocks.length, 1, 'one JSON-LD block')
  return JSON.parse(blocks[0]![1]!) as Record<string, unknown>
}

describe('page metadata', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  test('every public page names one canonical address without query string (the catalogue keeps its own state)', async () => {
    const cases: [string, string][] = [
      ['/', `${PUBLIC_URL}/`],
      ['/en/', `${PUBLIC_URL}/en/`],
      ['/about?utm_source=x', `${PUBLIC_URL}/about`],
      ['/organisations?q=den+haag', `${PUBLIC_URL}/organisations`],
      ['/en/calls', `${PUBLIC_URL}/en/calls`],
      ['/tools', `${PUBLIC_URL}/tools`],
      ['/tools?page=2', `${PUBLIC_URL}/tools?page=2`],
      ['/en/tools?sort=name&form=software&utm_source=x', `${PUBLIC_URL}/en/tools?form=software`],
      ['/tools/crowd-safety-manager?from=q%3Dsensor', `${PUBLIC_URL}/tools/crowd-safety-manager`],
      ['/api', `${PUBLIC_URL}/api`],
    ]
    for (const [url, expected] of cases) {
      const body = (await t.app.inject({ url })).body
      assert.deepEqual(canonical(body), [expected], url)
      assert.deepEqual(meta(body, 'og:url'), [expected], url)
    }
    // An error page is not indexed and names no canonical address.
    assert.deepEqual(canonical((await t.app.inject({ url: '/tools/no-such-tool' })).body), [])
  })

  test('Open Graph: title, description, type, locale with its alternate, site name; no image', async () => {
    for (const [url, locale, alternate] of [['/tools/crowd-safety-manager', 'nl_NL', 'en_GB'], ['/en/tools/crowd-safety-manager', 'en_GB', 'nl_NL']]) {
      const body = (await t.app.inject({ url: url! })).body
      assert.deepEqual(meta(body, 'og:title'), ['Crowd Safety Manager'])
      assert.equal(meta(body, 'og:description').length, 1)
      assert.ok(meta(body, 'og:description')[0]!.length > 20)
      assert.deepEqual(meta(body, 'og:type'), ['article'])
      assert.deepEqual(meta(body, 'og:locale'), [locale])
      assert.deepEqual(meta(body, 'og:locale:alternate'), [alternate])
      assert.deepEqual(meta(body, 'og:site_name'), ['City Deal Toolbox'])
      assert.deepEqual(meta(body, 'og:image'), [])
    }
    assert.deepEqual(meta((await t.app.inject({ url: '/about' })).body, 'og:type'), ['website'])
  })

  test('a tool page’s JSON-LD has the schema.org type of its form and the tool’s facts', async () => {
    const db = t.database.handle.db
    const expected: Record<string, string> = { software: 'SoftwareApplication', dataset: 'Dataset', legislation: 'Legislation', ordinance: 'Legislation', method: 'CreativeWork', guideline: 'CreativeWork', standard: 'CreativeWork', norm: 'CreativeWork', agreement: 'CreativeWork' }
    const forms = await db.selectFrom('tool_forms').select('code').execute()
    assert.deepEqual(forms.map((f) => f.code).sort(), Object.keys(expected).sort(), 'every form is mapped')
    assert.deepEqual(SCHEMA_ORG_TYPES, expected)
    for (const { code } of forms) {
      const tool = await createTool(db, { form: code, municipalities: [{ cbsCode: 'GM0363', role: 'owner' }] })
      if (code === 'software') await db.updateTable('tools').set({ licence: 'EUPL-1.2', languages: ['nl', 'en'] }).where('id', '=', tool.id).execute()
      for (const locale of ['nl', 'en'] as const) {
        const url = `${locale === 'en' ? '/en' : ''}/tools/${tool.slug}`
        const data = jsonLd((await t.app.inject({ url })).body)
        assert.equal(data['@context'], 'https://schema.org')
        assert.equal(data['@type'], expected[code], code)
        assert.equal(data.name, locale === 'nl' ? `Testtool ${tool.slug}` : `Test tool ${tool.slug}`)
        assert.equal(data.description, locale === 'nl' ? 'Een tool om te testen.' : 'A tool for testing.')
        assert.equal(data.url, `${PUBLIC_URL}${url}`)
        assert.ok(!Number.isNaN(Date.parse(String(data.dateCreated))) && !Number.isNaN(Date.parse(String(data.dateModified))))
        const publisher = data.publisher as { '@type': string; name: string; url: string }[]
        assert.equal(publisher[0]!['@type'], 'Organization')
        assert.match(publisher[0]!.url, /\/organisations\/[a-z0-9-]+$/)
        assert.deepEqual(data.author, data.publisher)
        if (code === 'software') {
          assert.equal(data.license, 'EUPL-1.2')
          assert.equal(data.isAccessibleForFree, true)
          assert.deepEqual(data.inLanguage, ['nl', 'en'])
        } else assert.equal(data.inLanguage, locale)
        if (code === 'legislation') assert.equal(data.isAccessibleForFree, true)
        if (code === 'method') assert.equal(data.isAccessibleForFree, undefined, 'not claimed when unknown')
      }
    }
  })

  test('JSON-LD cannot close its script element: < > & are written as \\u escapes, the data stays the same', async () => {
    const name = `</script><script>alert(1)</script> & ${unique('x')}`
    const tool = await createTool(t.database.handle.db, { name_nl: name })
    const body = (await t.app.inject({ url: `/tools/${tool.slug}` })).body
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!
    assert.ok(!block.includes('<') && !block.includes('>') && !block.includes('&'))
    assert.ok(block.includes('\\u003c/script\\u003e'))
    assert.equal((JSON.parse(block) as { name: string }).name, name)
    assert.ok(!body.includes('<script>alert(1)'))
  })
})
