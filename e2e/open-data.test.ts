import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTool, createUser } from '../test/factories.ts'
import { axeViolations, browserSkipReason, checkAxeAtWidths, signInWithoutJavaScript, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

const PUBLIC_PAGES = ['/vocabularies', '/vocabularies/forms', '/vocabularies/mims', '/vocabularies/sdg11', '/tools?mim=mim1']

describe('open data and vocabularies: accessibility at 1280 and 375 px, MIM tagging without JavaScript', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  for (const width of [1280, 375]) {
    for (const locale of ['nl', 'en'] as const) {
      for (const path of PUBLIC_PAGES) {
        const url = locale === 'nl' ? path : `/en${path}`
        test(`${url} at ${width} px has no violations`, async () => {
          const context = await fx.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } })
          const page = await context.newPage()
          try {
            const response = await page.goto(fx.baseUrl + url)
            assert.equal(response?.status(), 200)
            assert.deepEqual(await axeViolations(page), [])
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow} px at ${width} px`)
          } finally {
            await context.close()
          }
        })
      }
    }
  }

  test('a curator tags a tool against a MIM without JavaScript; the report and the editor section are axe-clean', async () => {
    const db = fx.server.database.handle.db
    const curator = await createUser(db, { role: 'curator' })
    await createTool(db, { name_nl: 'Tool zonder eigenaar voor het rapport', name_en: 'Tool zonder eigenaar voor het rapport' })
    const tool = await createTool(db, { municipalities: [{ cbsCode: 'GM0363', role: 'owner' }] })
    const path = `/tools/${tool.slug}/edit/mims`
    const { context, page } = await signInWithoutJavaScript(fx, curator.email, curator.password, path)
    const found: Record<string, AxeViolation[]> = {}
    try {
      await checkAxeAtWidths(fx, context, page, found)
      await page.getByRole('group', { name: /MIM2 Datamodellen/ }).getByLabel('Relatie').selectOption('implements')
      await page.getByRole('button', { name: 'Opslaan' }).click()
      await page.waitForURL((url) => url.search.includes('done=saved'))
      assert.match(await page.locator('main').innerText(), /Opgeslagen/)
      const saved = await db.selectFrom('tool_mims').select(['mim_code', 'relation']).where('tool_id', '=', tool.id).execute()
      assert.deepEqual(saved, [{ mim_code: 'mim2', relation: 'implements' }])

      for (const report of ['/curation/open-data', '/en/curation/open-data']) {
        await page.goto(fx.baseUrl + report)
        assert.match(await page.locator('main').innerText(), /Tool zonder eigenaar voor het rapport/)
        await checkAxeAtWidths(fx, context, page, found)
      }
      assert.deepEqual(found, {})
    } finally {
      await context.close()
    }
  })
})
