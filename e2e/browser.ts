import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Config } from '../src/config.ts'
import { buildTestApp, type TestApp } from '../test/helper.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why browser tests cannot run here, or undefined when they can. Printed, never silent. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined
  // CI sets REQUIRE_BROWSER=1: there a missing browser fails the run instead of skipping accessibility checks.
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} not found and REQUIRE_BROWSER=1: install it with apt-get install -y chromium`)
  return `browser tests skipped: ${CHROMIUM} not found. Install it with: apt-get install -y chromium`
}

export interface BrowserFixture {
  baseUrl: string
  browser: Browser
  server: TestApp
  close(): Promise<void>
}

/** The real app on a loopback port and a headless Debian Chromium, as a visitor would use them (settings overridable). */
export async function startBrowserFixture(overrides: Partial<Config> = {}): Promise<BrowserFixture> {
  const server = await buildTestApp(overrides)
  await server.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = server.app.server.address() as AddressInfo
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    server,
    close: async () => {
      await browser.close()
      await server.close()
    },
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** Runs axe-core in the page for WCAG 2.0/2.1 A and AA and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))
  })
}

/**
 * axe on the page a visitor is on, at 1280 and 375 px (in a context, with the visitor's cookies, that allows injecting
 * axe); violations and sideways scrolling are added to `found`, keyed by address and width.
 */
export async function checkAxeAtWidths(fx: BrowserFixture, context: BrowserContext, page: Page, found: Record<string, AxeViolation[]>) {
  for (const width of [1280, 375]) {
    const probe = await fx.browser.newContext({ bypassCSP: true, storageState: await context.storageState(), viewport: { width, height: 900 } })
    const p = await probe.newPage()
    await p.goto(page.url())
    const violations = await axeViolations(p)
    if (violations.length > 0) found[`${page.url()} @${width}`] = violations
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    if (overflow > 0) found[`${page.url()} @${width}: scrolls sideways by ${overflow}px`] = []
    await probe.close()
  }
}

/** Signs in through the Dutch login form in a context without JavaScript, and waits for the page asked for. */
export async function signInWithoutJavaScript(fx: BrowserFixture, email: string, password: string, next: string) {
  const context = await fx.browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${fx.baseUrl}/login?next=${encodeURIComponent(next)}`)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL((url) => url.pathname === next.split('?')[0])
  return { context, page }
}
