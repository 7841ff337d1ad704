import { Type, type Static } from '@sinclair/typebox'
import { INVOLVEMENTS } from '../tools/tools.constants.ts'

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))

/** The note of a request, as the database checks it (migration 0006). */
export const NOTE_MAX_LENGTH = 2000

/** A partner asks to be involved in an initiative of others: how closely, and why. */
export const InvolvementRequestSchema = Type.Object({
  involvement: oneOf(INVOLVEMENTS),
  note: Type.Optional(Type.String({ maxLength: NOTE_MAX_LENGTH, multiline: true })),
})
export type InvolvementRequestInput = Static<typeof InvolvementRequestSchema>

/** A curator or the organising party decides on a request. */
export const InvolvementDecisionSchema = Type.Object({
  decision: oneOf(['accept', 'decline'] as const),
})
export type InvolvementDecisionInput = Static<typeof InvolvementDecisionSchema>
