import { Type, type Static } from '@sinclair/typebox'

/** Limits of a call and an answer, as the database checks them (migrations 0006 and 0007). */
export const CALL_LIMITS = { asked: 2000, effort: 1000, note: 2000, name: 200, email: 254, municipality: 200, needed: 50 } as const

/** The tool statuses a call for test municipalities can be opened in: before and while it is tested. */
export const CALLABLE_STATUSES = ['idea', 'proposed', 'selected', 'in_development', 'testing'] as const

/** An owner (or curator) opens or changes a call: what is asked of a municipality, the effort, the period, how many. */
export const CallSchema = Type.Object({
  askedNl: Type.Optional(Type.String({ maxLength: CALL_LIMITS.asked, multiline: true })),
  askedEn: Type.Optional(Type.String({ maxLength: CALL_LIMITS.asked, multiline: true })),
  effortNl: Type.Optional(Type.String({ maxLength: CALL_LIMITS.effort, multiline: true })),
  effortEn: Type.Optional(Type.String({ maxLength: CALL_LIMITS.effort, multiline: true })),
  opensOn: Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 })),
  closesOn: Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 })),
  municipalitiesNeeded: Type.Integer({ minimum: 1, maximum: CALL_LIMITS.needed }),
  /** The version of the call the form was filled in on (absent when opening a new one). */
  version: Type.Optional(Type.Integer({ minimum: 1 })),
})
export type CallInput = Static<typeof CallSchema>

/** Closing a call: the version the owner saw. */
export const CloseCallSchema = Type.Object({ version: Type.Integer({ minimum: 1 }) })
export type CloseCallInput = Static<typeof CloseCallSchema>

/** A member of a municipality answers for it: "we want to test this", with a note. */
export const MemberAnswerSchema = Type.Object({
  note: Type.Optional(Type.String({ maxLength: CALL_LIMITS.note, multiline: true })),
})
export type MemberAnswerInput = Static<typeof MemberAnswerSchema>

const publicAnswerFields = {
  name: Type.String({ minLength: 1, maxLength: CALL_LIMITS.name }),
  municipality: Type.String({ minLength: 1, maxLength: CALL_LIMITS.municipality }),
  email: Type.String({ format: 'email', maxLength: CALL_LIMITS.email }),
  note: Type.Optional(Type.String({ maxLength: CALL_LIMITS.note, multiline: true })),
}

/** A municipality without an account answers through the public form: who, which municipality, an address. */
export const PublicAnswerSchema = Type.Object(publicAnswerFields)
export type PublicAnswerInput = Static<typeof PublicAnswerSchema>

/** POST /api/v1/tools/{slug}/call/answers: the public form's fields, and the language to answer in. */
export const ApiAnswerSchema = Type.Object(
  { ...publicAnswerFields, locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])) },
  { additionalProperties: false },
)

/** An owner or curator decides on an answer. */
export const AnswerDecisionSchema = Type.Object({ decision: Type.Union([Type.Literal('accept'), Type.Literal('decline')]) })
export type AnswerDecisionInput = Static<typeof AnswerDecisionSchema>

