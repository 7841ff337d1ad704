// One tool as an ADMS-AP asset in DCAT-AP 3.0: a dcat:Dataset (also adms:Asset) with its catalogue record,
// attributions and distributions. Addresses: see decision 0019.
import { DataFactory } from 'n3'
import { node, type Graph } from '../../lib/rdf.ts'
import { conceptUri } from '../vocabularies/vocabularies.model.ts'
import { owners, type AgentRef, type ToolRecord } from './open-data.model.ts'

const { literal } = DataFactory

/** EU vocabularies the export refers to (publications.europa.eu authority tables, ADMS). */
export const EU = {
  publicAccess: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
  language: (code: string) => `http://publications.europa.eu/resource/authority/language/${code}`,
  fileType: (code: string) => `http://publications.europa.eu/resource/authority/file-type/${code}`,
  humanLanguage: 'http://purl.org/adms/representationtechnique/HumanLanguage',
} as const

/** The toolbox's language codes (ISO 639-1) as the EU language table's codes. */
export const LANGUAGE_CODES: Record<string, string> = { nl: 'NLD', en: 'ENG', de: 'DEU', fr: 'FRA', es: 'SPA', it: 'ITA', pl: 'POL', fy: 'FRY' }

export interface Addresses {
  base: string
  tool: (slug: string) => string
  page: (slug: string) => string
  agent: (slug: string) => string
  contact: string
}

export function addresses(base: string): Addresses {
  return {
    base,
    tool: (slug) => `${base}/tools/${slug}#tool`,
    page: (slug) => `${base}/tools/${slug}`,
    agent: (slug) => `${base}/organisations/${slug}`,
    contact: `${base}/contact#toolbox`,
  }
}

/** The EU act behind an EUR-Lex ELI address (https://eur-lex.europa.eu/eli/reg/2016/679/oj), as its ELI URI. */
export function eliOf(url: string | null | undefined): string | undefined {
  const match = url ? /^https?:\/\/(?:eur-lex\.europa\.eu|data\.europa\.eu)\/eli\/([a-z_]+\/\d{4}\/\d+(?:\/[a-z]+)?)\/?$/i.exec(url) : null
  return match ? `http://data.europa.eu/eli/${match[1]!.toLowerCase()}` : undefined
}

/** A licence as an address: SPDX identifiers at spdx.org, anything else as the tool's own licence node. */
export function licenceUri(licence: string, toolAddress: string): { uri: string; label?: string } {
  return /^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(licence) ? { uri: `http://spdx.org/licenses/${licence}` } : { uri: `${toolAddress}-licence`, label: licence }
}

/** Adds an organisation once (foaf:Agent with its name and website). */
export function addAgent(graph: Graph, a: Addresses, agent: AgentRef, seen: Set<string>): string {
  const uri = a.agent(agent.slug)
  if (!seen.has(uri)) {
    seen.add(uri)
    graph.type(node(uri), 'foaf:Agent').text(node(uri), 'foaf:name', agent.name)
    if (agent.websiteUrl) graph.add(node(uri), 'foaf:homepage', node(agent.websiteUrl))
  }
  return uri
}

