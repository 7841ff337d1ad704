import assert from 'node:assert/strict'
import { test } from 'node:test'
import { tokenize } from './tools.service.ts'
import { cleanText } from '../../lib/text.ts'

test('tokenize: lower-case, accent-free words, deduplicated and capped', () => {
  assert.deepEqual(tokenize('Crowd-Safety Manager'), ['crowd', 'safety', 'manager'])
  assert.deepEqual(tokenize('Fryslân café ÉÉN'), ['fryslan', 'cafe', 'een'])
  assert.deepEqual(tokenize("a:* | b & !c ' OR 1=1 --"), ['or'])
  assert.deepEqual(tokenize('data data DATA'), ['data'])
  assert.equal(tokenize('w1 w2 w3 w4 w5 w6 w7 w8 w9 w10').length, 8)
  assert.deepEqual(tokenize('😀 🚀'), [])
})

test('cleanText: control and invisible characters become spaces, Unicode is normalised', () => {
  assert.equal(cleanText('  a\u0000b\u200bc\u202e  '), 'a b c')
  assert.equal(cleanText('ｆｕｌｌ'), 'full')
  assert.equal(cleanText('e\u0301'), 'é')
})
