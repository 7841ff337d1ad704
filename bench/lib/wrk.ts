// Runs wrk (Debian's /usr/bin/wrk) against 127.0.0.1 and reads its summary from a Lua done() hook.
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const WRK = '/usr/bin/wrk'

export interface WrkOptions {
  threads: number
  connections: number
  durationSec: number
  timeoutSec: number
}

export interface WrkResult {
  url: string
  requests: number
  durationSec: number
  rps: number
  bytes: number
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  command: string
  /** 1-minute load average when the run started (set by the caller). */
  loadavg?: number
}

/** Prints wrk's summary as one JSON line that runWrk parses. */
const DONE_HOOK = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCHJSON {"requests":%.0f,"duration_us":%.0f,"bytes":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,"mean":%.0f,"p50":%.0f,"p90":%.0f,"p99":%.0f,"max":%.0f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`

export function wrkAvailable(): string | undefined {
  return existsSync(WRK) ? undefined : `${WRK} not found (apt-get install -y wrk)`
}

/** A script that only reports (wrk keeps its fast path for a fixed URL). */
export function writeReportScript(dir: string): string {
  const path = join(dir, 'report.lua')
  writeFileSync(path, DONE_HOOK)
  return path
}

/**
 * A script that cycles through the given paths; each thread starts at its own offset, so with a cache of
 * C entries and N > C paths every request is a miss once the cycle is longer than the cache.
 */
export function writeCycleScript(dir: string, paths: readonly string[], threads: number, name = 'cycle.lua'): string {
  const path = join(dir, name)
  const list = paths.map((p) => `  ${JSON.stringify(p)},`).join('\n')
  writeFileSync(
    path,
    `local paths = {
${list}
}
local n = #paths
local started = 0
setup = function(thread)
  thread:set("offset", started)
  started = started + 1
end
init = function(args)
  i = math.floor((offset or 0) * n / ${threads})
end
request = function()
  i = (i % n) + 1
  return wrk.format("GET", paths[i])
end
${DONE_HOOK}`,
  )
  return path
}

/** Runs wrk once (bounded: killed after duration + 30 s). */
export function runWrk(url: string, script: string, options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.durationSec}s`,
    `--timeout`,
    `${options.timeoutSec}s`,
    '-s',
    script,
    url,
  ]
  const url0 = new URL(url)
  if (url0.hostname !== '127.0.0.1') return Promise.reject(new Error(`wrk only against 127.0.0.1, not ${url0.hostname}`))
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), (options.durationSec + 30) * 1000)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = out.split('\n').find((l) => l.startsWith('BENCHJSON '))
      if (code !== 0 || !line) {
        reject(new Error(`wrk exited with ${code}: ${err.trim() || out.trim()}`))
        return
      }
      const j = JSON.parse(line.slice('BENCHJSON '.length)) as Record<string, number>
      const durationSec = j.duration_us! / 1e6
      resolve({
        url,
        requests: j.requests!,
        durationSec,
        rps: j.requests! / durationSec,
        bytes: j.bytes!,
        errors: { connect: j.connect!, read: j.read!, write: j.write!, status: j.status!, timeout: j.timeout! },
        latencyMs: { mean: j.mean! / 1000, p50: j.p50! / 1000, p90: j.p90! / 1000, p99: j.p99! / 1000, max: j.max! / 1000 },
        command: `wrk ${args.join(' ')}`,
      })
    })
  })
}
