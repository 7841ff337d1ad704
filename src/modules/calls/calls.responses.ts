import { Type } from '@sinclair/typebox'
import { Component, Nullable, StringEnum } from '../../lib/schema.ts'
import { Link, LocalizedText } from '../tools/tools.responses.ts'

/** An open call for test municipalities as the API lists it. */
export const OpenCall = Component(
  'OpenCall',
  Type.Object(
    {
      tool: Type.Object({ slug: Type.String(), name: Type.String() }),
      asked: LocalizedText,
      effort: LocalizedText,
      opensOn: Type.String({ format: 'date' }),
      closesOn: Nullable(Type.String({ format: 'date', description: 'The last day to answer; null: no closing date' })),
      municipalitiesNeeded: Type.Integer({ minimum: 1 }),
      municipalitiesAccepted: Type.Integer({ minimum: 0 }),
      municipalitiesStillNeeded: Type.Integer({ minimum: 0 }),
      _links: Type.Object({ tool: Link, html: Link, answer: Link }),
    },
    { description: 'A call of a tool’s owner for municipalities to test the tool' },
  ),
)

export const OpenCallList = Component('OpenCallList', Type.Object({ items: Type.Array(OpenCall, { description: 'The open calls, those closing first first' }) }))

/** The API's receipt for an answer: what was recorded, and what the call still needs. */
export const CallAnswerReceipt = Component(
  'CallAnswerReceipt',
  Type.Object(
    {
      status: StringEnum(['open'] as const, { description: 'The answer waits for the tool’s owner or a curator to accept it' }),
      municipality: Type.String({ description: 'The name of the municipality the answer was recorded for' }),
      tool: Type.String({ description: 'Slug of the tool' }),
      municipalitiesStillNeeded: Type.Integer({ minimum: 0 }),
      closesOn: Nullable(Type.String({ format: 'date' })),
    },
    { additionalProperties: false },
  ),
)
