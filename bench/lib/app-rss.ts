// What the search index adds to the memory of a real instance: the server (`src/server.ts`, as `npm start` runs
// it) is started on the benchmark's database twice, with SEARCH_INDEX off and on; each serves the same pages, then
// its resident set (VmRSS) is read. The difference is the index's cost to an instance, without the benchmark's own
// generator and measurements in the same heap.
import { readFileSync } from 'node:fs'
import { startServer, type BenchDatabase } from './app-server.ts'

export interface AppRss {
  /** MB, after the pages, with the index off and on. */
  offMb: number
  onMb: number
  /** From the spawn until the index said it was ready (on), ms. */
  indexReadyMs: number
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function oneServer(database: BenchDatabase, index: 'on' | 'off', paths: readonly string[]): Promise<{ rssMb: number; readyMs: number }> {
  const server = await startServer(database, { SEARCH_INDEX: index })
  try {
    // The same pages for both: search pages and what they link to, so that both instances have done the same work.
    for (const path of paths) {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`)
      await response.arrayBuffer()
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
    return { rssMb: rssMb(server.pid), readyMs: server.indexReadyMs }
  } finally {
    await server.stop()
  }
}

/** RSS of the real server with the index off and on, on one database (not in use by another process for PGlite). */
export async function appRss(database: BenchDatabase, paths: readonly string[]): Promise<AppRss> {
  const off = await oneServer(database, 'off', paths)
  const on = await oneServer(database, 'on', paths)
  return { offMb: off.rssMb, onMb: on.rssMb, indexReadyMs: on.readyMs }
}
