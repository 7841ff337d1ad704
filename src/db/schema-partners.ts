// The tables of partners deciding together (migrations 0011 on), apart so that schema.ts stays short.
import type { Generated } from 'kysely'

/** A period in which an organisation is a City Deal partner (migration 0011); `until` is its last day, null while it lasts. */
export interface PartnershipsTable {
  id: Generated<number>
  organisation_id: number
  since: string
  until: string | null
  created_at: Generated<Date>
}
