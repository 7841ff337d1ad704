import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { axeViolations, browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

// The API reference and the embeddable tool list in Chromium: axe-clean at a desktop and a phone width; the embed
// shown by a page on another origin with JavaScript off, while other pages refuse to be framed; a tool page's
// JSON-LD read by the browser under the real CSP, without a console error.

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

const OUT = join(import.meta.dirname, 'out', 'findable')

describe('API reference and embed in Chromium', { skip }, () => {
  let fx: BrowserFixture
  let host: Server
  let hostUrl: string
  before(async () => {
    fx = await startBrowserFixture()
    mkdirSync(OUT, { recursive: true })
    // Another site: another port is another origin. It frames the embed, and (to be refused) the catalogue.
    host = createServer((request, response) => {
      const src = request.url === '/refused' ? `${fx.baseUrl}/tools` : `${fx.baseUrl}/en/embed/tools?form=software&pageSize=5`
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Another site</title></head>
<body><main><h1>Living in the EU: tools for cities</h1><iframe src="${src}" title="Tools from the City Deal Toolbox" loading="lazy" width="100%" height="600" style="border: 0"></iframe></main></body></html>`)
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
  })
  after(async () => {
    await new Promise((resolve) => host?.close(resolve))
    await fx?.close()
  })

  for (const width of [1280, 375]) {
    for (const url of ['/api', '/en/api', '/embed/tools', '/en/embed/tools?form=software&pageSize=5']) {
      test(`${url} at ${width} px has no violations and does not scroll sideways`, async () => {
        const context = await fx.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } })
        const page = await context.newPage()
        try {
          const response = await page.goto(fx.baseUrl + url)
          assert.equal(response?.status(), 200)
          const violations = await axeViolations(page)
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 2))
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow} px at ${width} px`)
        } finally {
          await context.close()
        }
      })
    }
  }

  test('a page on another origin shows the embed in its iframe, with JavaScript off; the catalogue refuses the frame', async () => {
    for (const width of [1280, 390]) {
      const context = await fx.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } })
      const page = await context.newPage()
      try {
        await page.goto(hostUrl)
        const frame = page.frameLocator('iframe')
        await frame.getByRole('heading', { level: 1, name: 'Tools from the City Deal Toolbox' }).waitFor()
        const links = frame.getByRole('listitem').getByRole('link')
        assert.equal(await links.count(), 5)
        assert.equal(await links.first().getAttribute('target'), '_blank')
        assert.match(String(await links.first().getAttribute('href')), /^\/en\/tools\/[a-z0-9-]+$/)
        assert.equal(await frame.getByRole('link', { name: 'More in the City Deal Toolbox' }).getAttribute('href'), '/en/tools?form=software')
        const embedded = page.frames().find((f) => f.url().includes('/embed/tools'))
        assert.ok(embedded, 'the frame loaded the embed')
        await page.screenshot({ path: join(OUT, `embed-in-iframe-${width}.png`), fullPage: true })

        await page.goto(`${hostUrl}/refused`)
        await page.waitForLoadState('load')
        const refused = page.frames().find((f) => f !== page.mainFrame())
        assert.ok(refused)
        // Chromium replaces a frame its page refuses (frame-ancestors 'none', X-Frame-Options DENY) with its error page.
        assert.ok(!refused.url().startsWith(fx.baseUrl), `the refused frame shows ${refused.url()}`)
        assert.equal(await refused.locator('.citydeal-header').count(), 0, 'the catalogue does not render inside another site')
      } finally {
        await context.close()
      }
    }
  })

  test('a tool page’s JSON-LD is read under the CSP without a console error or a refused script', async () => {
    const context = await fx.browser.newContext()
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    try {
      await page.goto(`${fx.baseUrl}/en/tools/crowd-safety-manager`)
      const data = JSON.parse(String(await page.locator('script[type="application/ld+json"]').textContent())) as { '@type': string; name: string }
      assert.equal(data['@type'], 'SoftwareApplication')
      assert.equal(data.name, 'Crowd Safety Manager')
      assert.deepEqual(problems, [])
    } finally {
      await context.close()
    }
  })
})
