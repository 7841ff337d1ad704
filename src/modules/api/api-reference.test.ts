import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { isMessageKey, label } from '../../i18n/i18n.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { PROBLEM_TYPES } from './problem-types.ts'

// The readable API reference at /api: generated from the served OpenAPI document, and where problem types lead.

const SRC = join(import.meta.dirname, '..', '..')

/** Every source file under src/ but tests. */
function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('the API reference', () => {
  let t: TestApp
  let doc: { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } }
  before(async () => {
    t = await buildTestApp()
    doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json()
  })
  after(() => t.close())

  test('/api and /en/api list every operation, schema and problem type of the document, as HTML without script', async () => {
    for (const [path, lang] of [['/api', 'nl'], ['/en/api', 'en']] as const) {
      const res = await t.app.inject({ url: path })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/html/)
      assert.equal(res.headers['api-version'], undefined, 'a page, not an API answer')
      assert.equal(res.headers['content-language'], undefined)
      const body = res.body
      assert.ok(body.includes(`<html lang="${lang}">`))
      assert.ok(!/<script(?! type="application\/ld\+json")/.test(body), 'no script')
      assert.ok(body.includes(`<link rel="canonical" href="http://toolbox.test${path}">`))
      for (const [apiPath, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          assert.ok(body.includes(`id="operation-${operation.operationId}"><code>${method.toUpperCase()} /api/v1${apiPath}</code>`), `${method} ${apiPath}`)
        }
      }
      for (const name of Object.keys(doc.components.schemas)) assert.ok(body.includes(`id="schema-${name}"`), name)
      for (const { id, status } of PROBLEM_TYPES) {
        assert.ok(body.includes(`id="problem-${id}"><code>${id}</code> · ${status}</h3>`), id)
        assert.ok(body.includes(label(lang, 'apiReference.problem', id)), `${id}: its title`)
      }
      // Links to schemas lead somewhere on the page.
      for (const [, anchor] of body.matchAll(/href="#([^"]+)"/g)) assert.ok(body.includes(`id="${anchor}"`), `#${anchor}`)
    }
  })

  test('every problem id the code can answer with has a type, a title and a meaning in both languages', () => {
    const thrown = new Set<string>(['bad-request', 'unavailable', 'internal-error'])
    for (const file of sources()) for (const [, id] of readFileSync(file, 'utf8').matchAll(/super\('([a-z-]+)', \d{3}/g)) thrown.add(id!)
    assert.ok(thrown.size > 15)
    const listed = new Set<string>(PROBLEM_TYPES.map((p) => p.id))
    assert.deepEqual([...thrown].filter((id) => !listed.has(id)), [], 'ids not in PROBLEM_TYPES')
    assert.deepEqual([...listed].filter((id) => !thrown.has(id)), [], 'ids in PROBLEM_TYPES that nothing answers with')
    for (const id of listed) for (const key of [`apiReference.problem.${id}`, `apiReference.meaning.${id}`]) assert.ok(isMessageKey(key), key)
  })

  test('the type URI of a problem the API answers with resolves to its section of the reference', async () => {
    for (const [url, lang] of [['/api/v1/tools/no-such-tool', 'en'], ['/api/v1/tools?form=spreadsheet', 'nl']] as const) {
      const problem = (await t.app.inject({ url, headers: { 'accept-language': lang } })).json()
      assert.ok(problem.type.startsWith('http://toolbox.test/api/v1/problems/'))
      const redirect = await t.app.inject({ url: problem.type.slice('http://toolbox.test'.length), headers: { 'accept-language': lang } })
      assert.equal(redirect.statusCode, 303)
      const [page, anchor] = String(redirect.headers.location).split('#')
      assert.equal(page, lang === 'en' ? '/en/api' : '/api')
      assert.equal(anchor, `problem-${problem.code}`)
      assert.ok((await t.app.inject({ url: page! })).body.includes(`id="${anchor}"`))
    }
    // The duplicates problem of a submission, written by its own route.
    assert.equal((await t.app.inject({ url: '/api/v1/problems/possible-duplicates' })).statusCode, 303)
  })
})
