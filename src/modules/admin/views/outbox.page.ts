import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import { dataList, heading, paragraph } from '../../../views/components/index.ts'
import { actionForm } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { linkify } from '../../../views/linkify.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { OutboxDelivery } from '../../mail/mail.presenter.ts'
import { formatDateTime } from './admin.format.ts'

export interface OutboxEntry {
  id: number
  createdAt: Date
  recipient: string
  /** The language the message is written in. */
  locale: Locale
  subject: string
  body: string
  delivery: OutboxDelivery
}

export interface OutboxPageModel {
  /** How this instance sends mail: over SMTP, or not at all (messages are kept here). */
  transport: 'smtp' | 'outbox'
  messages: OutboxEntry[]
  now: Date
  /** Whether the viewer may send a given-up message again. */
  canRetry: boolean
  csrfToken: string
  flash?: MessageKey | undefined
}

/** Where a message stands, in a sentence. */
function deliveryText(locale: Locale, delivery: OutboxDelivery, now: Date): string {
  const t = translator(locale)
  const time = (value: Date) => formatDateTime(locale, value)
  switch (delivery.state) {
    case 'kept':
      return t('admin.outbox.status.kept')
    case 'sent':
      return t('admin.outbox.status.sent', { time: time(delivery.sentAt) })
    case 'failed': {
      const params = { time: time(delivery.failedAt), error: delivery.error ?? '–' }
      return delivery.attempts === 1 ? t('admin.outbox.status.failedOnce', params) : t('admin.outbox.status.failed', { ...params, attempts: delivery.attempts })
    }
    case 'sending':
    case 'waiting': {
      const status =
        delivery.state === 'sending'
          ? t('admin.outbox.status.sending', { attempt: delivery.attempt })
          : delivery.nextAttemptAt && delivery.nextAttemptAt > now
            ? t('admin.outbox.status.waiting', { attempt: delivery.attempt, time: time(delivery.nextAttemptAt) })
            : t('admin.outbox.status.due', { attempt: delivery.attempt })
      return delivery.lastError ? `${status} ${t('admin.outbox.lastError', { error: delivery.lastError })}` : status
    }
  }
}

/** /admin/outbox: every e-mail the toolbox wrote, newest first, each with where it stands and its text. */
export function outboxPage(ctx: PageContext, model: OutboxPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const message = (m: OutboxEntry): SafeHtml => html`<li class="citydeal-outbox__message" id="message-${m.id}">
${heading(2, html`<span lang="${m.locale}">${m.subject}</span>`)}
${dataList([
  { key: t('admin.outbox.to'), value: m.recipient },
  { key: t('admin.outbox.created'), value: formatDateTime(locale, m.createdAt) },
  { key: t('admin.outbox.status'), value: deliveryText(locale, m.delivery, model.now) },
])}
${m.delivery.state === 'failed' && model.canRetry ? html`<div class="citydeal-actions">${actionForm(localePath(locale, `/admin/outbox/${m.id}/retry`), model.csrfToken, t('admin.outbox.retry'), {}, false)}</div>` : ''}
<div class="citydeal-mail-body" lang="${m.locale}">${linkify(m.body)}</div>
</li>`
  return simplePage(
    ctx,
    { title: t('admin.outbox'), intro: t(model.transport === 'smtp' ? 'admin.outbox.intro.smtp' : 'admin.outbox.intro.outbox'), flash: model.flash, section: 'admin' },
    model.messages.length === 0 ? paragraph(t('admin.outbox.none')) : html`<ol class="citydeal-outbox">${model.messages.map(message)}</ol>`,
  )
}
