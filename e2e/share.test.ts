import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { createUser } from '../test/factories.ts'
import { sessionCookie } from '../test/http.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

type Locale = 'nl' | 'en'

/** What a visitor reads on the share form and the tracking page, per language. */
const TEXT = {
  nl: {
    name: 'Naam',
    description: 'Korte beschrijving',
    website: 'Website',
    email: 'Uw e-mailadres',
    submit: 'Tool delen',
    duplicates: 'Lijkt dit op een tool die we al kennen?',
    confirmDifferent: 'Mijn tool is een andere dan deze',
    received: 'Bedankt! We hebben uw inzending ontvangen',
    pending: 'Wordt beoordeeld',
    privacy: 'Privacy',
  },
  en: {
    name: 'Name',
    description: 'Short description',
    website: 'Website',
    email: 'Your e-mail address',
    submit: 'Share tool',
    duplicates: 'Is this a tool we already know?',
    confirmDifferent: 'My tool is a different one from these',
    received: 'Thank you! We received your submission',
    pending: 'Under review',
    privacy: 'Privacy',
  },
} as const

const prefix = (locale: Locale) => (locale === 'nl' ? '' : '/en')

describe('sharing a tool in a browser', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  /** A fresh context; bypassCSP only where axe has to be injected. */
  async function open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await fx.browser.newContext(options)
    return { context, page: await context.newPage() }
  }

  /**
   * Runs axe on the page and records what it finds under `what`; the test asserts the record is empty at its
   * end, so one failing page does not hide the others (and the flow after it still runs).
   */
  async function checkAxe(page: Page, what: string, found: Record<string, AxeViolation[]>) {
    const violations = await axeViolations(page)
    if (violations.length > 0) found[`${what} (${new URL(page.url()).pathname})`] = violations
  }
  const assertNoViolations = (found: Record<string, AxeViolation[]>) => assert.deepEqual(found, {}, JSON.stringify(found, null, 2))

  /** Fills the identity and contact fields the way a visitor does, by their labels. */
  async function fillShare(page: Page, locale: Locale, values: { name?: string; description?: string; website?: string; email?: string }) {
    const t = TEXT[locale]
    if (values.name !== undefined) await page.getByLabel(t.name, { exact: true }).fill(values.name)
    if (values.description !== undefined) await page.getByLabel(t.description, { exact: true }).fill(values.description)
    if (values.website !== undefined) await page.getByLabel(t.website, { exact: true }).fill(values.website)
    if (values.email !== undefined) await page.getByLabel(t.email, { exact: true }).fill(values.email)
  }

  /** Clicks a submit button and returns the status of the form POST's response. */
  async function submit(page: Page, button: string): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/tools/share')),
      page.getByRole('button', { name: button, exact: true }).click(),
    ])
    await page.waitForLoadState('load')
    return response.status()
  }

  for (const locale of ['nl', 'en'] as const) {
    const t = TEXT[locale]
    const shareUrl = () => `${fx.baseUrl}${prefix(locale)}/tools/share`

    test(`${locale}: the share form, its errors, its duplicate warning and the tracking page are axe-clean`, async () => {
      const { context, page } = await open({ bypassCSP: true })
      const found: Record<string, AxeViolation[]> = {}
      try {
        // The empty form.
        await page.goto(shareUrl())
        assert.equal(await page.getAttribute('html', 'lang'), locale)
        await checkAxe(page, 'empty share form', found)

        // A failed submit: no name, a bad e-mail address, a website that is not http(s).
        await fillShare(page, locale, { name: '', description: 'Een beschrijving om te testen.', website: 'javascript:alert(1)', email: 'nope' })
        assert.equal(await submit(page, t.submit), 400)
        assert.ok(await page.getByRole('alert').first().isVisible(), 'the error summary is shown')
        for (const field of ['name', 'websiteUrl', 'contactEmail']) {
          assert.ok(await page.locator(`#share-${field}-error`).isVisible(), `${field} has an error message`)
          assert.equal(await page.getAttribute(`#share-${field}`, 'aria-invalid'), 'true', `${field} is marked invalid`)
        }
        assert.equal(await page.getByLabel(t.email, { exact: true }).inputValue(), 'nope', 'what was typed is kept')
        await checkAxe(page, 'share form with field errors', found)

        // Likely duplicates: a tool the catalogue already has.
        await page.goto(shareUrl())
        await fillShare(page, locale, {
          name: 'Omgevingswet',
          description: 'De wet voor de fysieke leefomgeving: bouwen, milieu, water en ruimtelijke ordening in één wet.',
          email: `dup-${locale}@example.org`,
        })
        assert.equal(await submit(page, t.submit), 409)
        assert.ok(await page.getByRole('heading', { name: t.duplicates }).isVisible(), 'the duplicate warning is shown')
        assert.ok((await page.locator('.citydeal-duplicates__list li').count()) > 0, 'candidates are listed')
        assert.ok(await page.locator('button[name="additionTo"][value="omgevingswet"]').isVisible(), 'the catalogue tool can be added to')
        assert.ok(await page.getByLabel(t.confirmDifferent).isVisible())
        await checkAxe(page, 'share form with duplicate candidates', found)

        // A successful submit lands on the private tracking page.
        await page.goto(shareUrl())
        await fillShare(page, locale, {
          // Each language shares a different tool: the second would otherwise (rightly) be a duplicate of the first.
          name: locale === 'nl' ? 'Wijkmeldingen-kaart Noordwest' : 'Harbour noise dashboard',
          description: locale === 'nl' ? 'Een kaart waarop bewoners meldingen over hun wijk doen en volgen.' : 'Shows noise from ships and cranes in the port, per hour.',
          website: locale === 'nl' ? 'https://example.org/wijkkaart' : 'https://example.org/harbour-noise',
          email: `ok-${locale}@example.org`,
        })
        assert.equal(await submit(page, t.submit), 303)
        await page.waitForURL(new RegExp(`${prefix(locale)}/submissions/[A-Za-z0-9_-]+\\?done=submitted$`))
        const main = (await page.textContent('main')) ?? ''
        assert.match(main, new RegExp(t.received))
        assert.match(main, new RegExp(t.pending))
        await checkAxe(page, 'tracking page', found)
        assertNoViolations(found)
      } finally {
        await context.close()
      }
    })
  }

  test('the curation queue, a submission and the merge page are axe-clean for a curator, in both languages', async () => {
    const db = fx.server.database.handle.db
    // A submission that looks like a catalogue tool, so the detail page has candidates and the merge page has a target.
    const visitor = await open({ javaScriptEnabled: false })
    try {
      await visitor.page.goto(`${fx.baseUrl}/tools/share`)
      await fillShare(visitor.page, 'nl', { name: 'Omgevingswet', description: 'Een tweede kijk op de Omgevingswet, voor de curator.', email: 'curatie@example.org' })
      assert.equal(await submit(visitor.page, TEXT.nl.submit), 409)
      await visitor.page.getByLabel(TEXT.nl.confirmDifferent).check()
      assert.equal(await submit(visitor.page, TEXT.nl.submit), 303)
    } finally {
      await visitor.context.close()
    }
    const submission = await db.selectFrom('submissions').select('id').where('contact_email', '=', 'curatie@example.org').executeTakeFirstOrThrow()

    const curator = await createUser(db, { role: 'curator' })
    const [name, value] = (await sessionCookie(db, curator.id)).split('=') as [string, string]
    const { context, page } = await open({ bypassCSP: true })
    await context.addCookies([{ name, value, url: fx.baseUrl }])
    const found: Record<string, AxeViolation[]> = {}
    try {
      for (const locale of ['nl', 'en'] as const) {
        for (const path of ['/curation', '/curation?status=all&kind=new_tool&q=omgevings', `/curation/${submission.id}`, `/curation/${submission.id}/merge?target=omgevingswet`]) {
          const url = `${fx.baseUrl}${prefix(locale)}${path}`
          const response = await page.goto(url)
          assert.equal(response?.status(), 200, url)
          assert.equal(await page.getAttribute('html', 'lang'), locale)
          await checkAxe(page, `${locale} ${path}`, found)
        }
        // The detail page offers the decisions and the merge page its per-field choices.
        await page.goto(`${fx.baseUrl}${prefix(locale)}/curation/${submission.id}`)
        for (const button of locale === 'nl' ? ['Publiceren', 'Vraag versturen', 'Afwijzen'] : ['Publish', 'Send question', 'Reject']) {
          assert.ok(await page.getByRole('button', { name: button, exact: true }).isVisible(), `${locale}: ${button}`)
        }
        // Publishing without form and kind: the problems at the top of the page, focused, and axe-clean.
        await page.selectOption('#publish-form', '')
        await page.selectOption('#publish-category', '')
        await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: locale === 'nl' ? 'Publiceren' : 'Publish', exact: true }).click()])
        assert.equal(await page.evaluate(() => document.activeElement?.className), 'citydeal-error-summary', `${locale}: the summary has focus`)
        assert.ok(((await page.locator('.citydeal-error-summary').boundingBox())?.y ?? Infinity) < 400, `${locale}: the summary is at the top`)
        await checkAxe(page, `${locale} refused publication`, found)
        await page.goto(`${fx.baseUrl}${prefix(locale)}/curation/${submission.id}/merge?target=omgevingswet`)
        assert.ok((await page.locator('input[type="radio"][name="description"]').count()) === 2, 'description: keep or take')
        assert.ok(await page.getByRole('button', { name: locale === 'nl' ? 'Samenvoegen' : 'Merge', exact: true }).isVisible())
      }
      assertNoViolations(found)
    } finally {
      await context.close()
    }
  })

  test('without JavaScript: share a new tool, then share a look-alike after confirming it is different', async () => {
    const t = TEXT.en
    // The first visitor shares a tool nobody knows yet.
    const first = await open({ javaScriptEnabled: false })
    try {
      const { page } = first
      await page.goto(`${fx.baseUrl}/en/tools/share`)
      await fillShare(page, 'en', {
        name: 'Buurtbudget-app Zuidoost',
        description: 'Residents of Amsterdam Zuidoost propose and vote on how the neighbourhood budget is spent.',
        email: 'bewoner@example.org',
      })
      await page.locator('#share-themes').getByLabel(t.privacy, { exact: true }).check()
      assert.equal(await submit(page, t.submit), 303)
      await page.waitForURL(/\/en\/submissions\/[A-Za-z0-9_-]+\?done=submitted$/)
      const main = (await page.textContent('main')) ?? ''
      assert.match(main, /Thank you! We received your submission/)
      assert.match(main, /Under review/)
      assert.match(main, /Buurtbudget-app Zuidoost/)
      assert.ok((await page.locator('main time').count()) >= 1, 'the history lists the submission')
    } finally {
      await first.context.close()
    }

    // The second visitor shares a tool the catalogue already has, in Dutch.
    const second = await open({ javaScriptEnabled: false })
    try {
      const { page } = second
      const nl = TEXT.nl
      const description = 'Onze gemeente gebruikt dit voor alle vergunningen in de fysieke leefomgeving.'
      await page.goto(`${fx.baseUrl}/tools/share`)
      await fillShare(page, 'nl', { name: 'Omgevingswet', description, website: 'https://example.org/onze-omgevingswet', email: 'tweede@example.org' })
      await page.locator('#share-themes').getByLabel(nl.privacy, { exact: true }).check()
      assert.equal(await submit(page, nl.submit), 409)
      assert.ok(await page.getByRole('heading', { name: nl.duplicates }).isVisible(), 'the duplicate warning is shown')
      assert.match((await page.textContent('.citydeal-duplicates__list')) ?? '', /Omgevingswet/)
      // Everything typed is still there.
      assert.equal(await page.getByLabel(nl.name, { exact: true }).inputValue(), 'Omgevingswet')
      assert.equal(await page.getByLabel(nl.description, { exact: true }).inputValue(), description)
      assert.equal(await page.getByLabel(nl.website, { exact: true }).inputValue(), 'https://example.org/onze-omgevingswet')
      assert.equal(await page.getByLabel(nl.email, { exact: true }).inputValue(), 'tweede@example.org')
      assert.ok(await page.locator('#share-themes').getByLabel(nl.privacy, { exact: true }).isChecked(), 'the ticked theme is kept')

      // Enter in a field submits the form as it is (again the warning), never "add what I know" to the first candidate.
      const [again] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/tools/share')),
        page.getByLabel(nl.name, { exact: true }).press('Enter'),
      ])
      await page.waitForLoadState('load')
      assert.equal(again.status(), 409)
      assert.doesNotMatch(again.request().postData() ?? '', /additionTo=/)

      await page.getByLabel(nl.confirmDifferent).check()
      assert.equal(await submit(page, nl.submit), 303)
      await page.waitForURL(/\/submissions\/[A-Za-z0-9_-]+\?done=submitted$/)
      assert.match((await page.textContent('main')) ?? '', /Bedankt! We hebben uw inzending ontvangen/)
    } finally {
      await second.context.close()
    }
  })

  test('with JavaScript: a misspelt name shows the catalogue tool in the live list', async () => {
    const { context, page } = await open()
    try {
      await page.goto(`${fx.baseUrl}/en/tools/share`)
      assert.ok(await page.locator('#share-live-heading').isHidden(), 'nothing is shown before typing')
      await page.getByLabel('Name', { exact: true }).pressSequentially('Omgevingswt', { delay: 20 })
      const candidate = page.locator('.citydeal-duplicates__list .citydeal-candidate__name', { hasText: /^Omgevingswet$/ })
      await candidate.first().waitFor({ state: 'visible', timeout: 5000 })
      assert.ok(await page.locator('#share-live-heading').isVisible(), 'the heading above the live list is shown')
      assert.equal(await page.locator('.citydeal-duplicates__list').getAttribute('aria-live'), 'polite')
    } finally {
      await context.close()
    }
  })

  test('at 360 px wide the share form does not scroll sideways', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const { context, page } = await open({ viewport: { width: 360, height: 740 } })
      try {
        await page.goto(`${fx.baseUrl}${prefix(locale)}/tools/share`)
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth)
        assert.ok(width <= 361, `${locale}: scrollWidth ${width} > 360`)
      } finally {
        await context.close()
      }
    }
  })
})
