import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser, organisationByCbs, unique, type ToolInput } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'
import { PIPELINE_STAGE_LIMIT } from './pipeline-view.service.ts'

// The pipeline view: /tools/pipeline and /en/tools/pipeline, read as a visitor without JavaScript reads them.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

const get = (url: string) => new Browser(t.app).get(url)
/** Letters only, so that a name is one searchable word and sorts predictably. */
const word = (prefix: string) => `${prefix}${[...unique('x').slice(2)].map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26))).join('')}`

/** The HTML of one stage's section, from its heading to the next section. */
function stage(body: string, status: string): string {
  const id = `stage-${status.replace(/_/g, '-')}`
  const start = body.indexOf(`<section aria-labelledby="${id}"`)
  assert.ok(start >= 0, `a section for ${status}`)
  return body.slice(start, body.indexOf('</section>', start))
}
/** The HTML of one tool's card in a stage. */
function card(section: string, slug: string): string {
  const start = section.indexOf(`href="/tools/${slug}"`) >= 0 ? section.indexOf(`href="/tools/${slug}"`) : section.indexOf(`href="/en/tools/${slug}"`)
  assert.ok(start >= 0, `${slug} is listed`)
  return section.slice(section.lastIndexOf('<li class="citydeal-pipeline__tool">', start), section.indexOf('</dl>', start))
}

async function cityDealTool(status: string, input: ToolInput = {}) {
  const name = word('Pijplijntool')
  const tool = await createTool(db(), { name_nl: name, name_en: `${name} EN`, origin: 'city_deal', status, ...input })
  return { ...tool, name }
}
const openCall = (toolId: number, values: { closes_on?: string | null; municipalities_needed?: number; status?: 'open' | 'closed' } = {}) =>
  db().insertInto('tool_calls').values({ tool_id: toolId, asked_nl: 'Test de tool een half jaar.', ...values }).execute()
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

