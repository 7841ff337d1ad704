import { stringify } from 'yaml'
import type { ToolRecord } from './tool-record.ts'

/** A tool's lifecycle as publiccode.yml's developmentStatus. */
export const DEVELOPMENT_STATUS: Record<string, 'concept' | 'development' | 'beta' | 'stable' | 'obsolete'> = {
  idea: 'concept',
  proposed: 'concept',
  selected: 'concept',
  in_development: 'development',
  testing: 'beta',
  available: 'stable',
  secured: 'stable',
  retired: 'obsolete',
}

const SHORT = 150
const LONG_MIN = 150

/** publiccode.yml's shortDescription holds at most 150 characters: a longer text is cut at a word and marked with "…". */
function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= SHORT) return flat
  const cut = flat.slice(0, SHORT - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > 80 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

/** An organisation's name without the CBS code the tables add ("Utrecht (GM0344)" → "Utrecht"). */
const plainName = (label: string) => label.replace(/\s*\((?:GM\d{4}|PV\d{2})\)$/, '')

/**
 * publiccode.yml (standard version 0.4) for a software tool, from what the catalogue knows: the source code link (or
 * the website, or the tool page) as url, the lifecycle as developmentStatus, descriptions per language, the licence,
 * the owner as organisation and the organisations that use it. The catalogue has no maintainers' names, so the
 * maintenance type says who maintains it without naming people.
 */
export function publiccodeFor(record: ToolRecord, publicUrl: string): string {
  const page = `${publicUrl}/tools/${record.slug}`
  const source = record.links.find((l) => l.kind === 'source_code')?.url
  const documentation = record.links.find((l) => l.kind === 'documentation')?.url
  const description: Record<string, Record<string, unknown>> = {}
  for (const [lang, text] of [['nl', record.description_nl], ['en', record.description_en]] as const) {
    const name = lang === 'nl' ? record.name_nl : record.name_en
    if (!text && !name) continue
    const body = text ?? ''
    description[lang] = {
      ...(name ? { localisedName: name } : {}),
      shortDescription: shortDescription(body || (name ?? '')),
      ...(body.length >= LONG_MIN ? { longDescription: body } : {}),
      ...(documentation ? { documentation } : {}),
    }
  }
  const document = {
    publiccodeYmlVersion: '0.4',
    name: record.name_nl ?? record.name_en ?? record.slug,
    url: source ?? record.website ?? page,
    landingURL: record.website ?? page,
    platforms: ['web'],
    developmentStatus: DEVELOPMENT_STATUS[record.status] ?? 'concept',
    softwareType: 'standalone/web',
    ...(record.used_by.length > 0 ? { usedBy: record.used_by.map(plainName) } : {}),
    description,
    legal: {
      // An SPDX expression; a tool without a recorded licence says so with a LicenseRef, which SPDX allows.
      license: record.licence ?? 'LicenseRef-not-recorded',
      ...(record.owners[0] ? { mainCopyrightOwner: plainName(record.owners[0]), repoOwner: plainName(record.owners[0]) } : {}),
    },
    maintenance: { type: record.status === 'retired' ? 'none' : record.owners.length > 0 ? 'internal' : 'community' },
    localisation: {
      localisationReady: record.languages.length > 1,
      availableLanguages: record.languages.length > 0 ? record.languages : Object.keys(description).length > 0 ? Object.keys(description) : ['nl'],
    },
  }
  return `# publiccode.yml for ${record.name_nl ?? record.name_en ?? record.slug}, made by the City Deal Toolbox from ${page}\n` + stringify(document, { lineWidth: 0 })
}
