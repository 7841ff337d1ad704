import { label } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { ROLES } from '../tools/tools.constants.ts'
import { localized, type LocalizedText } from '../tools/tools.presenter.ts'
import type { OrganisationsService } from './organisations.service.ts'

type SearchRow = Awaited<ReturnType<OrganisationsService['search']>>['rows'][number]
type Profile = Exclude<Awaited<ReturnType<OrganisationsService['profile']>>, { movedTo: string }>
type ToolRoleRow = Profile['tools'][number]

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
  test?: { status: Coded | undefined; result: LocalizedText | undefined; testedOn: string | null } | undefined
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
  /** Its tools by role, in the order of the data model (owns, co-develops, tests, uses, organises, involved); empty roles left out. */
  roles: { role: (typeof ROLES)[number]; tools: OrganisationToolView[] }[]
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

/** A tool an organisation has a role on, with that role's details. */
export function presentOrganisationTool(row: ToolRoleRow, locale: Locale): OrganisationToolView {
  return {
    slug: row.slug,
    // Every tool has a name in at least one language (a check in the database).
    name: localized(row.name_nl, row.name_en, locale) ?? { text: row.slug, lang: locale, fallback: false },
    status: coded(locale, 'status', row.status),
    retired: row.status === 'retired' || row.retired_on !== null,
    involvement: row.involvement ? coded(locale, 'involvement', row.involvement) : undefined,
    test:
      row.role === 'test_municipality'
        ? { status: row.test_status ? coded(locale, 'testStatus', row.test_status) : undefined, result: localized(row.test_result_nl, row.test_result_en, locale), testedOn: row.tested_on }
        : undefined,
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
  }
}
