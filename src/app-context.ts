import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/database.ts'
import type { ReferenceData } from './modules/reference/reference.service.ts'
import type { ToolsService } from './modules/tools/tools.service.ts'
import type { AccountsService } from './modules/accounts/accounts.service.ts'
import type { AuditRepository } from './modules/audit/audit.repository.ts'
import type { MailService } from './modules/mail/mail.service.ts'
import type { OrganisationsService } from './modules/organisations/organisations.service.ts'
import type { SubmissionsService } from './modules/submissions/submissions.service.ts'

/** What route modules get: the services they call and the settings they read. */
export interface AppContext {
  config: Config
  database: DatabaseHandle
  reference: ReferenceData
  tools: ToolsService
  accounts: AccountsService
  organisations: OrganisationsService
  mail: MailService
  audit: AuditRepository
  submissions: SubmissionsService
}
