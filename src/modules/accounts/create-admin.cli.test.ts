import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { createTestDatabase } from '../../../test/helper.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const run = promisify(execFile)

test('npm run admin:create makes the first administrator and prints a single-use link', { timeout: 120_000 }, async () => {
  // On PostgreSQL the command runs against this test file's own database; on PGlite against a temporary data folder.
  const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined
  await database?.handle.close()
  // Without NODE_TEST_CONTEXT: a child that inherits it behaves as a test-runner child and never reports back.
  const { NODE_TEST_CONTEXT: _ignored, ...inherited } = process.env
  const env = {
    ...inherited,
    PUBLIC_URL: 'http://toolbox.test',
    LOG_LEVEL: 'warn',
    ...(database?.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: mkdtempSync(join(tmpdir(), 'toolbox-cli-')) }),
  }
  try {
    const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/modules/accounts/create-admin.cli.ts', '--email', 'first@example.org', '--name', 'First Admin'], { cwd: ROOT, env })
    assert.match(stdout, /Administrator: First Admin <first@example.org>/)
    assert.match(stdout, /Set the password within 7 days: http:\/\/toolbox\.test\/account\/activate\/[A-Za-z0-9_-]{43}/)
    const usage = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/modules/accounts/create-admin.cli.ts', '--email', 'nope'], { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e)
    assert.equal((usage as { code: number }).code, 2)
    assert.match((usage as { stderr: string }).stderr, /Usage: npm run admin:create/)
  } finally {
    await database?.drop()
  }
})
