import jsonld from 'jsonld'
import { Parser, Store, type Term } from 'n3'
import { PREFIXES } from '../../../lib/rdf.ts'
import { slugify, isSlug } from '../../../lib/slug.ts'
import { LANGUAGE_CODES } from '../../open-data/open-data.dataset.ts'
import type { ToolRecord } from '../tool-record.ts'
import { ImportFileError, type ImportRow } from './read-csv.ts'

const P = (prefix: keyof typeof PREFIXES, name: string) => `${PREFIXES[prefix]}${name}`
const FROM_EU_LANGUAGE = new Map(Object.entries(LANGUAGE_CODES).map(([code, eu]) => [eu, code]))
/** The most datasets one file may hold. */
const MAX_DATASETS = 200_000

/** Parses Turtle or JSON-LD into a store; a remote @context is never fetched. */
async function parse(text: string, kind: 'turtle' | 'jsonld'): Promise<Store> {
  let remote: string | undefined
  try {
    if (kind === 'turtle') return new Store(new Parser({ format: 'text/turtle' }).parse(text))
    const document: unknown = JSON.parse(text)
    if (typeof document !== 'object' || document === null) throw new ImportFileError('The JSON-LD is not an object or a list.')
    const nquads = await jsonld.toRDF(document, {
      format: 'application/n-quads',
      documentLoader: async (url: string) => {
        remote = url
        throw new ImportFileError('remote context')
      },
    })
    return new Store(new Parser({ format: 'N-Quads' }).parse(String(nquads)))
  } catch (error) {
    if (remote !== undefined) throw new ImportFileError(`The JSON-LD refers to a remote context (${remote.slice(0, 100)}); give the context inline.`)
    if (error instanceof ImportFileError) throw error
    const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error)
    throw new ImportFileError(`The file is not valid ${kind === 'turtle' ? 'Turtle' : 'JSON-LD'}: ${message}`)
  }
}

/** A concept's code when its address is a toolbox vocabulary's (…/vocabularies/{scheme}/{code}, from any toolbox). */
function codeIn(term: Term, scheme: string): string | undefined {
  if (term.termType !== 'NamedNode') return undefined
  const match = new RegExp(`/vocabularies/${scheme}/([^/#?]+)$`).exec(term.value)
  return match ? decodeURIComponent(match[1]!) : undefined
}

/**
 * DCAT-AP (Turtle or JSON-LD, as /data/catalogue gives it, or another catalogue's) as records: one per dcat:Dataset.
 * Classifications are read where they use the toolbox's vocabularies; organisations by name. What DCAT-AP does not
 * carry exactly (link kinds, ratings other than "meets", pilots' state, the MIMs' relation) is given for a new tool
 * only: an existing tool keeps its own.
 */
