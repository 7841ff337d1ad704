import { Type, type Static } from '@sinclair/typebox'
import { PILOT_OUTCOMES, PILOT_STATUSES, TOOL_LIMITS as L } from '../tools/tools.constants.ts'

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))
const date = Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 }))
const text = (max: number) => Type.Optional(Type.String({ maxLength: max, multiline: true }))

/** A municipality records how its pilot of a tool went: its stage, dates, what was tested, the outcome, the lessons. */
export const PilotResultSchema = Type.Object({
  status: oneOf(PILOT_STATUSES),
  startedOn: date,
  completedOn: date,
  testedNl: text(L.pilotTested),
  testedEn: text(L.pilotTested),
  outcome: Type.Optional(oneOf(PILOT_OUTCOMES)),
  lessonsNl: text(L.pilotLessons),
  lessonsEn: text(L.pilotLessons),
  evidenceUrl: Type.Optional(Type.String({ format: 'http-url', maxLength: L.url })),
  /** The version of the pilot the form was filled in on. */
  version: Type.Integer({ minimum: 1 }),
})
export type PilotResultInput = Static<typeof PilotResultSchema>
