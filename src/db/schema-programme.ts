// The tables of the programme module (migration 0010), apart so that schema.ts stays short.
import type { ColumnType, Generated } from 'kysely'

/** The programme the toolbox serves (one row, migration 0010): its dates and targets. */
export interface ProgrammeTable {
  id: Generated<number>
  name: string
  starts_on: string
  signing_on: string
  target_content: number
  target_governance: number
  target_started_in_year: number
  target_started_at_signing: number
  version: Generated<number>
  updated_at: Generated<Date>
}

/** The programme's figures as they stood on a day (migration 0010); `figures` is checked against its schema on reading. */
export interface ProgrammeSnapshotsTable {
  id: Generated<number>
  taken_on: string
  taken_at: Generated<Date>
  kind: 'monthly' | 'manual'
  figures: ColumnType<unknown, string, string>
}
