import { Type, type Static } from '@sinclair/typebox'

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const
/** The default quorum: at least half of the current partners vote (issue 11). */
export const DEFAULT_QUORUM_PERCENT = 50

/** A curator opens a vote on a proposal: until a day (inclusive, Dutch time) or until closed, with its quorum. */
export const OpenVoteSchema = Type.Object({
  closesOn: Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 })),
  quorumPercent: Type.Integer({ minimum: 1, maximum: 100 }),
})
export type OpenVoteInput = Static<typeof OpenVoteSchema>

/** A member casts (or changes) their organisation's vote. */
export const VoteSchema = Type.Object({ choice: Type.Union(VOTE_CHOICES.map((c) => Type.Literal(c))) })
export type VoteInput = Static<typeof VoteSchema>
