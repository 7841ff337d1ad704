// npm run import -- <file> [--apply] [--report <file>]
// Reads tools from CSV (the export's own format), a publiccode.yml, or DCAT-AP (Turtle or JSON-LD). Shows what it would
// create, update and skip; writes only with --apply. Every row it cannot take is in the report file with its line and
// reason. Exit code 0: done; 3: done, but some rows were refused (see the report); 1: the file or database refused.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { buildContext } from '../context.ts'
import { readImportFile, ImportFileError } from '../modules/exports/import/read-file.ts'
import { MAX_IMPORT_BYTES } from '../modules/exports/import/read-csv.ts'
import type { ImportAction, PlannedRow } from '../modules/exports/import/import.service.ts'
import { toCsv } from '../lib/csv.ts'
import { progress } from './progress.ts'
import { cliLog, CommandError, runCommand } from './run.ts'

const USAGE = 'Usage: npm run import -- <file.csv|publiccode.yml|file.ttl|file.jsonld> [--apply] [--report <report.csv>]'
let parsed: ReturnType<typeof parseArgs<{ options: { apply: { type: 'boolean' }; report: { type: 'string' } }; allowPositionals: true }>> | undefined
try {
  parsed = parseArgs({ options: { apply: { type: 'boolean' }, report: { type: 'string' } }, allowPositionals: true })
} catch {
  // An unknown option: the usage line says what is expected.
}
const file = parsed?.positionals[0]
if (!parsed || !file || parsed.positionals.length > 1) {
  console.error(USAGE)
  process.exit(2)
}
const apply = parsed.values.apply === true
const reportFile = parsed.values.report ?? `import-report-${basename(file).replace(/[^A-Za-z0-9._-]/g, '_')}.csv`

const ORDER: ImportAction[] = ['create', 'update', 'hold', 'unchanged', 'skip', 'invalid']
const SAID: Record<ImportAction, [string, string]> = {
  create: ['would create', 'created'],
  update: ['would update', 'updated'],
  hold: ['would hold back for curation (likely duplicates)', 'held back for curation (likely duplicates)'],
  unchanged: ['unchanged', 'unchanged'],
  skip: ['would skip (already in curation)', 'skipped (already in curation)'],
  invalid: ['refused (see the report)', 'refused (see the report)'],
}

function summary(rows: PlannedRow[], done: boolean) {
  for (const action of ORDER) {
    const n = rows.filter((r) => r.action === action).length
    if (n > 0) console.log(`  ${String(n).padStart(6)} ${SAID[action][done ? 1 : 0]}`)
  }
}

await runCommand(async (config) => {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new CommandError(`Cannot read ${file}: no such file.`)
  }
  if (size > MAX_IMPORT_BYTES) throw new CommandError(`${file} is ${Math.round(size / 1024 / 1024)} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB is read at once. Split it.`)
  const ctx = await buildContext({ ...config, LOG_LEVEL: 'warn' }, { log: cliLog })
  try {
    let rows
    try {
      rows = await readImportFile(file, readFileSync(file))
    } catch (error) {
      if (error instanceof ImportFileError) throw new CommandError(`${file}: ${error.message}`)
      throw error
    }
    const checking = progress('Checking', rows.length)
    let plan = await ctx.imports.plan(rows, (n) => checking.update(n))
    console.log(`${file}: ${rows.length} row(s).`)
    if (apply) {
      const writing = progress('Writing', plan.filter((p) => p.action === 'create' || p.action === 'update' || p.action === 'hold').length)
      plan = await ctx.imports.apply(plan, (n) => writing.update(n))
      ctx.tools.invalidateVersion()
    }
    summary(plan, apply)
    writeFileSync(reportFile, toCsv(['line', 'slug', 'action', 'reason'], plan.map((p) => [p.line, p.slug, p.action, p.reason])))
    console.log(`Report: ${reportFile}`)
    if (!apply && plan.some((p) => p.action === 'create' || p.action === 'update' || p.action === 'hold')) console.log('Nothing was written. Run again with --apply to write.')
    if (plan.some((p) => p.action === 'invalid')) process.exitCode = 3
  } finally {
    await ctx.close()
  }
})
