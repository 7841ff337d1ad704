// npm run demo [-- --reset] [--data-dir DIR]
// Starts the toolbox as a demonstration (issue 16, decision 0021): on its own PGlite folder (./data-demo, never the
// real ./data; a DATABASE_URL is refused), with the reference data, the 74 real tools and a fictional programme in
// motion, written once on the first start (dates counted from that day). Every page carries the demonstration
// banner; e-mail only goes to the outbox (/admin/outbox), even when SMTP_URL is set. It prints the accounts to sign
// in with. --reset throws the demonstration folder away and writes it again, dated from today.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../app.ts'
import { DEMO_ACCOUNTS, DEMO_SETTINGS, isSeeded, seedDemo } from '../demo/seed.ts'
import { CommandError, runCommand } from './run.ts'

const USAGE = 'Usage: npm run demo [-- --reset] [--data-dir DIR]'
/** Written beside the database in the demonstration folder: this folder may be reset; "seeded DAY" once written. */
const MARKER = 'citydeal-demo.txt'

let values: { reset?: boolean | undefined; 'data-dir'?: string | undefined } = {}
try {
  values = parseArgs({ options: { reset: { type: 'boolean', default: false }, 'data-dir': { type: 'string', default: './data-demo' } } }).values
} catch {
  console.error(USAGE)
  process.exit(2)
}

await runCommand(async (config) => {
  if (config.DATABASE_URL) throw new CommandError('npm run demo runs on its own folder (./data-demo), never on a PostgreSQL database: unset DATABASE_URL (also in .env) to start the demonstration.')
  const dir = resolve(values['data-dir'] ?? './data-demo')
  if (dir === resolve(config.DATA_DIR)) throw new CommandError(`npm run demo never uses the toolbox's own folder (DATA_DIR, ${dir}): choose another --data-dir.`)
  const marker = join(dir, MARKER)
  if (existsSync(dir) && !existsSync(marker)) throw new CommandError(`${dir} exists but was not made by npm run demo: choose another --data-dir.`)
  if (values.reset && existsSync(dir)) rmSync(dir, { recursive: true, force: true })

  const app = await buildApp({ ...config, ...DEMO_SETTINGS, DATA_DIR: dir, LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn' })
  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())
  try {
    const state = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : ''
    if (!state.startsWith('seeded')) {
      if (await isSeeded(app.appContext)) throw new CommandError(`The demonstration in ${dir} was left half written: start it again with npm run demo -- --reset.`)
      const today = new Date().toISOString().slice(0, 10)
      writeFileSync(marker, 'seeding\n')
      console.log(`Writing the demonstration into ${dir} (dated from ${today}) …`)
      await seedDemo(app.appContext, today)
      writeFileSync(marker, `seeded ${today}\n`)
    }
    await app.listen({ port: config.PORT, host: config.HOST })
  } catch (error) {
    await app.close()
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') throw new CommandError(`Port ${config.PORT} is in use (is the toolbox already running?): start the demonstration with another, e.g. PORT=3001 npm run demo.`)
    throw error
  }
  const seededOn = readFileSync(marker, 'utf8').trim().replace(/^seeded /, '')
  const width = Math.max(...Object.values(DEMO_ACCOUNTS).map((a) => a.email.length))
  console.log(
    [
      '',
      `City Deal Toolbox: DEMONSTRATION at ${config.PUBLIC_URL} (folder ${dir}, written on ${seededOn}; npm run demo -- --reset starts over)`,
      'Fictional records say so in their names; e-mail only goes to the outbox (/admin/outbox).',
      'Sign in at /login as:',
      ...Object.values(DEMO_ACCOUNTS).map((a) => `  ${a.email.padEnd(width)}  password: ${a.password.padEnd(14)}  ${a.describe}`),
      '',
    ].join('\n'),
  )
})
