import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { cleanText } from '../../lib/text.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage } from '../../plugins/forms.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize, can } from '../../lib/policy.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import { outboxDelivery } from '../mail/mail.presenter.ts'
import type { MailService } from '../mail/mail.service.ts'
import { parseId, parsePage } from './admin.params.ts'
import { auditPage } from './views/audit.page.ts'
import { outboxPage } from './views/outbox.page.ts'

const PAGE = 50

function one(value: unknown): string {
  const v = Array.isArray(value) ? value.at(-1) : value
  return typeof v === 'string' ? v : ''
}

/** /admin/outbox (every e-mail and where it stands; send a given-up one again) and /admin/audit (every change). */
export function registerAdminLogPages(app: FastifyInstance, deps: { config: Config; audit: AuditRepository; mail: MailService }) {
  const { audit, mail } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, deps.config.PUBLIC_URL)

    const outbox = async (request: FastifyRequest, reply: FastifyReply) => {
      const now = new Date()
      const rows = await mail.list(PAGE, 0)
      return outboxPage(context(request), {
        transport: mail.transport,
        messages: rows.map((m) => ({ id: m.id, createdAt: new Date(m.created_at), recipient: m.recipient, locale: m.locale, subject: m.subject, body: m.body_text, delivery: outboxDelivery(m, now) })),
        now,
        canRetry: can(request.actor, 'outbox.manage'),
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { retried: 'admin.outbox.retried' }),
      })
    }

    app.get(p('/admin/outbox'), async (request, reply) => {
      authorize(request.actor, 'outbox.read')
      return sendPage(reply, await outbox(request, reply))
    })

    app.post<{ Params: { id: string } }>(p('/admin/outbox/:id/retry'), async (request, reply) => {
      const actor = authorize(request.actor, 'outbox.manage')
      const id = parseId(request.params.id)
      return handleFormPost(reply, {
        values: {},
        submit: async () => {
          await mail.retry(actor, id)
          return `${p('/admin/outbox')}?done=retried`
        },
        render: () => outbox(request, reply),
      })
    })

    app.get(p('/admin/audit'), async (request, reply) => {
      authorize(request.actor, 'audit.read')
      const query = (request.query ?? {}) as Record<string, unknown>
      const page = parsePage(one(query.page))
      const { entityTypes, actions } = await audit.distinctValues()
      const filter = {
        entityType: entityTypes.includes(one(query.entityType)) ? one(query.entityType) : undefined,
        action: actions.includes(one(query.action)) ? one(query.action) : undefined,
        actor: cleanText(one(query.actor)).slice(0, 100) || undefined,
      }
      const rows = await audit.list({ ...filter, limit: PAGE + 1, offset: (page - 1) * PAGE })
      return sendPage(reply, auditPage(context(request), { filter, entityTypes, actions, rows: rows.slice(0, PAGE), page, hasOlder: rows.length > PAGE }))
    })
  }
}
