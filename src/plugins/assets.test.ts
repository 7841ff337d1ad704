import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../test/helper.ts'
import { minifyCss, purgeCss } from '../theme/stylesheet.ts'

// One stylesheet, only the NL Design System rules the pages use, under a name that changes with its content and
// may be kept for a year; every component class a page renders still has its rules (decision 0025).

const require = createRequire(import.meta.url)
const FULL_UTRECHT = readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8')
const PAGES = ['/', '/en', '/tools', '/tools?form=software', '/tools?q=data&page=2', '/en/tools', '/tools/pdok', '/en/tools/pdok', '/tools/omgevingswet', '/tools/fiware',
  '/tools/share', '/en/tools/share', '/about', '/en/about', '/organisations', '/tools/pipeline', '/login', '/password/forgot', '/data', '/api', '/contact',
  '/privacy', '/accessibility', '/this-page-does-not-exist', '/embed/tools']

describe('assets', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers })
  const stylesheetOf = (page: string) => [...page.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!)

  test('a page links one stylesheet, named by its content and cached as immutable for a year', async () => {
    const links = stylesheetOf((await get('/')).body)
    assert.equal(links.length, 1, links.join(' '))
    const [path] = links
    const match = /^\/assets\/app\.([0-9a-f]{12})\.css$/.exec(path!)
    assert.ok(match, path)
    const css = await get(path!)
    assert.equal(css.statusCode, 200)
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.equal(createHash('sha256').update(css.body).digest('hex').slice(0, 12), match[1])
    assert.ok(!css.body.includes('/*') && !/\n\s/.test(css.body), 'minified: no comments, no indentation')
    assert.ok(css.body.length < FULL_UTRECHT.length / 3, `${css.body.length} bytes against ${FULL_UTRECHT.length} for the whole library`)
    for (const old of ['/assets/utrecht.css', '/assets/theme.css', '/assets/app.css']) {
      const res = await get(old)
      assert.equal(res.statusCode, 302, old)
      assert.equal(res.headers.location, path)
    }
    const arrow = /url\("?(\/assets\/select-arrow\.[0-9a-f]{12}\.svg)"?\)/.exec(css.body)?.[1]
    assert.ok(arrow, 'the select arrow under its hashed name')
    assert.equal((await get(arrow)).headers['cache-control'], 'public, max-age=31536000, immutable')
  })

  test('every component class the pages render has its rules in the served stylesheet', async () => {
    const css = (await get(stylesheetOf((await get('/')).body)[0]!)).body
    const missing: string[] = []
    let checked = 0
    for (const url of PAGES) {
      const res = await get(url)
      assert.ok([200, 404].includes(res.statusCode), `${url}: ${res.statusCode}`)
      assert.deepEqual(stylesheetOf(res.body), stylesheetOf((await get('/')).body), `${url} links the same stylesheet`)
      for (const name of new Set([...res.body.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter((c) => c.startsWith('utrecht-')))) {
        const inLibrary = new RegExp(`\\.${name}(?![a-zA-Z0-9_-])`)
        if (!inLibrary.test(FULL_UTRECHT)) continue
        checked++
        if (!inLibrary.test(css)) missing.push(`${name} (${url})`)
      }
    }
    assert.ok(checked > 100, `${checked} classes checked`)
    assert.deepEqual(missing, [])
  })

  test('each page with its stylesheet stays under 60 KB on the wire', async () => {
    const br = { 'accept-encoding': 'br, gzip' }
    const css = (await get(stylesheetOf((await get('/')).body)[0]!, br)).rawPayload.length
    for (const url of ['/', '/tools', '/tools/pdok', '/tools/share', '/about']) {
      const page = (await get(url, br)).rawPayload.length
      assert.ok(page + css < 60_000, `${url}: ${page} + ${css} bytes`)
    }
  })

  test('the purge keeps used rules (also inside media queries and :not()), drops the others; the minifier keeps meaning', () => {
    const used = (name: string) => ['utrecht-a', 'utrecht-b'].includes(name)
    const css = '@charset "UTF-8";\n.utrecht-a, .utrecht-x { color: red; }\n.utrecht-a:not(.utrecht-y) { margin: 0 }\n@media (min-width: 40em) { .utrecht-x { color: blue } .utrecht-b > span { color: green } }\n@media print { .utrecht-z { color: black } }\n:root { --x: 1 }'
    assert.equal(minifyCss(purgeCss(css, used)), '.utrecht-a{color:red}.utrecht-a:not(.utrecht-y){margin:0}@media (min-width:40em){.utrecht-b>span{color:green}}:root{--x:1}')
    assert.equal(minifyCss('.a .b :hover { width: calc(1px + 2px) }'), '.a .b :hover{width:calc(1px + 2px)}')
  })
})
