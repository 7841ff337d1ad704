import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTool } from '../test/factories.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

const PAGES = [
  '/',
  '/tools',
  '/tools?q=sensor&category=content',
  '/tools?form=legislation&page=2&sort=newest',
  '/tools?q=omgevingswt',
  '/tools?q=zzzzzzzz',
  '/tools/crowd-safety-manager',
  '/tools/algemene-verordening-gegevensbescherming',
  '/about',
  '/contact',
  '/privacy',
  '/accessibility',
  '/calls',
  // Adding to a tool: its own introduction, no description demanded (the share form itself: e2e/share.test.ts).
  '/tools/share?additionTo=omgevingswet',
  '/tools/does-not-exist',
  '/tools?form=spreadsheet',
  // Also at 375 px, and the embed inside another site's frame: e2e/findable.test.ts.
  '/api',
  '/embed/tools?form=software',
]

describe('accessibility (axe-core, WCAG 2.1 A and AA) in Chromium', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  for (const locale of ['nl', 'en'] as const) {
    for (const path of PAGES) {
      const url = locale === 'nl' ? path : path === '/' ? '/en/' : `/en${path}`
      test(`${url} has no violations`, async () => {
        const context = await fx.browser.newContext({ bypassCSP: true })
        const page = await context.newPage()
        try {
          await page.goto(fx.baseUrl + url)
          assert.equal(await page.getAttribute('html', 'lang'), locale)
          const violations = await axeViolations(page)
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 2))
        } finally {
          await context.close()
        }
      })
    }
  }
})

// The organisation pages at a desktop and a phone width: axe-clean, and nothing scrolls sideways.
const ORGANISATION_PAGES = ['/organisations', '/organisations?q=den+haag&kind=municipality', '/organisations/gemeente-s-gravenhage']

describe('organisation pages: accessibility at 1280 and 375 px', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  for (const width of [1280, 375]) {
    for (const locale of ['nl', 'en'] as const) {
      for (const path of ORGANISATION_PAGES) {
        const url = locale === 'nl' ? path : `/en${path}`
        test(`${url} at ${width} px has no violations`, async () => {
          const context = await fx.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } })
          const page = await context.newPage()
          try {
            const response = await page.goto(fx.baseUrl + url)
            assert.equal(response?.status(), 200)
            const violations = await axeViolations(page)
            assert.deepEqual(violations, [], JSON.stringify(violations, null, 2))
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow} px at ${width} px`)
          } finally {
            await context.close()
          }
        })
      }
    }
  }
})

// The pipeline (/tools/pipeline) and a tool's dated lifecycle, with a City Deal tool that has pilots at several
// stages and an open call: axe-clean at a desktop and a phone width, nothing scrolling sideways.
describe('the pipeline and the lifecycle: accessibility at 1280 and 390 px', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
    const db = fx.server.database.handle.db
    const tool = await createTool(db, {
      slug: 'pijplijn-voorbeeld',
      status: 'testing',
      origin: 'city_deal',
      municipalities: [
        { cbsCode: 'GM0758', role: 'owner' },
        { cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'passed', resultNl: 'Werkte.', testedOn: '2026-05-01' },
        { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'running' },
      ],
    })
    await db.insertInto('tool_calls').values({ tool_id: tool.id, asked_nl: 'Wie test mee?', closes_on: '2099-06-30' }).execute()
    await db.insertInto('tool_status_changes').values([{ tool_id: tool.id, status: 'idea', changed_on: '2025-02-01' }, { tool_id: tool.id, status: 'testing', changed_on: '2026-03-01' }]).execute()
  })
  after(() => fx?.close())

  for (const width of [1280, 390]) {
    for (const url of ['/tools/pipeline', '/en/tools/pipeline', '/tools/pijplijn-voorbeeld', '/en/tools/pijplijn-voorbeeld']) {
      test(`${url} at ${width} px has no violations`, async () => {
        const context = await fx.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } })
        const page = await context.newPage()
        try {
          const response = await page.goto(fx.baseUrl + url)
          assert.equal(response?.status(), 200)
          const violations = await axeViolations(page)
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 2))
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow} px at ${width} px`)
        } finally {
          await context.close()
        }
      })
    }
  }
})
