import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { buildContext, type AppContext } from './context.ts'
import type { DatabaseHandle } from './db/database.ts'
import { registerAccountPages } from './modules/accounts/accounts.routes.ts'
import { registerSessionActor } from './modules/accounts/accounts.session.ts'
import { registerAdminPages } from './modules/admin/admin.routes.ts'
import { registerAdoptionPages } from './modules/adoptions/adoptions.routes.ts'
import { registerCallsApi } from './modules/calls/calls.api.ts'
import { registerCallPages } from './modules/calls/calls.routes.ts'
import { registerPilotResultPages } from './modules/pipeline/pilot-results.routes.ts'
import { registerOpenApi } from './modules/api/openapi.ts'
import { registerVocabulariesApi } from './modules/api/vocabularies.api.ts'
import { registerOrganisationsApi } from './modules/organisations/organisations.api.ts'
import { registerCurationPages } from './modules/curation/curation.routes.ts'
import { registerEmbedPages } from './modules/embeds/embeds.routes.ts'
import { embedSnippet } from './modules/embeds/views/embed-snippet.ts'
import { registerExportPages } from './modules/exports/exports.routes.ts'
import { registerFindable } from './modules/findable/findable.routes.ts'
import { registerHealth } from './modules/health/health.routes.ts'
import { registerInvolvementPages } from './modules/involvement/involvement.routes.ts'
import { registerOrganisationPages } from './modules/organisations/organisations.routes.ts'
import { registerContentPages } from './modules/pages/pages.routes.ts'
import { registerPipelinePages } from './modules/pipeline/pipeline-view.routes.ts'
import { registerPartnershipPages } from './modules/partnerships/partnerships.routes.ts'
import { decisionsOnProposal, registerDecisionPages } from './modules/decisions/decisions.routes.ts'
import { registerProposalPages } from './modules/proposals/proposals.routes.ts'
import { registerGatheringPages } from './modules/gatherings/gatherings.routes.ts'
import { registerGatheringsApi } from './modules/gatherings/gatherings.api.ts'
import { registerDecisionsApi } from './modules/decisions/decisions.api.ts'
import { registerProgrammeApi } from './modules/programme/programme.api.ts'
import { registerProgrammePages } from './modules/programme/programme.routes.ts'
import { registerSharePages } from './modules/submissions/share.routes.ts'
import { registerSubmissionsApi } from './modules/submissions/submissions.api.ts'
import { registerToolEditingPages } from './modules/tool-editing/tool-editing.routes.ts'
import { registerToolLifecyclePages } from './modules/tool-editing/tool-lifecycle.routes.ts'
import { registerToolsApi } from './modules/tools/tools.api.ts'
import { registerToolPages } from './modules/tools/tools.routes.ts'
import { registerVocabularyPages } from './modules/vocabularies/vocabularies.routes.ts'
import { registerOpenDataPages } from './modules/open-data/open-data.routes.ts'
import { registerApiConventions } from './plugins/api.ts'
import { registerJsonOnlyApi } from './plugins/api-json.ts'
import { registerAssets } from './plugins/assets.ts'
import { registerCompression } from './plugins/compression.ts'
import { createErrorResponder, registerErrorHandling, respondToError } from './plugins/error-handler.ts'
import { registerInputGuard } from './plugins/input-guard.ts'
import { registerLocationEncoding } from './plugins/location.ts'
import { registerMethodNotAllowed } from './plugins/method-not-allowed.ts'
import { redactUrl, registerPrivatePages } from './plugins/private-pages.ts'
import { registerSecurityHeaders } from './plugins/security-headers.ts'
import { registerSessions } from './plugins/session.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The services, for tests and tools that run inside the app. */
    appContext: AppContext
    /** Every route registered (method and URL), e.g. for the authorization matrix test. */
    routeTable: { method: string; url: string }[]
  }
}

export { redactUrl }

export interface BuildOptions {
  /** Use this database instead of opening one from the config (it is closed with the app). */
  database?: DatabaseHandle
  /** Fastify's logger; defaults to JSON logs at config.LOG_LEVEL. */
  logger?: boolean
  /** Where JSON logs go (tests read them); standard output by default. */
  logStream?: NodeJS.WritableStream
}

