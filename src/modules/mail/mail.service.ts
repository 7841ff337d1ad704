import { afterCommit, type RunInTransaction, type Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { translate } from '../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../i18n/messages.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailRepository } from './mail.repository.ts'

export interface MailMessage {
  to: string
  locale: Locale
  subjectKey: MessageKey
  bodyKey: MessageKey
  params: Record<string, string | number>
  /**
   * Parameters that are credentials (single-use links): they go out in the message as sent, but what is stored for
   * reading (and the whole message once delivered, or when SMTP is not configured) has a note in their place.
   */
  secrets?: Record<string, string>
  /** An administrator's own action (an invitation): written even when the address has had its share today. */
  always?: boolean
}

export interface MailServiceDeps {
  repository: MailRepository
  transaction: RunInTransaction
  audit: AuditRepository
  /** Whether SMTP is configured: then a sender delivers what is queued; otherwise it stays in the outbox. */
  smtp: boolean
  /** At most this many messages to one address in 24 hours (MAIL_PER_RECIPIENT_PER_DAY). */
  perRecipientPerDay: number
  /** Called after the transaction that queued a message commits (the sender of this instance wakes up). */
  queued?: () => void
}

/**
 * E-mail in the recipient's language, written to the outbox inside the transaction that causes it: nothing waits
 * for a mail server, and a rolled-back action sends nothing. Administrators read the outbox at /admin/outbox.
 */
export function createMailService({ repository, transaction, audit, smtp, perRecipientPerDay, queued }: MailServiceDeps) {
  return {
    transport: smtp ? ('smtp' as const) : ('outbox' as const),

    /**
     * Writes the message to the outbox with the action that causes it; answers false (and writes nothing) when the
     * address has had its MAIL_PER_RECIPIENT_PER_DAY already: the action itself goes ahead.
     */
    async queue(trx: Tx, message: MailMessage): Promise<boolean> {
      const recent = await repository.countRecentTo(trx, message.to, 24)
      if (recent >= perRecipientPerDay && !message.always) return false
      const secrets = message.secrets ?? {}
      const withheld = Object.fromEntries(Object.keys(secrets).map((name) => [name, translate(message.locale, 'mail.secretWithheld')]))
      await repository.insert(trx, {
        recipient: message.to,
        locale: message.locale,
        subject: translate(message.locale, message.subjectKey, message.params),
        bodyText: translate(message.locale, message.bodyKey, { ...message.params, ...withheld }),
        // Only a sender needs the links, and only until it has delivered them.
        bodySecret: smtp && message.secrets ? translate(message.locale, message.bodyKey, { ...message.params, ...secrets }) : null,
        smtp,
      })
      if (smtp && queued) afterCommit(trx, queued)
      return true
    },

    list: repository.list,

    /** Sends a message that was given up on once more (an administrator asks); NotFoundError when there is none to retry. */
    retry: (actor: Actor, id: number) =>
      transaction(async (trx) => {
        if (!(await repository.retry(trx, id))) throw new NotFoundError()
        await audit.record(trx, actor, { action: 'outbox.retried', entityType: 'outbox', entityId: id })
        if (queued) afterCommit(trx, queued)
      }),
  }
}
export type MailService = ReturnType<typeof createMailService>
