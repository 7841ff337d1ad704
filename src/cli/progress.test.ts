import assert from 'node:assert/strict'
import { test } from 'node:test'
import { progress } from './progress.ts'

/** A stream that keeps what is written, a terminal or not. */
function capture(tty: boolean) {
  const chunks: string[] = []
  return { stream: { isTTY: tty, write: (text: string) => chunks.push(text) }, text: () => chunks.join('') }
}

test('on a terminal: a bar that redraws itself with rows per second and time left, ending on a new line', () => {
  const out = capture(true)
  const bar = progress('Writing', 10, out.stream)
  for (let done = 0; done <= 10; done++) bar.update(done)
  const text = out.text()
  assert.match(text, /^\rWriting \[-{30}\]   0% 0\/10 rows/)
  assert.match(text, /\rWriting \[#{30}\] 100% 10\/10 rows, \d+ rows\/s, took [\d.]+ s\x1b\[K\n$/)
  assert.ok(!text.slice(0, -1).includes('\n'), 'one line, redrawn')
})

test('not a terminal: plain lines, the last one at 100%', () => {
  const out = capture(false)
  const lines = progress('Checking', 3, out.stream)
  for (let done = 0; done <= 3; done++) lines.update(done)
  assert.match(out.text(), /^(?:Checking: 0% \(0\/3 rows[^\n]*\)\n)?Checking: 100% \(3\/3 rows, \d+ rows\/s, took [\d.]+ s\)\n$/)
  assert.ok(!out.text().includes('\r'))
})
