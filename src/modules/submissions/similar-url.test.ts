import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTool } from '../../../test/factories.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { URL_LOOKUP_SEGMENTS, urlLookupKeys } from './similarity.text.ts'

// A submitted address costs the same bounded work whatever its length (issue 17, row 3: http://a.b followed by
// 1,985 '/' and 'x' made about 2,000 lookup keys of ~1,000 characters each). bench/similar-url.ts times it.

const LONG = `http://a.b${'/x'.repeat(992)}/`

describe('similar tools by website: bounded lookup keys', () => {
  test('an address gives at most one key per parent level up to the limit, plus itself', () => {
    const keys = urlLookupKeys(LONG)
    assert.ok(keys.length <= URL_LOOKUP_SEGMENTS + 2, `${keys.length} keys`)
    assert.equal(keys[0], 'url:a.b')
    assert.ok(keys.includes(`url:a.b${'/x'.repeat(992)}`), 'the address itself (an exact match) is kept')
    assert.equal(keys.reduce((n, k) => n + k.length, 0) < 4 * LONG.length, true, 'the keys together are a few times the address, not its square')
    assert.deepEqual(urlLookupKeys('https://www.example.org/a/b/'), ['url:example.org', 'url:example.org/a', 'url:example.org/a/b'])
    assert.deepEqual(urlLookupKeys('https://'), [])
  })

  describe('through the API', () => {
    let t: TestApp
    const site = async (url: string) => {
      const tool = await createTool(t.database.handle.db)
      await t.database.handle.db.updateTable('tools').set({ website_url: url }).where('id', '=', tool.id).execute()
      await sql`select tool_refresh_derived(${[tool.id]}::bigint[])`.execute(t.database.handle.db)
      return tool.slug
    }
    before(async () => {
      t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
    })
    after(() => t.close())
    const similar = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/similar-tools?name=probe&url=${encodeURIComponent(url)}` })
      assert.equal(res.statusCode, 200, res.body.slice(0, 300))
      return (res.json() as { items: { slug: string | null; reasons: string[] }[] }).items
    }

    test('the long address is answered, and still finds a tool whose site it is a page of, or that has it exactly', async () => {
      const shallow = await site('http://a.b/x/x')
      const exact = await site(LONG)
      const found = await similar(LONG)
      for (const slug of [shallow, exact]) {
        const item = found.find((i) => i.slug === slug)
        assert.ok(item, `${slug} found`)
        assert.ok(item.reasons.includes('same_website'), `${slug}: ${item.reasons.join(', ')}`)
      }
      assert.ok((await similar('http://a.b/x/x/deeper/page.html')).some((i) => i.slug === shallow), 'an ordinary page of the site')
    })
  })
})
