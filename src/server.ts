import { existsSync } from 'node:fs'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'

/** Starts the toolbox: listens on HOST:PORT and shuts down gracefully on SIGINT/SIGTERM. */
async function main() {
  // Settings from a .env file (see .env.example); the real environment wins.
  if (existsSync('.env')) process.loadEnvFile('.env')
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const app = await buildApp(config)
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
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
