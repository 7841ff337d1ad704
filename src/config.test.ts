import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

test('defaults: port 3000, PGlite in ./data, local public URL', () => {
  const config = loadConfig({})
  assert.equal(config.PORT, 3000)
  assert.equal(config.HOST, '0.0.0.0')
  assert.equal(config.DATA_DIR, './data')
  assert.equal(config.DATABASE_URL, '')
  assert.equal(config.PUBLIC_URL, 'http://localhost:3000')
})

test('without PUBLIC_URL, links point at localhost on the port the toolbox listens on', () => {
  assert.equal(loadConfig({ PORT: '4150' }).PUBLIC_URL, 'http://localhost:4150')
  assert.equal(loadConfig({ PORT: '4150', PUBLIC_URL: 'https://toolbox.example.org' }).PUBLIC_URL, 'https://toolbox.example.org')
})

test('values from the environment are converted and checked', () => {
  const config = loadConfig({ PORT: '8080', PUBLIC_URL: 'https://toolbox.example.org/', LOG_LEVEL: 'warn' })
  assert.equal(config.PORT, 8080)
  assert.equal(config.PUBLIC_URL, 'https://toolbox.example.org', 'trailing slash removed')
  assert.equal(config.LOG_LEVEL, 'warn')
})

test('invalid values fail at start-up with a readable list', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'toolbox', LOG_LEVEL: 'loud' }),
    (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message) && /PUBLIC_URL/.test(error.message) && /LOG_LEVEL/.test(error.message),
  )
})

test('ports are plain digits and DATABASE_URL is a PostgreSQL URL', () => {
  for (const PORT of ['1e3', '3000.5', '-1', '70000']) assert.throws(() => loadConfig({ PORT }), ConfigError, PORT)
  assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }), ConfigError)
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/toolbox' }).DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/toolbox')
})
