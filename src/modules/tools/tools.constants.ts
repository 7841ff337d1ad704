// Vocabularies and limits shared by schemas, views and the database checks in migrations.

export const CATEGORIES = ['content', 'governance'] as const
export const STATUSES = ['idea', 'proposed', 'selected', 'in_development', 'testing', 'available', 'secured', 'retired'] as const
export const ORIGINS = ['city_deal', 'others_initiative', 'existing'] as const
export const PROCESSES = ['design', 'furnish', 'manage', 'govern'] as const
export const SORTS = ['relevance', 'name', 'newest'] as const
/** What an organisation is to a tool; testing is a pilot (pilots), using is an adoption (adoptions). */
export const ROLES = ['owner', 'co_developer', 'organising_party', 'partner'] as const
export type Role = (typeof ROLES)[number]
/** A tool organisations can say they use: tested or available (an idea or a tool in development is not used yet). */
export const ADOPTABLE_STATUSES: readonly string[] = ['testing', 'available', 'secured']
export const INVOLVEMENTS = ['lead', 'active', 'contributing', 'informed'] as const
export const PILOT_STATUSES = ['interested', 'committed', 'running', 'completed', 'withdrawn'] as const
export const PILOT_OUTCOMES = ['worked', 'partly', 'did_not_work'] as const
export const LINK_KINDS = ['website', 'documentation', 'document', 'source_code', 'publication', 'evidence', 'other'] as const
export const ALIAS_KINDS = ['acronym', 'other_name', 'translation', 'former_name'] as const
/** Assessment ratings an editor gives; a criterion without a row is not assessed ('unknown' is legacy). */
export const RATINGS = ['meets', 'partly', 'does_not_meet', 'not_applicable'] as const
/** Licences offered in the editor (SPDX identifiers); any other is typed as free text. */
export const COMMON_LICENCES = ['EUPL-1.2', 'MIT', 'Apache-2.0', 'GPL-3.0-or-later', 'AGPL-3.0-or-later', 'MPL-2.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0'] as const
/** Text limits, as the database checks them (migration 0001). */
export const TOOL_LIMITS = { name: 200, description: 5000, occasion: 2000, processQuestion: 300, licence: 200, url: 2000, alias: 200, linkTitle: 300, contribution: 1000, explanation: 2000, pilotTested: 2000, pilotLessons: 4000, retiredReason: 1000 } as const

/** Paths under /tools/ that are pages of their own: no tool may have these slugs. */
export const RESERVED_TOOL_SLUGS: ReadonlySet<string> = new Set(['new', 'share', 'pipeline'])

/**
 * The catalogue's facets, in the order the page shows them; each is also a URL parameter. municipality: any
 * municipality involved (a role, a pilot that is not withdrawn, or an adoption); usedby: one that adopted the tool;
 * mim: a Living-in.EU MIM the tool implements, supports or references (any relation).
 */
export const FACETS = ['category', 'form', 'status', 'origin', 'process', 'theme', 'sdg', 'principle', 'municipality', 'usedby', 'mim'] as const
export type Facet = (typeof FACETS)[number]

export const MAX_QUERY_LENGTH = 200
export const MAX_QUERY_TERMS = 8
export const MAX_VALUES_PER_FACET = 20
export const PAGE_SIZE = 20
export const MAX_API_PAGE_SIZE = 100
export const MAX_PAGE = 100_000
/** The most rows one CSV answer of the API carries (the whole catalogue is at /data/tools.csv). */
export const MAX_EXPORT_ROWS = 100_000

export type Sort = (typeof SORTS)[number]

/**
 * Forms for which a licence does not apply (codes from reference-data/tool-forms.csv): laws, EU legislation and
 * ordinances bind by law, norms are bought or referred to under the standards body's terms, and agreements bind
 * the parties that sign them. A tool of these forms without a recorded licence shows "not applicable", not
 * "not recorded".
 */
export const LICENCE_NOT_APPLICABLE_FORMS: ReadonlySet<string> = new Set(['legislation', 'ordinance', 'norm', 'agreement'])

/** The longest `from` (the catalogue state a visitor came from) a tool page reads; a longer one is ignored. */
export const MAX_RETURN_QUERY_LENGTH = 2_000
