import { Type, type Static } from '@sinclair/typebox'
import { CATEGORIES, ORIGINS, STATUSES, TOOL_LIMITS as L } from '../tools/tools.constants.ts'
import { MERGE_FIELDS, type MergeField } from './tool-merge.ts'

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))
const version = Type.Integer({ minimum: 1, maximum: 2 ** 31 })
const side = Type.Optional(oneOf(['this', 'other'] as const))

/** The statuses a tool is created with: retiring takes a reason, on a page of its own. */
export const CREATE_STATUSES = STATUSES.filter((s) => s !== 'retired')

/** A curator creates a tool: what duplicate detection reads first, then its classification. */
export const CreateToolSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: L.name }),
  /** The language the name and description are written in. */
  nameLanguage: oneOf(['nl', 'en'] as const),
  description: Type.String({ minLength: 1, maxLength: L.description, multiline: true }),
  websiteUrl: Type.Optional(Type.String({ format: 'http-url', maxLength: L.url })),
  category: oneOf(CATEGORIES),
  form: Type.String({ pattern: '^[a-z0-9._-]+$', maxLength: 40 }),
  lifecycle: oneOf(CREATE_STATUSES),
  origin: oneOf(ORIGINS),
  /** Ticked after seeing the likely duplicates: create it anyway. */
  confirmDifferent: Type.Optional(Type.Literal('on')),
})
export type CreateToolInput = Static<typeof CreateToolSchema>

/** Retiring a tool: why (in Dutch, English or both) and, optionally, the tool that replaces it (a name or slug). */
export const RetireSchema = Type.Object({
  version,
  reasonNl: Type.Optional(Type.String({ maxLength: L.retiredReason, multiline: true })),
  reasonEn: Type.Optional(Type.String({ maxLength: L.retiredReason, multiline: true })),
  replacedBy: Type.Optional(Type.String({ maxLength: L.name })),
})
export type RetireInput = Static<typeof RetireSchema>

/**
 * Merging another tool into this one: the other tool, both versions as the comparison showed them, and per field the
 * side whose value stays ('this' or 'other'; a field left out keeps the default the page showed).
 */
export const MergeSchema = Type.Object({
  other: Type.String({ minLength: 1, maxLength: 120 }),
  version,
  otherVersion: version,
  ...(Object.fromEntries(MERGE_FIELDS.map((f) => [f, side])) as Record<MergeField, typeof side>),
})
export type MergeInput = Static<typeof MergeSchema>
