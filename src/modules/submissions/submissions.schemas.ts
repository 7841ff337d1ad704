import { Type, type TProperties } from '@sinclair/typebox'
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug.ts'
import { PROCESSES } from '../tools/tools.constants.ts'

export const NAME_MAX = 200
export const DESCRIPTION_MAX = 1000
export const URL_MAX = 2000
export const NOTE_MAX = 2000
export const MESSAGE_MAX = 2000
export const LICENCE_MAX = 200
export const OWNER_MAX = 200
/** The statuses a submitter can give an existing tool they share (the catalogue's lifecycle has more). */
export const SHARED_STATUSES = ['idea', 'in_development', 'testing', 'available'] as const
/** How many municipalities that use it a submitter can name. */
export const SHARED_MUNICIPALITIES_MAX = 3
/** Languages a tool can be offered in (ISO 639-1): the EU's most used and the Netherlands' own. */
export const TOOL_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pl', 'fy'] as const

const url = Type.String({ format: 'http-url', maxLength: URL_MAX })
const code = (max: number) => Type.String({ pattern: '^[a-z0-9._-]+$', maxLength: max })

/** What a submitter tells about a tool, in a form or through the API. */
const toolFields = {
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, multiline: true }),
  form: Type.Optional(code(40)),
  category: Type.Optional(Type.Union([Type.Literal('content'), Type.Literal('governance')])),
  ownerName: Type.Optional(Type.String({ maxLength: OWNER_MAX })),
  websiteUrl: Type.Optional(url),
  themes: Type.Optional(Type.Array(code(40), { maxItems: 20 })),
  sdgTargets: Type.Optional(Type.Array(code(6), { maxItems: 20 })),
  languages: Type.Optional(Type.Array(Type.Union(TOOL_LANGUAGES.map((l) => Type.Literal(l))), { maxItems: TOOL_LANGUAGES.length })),
  licence: Type.Optional(Type.String({ maxLength: LICENCE_MAX })),
} satisfies TProperties

/**
 * What only a submitter tells (not a curator's edit): the processes it changes, its status and the municipalities
 * that use it (names, other names or CBS codes). An addition to a tool needs no description of its own.
 */
const sharedFields = {
  description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX, multiline: true })),
  processes: Type.Optional(Type.Array(Type.Union(PROCESSES.map((p) => Type.Literal(p))), { maxItems: PROCESSES.length })),
  toolStatus: Type.Optional(Type.Union(SHARED_STATUSES.map((s) => Type.Literal(s)))),
  municipalities: Type.Optional(Type.Array(Type.String({ maxLength: OWNER_MAX }), { maxItems: SHARED_MUNICIPALITIES_MAX })),
} satisfies TProperties

const submitterFields = {
  contactEmail: Type.String({ format: 'email', maxLength: 254 }),
  note: Type.Optional(Type.String({ maxLength: NOTE_MAX, multiline: true })),
  /** Slug of the existing tool this adds to ("suggest an addition"). */
  additionTo: Type.Optional(Type.String({ pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH })),
} satisfies TProperties

/** The public form at /tools/share. */
export const ShareFormSchema = Type.Object({
  ...toolFields,
  ...sharedFields,
  ...submitterFields,
  confirmDifferent: Type.Optional(Type.Literal('on')),
})

/** POST /api/v1/submissions. */
export const ShareApiSchema = Type.Object(
  {
    ...toolFields,
    ...sharedFields,
    ...submitterFields,
    confirmDifferent: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
  },
  { additionalProperties: false },
)

/** GET /api/v1/similar-tools. */
export const SimilarQuerySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
    description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX })),
    url: Type.Optional(Type.String({ maxLength: URL_MAX })),
  },
  { additionalProperties: false },
)

/** The submitter's answer on the tracking page, when a curator asked for more. */
export const ReplySchema = Type.Object({
  note: Type.String({ minLength: 1, maxLength: NOTE_MAX, multiline: true }),
  description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX, multiline: true })),
  websiteUrl: Type.Optional(url),
})

const version = { version: Type.Integer({ minimum: 1, maximum: 2 ** 31 }) }

/** A curator's edit of a submission. */
export const CurationEditSchema = Type.Object({ ...toolFields, contactEmail: submitterFields.contactEmail, ...version })

export const CurationMessageSchema = Type.Object({ message: Type.String({ minLength: 1, maxLength: MESSAGE_MAX, multiline: true }), ...version })

export const CurationPublishSchema = Type.Object({
  ...version,
  /** Set in the publish step itself when the submission has none. */
  form: Type.Optional(code(40)),
  category: toolFields.category,
  /** The owner's name or another name of it (the organisation picker); empty: publish without owner. */
  owner: Type.Optional(Type.String({ maxLength: OWNER_MAX })),
  /** Create a new organisation of this name when none goes by it. */
  createOwner: Type.Optional(Type.Literal('on')),
})

const choice = Type.Optional(Type.Union([Type.Literal('keep'), Type.Literal('submitted')]))
const listChoice = Type.Optional(Type.Union([Type.Literal('keep'), Type.Literal('add')]))

/** Merging a submission into a tool, field by field. */
export const CurationMergeSchema = Type.Object({
  ...version,
  target: Type.String({ pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH }),
  description: choice,
  websiteUrl: choice,
  licence: choice,
  form: choice,
  category: choice,
  themes: listChoice,
  sdgTargets: listChoice,
  languages: listChoice,
  alias: Type.Optional(Type.Literal('on')),
})
