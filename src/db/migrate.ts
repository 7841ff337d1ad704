import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { Database } from './database.ts'
import * as m0001 from './migrations/0001_catalogue.ts'
import * as m0002 from './migrations/0002_accounts.ts'
import * as m0003 from './migrations/0003_submissions.ts'
import * as m0004 from './migrations/0004_outbox_delivery.ts'
import * as m0005 from './migrations/0005_catalogue_editing.ts'
import * as m0006 from './migrations/0006_pipeline.ts'
import * as m0007 from './migrations/0007_call_answers.ts'
import * as m0008 from './migrations/0008_hardening.ts'
import * as m0010 from './migrations/0010_programme.ts'
import * as m0011 from './migrations/0011_partnerships.ts'
import * as m0012 from './migrations/0012_retention.ts'
import * as m0013 from './migrations/0013_gatherings.ts'
import * as m0014 from './migrations/0014_mims.ts'
import * as m0015 from './migrations/0015_imported_submissions.ts'

// Listed explicitly (not read from the folder) so the order is reviewed in code and bundlers keep them.
const migrations: Record<string, Migration> = {
  '0001_catalogue': m0001,
  '0002_accounts': m0002,
  '0003_submissions': m0003,
  '0004_outbox_delivery': m0004,
  '0005_catalogue_editing': m0005,
  '0006_pipeline': m0006,
  '0007_call_answers': m0007,
  '0008_hardening': m0008,
  '0010_programme': m0010,
  '0011_partnerships': m0011,
  '0012_retention': m0012,
  '0013_gatherings': m0013,
  '0014_mims': m0014,
  '0015_imported_submissions': m0015,
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations() {
    return migrations
  }
}

/** Brings the schema up to date (or to the named migration: tests of a migration); throws with the failing one's name. */
export async function migrateToLatest(db: Database, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() })
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
