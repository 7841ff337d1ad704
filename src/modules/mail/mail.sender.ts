import nodemailer, { type Transporter } from 'nodemailer'
import type { MailRepository } from './mail.repository.ts'

export interface MailSenderOptions {
  smtpUrl: string
  from: string
  /** Connection, greeting and socket timeout: a mail server that stops answering costs at most this per message. */
  timeoutMs: number
  /** How often the outbox is looked at for messages of other instances and retries that came due. */
  pollIntervalMs: number
  /** The first retry waits this long; each next one twice as long, up to six hours. */
  retryBaseMs: number
  /** After this many attempts the message is given up on (an administrator can send it again). */
  maxAttempts: number
}

interface Logger {
  info(object: object, message: string): void
  warn(object: object, message: string): void
  error(object: object, message: string): void
}

/** Messages claimed at a time: one, so that a sender that dies leaves at most one message waiting for its lease. */
const BATCH = 1
const STOP_WAIT_MS = 2_000
const MAX_RETRY_MS = 6 * 3600_000

/** How long to wait before attempt n + 1 after n failed ones. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS)
}

/**
 * Delivers the outbox over SMTP in the background: claims due messages (each goes to one sender, whichever instance
 * it runs in), sends them one by one, and on failure keeps the error and tries again later with back-off.
 */
export function createMailSender(repository: MailRepository, options: MailSenderOptions, log: Logger) {
  const transport: Transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  })
  // A lease longer than one message can take (connect, greet, send, each bounded by the timeout), so a live sender
  // never loses the message it is sending.
  const leaseSeconds = Math.ceil((options.timeoutMs * 4 * BATCH) / 1000) + 30
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined
  let again = false
  let stopped = true

  async function sendOne(message: { id: number; recipient: string; locale: string; subject: string; body_text: string; attempts: number }) {
    try {
      await transport.sendMail({ from: options.from, to: message.recipient, subject: message.subject, text: message.body_text, headers: { 'Content-Language': message.locale } })
      await repository.markSent(message.id)
      return true
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500)
      const giveUp = message.attempts >= options.maxAttempts
      await repository.markFailed(message.id, reason, giveUp ? null : Math.ceil(retryDelayMs(message.attempts, options.retryBaseMs) / 1000))
      log.warn({ outboxId: message.id, attempts: message.attempts, gaveUp: giveUp, reason }, 'e-mail not sent')
      return false
    }
  }

  /** Sends every message that is due now; answers how many went out. */
  async function deliverDue(): Promise<number> {
    let sent = 0
    for (;;) {
      const batch = await repository.claimDue(BATCH, leaseSeconds)
      for (const message of batch) if (await sendOne(message)) sent++
      if (batch.length < BATCH || stopped) return sent
    }
  }

  /** One delivery round at a time; a wake-up during a round runs one more round after it. */
  function round() {
    if (running) {
      again = true
      return
    }
    running = deliverDue()
      .catch((error: unknown) => {
        // The database may be away for a moment: the next round tries again.
        log.error({ err: error }, 'outbox delivery round failed')
        return 0
      })
      .finally(() => {
        running = undefined
        if (again && !stopped) {
          again = false
          round()
        }
      })
  }

  return {
    deliverDue,
    /** Something was queued: deliver it now rather than at the next poll. */
    wake() {
      if (!stopped) round()
    },
    start() {
      if (!stopped) return
      stopped = false
      round()
      timer = setInterval(round, options.pollIntervalMs)
      timer.unref()
    },
    /**
     * Stops polling and waits a moment for a message in flight. A mail server that hangs is not waited for: the
     * message's lease runs out and a sender (here after a restart, or another instance) sends it again.
     */
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())])
      transport.close()
    },
  }
}
export type MailSender = ReturnType<typeof createMailSender>
