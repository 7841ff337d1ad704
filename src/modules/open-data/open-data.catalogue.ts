// The whole catalogue as one DCAT-AP 3.0 graph: the dcat:Catalog, every complete tool as a dataset with its record,
// the organisations, the contact point, and every concept scheme (so the document stands on its own).
import { DataFactory } from 'n3'
import { translate } from '../../i18n/i18n.ts'
import { Graph, node } from '../../lib/rdf.ts'
import { addScheme } from '../vocabularies/vocabularies.rdf.ts'
import { schemeUri, type ConceptScheme } from '../vocabularies/vocabularies.model.ts'
import { addDataset, addresses, EU, LANGUAGE_CODES } from './open-data.dataset.ts'
import { missingFields, type MissingField, type ToolRecord } from './open-data.model.ts'

const { literal } = DataFactory

export interface CatalogueSettings {
  publicUrl: string
  contactEmail: string
}

/** A tool left out of the export, and why. */
export interface LeftOut {
  slug: string
  name_nl: string | null
  name_en: string | null
  missing: MissingField[]
}

export interface CatalogueExport {
  graph: Graph
  exported: number
  leftOut: LeftOut[]
  /** Complete tools without a known licence: their documents are pages, not distributions. */
  withoutLicence: { slug: string; name_nl: string | null; name_en: string | null }[]
}

/** The catalogue's own address, and that of the document it is described in. */
export const catalogueUri = (publicUrl: string) => `${publicUrl}/data/catalogue#catalogue`

/** Metadata of the catalogue is open: CC0 (decision 0019). */
const METADATA_LICENCE = 'http://publications.europa.eu/resource/authority/licence/CC0'

export function buildCatalogue(settings: CatalogueSettings, records: ToolRecord[], schemes: ConceptScheme[]): CatalogueExport {
  const base = settings.publicUrl
  const a = addresses(base)
  const graph = new Graph()
  const catalogue = node(catalogueUri(base))
  const publisher = node(`${base}/about#city-deal`)
  const both = (key: Parameters<typeof translate>[1]) => ({ nl: translate('nl', key), en: translate('en', key) })

  graph.type(catalogue, 'dcat:Catalog')
  graph.texts(catalogue, 'dct:title', both('site.name'))
  graph.texts(catalogue, 'dct:description', both('site.tagline'))
  graph.add(catalogue, 'dct:publisher', publisher).add(catalogue, 'dct:creator', publisher).add(catalogue, 'dcat:contactPoint', node(a.contact))
  graph.add(catalogue, 'foaf:homepage', node(`${base}/`)).type(node(`${base}/`), 'foaf:Document')
  graph.add(catalogue, 'dct:license', node(METADATA_LICENCE)).type(node(METADATA_LICENCE), 'dct:LicenseDocument')
  graph.add(catalogue, 'dct:language', node(EU.language('NLD'))).add(catalogue, 'dct:language', node(EU.language('ENG')))
  for (const scheme of schemes) graph.add(catalogue, 'dcat:themeTaxonomy', node(schemeUri(base, scheme.slug)))

  graph.type(publisher, 'foaf:Agent').text(publisher, 'foaf:name', 'City Deal Een slimme stad, zo doe je dat')
  const contact = node(a.contact)
  graph.type(contact, 'vcard:Kind', 'vcard:Organization').text(contact, 'vcard:fn', translate('en', 'site.name'))
  graph.add(contact, 'vcard:hasEmail', node(`mailto:${settings.contactEmail}`)).add(contact, 'vcard:hasURL', node(`${base}/contact`))
  graph.type(node(EU.publicAccess), 'dct:RightsStatement')
  for (const code of Object.values(LANGUAGE_CODES)) graph.type(node(EU.language(code)), 'dct:LinguisticSystem')
  graph.add(node(EU.humanLanguage), 'rdfs:label', literal('Human Language', 'en'))

  const seenAgents = new Set<string>()
  const leftOut: LeftOut[] = []
  const withoutLicence: CatalogueExport['withoutLicence'] = []
  let exported = 0
  for (const record of records) {
    const { slug, name_nl, name_en, licence } = record.tool
    const missing = missingFields(record)
    if (missing.length > 0) {
      leftOut.push({ slug, name_nl, name_en, missing })
      continue
    }
    const added = addDataset(graph, a, record, seenAgents)
    graph.add(catalogue, 'dcat:dataset', node(added.dataset)).add(catalogue, 'dcat:record', node(added.record))
    exported++
    if (!licence) withoutLicence.push({ slug, name_nl, name_en })
  }
  for (const scheme of schemes) addScheme(graph, base, scheme)
  return { graph, exported, leftOut, withoutLicence }
}
