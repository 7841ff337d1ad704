import assert from 'node:assert/strict'
import { test } from 'node:test'
import { translate, translator } from './i18n.ts'
import { LOCALES, MESSAGE_AREAS, messages, type MessageKey } from './messages.ts'

const keys = Object.keys(messages) as MessageKey[]
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

test('Dutch and English have the same placeholders for every key, and no text is empty', () => {
  assert.ok(keys.length > 500, 'the whole catalogue is there')
  const mismatched = keys.filter((key) => placeholders(messages[key].nl).join() !== placeholders(messages[key].en).join())
  assert.deepEqual(mismatched, [])
  const empty = keys.flatMap((key) => LOCALES.filter((locale) => messages[key][locale].trim() === '').map((locale) => `${key} (${locale})`))
  assert.deepEqual(empty, [])
})

test('every brace in a text is a {placeholder}, as the parameter types read them', () => {
  // The types take whatever sits between { and }; translate only fills {word}. They must agree.
  const stray = keys.flatMap((key) => LOCALES.filter((locale) => messages[key][locale].replace(/\{\w+\}/g, '').match(/[{}]/)).map((locale) => `${key} (${locale})`))
  assert.deepEqual(stray, [])
})

test('each key lives in exactly one area', () => {
  const seen = new Map<string, number>()
  for (const area of MESSAGE_AREAS) for (const key of Object.keys(area)) seen.set(key, (seen.get(key) ?? 0) + 1)
  assert.deepEqual([...seen].filter(([, count]) => count > 1).map(([key]) => key), [])
  assert.equal(seen.size, keys.length)
})

test('translate fills placeholders in the chosen language', () => {
  assert.equal(translate('nl', 'catalogue.pagination.current', { page: 2, pages: 5 }), 'Pagina 2 van 5')
  assert.equal(translate('en', 'catalogue.pagination.current', { page: 2, pages: 5 }), 'Page 2 of 5')
  const t = translator('en')
  assert.equal(t('home.toolCount', { count: 3 }), '3 tools')
  assert.equal(t('site.name'), 'City Deal Toolbox')
})

test('placeholders are typed: a missing, misspelt or extra one does not compile', () => {
  const t = translator('nl')
  // Each line below must fail the type check (npm run typecheck fails on an unused @ts-expect-error).
  // @ts-expect-error the count is missing
  assert.equal(t('home.toolCount'), '{count} tools')
  // @ts-expect-error misspelt placeholder
  assert.equal(t('home.toolCount', { cuont: 3 }), '{count} tools')
  // @ts-expect-error a message without placeholders takes no values
  assert.equal(t('site.name', { count: 3 }), 'City Deal Toolbox')
  // @ts-expect-error not a key
  assert.throws(() => t('site.nope'))

  // A key built from a typed code is checked without a cast: each code must have its message.
  const status = 'pending' as 'pending' | 'published'
  assert.equal(t(`submission.status.${status}`), translate('nl', 'submission.status.pending'))
  const unchecked = 'pending' as string
  // @ts-expect-error a plain string might name no message
  assert.equal(t(`submission.status.${unchecked}`), translate('nl', 'submission.status.pending'))
})
