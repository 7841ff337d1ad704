import { Type, type TSchema } from '@sinclair/typebox'
import { Component, Nullable, StringEnum } from '../../lib/schema.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { ALIAS_KINDS, FACETS, PILOT_STATUSES } from './tools.constants.ts'

// The API's resources of the catalogue: the routes serialise through these, and the OpenAPI document is
// generated from them (src/modules/api/openapi.ts).

export const Language = StringEnum(LOCALES)

export const CodeLabel = Component(
  'CodeLabel',
  Type.Object({ code: Type.String({ description: 'Stable code' }), label: Type.String({ description: 'In the language asked for' }) }),
)

export const Link = Component('Link', Type.Object({ href: Type.String({ format: 'uri' }) }))

/** A text in the language asked for, or in the other one when it has no translation (language says which). */
export const LocalizedText = Component(
  'LocalizedText',
  Nullable(Type.Object({ text: Type.String(), language: Language }, { description: 'A text, and the language it is in; null when there is none' })),
)

const resourceLinks = Type.Object({ self: Link, html: Link })

/** The links of one page of a paged list: this page, the first and last (page 1 when the list is empty), and the neighbours there are. */
export const PageLinks = Component(
  'PageLinks',
  Type.Object({ self: Link, first: Link, last: Link, prev: Type.Optional(Link), next: Type.Optional(Link) }),
)

export const ToolSummary = Component(
  'ToolSummary',
  Type.Object({
    slug: Type.String(),
    name: Type.String(),
    nameLanguage: Language,
    description: Nullable(Type.String()),
    descriptionLanguage: Nullable(Language),
    category: CodeLabel,
    form: CodeLabel,
    status: CodeLabel,
    origin: CodeLabel,
    updatedAt: Type.String({ format: 'date-time' }),
    _links: resourceLinks,
  }),
)

export const FacetValue = Component(
  'FacetValue',
  Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer(), selected: Type.Boolean() }),
)

export const ToolList = Component(
  'ToolList',
  Type.Object({
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    pages: Type.Integer(),
    corrections: Type.Array(Type.String(), { description: 'Words also searched for because a query word looked like a typo, or was two words written as one (datadeling: data delen)' }),
    facets: Type.Object(
      Object.fromEntries(FACETS.map((facet) => [facet, Type.Array(FacetValue)])) as Record<(typeof FACETS)[number], ReturnType<typeof Type.Array<typeof FacetValue>>>,
      { description: 'Per filter, the values with the number of results each would give' },
    ),
    items: Type.Array(ToolSummary),
    _links: PageLinks,
  }),
)

const organisationProperties = {
  slug: Type.String(),
  name: Type.String(),
  kind: CodeLabel,
  cbsCode: Nullable(Type.String({ description: 'CBS code of a municipality (e.g. GM0363)' })),
  role: CodeLabel,
  involvement: Nullable(CodeLabel),
}

export const Organisation = Component('Organisation', Type.Object(organisationProperties))

export const TestMunicipality = Component(
  'TestMunicipality',
  Type.Object(
    {
      ...organisationProperties,
      testStatus: Nullable(CodeLabel),
      result: LocalizedText,
      testedOn: Nullable(Type.String({ format: 'date' })),
    },
    { description: 'A pilot (not withdrawn) as the first version of the API described it: derived from pilots, kept for compatibility' },
  ),
)

const MunicipalityRef = Type.Object({ slug: Type.String(), name: Type.String(), cbsCode: Nullable(Type.String({ description: 'CBS code (e.g. GM0363)' })) })

export const Pilot = Component(
  'Pilot',
  Type.Object(
    {
      municipality: MunicipalityRef,
      status: Type.Object({ code: StringEnum(PILOT_STATUSES), label: Type.String() }, { description: 'interested, committed, running, completed or withdrawn' }),
      committedOn: Nullable(Type.String({ format: 'date' })),
      startedOn: Nullable(Type.String({ format: 'date' })),
      completedOn: Nullable(Type.String({ format: 'date' })),
      tested: LocalizedText,
      outcome: Nullable(Type.Object(CodeLabel.properties, { description: 'worked, partly or did_not_work; only when completed' })),
      lessons: LocalizedText,
      evidenceUrl: Nullable(Type.String({ format: 'uri' })),
    },
    { description: 'The tool tested in a municipality: its stage and dates, what was tested, the outcome and the lessons learned' },
  ),
)

