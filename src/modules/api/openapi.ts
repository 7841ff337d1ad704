import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { API_VERSION } from '../../plugins/api.ts'
import { Problem } from '../../plugins/problem.schema.ts'
import { CATEGORIES, FACETS, MAX_API_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET, ORIGINS, PROCESSES, SORTS, STATUSES } from '../tools/tools.constants.ts'
import { Tool, ToolList } from '../tools/tools.responses.ts'
import { facetVocabulary } from '../tools/tools.schemas.ts'
import { CallAnswerReceipt, OpenCallList } from '../calls/calls.responses.ts'
import { DecisionList } from '../decisions/decisions.responses.ts'
import { GatheringList } from '../gatherings/gatherings.responses.ts'
import { ProgrammeFiguresResource } from '../programme/programme.responses.ts'
import { ApiAnswerSchema } from '../calls/calls.schemas.ts'
import { DuplicatesProblem, SimilarToolList, Submission } from '../submissions/submissions.responses.ts'
import { DESCRIPTION_MAX, NAME_MAX, ShareApiSchema, URL_MAX } from '../submissions/submissions.schemas.ts'
import { registerApiReference } from './api-reference.routes.ts'
import { directoryPaths } from './openapi.directory.ts'
import { PROBLEM_TYPES } from './problem-types.ts'
import { createSchemaRegistry, type SchemaObject } from './openapi.schemas.ts'

const LANGUAGE_RULE = 'the lang parameter, else (on a POST) the locale in the body, else Accept-Language, else Dutch'

const standardHeaders = {
  'API-Version': {
    description: 'The full version of the API (NL GOV API Design Rules /core/version-header)',
    schema: { type: 'string', example: API_VERSION },
  },
  'Content-Language': {
    description: `The language of the answer: ${LANGUAGE_RULE}`,
    schema: { type: 'string', enum: ['nl', 'en'] },
  },
}

const facetDescriptions: Record<(typeof FACETS)[number], string> = {
  category: `Kind of tool: ${CATEGORIES.join(', ')}`,
  form: 'Form of the tool (agreement, standard, norm, ordinance, legislation, method, guideline, software, dataset)',
  status: `Lifecycle status: ${STATUSES.join(', ')}`,
  origin: `Origin: ${ORIGINS.join(', ')}`,
  process: `Process of the city the tool changes: ${PROCESSES.join(', ')}`,
  theme: 'Rathenau ethical theme the tool addresses',
  sdg: 'SDG 11 target the tool contributes to',
  principle: 'Design principle the tool was assessed to meet',
  municipality: 'CBS code of a municipality involved in the tool: a role, a pilot (not withdrawn) or an adoption (e.g. GM0363)',
  usedby: 'CBS code of a municipality that records that it uses the tool (an adoption)',
  mim: 'a Living-in.EU Minimal Interoperability Mechanism (mim1 … mim10) the tool implements, supports or references',
}

const langParameter = {
  name: 'lang',
  in: 'query',
  description: `Language of texts, labels and problems (${LANGUAGE_RULE}); a text without a translation falls back to the other language and says so.`,
  schema: { type: 'string', enum: ['nl', 'en'] },
}

/**
 * The OpenAPI 3.0 description of the public API. Response shapes come from the very schemas the routes serialise
 * with (tools.responses.ts, submissions.responses.ts, problem.schema.ts), the request body from the schema the API
 * validates with, and the vocabularies from the reference data.
 */
