import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { Ajv } from 'ajv'
import formats from 'ajv-formats'
import { parse as parseCsv } from 'csv-parse/sync'
import { parse as parseYaml } from 'yaml'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, unique } from '../../../test/factories.ts'
import { CSV_COLUMNS } from './tool-record.ts'

const SCHEMA = join(import.meta.dirname, '..', '..', '..', 'validators', 'publiccode', 'publiccode.schema.json')

describe('open data: tables and publiccode.yml', () => {
  let t: TestApp
  const db = () => t.database.handle.db
  before(async () => {
    t = await buildTestApp()
  })
  after(async () => t.close())

  const rowsOf = (body: string) => parseCsv(body, { columns: true, bom: true }) as Record<string, string>[]

  test('/data/tools.csv: UTF-8 with a byte-order mark, the documented columns, one row per tool, Dutch and English labels', async () => {
    const [res, api] = await Promise.all([t.app.inject({ url: '/data/tools.csv' }), t.app.inject({ url: '/api/v1/tools' })])
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.ok(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with the UTF-8 byte-order mark')
    const header = res.body.replace(/^\ufeff/, '').split('\r\n')[0]!.split(',')
    assert.deepEqual(header, [...CSV_COLUMNS])
    const rows = rowsOf(res.body)
    assert.equal(rows.length, api.json().total, 'one row per tool in the catalogue')
    const pdok = rows.find((r) => r.slug === 'pdok')!
    assert.equal(pdok.form, 'software')
    assert.equal(pdok.form_label_nl, 'Software')
    assert.equal(pdok.status_label_nl, 'Beschikbaar')
    assert.equal(pdok.status_label_en, 'Available')
    assert.match(pdok.description_nl!, /geodata/)
    assert.match(pdok.description_en!, /geodata/)
    assert.equal(pdok.page_en, 'http://toolbox.test/en/tools/pdok')
  })

  test('a cell a spreadsheet would run as a formula is neutralised; lists are joined by ";"', async () => {
    const name = `=HYPERLINK("http://evil.example";"${unique('x')}")`
    const tool = await createTool(db(), { name_nl: name, processes: ['design', 'govern'], themes: ['privacy', 'autonomy'], municipalities: [{ cbsCode: 'GM0344', role: 'owner' }] })
    const rows = rowsOf((await t.app.inject({ url: '/data/tools.csv' })).body)
    const row = rows.find((r) => r.slug === tool.slug)!
    assert.equal(row.name_nl, `'${name}`)
    assert.equal(row.processes, 'design; govern')
    assert.equal(row.themes, 'autonomy; privacy')
    assert.equal(row.owners, 'Utrecht (GM0344)')
  })

  test('/data/tools.json: every tool with the data licence', async () => {
    const [res, api] = await Promise.all([t.app.inject({ url: '/data/tools.json' }), t.app.inject({ url: '/api/v1/tools' })])
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.equal(body.licence, 'CC0-1.0')
    assert.equal(body.tools.length, api.json().total)
    const pdok = body.tools.find((x: { slug: string }) => x.slug === 'pdok')
    assert.equal(pdok.form, 'software')
    assert.ok(Array.isArray(pdok.links))
  })

  test('/api/v1/tools with Accept: text/csv: every match of the same filters, not one page', async () => {
    const json = (await t.app.inject({ url: '/api/v1/tools?form=software&pageSize=1' })).json()
    const res = await t.app.inject({ url: '/api/v1/tools?form=software&pageSize=1', headers: { accept: 'text/csv' } })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/csv/)
    assert.match(String(res.headers.vary), /\bAccept\b/)
    const rows = rowsOf(res.body)
    assert.equal(rows.length, json.total)
    assert.ok(json.total > 1)
    assert.ok(rows.every((r) => r.form === 'software'))
    // Still JSON by default and for a client that prefers it.
    const preferJson = await t.app.inject({ url: '/api/v1/tools?form=software', headers: { accept: 'application/json, text/csv;q=0.5' } })
    assert.match(String(preferJson.headers['content-type']), /^application\/json/)
  })

  test('publiccode.yml of every software tool is valid against the publiccode.yml schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false })
    formats.default(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')))
    const software = (await t.app.inject({ url: '/api/v1/tools?form=software&pageSize=100' })).json().items as { slug: string }[]
    assert.ok(software.length >= 5)
    for (const { slug } of software) {
      const res = await t.app.inject({ url: `/tools/${slug}/publiccode.yml` })
      assert.equal(res.statusCode, 200, slug)
      assert.match(String(res.headers['content-type']), /^text\/yaml/)
      const document: { publiccodeYmlVersion?: unknown } = parseYaml(res.body)
      assert.ok(validate(document), `${slug}: ${JSON.stringify(validate.errors)}`)
      assert.equal(document.publiccodeYmlVersion, '0.4')
    }
  })

  test('a long description makes a short one within 150 characters and a long one; lifecycle and users carry over', async () => {
    const long = 'Een werkwijze om sensoren in de openbare ruimte te registreren, zodat inwoners kunnen zien wat er wordt gemeten, door wie en waarom, en de gemeente er verantwoording over aflegt.'
    const tool = await createTool(db(), { form: 'software', status: 'testing', description_nl: long, municipalities: [{ cbsCode: 'GM0363', role: 'adopter' }] })
    const document = parseYaml((await t.app.inject({ url: `/tools/${tool.slug}/publiccode.yml` })).body)
    assert.ok(document.description.nl.shortDescription.length <= 150)
    assert.match(document.description.nl.shortDescription, /…$/)
    assert.equal(document.description.nl.longDescription, long)
    assert.equal(document.developmentStatus, 'beta')
    assert.deepEqual(document.usedBy, ['Amsterdam'])
  })

  test('publiccode.yml of a tool that is not software, or of no tool, is a 404 that says why', async () => {
    const method = await t.app.inject({ url: '/tools/afwegingskader-sensordata-en-privacy/publiccode.yml' })
    assert.equal(method.statusCode, 404)
    assert.match(method.body, /Alleen softwaretools hebben een publiccode\.yml/)
    const none = await t.app.inject({ url: '/en/tools/no-such-tool/publiccode.yml' })
    assert.equal(none.statusCode, 404)
  })

  test('/data and /en/data list the downloads with their formats and licence', async () => {
    for (const [url, words] of [['/data', /Alle tools als tabel[\s\S]*CC0/], ['/en/data', /All tools as a table[\s\S]*CC0/]] as const) {
      const res = await t.app.inject({ url })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, words)
      for (const href of ['/data/tools.csv', '/data/tools.json', '/data/catalogue.ttl', '/data/catalogue.jsonld', '/api/v1/tools']) assert.ok(res.body.includes(`href="${href}"`), `${url} links ${href}`)
      assert.match(res.body, /href="\/tools\/[a-z0-9-]+\/publiccode\.yml"/)
    }
  })
})
