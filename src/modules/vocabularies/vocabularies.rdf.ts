// The concept schemes as SKOS triples: each scheme with its title and description, each concept with its labels,
// definition and notes. The catalogue export adds the same triples, so that it stands on its own.
import { DataFactory } from 'n3'
import { Graph, node } from '../../lib/rdf.ts'
import { conceptUri, schemeUri, type ConceptScheme } from './vocabularies.model.ts'

/** Adds one scheme and its concepts to the graph. MIMs are also dct:Standard: a tool can conform to one. */
export function addScheme(graph: Graph, publicUrl: string, scheme: ConceptScheme): Graph {
  const s = node(schemeUri(publicUrl, scheme.slug))
  graph.type(s, 'skos:ConceptScheme').texts(s, 'dct:title', scheme.title).texts(s, 'skos:prefLabel', scheme.title).texts(s, 'dct:description', scheme.description)
  for (const concept of scheme.concepts) {
    const c = node(conceptUri(publicUrl, scheme.slug, concept.code))
    graph.type(c, 'skos:Concept')
    if (scheme.slug === 'mims') graph.type(c, 'dct:Standard')
    if (scheme.slug === 'roles') graph.type(c, 'dcat:Role')
    graph.add(c, 'skos:inScheme', s).add(c, 'skos:topConceptOf', s).add(s, 'skos:hasTopConcept', c)
    graph.texts(c, 'skos:prefLabel', concept.prefLabel)
    if (concept.definition) graph.texts(c, 'skos:definition', concept.definition)
    if (concept.scopeNote) graph.texts(c, 'skos:scopeNote', concept.scopeNote)
    graph.add(c, 'skos:notation', DataFactory.literal(concept.notation ?? concept.code))
    if (concept.seeAlso) graph.add(c, 'rdfs:seeAlso', node(concept.seeAlso))
  }
  return graph
}

/** A graph of one scheme, or of all of them (the index). */
export function schemesGraph(publicUrl: string, schemes: ConceptScheme[]): Graph {
  const graph = new Graph()
  for (const scheme of schemes) addScheme(graph, publicUrl, scheme)
  return graph
}
