import type { DecisionsService } from './decisions.service.ts'

/** How often the clock looks for votes to close and partners to remind. */
const INTERVAL_MS = 5 * 60 * 1000
/** The first look after start-up waits this long, so that starting (and every test) is not slowed by it. */
const FIRST_RUN_DELAY_MS = 60_000

/**
 * The decisions clock (the pattern of the submitters' retention): every few minutes, in every running instance, votes
 * whose last day has passed close by themselves and partners that have not voted are reminded a day before the close.
 * Both lock the decision row and look again, so two instances never close or remind twice.
 */
export function createDecisionsClock(deps: { decisions: Pick<DecisionsService, 'closeDue' | 'remindDue'>; log: { info(object: object, message: string): void; error(object: object, message: string): void } }) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined

  /** One look: remind first (a vote that closes now needs no reminder), then close. */
  async function tick(now = new Date()) {
    const reminded = await deps.decisions.remindDue(now)
    const closed = await deps.decisions.closeDue(now)
    return { reminded, closed }
  }

  function runOnce() {
    running ??= tick()
      .then((done) => {
        if (done.closed.length + done.reminded.length > 0) deps.log.info(done, 'decisions clock: votes closed and partners reminded')
      })
      .catch((error: unknown) => deps.log.error({ err: error }, 'decisions clock: failed (tried again at the next tick)'))
      .finally(() => {
        running = undefined
      })
  }

  return {
    tick,
    /** Runs a minute after start-up, then every five minutes. */
    start() {
      if (timer) return
      timer = setTimeout(function next() {
        runOnce()
        timer = setTimeout(next, INTERVAL_MS).unref()
      }, FIRST_RUN_DELAY_MS).unref()
    },
    /** Stops the clock, waiting for a run in progress. */
    async stop() {
      clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
export type DecisionsClock = ReturnType<typeof createDecisionsClock>
