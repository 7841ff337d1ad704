// A small RDF graph builder with two serialisations (Turtle through n3's writer, JSON-LD written directly with an
// inline @context), so that the catalogue and the vocabularies build their triples once and say them both ways.
import { DataFactory, Writer, type Literal, type NamedNode, type Quad } from 'n3'

const { namedNode, literal, quad } = DataFactory

/** The prefixes the toolbox's RDF uses: the Turtle @prefix lines and the JSON-LD @context are made from these. */
export const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const
type Prefix = keyof typeof PREFIXES

/** A compact name (dct:title) or a full IRI. */
export type Iri = `${Prefix}:${string}` | `http://${string}` | `https://${string}` | `mailto:${string}`

/** A node for a full IRI built at run time (a tool's address). */
export const node = (value: string): NamedNode => namedNode(value)

export function iri(name: Iri): NamedNode {
  const colon = name.indexOf(':')
  const prefix = name.slice(0, colon)
  return namedNode(Object.hasOwn(PREFIXES, prefix) ? `${PREFIXES[prefix as Prefix]}${name.slice(colon + 1)}` : name)
}

/** Texts in both languages; a missing one is left out. */
export interface Texts {
  nl?: string | null | undefined
  en?: string | null | undefined
}

export type RdfObject = NamedNode | Literal

/** The triples of one document, added subject by subject, in the order they were added. */
export class Graph {
  readonly quads: Quad[] = []
  /** A triple said twice (a page two tools link to) is kept once. */
  private readonly seen = new Set<string>()

  add(subject: Iri | NamedNode, predicate: Iri, object: RdfObject | Iri): this {
    const s = typeof subject === 'string' ? iri(subject) : subject
    const o = typeof object === 'string' ? iri(object) : object
    const key = `${s.value} ${predicate} ${o.termType === 'Literal' ? `"${o.value}"@${o.language}^${o.datatype.value}` : o.value}`
    if (this.seen.has(key)) return this
    this.seen.add(key)
    this.quads.push(quad(s, iri(predicate), o))
    return this
  }

  /** rdf:type, one or more. */
  type(subject: Iri | NamedNode, ...classes: Iri[]): this {
    for (const c of classes) this.add(subject, 'rdf:type', c)
    return this
  }

  /** A text in each language it has (nl, en), as language-tagged literals. */
  texts(subject: Iri | NamedNode, predicate: Iri, texts: Texts): this {
    if (texts.nl) this.add(subject, predicate, literal(texts.nl, 'nl'))
    if (texts.en) this.add(subject, predicate, literal(texts.en, 'en'))
    return this
  }

  text(subject: Iri | NamedNode, predicate: Iri, value: string): this {
    return this.add(subject, predicate, literal(value))
  }

  typed(subject: Iri | NamedNode, predicate: Iri, value: string, datatype: 'xsd:date' | 'xsd:dateTime'): this {
    return this.add(subject, predicate, literal(value, iri(datatype)))
  }
}

/** The quads subject by subject (in the order subjects first appear), so each subject is written once. */
function bySubject(quads: Quad[]): Quad[] {
  const groups = new Map<string, Quad[]>()
  for (const q of quads) {
    const group = groups.get(q.subject.value)
    if (group) group.push(q)
    else groups.set(q.subject.value, [q])
  }
  return [...groups.values()].flat()
}

/** Turtle, with the toolbox's prefixes. */
export function toTurtle(graph: Graph): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES })
  writer.addQuads(bySubject(graph.quads))
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))))
}

/** The @context every JSON-LD document of the toolbox carries inline (no remote context to fetch). */
export const JSONLD_CONTEXT: Record<string, string> = { ...PREFIXES }

const RDF_TYPE = `${PREFIXES.rdf}type`
const XSD_STRING = `${PREFIXES.xsd}string`

/** The shortest name of an IRI under the context's prefixes. */
function compact(value: string): string {
  for (const [prefix, base] of Object.entries(PREFIXES)) {
    if (value.startsWith(base) && /^[A-Za-z_][\w.-]*$/.test(value.slice(base.length))) return `${prefix}:${value.slice(base.length)}`
  }
  return value
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string }

/**
 * JSON-LD 1.1: one node object per subject in a @graph, properties as compact names and values in expanded form.
 * Any JSON-LD processor reads it with the inline context alone; it says the same triples as the Turtle.
 */
export function toJsonLd(graph: Graph): string {
  const nodes = new Map<string, Record<string, unknown>>()
  for (const q of graph.quads) {
    let node = nodes.get(q.subject.value)
    if (!node) {
      node = { '@id': q.subject.value }
      nodes.set(q.subject.value, node)
    }
    if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
      const types = (node['@type'] as string[] | undefined) ?? []
      types.push(compact(q.object.value))
      node['@type'] = types
      continue
    }
    let value: JsonLdValue
    if (q.object.termType === 'Literal') {
      const lit = q.object
      value = lit.language ? { '@value': lit.value, '@language': lit.language } : lit.datatype.value === XSD_STRING ? { '@value': lit.value } : { '@value': lit.value, '@type': compact(lit.datatype.value) }
    } else {
      value = { '@id': q.object.value }
    }
    const key = compact(q.predicate.value)
    const values = (node[key] as JsonLdValue[] | undefined) ?? []
    values.push(value)
    node[key] = values
  }
  return JSON.stringify({ '@context': JSONLD_CONTEXT, '@graph': [...nodes.values()] })
}

export const RDF_FORMATS = {
  turtle: { type: 'text/turtle', suffix: '.ttl' },
  jsonld: { type: 'application/ld+json', suffix: '.jsonld' },
} as const
export type RdfFormat = keyof typeof RDF_FORMATS

/**
 * The format an Accept header asks for among `offered` (in the server's order of preference), or undefined when it
 * accepts none of them. No header, or any wildcard that covers one, gives the first one covered.
 */
export function negotiate<T extends string>(accept: string | undefined, offered: { name: T; type: string }[]): T | undefined {
  if (!accept || accept.trim() === '') return offered[0]?.name
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { range: (range ?? '').trim(), q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter((r) => r.range !== '' && Number.isFinite(r.q) && r.q > 0)
  let best: { name: T; q: number; specificity: number; order: number } | undefined
  for (const [order, o] of offered.entries()) {
    const [major] = o.type.split('/')
    for (const r of ranges) {
      const specificity = r.range === o.type ? 2 : r.range === `${major}/*` ? 1 : r.range === '*/*' ? 0 : -1
      if (specificity < 0) continue
      if (!best || r.q > best.q || (r.q === best.q && (specificity > best.specificity || (specificity === best.specificity && order < best.order)))) {
        best = { name: o.name, q: r.q, specificity, order }
      }
    }
  }
  return best?.name
}
