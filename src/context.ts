import { randomBytes } from 'node:crypto'
import type { Config } from './config.ts'
import { databaseLocation, waitForDatabase } from './db/connect-retry.ts'
import { openDatabase, type DatabaseHandle } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { loadReferenceData as seedReferenceData } from './db/seed/reference-data.ts'
import { createRateLimitStore } from './db/rate-limits.ts'
import { sharedSetting } from './db/settings.ts'
import { transactor } from './db/transaction.ts'
import { createBackgroundTasks } from './lib/background.ts'
import { createAccountsRepository } from './modules/accounts/accounts.repository.ts'
import { createAccountsService } from './modules/accounts/accounts.service.ts'
import { createAdoptionsService } from './modules/adoptions/adoptions.service.ts'
import { createCallsRepository } from './modules/calls/calls.repository.ts'
import { createCallsService } from './modules/calls/calls.service.ts'
import { createPilotResultsService } from './modules/pipeline/pilot-results.service.ts'
import { createAuditRepository } from './modules/audit/audit.repository.ts'
import { createCurationService } from './modules/curation/curation.service.ts'
import { createExportsRepository } from './modules/exports/exports.repository.ts'
import { createExportsService } from './modules/exports/exports.service.ts'
import { createImportService } from './modules/exports/import/import.service.ts'
import { createInvolvementRepository } from './modules/involvement/involvement.repository.ts'
import { createInvolvementService } from './modules/involvement/involvement.service.ts'
import { createMailRepository } from './modules/mail/mail.repository.ts'
import { createMailSender, type MailSender } from './modules/mail/mail.sender.ts'
import { createMailService } from './modules/mail/mail.service.ts'
import { createPilotsRepository } from './modules/pipeline/pilots.repository.ts'
import { createPipelineViewRepository } from './modules/pipeline/pipeline-view.repository.ts'
import { createPipelineViewService } from './modules/pipeline/pipeline-view.service.ts'
import { createPartnershipsRepository } from './modules/partnerships/partnerships.repository.ts'
import { createPartnershipsService } from './modules/partnerships/partnerships.service.ts'
import { createDecisionsRepository } from './modules/decisions/decisions.repository.ts'
import { createDecisionsService } from './modules/decisions/decisions.service.ts'
import { createDecisionsClock } from './modules/decisions/decisions.clock.ts'
import { createGatheringsRepository } from './modules/gatherings/gatherings.repository.ts'
import { createGatheringsService } from './modules/gatherings/gatherings.service.ts'
import { createProposalsRepository } from './modules/proposals/proposals.repository.ts'
import { createProposalsService } from './modules/proposals/proposals.service.ts'
import { createProgrammeRepository } from './modules/programme/programme.repository.ts'
import { createProgrammeService } from './modules/programme/programme.service.ts'
import { createOrganisationsRepository } from './modules/organisations/organisations.repository.ts'
import { createOrganisationsService } from './modules/organisations/organisations.service.ts'
import { createReferenceRepository } from './modules/reference/reference.repository.ts'
import { loadReferenceData, reloadMunicipalities } from './modules/reference/reference.service.ts'
import { createSubmissionsRepository } from './modules/submissions/submissions.repository.ts'
import { createSubmitterRetention } from './modules/submissions/retention.service.ts'
import { createSubmissionsService } from './modules/submissions/submissions.service.ts'
import { createToolEditingService } from './modules/tool-editing/tool-editing.service.ts'
import { createToolLifecycleService } from './modules/tool-editing/tool-lifecycle.service.ts'
import { createToolsRepository } from './modules/tools/tools.repository.ts'
import { createToolsIndexRepository } from './modules/tools/tools.index.repository.ts'
import { createFindableRepository } from './modules/findable/findable.repository.ts'
import { createHomeRepository } from './modules/pages/pages.repository.ts'
import { createToolsService } from './modules/tools/tools.service.ts'
import { createOpenDataRepository } from './modules/open-data/open-data.repository.ts'
import { createOpenDataService } from './modules/open-data/open-data.service.ts'

export interface Logger {
  info(object: object, message: string): void
  warn(object: object, message: string): void
  error(object: object, message: string): void
}

export interface ContextOptions {
  /** Use this database instead of opening one from the config (it is closed with the context). */
  database?: DatabaseHandle
  log: Logger
}

/** Opens the database the config names (PGlite or PostgreSQL). */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({
    databaseUrl: config.DATABASE_URL || undefined,
    dataDir: config.DATA_DIR,
    inMemory: config.inMemory,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  })
}

