import { Type, type Static } from '@sinclair/typebox'
import { TOOL_LIMITS } from '../tools/tools.constants.ts'

/** Limits of what an organisation records about its use of a tool, as the database checks them (migration 0006). */
export const ADOPTION_LIMITS = { organisation: 200, toolVersion: 100, localVariant: 2000, url: TOOL_LIMITS.url } as const

/**
 * "We use this tool": since when, which version, a local variant in either language and a link to it. A member
 * records it for their own organisation (the field is left out); a curator names the organisation.
 */
export const AdoptionSchema = Type.Object({
  organisation: Type.Optional(Type.String({ maxLength: ADOPTION_LIMITS.organisation })),
  since: Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 })),
  toolVersion: Type.Optional(Type.String({ maxLength: ADOPTION_LIMITS.toolVersion })),
  localVariantNl: Type.Optional(Type.String({ maxLength: ADOPTION_LIMITS.localVariant, multiline: true })),
  localVariantEn: Type.Optional(Type.String({ maxLength: ADOPTION_LIMITS.localVariant, multiline: true })),
  localUrl: Type.Optional(Type.String({ format: 'http-url', maxLength: ADOPTION_LIMITS.url })),
})
export type AdoptionInput = Static<typeof AdoptionSchema>

/** Removing a recorded use: the organisation's (a curator names it). */
export const RemoveAdoptionSchema = Type.Object({
  organisation: Type.Optional(Type.String({ maxLength: ADOPTION_LIMITS.organisation })),
})
export type RemoveAdoptionInput = Static<typeof RemoveAdoptionSchema>
