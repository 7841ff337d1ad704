import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { browserSkipReason, checkAxeAtWidths, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

// The /data page in Chromium, in both languages: axe-clean and no sideways scrolling at 1280 and 375 px, and every
// download it links answers.

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

describe('/data in Chromium', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  test('/data and /en/data: no axe violations at 1280 and 375 px; every link on the page answers', async () => {
    const found: Record<string, AxeViolation[]> = {}
    const context = await fx.browser.newContext({ javaScriptEnabled: false })
    for (const path of ['/data', '/en/data']) {
      const page = await context.newPage()
      await page.goto(`${fx.baseUrl}${path}`)
      await checkAxeAtWidths(fx, context, page, found)
      const hrefs = await page.$$eval('main a[href^="/"]', (links) => links.map((a) => a.getAttribute('href') ?? ''))
      assert.ok(hrefs.includes('/data/tools.csv') && hrefs.includes('/data/catalogue.ttl'))
      for (const href of hrefs) {
        const res = await fetch(`${fx.baseUrl}${href}`, { redirect: 'manual' })
        assert.ok(res.status === 200, `${path} links ${href}: ${res.status}`)
      }
    }
    await context.close()
    assert.deepEqual(found, {})
  })
})
