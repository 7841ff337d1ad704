import { label } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { ROLES } from '../tools/tools.constants.ts'
import { localized, type LocalizedText } from '../tools/tools.presenter.ts'
import type { OrganisationsService } from './organisations.service.ts'

type SearchRow = Awaited<ReturnType<OrganisationsService['search']>>['rows'][number]
type Profile = Exclude<Awaited<ReturnType<OrganisationsService['profile']>>, { movedTo: string }>
/** What every row about a tool carries. */
interface ToolRow {
  slug: string
  name_nl: string | null
  name_en: string | null
  status: string
  retired_on: string | null
}

/** A coded value with its label in the page's language. */
export interface Coded {
  code: string
  label: string
}

export interface OrganisationListItemView {
  slug: string
  name: string
  kind: Coded
  cbsCode: string | null
  partner: boolean
  tools: number
  aliases: string[]
}

export interface OrganisationToolView {
  slug: string
  name: LocalizedText
  status: Coded
  retired: boolean
  involvement?: Coded | undefined
}

/** A tool the organisation tests: its pilot's stage, outcome and lessons. */
export interface OrganisationPilotView extends OrganisationToolView {
  pilot: { status: Coded; outcome: Coded | undefined; lessons: LocalizedText | undefined; completedOn: string | null }
}

/** A tool the organisation uses. */
export interface OrganisationAdoptionView extends OrganisationToolView {
  since: string | null
  version: string | null
  localVariant: LocalizedText | undefined
  localUrl: string | null
}

export interface OrganisationView {
  slug: string
  name: string
  kind: Coded
  aliases: string[]
  websiteUrl: string | null
  partner: boolean
  cbsCode: string | null
  province: { slug: string; name: string } | undefined
  /** Its tools by role, in the order of the data model (owns, co-develops, organises, involved); empty roles left out. */
  roles: { role: (typeof ROLES)[number]; tools: OrganisationToolView[] }[]
  /** The tools it tests (pilots) and uses (adoptions). */
  pilots: OrganisationPilotView[]
  adoptions: OrganisationAdoptionView[]
}

const coded = (locale: Locale, prefix: string, code: string): Coded => ({ code, label: label(locale, prefix, code) })

/** A row of /organisations. */
export function presentListItem(row: SearchRow, locale: Locale): OrganisationListItemView {
  return {
    slug: row.slug,
    name: row.name,
    kind: coded(locale, 'kind', row.kind),
    cbsCode: row.cbs_code,
    partner: row.is_city_deal_partner,
    tools: row.tools,
    aliases: row.aliases,
  }
}

/** A tool an organisation has a role on (or tests, or uses), with that role's details. */
export function presentOrganisationTool(row: ToolRow & { involvement?: string | null }, locale: Locale): OrganisationToolView {
  return {
    slug: row.slug,
    // Every tool has a name in at least one language (a check in the database).
    name: localized(row.name_nl, row.name_en, locale) ?? { text: row.slug, lang: locale, fallback: false },
    status: coded(locale, 'status', row.status),
    retired: row.status === 'retired' || row.retired_on !== null,
    involvement: row.involvement ? coded(locale, 'involvement', row.involvement) : undefined,
  }
}

/** An organisation's public page. */
export function presentOrganisation(profile: Profile, locale: Locale): OrganisationView {
  const { organisation: org } = profile
  const governmental = org.kind === 'municipality' || org.kind === 'province'
  return {
    slug: org.slug,
    name: org.name,
    kind: coded(locale, 'kind', org.kind),
    aliases: profile.aliases,
    websiteUrl: org.website_url,
    partner: org.is_city_deal_partner,
    cbsCode: governmental ? org.cbs_code : null,
    province: profile.province,
    roles: ROLES.map((role) => ({ role, tools: profile.tools.filter((t) => t.role === role).map((t) => presentOrganisationTool(t, locale)) })).filter((g) => g.tools.length > 0),
    pilots: profile.pilots.map((p) => ({
      ...presentOrganisationTool(p, locale),
      pilot: {
        status: coded(locale, 'pilotStatus', p.pilot_status),
        outcome: p.outcome ? coded(locale, 'pilotOutcome', p.outcome) : undefined,
        lessons: localized(p.lessons_nl, p.lessons_en, locale),
        completedOn: p.completed_on,
      },
    })),
    adoptions: profile.adoptions.map((a) => ({ ...presentOrganisationTool(a, locale), since: a.since, version: a.tool_version, localVariant: localized(a.local_variant_nl, a.local_variant_en, locale), localUrl: a.local_url })),
  }
}
