import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { openDatabase } from '../db/database.ts'
import { toCsv } from '../lib/csv.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const run = promisify(execFile)
type Failure = { code: number; stdout: string; stderr: string }

// The commands run on a PGlite folder of their own (DATABASE_URL empty), whatever database the suite runs on.
function environment(dataDir: string) {
  const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env
  return { ...inherited, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_URL: 'http://toolbox.test' }
}
const command = (script: string, env: NodeJS.ProcessEnv, ...args: string[]) => run(TSX, [`src/cli/${script}.ts`, ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 })
const failure = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected the command to fail'), (e: Failure) => e)

test('npm run export and npm run import: dry run by default, --apply writes, a second run changes nothing, progress lines, a report; refused while the folder is in use', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-import-'))
  const env = environment(join(dir, 'data'))
  const exported = join(dir, 'tools.csv')
  const written = await command('export', env, '--format', 'csv', '--out', exported)
  assert.match(written.stderr, /^Wrote .+tools\.csv \(\d+ bytes\) in \d+ ms\.\n$/)
  const csv = readFileSync(exported, 'utf8')
  const pdokRow = csv.split('\r\n').find((line) => line.startsWith('pdok,'))!
  // A file with one new tool, one changed tool and one bad row, in the export's own format.
  const header = csv.split('\r\n')[0]!
  const columns = header.replace(/^\ufeff/, '').split(',')
  const values: Record<string, string> = { slug: 'geheel-nieuw', name_nl: 'Zonnestraal wijkkaart', description_nl: 'Bewoners zien op een kaart welke daken geschikt zijn voor zonnepanelen.', category: 'content', form: 'dataset', status: 'testing', origin: 'existing' }
  const fresh = toCsv(columns, [columns.map((c) => values[c] ?? '')]).split('\r\n')[1]!
  const changed = pdokRow.replace('Landelijk platform', 'Nationaal platform')
  const bad = pdokRow.replace(/^pdok,/, 'kapot,').replace(',software,', ',spreadsheet,')
  const file = join(dir, 'in.csv')
  writeFileSync(file, [header, fresh, changed, bad, ''].join('\r\n'))
  const report = join(dir, 'report.csv')

  const dry = await failure(command('import', env, file, '--report', report))
  assert.equal(dry.code, 3, 'exit code 3: some rows were refused')
  assert.match(dry.stdout, /3 row\(s\)\./)
  assert.match(dry.stdout, /1 would create/)
  assert.match(dry.stdout, /1 would update/)
  assert.match(dry.stdout, /1 refused \(see the report\)/)
  assert.match(dry.stdout, /Nothing was written\. Run again with --apply to write\./)
  // Not a terminal: plain progress lines with the rate, no bar.
  assert.match(dry.stderr, /^Checking: 100% \(3\/3 rows, \d+ rows\/s, took [\d.]+ s\)$/m)
  const lines = readFileSync(report, 'utf8').replace(/^\ufeff/, '').split('\r\n')
  assert.equal(lines[0], 'line,slug,action,reason')
  assert.ok(lines.includes('4,kapot,invalid,"form: unknown code ""spreadsheet"""'), lines.join('\n'))

  const applied = await failure(command('import', env, file, '--apply', '--report', report))
  assert.match(applied.stdout, /1 created/)
  assert.match(applied.stdout, /1 updated/)
  assert.match(applied.stderr, /^Writing: 100% \(2\/2 rows/m)
  const again = await failure(command('import', env, file, '--apply', '--report', report))
  assert.match(again.stdout, /2 unchanged/)
  assert.doesNotMatch(again.stdout, /created|updated/)

  // A server (here: an open database) holds the folder: the import says so in one line and writes nothing.
  const held = await openDatabase({ dataDir: env.DATA_DIR })
  try {
    const refused = await failure(command('import', env, file, '--apply', '--report', join(dir, 'other.csv')))
    assert.equal(refused.code, 1)
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr)
    assert.match(refused.stderr, /in use/)
    assert.ok(!existsSync(join(dir, 'other.csv')))
  } finally {
    await held.close()
  }
})

test('npm run import: usage, a missing file and an unreadable file are one line each', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-import-'))
  const env = environment(join(dir, 'data'))
  const usage = await failure(command('import', env))
  assert.equal(usage.code, 2)
  assert.match(usage.stderr, /^Usage: npm run import -- /)
  const missing = await failure(command('import', env, join(dir, 'nothing.csv')))
  assert.match(missing.stderr, /^Cannot read .+nothing\.csv: no such file\.\n$/)
  const latin1 = join(dir, 'latin1.csv')
  writeFileSync(latin1, Buffer.from('slug,category,form,status\r\ncaf\xe9,content,method,available\r\n', 'latin1'))
  const encoding = await failure(command('import', env, latin1))
  assert.equal(encoding.code, 1)
  assert.match(encoding.stderr, /latin1\.csv: The file is not UTF-8 \(first bad byte on line 2\)/)
})
