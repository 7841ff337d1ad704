import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { addAssessments, createTool } from '../../../test/factories.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { table } from './index.ts'

// A table scrolls sideways in its container on a phone; the container is a focusable region named by the caption,
// so keyboard users can scroll it and screen readers announce what it is (axe: scrollable-region-focusable).

describe('tables', () => {
  let t: TestApp
  let toolSlug: string
  before(async () => {
    t = await buildTestApp()
    const db = t.database.handle.db
    const tool = await createTool(db, { municipalities: [{ cbsCode: 'GM0363', role: 'test_municipality', testStatus: 'running' }] })
    await addAssessments(db, tool.id, [{ criterion: 'privacy', rating: 'meets', explanationNl: 'Ja.' }, { criterion: 'feasible', rating: 'partly' }])
    toolSlug = tool.slug
  })
  after(() => t.close())

  test('each table container on tool pages and /about is a focusable region labelled by its caption', async () => {
    for (const url of ['/about', '/en/about', `/tools/${toolSlug}`, `/en/tools/${toolSlug}`]) {
      const page = (await t.app.inject({ url })).body
      const containers = [...page.matchAll(/<div class="utrecht-table__container"([^>]*)>/g)].map((m) => m[1]!)
      assert.ok(containers.length >= (url.includes('about') ? 1 : 2), `${url} has ${containers.length} tables`)
      const ids = new Set<string>()
      for (const attrs of containers) {
        assert.match(attrs, /role="region"/, url)
        assert.match(attrs, /tabindex="0"/, url)
        const id = /aria-labelledby="([^"]+)"/.exec(attrs)?.[1]
        assert.ok(id, `${url}: ${attrs}`)
        assert.match(page, new RegExp(`<caption class="utrecht-table__caption" id="${id}">[^<]+`), `${url}: caption ${id}`)
        assert.ok(!ids.has(id), `${url}: ${id} once`)
        ids.add(id)
      }
    }
  })

  test('the same table gets the same id every time, another table another one', () => {
    const id = (caption: string) => /id="(table-[0-9a-f]+)"/.exec(String(table(caption, ['A'], [['1']])))?.[1]
    assert.equal(id('Criteria'), id('Criteria'))
    assert.notEqual(id('Criteria'), id('Forms'))
  })
})
