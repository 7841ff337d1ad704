// The demonstration (npm run demo, issue 16): the seeded programme as a visitor and each role find it, the banner on
// every page in both languages, the fictional records marked in pages and API, e-mail only in the outbox, and the
// command's refusals. The app runs in process on a test database with the same seed the command writes.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { loadConfig } from '../config.ts'
import { DEMO_ACCOUNTS, DEMO_SETTINGS, seedDemo, type SeedResult } from '../demo/seed.ts'
import { buildTestApp, type TestApp } from '../../test/helper.ts'
import { Browser, formFields, text } from '../../test/http.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const TODAY = new Date().toISOString().slice(0, 10)
const BANNER_NL = 'Demonstratie: de pilots, stemmingen en organisaties die als fictief zijn gemarkeerd, zijn verzonnen.'
const BANNER_EN = 'Demonstration: the pilots, votes and organisations marked as fictional are made up.'

async function signIn(t: TestApp, account: keyof typeof DEMO_ACCOUNTS, prefix = '') {
  const browser = new Browser(t.app)
  await browser.get(`${prefix}/login`)
  const { email, password } = DEMO_ACCOUNTS[account]
  const res = await browser.post(`${prefix}/login`, { email, password })
  assert.equal(res.statusCode, 303, `${account} signs in with the printed password: ${text(res.body).slice(0, 300)}`)
  return browser
}

