import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { addAssessments, createTool, unique } from '../../../test/factories.ts'
import { text } from '../../../test/http.ts'

describe('catalogue pages', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  const get = (url: string) => t.app.inject({ method: 'GET', url })

  test('the home page shows live counts and ways in, in Dutch at / and English at /en/', async () => {
    const nl = await get('/')
    assert.equal(nl.statusCode, 200)
    assert.match(nl.body, /<html lang="nl">/)
    assert.match(text(nl.body), /\d+ tools in de toolbox/)
    assert.match(text(nl.body), /7 tools ontwikkeld in de City Deal/)
    assert.match(nl.body, /href="\/tools\?category=governance"/)
    assert.match(nl.body, /href="\/tools\?form=legislation"/)
    assert.match(nl.body, /<link rel="alternate" hreflang="en" href="http:\/\/toolbox.test\/en\/">/)

    const en = await get('/en/')
    assert.equal(en.statusCode, 200)
    assert.match(en.body, /<html lang="en">/)
    assert.match(text(en.body), /\d+ tools in the toolbox/)
    assert.match(en.body, /href="\/en\/tools\?category=content"/)
    assert.equal((await get('/en')).statusCode, 200)

    const before = Number(/(\d+) tools in de toolbox/.exec(text((await get('/')).body))?.[1])
    await createTool(t.database.handle.db, { category: 'content' })
    assert.match(text((await get('/')).body), new RegExp(`${before + 1} tools in de toolbox`), 'counts are live')
  })

  test('a page served from the cache changes as soon as the catalogue does', async () => {
    const word = `cachecheck${Date.now()}`
    const url = `/tools?q=${word}`
    assert.match(text((await get(url)).body), /0 tools gevonden/)
    assert.match(text((await get(url)).body), /0 tools gevonden/)
    const tool = await createTool(t.database.handle.db, { name_nl: `Tool ${word}` })
    assert.match(text((await get(url)).body), /1 tool gevonden/)
    await t.database.handle.db.updateTable('tools').set({ description_nl: 'Nieuwe beschrijving na een wijziging.' }).where('id', '=', tool.id).execute()
    assert.match(text((await get(`/tools/${tool.slug}`)).body), /Nieuwe beschrijving na een wijziging/)
    await t.database.handle.db.updateTable('tools').set({ description_nl: 'Nog een keer gewijzigd.' }).where('id', '=', tool.id).execute()
    assert.match(text((await get(`/tools/${tool.slug}`)).body), /Nog een keer gewijzigd/)
  })

  test('the language switch stays on the same page, with the same query', async () => {
    const res = await get('/tools?q=sensor&category=content')
    assert.match(res.body, /href="\/en\/tools\?q=sensor&amp;category=content" hreflang="en" lang="en"/)
    const en = await get('/en/tools/pdok')
    assert.match(en.body, /href="\/tools\/pdok" hreflang="nl" lang="nl"/)
  })

  test('search finds tools by name, acronym, description and translation, tolerating typos', async () => {
    const cases: [string, string][] = [
      ['/tools?q=AVG', 'Algemene Verordening Gegevensbescherming'],
      ['/tools?q=GDPR', 'Algemene Verordening Gegevensbescherming'],
      ['/en/tools?q=Environment+and+Planning+Act', 'Environment and Planning Act'],
      ['/tools?q=omgevingswt', 'Omgevingswet'],
      ['/tools?q=kookbok', 'Datakookboek'],
      ['/tools?q=sensorregister', 'Sensorenregister Amsterdam'],
      ['/en/tools?q=crowding+forecast', 'Crowd Safety Manager'],
      ['/tools?q=drukte+voorspellen', 'Crowd Safety Manager'],
    ]
    for (const [url, expected] of cases) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.ok(text(res.body).includes(expected), `${url} finds ${expected}`)
    }
    const typo = await get('/tools?q=omgevingswt')
    assert.match(text(typo.body), /Ook gezocht op: omgevingswet/)
  })

  test('Dutch compounds: a word written as one finds what its parts find', async () => {
    const slugsOf = async (q: string) => ((await get(`/api/v1/tools?q=${encodeURIComponent(q)}&pageSize=100`)).json().items as { slug: string }[]).map((i) => i.slug).sort()
    for (const [compound, apart] of [['datadeling', 'data delen'], ['gegevensdeling', 'gegevens delen']]) {
      const expected = await slugsOf(apart!)
      assert.ok(expected.length > 0, `"${apart}" finds tools`)
      assert.deepEqual(await slugsOf(compound!), expected, `"${compound}" finds what "${apart}" finds`)
    }
    assert.match(text((await get('/tools?q=datadeling')).body), /Ook gezocht op: data delen/)
    // A last word that starts a known word is being typed, not a compound.
    assert.ok((await slugsOf('sensorregist')).includes('wecity-sensorregister'))
  })

  test('Dutch and English stemming: inflected words find the tool', async () => {
    const word = unique('zzqx').replace('-', '')
    await createTool(t.database.handle.db, {
      name_nl: `Handreiking ${word} gemeentelijke sensoren`,
      name_en: `Guide ${word} municipal sensors`,
      description_nl: 'Hoe gemeenten sensoren plaatsen in de openbare ruimte.',
      description_en: 'How municipalities are measuring with sensors in public space.',
    })
    for (const q of [`${word} sensor`, `${word} gemeente`, `${word} measured`, `${word} municipality`]) {
      const res = await get(`/tools?q=${encodeURIComponent(q)}`)
      assert.match(text(res.body), /1 tool gevonden/, `"${q}" finds exactly the new tool`)
    }
  })

  test('facets filter and count, and all state lives in the URL', async () => {
    const res = await get('/tools?category=content&form=software')
    assert.equal(res.statusCode, 200)
    const body = text(res.body)
    const count = Number(/(\d+) tools gevonden/.exec(body)?.[1])
    assert.ok(count > 0)
    // The checked boxes are in the form, so submitting it keeps the state.
    assert.match(res.body, /name="category" value="content" checked/)
    assert.match(res.body, /name="form" value="software" checked/)
    // Removing one filter is a link.
    assert.match(res.body, /href="\/tools\?category=content"[^>]*aria-label="Filter Vorm: Software verwijderen"/)
    // OR within a facet: adding a second form never lowers the count.
    const both = text((await get('/tools?category=content&form=software&form=method')).body)
    assert.ok(Number(/(\d+) tools gevonden/.exec(both)?.[1]) >= count)
  })

  test('filters by process, theme, SDG target, design principle and municipality', async () => {
    const db = t.database.handle.db
    const tool = await createTool(db, {
      processes: ['furnish'],
      themes: ['justice'],
      sdg: ['11.2'],
      principlesMet: ['designed_for_flexibility'],
      municipalities: [{ cbsCode: 'GM0153', role: 'test_municipality', testStatus: 'passed', resultNl: 'Werkt goed.', resultEn: 'Works well.' }],
    })
    const res = await get('/tools?process=furnish&theme=justice&sdg=11.2&principle=designed_for_flexibility&municipality=GM0153')
    assert.equal(res.statusCode, 200)
    assert.match(text(res.body), /1 tool gevonden/)
    assert.ok(res.body.includes(`/tools/${tool.slug}`))
    assert.match(text(res.body), /Enschede \(1\)/, 'municipality facet shows the CBS name with its count')
  })

  test('sorting by name and newest, and pagination with links that keep the state', async () => {
    const db = t.database.handle.db
    const newest = await createTool(db, { name_nl: 'AAAA eerste op naam', category: 'governance' })
    const byName = await get('/tools?sort=name')
    assert.ok(byName.body.indexOf(`/tools/${newest.slug}`) > 0, 'first by name')
    const byNewest = await get('/tools?sort=newest&category=governance')
    const firstResult = /<ol class="citydeal-results"[^>]*>[\s\S]*?href="\/tools\/([a-z0-9-]+)[?"]/.exec(byNewest.body)?.[1]
    assert.equal(firstResult, newest.slug)
    const page2 = await get('/tools?category=governance&page=2')
    assert.equal(page2.statusCode, 200)
    assert.match(text(page2.body), /Pagina 2 van \d+/)
    assert.match(page2.body, /rel="prev" href="\/tools\?category=governance"/)
    assert.match(page2.body, /rel="next" href="\/tools\?category=governance&amp;page=3"/)
  })

  test('related tools share an organisation; similar tools share classifications', async () => {
    const body = text((await get('/tools/oasc-mim1-context-information-management')).body)
    const related = /Van dezelfde organisaties (.*?) Vergelijkbare tools/.exec(body)?.[1] ?? ''
    assert.match(related, /OASC MIM2 Shared Data Models/, 'another tool of OASC')
    const api = (await get('/api/v1/tools/oasc-mim1-context-information-management')).json()
    assert.ok(api.related.length > 0 && api.similar.length > 0)
    const relatedSlugs = new Set(api.related.map((r: { slug: string }) => r.slug))
    assert.ok(api.similar.every((s: { slug: string }) => !relatedSlugs.has(s.slug)), 'a tool is listed once')
  })

  test('similar tools also come from shared rare words of names and descriptions, on both search paths', async () => {
    // A new tool with no classification in common with the Sensorenregister Amsterdam, but nearly its name and text.
    const input = {
      slug: unique('sensorenregister-utrecht'),
      category: 'governance',
      form: 'dataset',
      name_nl: 'Sensorenregister Utrecht',
      name_en: 'Sensor register Utrecht',
      description_nl: 'Openbaar register van sensoren in de openbare ruimte, met hun eigenaar en doel.',
      description_en: 'Public register of sensors in public space, with their owner and purpose.',
    } as const
    const copy = await createTool(t.database.handle.db, input)
    for (const searchIndex of ['on', 'off'] as const) {
      // The app under test has the default (on); SQL only runs in an app of its own, with its own database.
      const other = searchIndex === 'off' ? await buildTestApp({ SEARCH_INDEX: 'off' }) : undefined
      try {
        const app = other ? other.app : t.app
        if (other) await createTool(other.database.handle.db, input)
        const api = (await app.inject({ method: 'GET', url: `/api/v1/tools/${copy.slug}` })).json()
        assert.ok(api.similar.some((s: { slug: string }) => s.slug === 'sensorenregister-amsterdam'), `similar (index ${searchIndex}): ${api.similar.map((s: { slug: string }) => s.slug).join(', ')}`)
        const page = text((await app.inject({ method: 'GET', url: `/tools/${copy.slug}` })).body)
        assert.match(/Vergelijkbare tools (.*)/.exec(page)?.[1] ?? '', /Sensorenregister Amsterdam/)
      } finally {
        await other?.close()
      }
    }
  })

  test('a tool page shows everything known about the tool', async () => {
    // The seed assesses no tool; with one verdict the page shows the three tables of criteria.
    const db = t.database.handle.db
    const csm = await db.selectFrom('tools').select('id').where('slug', '=', 'crowd-safety-manager').executeTakeFirstOrThrow()
    await addAssessments(db, csm.id, [{ criterion: 'feasible', rating: 'partly', explanationNl: 'Vraagt veel data.', explanationEn: 'Needs a lot of data.' }])
    const res = await get('/tools/crowd-safety-manager')
    assert.equal(res.statusCode, 200)
    const body = text(res.body)
    for (const expected of ['Crowd Safety Manager', 'Procesvraag', 'Software', 'Bindende kracht', 'Ontwikkeld in de City Deal', "'s-Gravenhage", 'Mede-ontwikkelaar', 'Ontwerpprincipes', 'Veiligheid', 'Haalbaar', 'Laatst gewijzigd op', 'Wijzigingsgeschiedenis', ': toegevoegd door de toolbox']) {
      assert.ok(body.includes(expected), `tool page shows ${expected}`)
    }
    const en = text((await get('/en/tools/crowd-safety-manager')).body)
    for (const expected of ['Process question', 'Binding force', 'Developed in the City Deal', 'Co-developer', 'Design principles', 'Last changed on', 'Change history']) {
      assert.ok(en.includes(expected), `English tool page shows ${expected}`)
    }
  })

  test('test municipalities with their results, and related tools', async () => {
    const db = t.database.handle.db
    const tool = await createTool(db, {
      themes: ['privacy'],
      form: 'software',
      municipalities: [
        { cbsCode: 'GM0200', role: 'test_municipality', testStatus: 'passed', resultNl: 'Goed bruikbaar.', resultEn: 'Works well.' },
        { cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'running' },
      ],
    })
    const body = text((await get(`/tools/${tool.slug}`)).body)
    // A test municipality is a pilot: its stage, and the outcome with what was learned.
    assert.match(body, /Apeldoorn Afgerond Werkte\. Goed bruikbaar\./)
    assert.match(body, /Utrecht Loopt/)
    const en = text((await get(`/en/tools/${tool.slug}`)).body)
    assert.match(en, /Apeldoorn Completed Worked\. Works well\./)
    assert.match(body, /Vergelijkbare tools/)
  })

  test('a name keeps its own language, marked for screen readers, and a search without words says so', async () => {
    const nl = await get('/tools/fiware')
    assert.match(nl.body, /<h1 class="utrecht-heading-1"><span lang="en">FIWARE<\/span><\/h1>/)
    const en = await get('/en/tools/omgevingswet')
    assert.match(en.body, /<h1 class="utrecht-heading-1">Environment and Planning Act<\/h1>/)
    for (const q of ['de', 'the', '日本', '😀']) {
      const res = await get(`/tools?q=${encodeURIComponent(q)}`)
      assert.equal(res.statusCode, 200)
      assert.match(text(res.body), /geen woorden om op te zoeken/, `q=${q}`)
      assert.match(text(res.body), /0 tools gevonden/)
    }
    assert.match(text((await get('/tools?q=stra%C3%9Fe+sensor')).body), /tools? gevonden/)
  })

  test('a missing translation falls back visibly to the other language', async () => {
    const tool = await createTool(t.database.handle.db, { name_en: null, description_en: null, name_nl: 'Alleen Nederlandse naam', description_nl: 'Alleen een Nederlandse beschrijving.' })
    const res = await get(`/en/tools/${tool.slug}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<span lang="nl">Alleen een Nederlandse beschrijving\.<\/span> <span class="citydeal-meta">\(not translated yet: Dutch\)<\/span>/)
    assert.match(res.body, /<span lang="nl">Alleen Nederlandse naam<\/span>/)
  })

  test('the about page explains principles, criteria and forms', async () => {
    const nl = text((await get('/about')).body)
    for (const expected of ['Ontworpen als democratisch slim netwerk', 'Machtsevenwicht', 'Deelbaar', 'Verordening', 'Wettelijk bindend', '11.7']) {
      assert.ok(nl.includes(expected), `about page shows ${expected}`)
    }
    const en = text((await get('/en/about')).body)
    for (const expected of ['Designed for flexibility', 'Balance of power', 'Shareable', 'Ordinance', 'Legally binding']) {
      assert.ok(en.includes(expected), `English about page shows ${expected}`)
    }
  })

  test('markup in stored text is shown as text', async () => {
    const tool = await createTool(t.database.handle.db, { name_nl: '<script>alert(1)</script> tool', description_nl: '<img src=x onerror=alert(1)>' })
    const res = await get(`/tools/${tool.slug}`)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(!res.body.includes('<img src=x'))
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt; tool'))
  })
})

describe('bad input on pages', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  test('unknown filter values get a 400 page that names the field, in the page language', async () => {
    const nl = await get('/tools?form=spreadsheet')
    assert.equal(nl.statusCode, 400)
    assert.match(nl.headers['content-type'] as string, /text\/html/)
    assert.match(text(nl.body), /Vorm: Onbekende waarde “spreadsheet”/)
    const en = await get('/en/tools?status=finished&sort=random')
    assert.equal(en.statusCode, 400)
    assert.match(text(en.body), /Status: Unknown value “finished”/)
    assert.match(text(en.body), /Sort order: Unknown value “random”/)
  })

  test('malformed and out-of-range page numbers', async () => {
    for (const page of ['0', '-1', 'abc', '1.5', '99999999999', '']) {
      const res = await get(`/tools?page=${encodeURIComponent(page)}`)
      if (page === '') assert.equal(res.statusCode, 200)
      else assert.equal(res.statusCode, 400, `page=${page}`)
    }
    const beyond = await get('/tools?page=500')
    assert.equal(beyond.statusCode, 404)
    assert.match(text(beyond.body), /Pagina 500 bestaat niet; er zijn \d+ pagina’s/)
  })

  test('over-long queries are refused with a clear message', async () => {
    const res = await get(`/tools?q=${'a'.repeat(201)}`)
    assert.equal(res.statusCode, 400)
    assert.match(text(res.body), /Zoekwoorden: Mag hoogstens 200 tekens lang zijn/)
    assert.equal((await get(`/tools?q=${'sensor '.repeat(28)}`)).statusCode, 200)
  })

  test('unknown slugs and unknown pages get a 404 page in the visitor’s language', async () => {
    const res = await get('/tools/does-not-exist')
    assert.equal(res.statusCode, 404)
    assert.match(text(res.body), /Er is geen tool met het adres “does-not-exist”/)
    const en = await get('/en/tools/Not_A_Slug!')
    assert.equal(en.statusCode, 404)
    assert.match(en.body, /<html lang="en">/)
    assert.equal((await get('/nowhere')).statusCode, 404)
    assert.match(text((await get('/en/nowhere')).body), /This page does not exist/)
  })

  test('malformed URLs get the error page in the visitor’s language, not a raw error', async () => {
    for (const [url, lang] of [['/tools/%FF', 'nl'], ['/en/%FF', 'en'], [`/en/tools/${'a'.repeat(600)}`, 'en']] as const) {
      const res = await get(url)
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} gave ${res.statusCode}`)
      assert.match(res.headers['content-type'] as string, /text\/html/, url)
      assert.match(res.body, new RegExp(`<html lang="${lang}">`), url)
    }
  })

  test('odd Unicode never causes a 500', async () => {
    const inputs = ['%F0%9F%9A%80', '%E2%80%AE%E2%80%8B', '%00', '%C0%AF', '%ED%A0%80', 'caf%C3%A9', '%', '%%%', 'a%20%20%20b', '%EF%BF%BF', 'Z%CC%81%CC%81%CC%81%CC%81']
    for (const q of inputs) {
      for (const path of [`/tools?q=${q}`, `/tools?form=${q}`, `/tools/${q}`, `/en/tools?q=${q}&page=${q}`]) {
        const res = await get(path)
        assert.ok(res.statusCode < 500, `${path} gave ${res.statusCode}`)
      }
    }
  })
})
