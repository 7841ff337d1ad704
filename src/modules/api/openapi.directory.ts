import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug.ts'
import { ORGANISATIONS_MAX_PAGE_SIZE, ORGANISATIONS_PAGE_SIZE } from '../organisations/organisations.api.ts'
import { OrganisationList, OrganisationResource } from '../organisations/organisations.responses.ts'
import { ORGANISATION_KINDS, ORGANISATION_QUERY_MAX } from '../organisations/organisations.schemas.ts'
import { Vocabulary, VOCABULARIES, VOCABULARY_DESCRIPTIONS } from './vocabularies.api.ts'

/** What openapi.ts lends the paths written here: its answer builders and the shared parameters. */
export interface PathHelpers<A> {
  ok: (description: string, schema: object) => A
  problem: (description: string) => A
  serverError: A
  standardHeaders: object
  langParameter: { name: string; in: string; description: string; schema: object }
}

/** The organisations and the code lists: /organisations, /organisations/{slug} and /vocabularies/{name}. */
export function directoryPaths<A>({ ok, problem, serverError, standardHeaders, langParameter }: PathHelpers<A>) {
  return {
    '/organisations': {
      get: {
        operationId: 'listOrganisations',
        tags: ['Organisations'],
        summary: 'Search the organisations',
        description:
          'The organisations of the toolbox: partners, owners and developers of tools, and every Dutch municipality and province. Words search names and other names (accents and case aside; “Den Haag” finds ’s-Gravenhage); an exact name or other name comes first, then by name. Without words or a kind of government, municipalities and provinces are listed only when they take part (a tool or a City Deal partnership).',
        parameters: [
          { name: 'q', in: 'query', description: 'Words of a name or other name', schema: { type: 'string', maxLength: ORGANISATION_QUERY_MAX } },
          { name: 'kind', in: 'query', description: 'Kind of organisation', schema: { type: 'string', enum: [...ORGANISATION_KINDS] } },
          { name: 'partner', in: 'query', description: 'true: only City Deal partners; false: only the others', schema: { type: 'boolean' } },
          { name: 'page', in: 'query', description: 'Page number', schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 } },
          {
            name: 'pageSize',
            in: 'query',
            description: 'Items per page',
            schema: { type: 'integer', minimum: 1, maximum: ORGANISATIONS_MAX_PAGE_SIZE, default: ORGANISATIONS_PAGE_SIZE },
          },
          langParameter,
        ],
        responses: {
          '200': ok('One page of organisations, the total, and links to the first, last, previous and next page', OrganisationList),
          '400': problem('A parameter is invalid; invalidParams says which and why (pageSize names its maximum)'),
          '404': problem('The page number is beyond the last page'),
          '5XX': serverError,
        },
      },
    },
    '/organisations/{slug}': {
      get: {
        operationId: 'getOrganisation',
        tags: ['Organisations'],
        summary: 'One organisation and its tools',
        description:
          'The organisation, its other names, its province (a municipality), and its tools: by role, those it tests (pilots) and those it uses (adoptions). A merged duplicate answers 301 to the organisation it was merged into.',
        parameters: [
          { name: 'slug', in: 'path', required: true, description: "The organisation's stable identifier", schema: { type: 'string', pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH } },
          langParameter,
        ],
        responses: {
          '200': ok('The organisation', OrganisationResource),
          '301': {
            description: 'The organisation was merged into another: Location gives its address, with the query string kept',
            headers: { ...standardHeaders, Location: { description: "The organisation's current address", schema: { type: 'string', format: 'uri' } } },
          },
          '400': problem('A parameter is invalid'),
          '404': problem('No organisation has this slug'),
          '5XX': serverError,
        },
      },
    },
    '/vocabularies/{name}': {
      get: {
        operationId: 'getVocabulary',
        tags: ['Tools'],
        summary: 'A code list, with labels in the language asked for',
        description: `The codes the tools and the filters of /tools use, in their fixed order, each with its label and, where there is one, its meaning and source. ${VOCABULARIES.map((v) => `${v}: ${VOCABULARY_DESCRIPTIONS[v]}`).join('; ')}.`,
        parameters: [
          { name: 'name', in: 'path', required: true, description: 'The code list', schema: { type: 'string', enum: [...VOCABULARIES] } },
          langParameter,
        ],
        responses: {
          '200': ok('The code list', Vocabulary),
          '400': problem('A parameter is invalid'),
          '404': problem('No code list has this name'),
          '5XX': serverError,
        },
      },
    },
  }
}
