// How long the public share form (POST /tools/share) takes to answer when the SMTP server hangs.
//
//   npm run bench:share-smtp -- [--runs N] [--mode hung|down|ok] [--timeout SECONDS]
//
// The mail server, on 127.0.0.1: `hung` accepts connections and never says a word (no greeting, never closes);
// `down` is a closed port (connection refused); `ok` is a real SMTP server (smtp-server) that accepts everything.
// The toolbox runs as a child process (src/server.ts) on PGlite in a fresh temporary DATA_DIR, SMTP_URL pointing
// at that server. Each run loads the form (CSRF cookie and token), posts a new tool with a unique name and
// confirmDifferent=on, and times the POST until its response arrives (303 expected). The script speaks to the app
// only over HTTP and the command line, so the same script measures any version of the code.
// A fresh database has no curators: each share mails only the submitter's confirmation. (Code that mails
// curators from the request as well waits once more per curator; the script does not create curators, which
// takes an invitation accepted by mail.) Like every benchmark here it prints numbers and never fails on them.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { SMTPServer } from 'smtp-server'
import { formatMs, freePort } from './lib/util.ts'

const MODES = ['hung', 'down', 'ok'] as const
type Mode = (typeof MODES)[number]
const USAGE = 'Usage: npx tsx bench/share-smtp.ts [--runs N] [--mode hung|down|ok] [--timeout SECONDS]'

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, mode: { type: 'string', default: 'hung' }, timeout: { type: 'string', default: '120' } },
})
const runs = Number(args.runs)
const timeoutMs = Number(args.timeout) * 1000
const mode = MODES.find((m) => m === args.mode)
if (!mode || !Number.isInteger(runs) || runs < 1 || !(timeoutMs > 0)) {
  console.error(USAGE)
  process.exit(2)
}
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const cleanups: (() => Promise<unknown>)[] = []

/** The mail server for the mode; `seen` counts connections (hung) or messages accepted (ok). */
async function startMailServer(mode: Mode): Promise<{ port: number; seen: () => number; close: () => Promise<void> }> {
  if (mode === 'down') return { port: await freePort(), seen: () => 0, close: async () => {} }
  let seen = 0
  if (mode === 'ok') {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // A reverse DNS lookup per connection would time the test server, not the app.
      disableReverseLookup: true,
      logger: false,
      onData(stream, _session, callback) {
        stream.resume()
        stream.on('end', () => (seen++, callback()))
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const { port } = smtp.server.address() as AddressInfo
    return { port, seen: () => seen, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) }
  }
  const sockets = new Set<Socket>()
  const silent = createServer((socket) => {
    seen++
    sockets.add(socket)
    socket.on('error', () => {}).on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  const { port } = silent.address() as AddressInfo
  return {
    port,
    seen: () => seen,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => silent.close(() => resolve()))
    },
  }
}

/** Starts src/server.ts on a free port with a fresh PGlite folder and waits until /health answers 200. */
async function startToolbox(smtpPort: number): Promise<string> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const dataDir = await mkdtemp(join(tmpdir(), 'toolbox-bench-smtp-'))
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  // One node process (not npx + tsx's own child), so SIGTERM reaches the server's graceful shutdown directly.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    // An empty DATABASE_URL means PGlite in the fresh DATA_DIR, whatever the caller's environment says.
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, DATA_DIR: dataDir, DATABASE_URL: '',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, RATE_LIMIT_DISABLED: '1', LOG_LEVEL: 'warn',
    },
  })
  cleanups.push(() => stop(child))
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the toolbox exited with code ${child.exitCode} before it answered`)
    const status = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0)
    if (status === 200) return base
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the toolbox did not answer GET /health with 200 within 120 s')
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** One share: load the form for its CSRF cookie and token, then time the POST alone. */
async function shareOnce(base: string, run: number): Promise<{ ms: number; outcome: string }> {
  const form = await fetch(`${base}/tools/share`)
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const input = /<input[^>]*name="_csrf"[^>]*>/.exec(await form.text())?.[0]
  const csrf = input && /value="([^"]*)"/.exec(input)?.[1]
  if (!csrf) throw new Error(`GET /tools/share (${form.status}) has no _csrf field`)
  const word = () => randomBytes(5).toString('hex')
  const body = new URLSearchParams({
    _csrf: csrf,
    name: `${word()} ${word()}`,
    description: `${word()} ${word()} ${word()}: share form benchmark, run ${run}`,
    contactEmail: `bench-${word()}@example.org`,
    confirmDifferent: 'on',
  })
  const started = performance.now()
  try {
    const response = await fetch(`${base}/tools/share`, { method: 'POST', body, headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
    await response.arrayBuffer()
    return { ms: performance.now() - started, outcome: String(response.status) }
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { ms: performance.now() - started, outcome: 'timeout' }
    throw error
  }
}

function commit(): string {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: repoRoot, encoding: 'utf8' }).trim()
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '')
  } catch {
    return 'unknown'
  }
}

// Once only: Ctrl-C and the end of main may both ask for it.
let cleaning: Promise<void> | undefined
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => console.error('cleanup:', error))
  })()
  return cleaning
}

async function main(mode: Mode) {
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)))
  console.log(`share form, SMTP ${mode}, commit ${commit()}, ${runs} run(s), client timeout ${formatMs(timeoutMs)}, load ${loadavg()[0]!.toFixed(2)}`)
  const mail = await startMailServer(mode)
  cleanups.push(mail.close)
  const base = await startToolbox(mail.port)
  const times: number[] = []
  let timeouts = 0
  for (let run = 1; run <= runs; run++) {
    const { ms, outcome } = await shareOnce(base, run)
    if (outcome === 'timeout') timeouts++
    else times.push(ms)
    console.log(`run ${run}: ${outcome === 'timeout' ? `no answer within ${formatMs(ms)}` : `${formatMs(ms)} (${outcome})`}`)
  }
  times.sort((a, b) => a - b)
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2
  if (times.length > 0) console.log(`min ${formatMs(times[0]!)}  median ${formatMs(median)}  max ${formatMs(times.at(-1)!)}`)
  if (timeouts > 0) console.log(`timeouts: ${timeouts} of ${runs}`)
  if (mode !== 'down') console.log(`${mode === 'hung' ? 'connections to the silent server' : 'messages accepted'}: ${mail.seen()}`)
  console.log(`load ${loadavg()[0]!.toFixed(2)} at the end`)
}

try {
  await main(mode)
} finally {
  await cleanUp()
}
