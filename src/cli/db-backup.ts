// npm run db:backup -- <file>: a consistent copy of the PGlite database in DATA_DIR (refused while a server runs).
// On PostgreSQL, use pg_dump (see README).
import { backupDataDir } from '../db/backup.ts'
import { CommandError, runCommand } from './run.ts'

const file = process.argv[2]
if (!file || process.argv.length > 3) {
  console.error('Usage: npm run db:backup -- <file>   (a PGlite backup of DATA_DIR, e.g. backups/toolbox-2026-12-02.tar.gz)')
  process.exit(2)
}

await runCommand(async (config) => {
  if (config.DATABASE_URL) throw new CommandError('DATABASE_URL is set: back up PostgreSQL with pg_dump --format=custom (see README, "Backup and restore").')
  const bytes = await backupDataDir(config.DATA_DIR, file)
  console.log(`Backed up ${config.DATA_DIR} to ${file} (${Math.ceil(bytes / 1024)} KiB).`)
})
