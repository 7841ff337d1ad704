import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { API_VERSION } from '../../plugins/error-handler.ts'
import { CATEGORIES, FACETS, MAX_API_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET, ORIGINS, PROCESSES, SORTS, STATUSES } from '../tools/tools.constants.ts'
import { facetVocabulary } from '../tools/tools.schemas.ts'
import { REASONS } from '../submissions/similarity.ts'
import { DESCRIPTION_MAX, LICENCE_MAX, NAME_MAX, NOTE_MAX, OWNER_MAX, TOOL_LANGUAGES, URL_MAX } from '../submissions/submissions.schemas.ts'

const versionHeader = {
  'API-Version': {
    description: 'The full version of the API (NL GOV API Design Rules /core/version-header)',
    schema: { type: 'string', example: API_VERSION },
  },
}

const problem = (description: string) => ({
  description,
  headers: versionHeader,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})

/** The OpenAPI 3.0 description of the public API, built from the same vocabularies the API validates with. */
export function buildOpenApi(ctx: { config: Config; reference: ReferenceData }) {
  const vocabulary = facetVocabulary(ctx.reference)
  const codeLabel = {
    type: 'object',
    required: ['code', 'label'],
    properties: { code: { type: 'string' }, label: { type: 'string' } },
  }
  const link = { type: 'object', required: ['href'], properties: { href: { type: 'string', format: 'uri' } } }
  const langParameter = {
    name: 'lang',
    in: 'query',
    description: 'Language of texts and labels; a text without a translation falls back to the other language and says so.',
    schema: { type: 'string', enum: ['nl', 'en'], default: 'nl' },
  }
  const facetDescriptions: Record<string, string> = {
    category: `Kind of tool: ${CATEGORIES.join(', ')}`,
    form: 'Form of the tool (agreement, standard, norm, ordinance, legislation, method, guideline, software, dataset)',
    status: `Lifecycle status: ${STATUSES.join(', ')}`,
    origin: `Origin: ${ORIGINS.join(', ')}`,
    process: `Process of the city the tool changes: ${PROCESSES.join(', ')}`,
    theme: 'Rathenau ethical theme the tool addresses',
    sdg: 'SDG 11 target the tool contributes to',
    principle: 'Design principle the tool was assessed to meet',
    municipality: 'CBS code of a municipality involved in the tool (e.g. GM0363)',
  }

  return {
    openapi: '3.0.3',
    info: {
      title: 'City Deal Toolbox API',
      version: API_VERSION,
      description:
        'Public read API of the City Deal Toolbox: tools for the digitalising city, in Dutch and English. Filters can be repeated (OR within a filter, AND across filters).',
      contact: { name: 'Future City Foundation', email: ctx.config.CONTACT_EMAIL, url: `${ctx.config.PUBLIC_URL}/about` },
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/en/' },
    },
    servers: [{ url: `${ctx.config.PUBLIC_URL}/api/v1`, description: 'This toolbox' }],
    tags: [
      { name: 'Tools', description: 'The catalogue of tools' },
      { name: 'Submissions', description: 'Sharing an existing tool, with duplicate detection' },
      { name: 'API', description: 'About the API' },
    ],
    paths: {
      '/tools': {
        get: {
          operationId: 'listTools',
          tags: ['Tools'],
          summary: 'Search and filter the catalogue',
          description: 'Full-text search over names, aliases and descriptions in Dutch and English, tolerant of typos, with facet counts.',
          parameters: [
            { name: 'q', in: 'query', description: 'Search terms', schema: { type: 'string', maxLength: MAX_QUERY_LENGTH } },
            ...FACETS.map((facet) => ({
              name: facet,
              in: 'query',
              description: facetDescriptions[facet],
              style: 'form',
              explode: true,
              schema: { type: 'array', maxItems: MAX_VALUES_PER_FACET, items: { type: 'string', enum: [...vocabulary[facet]] } },
            })),
            { name: 'sort', in: 'query', description: 'Sort order; relevance needs q', schema: { type: 'string', enum: [...SORTS] } },
            { name: 'page', in: 'query', description: 'Page number', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'pageSize', in: 'query', description: 'Items per page', schema: { type: 'integer', minimum: 1, maximum: MAX_API_PAGE_SIZE, default: 20 } },
            langParameter,
          ],
          responses: {
            '200': {
              description: 'One page of matching tools, the total and the facet counts',
              headers: versionHeader,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ToolList' } } },
            },
            '400': problem('A parameter is invalid; invalidParams says which and why'),
            '404': problem('The page number is beyond the last page'),
          },
        },
      },
      '/tools/{slug}': {
        get: {
          operationId: 'getTool',
          tags: ['Tools'],
          summary: 'One tool with everything known about it',
          description:
            'The tool with its texts, classifications, organisations and their roles, test municipalities with results, SDG 11 contributions, assessments and related tools.',
          parameters: [
            { name: 'slug', in: 'path', required: true, description: 'The tool\'s stable identifier', schema: { type: 'string', pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH } },
            langParameter,
          ],
          responses: {
            '200': {
              description: 'The tool',
              headers: versionHeader,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Tool' } } },
            },
            '400': problem('A parameter is invalid'),
            '404': problem('No tool has this slug'),
          },
        },
      },
      '/similar-tools': {
        get: {
          operationId: 'listSimilarTools',
          tags: ['Submissions'],
          summary: 'Tools and open submissions that look like a tool',
          description:
            'The duplicate check of the share form: published tools, tools in development and submissions under review that look like the described tool, best first, each with a score, whether it crosses the warning threshold, and why.',
          parameters: [
            { name: 'name', in: 'query', required: true, description: 'Name of the tool', schema: { type: 'string', minLength: 1, maxLength: NAME_MAX } },
            { name: 'description', in: 'query', description: 'Short description', schema: { type: 'string', maxLength: DESCRIPTION_MAX } },
            { name: 'url', in: 'query', description: 'Website of the tool', schema: { type: 'string', maxLength: URL_MAX } },
            langParameter,
          ],
          responses: {
            '200': {
              description: 'Similar tools, best first (at most 5)',
              headers: versionHeader,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/SimilarToolList' } } },
            },
            '400': problem('A parameter is missing or invalid'),
          },
        },
      },
      '/submissions': {
        post: {
          operationId: 'createSubmission',
          tags: ['Submissions'],
          summary: 'Share an existing tool',
          description:
            'Submits a tool for review by the curators, with the same validation, rate limit and duplicate check as the form. When likely duplicates exist the answer is 409 with them in items: send again with confirmDifferent true, or with additionTo set to the slug of the tool to add to. The contact address gets an e-mail with the private tracking link.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmissionInput' } } },
          },
          responses: {
            '201': {
              description: 'Saved; the tracking link is in Location and in _links',
              headers: {
                ...versionHeader,
                Location: { description: 'The private tracking page', schema: { type: 'string', format: 'uri' } },
              },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Submission' } } },
            },
            '400': problem('The submission is invalid; invalidParams says which field and why'),
            '409': {
              description: 'Likely duplicates; items lists them',
              headers: versionHeader,
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/DuplicatesProblem' } } },
            },
            '429': problem('Too many submissions from this address; try again in a minute'),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          tags: ['API'],
          summary: 'This OpenAPI document',
          description: 'The OpenAPI 3.0 description of this API, readable from any origin.',
          responses: {
            '200': {
              description: 'The OpenAPI document',
              headers: {
                ...versionHeader,
                'access-control-allow-origin': { description: 'Readable from any origin', schema: { type: 'string', enum: ['*'] } },
              },
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        CodeLabel: codeLabel,
        Link: link,
        LocalizedText: {
          type: 'object',
          nullable: true,
          required: ['text', 'language'],
          properties: { text: { type: 'string' }, language: { type: 'string', enum: ['nl', 'en'] } },
        },
        ToolSummary: {
          type: 'object',
          required: ['slug', 'name', 'nameLanguage', 'category', 'form', 'status', 'origin', 'updatedAt', '_links'],
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            nameLanguage: { type: 'string', enum: ['nl', 'en'] },
            description: { type: 'string', nullable: true },
            descriptionLanguage: { type: 'string', nullable: true, enum: ['nl', 'en'] },
            category: { $ref: '#/components/schemas/CodeLabel' },
            form: { $ref: '#/components/schemas/CodeLabel' },
            status: { $ref: '#/components/schemas/CodeLabel' },
            origin: { $ref: '#/components/schemas/CodeLabel' },
            updatedAt: { type: 'string', format: 'date-time' },
            _links: { type: 'object', properties: { self: { $ref: '#/components/schemas/Link' }, html: { $ref: '#/components/schemas/Link' } } },
          },
        },
        FacetValue: {
          type: 'object',
          required: ['value', 'label', 'count', 'selected'],
          properties: { value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' }, selected: { type: 'boolean' } },
        },
        ToolList: {
          type: 'object',
          required: ['total', 'page', 'pageSize', 'pages', 'facets', 'items', '_links'],
          properties: {
            total: { type: 'integer' },
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            pages: { type: 'integer' },
            corrections: { type: 'array', description: 'Words also searched for because a query word looked like a typo', items: { type: 'string' } },
            facets: {
              type: 'object',
              properties: Object.fromEntries(FACETS.map((f) => [f, { type: 'array', items: { $ref: '#/components/schemas/FacetValue' } }])),
            },
            items: { type: 'array', items: { $ref: '#/components/schemas/ToolSummary' } },
            _links: {
              type: 'object',
              properties: { self: { $ref: '#/components/schemas/Link' }, prev: { $ref: '#/components/schemas/Link' }, next: { $ref: '#/components/schemas/Link' } },
            },
          },
        },
        Organisation: {
          type: 'object',
          required: ['slug', 'name', 'kind', 'role'],
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            kind: { $ref: '#/components/schemas/CodeLabel' },
            cbsCode: { type: 'string', nullable: true },
            role: { $ref: '#/components/schemas/CodeLabel' },
            involvement: { nullable: true, allOf: [{ $ref: '#/components/schemas/CodeLabel' }] },
          },
        },
        TestMunicipality: {
          type: 'object',
          required: ['slug', 'name', 'cbsCode'],
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            cbsCode: { type: 'string', nullable: true },
            testStatus: { nullable: true, allOf: [{ $ref: '#/components/schemas/CodeLabel' }] },
            result: { $ref: '#/components/schemas/LocalizedText' },
            testedOn: { type: 'string', format: 'date', nullable: true },
          },
        },
        Assessment: {
          type: 'object',
          required: ['code', 'label', 'rating'],
          properties: {
            code: { type: 'string' },
            label: { type: 'string' },
            rating: { $ref: '#/components/schemas/CodeLabel' },
            explanation: { $ref: '#/components/schemas/LocalizedText' },
          },
        },
        Tool: {
          type: 'object',
          required: ['slug', 'name', 'category', 'form', 'status', 'origin', 'assessment', '_links'],
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            nameLanguage: { type: 'string', enum: ['nl', 'en'] },
            description: { $ref: '#/components/schemas/LocalizedText' },
            processQuestion: { $ref: '#/components/schemas/LocalizedText' },
            occasion: { $ref: '#/components/schemas/LocalizedText' },
            category: { $ref: '#/components/schemas/CodeLabel' },
            form: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                label: { type: 'string' },
                bindingLevel: { nullable: true, allOf: [{ $ref: '#/components/schemas/CodeLabel' }] },
                bindingForce: { type: 'string', nullable: true },
              },
            },
            status: { $ref: '#/components/schemas/CodeLabel' },
            origin: { $ref: '#/components/schemas/CodeLabel' },
            processes: { type: 'array', items: { $ref: '#/components/schemas/CodeLabel' } },
            licence: { type: 'string', nullable: true },
            languages: { type: 'array', description: 'Languages the tool is available in (ISO 639-1)', items: { $ref: '#/components/schemas/CodeLabel' } },
            website: { type: 'string', nullable: true, format: 'uri' },
            aliases: { type: 'array', items: { type: 'string' } },
            organisations: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } },
            testMunicipalities: { type: 'array', items: { $ref: '#/components/schemas/TestMunicipality' } },
            sdgTargets: {
              type: 'array',
              items: {
                type: 'object',
                properties: { code: { type: 'string' }, label: { type: 'string' }, contribution: { $ref: '#/components/schemas/LocalizedText' } },
              },
            },
            themes: { type: 'array', items: { $ref: '#/components/schemas/CodeLabel' } },
            assessment: {
              type: 'object',
              properties: {
                principles: { type: 'array', items: { $ref: '#/components/schemas/Assessment' } },
                rathenau: { type: 'array', items: { $ref: '#/components/schemas/Assessment' } },
                preconditions: { type: 'array', items: { $ref: '#/components/schemas/Assessment' } },
              },
            },
            links: {
              type: 'array',
              items: {
                type: 'object',
                properties: { kind: { type: 'string' }, url: { type: 'string', format: 'uri' }, title: { type: 'string' }, language: { type: 'string', nullable: true } },
              },
            },
            related: { type: 'array', description: 'Tools that share an organisation', items: { $ref: '#/components/schemas/ToolSummary' } },
            similar: { type: 'array', description: 'Tools with the most classifications in common', items: { $ref: '#/components/schemas/ToolSummary' } },
            history: {
              type: 'array',
              description: 'Changes to the tool, newest first, naming the acting organisation (never a person)',
              items: {
                type: 'object',
                required: ['at', 'action', 'by'],
                properties: { at: { type: 'string', format: 'date-time' }, action: { type: 'string' }, by: { type: 'string' } },
              },
            },
            startedOn: { type: 'string', format: 'date', nullable: true },
            availableOn: { type: 'string', format: 'date', nullable: true },
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            _links: { type: 'object', properties: { self: { $ref: '#/components/schemas/Link' }, html: { $ref: '#/components/schemas/Link' } } },
          },
        },
        SimilarTool: {
          type: 'object',
          required: ['type', 'slug', 'name', 'status', 'score', 'likely', 'reasons'],
          properties: {
            type: { type: 'string', enum: ['tool', 'submission'], description: 'A catalogue tool, or a submission under review' },
            slug: { type: 'string', nullable: true, description: 'The tool\'s slug; null for a submission' },
            name: { type: 'string', nullable: true, description: 'The tool\'s name; null for a submission under review (not public until a curator decides)' },
            status: { type: 'string', description: 'Lifecycle status of a tool, or the status of a submission' },
            score: { type: 'number', minimum: 0, maximum: 1 },
            likely: { type: 'boolean', description: 'At or above the warning threshold' },
            reasons: { type: 'array', items: { type: 'string', enum: [...REASONS] } },
            _links: { type: 'object', properties: { html: { $ref: '#/components/schemas/Link' } } },
          },
        },
        SimilarToolList: {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: { $ref: '#/components/schemas/SimilarTool' } } },
        },
        SubmissionInput: {
          type: 'object',
          required: ['name', 'description', 'contactEmail'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: NAME_MAX },
            description: { type: 'string', minLength: 1, maxLength: DESCRIPTION_MAX },
            form: { type: 'string', enum: ctx.reference.forms.map((f) => f.code) },
            category: { type: 'string', enum: [...CATEGORIES] },
            ownerName: { type: 'string', maxLength: OWNER_MAX },
            websiteUrl: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: URL_MAX },
            contactEmail: { type: 'string', format: 'email', maxLength: 254 },
            themes: { type: 'array', maxItems: 20, items: { type: 'string', enum: ctx.reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code) } },
            sdgTargets: { type: 'array', maxItems: 20, items: { type: 'string', enum: ctx.reference.sdgTargets.map((t) => t.code) } },
            languages: { type: 'array', items: { type: 'string', enum: [...TOOL_LANGUAGES] } },
            licence: { type: 'string', maxLength: LICENCE_MAX },
            note: { type: 'string', maxLength: NOTE_MAX },
            additionTo: { type: 'string', description: 'Slug of the existing tool this adds to' },
            confirmDifferent: { type: 'boolean', description: 'The submitter saw the likely duplicates and says this tool is a different one' },
            locale: { type: 'string', enum: ['nl', 'en'], description: 'Language of the e-mails and the tracking page' },
          },
        },
        Submission: {
          type: 'object',
          required: ['id', 'kind', 'status', 'createdAt', '_links'],
          properties: {
            id: { type: 'integer' },
            kind: { type: 'string', enum: ['new_tool', 'addition'] },
            status: { type: 'string', enum: ['pending', 'needs_info', 'published', 'merged', 'rejected'] },
            createdAt: { type: 'string', format: 'date-time' },
            _links: { type: 'object', required: ['tracking'], properties: { tracking: { $ref: '#/components/schemas/Link' } } },
          },
        },
        DuplicatesProblem: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            {
              type: 'object',
              required: ['items'],
              properties: { detail: { type: 'string' }, items: { type: 'array', items: { $ref: '#/components/schemas/SimilarTool' } } },
            },
          ],
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string', description: 'In the language asked for (lang or Accept-Language)' },
            status: { type: 'integer' },
            code: { type: 'string', description: 'Stable identifier of the problem' },
            instance: { type: 'string' },
            invalidParams: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'code', 'reason'],
                properties: { name: { type: 'string' }, code: { type: 'string' }, reason: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  }
}

export function registerOpenApi(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData }) {
  const document = buildOpenApi(ctx)
  app.get('/api/v1/openapi.json', async (_request, reply) =>
    reply.header('api-version', API_VERSION).header('access-control-allow-origin', '*').send(document),
  )
}
