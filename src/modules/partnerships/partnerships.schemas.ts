import { Type, type Static } from '@sinclair/typebox'

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 })
const day = Type.String({ format: 'iso-date', maxLength: 10 })

/** A new partnership (/admin/partnerships): the organisation, its first day and, if known, its last. */
export const PartnershipSchema = Type.Object({ organisationId: id, since: day, until: Type.Optional(day) })
export type PartnershipInput = Static<typeof PartnershipSchema>

/** Ending a partnership (or changing its last day): the last day it counts. */
export const EndPartnershipSchema = Type.Object({ until: day })
export type EndPartnershipInput = Static<typeof EndPartnershipSchema>
