import { Type } from '@sinclair/typebox'

export const PROGRAMME_NAME_MAX = 200
/** The highest target (the database checks the same). */
export const PROGRAMME_TARGET_MAX = 1000

/** The query of /programme, its CSV files and the API: an earlier day to show the stored figures of. */
export const AsOfQuerySchema = Type.Object({ asOf: Type.Optional(Type.String({ format: 'iso-date', maxLength: 10 })) })

const target = Type.Integer({ minimum: 0, maximum: PROGRAMME_TARGET_MAX })

/** The programme as an administrator edits it (/admin/programme), with the version the form was loaded at. */
export const ProgrammeSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: PROGRAMME_NAME_MAX }),
  startsOn: Type.String({ format: 'iso-date', maxLength: 10 }),
  signingOn: Type.String({ format: 'iso-date', maxLength: 10 }),
  targetContent: target,
  targetGovernance: target,
  targetStartedInYear: target,
  targetStartedAtSigning: target,
  version: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }),
})