/** Builds the whole app: the context (database migrated and loaded, services wired), every route registered. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
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
  const ctx = await buildContext(config, { database: options.database, log: app.log })
  // The search index is read from start-up on, in the background (not for the command-line tools): on PostgreSQL
  // beside the rest of the start (SQL answers until it is there), on PGlite (one connection) mostly before the app
  // listens, so its first search is fast.
  ctx.tools
    .warmSearchIndex()
    .then(() => {
      const status = ctx.tools.searchIndexStatus()
      if (status?.tools) app.log.info({ tools: status.tools, ms: Math.round(status.lastBuildMs), releaseMs: Math.round(status.lastReleaseMs) }, 'search index ready')
    })
    .catch((error: unknown) => app.log.error({ err: error }, 'building the search index failed'))
  const routeTable: { method: string; url: string }[] = []
  app.addHook('onRoute', (route) => {
    if (route.config?.methodNotAllowed) return
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url })
  })
  app.decorate('routeTable', routeTable)
  app.decorate('appContext', ctx)
  app.decorate('demoMode', config.DEMO_MODE)
  // The outbox is delivered while the app runs (with SMTP_URL); stopping waits for a message in flight.
  app.addHook('onReady', async () => {
    ctx.mailSender?.start()
    // Daily: submitters' e-mail addresses past their retention period are erased.
    ctx.retention.start()
    // Every few minutes: votes past their last day close; partners that have not voted are reminded a day before.
    ctx.decisionsClock.start()
  })
  app.addHook('onClose', async () => ctx.close())

  // A change made through this instance is seen by its next request at once, whatever the version TTL. Before the
  // response leaves (onSend), so a client following the redirect cannot be faster.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') ctx.tools.invalidateVersion()
    return payload
  })
  registerErrorHandling(app, config.PUBLIC_URL)
  registerApiConventions(app)
  registerJsonOnlyApi(app)
  registerInputGuard(app)
  registerLocationEncoding(app)
  registerSecurityHeaders(app, { https: config.PUBLIC_URL.startsWith('https://') })
  await registerSessions(app, { config, cookieSecret: ctx.cookieSecret, rateLimits: ctx.rateLimits })
  registerSessionActor(app, ctx.accounts)
  // After the cookie plugin: its onSend hook writes the Set-Cookie header this one looks at.
  registerPrivatePages(app)
  registerCompression(app)
  registerAssets(app)
  registerHealth(app, ctx)
  registerContentPages(app, ctx)
  registerToolPages(app, ctx)
  registerPipelinePages(app, ctx)
  registerToolsApi(app, { ...ctx, csvOf: ctx.exports.csvOf })
  registerExportPages(app, { ...ctx, dataPageExtra: (locale) => embedSnippet(locale, config.PUBLIC_URL) })
  registerOrganisationPages(app, ctx)
  registerOrganisationsApi(app, ctx)
  registerVocabulariesApi(app, ctx)
  registerOpenApi(app, ctx)
  registerFindable(app, ctx)
  registerEmbedPages(app, ctx)
  registerAccountPages(app, ctx)
  registerAdminPages(app, ctx)
  registerSharePages(app, ctx)
  registerSubmissionsApi(app, ctx)
  registerCurationPages(app, ctx)
  registerToolEditingPages(app, ctx)
  registerToolLifecyclePages(app, ctx)
  registerAdoptionPages(app, ctx)
  registerInvolvementPages(app, ctx)
  registerCallPages(app, ctx)
  registerCallsApi(app, ctx)
  registerPilotResultPages(app, ctx)
  registerProgrammePages(app, ctx)
  registerProgrammeApi(app, ctx)
  registerPartnershipPages(app, ctx)
  registerVocabularyPages(app, ctx)
  registerOpenDataPages(app, ctx)
  const proposalPages = registerProposalPages(app, { ...ctx, proposalExtras: decisionsOnProposal(ctx.decisions) })
  registerDecisionPages(app, { ...ctx, renderProposal: proposalPages.renderWithRefusedExtras })
  registerGatheringPages(app, ctx)
  registerGatheringsApi(app, ctx)
  registerDecisionsApi(app, ctx)
  registerMethodNotAllowed(app, [...routeTable])
  app.log.info({ database: ctx.database.kind, node: process.version, ...ctx.startup }, 'toolbox ready')
  return app
}
