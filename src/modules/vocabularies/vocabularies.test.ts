import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { text } from '../../../test/http.ts'
import { parseJsonLd, parseTurtle, validate } from '../../../test/shacl.ts'
import { SCHEMES } from './vocabularies.model.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const SKOS = 'http://www.w3.org/2004/02/skos/core#'
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
/** How many concepts each scheme has in the reference data and the code (tools.constants). */
const EXPECTED: Record<(typeof SCHEMES)[number], number> = { forms: 9, categories: 2, processes: 4, statuses: 8, principles: 4, themes: 7, preconditions: 3, sdg11: 10, mims: 10, roles: 6 }

describe('vocabularies', () => {
  test('the index lists every scheme, in Dutch and English', async () => {
    const nl = await t.app.inject({ url: '/vocabularies' })
    assert.equal(nl.statusCode, 200)
    assert.match(text(nl.body), /Begrippenkaders/)
    assert.match(text(nl.body), /Living-in\.EU MIM's ?: .*\(10 begrippen\)/)
    const en = text((await t.app.inject({ url: '/en/vocabularies' })).body)
    for (const title of ['Forms of tools', 'Kinds of tools', 'Processes', 'Lifecycle', 'Design principles', 'Ethical themes (Rathenau)', 'Preconditions', 'SDG 11 targets', 'Living-in.EU MIMs', 'Roles of organisations']) assert.ok(en.includes(title), title)
  })

  for (const scheme of SCHEMES) {
    test(`${scheme}: a page with every concept, and Turtle and JSON-LD (suffix and Accept) that parse to the same SKOS`, async () => {
      const page = await t.app.inject({ url: `/en/vocabularies/${scheme}` })
      assert.equal(page.statusCode, 200)
      assert.match(String(page.headers.vary), /\bAccept\b/)
      const ttl = await t.app.inject({ url: `/vocabularies/${scheme}.ttl` })
      assert.equal(ttl.headers['content-type'], 'text/turtle; charset=utf-8')
      const byAccept = await t.app.inject({ url: `/vocabularies/${scheme}`, headers: { accept: 'text/turtle' } })
      assert.equal(byAccept.body, ttl.body)
      const jsonld = await t.app.inject({ url: `/vocabularies/${scheme}`, headers: { accept: 'application/ld+json' } })
      assert.equal(jsonld.headers['content-type'], 'application/ld+json; charset=utf-8')
      assert.equal(jsonld.body, (await t.app.inject({ url: `/vocabularies/${scheme}.jsonld` })).body)

      const quads = parseTurtle(ttl.body)
      const concepts = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SKOS}Concept`).map((q) => q.subject.value)
      assert.equal(concepts.length, EXPECTED[scheme])
      assert.equal((await parseJsonLd(jsonld.body)).length, quads.length)
      for (const concept of concepts) {
        assert.ok(concept.startsWith(`http://toolbox.test/vocabularies/${scheme}/`), concept)
        const labels = quads.filter((q) => q.subject.value === concept && q.predicate.value === `${SKOS}prefLabel`).map((q) => q.object.termType === 'Literal' && q.object.language)
        assert.deepEqual(labels.sort(), ['en', 'nl'], concept)
        assert.ok(quads.some((q) => q.subject.value === concept && q.predicate.value === `${SKOS}inScheme` && q.object.value === `http://toolbox.test/vocabularies/${scheme}`))
        // Every concept's row on the page carries its code as anchor.
        const code = decodeURIComponent(concept.slice(concept.lastIndexOf('/') + 1))
        assert.ok(page.body.includes(`id="${code}"`), code)
      }
      // The SKOS passes the DCAT-AP shapes for concepts and schemes (prefLabel, title).
      assert.deepEqual((await validate(quads)).filter((r) => r.severity === 'Violation'), [])
    })
  }

  test('the MIMs with their status; a concept address resolves to its row, or to RDF for an RDF client', async () => {
    const page = text((await t.app.inject({ url: '/en/vocabularies/mims' })).body)
    assert.match(page, /MIM1 Context Code MIM1 Name \(Dutch\) MIM1 Context .*? Note Adopted Address/)
    assert.match(page, /MIM10 Resources Code MIM10 Name \(Dutch\) MIM10 Hulpbronnen .*? Note Work item Address/)
    const concept = await t.app.inject({ url: '/vocabularies/mims/mim7' })
    assert.equal(concept.statusCode, 303)
    assert.equal(concept.headers.location, '/vocabularies/mims#mim7')
    const en = await t.app.inject({ url: '/en/vocabularies/sdg11/11.a' })
    assert.equal(en.headers.location, '/en/vocabularies/sdg11#11.a')
    const rdf = await t.app.inject({ url: '/vocabularies/forms/standard', headers: { accept: 'application/ld+json' } })
    assert.equal(rdf.headers.location, '/vocabularies/forms.jsonld')
    assert.equal((await t.app.inject({ url: '/vocabularies/mims/mim11' })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/vocabularies/colours' })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/vocabularies/colours.ttl' })).statusCode, 404)
  })

  test('all schemes at once, and the forms with their binding force', async () => {
    const all = parseTurtle((await t.app.inject({ url: '/vocabularies.ttl' })).body)
    const schemes = all.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SKOS}ConceptScheme`)
    assert.equal(schemes.length, SCHEMES.length)
    const note = all.find((q) => q.subject.value === 'http://toolbox.test/vocabularies/forms/legislation' && q.predicate.value === `${SKOS}scopeNote` && q.object.termType === 'Literal' && q.object.language === 'en')
    assert.match(note?.object.value ?? '', /^Legally binding: /)
  })
})
