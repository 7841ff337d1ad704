import { Type } from '@sinclair/typebox'
import { Component, Nullable, StringEnum } from '../../lib/schema.ts'
import { CodeLabel, Link } from '../tools/tools.responses.ts'
import { GATE_PARTS, TARGET_CODES } from './programme.figures.ts'
import { TABLE_IDS } from './programme.presenter.ts'

const Count = Type.Integer({ minimum: 0 })

/** The programme's figures as the API gives them: the same numbers as /programme and its CSV files. */
export const ProgrammeFiguresResource = Component(
  'ProgrammeFigures',
  Type.Object(
    {
      programme: Type.Object({
        name: Type.String(),
        startsOn: Type.String({ format: 'date', description: 'The first day of the programme year' }),
        signingOn: Type.String({ format: 'date', description: 'The day of the signing' }),
      }),
      asOf: Type.String({ format: 'date', description: 'The day the figures were counted (with asOf: the day the snapshot shown was stored)' }),
      targets: Type.Array(
        Type.Object({
          code: StringEnum(TARGET_CODES),
          label: Type.String(),
          actual: Count,
          target: Count,
          definition: Type.String({ description: 'How the actual figure is counted, in words' }),
          _links: Type.Object({ catalogue: Link }),
        }),
        { description: 'Targets against actuals' },
      ),
      startedOutside: Type.Integer({ minimum: 0, description: 'Counted City Deal tools that started neither during the year nor at the signing' }),
      stages: Type.Array(Type.Object({ status: CodeLabel, tools: Count, _links: Type.Object({ catalogue: Link }) }), { description: 'City Deal tools by lifecycle stage' }),
      gate: Type.Object({
        tools: Type.Integer({ minimum: 0, description: 'City Deal tools that are not retired' }),
        parts: Type.Array(Type.Object({ code: StringEnum(GATE_PARTS), label: Type.String(), tools: Count }), { description: 'How many of them pass each part of the gate' }),
      }),
      partners: Type.Array(Type.Object({ kind: CodeLabel, organisations: Count, _links: Type.Object({ organisations: Link }) }), { description: 'City Deal partners by kind' }),
      municipalities: Type.Array(
        Type.Object({ province: Nullable(Type.String({ description: 'The province; null where unknown' })), municipalities: Count }),
        { description: 'Municipalities that test or use tools, by province' },
      ),
      openCalls: Type.Integer({ minimum: 0, description: 'Open calls for test municipalities' }),
      mostActive: Type.Array(Type.Object({ name: Type.String(), tools: Count, _links: Type.Object({ organisation: Link }) }), {
        description: 'The organisations that take part in the most tools (a role, a committed, running or completed pilot, or an adoption; tools not retired)',
      }),
      growth: Type.Array(
        Type.Object({ day: Type.String({ format: 'date' }), cityDeal: Count, othersInitiative: Count, existing: Count, total: Count }),
        { description: 'Tools in the toolbox (not retired) at the end of each month since the programme started (this month: today), by origin' },
      ),
      _links: Type.Object({
        html: Link,
        calls: Link,
        csv: Type.Object(Object.fromEntries(TABLE_IDS.map((id) => [id, Link])) as Record<(typeof TABLE_IDS)[number], typeof Link>),
      }),
    },
    { description: 'Where the City Deal stands: targets against actuals, the funnel, and who takes part' },
  ),
)
