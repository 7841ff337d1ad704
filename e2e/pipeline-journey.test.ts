import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { createUser } from '../test/factories.ts'
import { browserSkipReason, checkAxeAtWidths, signInWithoutJavaScript, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

// The City Deal's rule, walked in a browser without JavaScript: a curator records an idea with its owner; the owner
// takes it through selection, is refused development until three municipalities committed, opens a call; Utrecht's
// member and two municipalities without an account answer; the owner accepts them, takes the tool into development and
// testing, is refused "available" until three pilots are completed with an outcome, records them, and makes it
// available. Visitors see the call, the pilots and their results in both languages. axe at 1280 and 375 px throughout.

describe('a tool from idea through the gate to available, without JavaScript', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  const checkAxe = (context: BrowserContext, page: Page, found: Record<string, AxeViolation[]>) => checkAxeAtWidths(fx, context, page, found)

  const signIn = (email: string, password: string, next: string) => signInWithoutJavaScript(fx, email, password, next)

  /** Sets the lifecycle status in the editor's basics and saves; returns the alert's text when refused. */
  async function setStatus(page: Page, slug: string, status: string): Promise<string | undefined> {
    await page.goto(`${fx.baseUrl}/tools/${slug}/edit`)
    await page.getByLabel('Levensfase').selectOption(status)
    await page.getByRole('button', { name: 'Opslaan' }).last().click()
    await page.waitForLoadState()
    if (/done=saved/.test(page.url())) return undefined
    return page.locator('.utrecht-form-field__error-message, [role="alert"]').first().innerText()
  }

  test('idea → selected → refused → call answered by three → in development → testing → refused → results → available', async () => {
    const db = fx.server.database.handle.db
    const curator = await createUser(db, { role: 'curator' })
    const owner = await createUser(db, { role: 'partner', organisationCbs: 'GM0758', name: 'Olga Owner' })
    const utrechtMember = await createUser(db, { role: 'partner', organisationCbs: 'GM0344', name: 'Ute Utrecht' })
    const found: Record<string, AxeViolation[]> = {}
    const contexts: BrowserContext[] = []
    try {
      // The curator records the idea: the duplicate check runs before anything is saved.
      const c = await signIn(curator.email, curator.password, '/tools/new')
      contexts.push(c.context)
      await c.page.getByLabel('Naam', { exact: true }).fill('Buurtdeelkaart voor energie')
      await c.page.getByLabel('Korte beschrijving').fill('Een kaart waarop buurten hun gedeelde energievoorzieningen bijhouden.')
      await c.page.getByLabel('Soort tool').selectOption('content')
      await c.page.getByLabel('Vorm').selectOption('method')
      await c.page.getByLabel('Levensfase').selectOption('idea')
      await c.page.getByLabel('Herkomst').selectOption('city_deal')
      await c.page.getByRole('button', { name: 'Tool aanmaken' }).click()
      await c.page.waitForURL(/\/edit/)
      const slug = new URL(c.page.url()).pathname.split('/')[2]!
      // Its owner: Breda, a City Deal partner.
      await c.page.goto(`${fx.baseUrl}/tools/${slug}/edit/organisations`)
      const row = c.page.getByRole('group', { name: 'Organisatie 1' })
      await row.getByLabel('Organisatie', { exact: true }).fill('Breda')
      await row.getByLabel('Rol', { exact: true }).selectOption('owner')
      await c.page.getByRole('button', { name: 'Opslaan' }).last().click()
      await c.page.waitForURL(/done=saved/)

      // The owner takes it to selection; development is refused, with what is missing.
      const o = await signIn(owner.email, owner.password, `/tools/${slug}/edit`)
      contexts.push(o.context)
      assert.equal(await setStatus(o.page, slug, 'proposed'), undefined)
      assert.equal(await setStatus(o.page, slug, 'selected'), undefined)
      const refused = await setStatus(o.page, slug, 'in_development')
      assert.match(refused ?? '', /0 van 3 testgemeenten toegezegd/)
      await checkAxe(o.context, o.page, found)

      // The owner opens a call for three municipalities.
      await o.page.goto(`${fx.baseUrl}/tools/${slug}/call`)
      await checkAxe(o.context, o.page, found)
      await o.page.getByLabel('Wat er gevraagd wordt (Nederlands)').fill('Test de kaart een half jaar in twee buurten.')
      await o.page.getByLabel('Wat er gevraagd wordt (Engels)').fill('Test the map for six months in two neighbourhoods.')
      await o.page.getByLabel('Inzet (Nederlands)').fill('Een dag per week.')
      await o.page.getByLabel('Aantal gemeenten').fill('3')
      await o.page.getByRole('button', { name: 'Oproep openen' }).click()
      await o.page.waitForURL(/done=opened/)

      // Visitors find it on /calls and on the home page, in both languages.
      const visitor = await fx.browser.newContext({ javaScriptEnabled: false })
      contexts.push(visitor)
      const v = await visitor.newPage()
      await v.goto(`${fx.baseUrl}/en/calls`)
      assert.match(await v.locator('main').innerText(), /Test the map for six months in two neighbourhoods\.\s+3 more municipalities wanted, no closing date/)
      await checkAxe(visitor, v, found)
      await v.goto(`${fx.baseUrl}/`)
      // The home page lists the open call (and, since it is new, the tool among the recently added): follow the call.
      await v.locator(`main a[href="/tools/${slug}/call"]`, { hasText: 'Buurtdeelkaart voor energie' }).click()
      assert.equal(new URL(v.url()).pathname, `/tools/${slug}/call`)

      // Utrecht's member answers in one step.
      const u = await signIn(utrechtMember.email, utrechtMember.password, `/tools/${slug}/call`)
      contexts.push(u.context)
      await u.page.getByLabel('Toelichting').fill('Wij beginnen in januari in Overvecht.')
      await u.page.getByRole('button', { name: /Aanmelden als testgemeente: Utrecht/ }).click()
      await u.page.waitForURL(/done=answered/)
      await checkAxe(u.context, u.page, found)

      // Two municipalities without an account answer through the public form; one first names a province.
      await v.goto(`${fx.baseUrl}/tools/${slug}/call`)
      await checkAxe(visitor, v, found)
      for (const [name, municipality, email] of [['Zeno Zwolle', 'Gemeente Zwolle', 'zeno@zwolle.example'], ['Eva Eindhoven', 'Eindhoven', 'eva@eindhoven.example']] as const) {
        await v.goto(`${fx.baseUrl}/tools/${slug}/call`)
        await v.getByLabel('Uw naam').fill(name)
        await v.getByLabel('Uw gemeente').fill(municipality === 'Eindhoven' ? 'Provincie Noord-Brabant' : municipality)
        await v.getByLabel('Uw e-mailadres').fill(email)
        await v.getByRole('button', { name: 'Aanmelden als testgemeente' }).click()
        if (municipality === 'Eindhoven') {
          assert.match(await v.locator('main').innerText(), /is geen gemeente/)
          await checkAxe(visitor, v, found)
          await v.getByLabel('Uw gemeente').fill(municipality)
          await v.getByRole('button', { name: 'Aanmelden als testgemeente' }).click()
        }
        await v.waitForURL(/done=thanks/)
      }

      // The owner accepts the three answers; the call closes with enough municipalities.
      await o.page.goto(`${fx.baseUrl}/tools/${slug}/call`)
      await checkAxe(o.context, o.page, found)
      for (const municipality of ['Utrecht', 'Zwolle', 'Eindhoven']) {
        await o.page.getByRole('button', { name: `Aanvaarden: ${municipality}` }).click()
        await o.page.waitForURL(/done=accepted/)
      }
      assert.match(await o.page.locator('main').innerText(), /Voor deze tool staat geen oproep open/)

      // Into development and testing; "available" is refused until three pilots are completed with an outcome.
      assert.equal(await setStatus(o.page, slug, 'in_development'), undefined)
      assert.equal(await setStatus(o.page, slug, 'testing'), undefined)
      assert.match((await setStatus(o.page, slug, 'available')) ?? '', /0 van 3 pilots afgerond met een uitkomst/)

      // The results per municipality: Utrecht's member records its own, the owner the other two in the editor.
      await u.page.goto(`${fx.baseUrl}/tools/${slug}`)
      await u.page.getByRole('link', { name: 'Resultaten van de pilot in Utrecht vastleggen' }).click()
      await checkAxe(u.context, u.page, found)
      await u.page.getByLabel('Stand van de pilot').selectOption('completed')
      await u.page.getByLabel('Afgerond op').fill('2026-11-30')
      await u.page.getByLabel('Uitkomst').selectOption('worked')
      await u.page.getByLabel('Wat er geleerd is (Nederlands)').fill('Les 1: buurten houden de kaart zelf bij.')
      await u.page.getByLabel('Wat er geleerd is (Engels)').fill('Lesson 1: neighbourhoods keep the map up to date themselves.')
      await u.page.getByRole('button', { name: 'Opslaan' }).click()
      await u.page.waitForURL(/done=saved/)
      await o.page.goto(`${fx.baseUrl}/tools/${slug}/edit/pilots`)
      await checkAxe(o.context, o.page, found)
      const outcomes = ['worked', 'partly', 'worked']
      // Pilot 1 is Utrecht's, completed already; the owner records Pilot 2 and 3.
      for (let i = 1; i < 3; i++) {
        const pilot = o.page.getByRole('group', { name: `Pilot ${i + 1}` })
        await pilot.getByLabel('Stand van de pilot', { exact: true }).selectOption('completed')
        await pilot.getByLabel('Afgerond op').fill('2026-11-30')
        await pilot.getByLabel('Uitkomst', { exact: true }).selectOption(outcomes[i]!)
        await pilot.getByLabel('Wat er geleerd is (Nederlands)').fill(`Les ${i + 1}: buurten houden de kaart zelf bij.`)
        await pilot.getByLabel('Wat er geleerd is (Engels)').fill(`Lesson ${i + 1}: neighbourhoods keep the map up to date themselves.`)
      }
      await o.page.getByRole('button', { name: 'Opslaan' }).last().click()
      await o.page.waitForURL(/done=saved/)
      assert.equal(await setStatus(o.page, slug, 'available'), undefined)

      // Visitors see the pilots, their results and the dated lifecycle, in both languages.
      await v.goto(`${fx.baseUrl}/en/tools/${slug}`)
      const en = await v.locator('main').innerText()
      assert.match(en, /Lesson 1: neighbourhoods keep the map up to date themselves\./)
      assert.match(en, /Partly worked/)
      assert.match(en, /Available \(current status\)/)
      assert.doesNotMatch(en, /zeno@zwolle|Zeno/)
      await checkAxe(visitor, v, found)
      await v.goto(`${fx.baseUrl}/tools/${slug}`)
      assert.match(await v.locator('main').innerText(), /Les 2: buurten houden de kaart zelf bij\./)

      assert.deepEqual(found, {})
    } finally {
      for (const context of contexts) await context.close()
    }
  })
})
