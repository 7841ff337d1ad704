import assert from 'node:assert/strict'
import { test } from 'node:test'
import { messages, type MessageKey } from './messages.ts'

// One form of address in Dutch: the formal "u" throughout (the sign-in pages, the public pages, e-mail alike).
// The City Deal's own name, "Een slimme stad, zo doe je dat", is a title and stays as it is.

const CITY_DEAL_NAME = /Een slimme stad, zo doe je dat/g
const INFORMAL = /(?<![\p{L}\p{N}])(je|jij|jou|jouw|jouwe|jullie|jezelf)(?![\p{L}\p{N}])/giu

test('no Dutch text addresses the reader as je, jij or jouw', () => {
  const informal = (Object.keys(messages) as MessageKey[])
    .map((key) => [key, [...messages[key].nl.replace(CITY_DEAL_NAME, '').matchAll(INFORMAL)].map((m) => m[0])] as const)
    .filter(([, words]) => words.length > 0)
    .map(([key, words]) => `${key}: ${words.join(', ')}`)
  assert.deepEqual(informal, [])
})

test('the formal address is there where the reader is spoken to', () => {
  assert.equal(messages['home.share.heading'].nl, 'Kent u een bestaande tool?')
  assert.equal(messages['field.contactEmail'].nl, 'Uw e-mailadres')
})
