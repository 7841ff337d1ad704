// The demonstration (npm run demo, decision 0021) in Chromium: its pages, banner included, axe-clean at 1280 and
// 375 px in both languages, for a visitor and for a partner's member who votes without JavaScript.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEMO_ACCOUNTS, DEMO_SETTINGS, seedDemo, type SeedResult } from '../src/demo/seed.ts'
import { browserSkipReason, checkAxeAtWidths, signInWithoutJavaScript, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

describe('the demonstration in a browser', { skip }, () => {
  let fx: BrowserFixture
  let seeded: SeedResult
  before(async () => {
    fx = await startBrowserFixture({ ...DEMO_SETTINGS })
    seeded = await seedDemo(fx.server.app.appContext, new Date().toISOString().slice(0, 10))
  })
  after(() => fx?.close())

  test('pages with the banner: no violations, nothing scrolls sideways', async () => {
    const found: Record<string, AxeViolation[]> = {}
    const context = await fx.browser.newContext()
    const page = await context.newPage()
    for (const path of ['/', '/en/', '/tools/participatiewijzer-sensoren', '/en/tools/pipeline', seeded.paths.upcomingGathering, `/en${seeded.paths.pastGathering}`, '/programme']) {
      await page.goto(fx.baseUrl + path)
      assert.equal(await page.locator('.citydeal-demo-banner').count(), 1, `banner on ${path}`)
      await checkAxeAtWidths(fx, context, page, found)
    }
    await context.close()
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2))
  })

  test("'s-Hertogenbosch's member votes without JavaScript; the page stays clean", async () => {
    const { email, password } = DEMO_ACCOUNTS.denBosch
    const { context, page } = await signInWithoutJavaScript(fx, email, password, seeded.paths.openDecision)
    await page.getByLabel('Voor', { exact: true }).check()
    await page.getByRole('button', { name: /stem/i }).click()
    await page.waitForURL((url) => url.search.includes('done=voted'))
    assert.match(await page.locator('main').innerText(), /'s-Hertogenbosch\s+Voor/)
    const found: Record<string, AxeViolation[]> = {}
    await checkAxeAtWidths(fx, context, page, found)
    await context.close()
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2))
  })
})
