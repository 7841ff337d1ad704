import { parse } from 'yaml'
import { slugify } from '../../../lib/slug.ts'
import { DEVELOPMENT_STATUS } from '../publiccode.ts'
import type { ToolRecord } from '../tool-record.ts'
import { ImportFileError, type ImportRow } from './read-csv.ts'

const FROM_DEVELOPMENT_STATUS: Record<string, string> = { concept: 'idea', development: 'in_development', beta: 'testing', stable: 'available', obsolete: 'retired' }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(str).filter((v) => v !== null) : [])

/**
 * A publiccode.yml file as one record: a software tool, named and described per language, its lifecycle from
 * developmentStatus, the landing page as website, the repository as source code link, the licence, the owner from the
 * organisation or the copyright owner, and the organisations that use it.
 */
export function readPubliccode(text: string): ImportRow[] {
  let document: unknown
  try {
    document = parse(text, { maxAliasCount: 100 })
  } catch (error) {
    throw new ImportFileError(`The file is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error)}`)
  }
  if (!isObject(document) || !('publiccodeYmlVersion' in document)) throw new ImportFileError('The file is not a publiccode.yml (no publiccodeYmlVersion).')
  const name = str(document.name)
  const description = isObject(document.description) ? document.description : {}
  const nl = isObject(description.nl) ? description.nl : undefined
  const en = isObject(description.en) ? description.en : isObject(description['en-GB']) ? description['en-GB'] : undefined
  const legal = isObject(document.legal) ? document.legal : {}
  const organisation = isObject(document.organisation) ? str(document.organisation.name) : null
  const owner = organisation ?? str(legal.mainCopyrightOwner) ?? str(legal.repoOwner)
  const url = str(document.url)
  const landing = str(document.landingURL) ?? url
  const documentation = str(nl?.documentation) ?? str(en?.documentation)
  const licence = str(legal.license)
  const status = FROM_DEVELOPMENT_STATUS[String(document.developmentStatus)] ?? 'available'
  const now = new Date().toISOString()
  const localisation = isObject(document.localisation) ? document.localisation : {}
  const nameNl = str(nl?.localisedName) ?? (nl || !en ? name : null)
  const nameEn = str(en?.localisedName) ?? (!nl && en ? name : null)
  const record: ToolRecord = {
    slug: slugify(name ?? ''),
    name_nl: nameNl,
    name_en: nameEn,
    description_nl: str(nl?.longDescription) ?? str(nl?.shortDescription),
    description_en: str(en?.longDescription) ?? str(en?.shortDescription),
    process_question_nl: null,
    process_question_en: null,
    occasion_nl: null,
    occasion_en: null,
    category: 'content',
    form: 'software',
    status,
    origin: 'existing',
    processes: [],
    themes: [],
    sdg_targets: [],
    assessments: [],
    mims: [],
    aliases: [],
    website: landing,
    links: [
      ...(url && url !== landing ? [{ kind: 'source_code', url }] : []),
      ...(documentation ? [{ kind: 'documentation', url: documentation }] : []),
    ],
    licence: licence === 'LicenseRef-not-recorded' ? null : licence,
    licence_not_applicable: false,
    languages: strings(localisation.availableLanguages),
    owners: owner ? [owner] : [],
    co_developers: [],
    organising_parties: [],
    partners: [],
    pilots: [],
    used_by: strings(document.usedBy),
    started_on: null,
    available_on: null,
    retired_on: status === 'retired' ? (str(document.releaseDate) ?? now.slice(0, 10)) : null,
    created_at: now,
    updated_at: now,
  }
  if (!name) return [{ line: 1, problems: [{ column: 'name', reason: 'publiccode.yml has no name' }] }]
  // An existing tool takes what publiccode.yml says about it and keeps the rest (its links, classification, pilots).
  const fields: (keyof ToolRecord)[] = ['form', 'status', 'website', 'licence', 'languages', 'used_by', 'retired_on']
  if (nameNl) fields.push('name_nl')
  if (nameEn) fields.push('name_en')
  if (record.description_nl) fields.push('description_nl')
  if (record.description_en) fields.push('description_en')
  if (owner) fields.push('owners')
  return [{ line: 1, record, fields }]
}
