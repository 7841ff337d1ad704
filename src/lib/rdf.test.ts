import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DataFactory, Parser } from 'n3'
import { Graph, negotiate, node, toJsonLd, toTurtle } from './rdf.ts'

const OFFERED = [
  { name: 'html', type: 'text/html' },
  { name: 'turtle', type: 'text/turtle' },
  { name: 'jsonld', type: 'application/ld+json' },
]

test('negotiate: exact types, q values, wildcards, the server order for ties, nothing acceptable', () => {
  assert.equal(negotiate(undefined, OFFERED), 'html')
  assert.equal(negotiate('', OFFERED), 'html')
  assert.equal(negotiate('text/turtle', OFFERED), 'turtle')
  assert.equal(negotiate('application/ld+json;q=0.9, text/turtle;q=0.5', OFFERED), 'jsonld')
  assert.equal(negotiate('text/*', OFFERED), 'html')
  assert.equal(negotiate('application/*', OFFERED), 'jsonld')
  assert.equal(negotiate('*/*', OFFERED.slice(1)), 'turtle')
  assert.equal(negotiate('text/turtle;q=0, */*;q=0.1', OFFERED.slice(1)), 'turtle')
  assert.equal(negotiate('image/png', OFFERED), undefined)
  assert.equal(negotiate('text/turtle;q=0', OFFERED.slice(1, 2)), undefined)
})

test('one graph, two serialisations with the same triples; a triple added twice is kept once', async () => {
  const g = new Graph()
  const s = node('http://example.org/a')
  g.type(s, 'dcat:Dataset').texts(s, 'dct:title', { nl: 'Naam', en: 'Name' }).text(s, 'dct:identifier', 'a "quoted" id')
  g.typed(s, 'dct:modified', '2026-12-02T10:00:00.000Z', 'xsd:dateTime').add(s, 'dcat:keyword', DataFactory.literal('x'))
  g.add(s, 'dcat:keyword', DataFactory.literal('x'))
  assert.equal(g.quads.length, 6)
  const fromTurtle = new Parser().parse(await toTurtle(g))
  const doc = JSON.parse(toJsonLd(g))
  assert.equal(doc['@context'].dcat, 'http://www.w3.org/ns/dcat#')
  assert.deepEqual(doc['@graph'][0]['@type'], ['dcat:Dataset'])
  assert.deepEqual(doc['@graph'][0]['dct:modified'], [{ '@value': '2026-12-02T10:00:00.000Z', '@type': 'xsd:dateTime' }])
  assert.equal(fromTurtle.length, 6)
  const title = fromTurtle.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/title').map((q) => `${q.object.value}@${q.object.termType === 'Literal' ? q.object.language : ''}`)
  assert.deepEqual(title.sort(), ['Naam@nl', 'Name@en'])
})
