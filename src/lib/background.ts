interface Logger {
  error(object: object, message: string): void
}

/**
 * Work that runs after the answer has left, so that the answer does not depend on it: a password reset takes the
 * same time whether or not the address has an account. Tasks start on a later turn of the event loop (after the
 * response is written), a failure is logged, and closing waits until every task is done.
 */
export function createBackgroundTasks(log: Logger) {
  const pending = new Set<Promise<void>>()
  return {
    run(name: string, task: () => Promise<void>) {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .catch((error: unknown) => log.error({ err: error, task: name }, 'background task failed'))
        .finally(() => pending.delete(done))
      pending.add(done)
    },
    /** Resolves when no task is waiting or running (tests; closing). */
    async idle() {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}
export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>
