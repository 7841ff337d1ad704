import { Type, type Static } from '@sinclair/typebox'
import { MIM_RELATIONS } from '../../db/schema-open-data.ts'
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug.ts'
import { TOOL_LANGUAGES } from '../submissions/submissions.schemas.ts'
import {
  ALIAS_KINDS,
  CATEGORIES,
  INVOLVEMENTS,
  LINK_KINDS,
  ORIGINS,
  PROCESSES,
  RATINGS,
  ROLES,
  PILOT_OUTCOMES,
  PILOT_STATUSES,
  STATUSES,
  TOOL_LIMITS as L,
} from '../tools/tools.constants.ts'

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))
const text = (max: number) => Type.Optional(Type.String({ maxLength: max, multiline: true }))
const line = (max: number) => Type.Optional(Type.String({ maxLength: max }))
const url = Type.String({ format: 'http-url', maxLength: L.url })
const date = Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 }))
const language = Type.Optional(Type.String({ pattern: '^[a-z]{2}$', maxLength: 2 }))
const code = (max: number) => Type.String({ pattern: '^[a-z0-9._-]+$', maxLength: max })
/** The tool's version the editor started from: a save from an older one is a conflict. */
const version = { version: Type.Integer({ minimum: 1, maximum: 2 ** 31 }) }

/** The first section: texts in both languages, classification, licence, dates, languages. */
export const BasicsSchema = Type.Object({
  ...version,
  nameNl: line(L.name),
  nameEn: line(L.name),
  descriptionNl: text(L.description),
  descriptionEn: text(L.description),
  processQuestionNl: text(L.processQuestion),
  processQuestionEn: text(L.processQuestion),
  occasionNl: text(L.occasion),
  occasionEn: text(L.occasion),
  category: oneOf(CATEGORIES),
  form: code(40),
  /** The tool's status (a form field of its own name: `status` is the catalogue's filter). */
  lifecycle: oneOf(STATUSES),
  origin: oneOf(ORIGINS),
  websiteUrl: Type.Optional(url),
  /** '' (not known), a common licence, 'other' (then licenceOther) or 'not_applicable'. */
  licenceChoice: Type.Optional(Type.String({ maxLength: 40 })),
  licenceOther: line(L.licence),
  startedOn: date,
  availableOn: date,
  languages: Type.Optional(Type.Array(oneOf(TOOL_LANGUAGES), { maxItems: TOOL_LANGUAGES.length })),
  processes: Type.Optional(Type.Array(oneOf(PROCESSES), { maxItems: PROCESSES.length })),
  themes: Type.Optional(Type.Array(code(40), { maxItems: 20 })),
  /** Only curators change a tool's web address; the old one keeps answering (301). */
  slug: Type.Optional(Type.String({ pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH })),
})
export type BasicsInput = Static<typeof BasicsSchema>

export const VersionSchema = Type.Object(version)

export const LinkRowSchema = Type.Object({ kind: oneOf(LINK_KINDS), url, titleNl: line(L.linkTitle), titleEn: line(L.linkTitle), language })
export const AliasRowSchema = Type.Object({ alias: Type.String({ minLength: 1, maxLength: L.alias }), kind: oneOf(ALIAS_KINDS), language })
export const SdgRowSchema = Type.Object({ code: code(6), contributes: Type.Optional(Type.Literal('on')), contributionNl: text(L.contribution), contributionEn: text(L.contribution) })
export const AssessmentRowSchema = Type.Object({
  code: code(60),
  /** '' when the criterion is not assessed. */
  rating: Type.Optional(oneOf(RATINGS)),
  explanationNl: text(L.explanation),
  explanationEn: text(L.explanation),
  evidenceUrl: Type.Optional(url),
  /** An organisation's name or alias (the picker). */
  assessedBy: line(200),
  assessedOn: date,
})
export const OrganisationRowSchema = Type.Object({
  organisation: Type.String({ minLength: 1, maxLength: 200 }),
  role: oneOf(ROLES),
  involvement: Type.Optional(oneOf(INVOLVEMENTS)),
})

/** A tool's pilot in a municipality: how far it got, what was tested, the outcome and what was learned. */
export const PilotRowSchema = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 200 }),
  status: oneOf(PILOT_STATUSES),
  committedOn: date,
  startedOn: date,
  completedOn: date,
  testedNl: text(L.pilotTested),
  testedEn: text(L.pilotTested),
  outcome: Type.Optional(oneOf(PILOT_OUTCOMES)),
  lessonsNl: text(L.pilotLessons),
  lessonsEn: text(L.pilotLessons),
  evidenceUrl: Type.Optional(url),
})

/** How the tool relates to one Living-in.EU MIM; no relation: the row is left out. */
export const MimRowSchema = Type.Object({ code: code(6), relation: Type.Optional(oneOf(MIM_RELATIONS)) })

export type LinkRow = Static<typeof LinkRowSchema>
export type MimRow = Static<typeof MimRowSchema>
export type AliasRow = Static<typeof AliasRowSchema>
export type SdgRow = Static<typeof SdgRowSchema>
export type AssessmentRow = Static<typeof AssessmentRowSchema>
export type OrganisationRow = Static<typeof OrganisationRowSchema>
export type PilotRow = Static<typeof PilotRowSchema>

/** The rows a section page edits, each kind under its own field prefix (link-0-url, alias-2-kind, …). */
export const ROW_SCHEMAS = {
  link: LinkRowSchema,
  alias: AliasRowSchema,
  sdg: SdgRowSchema,
  assessment: AssessmentRowSchema,
  org: OrganisationRowSchema,
  pilot: PilotRowSchema,
  mim: MimRowSchema,
} as const
export type RowKind = keyof typeof ROW_SCHEMAS
/** The most rows of one kind a form may send (bounds the work a post can cause). */
export const MAX_ROWS = 60
