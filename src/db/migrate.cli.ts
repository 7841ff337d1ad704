import { openConfiguredDatabase } from '../app.ts'
import { existsSync } from 'node:fs'
import { loadConfig } from '../config.ts'
import { migrateToLatest } from './migrate.ts'
import { loadReferenceData } from './seed/reference-data.ts'

// npm run db:migrate: brings the configured database up to date and loads the reference data.
if (existsSync('.env')) process.loadEnvFile('.env')
const config = loadConfig()
const database = await openConfiguredDatabase(config)
try {
  const applied = await migrateToLatest(database.db)
  console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date.')
  const summary = await loadReferenceData(database.db)
  console.log(`Reference data: ${JSON.stringify(summary)}`)
} finally {
  await database.close()
}
