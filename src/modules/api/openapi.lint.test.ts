import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const SPECTRAL = join(ROOT, 'node_modules', '.bin', 'spectral')

describe('the served OpenAPI document passes the NL GOV API Design Rules (Spectral) without errors or warnings', () => {
  let t: TestApp
  let file: string
  before(async () => {
    // A deployment is served over https; the ruleset warns about http servers.
    t = await buildTestApp({ PUBLIC_URL: 'https://toolbox.example.org' })
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    assert.equal(res.statusCode, 200)
    file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json')
    writeFileSync(file, res.body)
  })
  after(() => t.close())

  // 2.1.0 is the version in force; 2.2.0-rc.1 adds, among others, `detail` as a required problem member.
  for (const version of ['2.1.0', '2.2.0-rc.1']) {
    test(`ADR ${version}`, async () => {
      const ruleset = join(ROOT, 'validators', 'adr', `adr-${version}.spectral.yaml`)
      assert.deepEqual(await lint(ruleset, file), [])
    })
  }
})

async function lint(ruleset: string, file: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(SPECTRAL, ['lint', '--ruleset', ruleset, '--format', 'json', '--fail-severity', 'hint', file], {
    maxBuffer: 10 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    if (error.stdout) return { stdout: error.stdout }
    throw error
  })
  // Spectral prints the JSON array, then a summary line when there are no findings.
  const json = stdout.slice(stdout.indexOf('['), stdout.lastIndexOf(']') + 1)
  const results = JSON.parse(json) as { code: string; message: string; severity: number; path: string[] }[]
  return results.map((r) => `${['error', 'warn', 'info', 'hint'][r.severity]} ${r.code} at ${r.path.join('.')}: ${r.message}`)
}
