// Several instances of the toolbox on one machine (INSTANCES, decision 0027): node:cluster workers, each a whole
// app with its own search index, sharing the listening port (the primary hands out connections in turn). The
// instances are as stateless as separate machines would be: PostgreSQL holds everything they share.
import cluster, { type Worker } from 'node:cluster'

export interface InstancesLog {
  info(object: object, message: string): void
  error(object: object, message: string): void
}

/**
 * Starts `count` workers running this same program and keeps them running: one that stops unexpectedly is started
 * again, unless workers stopped more than three times per instance within a minute (then the rest are stopped and
 * the primary exits with 1). SIGTERM or SIGINT stops every worker gracefully (each closes its app), then the primary.
 */
export function superviseInstances(count: number, log: InstancesLog, shutdownMs = 15_000): void {
  const live = new Set<Worker>()
  const stops: number[] = []
  let closing = false

  const stopAll = (exitCode: number) => {
    closing = true
    process.exitCode = exitCode
    for (const worker of live) worker.process.kill('SIGTERM')
    setTimeout(() => {
      log.error({ shutdownMs }, 'instances did not stop in time, exiting')
      process.exit(1)
    }, shutdownMs).unref()
    if (live.size === 0) process.exit(exitCode)
  }

  const start = () => {
    const worker = cluster.fork()
    live.add(worker)
    worker.once('exit', (code, signal) => {
      live.delete(worker)
      if (closing) {
        if (live.size === 0) process.exit(process.exitCode ?? 0)
        return
      }
      const now = Date.now()
      stops.push(now)
      while (stops[0]! < now - 60_000) stops.shift()
      if (stops.length > count * 3) {
        log.error({ pid: worker.process.pid, code, signal, stopsInAMinute: stops.length }, 'instances keep stopping; stopping the rest')
        stopAll(1)
        return
      }
      log.error({ pid: worker.process.pid, code, signal }, 'an instance stopped; starting another')
      start()
    })
  }

  const onSignal = (signal: string) => {
    if (closing) return
    log.info({ signal, instances: live.size }, 'stopping the instances')
    stopAll(0)
  }
  process.on('SIGINT', () => onSignal('SIGINT'))
  process.on('SIGTERM', () => onSignal('SIGTERM'))
  log.info({ instances: count }, 'starting instances')
  for (let i = 0; i < count; i++) start()
}
