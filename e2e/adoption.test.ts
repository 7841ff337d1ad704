import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTool, createUser, organisationByCbs } from '../test/factories.ts'
import { sessionCookie } from '../test/http.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

// "We use this tool" and asking to be involved in an initiative of others, in a browser without JavaScript:
// axe-clean at a desktop and a phone width in both languages, and a member's use recorded through the form.
describe('adoption and involvement pages in a browser', { skip }, () => {
  let fx: BrowserFixture
  const cookies: Record<'member' | 'curator', string> = { member: '', curator: '' }
  let tool = ''
  let initiative = ''
  before(async () => {
    fx = await startBrowserFixture()
    const db = fx.server.database.handle.db
    tool = (await createTool(db, { name_nl: 'Modelverordening terrassen', name_en: 'Model ordinance for terraces', form: 'method' })).slug
    const created = await createTool(db, {
      name_nl: 'Buurtenergie-initiatief',
      name_en: 'Neighbourhood energy initiative',
      origin: 'others_initiative',
      municipalities: [{ cbsCode: 'GM0363', role: 'organising_party' }, { cbsCode: 'GM0599', role: 'partner' }],
    })
    initiative = created.slug
    const eindhoven = await organisationByCbs(db, 'GM0772')
    await db.insertInto('involvement_requests').values({ tool_id: created.id, organisation_id: eindhoven.id, involvement: 'active', note: 'Wij willen onze ervaring delen.' }).execute()
    cookies.member = await sessionCookie(db, (await createUser(db, { role: 'partner', organisationCbs: 'GM0344' })).id)
    cookies.curator = await sessionCookie(db, (await createUser(db, { role: 'curator' })).id)
  })
  after(() => fx?.close())

  /** A signed-in page; axe needs scripts in the page, the journey runs without them. */
  const pageAs = async (who: 'member' | 'curator', width: number, javaScriptEnabled = true) => {
    const context = await fx.browser.newContext({ bypassCSP: true, javaScriptEnabled, viewport: { width, height: 800 } })
    const [name, value] = cookies[who].split('=') as [string, string]
    await context.addCookies([{ name, value, url: fx.baseUrl }])
    return { context, page: await context.newPage() }
  }

  const PAGES: { who: 'member' | 'curator'; path: string }[] = [
    { who: 'member', path: '/tools/{tool}/adoption' },
    { who: 'curator', path: '/tools/{tool}/adoption' },
    { who: 'member', path: '/tools/{initiative}' },
    { who: 'member', path: '/tools/{initiative}/involvement' },
    { who: 'curator', path: '/tools/{initiative}/involvement' },
  ]
  for (const width of [1280, 390]) {
    for (const prefix of ['', '/en']) {
      for (const { who, path } of PAGES) {
        test(`${prefix}${path} as ${who} at ${width} px: no axe violations, nothing wider than the screen`, async () => {
          const { context, page } = await pageAs(who, width)
          try {
            const response = await page.goto(`${fx.baseUrl}${prefix}${path.replace('{tool}', tool).replace('{initiative}', initiative)}`)
            assert.equal(response?.status(), 200)
            assert.deepEqual(await axeViolations(page), [])
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            assert.ok(overflow <= 0, `overflows by ${overflow}px`)
          } finally {
            await context.close()
          }
        })
      }
    }
  }

  test('a member records their municipality’s use from the tool page, and the tool page shows it', async () => {
    const { context, page } = await pageAs('member', 390, false)
    try {
      await page.goto(`${fx.baseUrl}/tools/${tool}`)
      await page.getByRole('link', { name: 'Wij gebruiken deze tool' }).click()
      await page.getByLabel('Versie die u gebruikt').fill('2024')
      await page.getByLabel('Eigen variant (Nederlands)').fill('Terrassen tot 22.00 uur in de binnenstad.')
      await page.getByLabel('Link naar uw eigen variant').fill('https://lokaleregelgeving.overheid.nl/CVDR123')
      await page.getByRole('button', { name: 'Gebruik vastleggen' }).click()
      assert.match(await page.locator('[role="status"]').innerText(), /Het gebruik is vastgelegd/)
      await page.getByRole('link', { name: 'Terug naar de tool' }).click()
      const main = await page.locator('main').innerText()
      assert.match(main, /Utrecht \(versie 2024\)/)
      assert.match(main, /Terrassen tot 22\.00 uur in de binnenstad\./)
      assert.equal(await page.getByRole('link', { name: 'Eigen variant van Utrecht' }).getAttribute('href'), 'https://lokaleregelgeving.overheid.nl/CVDR123')
    } finally {
      await context.close()
    }
  })
})
