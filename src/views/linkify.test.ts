import assert from 'node:assert/strict'
import { test } from 'node:test'
import { linkify } from './linkify.ts'

const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]*)"/g)].map((m) => m[1])

test('http and https addresses become links; the sentence around them stays text', () => {
  const out = linkify('Open https://toolbox.test/en/account/activate/abc_DEF-123 within 7 days, or see http://example.org.').value
  assert.deepEqual(hrefs(out), ['https://toolbox.test/en/account/activate/abc_DEF-123', 'http://example.org'])
  assert.match(out, />https:\/\/toolbox\.test\/en\/account\/activate\/abc_DEF-123<\/a> within 7 days, or see <a /)
  assert.ok(out.endsWith('</a>.'), 'the full stop is not part of the address')
})

test('brackets: a closing one belongs to the address only when the address opened it', () => {
  assert.deepEqual(hrefs(linkify('(see https://example.org/a)').value), ['https://example.org/a'])
  assert.deepEqual(hrefs(linkify('https://en.wikipedia.org/wiki/Foo_(bar)').value), ['https://en.wikipedia.org/wiki/Foo_(bar)'])
})

test('everything is escaped, and only http(s) addresses become links', () => {
  const out = linkify('<script>alert(1)</script> javascript:alert(1) mailto:a@b.nl ftp://x.org https://x.org/?a=1&b="2"').value
  assert.ok(!out.includes('<script>'))
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
  assert.deepEqual(hrefs(out), ['https://x.org/?a=1&amp;b='])
  assert.match(out, /&quot;2&quot;$/)
  assert.equal(linkify('https:// nothing').value, 'https:// nothing')
  assert.equal(linkify('no links & no markup').value, 'no links &amp; no markup')
})
