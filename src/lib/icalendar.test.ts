import assert from 'node:assert/strict'
import { test } from 'node:test'
import { calendar, escapeText, foldLine, utcDateTime } from './icalendar.ts'

test('TEXT values are escaped: backslash, semicolon, comma and line breaks', () => {
  assert.equal(escapeText('a\\b; c, d\ne\r\nf'), 'a\\\\b\\; c\\, d\\ne\\nf')
})

test('lines fold at 75 octets and never split a multi-byte character', () => {
  const line = `SUMMARY:${'é'.repeat(80)}`
  const folded = foldLine(line)
  for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part, 'utf8') <= 75)
  assert.equal(folded.split('\r\n').map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line, 'unfolding gives the line back')
  assert.equal(foldLine('SHORT:x'), 'SHORT:x')
})

test('a calendar: UTC times, CRLF, one VEVENT per event', () => {
  const text = calendar({ name: 'Bijeenkomsten', events: [{ uid: 'g-1@example.org', stamp: new Date('2026-12-01T10:00:00Z'), start: new Date('2026-12-10T12:30:00.000Z'), end: new Date('2026-12-10T15:00:00Z'), summary: 'Overleg' }] })
  assert.equal(utcDateTime(new Date('2026-12-10T12:30:00.000Z')), '20261210T123000Z')
  assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/)
  assert.match(text, /\r\nDTSTART:20261210T123000Z\r\nDTEND:20261210T150000Z\r\n/)
  assert.ok(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'))
})
