import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { csvCell, toCsv } from './csv.ts'

test('CSV cells: quoted where needed, formulas neutralised, numbers kept', () => {
  assert.equal(csvCell('Utrecht'), 'Utrecht')
  assert.equal(csvCell(12), '12')
  assert.equal(csvCell(-3), '-3')
  assert.equal(csvCell('Eén eigenaar, partner'), '"Eén eigenaar, partner"')
  assert.equal(csvCell('zegt "ja"'), '"zegt ""ja"""')
  for (const formula of ['=1+1', '+31', '-2', '@SUM(A1)', '\tx', '\rx']) assert.equal(csvCell(formula).replace(/^"/, '').startsWith("'"), true, formula)
  assert.equal(csvCell('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`)
  const text = toCsv(['Naam', 'Aantal'], [['=cmd|x', 3], ['Regel\nnieuw', 0]])
  assert.ok(text.startsWith('\ufeffNaam,'), 'a byte-order mark first')
  assert.deepEqual(parse(text, { bom: true }), [['Naam', 'Aantal'], ["'=cmd|x", '3'], ['Regel\nnieuw', '0']])
})
