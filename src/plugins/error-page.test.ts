import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../test/helper.ts'
import { text } from '../../test/http.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

test('a page that does not exist says so in the visitor’s language and offers the catalogue’s search', async () => {
  const nl = await t.app.inject({ url: '/geen-pagina' })
  assert.equal(nl.statusCode, 404)
  assert.match(nl.body, /<h1[^>]*>Pagina niet gevonden<\/h1>/)
  assert.match(nl.body, /<form method="get" action="\/tools"[^>]*role="search"/)
  const en = await t.app.inject({ url: '/en/no-such-page' })
  assert.match(en.body, /<h1[^>]*>Page not found<\/h1>/)
  assert.match(text(en.body), /Search the catalogue for a tool/)
  // Other errors keep their own heading.
  const unauthorised = await t.app.inject({ url: '/account' })
  assert.match(unauthorised.body, /<h1[^>]*>Er ging iets mis<\/h1>/)
})
