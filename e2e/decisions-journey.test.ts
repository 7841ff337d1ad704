import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import type { BrowserContext, Page } from 'playwright-core'
import { createUser, partnerOrganisation } from '../test/factories.ts'
import { browserSkipReason, checkAxeAtWidths, signInWithoutJavaScript, startBrowserFixture, type AxeViolation, type BrowserFixture } from './browser.ts'

const skip = browserSkipReason()
if (skip) console.log(`# ${skip}`)

// Partners decide together, walked in a browser without JavaScript: a member of partner A proposes a tool (the
// duplicate check first); partner B supports it; a curator plans a gathering, puts the proposal on its agenda and
// opens the vote there; B registers for the gathering; A, B and C vote; the curator closes it; the adopted proposal is
// a City Deal tool in selection, and the public sees the outcome, every vote and the gathering. axe at 1280 and 375 px
// throughout.

describe('propose → support → on a gathering’s agenda → vote by three organisations → close → tool selected, without JavaScript', { skip }, () => {
  let fx: BrowserFixture
  before(async () => {
    fx = await startBrowserFixture()
  })
  after(() => fx?.close())

  const checkAxe = (context: BrowserContext, page: Page, found: Record<string, AxeViolation[]>) => checkAxeAtWidths(fx, context, page, found)

  const signIn = (email: string, password: string, next: string) => signInWithoutJavaScript(fx, email, password, next)

  test('a proposal adopted by the partners becomes a tool in selection', async () => {
    const db = fx.server.database.handle.db
    // Only this journey's partners: the seeded ones ended on their first day.
    await sql`update partnerships set until = since`.execute(db)
    const [a, b, c] = [await partnerOrganisation(db), await partnerOrganisation(db), await partnerOrganisation(db)]
    const [ma, mb, mc] = [await createUser(db, { organisationId: a.id }), await createUser(db, { organisationId: b.id }), await createUser(db, { organisationId: c.id })]
    const curator = await createUser(db, { role: 'curator' })
    const found: Record<string, AxeViolation[]> = {}
    const contexts: BrowserContext[] = []
    try {
      // A proposes; the duplicate check may show look-alikes first.
      const pa = await signIn(ma.email, ma.password, '/proposals/new')
      contexts.push(pa.context)
      await checkAxe(pa.context, pa.page, found)
      await pa.page.getByLabel('Naam van de tool').fill('Zonnedakenwijzer voor huurders')
      await pa.page.getByLabel('Wat de tool doet').fill('Een wijzer die huurders en corporaties helpt zonnepanelen op gedeelde daken te plaatsen.')
      await pa.page.getByLabel('Procesvraag').fill('Hoe krijgen huurders zonnepanelen op hun dak?')
      await pa.page.getByLabel('Soort tool').selectOption('content')
      await pa.page.getByLabel('Beoogde vorm').selectOption('guideline')
      await pa.page.getByLabel('Gemeenten die mee willen doen').fill('Utrecht\nZwolle')
      await pa.page.getByRole('button', { name: 'Voorstel indienen' }).click()
      await pa.page.waitForLoadState()
      if (!/\/proposals\/\d+/.test(pa.page.url())) {
        await checkAxe(pa.context, pa.page, found)
        await pa.page.getByLabel('Mijn voorstel is iets anders').check()
        await pa.page.getByRole('button', { name: 'Voorstel indienen' }).click()
      }
      await pa.page.waitForURL(/\/proposals\/\d+/)
      const proposalPath = new URL(pa.page.url()).pathname
      assert.match(await pa.page.locator('main').innerText(), /Uw voorstel is ingediend/)

      // B supports it.
      const pb = await signIn(mb.email, mb.password, proposalPath)
      contexts.push(pb.context)
      await pb.page.getByLabel('Wij steunen het').check()
      await pb.page.getByRole('button', { name: 'Reactie geven' }).click()
      await pb.page.waitForURL(/done=responded/)
      assert.match(await pb.page.locator('main').innerText(), new RegExp(`${b.name}\\s+Wij steunen het`))
      await checkAxe(pb.context, pb.page, found)

      // The curator sees the proposal (with the forms to decline or merge it), plans a gathering, puts the proposal
      // on its agenda and opens the vote there.
      const cu = await signIn(curator.email, curator.password, proposalPath)
      contexts.push(cu.context)
      await checkAxe(cu.context, cu.page, found)
      await cu.page.goto(`${fx.baseUrl}/gatherings/new`)
      await checkAxe(cu.context, cu.page, found)
      await cu.page.getByLabel('Titel (Nederlands)').fill('Partneroverleg juni')
      await cu.page.getByLabel('Titel (Engels)').fill('Partner meeting June')
      await cu.page.getByLabel('Datum').fill('2099-06-15')
      await cu.page.getByLabel('Begintijd').fill('13:30')
      await cu.page.getByLabel('Eindtijd').fill('16:00')
      await cu.page.getByLabel('Plaats').fill('Stadhuis Utrecht')
      await cu.page.getByRole('button', { name: 'Bijeenkomst plannen' }).click()
      await cu.page.waitForURL(/\/gatherings\/[a-z0-9-]+\?done=created/)
      const gatheringPath = new URL(cu.page.url()).pathname
      await cu.page.getByLabel('Ingediend voorstel').selectOption({ label: 'Zonnedakenwijzer voor huurders' })
      await cu.page.getByRole('button', { name: 'Agenderen' }).click()
      await cu.page.waitForURL(/done=put/)
      await checkAxe(cu.context, cu.page, found)
      await cu.page.goto(`${fx.baseUrl}${gatheringPath}/agenda`)
      await checkAxe(cu.context, cu.page, found)
      await cu.page.goto(`${fx.baseUrl}${gatheringPath}/minutes`)
      await checkAxe(cu.context, cu.page, found)
      await cu.page.goto(`${fx.baseUrl}${gatheringPath}`)
      await cu.page.getByText('Stemming openen over dit voorstel').click()
      await cu.page.getByRole('button', { name: 'Stemming openen' }).click()
      await cu.page.waitForURL(/\/decisions\/\d+\?done=opened/)
      const decisionPath = new URL(cu.page.url()).pathname
      assert.match(await cu.page.locator('main').innerText(), /Bijeenkomst\s+Partneroverleg juni/)

      // B registers for the gathering.
      await pb.page.goto(`${fx.baseUrl}${gatheringPath}`)
      await pb.page.getByLabel(mb.name).check()
      await pb.page.getByRole('button', { name: 'Aanmelding opslaan' }).click()
      await pb.page.waitForURL(/done=registered/)
      assert.match(await pb.page.locator('main').innerText(), new RegExp(`${b.name}\\s+${mb.name}`))
      await checkAxe(pb.context, pb.page, found)

      // Three organisations vote: two for, one against.
      const votes: [typeof ma, string][] = [[ma, 'Voor'], [mb, 'Voor'], [mc, 'Tegen']]
      for (const [member, choice] of votes) {
        const v = await signIn(member.email, member.password, decisionPath)
        contexts.push(v.context)
        await v.page.getByLabel(choice, { exact: true }).check()
        await v.page.getByRole('button', { name: 'Stem uitbrengen' }).click()
        await v.page.waitForURL(/done=voted/)
        assert.match(await v.page.locator('main').innerText(), new RegExp(`Uw organisatie stemde: ${choice}`))
        if (member === mc) await checkAxe(v.context, v.page, found)
      }

      // The curator closes and counts.
      await cu.page.goto(`${fx.baseUrl}${decisionPath}`)
      await cu.page.getByRole('button', { name: 'Stemming sluiten en tellen' }).click()
      await cu.page.waitForURL(/done=closed/)
      const result = await cu.page.locator('main').innerText()
      assert.match(result, /Aangenomen/)
      assert.match(result, /2 voor, 1 tegen, 0 onthouden, van 3 partners/)

      // The public sees the outcome, every vote and the tool, in selection.
      const visitor = await fx.browser.newContext({ javaScriptEnabled: false })
      contexts.push(visitor)
      const v = await visitor.newPage()
      await v.goto(`${fx.baseUrl}/en${decisionPath}`)
      const en = await v.locator('main').innerText()
      assert.match(en, /Adopted/)
      assert.match(en, new RegExp(`${c.name}\\s+Against`))
      await checkAxe(visitor, v, found)
      await v.getByRole('link', { name: 'Zonnedakenwijzer voor huurders' }).last().click()
      await v.waitForURL(/\/en\/tools\//)
      const tool = await v.locator('main').innerText()
      assert.match(tool, /Selected/)
      assert.match(tool, /Started by the partners’ decision/)
      await checkAxe(visitor, v, found)
      await v.goto(`${fx.baseUrl}/decisions`)
      await checkAxe(visitor, v, found)
      await v.goto(`${fx.baseUrl}/en${gatheringPath}`)
      assert.match(await v.locator('main').innerText(), /Decisions at this gathering\s+Zonnedakenwijzer voor huurders\s+Adopted/)
      await checkAxe(visitor, v, found)
      await v.goto(`${fx.baseUrl}/gatherings`)
      await checkAxe(visitor, v, found)

      assert.deepEqual(found, {})
    } finally {
      for (const context of contexts) await context.close()
    }
  })
})
