import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'

// The Atom feeds, the sitemap and robots.txt, read as a feed reader and a search engine read them.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', isArray: (name) => ['entry', 'url', 'xhtml:link', 'link', 'category'].includes(name) })
type Node = Record<string, unknown>
const textOf = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as Node)['#text'] ?? '') : String(node ?? ''))

function parse(body: string): Node {
  assert.equal(XMLValidator.validate(body), true, 'well-formed XML')
  return parser.parse(body) as Node
}

describe('feeds, sitemap and robots.txt', () => {
  let t: TestApp
  const PUBLIC_URL = 'http://toolbox.test'
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  test('the Atom feeds list the latest changed tools in their language, falling back with xml:lang', async () => {
    const db = t.database.handle.db
    const older = await createTool(db, { form: 'software', category: 'content' })
    const onlyDutch = await createTool(db, { name_en: null, description_en: null, form: 'legislation', category: 'governance', name_nl: `Wet <& "${unique('x')}"` })
    await db.updateTable('tools').set({ updated_at: new Date(Date.now() + 60_000) }).where('id', '=', onlyDutch.id).execute()

    for (const locale of ['nl', 'en'] as const) {
      const path = locale === 'nl' ? '/feeds/tools.atom' : '/en/feeds/tools.atom'
      const res = await t.app.inject({ url: path })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8')
      assert.match(String(res.headers['cache-control']), /^public, max-age=\d+/)
      assert.ok(res.headers.etag && res.headers['last-modified'])
      const feed = parse(res.body).feed as Node
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom')
      assert.equal(feed['@xml:lang'], locale)
      assert.equal(textOf(feed.id), `${PUBLIC_URL}${path}`)
      assert.ok(textOf(feed.title).length > 0)
      assert.ok(!Number.isNaN(Date.parse(textOf(feed.updated))))
      const links = feed.link as Node[]
      assert.ok(links.some((l) => l['@rel'] === 'self' && l['@href'] === `${PUBLIC_URL}${path}`))
      assert.ok(links.some((l) => l['@rel'] === 'alternate' && l['@type'] === 'text/html'))
      assert.ok(textOf((feed.author as Node).name).length > 0)

      const entries = feed.entry as Node[]
      assert.ok(entries.length > 2 && entries.length <= 50)
      const updated = entries.map((e) => Date.parse(textOf(e.updated)))
      assert.deepEqual(updated, [...updated].sort((a, b) => b - a), 'newest change first')

      const first = entries[0]!
      assert.equal(textOf(first.title), (await db.selectFrom('tools').select('name_nl').where('id', '=', onlyDutch.id).executeTakeFirstOrThrow()).name_nl)
      assert.equal((first.title as Node)['@xml:lang'], locale === 'en' ? 'nl' : undefined, 'a Dutch-only name in the English feed says it is Dutch')
      assert.match(textOf(first.id), /^tag:toolbox\.test,2026:tools\/\d+\/(nl|en)$/)
      const toolUrl = `${PUBLIC_URL}${locale === 'en' ? '/en' : ''}/tools/${onlyDutch.slug}`
      assert.equal((first.link as Node[])[0]!['@href'], toolUrl)
      assert.ok(!Number.isNaN(Date.parse(textOf(first.published))))
      const categories = (first.category as Node[]).map((c) => c['@term'])
      assert.deepEqual(categories, ['legislation', 'governance'])
      assert.ok(entries.some((e) => (e.link as Node[])[0]!['@href'] === `${PUBLIC_URL}${locale === 'en' ? '/en' : ''}/tools/${older.slug}`))

      // A client that has this version gets 304.
      const again = await t.app.inject({ url: path, headers: { 'if-none-match': String(res.headers.etag) } })
      assert.equal(again.statusCode, 304)
    }
  })

  test('every page links its language’s feed for autodiscovery', async () => {
    for (const [page, feed] of [['/tools', '/feeds/tools.atom'], ['/en/about', '/en/feeds/tools.atom']]) {
      const body = (await t.app.inject({ url: page! })).body
      assert.ok(body.includes(`<link rel="alternate" type="application/atom+xml" title="`), page)
      assert.ok(body.includes(`href="${PUBLIC_URL}${feed}"`), page)
    }
  })

  test('the sitemap lists public pages and every tool and organisation in both languages, each with hreflang alternates', async () => {
    const tool = await createTool(t.database.handle.db)
    const res = await t.app.inject({ url: '/sitemap.xml' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8')
    const urlset = parse(res.body).urlset as Node
    assert.equal(urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9')
    assert.equal(urlset['@xmlns:xhtml'], 'http://www.w3.org/1999/xhtml')
    const urls = urlset.url as Node[]
    const byLoc = new Map(urls.map((u) => [textOf(u.loc), u]))
    for (const loc of [`${PUBLIC_URL}/tools/${tool.slug}`, `${PUBLIC_URL}/en/tools/${tool.slug}`]) {
      const url = byLoc.get(loc)
      assert.ok(url, `${loc} is listed`)
      assert.ok(!Number.isNaN(Date.parse(textOf(url.lastmod))))
      const alternates = Object.fromEntries((url['xhtml:link'] as Node[]).map((l) => [l['@hreflang'], l['@href']]))
      assert.deepEqual(alternates, { nl: `${PUBLIC_URL}/tools/${tool.slug}`, en: `${PUBLIC_URL}/en/tools/${tool.slug}`, 'x-default': `${PUBLIC_URL}/tools/${tool.slug}` })
    }
    for (const path of ['/', '/en/', '/tools', '/en/tools', '/api', '/en/api', '/organisations/gemeente-s-gravenhage', '/en/organisations/gemeente-s-gravenhage']) {
      assert.ok(byLoc.has(`${PUBLIC_URL}${path}`), `${path} is listed`)
    }
    const tools = await t.database.handle.db.selectFrom('tools').select('slug').execute()
    for (const { slug } of tools) assert.ok(byLoc.has(`${PUBLIC_URL}/tools/${slug}`) && byLoc.has(`${PUBLIC_URL}/en/tools/${slug}`), slug)
    // Every listed page answers 200 (a sample: the fixed pages and one tool).
    for (const loc of [...byLoc.keys()].filter((l) => !l.includes('/organisations/') && !l.includes('/tools/')).concat(`${PUBLIC_URL}/en/tools/${tool.slug}`)) {
      assert.equal((await t.app.inject({ url: loc.slice(PUBLIC_URL.length) })).statusCode, 200, loc)
    }
  })

  test('robots.txt allows the public site, keeps crawlers out of private paths and names the sitemap', async () => {
    const res = await t.app.inject({ url: '/robots.txt' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    const lines = res.body.split('\n')
    assert.ok(lines.includes('User-agent: *'))
    for (const path of ['/admin', '/en/admin', '/curation', '/account', '/login', '/api/v1/', '/embed/']) assert.ok(lines.includes(`Disallow: ${path}`), path)
    assert.ok(lines.includes('Allow: /'))
    assert.ok(!lines.includes('Disallow: /'), 'the public site is open')
    assert.ok(lines.includes(`Sitemap: ${PUBLIC_URL}/sitemap.xml`))
  })
})
