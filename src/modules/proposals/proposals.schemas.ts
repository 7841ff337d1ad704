import { Type, type Static } from '@sinclair/typebox'
import { CATEGORIES } from '../tools/tools.constants.ts'

/** Limits of a proposal, as the database checks them (migration 0011). */
export const PROPOSAL_LIMITS = { title: 200, summary: 4000, processQuestion: 2000, occasion: 2000, municipalities: 4000, comment: 4000, reason: 2000 } as const

export const RESPONSE_KINDS = ['support', 'will_own', 'will_test', 'interested'] as const
export const PROPOSAL_STATUSES = ['submitted', 'on_agenda', 'adopted', 'declined', 'merged'] as const

const code = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '^[a-z0-9_.-]+$' })
const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 })

/** A partner member proposes a new tool (/proposals/new). */
export const ProposalSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: PROPOSAL_LIMITS.title }),
  locale: Type.Union([Type.Literal('nl'), Type.Literal('en')]),
  summary: Type.String({ minLength: 1, maxLength: PROPOSAL_LIMITS.summary, multiline: true }),
  processQuestion: Type.String({ minLength: 1, maxLength: PROPOSAL_LIMITS.processQuestion, multiline: true }),
  occasion: Type.Optional(Type.String({ maxLength: PROPOSAL_LIMITS.occasion, multiline: true })),
  category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))),
  form: code(40),
  principles: Type.Optional(Type.Array(code(40), { maxItems: 20 })),
  themes: Type.Optional(Type.Array(code(40), { maxItems: 20 })),
  sdgTargets: Type.Optional(Type.Array(code(6), { maxItems: 20 })),
  proposedOwner: Type.Optional(id),
  /** Municipalities that want to take part, one name per line. */
  municipalities: Type.Optional(Type.String({ maxLength: PROPOSAL_LIMITS.municipalities, multiline: true })),
  confirmDifferent: Type.Optional(Type.Literal('on')),
})
export type ProposalInput = Static<typeof ProposalSchema>

/** An organisation's response to a proposal, given by one of its members. */
export const ResponseSchema = Type.Object({ kind: Type.Union(RESPONSE_KINDS.map((k) => Type.Literal(k))) })
export type ResponseInput = Static<typeof ResponseSchema>

export const CommentSchema = Type.Object({ body: Type.String({ minLength: 1, maxLength: PROPOSAL_LIMITS.comment, multiline: true }) })
export type CommentInput = Static<typeof CommentSchema>

/** A curator declines a proposal without a vote, with the reason. */
export const DeclineSchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: PROPOSAL_LIMITS.reason, multiline: true }) })
export type DeclineInput = Static<typeof DeclineSchema>

/** A curator merges a proposal into another open proposal, with the reason. */
export const MergeSchema = Type.Object({ into: id, reason: Type.String({ minLength: 1, maxLength: PROPOSAL_LIMITS.reason, multiline: true }) })
export type MergeInput = Static<typeof MergeSchema>