export async function readDcat(text: string, kind: 'turtle' | 'jsonld'): Promise<ImportRow[]> {
  const store = await parse(text, kind)
  const objects = (s: Term, p: string) => store.getObjects(s, p, null)
  const first = (s: Term, p: string) => objects(s, p)[0]
  const literalIn = (s: Term, p: string, language: 'nl' | 'en'): string | null => {
    const all = objects(s, p).filter((o) => o.termType === 'Literal')
    const hit = all.find((o) => o.termType === 'Literal' && (o.language === language || (language === 'nl' && o.language === '')))
    return hit ? hit.value.trim() || null : null
  }
  const nameOf = (agent: Term) => first(agent, P('foaf', 'name'))?.value.trim()
  const datasets = store.getSubjects(P('rdf', 'type'), P('dcat', 'Dataset'), null)
  if (datasets.length === 0) throw new ImportFileError('The file holds no dcat:Dataset.')
  if (datasets.length > MAX_DATASETS) throw new ImportFileError(`The file holds ${datasets.length} datasets; at most ${MAX_DATASETS} are read at once.`)
  // Each dataset's catalogue record (its issued date is when the tool was added).
  const records = new Map<string, Term>()
  for (const q of store.getQuads(null, P('foaf', 'primaryTopic'), null, null)) records.set(q.object.value, q.subject)

  return datasets.map((s, index): ImportRow => {
    const line = index + 1
    const identifier = first(s, P('dct', 'identifier'))?.value.trim()
    const fromAddress = /\/tools\/([a-z0-9-]+)#tool$/.exec(s.value)?.[1]
    const name_nl = literalIn(s, P('dct', 'title'), 'nl')
    const name_en = literalIn(s, P('dct', 'title'), 'en')
    const slug = identifier && isSlug(identifier) ? identifier : (fromAddress ?? slugify(name_nl ?? name_en ?? ''))
    const themes = objects(s, P('dcat', 'theme'))
    const codes = (scheme: string, terms: Term[] = themes) => [...new Set(terms.map((t) => codeIn(t, scheme)).filter((c) => c !== undefined))].sort()
    const form = codes('forms', objects(s, P('dct', 'type')))[0]
    const status = codes('statuses', objects(s, P('adms', 'status')))[0]
    const category = codes('categories')[0] ?? 'content'
    const roles = new Map<string, string[]>()
    for (const attribution of objects(s, P('prov', 'qualifiedAttribution'))) {
      const agent = first(attribution, P('prov', 'agent'))
      const role = codeIn(first(attribution, P('dcat', 'hadRole')) ?? attribution, 'roles')
      const name = agent ? nameOf(agent) : undefined
      if (role && name) roles.set(role, [...(roles.get(role) ?? []), name])
    }
    const publishers = [...objects(s, P('dct', 'publisher')), ...objects(s, P('dct', 'creator'))].map(nameOf).filter((n) => n !== undefined)
    const owners = [...new Set([...publishers, ...(roles.get('owner') ?? [])])]
    const pages = [
      ...objects(s, P('foaf', 'page')).map((p) => p.value),
      ...objects(s, P('dcat', 'distribution')).map((d) => first(d, P('dcat', 'accessURL'))?.value).filter((u) => u !== undefined),
    ]
    const licenceTerm = first(s, P('dct', 'license'))
    const licence = licenceTerm
      ? (/^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+)$/.exec(licenceTerm.value)?.[1] ?? first(licenceTerm, P('rdfs', 'label'))?.value ?? null)
      : null
    const recordNode = records.get(s.value)
    const modified = first(s, P('dct', 'modified'))?.value
    const issued = recordNode ? first(recordNode, P('dct', 'issued'))?.value : undefined
    const now = new Date().toISOString()
    const valid = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined)
    if (!form || !status) {
      return { line, label: slug, problems: [{ column: form ? 'adms:status' : 'dct:type', reason: 'not a concept of the toolbox vocabularies (…/vocabularies/forms/… and …/vocabularies/statuses/…)' }] }
    }
    const record: ToolRecord = {
      slug,
      name_nl,
      name_en,
      description_nl: literalIn(s, P('dct', 'description'), 'nl'),
      description_en: literalIn(s, P('dct', 'description'), 'en'),
      process_question_nl: null,
      process_question_en: null,
      occasion_nl: null,
      occasion_en: null,
      category,
      form,
      status,
      origin: 'existing',
      processes: codes('processes'),
      themes: codes('themes'),
      sdg_targets: codes('sdg11'),
      assessments: [...codes('principles', objects(s, P('dct', 'subject'))), ...codes('preconditions', objects(s, P('dct', 'subject')))].map((criterion) => ({ criterion, rating: 'meets' })),
      mims: [
        ...codes('mims', objects(s, P('dct', 'conformsTo'))).map((mim) => ({ mim, relation: 'implements' })),
        ...codes('mims', objects(s, P('dct', 'relation'))).map((mim) => ({ mim, relation: 'references' })),
      ],
      aliases: objects(s, P('dcat', 'keyword')).map((k) => k.value.trim()).filter((k) => k !== '').sort(),
      website: pages[0] ?? null,
      links: pages.slice(1).map((url) => ({ kind: 'document', url })),
      licence,
      licence_not_applicable: false,
      languages: objects(s, P('dct', 'language')).map((l) => FROM_EU_LANGUAGE.get(l.value.split('/').pop() ?? '')).filter((c) => c !== undefined),
      owners,
      co_developers: roles.get('co_developer') ?? [],
      organising_parties: roles.get('organising_party') ?? [],
      partners: roles.get('partner') ?? [],
      pilots: [],
      used_by: roles.get('adopter') ?? [],
      started_on: null,
      available_on: null,
      retired_on: null,
      created_at: valid(issued) ?? now,
      updated_at: valid(modified) ?? now,
    }
    const fields: (keyof ToolRecord)[] = ['category', 'form', 'status', 'processes', 'themes', 'sdg_targets', 'aliases', 'licence', 'owners', 'co_developers', 'organising_parties', 'partners', 'used_by']
    if (name_nl) fields.push('name_nl')
    if (name_en) fields.push('name_en')
    if (record.description_nl) fields.push('description_nl')
    if (record.description_en) fields.push('description_en')
    return { line, record, fields }
  })
}
