import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

describe('finding a tool in a browser', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  test('without JavaScript: search, filter, open a tool, switch language', async () => {
    const context = await fx.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      await page.goto(`${fx.baseUrl}/en/`)
      await page.getByLabel('Find a tool').fill('privacy')
      await page.getByRole('button', { name: 'Search' }).click()
      await page.waitForURL(/\/en\/tools\?q=privacy/)
      assert.match((await page.getByRole('status').textContent()) ?? '', /\d+ tools found/)

      await page.getByText('Kind', { exact: true }).first().isVisible()
      await page.getByLabel(/^Governance and organisation/).check()
      await page.getByRole('button', { name: 'Apply filters' }).click()
      await page.waitForURL(/category=governance/)
      assert.match(page.url(), /q=privacy/)
      await page.getByRole('link', { name: /Afwegingskader Sensordata en Privacy/ }).click()
      // The result link carries the search, so the tool page can lead back to it.
      await page.waitForURL(/\/en\/tools\/afwegingskader-sensordata-en-privacy\?from=/)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Afwegingskader Sensordata en Privacy')

      await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click()
      await page.waitForURL(/\/tools\/afwegingskader-sensordata-en-privacy\?from=/)
      assert.equal(await page.getAttribute('html', 'lang'), 'nl')
      assert.ok(await page.getByRole('heading', { name: 'Procesvraag' }).isVisible())

      await page.getByRole('link', { name: 'Terug naar de zoekresultaten' }).click()
      await page.waitForURL(/\/tools\?q=privacy&category=governance$/)
      assert.ok(await page.getByRole('link', { name: /Afwegingskader Sensordata en Privacy/ }).isVisible())
    } finally {
      await context.close()
    }
  })

  test('usable on a phone: nothing wider than the screen, the search and results reachable', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    try {
      for (const path of ['/', '/tools?q=sensor', '/tools/crowd-safety-manager', '/about']) {
        await page.goto(fx.baseUrl + path)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`)
      }
      await page.goto(`${fx.baseUrl}/tools`)
      assert.ok(await page.getByLabel('Zoekwoorden').isVisible())
      await page.screenshot({ path: 'e2e/out/tools-phone.png', fullPage: false }).catch(() => {})
    } finally {
      await context.close()
    }
  })

  test('on a phone the results come first, the filters behind "Filters (n)"; on a wide screen the filters stay beside them', async () => {
    const phone = await fx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false })
    const page = await phone.newPage()
    try {
      await page.goto(`${fx.baseUrl}/tools`)
      const firstResult = await page.locator('.citydeal-result').first().boundingBox()
      assert.ok(firstResult && firstResult.y < 800, `the first result starts ${firstResult?.y}px down`)
      await page.goto(`${fx.baseUrl}/tools?category=governance&form=software`)
      const toggle = page.locator('summary', { hasText: 'Filters (2)' })
      assert.ok(await toggle.isVisible(), 'the disclosure names the two active filters')
      assert.equal(await page.getByLabel(/^Bestuur en organisatie/).isVisible(), false, 'the filters wait closed')
      await toggle.click()
      assert.ok(await page.getByLabel(/^Bestuur en organisatie/).isVisible(), 'opened without JavaScript')
      assert.ok(await page.getByLabel(/^Bestuur en organisatie/).isChecked())
    } finally {
      await phone.close()
    }
    const wide = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const widePage = await wide.newPage()
    try {
      await widePage.goto(`${fx.baseUrl}/tools`)
      assert.equal(await widePage.locator('summary', { hasText: 'Filters (0)' }).isVisible(), false)
      assert.ok(await widePage.getByRole('button', { name: 'Filters toepassen' }).isVisible(), 'the filters shown beside the results')
      const filters = await widePage.getByRole('button', { name: 'Filters toepassen' }).boundingBox()
      const results = await widePage.locator('.citydeal-result').first().boundingBox()
      assert.ok(filters && results && filters.x < results.x, 'filters to the left of the results')
    } finally {
      await wide.close()
    }
  })

  test('keyboard: the skip link is the first stop and moves focus to the content', async () => {
    const context = await fx.browser.newContext()
    const page = await context.newPage()
    try {
      await page.goto(`${fx.baseUrl}/tools`)
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.textContent)
      assert.equal(focused, 'Naar de inhoud')
      await page.keyboard.press('Enter')
      assert.match(page.url(), /#main$/)
    } finally {
      await context.close()
    }
  })
})