/**
 * Everything the toolbox is made of, without HTTP: the database (migrated, reference data loaded), every
 * repository and service, wired once. The app serves it over HTTP; the command-line tools use it directly.
 */
export async function buildContext(config: Config, options: ContextOptions) {
  const database = options.database ?? (await openConfiguredDatabase(config))
  try {
    if (!options.database && database.kind === 'postgres') {
      await waitForDatabase(database, { where: databaseLocation(config.DATABASE_URL), retrySeconds: config.DATABASE_CONNECT_RETRY_SECONDS, warn: (o, m) => options.log.warn(o, m) })
    }
    const migrations = await migrateToLatest(database.db)
    const seeded = await seedReferenceData(database.db)
    const { db } = database
    const transaction = transactor(db)
    const referenceRepository = createReferenceRepository(db)
    const reference = await loadReferenceData(referenceRepository)
    const audit = createAuditRepository(db)
    const mailRepository = createMailRepository(db)
    const sender: MailSender | undefined = config.SMTP_URL
      ? createMailSender(
          mailRepository,
          {
            smtpUrl: config.SMTP_URL,
            from: config.MAIL_FROM,
            timeoutMs: config.SMTP_TIMEOUT_MS,
            pollIntervalMs: config.MAIL_POLL_INTERVAL_MS,
            retryBaseMs: config.MAIL_RETRY_BASE_MS,
            maxAttempts: config.MAIL_MAX_ATTEMPTS,
          },
          options.log,
        )
      : undefined
    const background = createBackgroundTasks(options.log)
    const mail = createMailService({
      repository: mailRepository,
      transaction,
      audit,
      smtp: !!sender,
      perRecipientPerDay: config.MAIL_PER_RECIPIENT_PER_DAY,
      queued: () => sender?.wake(),
    })
    const toolsRepository = createToolsRepository(db)
    const accountsRepository = createAccountsRepository(db)
    const submissionsRepository = createSubmissionsRepository(db)
    const pilotsRepository = createPilotsRepository(db)
    const organisationsRepository = createOrganisationsRepository(db)
    const callsRepository = createCallsRepository(db)
    const organisations = createOrganisationsService({
      repository: organisationsRepository,
      transaction,
      audit,
      tools: toolsRepository,
      accounts: accountsRepository,
      // The municipality facet labels municipalities by name and aliases.
      namesChanged: () => void reloadMunicipalities(reference, referenceRepository).catch((error: unknown) => options.log.error({ err: error }, 'reloading the municipalities failed')),
    })
    const submissions = createSubmissionsService({
      repository: submissionsRepository,
      transaction,
      tools: toolsRepository,
      accounts: accountsRepository,
      audit,
      mail,
      reference,
      publicUrl: config.PUBLIC_URL,
      secret: await sharedSetting(db, 'submission_secret', () => randomBytes(32).toString('base64url')),
    })
    const retention = createSubmitterRetention({ repository: submissionsRepository, transaction, audit, months: config.SUBMITTER_EMAIL_RETENTION_MONTHS, log: options.log })
    const partnerships = createPartnershipsService({ repository: createPartnershipsRepository(db), transaction, audit })
    const proposalsRepository = createProposalsRepository(db)
    const decisionsRepository = createDecisionsRepository(db)
    const proposals = createProposalsService({
      transaction,
      repository: proposalsRepository,
      partnerships,
      organisationsRepository,
      duplicates: submissions,
      accounts: accountsRepository,
      audit,
      mail,
      reference,
      publicUrl: config.PUBLIC_URL,
      hasOpenVote: async (proposalId, x) => !!(await decisionsRepository.openFor(proposalId, x)),
    })
    const exportsRepository = createExportsRepository(db)
    const tools = createToolsService(toolsRepository, audit, {
      versionTtlMs: config.CATALOGUE_VERSION_TTL_MS,
      openCall: (toolId) => callsRepository.openFor(toolId),
      startedBy: (toolId) => decisionsRepository.ofTool(toolId),
      searchIndex: { repository: createToolsIndexRepository(db), enabled: config.SEARCH_INDEX === 'on', onError: (error) => options.log.error({ err: error }, 'building the search index failed') },
    })
    const decisions = createDecisionsService({
      transaction,
      repository: decisionsRepository,
      proposals: proposalsRepository,
      partnerOf: proposals.authorizeRespond,
      partnerships,
      tools: toolsRepository,
      pilots: pilotsRepository,
      accounts: accountsRepository,
      audit,
      mail,
      publicUrl: config.PUBLIC_URL,
    })
    const decisionsClock = createDecisionsClock({ decisions, log: options.log })
    return {
      config,
      database,
      reference,
      audit,
      mail,
      /** Delivers the outbox over SMTP (only when SMTP_URL is set); the app starts it, a command-line tool need not. */
      mailSender: sender,
      /** Erases submitters' e-mail addresses after SUBMITTER_EMAIL_RETENTION_MONTHS; the app starts its daily run. */
      retention,
      /** Rate-limit counts per form and address, shared by every instance (plugins/session.ts reads them). */
      rateLimits: createRateLimitStore(db),
      cookieSecret: config.COOKIE_SECRET || (await sharedSetting(db, 'cookie_secret', () => randomBytes(32).toString('base64url'))),
      tools,
      /** The catalogue as open data: CSV, JSON, publiccode.yml (a read of the tools module's tables). */
      exports: createExportsService({ repository: exportsRepository, reference, publicUrl: config.PUBLIC_URL, catalogueVersion: tools.catalogueVersion }),
      /** Reads for the feeds and the sitemap. */
      findable: createFindableRepository(db),
      /** Reads for the home page: tools per process and theme, the newest tools. */
      home: createHomeRepository(db),
      pipelineView: createPipelineViewService(createPipelineViewRepository(db)),
      openData: createOpenDataService({ repository: createOpenDataRepository(db), reference, settings: { publicUrl: config.PUBLIC_URL, contactEmail: config.CONTACT_EMAIL } }),
      programme: createProgrammeService({ repository: createProgrammeRepository(db), transaction, audit }),
      partnerships,
      proposals,
      decisions,
      /** Closes votes whose last day has passed and reminds partners a day before; the app starts it. */
      decisionsClock,
      gatherings: createGatheringsService({
        transaction,
        repository: createGatheringsRepository(db),
        proposals: proposalsRepository,
        partnerOf: proposals.authorizeRespond,
        partnerships,
        decisions,
        accounts: accountsRepository,
        audit,
        mail,
        publicUrl: config.PUBLIC_URL,
      }),
      /** Organisations to choose from in forms (a read of the organisations module). */
      organisationOptions: organisationsRepository,
      accounts: createAccountsService({ repository: accountsRepository, transaction, audit, mail, background, publicUrl: config.PUBLIC_URL }),
      /** Work done after an answer has left (password resets); tests wait for it with idle(). */
      background,
      organisations,
      submissions,
      toolEditing: createToolEditingService({ transaction, tools: toolsRepository, pilots: pilotsRepository, organisations, audit, reference }),
      toolLifecycle: createToolLifecycleService({ transaction, tools: toolsRepository, submissions: submissionsRepository, duplicates: submissions, pilots: pilotsRepository, audit, reference }),
      adoptions: createAdoptionsService({ transaction, tools: toolsRepository, pilots: pilotsRepository, organisations, organisationsRepository, audit }),
      calls: createCallsService({
        transaction,
        repository: callsRepository,
        tools: toolsRepository,
        pilots: pilotsRepository,
        organisations,
        organisationsRepository,
        accounts: accountsRepository,
        audit,
        mail,
        publicUrl: config.PUBLIC_URL,
      }),
      pilotResults: createPilotResultsService({
        transaction,
        tools: toolsRepository,
        pilots: pilotsRepository,
        organisationsRepository,
        accounts: accountsRepository,
        audit,
        mail,
        publicUrl: config.PUBLIC_URL,
      }),
      involvement: createInvolvementService({
        transaction,
        repository: createInvolvementRepository(db),
        tools: toolsRepository,
        organisationsRepository,
        accounts: accountsRepository,
        audit,
        mail,
        publicUrl: config.PUBLIC_URL,
      }),
      /** npm run import: plans and writes tools from a file (CSV, publiccode.yml, DCAT-AP). */
      imports: createImportService({ transaction, exports: exportsRepository, tools: toolsRepository, pilots: pilotsRepository, organisations: organisationsRepository, submissions, audit, reference }),
      curation: createCurationService({
        transaction,
        submissions,
        repository: submissionsRepository,
        tools: toolsRepository,
        organisations,
        audit,
        adoptions: pilotsRepository,
        reference,
        publicUrl: config.PUBLIC_URL,
      }),
      startup: { migrations, referenceData: seeded },
      /** Finishes background work, stops the mail sender (waiting for a message in flight) and closes the database. */
      async close() {
        await background.idle()
        await retention.stop()
        await decisionsClock.stop()
        await sender?.stop()
        await database.close()
      },
    }
  } catch (error) {
    if (!options.database) await database.close()
    throw error
  }
}
export type AppContext = Awaited<ReturnType<typeof buildContext>>
