import { Type, type Static } from '@sinclair/typebox'

/** Limits of a gathering, as the database checks them (migration 0013). */
export const GATHERING_LIMITS = { title: 200, place: 300, onlineUrl: 500, minutes: 20000, agendaTitle: 300, documentTitle: 300, documentUrl: 2000, agendaRows: 40, documentRows: 20 } as const

/** How many empty rows the agenda and document forms offer below the filled ones (no JavaScript adds rows). */
export const EMPTY_ROWS = 3

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 })

/** A curator creates or changes a gathering: a Dutch date with times of day, a place and/or an online link. */
export const GatheringSchema = Type.Object({
  titleNl: Type.String({ minLength: 1, maxLength: GATHERING_LIMITS.title }),
  titleEn: Type.String({ minLength: 1, maxLength: GATHERING_LIMITS.title }),
  date: Type.String({ format: 'iso-date', maxLength: 10 }),
  startTime: Type.String({ minLength: 1, maxLength: 5 }),
  endTime: Type.String({ minLength: 1, maxLength: 5 }),
  place: Type.Optional(Type.String({ maxLength: GATHERING_LIMITS.place })),
  onlineUrl: Type.Optional(Type.String({ format: 'http-url', maxLength: GATHERING_LIMITS.onlineUrl })),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
})
export type GatheringInput = Static<typeof GatheringSchema>

/** One row of the agenda form: a main item or a sub-item of the main item above it. */
export const AgendaRowSchema = Type.Object({
  titleNl: Type.String({ minLength: 1, maxLength: GATHERING_LIMITS.agendaTitle }),
  titleEn: Type.String({ minLength: 1, maxLength: GATHERING_LIMITS.agendaTitle }),
  level: Type.Union([Type.Literal('main'), Type.Literal('sub')]),
  proposal: Type.Optional(id),
})
export type AgendaRow = Static<typeof AgendaRowSchema>

/** One row of the documents form. */
export const DocumentRowSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: GATHERING_LIMITS.documentTitle }),
  url: Type.String({ format: 'http-url', maxLength: GATHERING_LIMITS.documentUrl }),
})
export type DocumentRow = Static<typeof DocumentRowSchema>

/** The minutes in both languages and the organisations that were there. */
export const MinutesSchema = Type.Object({
  minutesNl: Type.Optional(Type.String({ maxLength: GATHERING_LIMITS.minutes, multiline: true })),
  minutesEn: Type.Optional(Type.String({ maxLength: GATHERING_LIMITS.minutes, multiline: true })),
  attendance: Type.Optional(Type.Array(id, { maxItems: 500 })),
})
export type MinutesInput = Static<typeof MinutesSchema>

/** A member registers who of their organisation attends (every ticked colleague; none ticked: nobody). */
export const RegistrationSchema = Type.Object({ attendees: Type.Optional(Type.Array(id, { maxItems: 200 })) })
export type RegistrationInput = Static<typeof RegistrationSchema>

/** A curator puts a submitted proposal on the agenda as a decision item. */
export const PutOnAgendaSchema = Type.Object({ proposal: id })
export type PutOnAgendaInput = Static<typeof PutOnAgendaSchema>
