import nodemailer, { type Transporter } from 'nodemailer'
import type { Database } from '../../db/database.ts'
import { translate } from '../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../i18n/messages.ts'

export interface MailMessage {
  to: string
  locale: Locale
  subjectKey: MessageKey
  bodyKey: MessageKey
  params: Record<string, string | number>
}

export interface MailOptions {
  smtpUrl?: string
  from: string
}

/**
 * E-mail in the recipient's language. With SMTP_URL it is sent over SMTP; either way it is recorded in the
 * outbox table, which administrators read at /admin/outbox (the only delivery when SMTP is not configured).
 */
export function createMailService(db: Database, options: MailOptions) {
  const transport: Transporter | undefined = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined
  return {
    transport: transport ? ('smtp' as const) : ('outbox' as const),

    async send(message: MailMessage): Promise<void> {
      const subject = translate(message.locale, message.subjectKey, message.params)
      const text = translate(message.locale, message.bodyKey, message.params)
      const row = await db
        .insertInto('outbox')
        .values({ recipient: message.to, locale: message.locale, subject, body_text: text, transport: transport ? 'smtp' : 'outbox' })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (!transport) return
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject, text, headers: { 'Content-Language': message.locale } })
        await db.updateTable('outbox').set({ sent_at: new Date() }).where('id', '=', row.id).execute()
      } catch (error) {
        // The message stays in the outbox with the reason, for an administrator to see; the user's action stands.
        await db
          .updateTable('outbox')
          .set({ error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
          .where('id', '=', row.id)
          .execute()
      }
    },

    list: (limit: number, offset: number) =>
      db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),

    close() {
      transport?.close()
    },
  }
}
export type MailService = ReturnType<typeof createMailService>
