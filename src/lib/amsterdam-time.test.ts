import assert from 'node:assert/strict'
import { test } from 'node:test'
import { amsterdamParts, amsterdamToUtc, normaliseTime } from './amsterdam-time.ts'

test('Dutch wall-clock time to a moment and back, in winter and summer time', () => {
  assert.equal(amsterdamToUtc('2026-12-02', '14:00').toISOString(), '2026-12-02T13:00:00.000Z')
  assert.equal(amsterdamToUtc('2026-06-15', '09:30').toISOString(), '2026-06-15T07:30:00.000Z')
  assert.deepEqual(amsterdamParts(new Date('2026-06-15T07:30:00Z')), { date: '2026-06-15', time: '09:30' })
  // The autumn hour that happens twice: the first (summer time) is taken.
  assert.equal(amsterdamToUtc('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z')
  // A spring time that never happens still gives a moment.
  assert.ok(amsterdamToUtc('2026-03-29', '02:30') instanceof Date)
})

test('times of day as people type them', () => {
  assert.equal(normaliseTime('9:30'), '09:30')
  assert.equal(normaliseTime('13.05'), '13:05')
  assert.equal(normaliseTime('24:00'), undefined)
  assert.equal(normaliseTime('noon'), undefined)
})