const date = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString())
const isHttp = (url: string) => /^https?:\/\/[^\s<>"{}|\\^`]+$/.test(url)

/** Adds one tool (complete: see missingFields) with its record; returns the dataset's and the record's address. */
export function addDataset(graph: Graph, a: Addresses, record: ToolRecord, seenAgents: Set<string>): { dataset: string; record: string } {
  const { tool } = record
  const uri = a.tool(tool.slug)
  const s = node(uri)
  const page = a.page(tool.slug)
  const concept = (scheme: Parameters<typeof conceptUri>[1], code: string) => node(conceptUri(a.base, scheme, code))

  // dcat:Resource too: a catalogue record's primary topic must say it is one (SHACL does no inference).
  graph.type(s, 'dcat:Dataset', 'adms:Asset', 'dcat:Resource')
  graph.text(s, 'dct:identifier', tool.slug)
  graph.texts(s, 'dct:title', { nl: tool.name_nl, en: tool.name_en })
  graph.texts(s, 'dct:description', { nl: tool.description_nl, en: tool.description_en })
  graph.add(s, 'dct:type', concept('forms', tool.form))
  graph.add(s, 'adms:status', concept('statuses', tool.status))
  graph.add(s, 'dcat:landingPage', node(page))
  graph.type(node(page), 'foaf:Document')
  graph.add(s, 'dct:accessRights', node(EU.publicAccess))
  graph.add(s, 'dcat:contactPoint', node(a.contact))
  graph.typed(s, 'dct:issued', tool.available_on ?? tool.started_on ?? date(tool.created_at).slice(0, 10), 'xsd:date')
  graph.typed(s, 'dct:modified', date(tool.updated_at), 'xsd:dateTime')

  // Classification: the kind, processes, Rathenau themes and SDG 11 targets as themes; the principles and
  // preconditions the tool meets (its assessment) as subjects.
  graph.add(s, 'dcat:theme', concept('categories', tool.category))
  for (const p of record.processes) graph.add(s, 'dcat:theme', concept('processes', p))
  for (const t of record.themes) graph.add(s, 'dcat:theme', concept('themes', t))
  for (const t of record.sdgTargets) graph.add(s, 'dcat:theme', concept('sdg11', t))
  for (const c of record.meets) graph.add(s, 'dct:subject', concept(c.scheme, c.code))
  for (const lang of tool.languages) {
    const code = LANGUAGE_CODES[lang]
    if (code) graph.add(s, 'dct:language', node(EU.language(code)))
  }
  for (const alias of record.aliases) graph.add(s, 'dcat:keyword', alias.language ? literal(alias.alias, alias.language) : literal(alias.alias))

  // Owners publish and create the tool; every organisation's part is a qualified attribution with its role.
  const [publisher, ...others] = owners(record)
  if (publisher) graph.add(s, 'dct:publisher', node(addAgent(graph, a, publisher, seenAgents)))
  for (const owner of [publisher, ...others]) if (owner) graph.add(s, 'dct:creator', node(addAgent(graph, a, owner, seenAgents)))
  record.roles.forEach((r, i) => {
    const attribution = node(`${uri}-attribution-${i + 1}`)
    graph.add(s, 'prov:qualifiedAttribution', attribution)
    graph.type(attribution, 'prov:Attribution')
    graph.add(attribution, 'prov:agent', node(addAgent(graph, a, r.agent, seenAgents)))
    graph.add(attribution, 'dcat:hadRole', concept('roles', r.role))
  })

  // A MIM the tool implements is a standard it conforms to; one it supports or refers to is a relation.
  for (const m of record.mims) graph.add(s, m.relation === 'implements' ? 'dct:conformsTo' : 'dct:relation', concept('mims', m.code))
  const legislation = new Set([tool.website_url, ...record.links.map((l) => l.url)].map(eliOf).filter((x): x is string => x !== undefined))
  for (const eli of legislation) {
    graph.add(s, 'dcatap:applicableLegislation', node(eli))
    graph.type(node(eli), 'eli:LegalResource')
  }

  // Websites and documents: distributions where a licence is known (DCAT-AP-NL asks one of each), pages otherwise.
  const licence = tool.licence ? licenceUri(tool.licence, uri) : undefined
  if (licence) {
    graph.add(s, 'dct:license', node(licence.uri)).type(node(licence.uri), 'dct:LicenseDocument')
    if (licence.label) graph.text(node(licence.uri), 'rdfs:label', licence.label)
  }
  const documents = [
    ...(tool.website_url ? [{ url: tool.website_url, title_nl: null, title_en: null, language: null }] : []),
    ...record.links.filter((l) => l.url !== tool.website_url),
  ].filter((d) => isHttp(d.url))
  documents.forEach((d, i) => {
    if (!licence) {
      graph.add(s, 'foaf:page', node(d.url)).type(node(d.url), 'foaf:Document')
      return
    }
    const dist = node(`${uri}-distribution-${i + 1}`)
    graph.add(s, 'dcat:distribution', dist).type(dist, 'dcat:Distribution')
    graph.add(dist, 'dcat:accessURL', node(d.url))
    graph.texts(dist, 'dct:title', { nl: d.title_nl, en: d.title_en })
    const format = EU.fileType(/\.pdf$/i.test(d.url) ? 'PDF' : 'HTML')
    graph.add(dist, 'dct:format', node(format)).type(node(format), 'dct:MediaTypeOrExtent')
    graph.add(dist, 'adms:representationTechnique', node(EU.humanLanguage))
    graph.add(dist, 'dct:license', node(licence.uri))
    const language = d.language ? LANGUAGE_CODES[d.language] : undefined
    if (language) graph.add(dist, 'dct:language', node(EU.language(language)))
  })

  const recordUri = `${uri}-record`
  const r = node(recordUri)
  graph.type(r, 'dcat:CatalogRecord').add(r, 'foaf:primaryTopic', s)
  graph.typed(r, 'dct:issued', date(tool.created_at), 'xsd:dateTime').typed(r, 'dct:modified', date(tool.updated_at), 'xsd:dateTime')
  graph.add(r, 'dct:language', node(EU.language('NLD'))).add(r, 'dct:language', node(EU.language('ENG')))
  return { dataset: uri, record: recordUri }
}
