import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTool, createUser } from '../test/factories.ts'
import { sessionCookie } from '../test/http.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

// A curator creates, retires and merges tools in a browser, without needing JavaScript for any of it.
describe('creating, retiring and merging tools in a browser', { skip }, () => {
  let fx: BrowserFixture
  let cookie: string
  let stay: string
  let leave: string
  before(async () => {
    fx = await startBrowserFixture()
    const db = fx.server.database.handle.db
    stay = (await createTool(db, { name_nl: 'Blijvende kaart', name_en: 'Staying map' })).slug
    leave = (await createTool(db, { name_nl: 'Verdwijnende kaart', name_en: null, themes: ['privacy'] })).slug
    cookie = await sessionCookie(db, (await createUser(db, { role: 'curator' })).id)
  })
  after(() => fx?.close())

  const curatorPage = async (width = 360) => {
    const context = await fx.browser.newContext({ bypassCSP: true, viewport: { width, height: 740 } })
    const [name, value] = cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: fx.baseUrl }])
    return { context, page: await context.newPage() }
  }

  for (const prefix of ['', '/en']) {
    for (const path of ['/tools/new', '/tools/{stay}/retire', '/tools/{stay}/merge', '/tools/{stay}/merge?other={leave}']) {
      test(`${prefix}${path}: no axe violations, nothing wider than a phone`, async () => {
        const { context, page } = await curatorPage()
        try {
          await page.goto(`${fx.baseUrl}${prefix}${path.replace('{stay}', stay).replace('{leave}', leave)}`)
          assert.deepEqual(await axeViolations(page), [])
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          assert.ok(overflow <= 0, `overflows by ${overflow}px`)
        } finally {
          await context.close()
        }
      })
    }
  }

  test('merge: choose the other tool by name, keep its theme, and its old address leads to the tool that stays', async () => {
    const { context, page } = await curatorPage(1280)
    try {
      await page.goto(`${fx.baseUrl}/tools/${stay}/edit`)
      await page.getByRole('link', { name: 'Samenvoegen met een andere tool' }).click()
      await page.getByLabel('De tool die verdwijnt').fill('Verdwijnende kaart')
      await page.getByRole('button', { name: 'Vergelijken' }).click()
      await page.getByRole('button', { name: '“Verdwijnende kaart” opnemen in “Blijvende kaart”' }).click()
      assert.match(await page.locator('[role="status"]').innerText(), /Samengevoegd/)
      await page.goto(`${fx.baseUrl}/tools/${leave}`)
      assert.equal(new URL(page.url()).pathname, `/tools/${stay}`)
      assert.match(await page.locator('main').innerText(), /Privacy/)
    } finally {
      await context.close()
    }
  })
})