export const Adoption = Component(
  'Adoption',
  Type.Object(
    {
      organisation: Type.Object({ slug: Type.String(), name: Type.String(), kind: CodeLabel, cbsCode: Nullable(Type.String({ description: 'CBS code of a municipality' })) }),
      since: Nullable(Type.String({ format: 'date' })),
      version: Nullable(Type.String({ description: 'The version of the tool in use' })),
      localVariant: LocalizedText,
      localUrl: Nullable(Type.String({ format: 'uri', description: 'The local variant, e.g. the municipality’s own ordinance' })),
    },
    { description: 'An organisation that records that it uses the tool' },
  ),
)

const GateReason = Type.Object({
  code: StringEnum(['noOwner', 'manyOwners', 'ownerNotPartner', 'committed', 'completed'] as const),
  text: Type.String({ description: 'The reason as a sentence, naming what is missing' }),
})

export const Gate = Component(
  'Gate',
  Type.Object(
    {
      applies: Type.Boolean({ description: 'Whether the gate applies: only City Deal tools have one' }),
      needed: Type.Integer({ description: 'Municipalities needed: committed pilots to enter development, completed ones to become available' }),
      committed: Type.Integer({ description: 'Municipalities with a committed, running or completed pilot' }),
      completed: Type.Integer({ description: 'Pilots completed with an outcome' }),
      next: Nullable(Type.Object(CodeLabel.properties, { description: 'The next status in the lifecycle; null for secured and retired tools' })),
      missing: Type.Array(GateReason, { description: 'What the step to the next status lacks (the gate would refuse it); empty when nothing does' }),
      unmet: Type.Array(GateReason, { description: 'Conditions of the current status the tool does not meet (it got there before the gate)' }),
    },
    {
      description:
        'The City Deal’s rule: a City Deal tool enters development only with exactly one owner that is a City Deal partner and three municipalities with a committed pilot, and becomes available only with three pilots completed with an outcome',
    },
  ),
)

/** An organisation named by its slug (its page is /organisations/{slug}) and name. */
const OrganisationRef = Type.Object({ slug: Type.String(), name: Type.String() })

export const Assessment = Component(
  'Assessment',
  Type.Object({
    code: Type.String({ description: 'The criterion' }),
    label: Type.String(),
    rating: CodeLabel,
    explanation: LocalizedText,
    evidenceUrl: Nullable(Type.String({ format: 'uri', description: 'Where the verdict can be checked' })),
    assessedBy: Nullable(Type.Object(OrganisationRef.properties, { description: 'The organisation that assessed the criterion' })),
    assessedOn: Nullable(Type.String({ format: 'date' })),
  }, { description: 'A verdict on one criterion; rating unknown means not assessed yet' }),
)

const list = <T extends TSchema>(items: T, description?: string) => Type.Array(items, description ? { description } : {})

