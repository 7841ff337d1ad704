import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'
import { Browser, text } from '../../../test/http.ts'

/** The tracking link in the last e-mail to this address. */
async function trackingLinkFor(t: TestApp, email: string): Promise<string> {
  const mail = await t.database.handle.db.selectFrom('outbox').selectAll().where('recipient', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow()
  const link = /http:\/\/toolbox\.test(\/(?:en\/)?submissions\/[A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1]
  assert.ok(link, `a tracking link in: ${mail.body_text}`)
  return link
}

describe('sharing a tool (public form, no JavaScript)', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  })
  after(() => t.close())
  const db = () => t.database.handle.db

  test('the form is there in both languages, with a CSRF token and a honeypot', async () => {
    for (const [url, title] of [['/tools/share', 'Deel een bestaande tool'], ['/en/tools/share', 'Share an existing tool']] as const) {
      const res = await new Browser(t.app).get(url)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, new RegExp(`<h1[^>]*>${title}</h1>`))
      assert.match(res.body, /name="_csrf" value="[^"]+"/)
      assert.match(res.body, /name="homepage"/)
      for (const field of ['name', 'description', 'websiteUrl', 'form', 'category', 'ownerName', 'themes', 'sdgTargets', 'languages', 'licence', 'contactEmail']) {
        assert.match(res.body, new RegExp(`name="${field}"`), field)
      }
    }
  })

  test('invalid input gets a message per field and keeps everything typed; nothing is saved', async () => {
    const browser = new Browser(t.app)
    await browser.get('/en/tools/share')
    const before = await db().selectFrom('submissions').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const res = await browser.post('/en/tools/share', {
      name: '',
      description: 'x'.repeat(1001),
      websiteUrl: 'javascript:alert(1)',
      contactEmail: 'nope',
      themes: ['privacy', 'autonomy'],
      licence: '<b>EUPL</b>',
    })
    assert.equal(res.statusCode, 400)
    const page = text(res.body)
    assert.match(page, /Name: Please fill in this field/)
    assert.match(page, /Short description: May be at most 1000 characters long/)
    assert.match(page, /Website: Enter a web address starting with http:\/\/ or https:\/\//)
    assert.match(page, /Your e-mail address: Enter a valid e-mail address/)
    assert.match(res.body, /value="javascript:alert\(1\)"/)
    assert.match(res.body, /value="&lt;b&gt;EUPL&lt;\/b&gt;"/)
    assert.match(res.body, /value="privacy" checked/)
    assert.match(res.body, /value="autonomy" checked/)
    const after = await db().selectFrom('submissions').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    assert.equal(Number(after.n), Number(before.n))
  })

  test('a new tool is saved, confirmed by e-mail with a private tracking link, and markup stays text', async () => {
    const browser = new Browser(t.app)
    await browser.get('/tools/share')
    const name = `Buurtbudget <script>alert(1)</script> ${unique('t')}`
    const email = `share-${unique('t')}@example.org`
    const res = await browser.post('/tools/share', {
      name,
      description: 'Een app waarmee bewoners samen beslissen over het <i>buurtbudget</i> van hun wijk.',
      websiteUrl: 'https://buurtbudget.example.org/app',
      form: 'software',
      category: 'governance',
      ownerName: 'Gemeente Voorbeeld',
      themes: ['autonomy', 'justice'],
      sdgTargets: ['11.3'],
      languages: ['nl', 'en'],
      licence: 'EUPL-1.2',
      contactEmail: email,
    })
    assert.equal(res.statusCode, 303, res.body)
    assert.match(res.headers.location as string, /^\/submissions\/[A-Za-z0-9_-]{40,}\?done=submitted$/)
    const saved = await db().selectFrom('submissions').selectAll().where('contact_email', '=', email).executeTakeFirstOrThrow()
    assert.equal(saved.name, name)
    assert.deepEqual(saved.themes, ['autonomy', 'justice'])
    assert.deepEqual(saved.languages, ['nl', 'en'])
    assert.equal(saved.status, 'pending')
    assert.equal(saved.kind, 'new_tool')
    // The link is not stored: only a hash of it.
    assert.ok(!JSON.stringify(saved).includes((res.headers.location as string).split('/')[2]!.split('?')[0]!))

    const link = await trackingLinkFor(t, email)
    assert.equal(link, (res.headers.location as string).split('?')[0])
    const mail = await db().selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    assert.match(mail.subject, /We hebben uw tool ontvangen/)
    assert.ok(mail.body_text.includes(name), 'the e-mail is plain text and shows the name as typed')

    const page = await new Browser(t.app).get(link)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.match(page.body, /<meta name="robots" content="noindex">/)
    assert.match(text(page.body), /Wordt beoordeeld/)
    assert.ok(!page.body.includes('<script>alert(1)</script>'), 'markup is escaped')
    assert.ok(page.body.includes('Buurtbudget &lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(page.body.includes('&lt;i&gt;buurtbudget&lt;/i&gt;'))

    const audit = await db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'submission').where('entity_id', '=', String(saved.id)).execute()
    assert.deepEqual(audit.map((a) => a.action), ['submission.submitted'])
    assert.ok(!JSON.stringify(audit[0]!.after).includes('token'), 'the audit log keeps no tracking secret')

    assert.equal((await new Browser(t.app).get('/submissions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404)
    assert.equal((await new Browser(t.app).get('/submissions/short')).statusCode, 404)
  })

  test('a likely duplicate is shown with its reason; the submitter can say theirs is different', async () => {
    const browser = new Browser(t.app)
    await browser.get('/en/tools/share')
    const email = `dup-${unique('t')}@example.org`
    const form = { name: 'Omgevingswet', description: 'De wet voor de fysieke leefomgeving.', contactEmail: email, themes: ['privacy'] }
    const res = await browser.post('/en/tools/share', form)
    assert.equal(res.statusCode, 409)
    const page = text(res.body)
    assert.match(page, /Is this a tool we already know\?/)
    assert.match(res.body, /href="\/en\/tools\/omgevingswet"/)
    assert.match(page, /Similar name/)
    assert.match(res.body, /name="additionTo" value="omgevingswet"/)
    assert.match(res.body, /name="confirmDifferent"/)
    assert.match(res.body, /value="De wet voor de fysieke leefomgeving\."|>De wet voor de fysieke leefomgeving\.</)
    assert.match(res.body, /value="privacy" checked/)
    assert.equal((await db().selectFrom('submissions').select('id').where('contact_email', '=', email).execute()).length, 0)

    const confirmed = await browser.post('/en/tools/share', { ...form, confirmDifferent: 'on' })
    assert.equal(confirmed.statusCode, 303)
    assert.match(confirmed.headers.location as string, /^\/en\/submissions\//)
    const saved = await db().selectFrom('submissions').selectAll().where('contact_email', '=', email).executeTakeFirstOrThrow()
    assert.equal(saved.confirmed_different, true)
    const seen = saved.duplicate_candidates as { slug: string; likely: boolean }[]
    assert.ok(seen.some((c) => c.slug === 'omgevingswet' && c.likely))
    const mail = await db().selectFrom('outbox').selectAll().where('recipient', '=', email).executeTakeFirstOrThrow()
    assert.match(mail.subject, /We received your tool/)
  })

  test('"add what I know to this tool" saves an addition to the existing tool', async () => {
    const browser = new Browser(t.app)
    await browser.get('/tools/share')
    const email = `add-${unique('t')}@example.org`
    const res = await browser.post('/tools/share', { name: 'Omgevingswet', description: 'Wij gebruiken dit ook in Zwolle.', note: 'Er is ook een Engelse samenvatting.', contactEmail: email, additionTo: 'omgevingswet' })
    assert.equal(res.statusCode, 303)
    const saved = await db().selectFrom('submissions as s').innerJoin('tools as t', 't.id', 's.target_tool_id').select(['s.kind', 't.slug', 's.note']).where('s.contact_email', '=', email).executeTakeFirstOrThrow()
    assert.deepEqual(saved, { kind: 'addition', slug: 'omgevingswet', note: 'Er is ook een Engelse samenvatting.' })
    const unknown = await browser.post('/tools/share', { name: 'X', description: 'Y', contactEmail: email, additionTo: 'no-such-tool' })
    assert.equal(unknown.statusCode, 400)
    assert.match(text(unknown.body), /Die tool bestaat niet/)
  })

  test('a tool page leads to a form that adds to that tool', async () => {
    const toolPage = await new Browser(t.app).get('/en/tools/omgevingswet')
    assert.match(toolPage.body, /href="\/en\/tools\/share\?additionTo=omgevingswet"/)
    const form = await new Browser(t.app).get('/en/tools/share?additionTo=omgevingswet')
    assert.equal(form.statusCode, 200)
    assert.match(text(form.body), /Add to Environment and Planning Act/)
    assert.match(form.body, /name="additionTo" value="omgevingswet"/)
    assert.match(form.body, /name="name" value="Environment and Planning Act"/)
    assert.match(text((await new Browser(t.app).get('/tools/share?additionTo=omgevingswet')).body), /Vul Omgevingswet aan/)
    for (const bad of ['no-such-tool', '<script>', '']) {
      const res = await new Browser(t.app).get(`/tools/share?additionTo=${encodeURIComponent(bad)}`)
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /name="additionTo" value=/)
    }
  })

  test('pending submissions and tools in development count as duplicates too', async () => {
    const suffix = unique('t')
    await createTool(db(), { name_nl: `Wijkwarmteplanner ${suffix}`, name_en: null, status: 'in_development', description_nl: 'Rekent warmtescenario’s per wijk door.' })
    const browser = new Browser(t.app)
    await browser.get('/tools/share')
    const res = await browser.post('/tools/share', { name: `Wijkwarmteplanner ${suffix}`, description: 'Warmtescenario’s per wijk.', contactEmail: `a-${suffix}@example.org` })
    assert.equal(res.statusCode, 409)
    assert.match(text(res.body), /In ontwikkeling/)

    const first = await browser.post('/tools/share', { name: `Parkeerdrukmonitor ${suffix}`, description: 'Meet de parkeerdruk per straat met camera’s.', contactEmail: `b-${suffix}@example.org` })
    assert.equal(first.statusCode, 303)
    const second = await browser.post('/tools/share', { name: `Parkeerdrukmonitor ${suffix}`, description: 'Parkeerdruk per straat meten.', contactEmail: `c-${suffix}@example.org` })
    assert.equal(second.statusCode, 409)
    assert.match(text(second.body), /Al ingezonden, wordt beoordeeld/)
    assert.ok(!second.body.includes(`b-${suffix}@example.org`), 'another submitter’s address is never shown')
  })

  test('review findings: upper-case schemes, line breaks, repeated values, Enter, and the private page', async () => {
    const browser = new Browser(t.app)
    const form = await browser.get('/tools/share')
    // Enter in a field presses the first submit button: that must be the form's own, not "add to this tool".
    const firstButton = /<form[^>]*citydeal-share-form[\s\S]*?(<button[^>]*>)/.exec(form.body)?.[1] ?? ''
    assert.doesNotMatch(firstButton, /name="additionTo"/)
    assert.match(firstButton, /type="submit"/)
    const email = `review-${unique('t')}@example.org`
    const res = await browser.post('/tools/share', {
      name: `Regenwatersensor ${unique('t')}`,
      description: 'Eerste alinea.\r\n\r\n\r\nTweede alinea.',
      websiteUrl: 'HTTPS://Regenwater.example.org/Sensor',
      themes: ['privacy', 'privacy'],
      contactEmail: email,
      homepage: '',
    })
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 800))
    const saved = await db().selectFrom('submissions').selectAll().where('contact_email', '=', email).executeTakeFirstOrThrow()
    assert.equal(saved.website_url, 'https://Regenwater.example.org/Sensor')
    assert.equal(saved.description, 'Eerste alinea.\n\nTweede alinea.')
    assert.deepEqual(saved.themes, ['privacy'])
    const page = await new Browser(t.app).get((res.headers.location as string).split('?')[0]!)
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    assert.equal((await new Browser(t.app).get('/tools')).headers['referrer-policy'], 'strict-origin-when-cross-origin')

    const bots = await browser.post('/tools/share', { name: 'Spam', description: 'Spam', contactEmail: `bot2-${unique('t')}@example.org`, homepage: ['', 'http://spam.example'] })
    assert.equal(bots.headers.location, '/tools/share?done=thanks')
  })

  test('on an addition page, candidates have no buttons of their own, and a repeated additionTo is not an error', async () => {
    const browser = new Browser(t.app)
    await browser.get('/tools/share?additionTo=pdok')
    const res = await browser.post('/tools/share', { additionTo: ['pdok', 'pdok'], name: '', description: 'x', contactEmail: 'x@example.org' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /name="additionTo" value="pdok"/)
    assert.doesNotMatch(res.body, /<button[^>]*name="additionTo"/)
  })

  test('a filled-in honeypot is thanked and dropped', async () => {
    const browser = new Browser(t.app)
    await browser.get('/tools/share')
    const email = `bot-${unique('t')}@example.org`
    const res = await browser.post('/tools/share', { name: 'Cheap pills', description: 'Buy now', contactEmail: email, homepage: 'http://spam.example' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/tools/share?done=thanks')
    assert.equal((await db().selectFrom('submissions').select('id').where('contact_email', '=', email).execute()).length, 0)
  })

  test('without a CSRF token the form is refused', async () => {
    const res = await new Browser(t.app).post('/tools/share', { name: 'X', description: 'Y', contactEmail: 'x@example.org' }, { csrf: false })
    assert.equal(res.statusCode, 403)
  })
})

describe('sharing: rate limit', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_FORMS_PER_MINUTE: 2 })
  })
  after(() => t.close())

  test('the form is rate limited per address, with a message in the page’s language', async () => {
    const browser = new Browser(t.app)
    await browser.get('/en/tools/share')
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await browser.post('/en/tools/share', { name: '', description: '', contactEmail: 'x' })).statusCode)
    assert.deepEqual(statuses, [400, 400, 429])
  })
})
