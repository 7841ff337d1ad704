import cluster from 'node:cluster'
import { buildApp } from './app.ts'
import { CommandError, runCommand } from './cli/run.ts'
import { openConfiguredDatabase } from './context.ts'
import { migrateToLatest } from './db/migrate.ts'
import { loadReferenceData } from './db/seed/reference-data.ts'
import { superviseInstances } from './lib/instances.ts'
import { runtimeProblems } from './lib/runtime.ts'

/**
 * Starts the toolbox: listens on HOST:PORT and shuts down gracefully on SIGINT/SIGTERM. With INSTANCES above 1 this
 * process brings the database up to date, then runs that many instances of the app sharing the port.
 */
await runCommand(async (config) => {
  if (config.INSTANCES > 1 && cluster.isPrimary) {
    if (!config.DATABASE_URL) {
      throw new CommandError(`INSTANCES=${config.INSTANCES} needs PostgreSQL (DATABASE_URL): the embedded database in ${config.DATA_DIR} belongs to one process. Set INSTANCES=1, or DATABASE_URL.`)
    }
    // Migrated and loaded once, before the instances start (each would otherwise try at the same moment).
    const database = await openConfiguredDatabase(config)
    try {
      await migrateToLatest(database.db)
      await loadReferenceData(database.db)
    } finally {
      await database.close()
    }
    const quiet = ['warn', 'error', 'fatal', 'silent'].includes(config.LOG_LEVEL)
    const line = (level: number) => (object: object, message: string) => {
      if (level >= 50 || !quiet) console.log(JSON.stringify({ level, time: Date.now(), pid: process.pid, ...object, msg: message }))
    }
    superviseInstances(config.INSTANCES, { info: line(30), error: line(50) })
    return
  }
  const app = await buildApp(config)
  // Started outside the npm scripts (or on a platform without the pinned binary): say so, and run anyway.
  for (const problem of runtimeProblems()) app.log.warn({ node: process.version, execArgv: process.execArgv }, problem)
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long, exiting')
      process.exit(1)
    }, 10_000)
    timer.unref()
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  await app.listen({ port: config.PORT, host: config.HOST })
})
