import { Type } from '@sinclair/typebox'
import type { SubmissionStatus, SubmissionsTable } from '../../db/schema.ts'
import { Component, Nullable, StringEnum } from '../../lib/schema.ts'
import { problemProperties } from '../../plugins/problem.schema.ts'
import { Link } from '../tools/tools.responses.ts'
import { REASONS } from './similarity.ts'

// The API's answers about sharing a tool: the routes serialise through these, and the OpenAPI document is
// generated from them (src/modules/api/openapi.ts).

export const SimilarTool = Component(
  'SimilarTool',
  Type.Object({
    type: StringEnum(['tool', 'submission'], { description: 'A catalogue tool, or a submission under review' }),
    slug: Nullable(Type.String({ description: "The tool's slug; null for a submission" })),
    name: Nullable(Type.String({ description: "The tool's name; null for a submission under review (not public until a curator decides)" })),
    status: Type.String({ description: 'Lifecycle status of a tool, or the status of a submission' }),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    likely: Type.Boolean({ description: 'At or above the warning threshold' }),
    reasons: Type.Array(StringEnum(REASONS)),
    _links: Type.Optional(Type.Object({ html: Link }, { description: 'Tools only' })),
  }),
)

export const SimilarToolList = Component('SimilarToolList', Type.Object({ items: Type.Array(SimilarTool, { description: 'Best first, at most 5' }) }))

const SUBMISSION_KINDS = ['new_tool', 'addition'] as const satisfies readonly SubmissionsTable['kind'][]
const SUBMISSION_STATUSES = ['pending', 'needs_info', 'published', 'merged', 'rejected'] as const satisfies readonly SubmissionStatus[]

export const Submission = Component(
  'Submission',
  Type.Object({
    id: Type.Integer(),
    kind: StringEnum(SUBMISSION_KINDS),
    status: StringEnum(SUBMISSION_STATUSES),
    createdAt: Type.String({ format: 'date-time' }),
    _links: Type.Object({ tracking: Link }, { description: 'The private tracking page' }),
  }),
)

/** 409: the submission looks like tools we know; send again with confirmDifferent or additionTo. */
export const DuplicatesProblem = Component(
  'DuplicatesProblem',
  Type.Object({ ...problemProperties, items: Type.Array(SimilarTool, { description: 'The likely duplicates, best first' }) }, { description: 'RFC 9457 problem details with the likely duplicates' }),
)
