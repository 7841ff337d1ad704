import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { buildTestApp, type TestApp } from '../../test/helper.ts'
import { chooseEncoding } from './compression.ts'

// Pages, API answers and assets leave compressed when the client accepts it, and decompress to exactly what an
// uncompressing client gets; a browser asking for /favicon.ico gets the icon.

describe('compression', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  const get = (url: string, encoding?: string) => t.app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} })

  test('the preferred accepted encoding: Brotli, then gzip, never one refused with q=0', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br')
    assert.equal(chooseEncoding('gzip;q=1.0, br;q=0'), 'gzip')
    assert.equal(chooseEncoding('identity'), undefined)
    assert.equal(chooseEncoding('*'), 'br')
    assert.equal(chooseEncoding(undefined), undefined)
  })

  test('an answer over 256 KB (compressed on the thread pool, not at once) is smaller and the same once decompressed', async () => {
    const url = '/data/catalogue.jsonld'
    const plain = await get(url)
    assert.ok(plain.rawPayload.length > 256 * 1024, `${url} is ${plain.rawPayload.length} bytes: pick a larger answer for this test`)
    for (const [encoding, decompress] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const res = await get(url, encoding)
      assert.equal(res.headers['content-encoding'], encoding)
      assert.ok(res.rawPayload.length < plain.rawPayload.length / 3)
      assert.equal(decompress(res.rawPayload).toString('utf8'), plain.body)
    }
  })

  test('a catalogue page, a tool page, an API answer and the stylesheets: smaller, and the same once decompressed', async () => {
    const stylesheet = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec((await get('/')).body)?.[1] ?? '/assets/missing.css'
    for (const url of ['/tools', '/en/tools/pdok', '/api/v1/tools?pageSize=50', stylesheet]) {
      const plain = await get(url)
      assert.equal(plain.statusCode, 200, url)
      assert.equal(plain.headers['content-encoding'], undefined, url)
      for (const [encoding, decompress] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
        const res = await get(url, encoding)
        assert.equal(res.headers['content-encoding'], encoding, url)
        assert.match(String(res.headers.vary), /Accept-Encoding/i, url)
        assert.ok(res.rawPayload.length < plain.rawPayload.length / 3, `${url} ${encoding}: ${res.rawPayload.length} of ${plain.rawPayload.length} bytes`)
        assert.equal(decompress(res.rawPayload).toString('utf8'), plain.body, `${url} ${encoding}`)
      }
    }
  })

  test('small answers and HEAD requests are left as they are', async () => {
    const health = await get('/health', 'br')
    assert.equal(health.headers['content-encoding'], undefined)
    const head = await t.app.inject({ method: 'HEAD', url: '/tools', headers: { 'accept-encoding': 'br' } })
    assert.equal(head.headers['content-encoding'], undefined)
  })

  test('/favicon.ico and the icon the pages link to', async () => {
    const icon = await get('/favicon.ico')
    assert.equal(icon.statusCode, 200)
    assert.match(String(icon.headers['content-type']), /^image\/svg\+xml/)
    assert.match(icon.body, /^<svg /)
    const linked = /<link rel="icon" href="(\/assets\/favicon\.[0-9a-f]+\.svg)" type="image\/svg\+xml">/.exec((await get('/')).body)?.[1]
    assert.ok(linked, 'the page links the icon under its hashed name')
    assert.equal((await get(linked)).body, icon.body)
  })
})
