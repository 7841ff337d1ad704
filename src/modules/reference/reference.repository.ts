import type { Database } from '../../db/database.ts'

/** Reads the reference vocabularies: forms, SDG 11 targets, criteria and municipalities. */
export function createReferenceRepository(db: Database) {
  return {
    forms: () => db.selectFrom('tool_forms').selectAll().orderBy('position').execute(),
    sdgTargets: () => db.selectFrom('sdg_targets').selectAll().orderBy('position').execute(),
    criteria: () => db.selectFrom('criteria').selectAll().orderBy('family').orderBy('position').execute(),
    municipalities: () =>
      db
        .selectFrom('organisations')
        .select(['cbs_code', 'name', 'slug', 'province_code'])
        .where('kind', '=', 'municipality')
        .orderBy('name')
        .execute(),
  }
}
export type ReferenceRepository = ReturnType<typeof createReferenceRepository>
