import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { buildTestApp } from '../../../test/helper.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const RULESET = join(ROOT, 'validators', 'adr', 'adr-2.1.0.spectral.yaml')
const SPECTRAL = join(ROOT, 'node_modules', '.bin', 'spectral')

test('the served OpenAPI document passes the NL GOV API Design Rules (Spectral, ADR 2.1.0) without errors or warnings', async () => {
  // A deployment is served over https; the ruleset warns about http servers.
  const t = await buildTestApp({ PUBLIC_URL: 'https://toolbox.example.org' })
  try {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    assert.equal(res.statusCode, 200)
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json')
    writeFileSync(file, res.body)
    const { stdout } = await promisify(execFile)(SPECTRAL, ['lint', '--ruleset', RULESET, '--format', 'json', '--fail-severity', 'hint', file], {
      maxBuffer: 10 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      if (error.stdout) return { stdout: error.stdout }
      throw error
    })
    // Spectral prints the JSON array, then a summary line when there are no findings.
    const json = stdout.slice(stdout.indexOf('['), stdout.lastIndexOf(']') + 1)
    const results = JSON.parse(json) as { code: string; message: string; severity: number; path: string[] }[]
    const findings = results.map((r) => `${['error', 'warn', 'info', 'hint'][r.severity]} ${r.code} at ${r.path.join('.')}: ${r.message}`)
    assert.deepEqual(findings, [])
  } finally {
    await t.close()
  }
})
