import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool } from '../../../test/factories.ts'

// Searching for a tool's exact name (or one of its other names) puts that tool first, ahead of tools whose text
// mentions the words more often.

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

test('a tool called exactly what was searched for ranks first, by name or alias, case and accents aside', async () => {
  const db = t.database.handle.db
  await createTool(db, { name_nl: 'Buurtmeter Plus', description_nl: 'Meer dan de buurtmeter: buurtmeter, buurtmeter en buurtmeter.' })
  const exact = await createTool(db, { name_nl: 'Buurtmeter', description_nl: 'Meet de buurt.' })
  const slugs = async (q: string) => ((await t.app.inject({ url: `/api/v1/tools?${new URLSearchParams({ q })}` })).json().items as { slug: string }[]).map((i) => i.slug)
  assert.equal((await slugs('buurtmeter'))[0], exact.slug)
  assert.equal((await slugs('BUURTMÉTER'))[0], exact.slug)
  const aliased = await createTool(db, { name_nl: 'Wijkweger', aliases: ['Buurtweger'], description_nl: 'Weegt de wijk.' })
  await createTool(db, { name_nl: 'Buurtweger-extra', description_nl: 'De buurtweger, de buurtweger.' })
  assert.equal((await slugs('buurtweger'))[0], aliased.slug)
})

test('every part of a hyphenated name finds it, also a part the parser alone would read as a number (1e57a0bc)', async () => {
  const db = t.database.handle.db
  const total = async (q: string) => ((await t.app.inject({ url: `/api/v1/tools?${new URLSearchParams({ q })}` })).json() as { total: number }).total
  for (const part of ['1e57a0bc', '9e9e9e9e', '12ab34cd']) {
    await createTool(db, { name_nl: `Meetset lab-${part}`, description_nl: 'Meet het lab.' })
    for (const q of [`lab-${part}`, part, `Meetset lab-${part}`]) assert.equal(await total(q), 1, q)
  }
})