describe('npm run demo: the demonstration', () => {
  let t: TestApp
  let seeded: SeedResult
  before(async () => {
    // As npm run demo configures it, with an SMTP server named in the environment that it must not use.
    const environment = { SMTP_URL: 'smtp://127.0.0.1:9' }
    t = await buildTestApp({ ...environment, ...DEMO_SETTINGS })
    seeded = await seedDemo(t.app.appContext, TODAY)
  })
  after(async () => t.close())

  test('every page carries the banner in both languages, in Dutch and in English', async () => {
    const browser = new Browser(t.app)
    for (const path of ['/', '/en', '/tools/pdok', '/en/tools/pdok', '/gatherings', '/en/decisions', '/this-page-does-not-exist']) {
      const page = text((await browser.get(path)).body)
      assert.ok(page.includes(BANNER_NL) && page.includes(BANNER_EN), `banner on ${path}`)
    }
    const en = (await browser.get('/en')).body
    assert.match(en, /role="note" aria-label="Demonstration"><p class="citydeal-demo-banner__text">Demonstration: .*<span lang="nl">Demonstratie: /)
  })

  test('each public page has something to show, fictional records marked in pages and the API', async () => {
    const browser = new Browser(t.app)
    const pipeline = text((await browser.get('/en/tools/pipeline')).body)
    for (const name of ['Neighbourhood climate map (fictional)', 'Shared mobility agreement framework (fictional)', 'Heat stress neighbourhood scan (fictional)', 'Participation guide for sensors (fictional)']) assert.ok(pipeline.includes(name), name)
    const tool = text((await browser.get('/tools/participatiewijzer-sensoren')).body)
    assert.match(tool, /Participatiewijzer sensoren \(fictief\)/)
    assert.match(tool, /Fictief voorbeeld voor de demonstratie\./)
    assert.match(tool, /Bewoners begrepen de sensoren beter\./, 'a pilot with its result')
    const gatherings = text((await browser.get('/gatherings')).body)
    for (const title of ['Partneroverleg voorjaar (fictief)', 'Partneroverleg zomer (fictief)', 'Partneroverleg najaar (fictief)']) assert.ok(gatherings.includes(title), title)
    const past = text((await browser.get(seeded.paths.pastGathering)).body)
    assert.match(past, /Besloten: de kaart wordt een City Deal-tool/, 'minutes')
    assert.match(text((await browser.get('/organisations/stichting-buurtdata-fictief')).body), /Stichting Buurtdata \(fictief \/ fictional\)/)
    assert.match(text((await browser.get('/programme')).body), /Programma|programma/)
    const history = (await browser.get('/programme')).body.match(/href="\/programme\?asOf=[0-9-]+"/g) ?? []
    assert.ok(history.length >= 4, `a month of snapshots (${history.length})`)

    const api = await browser.get('/api/v1/tools/wijkklimaatkaart')
    assert.equal(api.statusCode, 200)
    const json = JSON.stringify(api.json())
    assert.match(json, /Wijkklimaatkaart \(fictief\)/)
    assert.match(JSON.stringify((await browser.get('/api/v1/tools/wijkklimaatkaart?lang=en')).json()), /"name":"Neighbourhood climate map \(fictional\)"/)
    const decisions = JSON.stringify((await browser.get('/api/v1/decisions')).json())
    assert.match(decisions, /Buurtdatakompas \(fictief\)/)
  })

  test("a partner's member votes on the open decision and sees the vote counted", async () => {
    const browser = await signIn(t, 'denBosch')
    const page = await browser.get(seeded.paths.openDecision)
    assert.equal(page.statusCode, 200)
    const action = `${seeded.paths.openDecision}/vote`
    assert.match(page.body, new RegExp(`action="${action}"`), 'the vote form is there')
    const voted = await browser.post(action, { ...formFields(page.body, action), choice: 'for' })
    assert.equal(voted.statusCode, 303, text(voted.body).slice(0, 400))
    const after = text((await browser.get(voted.headers.location as string)).body)
    assert.match(after, /'s-Hertogenbosch Voor/, 'the vote is on the list')
    const votes = await t.database.handle.db.selectFrom('decision_votes').innerJoin('organisations', 'organisations.id', 'decision_votes.organisation_id').select(['organisations.cbs_code', 'choice']).where('decision_id', '=', Number(seeded.paths.openDecision.split('/').pop())).execute()
    assert.deepEqual(votes.find((v) => v.cbs_code === 'GM0796'), { cbs_code: 'GM0796', choice: 'for' })
  })

  test('a municipality answers an open call; the owner is told through the outbox only', async () => {
    const browser = await signIn(t, 'denBosch', '/en')
    const page = await browser.get(`/en${seeded.paths.openCall}`)
    assert.equal(page.statusCode, 200)
    const action = `/en${seeded.paths.openCall}/answer`
    assert.match(page.body, new RegExp(`action="${action}"`), 'the answer form is there')
    const answered = await browser.post(action, { ...formFields(page.body, action), note: 'We can start in the Graafsewijk next month.' })
    assert.equal(answered.statusCode, 303, text(answered.body).slice(0, 400))
    const owner = await signIn(t, 'breda')
    const call = text((await owner.get(seeded.paths.openCall)).body)
    assert.match(call, /'s-Hertogenbosch/)
    assert.match(call, /We can start in the Graafsewijk next month\./, 'the owner sees the answer with its note')
    const outbox = await t.database.handle.db.selectFrom('outbox').select(['recipient', 'transport']).execute()
    assert.ok(outbox.some((m) => m.recipient === DEMO_ACCOUNTS.breda.email), 'the owner is told')
    assert.ok(outbox.every((m) => m.transport === 'outbox'), 'nothing waits for SMTP')
    assert.equal(t.app.appContext.mailSender, undefined, 'no SMTP sender, though SMTP_URL was set')
  })

  test('every role has something to show', async () => {
    const curator = await signIn(t, 'curator')
    assert.match(text((await curator.get('/curation')).body), /Wijkdata-dashboard \(fictief\)/)
    const admin = await signIn(t, 'admin', '/en')
    assert.equal((await admin.get('/en/admin/outbox')).statusCode, 200)
    assert.equal((await admin.get('/en/admin/audit')).statusCode, 200)
    const actions = new Set((await t.database.handle.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action))
    for (const action of ['proposal.submitted', 'proposal.responded', 'proposal.commented', 'decision.opened', 'decision.vote_cast', 'gathering.registered']) assert.ok(actions.has(action), `the seed's present-day actions are audited: ${action}`)
    assert.match(text((await admin.get('/en/admin/users')).body), /Bo de Boer \(fictional\)/)
    const member = await signIn(t, 'buurtdata', '/en')
    assert.match(text((await member.get('/en/account')).body), /Stichting Buurtdata/)
  })
})

describe('npm run demo: deterministic', () => {
  // The day is today: an open vote cannot close in the past, so the seed only runs on the day it is dated from.
  test('seeded twice on the same day, the records are the same', async () => {
    const contents = async () => {
      const t = await buildTestApp(DEMO_SETTINGS)
      try {
        await seedDemo(t.app.appContext, TODAY)
        const db = t.database.handle.db
        return JSON.stringify([
          await db.selectFrom('tools').select(['id', 'slug', 'name_nl', 'name_en', 'status', 'origin']).orderBy('id').execute(),
          await db.selectFrom('pilots').select(['tool_id', 'municipality_id', 'status', 'outcome', 'completed_on', 'lessons_en']).orderBy('id').execute(),
          await db.selectFrom('tool_status_changes').select(['tool_id', 'status', 'changed_on']).orderBy('id').execute(),
          await db.selectFrom('decisions').select(['id', 'proposal_id', 'closes_at', 'closed_at', 'outcome', 'eligible', 'votes_for', 'votes_against', 'votes_abstain']).orderBy('id').execute(),
          await db.selectFrom('decision_votes').select(['decision_id', 'organisation_id', 'choice']).orderBy('decision_id').orderBy('organisation_id').execute(),
          await db.selectFrom('gatherings').select(['slug', 'title_en', 'starts_at', 'minutes_en']).orderBy('id').execute(),
          await db.selectFrom('users').select(['email', 'name', 'role', 'organisation_id']).orderBy('email').execute(),
          await db.selectFrom('programme_snapshots').select(['taken_on']).orderBy('taken_on').execute(),
        ])
      } finally {
        await t.close()
      }
    }
    const first = await contents()
    assert.equal(await contents(), first)
    const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 24 * 3600_000).toISOString().slice(0, 10)
    assert.ok(first.includes(JSON.stringify([-28, -21, -14, -7].map((d) => ({ taken_on: day(d) })))), 'snapshots a week apart, the last a week before the day')
    assert.ok(first.includes(`"slug":"partneroverleg-najaar-${day(21)}"`), 'the coming gathering three weeks after the day')
  })
})

describe('npm start: no demonstration', () => {
  test('DEMO_MODE is off by default and the pages carry no banner', async () => {
    assert.equal(loadConfig({}).DEMO_MODE, false)
    assert.equal(loadConfig({ DEMO_MODE: 'true' }).DEMO_MODE, true)
    const t = await buildTestApp()
    try {
      const page = (await new Browser(t.app).get('/')).body
      assert.doesNotMatch(page, /citydeal-demo-banner|Demonstratie:/)
    } finally {
      await t.close()
    }
  })
})

describe('npm run demo: what it refuses', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/demo.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 })

  test('a DATABASE_URL: one line, exit 1, nothing written', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'demo-refuse-')), 'demo')
    const result = run(['--data-dir', dir], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' })
    assert.equal(result.status, 1, result.stderr)
    assert.match(result.stderr.trim(), /^npm run demo runs on its own folder \(\.\/data-demo\), never on a PostgreSQL database: unset DATABASE_URL/)
    assert.equal(result.stderr.trim().split('\n').length, 1)
    assert.equal(existsSync(dir), false)
  })

  test("the toolbox's own folder, or a folder it did not make", () => {
    const parent = mkdtempSync(join(tmpdir(), 'demo-refuse-'))
    const own = run(['--data-dir', join(parent, 'data')], { DATABASE_URL: '', DATA_DIR: join(parent, 'data') })
    assert.equal(own.status, 1, own.stderr)
    assert.match(own.stderr, /never uses the toolbox's own folder/)
    const other = join(parent, 'other')
    mkdirSync(other)
    const foreign = run(['--data-dir', other, '--reset'], { DATABASE_URL: '' })
    assert.equal(foreign.status, 1, foreign.stderr)
    assert.match(foreign.stderr, /exists but was not made by npm run demo/)
    assert.equal(existsSync(other), true, 'not removed')
    rmSync(parent, { recursive: true, force: true })
  })
})
