import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { label } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { Component, Nullable } from '../../lib/schema.ts'
import { apiLocale } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { CATEGORIES, PROCESSES, STATUSES } from '../tools/tools.constants.ts'
import { CodeLabel, Link } from '../tools/tools.responses.ts'

/** The code lists the API offers, by the name in their address. */
export const VOCABULARIES = ['categories', 'forms', 'processes', 'statuses', 'principles', 'themes', 'preconditions', 'sdg-targets', 'mims'] as const
export type VocabularyName = (typeof VOCABULARIES)[number]

export const VOCABULARY_DESCRIPTIONS: Record<VocabularyName, string> = {
  categories: 'Kinds of tool (the category filter)',
  forms: 'Forms of a tool, each with its binding force (the form filter)',
  processes: 'Processes of the city a tool changes: design, furnish, manage, govern (the process filter)',
  statuses: 'Lifecycle statuses of a tool (the status filter)',
  principles: 'The City Deal design principles a tool is assessed against (the principle filter)',
  themes: 'The Rathenau Institute’s ethical themes (the theme filter)',
  preconditions: 'The preconditions a tool is assessed against',
  'sdg-targets': 'The targets of SDG 11 (the sdg filter)',
  mims: 'The Living-in.EU Minimal Interoperability Mechanisms (the mim filter)',
}

export const VocabularyEntry = Component(
  'VocabularyEntry',
  Type.Object({
    code: Type.String({ description: 'The stable code, as the filters and the tools use it' }),
    label: Type.String({ description: 'In the language asked for' }),
    description: Nullable(Type.String({ description: 'What it means, in the language asked for' })),
    source: Nullable(Type.String({ format: 'uri', description: 'Where it is defined' })),
    bindingLevel: Type.Optional(CodeLabel),
    bindingForce: Type.Optional(Type.String({ description: 'Forms only: how binding a tool of this form is, in words' })),
  }),
)

export const Vocabulary = Component(
  'Vocabulary',
  Type.Object({
    name: Type.String(),
    items: Type.Array(VocabularyEntry, { description: 'In their fixed order' }),
    _links: Type.Object({ self: Link }),
  }),
)

type Entry = Static<typeof VocabularyEntry>

function entries(name: VocabularyName, reference: ReferenceData, locale: Locale): Entry[] {
  const nl = locale === 'nl'
  // A fixed list's meaning, where the messages have one (category.content.description).
  const meaning = (prefix: string, code: string) => {
    const text = label(locale, prefix, `${code}.description`)
    return text === `${code}.description` ? null : text
  }
  const fixed = (prefix: string, codes: readonly string[]) => codes.map((code) => ({ code, label: label(locale, prefix, code), description: meaning(prefix, code), source: null }))
  const criteria = (family: 'principle' | 'rathenau' | 'precondition') =>
    reference.criteria
      .filter((c) => c.family === family)
      .sort((a, b) => a.position - b.position)
      .map((c) => ({ code: c.code, label: nl ? c.name_nl : c.name_en, description: nl ? c.description_nl : c.description_en, source: c.source_url }))
  switch (name) {
    case 'categories':
      return fixed('category', CATEGORIES)
    case 'processes':
      return fixed('process', PROCESSES)
    case 'statuses':
      return fixed('status', STATUSES)
    case 'forms':
      return [...reference.forms]
        .sort((a, b) => a.position - b.position)
        .map((f) => ({
          code: f.code,
          label: nl ? f.name_nl : f.name_en,
          description: nl ? f.description_nl : f.description_en,
          source: null,
          bindingLevel: { code: f.binding_level, label: label(locale, 'binding', f.binding_level) },
          bindingForce: nl ? f.binding_nl : f.binding_en,
        }))
    case 'principles':
      return criteria('principle')
    case 'themes':
      return criteria('rathenau')
    case 'preconditions':
      return criteria('precondition')
    case 'sdg-targets':
      return [...reference.sdgTargets]
        .sort((a, b) => a.position - b.position)
        .map((s) => ({ code: s.code, label: nl ? s.title_nl : s.title_en, description: nl ? s.summary_nl : s.summary_en, source: s.source_url }))
    case 'mims':
      return [...reference.mims]
        .sort((a, b) => a.position - b.position)
        .map((m) => ({ code: m.code, label: nl ? m.name_nl : m.name_en, description: nl ? m.description_nl : m.description_en, source: m.source_url }))
  }
}

const isVocabulary = (name: string): name is VocabularyName => (VOCABULARIES as readonly string[]).includes(name)

/** GET /api/v1/vocabularies/{name}: one code list with its labels in the request's language. */
export function registerVocabulariesApi(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData }) {
  app.get<{ Params: { name: string } }>(
    '/api/v1/vocabularies/:name',
    { schema: { response: { 200: Vocabulary, 400: Problem, 404: Problem, '5xx': Problem } } },
    async (request): Promise<Static<typeof Vocabulary>> => {
      const locale = apiLocale(request)
      const name = request.params.name
      if (!isVocabulary(name)) throw new NotFoundError('error.vocabularyNotFound', { name: name.slice(0, 60) })
      return { name, items: entries(name, ctx.reference, locale), _links: { self: { href: `${ctx.config.PUBLIC_URL}/api/v1/vocabularies/${name}?lang=${locale}` } } }
    },
  )
}
