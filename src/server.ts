import { buildApp } from './app.ts'
import { runCommand } from './cli/run.ts'
import { runtimeProblems } from './lib/runtime.ts'

/** Starts the toolbox: listens on HOST:PORT and shuts down gracefully on SIGINT/SIGTERM. */
await runCommand(async (config) => {
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
