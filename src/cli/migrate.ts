// npm run db:migrate: brings the configured database up to date and loads the reference data.
import { openConfiguredDatabase } from '../context.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { loadReferenceData } from '../db/seed/reference-data.ts'
import { runCommand } from './run.ts'

await runCommand(async (config) => {
  const database = await openConfiguredDatabase(config)
  try {
    const applied = await migrateToLatest(database.db)
    console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date.')
    const summary = await loadReferenceData(database.db)
    console.log(`Reference data: ${JSON.stringify(summary)}`)
  } finally {
    await database.close()
  }
})
