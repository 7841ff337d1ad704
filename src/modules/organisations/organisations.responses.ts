import { Type } from '@sinclair/typebox'
import { Component, Nullable } from '../../lib/schema.ts'
import { CodeLabel, Language, Link, LocalizedText, PageLinks } from '../tools/tools.responses.ts'

// The API's resources of organisations (GET /api/v1/organisations and /api/v1/organisations/{slug}): the routes
// serialise through these, and the OpenAPI document is generated from them.

const links = Type.Object({ self: Link, html: Link })

export const OrganisationSummary = Component(
  'OrganisationSummary',
  Type.Object({
    slug: Type.String({ description: "The organisation's stable identifier" }),
    name: Type.String(),
    kind: CodeLabel,
    cbsCode: Nullable(Type.String({ description: 'CBS code of a municipality (GM…) or province (PV…)' })),
    partner: Type.Boolean({ description: 'A City Deal partner' }),
    tools: Type.Integer({ minimum: 0, description: 'How many tools it has a role on' }),
    aliases: Type.Array(Type.String(), { description: 'Other names it is known by' }),
    _links: links,
  }),
)

export const OrganisationList = Component(
  'OrganisationList',
  Type.Object({
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    pages: Type.Integer({ minimum: 1 }),
    items: Type.Array(OrganisationSummary),
    _links: PageLinks,
  }),
)

const OrganisationTool = Component(
  'OrganisationTool',
  Type.Object({
    slug: Type.String(),
    name: Type.String(),
    nameLanguage: Language,
    status: CodeLabel,
    retired: Type.Boolean(),
    involvement: Nullable(CodeLabel),
    _links: links,
  }),
)

export const OrganisationResource = Component(
  'OrganisationDetail',
  Type.Object({
    slug: Type.String(),
    name: Type.String(),
    kind: CodeLabel,
    aliases: Type.Array(Type.String()),
    website: Nullable(Type.String({ format: 'uri' })),
    partner: Type.Boolean({ description: 'A City Deal partner' }),
    cbsCode: Nullable(Type.String({ description: 'CBS code of a municipality or province; null for other organisations' })),
    province: Nullable(Type.Object({ slug: Type.String(), name: Type.String() }, { description: 'The province a municipality lies in' })),
    roles: Type.Array(Type.Object({ role: CodeLabel, tools: Type.Array(OrganisationTool) }), {
      description: 'Its tools by role (owns, co-develops, organises, involved); roles without tools are left out',
    }),
    pilots: Type.Array(
      Type.Object({
        tool: OrganisationTool,
        status: CodeLabel,
        outcome: Nullable(CodeLabel),
        lessons: LocalizedText,
        completedOn: Nullable(Type.String({ format: 'date' })),
      }),
      { description: 'The tools it tests or tested' },
    ),
    adoptions: Type.Array(
      Type.Object({
        tool: OrganisationTool,
        since: Nullable(Type.String({ format: 'date' })),
        version: Nullable(Type.String()),
        localVariant: LocalizedText,
        localUrl: Nullable(Type.String({ format: 'uri' })),
      }),
      { description: 'The tools it uses' },
    ),
    _links: links,
  }),
)
