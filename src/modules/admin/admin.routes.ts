import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { pageContext } from '../../plugins/context.ts'
import { sendPage } from '../../plugins/forms.ts'
import { authorize } from '../../lib/policy.ts'
import type { AccountsService } from '../accounts/accounts.service.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { registerAdminLogPages } from './admin.log.routes.ts'
import { registerAdminOrganisationPages } from './admin.organisations.routes.ts'
import { registerAdminUserPages } from './admin.users.routes.ts'
import { adminPage } from './views/admin.page.ts'

export interface AdminRouteDeps {
  config: Config
  accounts: AccountsService
  audit: AuditRepository
  mail: MailService
  organisations: OrganisationsService
}

/** /admin for administrators only: its index, users, organisations, the outbox and the audit log. */
export function registerAdminPages(app: FastifyInstance, deps: AdminRouteDeps) {
  for (const locale of LOCALES) {
    app.get(localePath(locale, '/admin'), async (request, reply) => {
      authorize(request.actor, 'admin.view')
      return sendPage(reply, adminPage(pageContext(request, deps.config.PUBLIC_URL)))
    })
  }
  registerAdminUserPages(app, deps)
  registerAdminOrganisationPages(app, deps)
  registerAdminLogPages(app, deps)
}
