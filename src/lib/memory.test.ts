import assert from 'node:assert/strict'
import { test } from 'node:test'
import { releaseFreedMemory } from './memory.ts'

const rssMb = () => process.memoryUsage().rss / 2 ** 20
const major = Number(process.versions.node.split('.')[0])

test('releaseFreedMemory hands the pages of dropped garbage back to the system', { skip: major < 22 ? `Node ${process.versions.node}: its V8 keeps freed pages on a last-resort collection (the app runs on Node 24, decision 0017)` : false }, async () => {
  releaseFreedMemory()
  const before = rssMb()
  // Some hundreds of MB of small strings in lists, long-lived enough to reach the old generation, as a catalogue read does.
  let junk: string[][] = []
  for (let i = 0; i < 20; i++) junk.push(Array.from({ length: 100_000 }, (_, j) => `tool ${i} lexeme ${j} `.repeat(2)))
  await new Promise((resolve) => setTimeout(resolve, 50))
  const full = rssMb()
  assert.ok(full - before > 150, `the garbage took ${Math.round(full - before)} MB`)
  junk = []
  const ms = releaseFreedMemory()
  const after = rssMb()
  assert.equal(junk.length, 0)
  assert.ok(after - before < 0.15 * (full - before), `RSS before ${Math.round(before)} MB, with the garbage ${Math.round(full)}, after the release ${Math.round(after)} (${Math.round(ms)} ms)`)
})
