import { Type } from '@sinclair/typebox'

export const ORGANISATION_KINDS = [
  'municipality',
  'province',
  'water_board',
  'national_government',
  'company',
  'knowledge_institution',
  'network',
  'working_group',
  'civil_society',
  'standards_body',
  'international_body',
  'other',
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]
export const ORGANISATION_NAME_MAX = 200
/** The database allows 200 characters for an alias (organisation_aliases.alias). */
export const ORGANISATION_ALIAS_MAX = 200
/** The search box of /organisations. */
export const ORGANISATION_QUERY_MAX = 100

export const OrganisationSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: ORGANISATION_NAME_MAX }),
  kind: Type.Union(ORGANISATION_KINDS.map((k) => Type.Literal(k))),
  cbsCode: Type.Optional(Type.String({ pattern: '^(GM[0-9]{4}|PV[0-9]{2})$', maxLength: 6 })),
  websiteUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 })),
  isCityDealPartner: Type.Optional(Type.Literal('on')),
})

export const EditOrganisationSchema = Type.Composite([OrganisationSchema, Type.Object({ version: Type.String({ maxLength: 40 }) })])

export const MergeOrganisationSchema = Type.Object({ targetId: Type.Integer({ minimum: 1, maximum: 2 ** 52 }) })

/** Another name an organisation is known by (Den Haag for 's-Gravenhage). */
export const AddAliasSchema = Type.Object({ otherName: Type.String({ minLength: 1, maxLength: ORGANISATION_ALIAS_MAX }) })

export const RemoveAliasSchema = Type.Object({ aliasId: Type.Integer({ minimum: 1, maximum: 2 ** 52 }) })

/** The address of /organisations: words, a kind, partners only, a page. */
export const OrganisationsQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: ORGANISATION_QUERY_MAX })),
  kind: Type.Optional(Type.Union(ORGANISATION_KINDS.map((k) => Type.Literal(k)))),
  partner: Type.Optional(Type.Literal('on')),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
})
