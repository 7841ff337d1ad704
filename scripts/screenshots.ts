// Screenshots of pages as a person sees them, at 1280 and 390 px wide, in Debian's Chromium: for looking at what
// you build before calling it done. The app runs in memory (the test database with the reference data and the 74
// real tools) with the demonstration's fictional programme (src/demo/seed.ts, as npm run demo writes it), signed in
// as the role you ask for: admin, curator, or partner (a member of Gemeente Breda, which owns City Deal tools).
//
//   npx tsx scripts/screenshots.ts [--as admin|curator|partner|anonymous] [--out DIR] [--print] [--demo] PATH [PATH ...]
//   e.g. npx tsx scripts/screenshots.ts --as curator /curation /curation/1 '/curation/1/merge?target=pdok'
//
// The seed has City Deal tools at each stage of /tools/pipeline with pilots and results, open calls with answers
// (/tools/wijkklimaatkaart/call), a retired tool replaced by PDOK (/tools/voorbeeld-buiten-gebruik, old address
// /tools/oud-voorbeeld), an initiative of others (/tools/voorbeeld-initiatief), proposals and decisions (/proposals,
// /decisions: the third is an open vote), gatherings (/gatherings: two past, one coming), shared tools in curation
// (/curation/1, /curation/2) and a month of programme snapshots (/programme). Its dates are counted from today, so a
// gathering's address (partneroverleg-…-YYYY-MM-DD) changes with the day: find it on /gatherings. --demo shows the
// demonstration banner. --print also renders each page as the print style sheet shows it (DIR/<name>-print.png).
//
// Each PATH gives DIR/<name>-1280.png and DIR/<name>-390.png (full page), and the script prints whether the page
// scrolls sideways at either width.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM } from '../e2e/browser.ts'
import { seedDemo } from '../src/demo/seed.ts'
import { buildTestApp } from '../test/helper.ts'
import { sessionCookie } from '../test/http.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { as: { type: 'string', default: 'admin' }, out: { type: 'string', default: 'e2e/out/shots' }, print: { type: 'boolean', default: false }, demo: { type: 'boolean', default: false } },
})
const role = values.as as 'admin' | 'curator' | 'partner' | 'anonymous'
if (positionals.length === 0 || !['admin', 'curator', 'partner', 'anonymous'].includes(role)) {
  console.error('Usage: npx tsx scripts/screenshots.ts [--as admin|curator|partner|anonymous] [--out DIR] [--print] [--demo] PATH [PATH ...]')
  process.exit(2)
}
mkdirSync(values.out!, { recursive: true })

const server = await buildTestApp({ RATE_LIMIT_DISABLED: '1', DEMO_MODE: values.demo === true })
const db = server.database.handle.db
// The demonstration's programme (src/demo/seed.ts, the same as npm run demo), dated from today.
const { users } = await seedDemo(server.app.appContext, new Date().toISOString().slice(0, 10))
const account = { admin: users.admin, curator: users.curator, partner: users.breda, anonymous: undefined }[role]
const cookie = account === undefined ? undefined : await sessionCookie(db, account)

await server.app.listen({ port: 0, host: '127.0.0.1' })
const { port } = server.app.server.address() as { port: number }
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const path of positionals) {
    const name = path.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '') || 'home'
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      if (cookie) {
        const [key, value] = cookie.split('=')
        await context.addCookies([{ name: key!, value: value!, domain: '127.0.0.1', path: '/' }])
      }
      const page = await context.newPage()
      const response = await page.goto(`http://127.0.0.1:${port}${path}`)
      const file = join(values.out!, `${name}-${width}.png`)
      await page.screenshot({ path: file, fullPage: true })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      console.log(`${response?.status()} ${path} @${width}: ${file}${overflow > 0 ? ` (scrolls sideways by ${overflow} px)` : ''}`)
      if (values.print && width === 1280) {
        await page.emulateMedia({ media: 'print' })
        const printFile = join(values.out!, `${name}-print.png`)
        await page.screenshot({ path: printFile, fullPage: true })
        console.log(`   print: ${printFile}`)
      }
      await context.close()
    }
  }
} finally {
  await browser.close()
  await server.close()
}
