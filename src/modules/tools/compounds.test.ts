import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bestSplit, compoundSplits, splitVocabulary } from './compounds.ts'

test('a compound is cut into a known head and a known tail, with a linking s and the verb of a noun in -ing', () => {
  const known = new Set(['data', 'delen', 'gegevens', 'bescherming', 'lucht', 'kwaliteit', 'luchtkwaliteit', 'monitor', 'dat'])
  assert.deepEqual(bestSplit('datadeling', known), { head: 'data', tail: ['delen'] })
  assert.deepEqual(bestSplit('gegevensbescherming', known), { head: 'gegevens', tail: ['bescherming'] })
  // The most even cut wins: luchtkwaliteit|s|monitor over lucht|kwaliteitsmonitor (which is not known anyway).
  assert.deepEqual(bestSplit('luchtkwaliteitsmonitor', known), { head: 'luchtkwaliteit', tail: ['monitor'] })
  assert.equal(bestSplit('datadeel', known), undefined, 'deel is not known')
  assert.equal(bestSplit('omgevingswt', known), undefined)
})

test('short words, digits and parts under three letters are never split', () => {
  assert.deepEqual(compoundSplits('dataai'), [{ head: 'dat', tail: { words: ['aai'] } }])
  assert.deepEqual(compoundSplits('ab12cdef'), [])
  assert.deepEqual(compoundSplits('abcde'), [])
  assert.ok(splitVocabulary(['datadeling']).includes('delen'))
  assert.ok(splitVocabulary(['datadeling']).every((w) => w.length >= 3))
})
