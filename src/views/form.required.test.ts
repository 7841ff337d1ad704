import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../test/helper.ts'
import { renderFields } from './form.ts'

// Required fields are marked beside their label ("(verplicht)" / "(required)") on every form, and the control
// says it to screen readers (the attribute `required`; a group of check boxes in its legend's words).

describe('required fields', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  test('every required control on the public forms has the mark in its label', async () => {
    for (const [url, mark, least] of [
      ['/login', '(verplicht)', 2],
      ['/en/login', '(required)', 2],
      ['/password/forgot', '(verplicht)', 1],
      ['/tools/share', '(verplicht)', 3],
      ['/en/tools/share', '(required)', 3],
    ] as const) {
      const page = (await t.app.inject({ url })).body
      const required = [...page.matchAll(/<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"[^>]*\brequired\b[^>]*>/g)].map((m) => m[1]!)
      assert.ok(required.length >= least, `${url}: ${required.length} required controls`)
      for (const id of required) {
        const label = new RegExp(`<label[^>]*for="${id}"[^>]*>([\\s\\S]*?)</label>( <span class="citydeal-required" aria-hidden="true">[^<]*</span>)?`).exec(page)
        assert.ok(label?.[2]?.includes(`>${mark}<`), `${url} #${id}: ${label?.[0]}`)
        assert.ok(!(label?.[1] ?? '').includes('citydeal-required'), `${url} #${id}: the field's name stays its label`)
      }
      const optional = [...page.matchAll(/<(?:input|textarea)\b[^>]*\bid="([^"]+)"[^>]*>/g)].map((m) => m[1]!).filter((id) => !required.includes(id))
      for (const id of optional) {
        const label = new RegExp(`<label[^>]*for="${id}"[^>]*>([\\s\\S]*?)</label>`).exec(page)?.[1] ?? ''
        assert.ok(!label.includes('citydeal-required'), `${url} #${id} is not required and not marked`)
      }
    }
  })

  test('a select box and a group of check boxes: required on the select, the words in the legend', () => {
    const fields = String(
      renderFields({
        id: 'f',
        locale: 'nl',
        fields: [
          { name: 'kind', type: 'select', required: true, label: 'Soort', options: [{ value: 'a', label: 'A' }] },
          { name: 'themes', type: 'checkboxes', required: true, label: 'Thema’s', options: [{ value: 'x', label: 'X' }] },
          { name: 'note', type: 'text', label: 'Opmerking' },
        ],
      }),
    )
    assert.match(fields, /<label class="utrecht-form-label" for="f-kind">Soort<\/label> <span class="citydeal-required" aria-hidden="true">\(verplicht\)<\/span>/)
    assert.match(fields, /<select [^>]*id="f-kind"[^>]* required>/)
    assert.match(fields, /<legend [^>]*>Thema’s <span class="citydeal-required">\(verplicht\)<\/span><\/legend>/)
    assert.match(fields, /for="f-note">Opmerking<\/label>/)
  })
})
