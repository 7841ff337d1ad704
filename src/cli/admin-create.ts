// npm run admin:create -- --email you@example.org --name "Your Name" [--locale en]
// Makes the address an administrator (creating the account if needed) and prints a single-use link to set the
// password. The link is also e-mailed: with SMTP_URL the message is sent at once, otherwise it waits in the outbox.
import { parseArgs } from 'node:util'
import { buildContext } from '../context.ts'
import { cliLog, runCommand } from './run.ts'

const USAGE = 'Usage: npm run admin:create -- --email you@example.org --name "Your Name" [--locale nl|en]'
let values: { email?: string | undefined; name?: string | undefined; locale?: string | undefined } = {}
try {
  values = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'nl' } } }).values
} catch {
  // An unknown option: the usage line below says what is expected.
}
const locale = values.locale === 'nl' || values.locale === 'en' ? values.locale : undefined
if (!values.email || !values.name || !/^[^\s@]+@[^\s@]+$/.test(values.email) || !locale) {
  console.error(USAGE)
  process.exit(2)
}
const { email, name } = values

await runCommand(async (config) => {
  const ctx = await buildContext({ ...config, LOG_LEVEL: 'warn' }, { log: cliLog })
  try {
    const { user, outcome, link, validFor } = await ctx.accounts.createAdministrator(email, name, locale)
    const said = {
      created: `Created the administrator ${user.name} <${user.email}>.`,
      made_admin: `${user.name} <${user.email}> already had an account: it is now an administrator.`,
      already_admin: `${user.name} <${user.email}> is already an administrator: here is a fresh link (earlier links no longer work).`,
    }
    console.log(said[outcome])
    console.log(validFor === 'week' ? `Set the password within 7 days: ${link}` : `Set a new password within an hour: ${link}`)
    const sent = ctx.mailSender ? await ctx.mailSender.deliverDue() : 0
    console.log(ctx.mailSender ? (sent > 0 ? `The link was e-mailed to ${user.email}.` : 'The e-mail could not be sent now; the server sends it from the outbox.') : 'The same link is in the outbox at /admin/outbox (SMTP_URL is not set).')
  } finally {
    await ctx.close()
  }
})
