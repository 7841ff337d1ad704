// npm run export -- --format csv|json|ttl|jsonld [--out <file>]
// Writes the whole catalogue as the /data downloads give it (CSV, JSON, DCAT-AP in Turtle or JSON-LD), offline
// (standard output without --out).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildContext } from '../context.ts'
import { cliLog, runCommand } from './run.ts'

const FORMATS = ['csv', 'json', 'ttl', 'jsonld'] as const
const USAGE = `Usage: npm run export -- --format ${FORMATS.join('|')} [--out <file>]`
let values: { format?: string | undefined; out?: string | undefined } = {}
try {
  values = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' } } }).values
} catch {
  // An unknown option: the usage line says what is expected.
}
const format = FORMATS.find((f) => f === values.format)
if (!format) {
  console.error(USAGE)
  process.exit(2)
}

await runCommand(async (config) => {
  const ctx = await buildContext({ ...config, LOG_LEVEL: 'warn' }, { log: cliLog })
  try {
    const started = performance.now()
    const body = format === 'ttl' ? await ctx.openData.serialised('turtle') : format === 'jsonld' ? await ctx.openData.serialised('jsonld') : await ctx.exports.catalogue(format)
    if (values.out) {
      writeFileSync(values.out, body)
      console.error(`Wrote ${values.out} (${Buffer.byteLength(body)} bytes) in ${Math.round(performance.now() - started)} ms.`)
    } else {
      process.stdout.write(body)
    }
  } finally {
    await ctx.close()
  }
})
