import { Type } from '@sinclair/typebox'
import { Component } from '../lib/schema.ts'

export const InvalidParam = Type.Object({
  name: Type.String({ description: 'The parameter or body field' }),
  code: Type.String({ description: 'Stable identifier of what is wrong with it' }),
  reason: Type.String({ description: 'What is wrong, in the language asked for' }),
})

/** The members every problem has; a problem with more (the possible duplicates) spreads these. */
export const problemProperties = {
  type: Type.String({ format: 'uri' }),
  title: Type.String({ description: 'In the language asked for (lang, else Accept-Language, else Dutch)' }),
  status: Type.Integer(),
  detail: Type.String({ description: 'What went wrong this time, and how to put it right; in the language asked for' }),
  code: Type.String({ description: 'Stable identifier of the problem' }),
  instance: Type.Optional(Type.String()),
  invalidParams: Type.Optional(Type.Array(InvalidParam, { description: 'Which parameters or fields are invalid, and why' })),
}

/** RFC 9457 problem details, the body of every API error (application/problem+json). */
export const Problem = Component('Problem', Type.Object(problemProperties, { description: 'RFC 9457 problem details' }))
