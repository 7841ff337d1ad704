// npm run db:restore -- <file>: replaces the PGlite database in DATA_DIR with a backup made by db:backup (refused
// while a server runs; the replaced database is kept next to DATA_DIR). On PostgreSQL, use pg_restore (see README).
import { restoreDataDir } from '../db/backup.ts'
import { CommandError, runCommand } from './run.ts'

const file = process.argv[2]
if (!file || process.argv.length > 3) {
  console.error('Usage: npm run db:restore -- <file>   (a backup made by npm run db:backup; stop the server first)')
  process.exit(2)
}

await runCommand(async (config) => {
  if (config.DATABASE_URL) throw new CommandError('DATABASE_URL is set: restore PostgreSQL with pg_restore (see README, "Backup and restore").')
  const kept = await restoreDataDir(config.DATA_DIR, file)
  console.log(`Restored ${config.DATA_DIR} from ${file}.${kept ? ` The database it replaced is kept in ${kept} (delete it when you no longer need it).` : ''}`)
})