export function buildOpenApi(ctx: { config: Config; reference: ReferenceData }) {
  const registry = createSchemaRegistry()
  const vocabulary = facetVocabulary(ctx.reference)
  const answer = (description: string, mediaType: string, schema: object, headers: object = {}) => ({
    description,
    headers: { ...standardHeaders, ...headers },
    content: { [mediaType]: { schema: registry.schema(schema) } },
  })
  const ok = (description: string, schema: object, headers: object = {}) => answer(description, 'application/json', schema, headers)
  const problem = (description: string, schema: object = Problem) => answer(description, 'application/problem+json', schema)
  const serverError = problem('Something went wrong on our side (500), or the database cannot be reached (503, with Retry-After)')

  return {
    openapi: '3.0.3',
    info: {
      title: 'City Deal Toolbox API',
      version: API_VERSION,
      description:
        `Public API of the City Deal Toolbox: tools for the digitalising city, in Dutch and English. Filters can be repeated (OR within a filter, AND across filters). Every answer, data and problem alike, is in one language: ${LANGUAGE_RULE}; Content-Language says which.`,
      contact: { name: 'Future City Foundation', email: ctx.config.CONTACT_EMAIL, url: `${ctx.config.PUBLIC_URL}/contact` },
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/en/' },
    },
    servers: [{ url: `${ctx.config.PUBLIC_URL}/api/v1`, description: 'This toolbox' }],
    tags: [
      { name: 'Tools', description: 'The catalogue of tools' },
      { name: 'Submissions', description: 'Sharing an existing tool, with duplicate detection' },
      { name: 'Calls', description: 'Calls for test municipalities: what tools look for, and answering them' },
      { name: 'Partners', description: 'The partners’ gatherings and decisions on proposed tools' },
      { name: 'Organisations', description: 'Partners, owners and developers of tools, municipalities and provinces' },
      { name: 'Programme', description: 'Where the City Deal stands: targets against actuals, the funnel and who takes part' },
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
            {
              name: 'openCall',
              in: 'query',
              description: 'true: only tools with an open call for test municipalities; false: only tools without one',
              schema: { type: 'boolean' },
            },
            {
              name: 'pilotIn',
              in: 'query',
              description: 'CBS code of a municipality where the tool has a pilot that is not withdrawn (interested, committed, running or completed); narrower than municipality',
              style: 'form',
              explode: true,
              schema: { type: 'array', maxItems: MAX_VALUES_PER_FACET, items: { type: 'string', enum: [...vocabulary.municipality] } },
            },
            { name: 'sort', in: 'query', description: 'Sort order; relevance needs q', schema: { type: 'string', enum: [...SORTS] } },
            { name: 'page', in: 'query', description: 'Page number', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'pageSize', in: 'query', description: 'Items per page', schema: { type: 'integer', minimum: 1, maximum: MAX_API_PAGE_SIZE, default: 20 } },
            langParameter,
          ],
          responses: {
            '200': {
              ...ok('One page of matching tools, the total and the facet counts; with Accept: text/csv, every match (not one page) as the CSV of /data/tools.csv', ToolList),
              content: {
                'application/json': { schema: registry.schema(ToolList) },
                'text/csv': { schema: { type: 'string', description: 'UTF-8 with a byte-order mark: a header row, then one row per tool (the columns of /data/tools.csv)' } },
              },
            },
            '400': problem('A parameter is invalid; invalidParams says which and why (pageSize names its maximum)'),
            '404': problem('The page number is beyond the last page (JSON only)'),
            '5XX': serverError,
          },
        },
      },
      '/tools/{slug}': {
        get: {
          operationId: 'getTool',
          tags: ['Tools'],
          summary: 'One tool with everything known about it',
          description:
            'The tool with its texts, classifications, organisations and their roles, pilots in municipalities with their outcome, adoptions, involvements, its dated lifecycle and what the City Deal’s gate still asks of it, SDG 11 contributions, assessments with their evidence and assessor, retirement and successor, and related tools. A slug the tool had before (renamed, or merged into another) answers 301 to the current one.',
          parameters: [
            { name: 'slug', in: 'path', required: true, description: "The tool's stable identifier", schema: { type: 'string', pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH } },
            langParameter,
          ],
          responses: {
            '200': ok('The tool', Tool),
            '301': {
              description: 'The tool was renamed or merged into another: Location gives its current address, with the query string kept',
              headers: {
                ...standardHeaders,
                Location: { description: "The tool's current address", schema: { type: 'string', format: 'uri' } },
              },
            },
            '400': problem('A parameter is invalid'),
            '404': problem('No tool has this slug'),
            '5XX': serverError,
          },
        },
      },
      ...directoryPaths({ ok, problem, serverError, standardHeaders, langParameter }),
      '/calls': {
        get: {
          operationId: 'listOpenCalls',
          tags: ['Calls'],
          summary: 'Open calls for test municipalities',
          description:
            'The calls of tools’ owners for municipalities to test a tool, open and not past their closing date, those closing first first: what is asked, the effort, the period, and how many municipalities each still wants. A City Deal tool goes into development only with three municipalities that test it.',
          parameters: [langParameter],
          responses: {
            '200': ok('The open calls', OpenCallList),
            '400': problem('A parameter is invalid'),
            '5XX': serverError,
          },
        },
      },
      '/gatherings': {
        get: {
          operationId: 'listGatherings',
          tags: ['Partners'],
          summary: 'Gatherings of the partners',
          description:
            'Every gathering of the City Deal partners, the latest first: when (UTC; the pages show Europe/Amsterdam time), where or online, the agenda in order (a sub-item names its main item; a decision item names its proposal), the documents, how many organisations registered, and after it the minutes, the organisations present and the decisions opened there. Each has an iCalendar file; /gatherings.ics (not under /api) is a feed of all.',
          parameters: [langParameter],
          responses: {
            '200': ok('Every gathering', GatheringList),
            '400': problem('A parameter is invalid'),
            '5XX': serverError,
          },
        },
      },
      '/decisions': {
        get: {
          operationId: 'listDecisions',
          tags: ['Partners'],
          summary: 'Decisions of the partners',
          description:
            'Every vote of the partner organisations on a proposed tool, the open ones first: the proposal, the gathering it was opened at, when it opened and closes, the quorum, and once closed the outcome, the tally, every organisation’s vote and the tool an adopted proposal started. Votes are secret until the close.',
          parameters: [langParameter],
          responses: {
            '200': ok('Every decision', DecisionList),
            '400': problem('A parameter is invalid'),
            '5XX': serverError,
          },
        },
      },
      '/tools/{slug}/call/answers': {
        post: {
          operationId: 'answerCall',
          tags: ['Calls'],
          summary: 'A municipality answers a tool’s open call',
          description:
            'Records that a municipality wants to test the tool, with the same checks and rate limit as the public form: the municipality by name or other name (a municipality, not another organisation), who answers and an address that only the tool’s owners and the curators see. The owners and the curators are e-mailed; the answer waits for their decision, and the address hears of it in the language of locale.',
          parameters: [
            { name: 'slug', in: 'path', required: true, description: "The tool's stable identifier", schema: { type: 'string', pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH } },
            langParameter,
          ],
          requestBody: { required: true, content: { 'application/json': { schema: callAnswerInput(registry.schema(ApiAnswerSchema)) } } },
          responses: {
            '201': ok('Recorded; Location is the call’s page', CallAnswerReceipt, {
              Location: { description: 'The call’s page', schema: { type: 'string', format: 'uri' } },
            }),
            '400': problem('The answer is invalid (invalidParams says which field and why), or the organisation named is no municipality'),
            '404': problem('No tool has this slug'),
            '409': problem('The tool has no open call, the municipality answered it already, or it tests the tool already'),
            '429': problem('Too many answers from this address; try again in a minute'),
            '5XX': serverError,
          },
        },
      },
      '/programme': {
        get: {
          operationId: 'getProgramme',
          tags: ['Programme'],
          summary: 'The programme at a glance, as data',
          description:
            'Every figure of the programme page, counted today from the catalogue: City Deal tools from selected on by category and by when they started (during the programme year or at the signing, from their dated status changes) against the targets, with each definition in words and the catalogue list behind it; City Deal tools by lifecycle stage and by part of the gate; partners by kind; municipalities that test or use tools by province; open calls. The same numbers as the page and its CSV files.',
          parameters: [
            {
              name: 'asOf',
              in: 'query',
              description: 'An earlier day: the figures as stored then (the latest snapshot on or before it; snapshots are stored monthly and when a curator asks)',
              schema: { type: 'string', format: 'date' },
            },
            langParameter,
          ],
          responses: {
            '200': ok('The figures', ProgrammeFiguresResource),
            '400': problem('A parameter is invalid'),
            '404': problem('No figures were stored on asOf or earlier'),
            '5XX': serverError,
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
            '200': ok('Similar tools, best first (at most 5)', SimilarToolList),
            '400': problem('A parameter is missing or invalid'),
            '429': problem('Too many look-ups from this address; try again in a minute'),
            '5XX': serverError,
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
          parameters: [langParameter],
          requestBody: { required: true, content: { 'application/json': { schema: submissionInput(ctx, registry.schema(ShareApiSchema)) } } },
          responses: {
            '201': ok('Saved; the tracking link is in Location and in _links', Submission, {
              Location: { description: 'The private tracking page', schema: { type: 'string', format: 'uri' } },
            }),
            '400': problem('The submission is invalid; invalidParams says which field and why'),
            '409': problem('Likely duplicates; items lists them', DuplicatesProblem),
            '415': problem('The body is not JSON (Content-Type must be application/json)'),
            '429': problem('Too many submissions from this address; try again in a minute'),
            '5XX': serverError,
          },
        },
      },
      '/problems/{id}': {
        get: {
          operationId: 'getProblemType',
          tags: ['API'],
          summary: 'What a problem type means',
          description:
            'The type URI of every problem this API answers with. It leads (303) to the problem type’s section of the API reference, in Dutch or English as the language rule says, with its status, title and meaning.',
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'The problem’s code', schema: { type: 'string', enum: PROBLEM_TYPES.map((p) => p.id) } },
            langParameter,
          ],
          responses: {
            '303': {
              description: 'The problem type’s section of the API reference',
              headers: {
                ...standardHeaders,
                Location: { description: 'The reference, at the problem type’s section', schema: { type: 'string' } },
              },
            },
            '400': problem('A parameter is invalid'),
            '404': problem('No problem type has this code'),
            '5XX': serverError,
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          tags: ['API'],
          summary: 'This OpenAPI document',
          description: 'The OpenAPI 3.0 description of this API (in English), readable from any origin.',
          responses: {
            '200': ok(
              'The OpenAPI document',
              { type: 'object' },
              { 'access-control-allow-origin': { description: 'Readable from any origin', schema: { type: 'string', enum: ['*'] } } },
            ),
          },
        },
      },
    },
    components: { schemas: registry.components },
  }
}

