import { localePath } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { raw, type SafeHtml } from '../../../views/html.ts'
import type { ToolView } from '../tools.presenter.ts'

/** The schema.org type of each form of tool (decision 0020); a form not named here is a CreativeWork. */
export const SCHEMA_ORG_TYPES: Record<string, string> = {
  software: 'SoftwareApplication',
  dataset: 'Dataset',
  legislation: 'Legislation',
  ordinance: 'Legislation',
  method: 'CreativeWork',
  guideline: 'CreativeWork',
  standard: 'CreativeWork',
  norm: 'CreativeWork',
  agreement: 'CreativeWork',
}

/** Licences whose name says the tool is free to use (open source, open data, public domain). */
const OPEN_LICENCE = /\b(EUPL|MIT|Apache|GPL|LGPL|AGPL|BSD|MPL|ISC|CC0|CC[- ]BY|ODbL|PDDL|public domain|publiek domein)\b/i

/** Free to use: public law, or a tool under an open licence; undefined when the toolbox does not know. */
function freeToUse(tool: ToolView): boolean | undefined {
  if (tool.form.code === 'legislation' || tool.form.code === 'ordinance') return true
  return tool.licence && OPEN_LICENCE.test(tool.licence) ? true : undefined
}

/** The tool as schema.org JSON-LD: what search engines and other catalogues read from its page. */
export function toolJsonLd(tool: ToolView, locale: Locale, publicUrl: string): Record<string, unknown> {
  const organisation = (o: ToolView['organisations'][number]) => ({
    '@type': 'Organization',
    name: o.name,
    url: `${publicUrl}${localePath(locale, `/organisations/${o.slug}`)}`,
  })
  const owners = tool.organisations.filter((o) => o.role.code === 'owner').map(organisation)
  const type = SCHEMA_ORG_TYPES[tool.form.code] ?? 'CreativeWork'
  const free = freeToUse(tool)
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': `${publicUrl}/tools/${tool.slug}#tool`,
    name: tool.name.text,
    ...(tool.description ? { description: tool.description.text } : {}),
    // The languages the tool itself is in; without any recorded, the language of this page's texts.
    inLanguage: tool.languages.length > 0 ? tool.languages.map((l) => l.code) : locale,
    url: `${publicUrl}${localePath(locale, `/tools/${tool.slug}`)}`,
    identifier: tool.slug,
    genre: tool.form.label,
    ...(tool.aliases.length > 0 ? { alternateName: tool.aliases } : {}),
    ...(tool.website ? { sameAs: tool.website } : {}),
    ...(owners.length > 0 ? { author: owners, publisher: owners } : {}),
    dateCreated: new Date(tool.createdAt).toISOString(),
    dateModified: new Date(tool.updatedAt).toISOString(),
    ...(free === undefined ? {} : { isAccessibleForFree: free }),
    ...(tool.licence ? { license: tool.licence } : {}),
  }
  if (type === 'SoftwareApplication') data.applicationCategory = 'GovernmentApplication'
  if (type === 'Legislation') data.legislationType = tool.form.label
  return data
}

/**
 * A JSON-LD data block for the page's head. JSON inside <script> ends at the first "</script", so every `<` (and `>`,
 * `&`, and the line separators JavaScript once refused) is written as a \u escape: the same data, no way out.
 */
export function jsonLdScript(data: Record<string, unknown>): SafeHtml {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return raw(`<script type="application/ld+json">${json}</script>`)
}
