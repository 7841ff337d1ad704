import { Type } from '@sinclair/typebox'
import { Component, Nullable } from '../../lib/schema.ts'
import { Link, LocalizedText } from '../tools/tools.responses.ts'

const Moment = (description: string) => Type.String({ format: 'date-time', description })

/** A gathering of the partners as the API shows it, in the language asked for. */
export const Gathering = Component(
  'Gathering',
  Type.Object(
    {
      slug: Type.String(),
      title: Type.String(),
      startsAt: Moment('When it starts (UTC; the pages show Europe/Amsterdam time)'),
      endsAt: Moment('When it ends (UTC)'),
      place: Nullable(Type.String()),
      onlineUrl: Nullable(Type.String({ format: 'uri' })),
      agenda: Type.Array(
        Type.Object({
          title: Type.String(),
          subItemOf: Nullable(Type.Integer({ minimum: 1, description: 'The number (1-based, in agenda order) of the main item this is a sub-item of' })),
          proposal: Nullable(Type.Object({ id: Type.Integer({ minimum: 1 }), title: Type.String() }, { description: 'The proposal this decision item puts to the partners' })),
        }),
      ),
      documents: Type.Array(Type.Object({ title: Type.String(), url: Type.String({ format: 'uri' }) })),
      organisationsRegistered: Type.Integer({ minimum: 0 }),
      minutes: LocalizedText,
      attendance: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() }), { description: 'The organisations present (recorded after the gathering)' }),
      decisions: Type.Array(Type.Integer({ minimum: 1 }), { description: 'Ids of the decisions opened at this gathering (GET /decisions)' }),
      _links: Type.Object({ html: Link, ics: Link }),
    },
    { description: 'A gathering of the City Deal partners' },
  ),
)

export const GatheringList = Component('GatheringList', Type.Object({ items: Type.Array(Gathering, { description: 'Every gathering, the latest first' }) }))
