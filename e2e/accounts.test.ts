import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createUser } from '../test/factories.ts'
import { axeViolations, browserSkipReason, startBrowserFixture, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

describe('accounts in a browser', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  test('invite → set password → sign in → sign out, without JavaScript, axe-clean on every page', async () => {
    const db = fx.server.database.handle.db
    const admin = await createUser(db, { role: 'admin', name: 'Ada Admin' })
    const context = await fx.browser.newContext({ javaScriptEnabled: false, bypassCSP: true })
    const page = await context.newPage()
    const checkAxe = async () => {
      const context2 = await fx.browser.newContext({ bypassCSP: true, storageState: await context.storageState() })
      const p2 = await context2.newPage()
      await p2.goto(page.url())
      const violations = await axeViolations(p2)
      await context2.close()
      assert.deepEqual(violations, [], `${page.url()}: ${JSON.stringify(violations, null, 2)}`)
    }
    try {
      // The administrator signs in and invites someone.
      await page.goto(`${fx.baseUrl}/en/login`)
      await checkAxe()
      await page.getByLabel('E-mail address').fill(admin.email)
      await page.getByLabel('Password').fill(admin.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(/\/en\/account$/)
      await page.getByRole('link', { name: 'Administration' }).click()
      await page.getByRole('link', { name: 'Users' }).click()
      await checkAxe()
      await page.getByLabel('Name', { exact: true }).fill('Bas Browser')
      await page.getByLabel('E-mail address').fill('bas@example.org')
      await page.getByLabel('Role').selectOption('curator')
      await page.getByRole('button', { name: 'Send invitation' }).click()
      // No SMTP here: the administrator is shown the link once, to pass on; the outbox does not keep it.
      await page.getByText('No SMTP server is configured, so no e-mail goes out.').waitFor()
      const link = /http:\/\/toolbox\.test(\/(?:en\/)?account\/activate\/[A-Za-z0-9_-]+)/.exec(await page.content())![1]!
      await page.goto(`${fx.baseUrl}/en/admin/outbox`)
      await checkAxe()
      assert.ok(!(await page.content()).includes(link), 'the outbox shows no link')
      await page.goto(`${fx.baseUrl}/en/account`)
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/done=signedOut/)

      // The invitee follows the link and chooses a password.
      await page.goto(fx.baseUrl + link)
      await checkAxe()
      await page.getByLabel('Password', { exact: true }).fill('a sentence as password')
      await page.getByLabel(/Repeat the password|Herhaal het wachtwoord/).fill('a different sentence')
      await page.getByRole('button', { name: /Set password|Wachtwoord instellen/ }).click()
      assert.ok(await page.getByRole('alert').first().isVisible(), 'the mismatch is reported')
      await checkAxe()
      await page.getByLabel('Password', { exact: true }).fill('a sentence as password')
      await page.getByLabel(/Repeat the password|Herhaal het wachtwoord/).fill('a sentence as password')
      await page.getByRole('button', { name: /Set password|Wachtwoord instellen/ }).click()
      await page.waitForURL(/account\?done=passwordSet/)
      assert.match((await page.textContent('main')) ?? '', /Bas Browser/)
      await page.getByRole('button', { name: /Sign out|Uitloggen/ }).click()
      await page.waitForURL(/done=signedOut/)

      // Signs in, sees the account, signs out.
      await page.getByLabel(/E-mail address|E-mailadres/).fill('bas@example.org')
      await page.getByLabel(/^(Password|Wachtwoord)$/).fill('a sentence as password')
      await page.getByRole('button', { name: /Sign in|Inloggen/ }).click()
      await page.waitForURL(/\/account$/)
      assert.match((await page.textContent('main')) ?? '', /Bas Browser/)
      await checkAxe()
      await page.getByRole('button', { name: /Sign out|Uitloggen/ }).click()
      await page.waitForURL(/done=signedOut/)
      await page.goto(`${fx.baseUrl}/account`)
      assert.match((await page.textContent('main')) ?? '', /Log in om deze pagina te gebruiken/)
      await checkAxe()
    } finally {
      await context.close()
    }
  })

  test('admin pages are axe-clean', async () => {
    const db = fx.server.database.handle.db
    const admin = await createUser(db, { role: 'admin' })
    const context = await fx.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    try {
      await page.goto(`${fx.baseUrl}/login`)
      await page.getByLabel('E-mailadres').fill(admin.email)
      await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password)
      await page.getByRole('button', { name: 'Inloggen' }).click()
      await page.waitForURL(/\/account$/)
      const org = await db.selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0363').executeTakeFirstOrThrow()
      for (const path of ['/admin', '/admin/organisations', `/admin/organisations/${org.id}`, `/admin/users/${admin.id}`, '/admin/audit', '/en/admin/audit?entityType=user', '/password/forgot']) {
        await page.goto(fx.baseUrl + path)
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`)
      }
    } finally {
      await context.close()
    }
  })
})
