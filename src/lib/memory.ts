// Handing freed memory back to the system after a large, one-off piece of work (reading the catalogue into the
// search index, decision 0023). V8 keeps the pages such work leaves behind for reuse: after the index at 100,000
// tools was read, the heap held 17 MB but the process about 250 MB more than before, for good. A "last resort"
// collection (the one V8 runs before it gives up on memory) compacts the heap and releases those pages.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collect: ((options: object) => void) | undefined

function collector(): (options: object) => void {
  if (!collect) {
    // The gc function exists only in contexts made after --expose-gc is set; it is the same for every context.
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    collect = typeof gc === 'function' ? (options) => gc(options) : () => undefined
  }
  return collect
}

/**
 * A full, compacting collection that returns V8's free pages to the system; it stops JavaScript for its duration
 * (about 100 ms with a 100k-tool index in the heap), so it is for after rare, large work only. Returns the ms it took.
 */
export function releaseFreedMemory(): number {
  const started = performance.now()
  collector()({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  return performance.now() - started
}
