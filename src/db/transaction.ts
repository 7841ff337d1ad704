import type { Kysely, Transaction } from 'kysely'
import type { DB } from './schema.ts'

/** A transaction, as services pass it to the repositories they call. */
export type Tx = Transaction<DB>
/** What a repository reads or writes through: the database itself or a transaction. */
export type Executor = Kysely<DB> | Transaction<DB>

/** Runs work in one transaction and answers its result; work done after the commit is registered with afterCommit. */
export type RunInTransaction = <T>(work: (trx: Tx) => Promise<T>) => Promise<T>

const afterCommitCallbacks = new WeakMap<Tx, (() => void)[]>()

/** The one way services open a transaction (they never see the database handle). */
export function transactor(db: Kysely<DB>): RunInTransaction {
  return async (work) => {
    const callbacks: (() => void)[] = []
    const result = await db.transaction().execute(async (trx) => {
      afterCommitCallbacks.set(trx, callbacks)
      return work(trx)
    })
    for (const callback of callbacks) callback()
    return result
  }
}

/**
 * Runs a callback once the transaction has committed (never when it rolls back): e.g. waking the mail sender, which
 * would not see the new message before the commit.
 */
export function afterCommit(trx: Tx, callback: () => void) {
  const callbacks = afterCommitCallbacks.get(trx)
  if (callbacks) callbacks.push(callback)
  else callback()
}
