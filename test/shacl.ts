// SHACL validation of the toolbox's RDF with the DCAT-AP 3.0.1 and DCAT-AP-NL 3.0 shapes, copied from ../shared/validators
// into validators/ so that a clean checkout (CI) runs them without ../shared.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import jsonld from 'jsonld'
import { Parser, Store, type Quad } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'

const VALIDATORS = join(import.meta.dirname, '..', 'validators')

/**
 * The shapes files used, and why others are not:
 * - dcat-ap/dcat-ap-SHACL.ttl and dcat-ap/ranges.ttl: SEMIC DCAT-AP 3.0.1 (cardinalities, node kinds, classes of ranges);
 * - dcat-ap-nl/dcat-ap-nl-SHACL.ttl (what DCAT-AP-NL makes required), dcat-ap-nl-SHACL-klassebereik.ttl and
 *   dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl (classes of ranges, the code-list ones as far as they are in the
 *   copy here: status, theme, language and publisher must be skos:Concept, dct:LinguisticSystem, foaf:Agent),
 *   dcat-ap-nl-SHACL-aanbevolen.ttl (recommended properties: warnings only).
 * Not used: dcat-ap-nl/dcat-ap-SHACL.ttl (the same file as SEMIC's), dcat-ap-nl-LBL.ttl (labels), dcat-ap-OPT.ttl,
 * dcat-ap-nl-OPT.ttl and optionaliteit.ttl (optionality annotations; no shape in them has a target). None of the files
 * kept here has an owl:imports; the upstream shapes that check values against the EU code lists (which import those
 * vocabularies from the internet) are not in this copy and could not run offline, so values such as the access right
 * or file type are not checked against their lists.
 */
export const SHAPES_FILES = [
  'dcat-ap/dcat-ap-SHACL.ttl',
  'dcat-ap/ranges.ttl',
  'dcat-ap-nl/dcat-ap-nl-SHACL.ttl',
  'dcat-ap-nl/dcat-ap-nl-SHACL-klassebereik.ttl',
  'dcat-ap-nl/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl',
  'dcat-ap-nl/dcat-ap-nl-SHACL-aanbevolen.ttl',
]

let shapes: Quad[] | undefined
function shapeQuads(): Quad[] {
  shapes ??= SHAPES_FILES.flatMap((file) => new Parser().parse(readFileSync(join(VALIDATORS, file), 'utf8')))
  return shapes
}

export const parseTurtle = (text: string): Quad[] => new Parser({ format: 'text/turtle' }).parse(text)

/** JSON-LD to quads with no network: a remote context would fail the document loader. */
export async function parseJsonLd(text: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text) as object, {
    format: 'application/n-quads',
    documentLoader: (url: string) => Promise.reject(new Error(`no network in tests: ${url}`)),
  })) as unknown as string
  return new Parser({ format: 'N-Quads' }).parse(nquads)
}

export interface ShaclResult {
  severity: string
  focusNode: string
  path: string
  message: string
}

/** Validates the quads; every result with its severity (Violation, Warning, Info). */
export async function validate(quads: Quad[]): Promise<ShaclResult[]> {
  const validator = new SHACLValidator(new Store(shapeQuads()))
  const report = await validator.validate(new Store(quads))
  return report.results.map((r) => ({
    severity: r.severity?.value.replace(/.*#/, '') ?? '',
    focusNode: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join(' '),
  }))
}
