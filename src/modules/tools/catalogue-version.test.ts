import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'
import { Browser } from '../../../test/http.ts'

// The catalogue version is reused for CATALOGUE_VERSION_TTL_MS: changes through this instance are seen at once,
// changes by another instance (here: a direct database write) once the time is up.
let t: TestApp
before(async () => {
  t = await buildTestApp({ CATALOGUE_VERSION_TTL_MS: 60_000 })
})
after(() => t.close())

const found = async (name: string) => {
  const res = await t.app.inject({ url: `/api/v1/tools?q=${encodeURIComponent(name)}` })
  return (JSON.parse(res.body).items as { name: string }[]).some((i) => i.name === name)
}

test('a change by another instance waits for the version time; one through this instance is seen at once', async () => {
  const name = `Versietool ${unique('v')}`
  assert.equal(await found(name), false)
  // Another instance writes: this one keeps its version (and its cached results) for now.
  await createTool(t.database.handle.db, { name_nl: name, name_en: null })
  assert.equal(await found(name), false, 'within the version time the cached result stands')
  assert.equal((await new Browser(t.app).get('/tools')).statusCode, 200)

  // Any change through this instance (here a form post, even a refused one) makes it read the version again.
  const browser = new Browser(t.app)
  await browser.get('/tools/share')
  assert.equal((await browser.post('/tools/share', { name: '' })).statusCode, 400)
  assert.equal(await found(name), true)
})