describe('the pipeline page', () => {
  test('a selected tool with its owner, municipalities committed and needed, its open call and what the next step lacks, in both languages', async () => {
    const tool = await cityDealTool('selected', {
      municipalities: [
        { cbsCode: 'GM0758', role: 'owner' },
        { cbsCode: 'GM0344', role: 'test_municipality' },
        { cbsCode: 'GM0772', role: 'test_municipality', testStatus: 'running' },
      ],
    })
    // An interested municipality is listed but not counted; a withdrawn one is neither.
    const [almere, zwolle] = [await organisationByCbs(db(), 'GM0034'), await organisationByCbs(db(), 'GM0193')]
    await db().insertInto('pilots').values([{ tool_id: tool.id, municipality_id: almere.id, status: 'interested' }, { tool_id: tool.id, municipality_id: zwolle.id, status: 'withdrawn' }]).execute()
    await openCall(tool.id, { closes_on: '2099-03-31', municipalities_needed: 1 })

    const res = await get('/tools/pipeline')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /text\/html/)
    assert.doesNotMatch(res.body, /<script/i, 'nothing needs JavaScript')
    const nl = card(stage(res.body, 'selected'), tool.slug)
    const words = text(nl)
    assert.match(words, new RegExp(`${tool.name} Methode Ontwikkeld in de City Deal`))
    assert.match(nl, /href="\/organisations\/[a-z0-9-]*breda[a-z0-9-]*">Breda<\/a>/, 'the owner, linked')
    assert.match(words, /Testgemeenten 2 van 3 toegezegd, nog 1 nodig\. Eindhoven \(Loopt\) Utrecht \(Toegezegd\) Almere \(Belangstelling\)/)
    assert.doesNotMatch(words, /Zwolle/, 'a withdrawn pilot is not shown')
    assert.match(nl, new RegExp(`href="/tools/${tool.slug}/call">Open oproep aan testgemeenten</a>`))
    assert.match(words, /1 gemeente gezocht, tot en met 31 maart 2099/)
    assert.match(words, /Volgende stap In ontwikkeling 2 van 3 testgemeenten toegezegd: Eindhoven, Utrecht\. Een City Deal-tool gaat pas in ontwikkeling met drie gemeenten die de tool testen\./)
    assert.doesNotMatch(text(stage(res.body, 'idea')), new RegExp(tool.name), 'only under its own stage')

    const en = await get('/en/tools/pipeline')
    assert.equal(en.statusCode, 200)
    assert.match(en.body, /<html lang="en">/)
    const enCard = text(card(stage(en.body, 'selected'), tool.slug))
    assert.match(enCard, new RegExp(`${tool.name} EN Method Developed in the City Deal`))
    assert.match(enCard, /Test municipalities 2 of 3 committed, 1 more needed\. Eindhoven \(Running\) Utrecht \(Committed\) Almere \(Interested\)/)
    assert.match(enCard, /Open call for test municipalities 1 municipality wanted, until 31 March 2099/)
    assert.match(enCard, /Next step In development 2 of 3 test municipalities committed: Eindhoven, Utrecht\./)
    assert.match(text(en.body), /Stages Idea \(\d+\) Proposed \(\d+\) Selected \(\d+\) In development \(\d+\) Testing \(\d+\)/)
  })

  test('stages in lifecycle order; a tool in testing shows its completed pilots with their outcome; available and retired tools are not in the pipeline', async () => {
    const testing = await cityDealTool('testing', {
      municipalities: [
        { cbsCode: 'GM0200', role: 'owner' },
        { cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'passed' },
        { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'inconclusive' },
        { cbsCode: 'GM0599', role: 'test_municipality', testStatus: 'running' },
      ],
    })
    const available = await cityDealTool('available')
    const retired = await cityDealTool('retired')
    const body = (await get('/tools/pipeline')).body
    const order = ['idea', 'proposed', 'selected', 'in-development', 'testing'].map((s) => body.indexOf(`id="stage-${s}"`))
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'idea, proposed, selected, in development, testing')
    assert.ok(order.every((i) => i > 0))
    const words = text(card(stage(body, 'testing'), testing.slug))
    assert.match(words, /3 van 3 toegezegd, genoeg voor de drempel\. 2 van 3 pilots afgerond met een uitkomst, nog 1 nodig\./)
    assert.match(words, /Almere \(Afgerond: Werkte deels\) Utrecht \(Afgerond: Werkte\) Rotterdam \(Loopt\)/)
    assert.match(words, /Volgende stap Beschikbaar 2 van 3 pilots afgerond met een uitkomst: Almere, Utrecht\./)
    assert.match(words, /Geen open oproep/)
    for (const other of [available, retired]) assert.doesNotMatch(body, new RegExp(`/tools/${other.slug}"`))
  })

  test('the gate line: nothing missing, passed before the gate, not a City Deal tool; no owner yet', async () => {
    const ready = await cityDealTool('selected', {
      municipalities: [
        { cbsCode: 'GM0200', role: 'owner' },
        { cbsCode: 'GM0344', role: 'test_municipality' },
        { cbsCode: 'GM0034', role: 'test_municipality' },
        { cbsCode: 'GM0193', role: 'test_municipality', testStatus: 'running' },
      ],
    })
    const early = await cityDealTool('in_development', { municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const other = await createTool(db(), { status: 'proposed', origin: 'others_initiative' })
    const idea = await cityDealTool('idea')
    const body = (await get('/tools/pipeline')).body
    assert.match(text(card(stage(body, 'selected'), ready.slug)), /3 van 3 toegezegd, genoeg voor de drempel\..*Volgende stap In ontwikkeling Niets ontbreekt voor deze stap\./)
    const earlyCard = text(card(stage(body, 'in_development'), early.slug))
    assert.match(earlyCard, /Volgende stap In test Niets ontbreekt voor deze stap\. Nog niet voldaan in deze fase: De eigenaar, Utrecht, is geen partner van de City Deal\. 0 van 3 testgemeenten toegezegd\./)
    const otherCard = text(card(stage(body, 'proposed'), other.slug))
    assert.match(otherCard, /Testgemeenten Nog geen/)
    assert.match(otherCard, /Volgende stap Gekozen Geen City Deal-tool: de drempel van de City Deal geldt niet\./)
    assert.match(text(card(stage(body, 'idea'), idea.slug)), /Eigenaar Nog geen eigenaar Testgemeenten 0 van 3 toegezegd, nog 3 nodig\..*Volgende stap Voorgesteld Niets ontbreekt/)
  })

  test('only an open call that has not closed shows; the newest when there are several', async () => {
    const closed = await cityDealTool('idea')
    await openCall(closed.id, { status: 'closed' })
    const expired = await cityDealTool('idea')
    await db().insertInto('tool_calls').values({ tool_id: expired.id, asked_nl: 'Voorbij.', opens_on: isoDay(-30), closes_on: isoDay(-1) }).execute()
    const lastDay = await cityDealTool('idea')
    await db().insertInto('tool_calls').values({ tool_id: lastDay.id, asked_nl: 'Oud.', opens_on: isoDay(-60), closes_on: isoDay(0), municipalities_needed: 2 }).execute()
    await db().insertInto('tool_calls').values({ tool_id: lastDay.id, asked_nl: 'Nieuw.', opens_on: isoDay(-1), closes_on: null, municipalities_needed: 4 }).execute()
    const section = stage((await get('/tools/pipeline')).body, 'idea')
    for (const tool of [closed, expired]) assert.match(text(card(section, tool.slug)), /Oproep Geen open oproep/)
    assert.match(text(card(section, lastDay.slug)), /Open oproep aan testgemeenten 4 gemeenten gezocht Volgende stap/)
  })

  test('linked from the catalogue and the home page; /tools/pipeline is never a tool: the slug is reserved', async () => {
    for (const [page, link] of [['/tools', '/tools/pipeline'], ['/', '/tools/pipeline'], ['/en/tools', '/en/tools/pipeline'], ['/en/', '/en/tools/pipeline']] as const) {
      assert.match((await get(page)).body, new RegExp(`href="${link}"`), page)
    }
    const curator = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'curator' })).id))
    const form = await curator.get('/tools/new')
    const created = await curator.post('/tools/new', {
      ...formFields(form.body, '/tools/new'),
      name: 'Pipeline',
      description: 'Een tool die toevallig zo heet.',
      category: 'governance',
      form: 'method',
      lifecycle: 'idea',
      origin: 'existing',
      confirmDifferent: 'on',
    })
    assert.equal(created.headers.location, '/tools/pipeline-2/edit?done=created')
    const edit = await curator.get('/tools/pipeline-2/edit')
    const renamed = await curator.post('/tools/pipeline-2/edit', { ...formFields(edit.body, '/tools/pipeline-2/edit'), slug: 'pipeline' })
    assert.equal(renamed.statusCode, 400, 'a slug that is a page of its own is taken')
    const page = await get('/tools/pipeline')
    assert.match(page.body, /<h1 class="utrecht-heading-1">Tools in de pijplijn<\/h1>/)
    assert.match(page.body, /href="\/tools\/pipeline-2">Pipeline<\/a>/, 'the tool is listed under its own slug')
    assert.equal((await get('/tools/pipeline-2')).statusCode, 200)
  })

  test('cached for visitors without an account until something in the catalogue changes; members get a fresh page', async () => {
    const service = t.app.appContext.pipelineView
    const board = service.board
    let renders = 0
    service.board = () => {
      renders++
      return board()
    }
    try {
      const tool = await cityDealTool('proposed')
      const first = await get('/tools/pipeline?utm=1')
      assert.match(first.body, new RegExp(`/tools/${tool.slug}"`), 'a new tool is on the page at once')
      assert.equal((await get('/tools/pipeline')).body, first.body, 'a query string the page ignores shares the page')
      assert.equal(renders, 1)
      assert.match((await get('/en/tools/pipeline')).body, /<html lang="en">/)
      assert.equal(renders, 2, 'one page per language')
      // A pilot counts the catalogue version up too.
      await db().insertInto('pilots').values({ tool_id: tool.id, municipality_id: (await organisationByCbs(db(), 'GM0344')).id, status: 'committed' }).execute()
      assert.match(text(card(stage((await get('/tools/pipeline')).body, 'proposed'), tool.slug)), /1 van 3 toegezegd/)
      assert.equal(renders, 3)
      const member = new Browser(t.app).withSession(await sessionCookie(db(), (await createUser(db(), { role: 'partner' })).id))
      await member.get('/tools/pipeline')
      await member.get('/tools/pipeline')
      assert.equal(renders, 5)
    } finally {
      service.board = board
    }
  })

  test(`a stage lists at most ${PIPELINE_STAGE_LIMIT} tools and links to the rest in the catalogue`, async () => {
    const before = (await get('/tools?status=proposed')).body
    const known = Number(/(\d+) tools gevonden/.exec(text(before))?.[1] ?? 0)
    const extra = PIPELINE_STAGE_LIMIT + 1 - known
    const rows = Array.from({ length: Math.max(extra, 0) }, (_, i) => ({ slug: unique(`bulk-${i}`), name_nl: `Bulk ${word('tool')}`, category: 'content', form: 'method', status: 'proposed', origin: 'existing' }))
    if (rows.length > 0) await db().insertInto('tools').values(rows).execute()
    await sql`select tool_refresh_derived(array(select id from tools where status = 'proposed'))`.execute(db())
    const section = stage((await get('/tools/pipeline')).body, 'proposed')
    assert.equal(section.split('<li class="citydeal-pipeline__tool">').length - 1, PIPELINE_STAGE_LIMIT)
    assert.match(section, new RegExp(`href="/tools\\?status=proposed">Alle ${PIPELINE_STAGE_LIMIT + 1} tools in deze fase in de catalogus</a>`))
    assert.match(text(section), new RegExp(`Voorgesteld \\(${PIPELINE_STAGE_LIMIT + 1} tools\\)`))
  })
})