/** The submission body as the API validates it, with the codes the reference data allows and what each field means. */
function submissionInput(ctx: { config: Config; reference: ReferenceData }, body: SchemaObject): SchemaObject {
  const properties = { ...(body.properties as Record<string, SchemaObject>) }
  const withCodes = (name: string, codes: string[]) => {
    const field = properties[name]!
    properties[name] = field.type === 'array' ? { ...field, items: { ...(field.items as SchemaObject), enum: codes } } : { ...field, enum: codes }
  }
  withCodes('form', ctx.reference.forms.map((f) => f.code))
  withCodes('themes', ctx.reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code))
  withCodes('sdgTargets', ctx.reference.sdgTargets.map((t) => t.code))
  const described = (name: string, description: string) => (properties[name] = { ...properties[name], description })
  described('languages', 'Languages the tool is available in (ISO 639-1)')
  described('additionTo', 'Slug of the existing tool this adds to')
  described('description', 'What the tool does; required for a new tool, optional for an addition (additionTo)')
  described('processes', 'The processes of the city the tool changes')
  described('toolStatus', 'How far along the tool is; publishing gives the tool this status (without one: available)')
  described('municipalities', 'Municipalities that use the tool, by name, other name or CBS code (e.g. Den Haag, GM0344)')
  described('confirmDifferent', 'The submitter saw the likely duplicates and says this tool is a different one')
  described('locale', 'Language of the e-mails and the tracking page (and of the answer, without a lang parameter)')
  return { ...body, properties }
}

/** The answer body as the API validates it, with what each field means. */
function callAnswerInput(body: SchemaObject): SchemaObject {
  const properties = { ...(body.properties as Record<string, SchemaObject>) }
  const described = (name: string, description: string) => (properties[name] = { ...properties[name], description })
  described('name', 'Who answers for the municipality (seen only by the tool’s owners and the curators)')
  described('municipality', 'The municipality, by its name or another name (e.g. Gemeente Zwolle, ’s-Hertogenbosch or Den Bosch)')
  described('email', 'Where the decision is sent (seen only by the tool’s owners and the curators)')
  described('note', 'For example who works on it and when the municipality can start')
  described('locale', 'Language of the e-mails (and of the answer, without a lang parameter)')
  return { ...body, properties }
}

export function registerOpenApi(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData }) {
  const document = buildOpenApi(ctx)
  // The document is written in English, whatever the request asks for.
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.header('content-language', 'en').send(document))
  // The readable reference is rendered from this very document.
  registerApiReference(app, ctx.config, document)
}
