import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import type { AppContext } from './app-context.ts'
import type { Config } from './config.ts'
import { openDatabase, type DatabaseHandle } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { loadReferenceData as seedReferenceData } from './db/seed/reference-data.ts'
import { registerOpenApi } from './modules/api/openapi.ts'
import { registerHealth } from './modules/health/health.routes.ts'
import { registerContentPages } from './modules/pages/pages.routes.ts'
import { createReferenceRepository } from './modules/reference/reference.repository.ts'
import { loadReferenceData } from './modules/reference/reference.service.ts'
import { registerToolsApi } from './modules/tools/tools.api.ts'
import { createToolsRepository } from './modules/tools/tools.repository.ts'
import { registerToolPages } from './modules/tools/tools.routes.ts'
import { createToolsService } from './modules/tools/tools.service.ts'
import { registerApiConventions } from './plugins/api.ts'
import { registerAssets } from './plugins/assets.ts'
import { createErrorResponder, registerErrorHandling, respondToError } from './plugins/error-handler.ts'
import { registerSecurityHeaders } from './plugins/security-headers.ts'
import { registerSessions } from './plugins/session.ts'
import { createAccountsRepository } from './modules/accounts/accounts.repository.ts'
import { registerAccountPages } from './modules/accounts/accounts.routes.ts'
import { createAccountsService } from './modules/accounts/accounts.service.ts'
import { registerAdminPages } from './modules/admin/admin.routes.ts'
import { createAuditRepository } from './modules/audit/audit.repository.ts'
import { createMailService } from './modules/mail/mail.service.ts'
import { createOrganisationsRepository } from './modules/organisations/organisations.repository.ts'
import { createOrganisationsService } from './modules/organisations/organisations.service.ts'
import { registerCurationPages } from './modules/curation/curation.routes.ts'
import { registerSharePages } from './modules/submissions/share.routes.ts'
import { registerSubmissionsApi } from './modules/submissions/submissions.api.ts'
import { createSubmissionsRepository } from './modules/submissions/submissions.repository.ts'
import { createSubmissionsService } from './modules/submissions/submissions.service.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The services, for command-line tools that run inside the app. */
    appContext: AppContext
    /** Every route registered (method and URL), e.g. for the authorization matrix test. */
    routeTable: { method: string; url: string }[]
  }
}

/** Secrets travel in some paths (single-use links): never log them. */
export function redactUrl(url: string): string {
  return url.replace(/(\/account\/(?:activate|reset)\/|\/submissions\/)[^/?#]+/, '$1[redacted]')
}

export interface BuildOptions {
  /** Use this database instead of opening one from the config (it is closed with the app). */
  database?: DatabaseHandle
  /** Fastify's logger; defaults to JSON logs at config.LOG_LEVEL. */
  logger?: boolean
  /** Where JSON logs go (tests read them); standard output by default. */
  logStream?: NodeJS.WritableStream
}

/** Opens the database the config names (PGlite or PostgreSQL). */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.DATABASE_URL || undefined, dataDir: config.DATA_DIR, inMemory: config.inMemory })
}

/** Builds the whole app: database migrated and loaded with reference data, every route registered. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? (await openConfiguredDatabase(config))
  const applied = await migrateToLatest(database.db)
  const seeded = await seedReferenceData(database.db)
  const reference = await loadReferenceData(createReferenceRepository(database.db))
  const audit = createAuditRepository(database.db)
  const mail = createMailService(database.db, { smtpUrl: config.SMTP_URL || undefined, from: config.MAIL_FROM })
  const accountsRepository = createAccountsRepository(database.db)
  const ctx: AppContext = {
    config,
    database,
    reference,
    audit,
    mail,
    tools: createToolsService(createToolsRepository(database.db), { versionTtlMs: config.CATALOGUE_VERSION_TTL_MS }),
    accounts: createAccountsService({ repository: accountsRepository, audit, mail, publicUrl: config.PUBLIC_URL }),
    organisations: createOrganisationsService(createOrganisationsRepository(database.db), audit),
    submissions: createSubmissionsService({
      repository: createSubmissionsRepository(database.db),
      audit,
      mail,
      reference,
      publicUrl: config.PUBLIC_URL,
      secret: await accountsRepository.setting('submission_secret', () => randomBytes(32).toString('base64url')),
    }),
  }

  const sendError = createErrorResponder(config.PUBLIC_URL)
  const app = Fastify({
    // Malformed URLs (bad percent-encoding, over-long parameters) get the same error pages as everything else.
    frameworkErrors: (error, request, reply) => respondToError(sendError, error, request, reply),
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(options.logStream ? { stream: options.logStream } : {}),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            serializers: {
              req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }),
            },
          },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    trustProxy: config.TRUST_PROXY === '' ? false : config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
  })
  const routeTable: { method: string; url: string }[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url })
  })
  app.decorate('routeTable', routeTable)
  app.addHook('onClose', async () => {
    mail.close()
    await database.close()
  })

  // A change made through this instance is seen by its next request at once, whatever the version TTL. Before the
  // response leaves (onSend), so a client following the redirect cannot be faster.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') ctx.tools.invalidateVersion()
    return payload
  })
  registerErrorHandling(app, config.PUBLIC_URL)
  registerApiConventions(app)
  registerSecurityHeaders(app, { https: config.PUBLIC_URL.startsWith('https://') })
  await registerSessions(app, { config, accounts: ctx.accounts, repository: accountsRepository })
  registerAssets(app)
  registerHealth(app, ctx)
  registerContentPages(app, ctx)
  registerToolPages(app, ctx)
  registerToolsApi(app, ctx)
  registerOpenApi(app, ctx)
  registerAccountPages(app, ctx)
  registerAdminPages(app, ctx)
  registerSharePages(app, ctx)
  registerSubmissionsApi(app, ctx)
  registerCurationPages(app, ctx)
  app.decorate('appContext', ctx)
  app.log.info({ database: database.kind, migrations: applied, referenceData: seeded }, 'toolbox ready')
  return app
}
