import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { text } from '../../../test/http.ts'

// A long catalogue: the first and the last page stay in reach from any page, with an ellipsis for pages left out.

let t: TestApp
before(async () => {
  t = await buildTestApp()
  const db = t.database.handle.db
  const many = Array.from({ length: 140 }, (_, i) => ({ slug: `bladvulling-${i}`, name_nl: `Bladvulling ${i}`, name_en: null, description_nl: 'Vult bladzijden.', category: 'content', form: 'method', status: 'available', origin: 'existing' }))
  const ids = (await db.insertInto('tools').values(many).returning('id').execute()).map((r) => r.id)
  await sql`select tool_refresh_derived(${ids}::bigint[])`.execute(db)
})
after(() => t.close())

const pageNumbers = (body: string) => [...body.matchAll(/class="utrecht-pagination__page-link[^"]*"[^>]*>(\d+)<|citydeal-pagination__gap">…</g)].map((m) => m[1] ?? '…')

test('the first and last page are linked from any page, with an ellipsis where pages are left out', async () => {
  const middle = await t.app.inject({ url: '/tools?page=6' })
  const pages = Number(/Pagina 6 van (\d+)/.exec(text(middle.body))?.[1])
  assert.ok(pages >= 10, `enough pages: ${pages}`)
  assert.deepEqual(pageNumbers(middle.body), ['1', '…', '4', '5', '6', '7', '8', '…', String(pages)])
  assert.deepEqual(pageNumbers((await t.app.inject({ url: '/tools' })).body), ['1', '2', '3', '…', String(pages)])
  assert.deepEqual(pageNumbers((await t.app.inject({ url: `/en/tools?page=${pages}` })).body), ['1', '…', ...[4, 3, 2, 1, 0].map((d) => String(pages - d)).slice(2)])
  assert.match((await t.app.inject({ url: '/tools?page=6' })).body, /<li aria-hidden="true" class="citydeal-pagination__gap">…<\/li>/)
})
