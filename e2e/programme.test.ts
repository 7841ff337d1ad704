import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTool } from '../test/factories.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

// The programme at a glance as a visitor without JavaScript sees it: axe-clean at 1280 and 375 px in both languages,
// no sideways scrolling, charts as named images, figures that lead to their catalogue list, and a print on A4.
describe('the programme page in a browser', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
    // A City Deal tool tested in Utrecht: every chart has data.
    await createTool(fx.server.database.handle.db, { origin: 'city_deal', status: 'testing', municipalities: [{ cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'running' }] })
  })
  after(() => fx?.close())

  test('axe-clean without JavaScript at 1280 and 375 px, in Dutch and English', async () => {
    const found: Record<string, AxeViolation[]> = {}
    for (const path of ['/programme', '/en/programme']) {
      for (const width of [1280, 375]) {
        const context = await fx.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } })
        const page = await context.newPage()
        await page.goto(`${fx.baseUrl}${path}`)
        // axe is injected in a second context that allows scripts; the page itself runs none.
        const probe = await fx.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } })
        const p = await probe.newPage()
        await p.goto(`${fx.baseUrl}${path}`)
        const violations = await axeViolations(p)
        if (violations.length > 0) found[`${path} @${width}`] = violations
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        if (overflow > 0) found[`${path} @${width}: scrolls sideways by ${overflow}px`] = []
        await probe.close()
        await context.close()
      }
    }
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2))
  })

  test('each chart is an image named by its title; a figure leads to its catalogue list', async () => {
    const context = await fx.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${fx.baseUrl}/en/programme`)
    for (const name of ['Targets against actuals', 'City Deal tools by stage', 'City Deal tools by part of the gate', 'Partners by kind', 'Municipalities that test or use tools, by province', 'The most active organisations', 'Tools in the toolbox by month, by origin']) {
      assert.equal(await page.getByRole('img', { name }).count(), 1, name)
    }
    const row = page.getByRole('row', { name: /New content tools/ })
    const figure = Number(await row.getByRole('link').innerText())
    await row.getByRole('link').click()
    await page.waitForURL(/\/en\/tools\?category=content&origin=city_deal/)
    const cards = await page.locator('.citydeal-result, .citydeal-tool-card, main li h2, main li h3').count()
    assert.ok(figure === 0 || cards > 0, 'the list shows tools')
    assert.match(await page.locator('main').innerText(), new RegExp(`\\b${figure} tool`))
    await context.close()
  })

  test('prints on A4 without the site navigation', async () => {
    const context = await fx.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${fx.baseUrl}/programme`)
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.citydeal-header').isVisible(), false)
    assert.equal(await page.locator('.citydeal-chart').first().isVisible(), true)
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF')
    await context.close()
  })
})
