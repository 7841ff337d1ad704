import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { addAssessments, createTool, createUser, organisationByCbs, retireTool } from '../test/factories.ts'
import { sessionCookie } from '../test/http.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

// The tool page in the states the seed does not have: retired with a successor, partly assessed, seen by an editor.
describe('a retired, partly assessed tool page in a browser', { skip }, () => {
  let fx: BrowserFixture
  let slug: string
  let cookie: string
  before(async () => {
    fx = await startBrowserFixture()
    const db = fx.server.database.handle.db
    const utrecht = await organisationByCbs(db, 'GM0344')
    const successor = await createTool(db, { name_nl: 'Opvolger', name_en: 'Successor' })
    const tool = await createTool(db, { form: 'legislation', municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    await addAssessments(db, tool.id, [
      { criterion: 'privacy', rating: 'meets', explanationNl: 'Geen persoonsgegevens.', evidenceUrl: 'https://example.org/dpia', assessedBy: utrecht.id, assessedOn: '2026-03-03' },
      { criterion: 'scalable', rating: 'not_applicable' },
    ])
    await retireTool(db, tool.id, { reasonNl: 'Opgegaan in een landelijke voorziening.', replacedBy: successor.id })
    slug = tool.slug
    cookie = await sessionCookie(db, (await createUser(db, { role: 'curator' })).id)
  })
  after(() => fx?.close())

  for (const as of ['visitor', 'curator'] as const) {
    for (const prefix of ['', '/en']) {
      test(`${prefix}/tools/{retired} as ${as}: no axe violations, nothing wider than a phone`, async () => {
        const context = await fx.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } })
        if (as === 'curator') {
          const [name, value] = cookie.split('=') as [string, string]
          await context.addCookies([{ name, value, url: fx.baseUrl }])
        }
        const page = await context.newPage()
        try {
          await page.goto(`${fx.baseUrl}${prefix}/tools/${slug}?from=q%3Dkaart`)
          const edit = page.getByRole('link', { name: prefix ? 'Edit this tool' : 'Bewerk deze tool' })
          assert.equal(await edit.count(), as === 'curator' ? 1 : 0)
          assert.ok(await page.getByRole('link', { name: prefix ? 'Successor' : 'Opvolger' }).isVisible())
          const violations = await axeViolations(page)
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 2))
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          assert.ok(overflow <= 0, `overflows by ${overflow}px`)
        } finally {
          await context.close()
        }
      })
    }
  }
  test('printed: no navigation, footer or forms; every link in the content followed by its address, once', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 800, height: 1100 } })
    const page = await context.newPage()
    try {
      await page.goto(`${fx.baseUrl}/tools/${slug}`)
      assert.ok(await page.getByRole('navigation', { name: 'Hoofdmenu' }).or(page.locator('.citydeal-nav')).first().isVisible(), 'on screen: the navigation')
      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.locator('.citydeal-nav').isVisible(), false, 'printed: no navigation')
      assert.equal(await page.locator('.citydeal-footer').isVisible(), false, 'printed: no footer')
      assert.equal(await page.locator('.citydeal-main form').first().isVisible().catch(() => false), false, 'printed: no forms')
      const after = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content)
      assert.match(await after('main a:text-is("Opvolger")'), /\/tools\/tool-/, 'an internal link shows its address')
      assert.equal(await after('main a[href="https://example.org/dpia"]'), 'none', 'a link that reads as its address is not followed by it again')
      await page.pdf({ path: 'e2e/out/tool-print.pdf' }).catch(() => {})
    } finally {
      await context.close()
    }
  })
})
