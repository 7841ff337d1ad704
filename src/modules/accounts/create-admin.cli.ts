import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'

// npm run admin:create -- --email you@example.org --name "Your Name" [--locale en]
// Creates the administrator (or makes an existing account administrator) and prints a single-use link
// to set the password. The link is also in the outbox, or e-mailed when SMTP_URL is set.
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'nl' } },
})
if (!values.email || !values.name || !/^[^\s@]+@[^\s@]+$/.test(values.email) || !['nl', 'en'].includes(values.locale ?? '')) {
  console.error('Usage: npm run admin:create -- --email you@example.org --name "Your Name" [--locale nl|en]')
  process.exit(2)
}
if (existsSync('.env')) process.loadEnvFile('.env')
const app = await buildApp({ ...loadConfig(), LOG_LEVEL: 'warn' })
try {
  const ctx = app.appContext
  const { user, token } = await ctx.accounts.createAdministrator(values.email, values.name, values.locale as 'nl' | 'en')
  console.log(`Administrator: ${user.name} <${user.email}>`)
  console.log(`Set the password within 7 days: ${ctx.accounts.inviteLink(user.locale, token)}`)
} finally {
  await app.close()
}
