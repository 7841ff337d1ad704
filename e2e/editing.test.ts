import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { createTool, createUser } from '../test/factories.ts'
import { browserSkipReason, checkAxeAtWidths, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

describe('editing a tool in a browser', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  const checkAxe = (context: BrowserContext, page: Page, found: Record<string, AxeViolation[]>) => checkAxeAtWidths(fx, context, page, found)

  test('a partner member signs in without JavaScript, assesses their tool and records a test municipality, and sees it published', async () => {
    const db = fx.server.database.handle.db
    const member = await createUser(db, { role: 'partner', organisationCbs: 'GM0344', name: 'Petra Partner' })
    const tool = await createTool(db, { name_nl: 'Wijkbudget-app', name_en: null, municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const context = await fx.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const found: Record<string, AxeViolation[]> = {}
    try {
      await page.goto(`${fx.baseUrl}/login?next=/tools/${tool.slug}/edit`)
      await page.getByLabel('E-mailadres').fill(member.email)
      await page.getByLabel('Wachtwoord').fill(member.password)
      await page.getByRole('button', { name: 'Inloggen' }).click()
      await page.waitForURL(new RegExp(`/tools/${tool.slug}/edit$`))
      await checkAxe(context, page, found)

      // The assessment: privacy partly met, explained, with evidence, assessed by the municipality (found by its alias).
      await page.getByRole('navigation', { name: 'Onderdelen van de tool' }).getByRole('link', { name: 'Beoordeling' }).click()
      await checkAxe(context, page, found)
      const privacy = page.getByRole('group', { name: 'Privacy' })
      await privacy.getByLabel('Oordeel', { exact: true }).selectOption('partly')
      await privacy.getByLabel('Toelichting (Nederlands)').fill('Persoonsgegevens worden na dertig dagen verwijderd.')
      await privacy.getByLabel('Onderbouwing (link)').fill('https://example.org/dpia-wijkbudget')
      await privacy.getByLabel('Beoordeeld door (organisatie)').fill('Utrecht')
      await page.getByRole('button', { name: 'Opslaan' }).last().click()
      await page.waitForURL(/done=saved/)
      assert.ok(await page.getByText('Opgeslagen.').isVisible())

      // A pilot in a municipality with its result: first a mistake (an outcome on a pilot still running), then right.
      await page.getByRole('navigation', { name: 'Onderdelen van de tool' }).getByRole('link', { name: 'Pilots in gemeenten' }).click()
      const row = page.getByRole('group', { name: 'Pilot 1' })
      await row.getByLabel('Gemeente', { exact: true }).fill('Den Haag')
      await row.getByLabel('Stand van de pilot', { exact: true }).selectOption('running')
      await row.getByLabel('Uitkomst', { exact: true }).selectOption('worked')
      await page.getByRole('button', { name: 'Opslaan' }).last().click()
      const alert = page.getByRole('alert')
      assert.match(await alert.innerText(), /Een uitkomst hoort bij een afgeronde pilot/)
      await checkAxe(context, page, found)
      await page.getByRole('group', { name: 'Pilot 1' }).getByLabel('Stand van de pilot', { exact: true }).selectOption('completed')
      await page.getByRole('group', { name: 'Pilot 1' }).getByLabel('Wat er geleerd is (Nederlands)').fill('Drie wijken gebruikten de app een jaar.')
      await page.getByRole('button', { name: 'Opslaan' }).last().click()
      await page.waitForURL(/done=saved/)
      await checkAxe(context, page, found)

      // Published: the public page shows the assessment and the test, to a visitor who is not signed in.
      const visitor = await fx.browser.newContext({ javaScriptEnabled: false })
      const publicPage = await visitor.newPage()
      await publicPage.goto(`${fx.baseUrl}/tools/${tool.slug}`)
      const body = await publicPage.locator('main').innerText()
      assert.match(body, /Persoonsgegevens worden na dertig dagen verwijderd\./)
      assert.match(body, /Voldoet deels/)
      assert.match(body, /'s-Gravenhage/)
      assert.match(body, /Drie wijken gebruikten de app een jaar\./)
      await visitor.close()
      assert.deepEqual(found, {}, JSON.stringify(found, null, 2))
    } finally {
      await context.close()
    }
  })

  test('every edit page in English is axe-clean at 1280 and 375 px, with JavaScript', async () => {
    const db = fx.server.database.handle.db
    const curator = await createUser(db, { role: 'curator' })
    const context = await fx.browser.newContext()
    const page = await context.newPage()
    const found: Record<string, AxeViolation[]> = {}
    try {
      await page.goto(`${fx.baseUrl}/en/login`)
      await page.getByLabel('E-mail address').fill(curator.email)
      await page.getByLabel('Password').fill(curator.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(/\/en\/account$/)
      for (const part of ['', '/links', '/sdg', '/assessments', '/organisations', '/pilots']) {
        await page.goto(`${fx.baseUrl}/en/tools/pdok/edit${part}`)
        await checkAxe(context, page, found)
      }
      assert.deepEqual(found, {}, JSON.stringify(found, null, 2))
    } finally {
      await context.close()
    }
  })
})
