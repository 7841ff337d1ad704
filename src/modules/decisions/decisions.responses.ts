import { Type } from '@sinclair/typebox'
import { Component, Nullable, StringEnum } from '../../lib/schema.ts'
import { Link } from '../tools/tools.responses.ts'
import { VOTE_CHOICES } from './decisions.schemas.ts'

/** A decision of the partners (a vote on a proposal) as the API shows it. */
export const Decision = Component(
  'Decision',
  Type.Object(
    {
      id: Type.Integer({ minimum: 1 }),
      proposal: Type.Object({ id: Type.Integer({ minimum: 1 }), title: Type.String(), language: StringEnum(['nl', 'en'] as const) }),
      gathering: Nullable(Type.Object({ slug: Type.String(), title: Type.String() }, { description: 'The gathering the vote was opened at' })),
      openedAt: Type.String({ format: 'date-time' }),
      closesAt: Nullable(Type.String({ format: 'date-time', description: 'When voting ends; null: when a curator closes it' })),
      closedAt: Nullable(Type.String({ format: 'date-time' })),
      quorumPercent: Type.Integer({ minimum: 1, maximum: 100 }),
      outcome: Nullable(StringEnum(['adopted', 'declined', 'no_quorum'] as const)),
      tally: Nullable(Type.Object({ for: Type.Integer({ minimum: 0 }), against: Type.Integer({ minimum: 0 }), abstain: Type.Integer({ minimum: 0 }), eligible: Type.Integer({ minimum: 0 }) })),
      votes: Type.Array(Type.Object({ organisation: Type.String(), choice: StringEnum(VOTE_CHOICES) }), { description: 'Every organisation’s vote, once the vote is closed (empty before)' }),
      tool: Nullable(Type.Object({ slug: Type.String() }, { description: 'The tool an adopted proposal started' })),
      _links: Type.Object({ html: Link }),
    },
    { description: 'A vote of the partner organisations on a proposal, one vote per organisation' },
  ),
)

export const DecisionList = Component('DecisionList', Type.Object({ items: Type.Array(Decision, { description: 'Every decision, the open votes first' }) }))
