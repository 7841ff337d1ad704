// npm run retention:run: erases, once, the e-mail addresses of submitters whose submission was decided more than
// SUBMITTER_EMAIL_RETENTION_MONTHS ago (the server also does this every day). Each erasure is audited.
import { buildContext } from '../context.ts'
import { cliLog, runCommand } from './run.ts'

await runCommand(async (config) => {
  const ctx = await buildContext({ ...config, LOG_LEVEL: 'warn' }, { log: cliLog })
  try {
    const { erased, decidedBefore } = await ctx.retention.eraseExpired()
    console.log(`Erased the e-mail addresses of ${erased} submission${erased === 1 ? '' : 's'} decided before ${decidedBefore.toISOString().slice(0, 10)} (${config.SUBMITTER_EMAIL_RETENTION_MONTHS} months).`)
  } finally {
    await ctx.close()
  }
})
