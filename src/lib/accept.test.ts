import assert from 'node:assert/strict'
import { test } from 'node:test'
import { preferredType } from './accept.ts'

test('preferredType: q-values, wildcards, ties to the first offered, nothing acceptable', () => {
  const offered = ['application/json', 'text/csv']
  assert.equal(preferredType(undefined, offered), 'application/json')
  assert.equal(preferredType('text/csv', offered), 'text/csv')
  assert.equal(preferredType('text/csv, application/json;q=0.5', offered), 'text/csv')
  assert.equal(preferredType('application/json, text/csv', offered), 'application/json')
  assert.equal(preferredType('text/*', offered), 'text/csv')
  assert.equal(preferredType('*/*', offered), 'application/json')
  assert.equal(preferredType('text/csv;q=0, */*', offered), 'application/json')
  assert.equal(preferredType('image/png', offered), undefined)
  assert.equal(preferredType('text/csv;q=abc', offered), undefined)
})
