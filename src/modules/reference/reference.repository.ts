import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'

/** Reads the reference vocabularies: forms, SDG 11 targets, criteria and municipalities. */
export function createReferenceRepository(db: Database) {
  return {
    forms: () => db.selectFrom('tool_forms').selectAll().orderBy('position').execute(),
    sdgTargets: () => db.selectFrom('sdg_targets').selectAll().orderBy('position').execute(),
    mims: () => db.selectFrom('mims').selectAll().orderBy('position').execute(),
    criteria: () => db.selectFrom('criteria').selectAll().orderBy('family').orderBy('position').execute(),
    /** Every municipality with its other names (Den Haag for 's-Gravenhage). */
    municipalities: () =>
      db
        .selectFrom('organisations as o')
        .select([
          'o.cbs_code',
          'o.name',
          'o.slug',
          'o.province_code',
          sql<string[]>`coalesce((select array_agg(a.alias order by lower(a.alias)) from organisation_aliases a where a.organisation_id = o.id), '{}')`.as('aliases'),
        ])
        .where('o.kind', '=', 'municipality')
        .where('o.merged_into_id', 'is', null)
        .orderBy('o.name')
        .execute(),
  }
}
export type ReferenceRepository = ReturnType<typeof createReferenceRepository>
