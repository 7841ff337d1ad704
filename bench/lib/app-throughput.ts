// Distinct search pages per second from the real server (app-server.ts), as one instance or several sharing the
// port (INSTANCES; PostgreSQL only). Two runs over the same cycle of URLs, each longer than the page cache: the
// first meets every query word, row and split for the first time ("cold"), the second finds those in the
// instance's per-version caches as a running site would ("warm"); neither is served from the page or result cache.
import { startServer, type BenchDatabase } from './app-server.ts'
import { runWrk, writeCycleScript, type WrkOptions, type WrkResult } from './wrk.ts'

export interface AppThroughput {
  instances: number
  cold: WrkResult
  warm: WrkResult
}

export async function appThroughput(database: BenchDatabase, urls: readonly string[], instances: number, wrk: WrkOptions, dir: string): Promise<AppThroughput> {
  const server = await startServer(database, { INSTANCES: String(instances) })
  try {
    const script = writeCycleScript(dir, urls, wrk.threads, 'server-cycle.lua')
    const url = `http://127.0.0.1:${server.port}/tools`
    const cold = await runWrk(url, script, wrk)
    const warm = await runWrk(url, script, wrk)
    return { instances, cold, warm }
  } finally {
    await server.stop()
  }
}
