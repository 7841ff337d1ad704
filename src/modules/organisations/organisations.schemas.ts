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
  'other',
] as const
export const ORGANISATION_NAME_MAX = 200

export const OrganisationSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: ORGANISATION_NAME_MAX }),
  kind: Type.Union(ORGANISATION_KINDS.map((k) => Type.Literal(k))),
  cbsCode: Type.Optional(Type.String({ pattern: '^(GM[0-9]{4}|PV[0-9]{2})$', maxLength: 6 })),
  websiteUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 })),
  isCityDealPartner: Type.Optional(Type.Literal('on')),
})

export const EditOrganisationSchema = Type.Composite([OrganisationSchema, Type.Object({ version: Type.String({ maxLength: 40 }) })])

export const MergeOrganisationSchema = Type.Object({ targetId: Type.Integer({ minimum: 1, maximum: 2 ** 52 }) })
