import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Every path that changes a tool's status dates the change, and the tool page shows the lifecycle in the page's
// language with the current status marked: creating, the editor's basics, retiring, bringing back, merging, and
// publishing a shared tool.

let t: TestApp
let curator: Browser
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  curator = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'curator' })).id))
})
after(() => t.close())

/** Letters only, so that a name is one searchable word that looks like no other tool. */
const word = (prefix: string) => `${prefix}${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

/** Opens a page and answers its form (by action) as the page shows it, with some fields changed. */
async function answer(path: string, changes: Record<string, string | string[]>, action = path.replace(/\?.*$/, '')) {
  const page = await curator.get(path)
  assert.equal(page.statusCode, 200, `${path}: ${page.statusCode}`)
  const res = await curator.post(action, { ...formFields(page.body, action), ...changes })
  assert.equal(res.statusCode, 303, `${action}: ${text(res.body).slice(0, 500)}`)
  return res
}

const changesOf = async (slug: string) => {
  const tool = await db().selectFrom('tools').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  return db().selectFrom('tool_status_changes').select(['status', 'changed_on', 'actor_role']).where('tool_id', '=', tool.id).orderBy('changed_at').orderBy('id').execute()
}
const longDate = (locale: 'nl' | 'en', day: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(day))

/** The timeline on the public page: each entry's date attribute, shown date and status, and which is current. */
async function timeline(slug: string, locale: 'nl' | 'en') {
  const body = (await new Browser(t.app).get(`${locale === 'en' ? '/en' : ''}/tools/${slug}`)).body
  const list = /<ol class="citydeal-timeline">(.*?)<\/ol>/s.exec(body)?.[1] ?? ''
  return [...list.matchAll(/<li( class="citydeal-timeline__current" aria-current="step")?><time datetime="([0-9-]+)">([^<]+)<\/time> <span class="citydeal-timeline__status">([^<]+)<\/span>/g)].map((m) => ({
    on: m[2],
    shown: m[3],
    status: m[4],
    current: m[1] !== undefined,
  }))
}

describe('the lifecycle timeline', () => {
  test('create, basics, retire, bring back: each change dated, shown in the page language, the current one marked', async () => {
    const name = word('Levensloop')
    const created = await answer('/tools/new', { name, description: 'Een tool die zijn hele levensloop doorloopt.', category: 'content', form: 'method', lifecycle: 'idea', origin: 'existing' })
    const slug = /^\/tools\/([a-z0-9-]+)\/edit/.exec(created.headers.location as string)![1]!
    await answer(`/tools/${slug}/edit`, { lifecycle: 'proposed' })
    // A save that leaves the status alone adds nothing.
    await answer(`/tools/${slug}/edit`, { descriptionEn: 'A tool that goes through its whole lifecycle.' })
    await answer(`/tools/${slug}/retire`, { reasonNl: 'Niet meer nodig.' })
    await answer(`/tools/${slug}/edit`, { lifecycle: 'available' })

    const rows = await changesOf(slug)
    assert.deepEqual(rows.map((r) => [r.status, r.actor_role]), [['idea', 'curator'], ['proposed', 'curator'], ['retired', 'curator'], ['available', 'curator']])
    const today = rows[0]!.changed_on
    assert.ok(rows.every((r) => r.changed_on === today))

    const nl = await timeline(slug, 'nl')
    assert.deepEqual(nl.map((e) => [e.status, e.current]), [['Idee', false], ['Voorgesteld', false], ['Niet meer actief', false], ['Beschikbaar', true]])
    assert.ok(nl.every((e) => e.on === today && e.shown === longDate('nl', today)), JSON.stringify(nl))
    const page = text((await new Browser(t.app).get(`/tools/${slug}`)).body)
    assert.match(page, /Levensloop .* Beschikbaar \(huidige status\)/)
    const en = await timeline(slug, 'en')
    assert.deepEqual(en.map((e) => [e.status, e.current]), [['Idea', false], ['Proposed', false], ['Retired', false], ['Available', true]])
    assert.equal(en[0]!.shown, longDate('en', today))
    assert.match(text((await new Browser(t.app).get(`/en/tools/${slug}`)).body), /Lifecycle .* Available \(current status\)/)
    assert.notEqual(longDate('nl', today), longDate('en', today), 'the month is named in the page language')
  })

  test('a merge that takes the other tool’s status dates it; one that keeps this status adds nothing', async () => {
    const stay = await createTool(db(), { name_nl: word('Blijver'), status: 'proposed' })
    const leave = await createTool(db(), { name_nl: word('Verdwijner'), status: 'selected' })
    await answer(`/tools/${stay.slug}/merge?other=${leave.slug}`, { lifecycle: 'other' }, `/tools/${stay.slug}/merge`)
    assert.deepEqual((await changesOf(stay.slug)).map((r) => [r.status, r.actor_role]), [['selected', 'curator']])
    assert.deepEqual((await timeline(stay.slug, 'nl')).map((e) => [e.status, e.current]), [['Gekozen', true]])

    const kept = await createTool(db(), { name_nl: word('Houder'), status: 'proposed' })
    const gone = await createTool(db(), { name_nl: word('Weg'), status: 'testing' })
    await answer(`/tools/${kept.slug}/merge?other=${gone.slug}`, { lifecycle: 'this' }, `/tools/${kept.slug}/merge`)
    assert.deepEqual(await changesOf(kept.slug), [])
  })

  test('publishing a shared tool dates its first status', async () => {
    const name = word('Gedeeld')
    const { submission } = await t.app.appContext.submissions.submit(
      { name, description: 'Een gedeelde tool die gepubliceerd wordt.', contactEmail: `${unique('d')}@example.org`, form: 'software', category: 'content' },
      { locale: 'nl', source: 'form', confirmDifferent: true },
    )
    await answer(`/curation/${submission.id}`, {}, `/curation/${submission.id}/publish`)
    const tool = await db().selectFrom('tools').select(['slug', 'status']).where('name_nl', '=', name).executeTakeFirstOrThrow()
    assert.deepEqual((await changesOf(tool.slug)).map((r) => [r.status, r.actor_role]), [[tool.status, 'curator']])
    assert.deepEqual((await timeline(tool.slug, 'en')).map((e) => [e.status, e.current]), [['Available', true]])
  })
})