export const Tool = Component(
  'Tool',
  Type.Object({
    slug: Type.String(),
    name: Type.String(),
    nameLanguage: Language,
    description: LocalizedText,
    processQuestion: LocalizedText,
    occasion: LocalizedText,
    category: CodeLabel,
    form: Type.Object({
      code: Type.String(),
      label: Type.String(),
      bindingLevel: Nullable(CodeLabel),
      bindingForce: Nullable(Type.String()),
    }),
    status: CodeLabel,
    origin: CodeLabel,
    processes: list(CodeLabel),
    licence: Nullable(Type.String()),
    licenceNotApplicable: Type.Boolean({
      description: 'No licence applies: set by an editor, or implied by the form (legislation, ordinance, norm, agreement) when no licence is recorded',
    }),
    languages: list(CodeLabel, 'Languages the tool is available in (ISO 639-1)'),
    website: Nullable(Type.String({ format: 'uri' })),
    aliases: list(Type.String(), 'Other names, acronyms and translations (aliasDetails gives their kind and language)'),
    aliasDetails: list(
      Type.Object({ alias: Type.String(), kind: StringEnum(ALIAS_KINDS), language: Nullable(Type.String({ description: 'ISO 639-1' })) }),
      'The entries of aliases, in the same order, with their kind and language',
    ),
    organisations: list(Organisation),
    testMunicipalities: list(TestMunicipality, 'Derived from pilots (those not withdrawn), for compatibility with the first version; see pilots'),
    pilots: list(Pilot, 'The municipalities that test or tested the tool, completed first'),
    adoptions: list(Adoption, 'The organisations that use the tool, by name'),
    call: Nullable(
      Type.Object(
        {
          asked: LocalizedText,
          effort: LocalizedText,
          opensOn: Type.String({ format: 'date' }),
          closesOn: Nullable(Type.String({ format: 'date', description: 'The last day to answer; null: no closing date' })),
          municipalitiesNeeded: Type.Integer({ minimum: 1, description: 'How many municipalities the call asks for' }),
          municipalitiesAccepted: Type.Integer({ minimum: 0, description: 'Answers accepted so far (each a committed pilot)' }),
          municipalitiesStillNeeded: Type.Integer({ minimum: 0 }),
        },
        { description: 'The open call for test municipalities (answer it with POST /tools/{slug}/call/answers); null when none is open' },
      ),
    ),
    involvements: list(Organisation, 'The organising party of an initiative of others and the partners involved, with the depth of their involvement'),
    lifecycle: list(
      Type.Object({ status: CodeLabel, on: Type.String({ format: 'date' }), current: Type.Boolean({ description: 'The change that gave the tool its current status' }) }),
      'Every change of status with its date, oldest first',
    ),
    gate: Gate,
    counts: Type.Object(
      {
        pilots: Type.Object(Object.fromEntries(PILOT_STATUSES.map((status) => [status, Type.Integer()])) as Record<(typeof PILOT_STATUSES)[number], ReturnType<typeof Type.Integer>>, {
          description: 'Pilots per status',
        }),
        adoptions: Type.Integer({ description: 'Organisations that use the tool' }),
      },
    ),
    sdgTargets: list(Type.Object({ code: Type.String(), label: Type.String(), contribution: LocalizedText })),
    themes: list(CodeLabel),
    assessment: Type.Object({
      assessed: Type.Boolean({ description: 'Whether any criterion has a verdict' }),
      principles: list(Assessment),
      rathenau: list(Assessment),
      preconditions: list(Assessment),
    }),
    links: list(
      Type.Object({
        kind: Type.String(),
        url: Type.String({ format: 'uri' }),
        title: Type.String({ description: 'The title in the language asked for, else the other; the URL when the link has no title' }),
        titleLanguage: Nullable(Language),
        language: Nullable(Type.String({ description: 'Language of the linked resource (ISO 639-1)' })),
      }),
    ),
    retired: Nullable(
      Type.Object(
        {
          on: Nullable(Type.String({ format: 'date' })),
          reason: LocalizedText,
          replacedBy: Nullable(Type.Object({ slug: Type.String(), name: Type.String() }, { description: 'The tool that replaces it' })),
        },
        { description: 'Set when the tool is retired (status retired); null otherwise' },
      ),
    ),
    version: Type.Integer({ minimum: 1, description: 'Counted up by every edit' }),
    related: list(ToolSummary, 'Tools that share an organisation'),
    similar: list(ToolSummary, 'Tools with the most classifications and rare words of names and descriptions in common (decision 0026)'),
    history: list(
      Type.Object({ at: Type.String({ format: 'date-time' }), action: Type.String(), by: Type.String() }),
      'Changes to the tool, newest first, naming the acting organisation (never a person)',
    ),
    startedOn: Nullable(Type.String({ format: 'date' })),
    availableOn: Nullable(Type.String({ format: 'date' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    _links: resourceLinks,
  }),
)
