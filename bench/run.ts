// npm run bench: the catalogue's benchmarks on synthetic catalogues, on PGlite and PostgreSQL.
//
//   npm run bench                                         # PGlite and PostgreSQL, 1k, 10k and 100k tools
//   npm run bench -- --sizes 1000,10000 --db pglite       # a quick run
//   npm run bench -- --help
//
// Each database × size runs in its own child process (a fresh heap and JIT, and a crash stays contained):
// generate the catalogue, time searches inside the server, then load the real app over HTTP with wrk and
// compare with nginx serving the same bytes. The parent prints the summary and writes bench/out/results-*.json.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import Fastify from 'fastify'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts'
import { releaseFreedMemory } from '../src/lib/memory.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadReferenceData as seedReferenceData } from '../src/db/seed/reference-data.ts'
import { createAuditRepository } from '../src/modules/audit/audit.repository.ts'
import { createReferenceRepository } from '../src/modules/reference/reference.repository.ts'
import { loadReferenceData } from '../src/modules/reference/reference.service.ts'
import { createToolsIndexRepository } from '../src/modules/tools/tools.index.repository.ts'
import { createToolsRepository, type ToolsRepository } from '../src/modules/tools/tools.repository.ts'
import { createToolsService } from '../src/modules/tools/tools.service.ts'
import { DEFAULT_SEED, generateCatalogue, type GenerateResult } from './generate.ts'
import { loggedDatabase, SEARCH_PHASES, TOOL_PHASES, type Phase, type Statement } from './lib/instrument.ts'
import { nginxAvailable, startNginx } from './lib/nginx.ts'
import { assertLoopbackUrl, formatMs, freePort, percentiles, table, withTimeout, type Percentiles } from './lib/util.ts'
import { runWrk, wrkAvailable, writeCycleScript, writeReportScript, type WrkOptions, type WrkResult } from './lib/wrk.ts'
import { appRss, type AppRss } from './lib/app-rss.ts'
import { appThroughput, type AppThroughput } from './lib/app-throughput.ts'
import { distinctSearchUrls, queryMix, type BenchQuery, type QueryKind } from './queries.ts'

const ROOT = join(import.meta.dirname, '..')
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

// Targets printed next to the numbers (the run never fails on them).
const TARGET_SEARCH_P95_MS_AT_100K = 10
const TARGET_PAGE_P95_MS_AT_100K = 20
const TARGET_TOOL_PAGE_P95_MS_AT_100K = 20
const TARGET_TOOLS_VS_NGINX = 0.4
const TARGET_DISTINCT_RPS_10K: Record<DbKind, number> = { pglite: 500, postgres: 1500 }
const TARGET_FIRST_SEARCH_MS = 3000
const TARGET_INDEX_RSS_MB_AT_100K = 60
/** Distinct search pages fetched one at a time for the whole-page latency (their own shuffle of the URL pool). */
const PAGE_LATENCY_URLS = 300

type DbKind = 'pglite' | 'postgres'

interface Spec {
  /** index: searches and similar tools from the in-process index (decision 0023); sql: the SQL search only. */
  search: 'index' | 'sql'
  /** Skip the nginx comparison (--no-nginx). */
  noNginx?: boolean
  db: DbKind
  size: number
  seed: number
  dataDir?: string
  pgUrl?: string
  passes: number
  latencyBudgetSec: number
  http: boolean
  httpSkipReason?: string
  wrk: WrkOptions
  distinctUrls: number
  resultFile: string
}

interface KindPhases {
  queries: number
  wallMs: number
  phases: Partial<Record<Phase, number>>
}

interface ExplainedStatement {
  phase: Phase
  ms: number
  search?: string
  sql: string
  parameters: readonly unknown[]
  plan: string[]
}

interface HttpResult {
  /** How long the app took to finish what each wrk run left in flight. */
  drainsMs: Record<string, number>
  toolsBytes: number
  tools: WrkResult
  toolPageSlug: string
  toolPage: WrkResult
  distinct: WrkResult & { distinctUrls: number }
  /** Tool pages of many different tools (a crawler's pattern): every one rendered, getTool uncached. */
  distinctTools: WrkResult & { distinctUrls: number }
  nginx?: WrkResult
  nginxError?: string
  appVsNginx?: number
  /** Extra yardstick: a bare Fastify route in this process sending the same bytes and headers from memory. */
  bareFastify?: WrkResult
  /** From listening until the first search page answered 200, and until the app's index was built. */
  firstSearchMs?: number
  indexReadyMs?: number
  /** Whole uncached search pages (distinct URLs), one at a time over HTTP. */
  pageLatency?: Percentiles
}

interface RunResult {
  db: DbKind
  size: number
  ok: boolean
  error?: string
  serverVersion?: string
  serverSettings?: Record<string, string>
  generate?: GenerateResult
  openMs?: number
  migrateSeedMs?: number
  queries?: number
  cacheZeroVerified?: boolean
  cachedVerified?: boolean
  uncached?: Percentiles & { passes: number; truncated: boolean }
  cached?: Percentiles
  byKind?: Partial<Record<QueryKind, Percentiles>>
  slowestQueries?: { kind: QueryKind; search: string; ms: number }[]
  toolPageInServer?: Percentiles
  /** The in-process index: build time, RSS before and after it (MB, after a GC when available), its size. */
  index?: { buildMs: number; rssBeforeMb: number; rssAfterMb: number; heapBeforeMb: number; heapAfterMb: number; lexemes: number; postings: number; served: { index: number; sql: number } }
  /** The real server's RSS (MB) with the index off and on, after the same pages (bench/lib/app-rss.ts). */
  appRss?: AppRss
  appRssError?: string
  /** Distinct search pages from the real server, one instance (PGlite) or one per core (PostgreSQL), cold and warm. */
  appThroughput?: AppThroughput
  appThroughputError?: string
  phases?: { byKind: Partial<Record<QueryKind, KindPhases>>; toolPage: KindPhases; slowestSearch?: ExplainedStatement; slowestToolPage?: ExplainedStatement }
  http?: HttpResult
  httpSkipped?: string
  wallMs?: number
  /** 1-minute load averages at the start and end of this run (the machine may be shared). */
  loadavg?: { start: number; end: number }
}

const log = (line: string) => console.log(line)
/** The 1-minute load average: the machine may be shared, so every measurement notes it. */
const loadavg1 = () => Math.round(loadavg()[0]! * 100) / 100

// ---------------------------------------------------------------------------------------------------------
// One database × one size (runs in a child process)
// ---------------------------------------------------------------------------------------------------------

/** Counts repository calls, to check what the service's cache does. */
function countingRepository(repository: ToolsRepository) {
  const calls = { search: 0 }
  const wrapped: ToolsRepository = {
    ...repository,
    search: (params) => {
      calls.search++
      return repository.search(params)
    },
  }
  return { repository: wrapped, calls }
}

interface Sample {
  kind: QueryKind
  search: string
  ms: number
}

/**
 * Runs searches pass after pass, bounded in count (passes) and time: a later pass starts only when the
 * previous one suggests it ends within the budget, and any pass stops at twice the budget.
 */
async function timedPasses<T>(
  items: readonly T[],
  passes: number,
  budgetMs: number,
  run: (item: T, index: number, pass: number) => Promise<void>,
): Promise<{ passes: number; truncated: boolean }> {
  const start = performance.now()
  let done = 0
  for (let pass = 0; pass < passes; pass++) {
    const passStart = performance.now()
    if (pass > 0 && passStart - start + (passStart - start) / pass > budgetMs) return { passes: done, truncated: true }
    for (const [index, item] of items.entries()) {
      if (performance.now() - start > budgetMs * 2) return { passes: done, truncated: true }
      await run(item, index, pass)
    }
    done++
  }
  return { passes: done, truncated: false }
}

/**
 * The in-server measurements, all through the tools service: uncached searches (cacheSize 0) with per-statement
 * timings, cached repeat calls, and tool pages (getTool). Statements are timed by a logging Kysely over the
 * same database, so one run gives both the latencies and where their time goes.
 */
async function inServer(handle: DatabaseHandle, spec: Spec, queries: BenchQuery[], slugs: string[], result: RunResult): Promise<void> {
  const tag = `[${spec.db} ${spec.size}]`
  const budget = spec.latencyBudgetSec * 1000
  const logged = loggedDatabase(handle, spec.pgUrl)
  try {
    const repository = createToolsRepository(logged.db)
    const audit = createAuditRepository(logged.db)

    // cacheSize 0: the entry is set, then (size 1 > 0) the oldest entry, i.e. that one, is evicted. Check it.
    const probe = countingRepository(repository)
    const probeService = createToolsService(probe.repository, audit, { cacheSize: 0 })
    for (let i = 0; i < 3; i++) await probeService.searchCatalogue(queries[1]!.query)
    result.cacheZeroVerified = probe.calls.search === 3
    if (!result.cacheZeroVerified) log(`${tag} WARNING: cacheSize 0 served from cache (${probe.calls.search} searches for 3 calls)`)

    // The index (unless --search sql): built once, before the measured calls; RSS and heap around it, each after
    // a collection that hands freed pages back (as the app does after a large build, src/lib/memory.ts).
    const indexRepository = createToolsIndexRepository(logged.db)
    const searchIndex = { repository: indexRepository, enabled: spec.search === 'index' }
    const memory = () => {
      releaseFreedMemory()
      const m = process.memoryUsage()
      return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 }
    }
    const uncachedService = createToolsService(repository, audit, { cacheSize: 0, searchIndex })
    if (spec.search === 'index') {
      const before = memory()
      const t0 = performance.now()
      await uncachedService.warmSearchIndex()
      const buildMs = performance.now() - t0
      const afterBuild = memory()
      const status = uncachedService.searchIndexStatus()
      result.index = { buildMs, rssBeforeMb: before.rss, rssAfterMb: afterBuild.rss, heapBeforeMb: before.heap, heapAfterMb: afterBuild.heap, lexemes: status?.lexemes ?? 0, postings: status?.postings ?? 0, served: { index: 0, sql: 0 } }
      log(`${tag} index built in ${formatMs(buildMs)}: ${f0(status?.lexemes)} lexemes, ${f0(status?.postings)} postings; RSS ${f0(before.rss)} -> ${f0(afterBuild.rss)} MB, heap ${f0(before.heap)} -> ${f0(afterBuild.heap)} MB`)
      logged.take()
    }

    // Warm-up (database buffers, JIT), which also fills a normal service's cache for an eighth of the mix.
    const primed = queries.filter((_, i) => i % 8 === 0)
    const cachedProbe = countingRepository(repository)
    const cachedService = createToolsService(cachedProbe.repository, audit, { searchIndex })
    await cachedService.warmSearchIndex()
    log(`${tag} warm-up: ${primed.length} searches`)
    await timedPasses(primed, 1, budget / 2, async (q) => {
      await cachedService.searchCatalogue(q.query)
    })
    logged.take()

    log(`${tag} in-server search latency, uncached: ${queries.length} distinct searches x up to ${spec.passes} passes (budget ${spec.latencyBudgetSec}s)`)
    const samples: Sample[] = []
    const byKind: Partial<Record<QueryKind, KindPhases>> = {}
    // The slowest statement is the one whose fastest run is slowest (a GC pause does not pick it).
    const statements = new Map<string, { statement: Statement; search: string; minMs: number }>()
    const uncached = await timedPasses(queries, spec.passes, budget, async (q, qi) => {
      logged.take()
      const t0 = performance.now()
      await uncachedService.searchCatalogue(q.query)
      const ms = performance.now() - t0
      samples.push({ kind: q.kind, search: q.search, ms })
      const entry = (byKind[q.kind] ??= { queries: 0, wallMs: 0, phases: {} })
      entry.queries++
      entry.wallMs += ms
      for (const [si, st] of logged.take().entries()) {
        entry.phases[st.phase] = (entry.phases[st.phase] ?? 0) + st.ms
        if (st.phase === 'version') continue
        const seen = statements.get(`${qi}:${si}`)
        if (!seen) statements.set(`${qi}:${si}`, { statement: st, search: q.search, minMs: st.ms })
        else seen.minMs = Math.min(seen.minMs, st.ms)
      }
    })
    result.uncached = { ...percentiles(samples.map((x) => x.ms)), passes: uncached.passes, truncated: uncached.truncated }
    const kinds = [...new Set(queries.map((q) => q.kind))]
    result.byKind = Object.fromEntries(kinds.map((k) => [k, percentiles(samples.filter((x) => x.kind === k).map((x) => x.ms))]))
    const worst = new Map<string, Sample>()
    for (const x of samples) if ((worst.get(x.search)?.ms ?? -1) < x.ms) worst.set(x.search, x)
    result.slowestQueries = [...worst.values()].sort((a, b) => b.ms - a.ms).slice(0, 8)

    log(`${tag} in-server search latency, cached (repeat) calls`)
    const before = cachedProbe.calls.search
    const cachedSamples: number[] = []
    await timedPasses(primed, 5, budget / 4, async (q) => {
      const t0 = performance.now()
      await cachedService.searchCatalogue(q.query)
      cachedSamples.push(performance.now() - t0)
      logged.take()
    })
    result.cachedVerified = cachedProbe.calls.search === before
    result.cached = percentiles(cachedSamples)

    log(`${tag} in-server tool pages (getTool)`)
    // The uncached service's index answers "similar tools" too (getTool does not use the search cache).
    const toolService = uncachedService
    const toolSamples: number[] = []
    const toolPage: KindPhases = { queries: 0, wallMs: 0, phases: {} }
    const toolStatements = new Map<string, { statement: Statement; minMs: number }>()
    await toolService.getTool(slugs[0]!)
    logged.take()
    await timedPasses(slugs, 3, budget / 4, async (slug, ti) => {
      const t0 = performance.now()
      await toolService.getTool(slug)
      const ms = performance.now() - t0
      toolSamples.push(ms)
      toolPage.queries++
      toolPage.wallMs += ms
      for (const st of logged.take()) {
        toolPage.phases[st.phase] = (toolPage.phases[st.phase] ?? 0) + st.ms
        const key = `${ti}:${st.phase}:${st.sql.length}`
        const seen = toolStatements.get(key)
        if (!seen) toolStatements.set(key, { statement: st, minMs: st.ms })
        else seen.minMs = Math.min(seen.minMs, st.ms)
      }
    })
    result.toolPageInServer = percentiles(toolSamples)
    if (result.index) result.index.served = uncachedService.searchIndexStatus()?.served ?? result.index.served

    log(`${tag} EXPLAIN ANALYZE of the slowest statements`)
    const slowest = <T extends { minMs: number }>(items: Iterable<T>) => [...items].sort((a, b) => b.minMs - a.minMs)[0]
    const explain = async (st: Statement, ms: number, search?: string): Promise<ExplainedStatement> => {
      let plan: string[]
      try {
        plan = await logged.explain(st)
      } catch (error) {
        plan = [`EXPLAIN failed: ${(error as Error).message}`]
      }
      return { phase: st.phase, ms, ...(search !== undefined ? { search } : {}), sql: st.sql, parameters: st.parameters, plan }
    }
    const s = slowest(statements.values())
    const t = slowest(toolStatements.values())
    result.phases = {
      byKind,
      toolPage,
      ...(s ? { slowestSearch: await explain(s.statement, s.minMs, s.search) } : {}),
      ...(t ? { slowestToolPage: await explain(t.statement, t.minMs) } : {}),
    }
  } finally {
    await logged.close()
  }
}

async function httpBenchmarks(handle: DatabaseHandle, spec: Spec, toolSlug: string, dir: string): Promise<HttpResult> {
  process.env.LOG_LEVEL = 'silent'
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', PUBLIC_URL: 'http://127.0.0.1', DATABASE_URL: '', SEARCH_INDEX: spec.search === 'index' ? 'on' : 'off' }) }
  const app = await buildApp(config, { database: handle, logger: false })
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const base = `http://127.0.0.1:${port}`
    // Start-up: from listening until a search page answers, and until the app's own index is built.
    const listening = performance.now()
    const firstSearch = await fetch(`${base}/tools?q=privacy&form=method`)
    await firstSearch.arrayBuffer()
    const firstSearchMs = performance.now() - listening
    if (firstSearch.status !== 200) throw new Error(`the first search answered ${firstSearch.status}`)
    let indexReadyMs: number | undefined
    if (spec.search === 'index') {
      while (!app.appContext.tools.searchIndexStatus()?.tools && performance.now() - listening < 120_000) await new Promise((resolve) => setTimeout(resolve, 20))
      indexReadyMs = performance.now() - listening
    }
    log(`  first search page after ${formatMs(firstSearchMs)}${indexReadyMs !== undefined ? `, index ready after ${formatMs(indexReadyMs)}` : ''}`)

    // Whole uncached search pages, one at a time (their own shuffle of the URL pool; each URL once).
    const pageSamples: number[] = []
    for (const path of distinctSearchUrls(await loadReferenceData(createReferenceRepository(handle.db)), PAGE_LATENCY_URLS, 11)) {
      const t0 = performance.now()
      const response = await fetch(`${base}${path}`)
      await response.arrayBuffer()
      pageSamples.push(performance.now() - t0)
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
    }
    const pageLatency = percentiles(pageSamples)
    log(`  ${pageSamples.length} uncached search pages one at a time: p50 ${f1(pageLatency.p50)}, p95 ${f1(pageLatency.p95)}, p99 ${f1(pageLatency.p99)} ms`)

    const report = writeReportScript(dir)
    // Warm-up with few connections: requests still running when wrk stops would delay the measured run.
    const warmOptions: WrkOptions = { ...spec.wrk, durationSec: 2, connections: spec.wrk.threads }
    const drains: Record<string, number> = {}
    /**
     * Waits until the app has finished what wrk left in flight (wrk stops, the server does not): /health
     * queues behind every earlier database call (PGlite's one connection, the pg pool's FIFO queue).
     */
    const drain = async (label: string) => {
      const t = performance.now()
      try {
        await fetch(`${base}/health`, { signal: AbortSignal.timeout(180_000) })
      } catch {
        log(`  (the app did not drain within 180 s after ${label})`)
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
      drains[label] = performance.now() - t
      if (drains[label]! > 2000) log(`  drained ${label} backlog in ${formatMs(drains[label]!)}`)
    }
    const measure = async (label: string, url: string, script: string, warm = true) => {
      if (warm) {
        await runWrk(url, script, warmOptions)
        await drain(`${label} warm-up`)
      }
      const loadavg = loadavg1()
      const r = await runWrk(url, script, spec.wrk)
      await drain(label)
      return { ...r, loadavg }
    }

    const first = await fetch(`${base}/tools`)
    const body = Buffer.from(await first.arrayBuffer())
    if (first.status !== 200) throw new Error(`GET /tools answered ${first.status}`)
    const headers: Record<string, string> = {}
    first.headers.forEach((value, name) => (headers[name] = value))
    const toolStatus = (await fetch(`${base}/tools/${toolSlug}`)).status
    if (toolStatus !== 200) throw new Error(`GET /tools/${toolSlug} answered ${toolStatus}`)

    log(`  wrk /tools (${spec.wrk.durationSec}s, -t${spec.wrk.threads} -c${spec.wrk.connections})`)
    const tools = await measure('/tools', `${base}/tools`, report)

    log(`  wrk /tools/${toolSlug}`)
    const toolPage = await measure('tool page', `${base}/tools/${toolSlug}`, report)

    const reference = await loadReferenceData(createReferenceRepository(handle.db))
    const urls = distinctSearchUrls(reference, spec.distinctUrls)
    for (const path of urls.slice(0, 10)) {
      const status = (await fetch(`${base}${path}`)).status
      if (status !== 200) throw new Error(`GET ${path} answered ${status}`)
    }
    log(`  wrk ${urls.length} distinct search pages`)
    const cycle = writeCycleScript(dir, urls, spec.wrk.threads)
    // No warm-up: it would put some of these URLs in the cache.
    const distinctRun = await measure('distinct', `${base}/tools`, cycle, false)
    const distinct = { ...distinctRun, distinctUrls: urls.length }

    // Many different tool pages, Dutch and English (each URL is its own page-cache entry).
    const slugRows = await sql<{ slug: string }>`select slug from tools order by id`.execute(handle.db)
    const allSlugs = slugRows.rows.map((r) => r.slug)
    const perLocale = Math.ceil(spec.distinctUrls / 2)
    const step = Math.max(1, Math.floor(allSlugs.length / perLocale))
    const picked = allSlugs.filter((_, i) => i % step === 0).slice(0, perLocale)
    const toolPaths = picked.flatMap((slug, i) => (i % 2 === 0 ? [`/tools/${slug}`, `/en/tools/${slug}`] : [`/en/tools/${slug}`, `/tools/${slug}`]))
    log(`  wrk ${toolPaths.length} distinct tool pages`)
    const toolCycle = writeCycleScript(dir, toolPaths, spec.wrk.threads, 'tools-cycle.lua')
    const distinctTools = { ...(await measure('distinct tool pages', `${base}/tools`, toolCycle, false)), distinctUrls: toolPaths.length }

    let nginx: WrkResult | undefined
    let nginxError: string | undefined
    const missing = spec.noNginx ? '--no-nginx' : nginxAvailable()
    if (missing) nginxError = missing
    else {
      // Its own temporary directory: nginx's workers (user nobody) must be able to reach the file.
      const nginxDir = mkdtempSync(join(tmpdir(), 'toolbox-bench-nginx-'))
      let server: Awaited<ReturnType<typeof startNginx>> | undefined
      try {
        server = await startNginx(nginxDir, await freePort(), '/tools', body, headers)
        const check = await fetch(server.url)
        const same = Buffer.from(await check.arrayBuffer()).equals(body)
        if (!same) throw new Error('nginx does not serve the same bytes')
        log(`  wrk nginx ${server.url} (${body.length} bytes)`)
        await runWrk(server.url, report, warmOptions)
        nginx = { ...(await runWrk(server.url, report, spec.wrk)), loadavg: loadavg1() }
      } catch (error) {
        nginxError = (error as Error).message
      } finally {
        await server?.stop()
        rmSync(nginxDir, { recursive: true, force: true })
      }
    }
    let bareFastify: WrkResult | undefined
    const bare = Fastify({ logger: false })
    try {
      const bareHeaders = Object.fromEntries(Object.entries(headers).filter(([n]) => !['date', 'connection', 'keep-alive', 'content-length'].includes(n)))
      bare.get('/tools', async (_request, reply) => reply.headers(bareHeaders).send(body))
      await bare.listen({ host: '127.0.0.1', port: 0 })
      const bareAddress = bare.server.address()
      const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/tools`
      log(`  wrk bare Fastify, same bytes from memory`)
      await runWrk(bareUrl, report, warmOptions)
      bareFastify = { ...(await runWrk(bareUrl, report, spec.wrk)), loadavg: loadavg1() }
    } finally {
      await bare.close()
    }

    return {
      firstSearchMs,
      ...(indexReadyMs !== undefined ? { indexReadyMs } : {}),
      pageLatency,
      drainsMs: drains,
      toolsBytes: body.length,
      ...(bareFastify ? { bareFastify } : {}),
      tools,
      toolPageSlug: toolSlug,
      toolPage,
      distinct,
      distinctTools,
      ...(nginx ? { nginx, appVsNginx: tools.rps / nginx.rps } : {}),
      ...(nginxError ? { nginxError } : {}),
    }
  } finally {
    await app.close() // closes the database too
  }
}

async function runOne(spec: Spec): Promise<RunResult> {
  const started = performance.now()
  const result: RunResult = { db: spec.db, size: spec.size, ok: false }
  const loadStart = loadavg1()
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-bench-run-'))
  let handle: DatabaseHandle | undefined
  let closed = false
  try {
    let t0 = performance.now()
    handle =
      spec.db === 'pglite'
        ? await openDatabase({ dataDir: spec.dataDir! })
        : await openDatabase({ databaseUrl: spec.pgUrl!, poolSize: 10, queryTimeoutMs: 600_000 })
    result.openMs = performance.now() - t0
    const version = await sql<{ v: string }>`select version() as v`.execute(handle.db)
    result.serverVersion = version.rows[0]?.v.split(' on ')[0] ?? ''
    const settings = await sql<{ name: string; setting: string }>`
      select name, setting || coalesce(unit, '') as setting from pg_settings
      where name in ('jit', 'jit_above_cost', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather')`.execute(handle.db)
    result.serverSettings = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))
    t0 = performance.now()
    await migrateToLatest(handle.db)
    await seedReferenceData(handle.db)
    result.migrateSeedMs = performance.now() - t0
    log(`[${spec.db} ${spec.size}] opened in ${formatMs(result.openMs)}, migrated and seeded in ${formatMs(result.migrateSeedMs)}; generating ${spec.size} tools`)

    const gen = await generateCatalogue(handle.db, { size: spec.size, seed: spec.seed, log: (l) => log(`[${spec.db} ${spec.size}]${l}`) })
    result.generate = gen
    log(
      `[${spec.db} ${spec.size}] generated in ${formatMs(gen.timings.totalMs)} (insert ${formatMs(gen.timings.insertMs)}, ` +
        `refresh ${formatMs(gen.timings.refreshMs)}, vacuum analyze ${formatMs(gen.timings.analyzeMs)}): ${gen.totalTools} tools, ${gen.searchWords} search words`,
    )

    const reference = await loadReferenceData(createReferenceRepository(handle.db))
    const queries = queryMix(reference, gen.sampleAcronyms)
    result.queries = queries.length
    await inServer(handle, spec, queries, [gen.sampleSlug, ...gen.sampleSlugs], result)

    if (spec.http) {
      closed = true // the app closes the database
      result.http = await httpBenchmarks(handle, spec, gen.sampleSlug, dir)
    } else {
      result.httpSkipped = spec.httpSkipReason ?? 'skipped'
    }
    if (spec.search === 'index') {
      // The real server, twice, on this database: the database must be free for it (PGlite is one process's).
      if (!closed) await handle.close()
      closed = true
      const paths = [...distinctSearchUrls(reference, 60, 23), `/tools/${gen.sampleSlug}`, ...gen.sampleSlugs.map((s) => `/tools/${s}`)]
      try {
        result.appRss = await appRss(spec.db === 'pglite' ? { dataDir: spec.dataDir! } : { databaseUrl: spec.pgUrl! }, paths)
        log(`[${spec.db} ${spec.size}] server RSS after ${paths.length} pages: index off ${f0(result.appRss.offMb)} MB, on ${f0(result.appRss.onMb)} MB (index ready ${formatMs(result.appRss.indexReadyMs)} after the start)`)
      } catch (error) {
        result.appRssError = error instanceof Error ? error.message : String(error)
        log(`[${spec.db} ${spec.size}] server RSS not measured: ${result.appRssError}`)
      }
      if (spec.http) {
        // Several instances share one PostgreSQL (INSTANCES, decision 0027); PGlite belongs to one process.
        const instances = spec.db === 'postgres' ? Math.max(1, Math.min(cpus().length, 4)) : 1
        try {
          const t = await appThroughput(spec.db === 'pglite' ? { dataDir: spec.dataDir! } : { databaseUrl: spec.pgUrl! }, distinctSearchUrls(reference, spec.distinctUrls), instances, spec.wrk, dir)
          result.appThroughput = t
          log(`[${spec.db} ${spec.size}] server, ${instances} instance(s), distinct search pages: cold ${f0(t.cold.rps)} req/s, warm ${f0(t.warm.rps)} req/s (p99 ${t.warm.latencyMs.p99.toFixed(1)} ms)`)
        } catch (error) {
          result.appThroughputError = error instanceof Error ? error.message : String(error)
          log(`[${spec.db} ${spec.size}] server throughput not measured: ${result.appThroughputError}`)
        }
      }
    }
    result.ok = true
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error)
    log(`[${spec.db} ${spec.size}] FAILED: ${result.error}`)
  } finally {
    if (handle && !closed) await handle.close().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
  result.wallMs = performance.now() - started
  result.loadavg = { start: loadStart, end: loadavg1() }
  return result
}

// ---------------------------------------------------------------------------------------------------------
// The parent: options, databases, children, summary
// ---------------------------------------------------------------------------------------------------------

const HELP = `npm run bench -- [options]

  --sizes 1000,10000,100000   catalogue sizes (synthetic tools; the 74 seed tools come on top)
  --db both|pglite|postgres   which databases (PostgreSQL is skipped with a reason when unreachable)
  --pg-url URL                PostgreSQL server to create the bench database on (127.0.0.1 only;
                              default ${DEFAULT_PG_URL})
  --duration 10               seconds per wrk run (each also gets a 2 s warm-up)
  --connections 32 --threads 2   wrk connections and threads
  --passes 2                  measured passes over the query mix (after one warm-up pass)
  --latency-budget 90         seconds per latency loop (a later pass is skipped when it would not fit;
                              a pass stops at twice this; a truncated run says so)
  --distinct-urls 2000        distinct URLs for the cache-miss HTTP runs (the app caches 1000 rendered pages
                              and 500 search results)
  --no-http                   in-server latency only (no wrk, no nginx)
  --no-nginx                  skip the nginx comparison of the repeated /tools
  --search index|sql          searches and similar tools from the in-process index (default, decision 0023)
                              or from SQL only (SEARCH_INDEX=off)
  --seed ${DEFAULT_SEED}
`

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

function runChild(spec: Spec, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', JSON.stringify(spec)], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    })
    current = child.pid
    const timer = setTimeout(() => {
      log(`[${spec.db} ${spec.size}] took longer than ${formatMs(timeoutMs)}: stopping it`)
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      current = undefined
      try {
        resolve(JSON.parse(readFileSync(spec.resultFile, 'utf8')) as RunResult)
      } catch {
        resolve({ db: spec.db, size: spec.size, ok: false, error: `child exited with ${code ?? signal} and no result` })
      }
    })
  })
}
let current: number | undefined

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(1))
const f0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : Math.round(n).toLocaleString('en-US'))
/** Requests per second: whole numbers, with one decimal below 10. */
const fr = (n: number | undefined) => (n !== undefined && n < 10 ? n.toFixed(1) : f0(n))
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met')

function summarize(runs: RunResult[], notes: string[]): string {
  const out: string[] = []
  const ok = runs.filter((r) => r.ok)
  out.push('', '=== Catalogue generation and in-server search latency (tools service searchCatalogue, ms) ===', '')
  out.push(
    table([
      ['db', 'tools', 'words', 'generate', 'insert', 'refresh', 'analyze', 'queries', 'uncached p50', 'p95', 'p99', 'max', 'cached p50', 'p95', 'p99', 'max', 'tool page p50', 'p95', 'load'],
      ...runs.map((r) =>
        r.ok
          ? [
              r.db,
              f0(r.generate?.totalTools),
              f0(r.generate?.searchWords),
              formatMs(r.generate!.timings.totalMs),
              formatMs(r.generate!.timings.insertMs),
              formatMs(r.generate!.timings.refreshMs),
              formatMs(r.generate!.timings.analyzeMs),
              `${r.queries}x${r.uncached?.passes}${r.uncached?.truncated ? '*' : ''}`,
              f1(r.uncached?.p50),
              f1(r.uncached?.p95),
              f1(r.uncached?.p99),
              f1(r.uncached?.max),
              f1(r.cached?.p50),
              f1(r.cached?.p95),
              f1(r.cached?.p99),
              f1(r.cached?.max),
              f1(r.toolPageInServer?.p50),
              f1(r.toolPageInServer?.p95),
              r.loadavg ? `${r.loadavg.start}-${r.loadavg.end}` : '-',
            ]
          : [r.db, f0(r.size), 'FAILED', (r.error ?? '').split('\n')[0]!.slice(0, 80)],
      ),
    ]),
  )
  if (runs.some((r) => r.uncached?.truncated)) out.push('* the latency loop hit its time budget (--latency-budget): fewer passes than asked')
  out.push(
    'uncached: a service with cacheSize 0 (verified: every call searches). cached: repeat calls of the same queries (verified: no search).',
    'tool page: getTool (tool row, details, related, similar) over 13 synthetic tools, up to 3 passes within the time budget.',
    'All in-server timings use a second Kysely over the same database that logs statement durations (for the phase table below).',
    `queries: distinct searches x measured passes. load: 1-minute load average at the start and end of the run (${cpus().length} CPUs; other work on the machine skews the numbers).`,
  )
  const indexed = runs.filter((r) => r.index || r.http?.pageLatency)
  if (indexed.length > 0) {
    out.push('', '=== Search index and whole pages (index build, RSS/heap MB before -> after; first search after listening; uncached pages one at a time, ms) ===', '')
    out.push(
      table([
        ['db', 'tools', 'build', 'lexemes', 'postings', 'rss', 'heap', 'served index/sql', 'first search', 'index ready', 'page p50', 'p95', 'p99', 'max'],
        ...indexed.map((r) => [
          r.db,
          f0(r.generate?.totalTools),
          r.index ? formatMs(r.index.buildMs) : '-',
          f0(r.index?.lexemes),
          f0(r.index?.postings),
          r.index ? `${f0(r.index.rssBeforeMb)} -> ${f0(r.index.rssAfterMb)}` : '-',
          r.index ? `${f0(r.index.heapBeforeMb)} -> ${f0(r.index.heapAfterMb)}` : '-',
          r.index ? `${r.index.served.index}/${r.index.served.sql}` : '-',
          r.http?.firstSearchMs !== undefined ? formatMs(r.http.firstSearchMs) : '-',
          r.http?.indexReadyMs !== undefined ? formatMs(r.http.indexReadyMs) : '-',
          f1(r.http?.pageLatency?.p50),
          f1(r.http?.pageLatency?.p95),
          f1(r.http?.pageLatency?.p99),
          f1(r.http?.pageLatency?.max),
        ]),
      ]),
    )
    out.push(`page: ${PAGE_LATENCY_URLS} distinct /tools and /en/tools search URLs fetched one at a time (uncached: each URL once), whole response.`)
  }
  const seenDb = new Set<string>()
  for (const r of ok) {
    if (seenDb.has(r.db) || !r.serverSettings) continue
    seenDb.add(r.db)
    out.push(`${r.db}: ${r.serverVersion}; ${Object.entries(r.serverSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`)
  }

  const withHttp = ok.filter((r) => r.http)
  if (withHttp.length > 0) {
    out.push('', '=== HTTP throughput on 127.0.0.1 (wrk; req/s, latency p50/p99 ms) ===', '')
    out.push(
      table([
        ['db', 'tools', '/tools rps', 'p50', 'p99', 'tool page rps', 'p50', 'p99', 'distinct search rps', 'p50', 'p99', 'urls/requests', 'distinct tools rps', 'p50', 'urls/requests', 'nginx rps', 'app/nginx', 'bare fastify rps', 'errors'],
        ...withHttp.map((r) => {
          const h = r.http!
          const errors = [h.tools, h.toolPage, h.distinct, h.distinctTools, ...(h.nginx ? [h.nginx] : []), ...(h.bareFastify ? [h.bareFastify] : [])]
            .map((w) => w.errors.status + w.errors.timeout + w.errors.connect + w.errors.read + w.errors.write)
            .reduce((a, b) => a + b, 0)
          return [
            r.db,
            f0(r.generate?.totalTools),
            fr(h.tools.rps),
            f1(h.tools.latencyMs.p50),
            f1(h.tools.latencyMs.p99),
            fr(h.toolPage.rps),
            f1(h.toolPage.latencyMs.p50),
            f1(h.toolPage.latencyMs.p99),
            fr(h.distinct.rps),
            f1(h.distinct.latencyMs.p50),
            f1(h.distinct.latencyMs.p99),
            `${h.distinct.distinctUrls}/${f0(h.distinct.requests)}`,
            fr(h.distinctTools.rps),
            f1(h.distinctTools.latencyMs.p50),
            `${h.distinctTools.distinctUrls}/${f0(h.distinctTools.requests)}`,
            h.nginx ? f0(h.nginx.rps) : (h.nginxError ?? '-').slice(0, 40),
            h.appVsNginx !== undefined ? `${(h.appVsNginx * 100).toFixed(1)}%` : '-',
            h.bareFastify ? f0(h.bareFastify.rps) : '-',
            String(errors),
          ]
        }),
      ]),
    )
    const w = withHttp[0]!.http!
    out.push(
      `command: ${w.tools.command.replace(/-s \S+/, '-s report.lua')} (distinct: -s cycle.lua; each thread cycles the URL list from its own offset)`,
      'distinct search pages: N distinct search-cache keys (Dutch and English pages, text x facets x sort), page 1. The app caches 1000 rendered',
      '  pages and 500 search results (LRU), so a cyclic walk over more keys than that misses every time: these are uncached requests.',
      'distinct tools: N tool pages (every k-th tool, Dutch and English URLs), cycled the same way: rendered and getTool every time.',
      '/tools and the tool page are repeated single URLs: after the first request they come from the rendered-page cache.',
      `nginx: the same bytes as GET /tools (${f0(w.toolsBytes)} bytes) and the app's headers, as a static file, 2 workers, access_log off.`,
      'bare fastify (extra yardstick): one Fastify route in the bench process sending those bytes from memory: the ceiling for one Node process.',
      'latencies are wrk\'s (32 connections queueing on one Node process); errors = non-2xx + socket errors + timeouts (10 s) over all runs.',
    )
  }
  for (const r of ok.filter((x) => x.httpSkipped)) out.push(`HTTP skipped for ${r.db} ${r.size}: ${r.httpSkipped}`)

  out.push('', '=== Targets (printed only; the run never fails on them) ===', '')
  const targetRows: string[][] = [['target', 'run', 'value', 'status']]
  for (const r of ok.filter((x) => x.size >= 100_000)) {
    const run = `${r.db} ${r.size}`
    targetRows.push([`search call p95 <= ${TARGET_SEARCH_P95_MS_AT_100K} ms at 100k`, run, `${f1(r.uncached?.p95)} ms`, mark((r.uncached?.p95 ?? Infinity) <= TARGET_SEARCH_P95_MS_AT_100K)])
    if (r.http?.pageLatency) targetRows.push([`uncached search page p95 <= ${TARGET_PAGE_P95_MS_AT_100K} ms at 100k`, run, `${f1(r.http.pageLatency.p95)} ms`, mark(r.http.pageLatency.p95 <= TARGET_PAGE_P95_MS_AT_100K)])
    targetRows.push([`tool page p95 <= ${TARGET_TOOL_PAGE_P95_MS_AT_100K} ms at 100k (getTool)`, run, `${f1(r.toolPageInServer?.p95)} ms`, mark((r.toolPageInServer?.p95 ?? Infinity) <= TARGET_TOOL_PAGE_P95_MS_AT_100K)])
    if (r.index) {
      // The server's own figure when there is one (the same pages with the index off and on); else in the bench process.
      if (r.appRss) {
        const added = r.appRss.onMb - r.appRss.offMb
        targetRows.push([`index adds <= ${TARGET_INDEX_RSS_MB_AT_100K} MB RSS at 100k`, `${run} server`, `off ${f0(r.appRss.offMb)}, on ${f0(r.appRss.onMb)} MB (+${f0(added)})`, mark(added <= TARGET_INDEX_RSS_MB_AT_100K)])
      }
      const added = r.index.rssAfterMb - r.index.rssBeforeMb
      targetRows.push([`index build, RSS in the bench process`, run, `${f0(r.index.rssBeforeMb)} -> ${f0(r.index.rssAfterMb)} MB (+${f0(added)})`, r.appRss ? 'info' : mark(added <= TARGET_INDEX_RSS_MB_AT_100K)])
    }
    if (r.http?.firstSearchMs !== undefined) targetRows.push([`first search <= ${TARGET_FIRST_SEARCH_MS / 1000} s after listening`, run, `${formatMs(r.http.firstSearchMs)}${r.http.indexReadyMs !== undefined ? ` (index ready ${formatMs(r.http.indexReadyMs)})` : ''}`, mark(r.http.firstSearchMs <= TARGET_FIRST_SEARCH_MS)])
  }
  for (const r of withHttp.filter((x) => x.http!.appVsNginx !== undefined)) {
    targetRows.push([`repeated /tools >= ${TARGET_TOOLS_VS_NGINX * 100}% of nginx`, `${r.db} ${r.size}`, `${(r.http!.appVsNginx! * 100).toFixed(1)}%`, mark(r.http!.appVsNginx! >= TARGET_TOOLS_VS_NGINX)])
  }
  for (const r of withHttp.filter((x) => x.size === 10_000)) {
    const target = TARGET_DISTINCT_RPS_10K[r.db]
    const t = r.appThroughput
    if (t) {
      const errors = (w: WrkResult) => w.errors.status + w.errors.timeout + w.errors.read + w.errors.connect
      targetRows.push([`distinct search pages at 10k on ${r.db} >= ${target} req/s`, `${r.db} server x${t.instances}, warm`, `${f0(t.warm.rps)} req/s`, mark(t.warm.rps >= target && errors(t.warm) === 0)])
      targetRows.push([`  the same, cold (first pass over the URLs)`, `${r.db} server x${t.instances}`, `${f0(t.cold.rps)} req/s`, 'info'])
      targetRows.push([`  the same, in the bench process (one app)`, `${r.db} ${r.size}`, `${f0(r.http!.distinct.rps)} req/s`, 'info'])
    } else {
      targetRows.push([`distinct search pages at 10k on ${r.db} >= ${target} req/s`, `${r.db} ${r.size}`, `${f0(r.http!.distinct.rps)} req/s`, mark(r.http!.distinct.rps >= target)])
    }
  }
  if (targetRows.length === 1) targetRows.push(['(no run of the sizes the targets name)', '-', '-', '-'])
  out.push(table(targetRows, 2))

  if (ok.length > 0) {
    out.push('', '=== Uncached latency by query kind (p50 / p95 ms) ===', '')
    const kinds = [...new Set(ok.flatMap((r) => Object.keys(r.byKind ?? {})))] as QueryKind[]
    out.push(
      table([
        ['kind', ...ok.map((r) => `${r.db} ${r.size}`)],
        ...kinds.map((k) => [k, ...ok.map((r) => (r.byKind?.[k] ? `${f1(r.byKind[k]!.p50)} / ${f1(r.byKind[k]!.p95)}` : '-'))]),
      ]),
    )

    out.push('', '=== Where the time goes (mean ms per search, from per-statement timings; slowest kinds of the largest run per db) ===')
    const largest = new Map<DbKind, RunResult>()
    for (const r of ok) if ((largest.get(r.db)?.size ?? -1) < r.size) largest.set(r.db, r)
    for (const r of largest.values()) {
      if (!r.phases) continue
      const kindRows = Object.entries(r.phases.byKind)
        .map(([kind, p]) => ({ kind, p: p! }))
        .sort((a, b) => b.p.wallMs / b.p.queries - a.p.wallMs / a.p.queries)
      out.push('', `${r.db}, ${f0(r.generate?.totalTools)} tools:`)
      out.push(
        table([
          ['kind', 'wall', ...SEARCH_PHASES, 'js+driver'],
          ...kindRows.map(({ kind, p }) => {
            const sqlMs = SEARCH_PHASES.reduce((s, ph) => s + (p.phases[ph] ?? 0), 0)
            return [kind, f1(p.wallMs / p.queries), ...SEARCH_PHASES.map((ph) => f1((p.phases[ph] ?? 0) / p.queries)), f1((p.wallMs - sqlMs) / p.queries)]
          }),
        ]),
      )
      const tp = r.phases.toolPage
      const toolSql = TOOL_PHASES.reduce((sum, ph) => sum + (tp.phases[ph] ?? 0), 0)
      out.push('')
      out.push(
        table([
          ['tool page (getTool)', 'wall', ...TOOL_PHASES, 'js+driver'],
          ['mean ms', f1(tp.wallMs / tp.queries), ...TOOL_PHASES.map((ph) => f1((tp.phases[ph] ?? 0) / tp.queries)), f1((tp.wallMs - toolSql) / tp.queries)],
        ]),
      )
      out.push('  (version = catalogueVersion; analyseTerms = stop words/known/typo candidates; rows = the result page; facetsBase = all facet counts;')
      out.push('   facetsOwn = one extra count per facet with a selection. getTool runs details (7 statements), related and history in parallel: on PostgreSQL they overlap,')
      out.push('   so the phases can add up to more than wall and js+driver goes negative)')
      const s = r.phases.slowestSearch
      if (s) {
        out.push('', `Slowest search statement on ${r.db} (${s.phase}, ${f1(s.ms)} ms, for /tools?${s.search ?? ''}): EXPLAIN (ANALYZE, BUFFERS)`)
        out.push(...s.plan.slice(0, 28).map((l) => `  ${l}`))
        if (s.plan.length > 28) out.push(`  ... (${s.plan.length - 28} more lines in the JSON)`)
      }
      const t = r.phases.slowestToolPage
      if (t) {
        out.push('', `Slowest tool-page statement on ${r.db} (${t.phase}, ${f1(t.ms)} ms): EXPLAIN (ANALYZE, BUFFERS)`)
        out.push(...t.plan.slice(0, 20).map((l) => `  ${l}`))
        if (t.plan.length > 20) out.push(`  ... (${t.plan.length - 20} more lines in the JSON)`)
      }
      out.push('', `Slowest searches on ${r.db} ${r.size} (uncached, worst pass):`)
      for (const q of r.slowestQueries ?? []) out.push(`  ${f1(q.ms).padStart(7)} ms  ${q.kind.padEnd(12)} /tools?${q.search}`)
    }
  }
  if (notes.length > 0) out.push('', ...notes)
  return out.join('\n')
}

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000,100000' },
      db: { type: 'string', default: 'both' },
      'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      threads: { type: 'string', default: '2' },
      passes: { type: 'string', default: '2' },
      'latency-budget': { type: 'string', default: '90' },
      'distinct-urls': { type: 'string', default: '2000' },
      'no-http': { type: 'boolean', default: false },
      'no-nginx': { type: 'boolean', default: false },
      search: { type: 'string', default: 'index' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      help: { type: 'boolean', default: false },
    },
  })

  if (values.child) {
    const spec = JSON.parse(values.child) as Spec
    const result = await runOne(spec)
    writeFileSync(spec.resultFile, JSON.stringify(result))
    process.exit(0)
  }
  if (values.help) {
    console.log(HELP)
    return
  }

  const int = (name: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`)
    return n
  }
  const sizes = (values.sizes ?? '').split(',').map((s) => int('sizes', s.trim(), 1, 1_000_000))
  const dbs: DbKind[] = values.db === 'both' ? ['pglite', 'postgres'] : values.db === 'pglite' || values.db === 'postgres' ? [values.db] : []
  if (dbs.length === 0) throw new Error('--db must be both, pglite or postgres')
  const pgUrl = values['pg-url']!
  assertLoopbackUrl(pgUrl)
  const wrk: WrkOptions = {
    threads: int('threads', values.threads, 1, 8),
    connections: int('connections', values.connections, 1, 1000),
    durationSec: int('duration', values.duration, 1, 120),
    timeoutSec: 10,
  }
  const passes = int('passes', values.passes, 1, 20)
  const latencyBudgetSec = int('latency-budget', values['latency-budget'], 5, 3600)
  const distinctUrls = int('distinct-urls', values['distinct-urls'], 10, 5000)
  const seed = int('seed', values.seed, 0, 2 ** 31)
  if (values.search !== 'index' && values.search !== 'sql') throw new Error('--search must be index or sql')
  const search: Spec['search'] = values.search

  const notes: string[] = []
  let httpSkipReason = values['no-http'] ? '--no-http' : wrkAvailable()
  if (httpSkipReason) notes.push(`HTTP benchmarks skipped: ${httpSkipReason}`)
  const nginxMissing = nginxAvailable()
  if (nginxMissing && !httpSkipReason) notes.push(`nginx comparison skipped: ${nginxMissing}`)

  const started = performance.now()
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const work = mkdtempSync(join(tmpdir(), 'toolbox-bench-'))
  const cleanups: (() => Promise<void>)[] = []
  const cleanup = async () => {
    for (const fn of cleanups.splice(0)) await fn().catch(() => {})
    rmSync(work, { recursive: true, force: true })
  }
  process.on('SIGINT', () => {
    if (current) process.kill(current, 'SIGKILL')
    void cleanup().finally(() => process.exit(130))
  })

  log(`City Deal Toolbox benchmarks: db ${dbs.join(', ')}; sizes ${sizes.join(', ')}; ${cpus().length} CPUs; node ${process.version}`)
  const runs: RunResult[] = []
  let pgReachable: string | undefined
  if (dbs.includes('postgres')) {
    try {
      await withTimeout(adminQuery(pgUrl, 'select 1'), 5000, 'connecting to PostgreSQL')
    } catch (error) {
      pgReachable = `PostgreSQL at ${new URL(pgUrl).host} is unreachable (${(error as Error).message})`
      log(`skipping PostgreSQL: ${pgReachable}`)
      notes.push(`PostgreSQL skipped: ${pgReachable}`)
    }
  }

  try {
    for (const db of dbs) {
      if (db === 'postgres' && pgReachable) continue
      for (const size of sizes) {
        const resultFile = join(work, `result-${db}-${size}.json`)
        const spec: Spec = {
          search,
          noNginx: values['no-nginx'],
          db,
          size,
          seed,
          passes,
          latencyBudgetSec,
          http: !httpSkipReason,
          ...(httpSkipReason ? { httpSkipReason } : {}),
          wrk,
          distinctUrls,
          resultFile,
        }
        let drop: (() => Promise<void>) | undefined
        if (db === 'pglite') {
          spec.dataDir = mkdtempSync(join(tmpdir(), 'toolbox-bench-pglite-'))
          const dataDir = spec.dataDir
          drop = async () => rmSync(dataDir, { recursive: true, force: true })
        } else {
          const name = `toolbox_bench_${process.pid}_${randomBytes(3).toString('hex')}`
          await adminQuery(pgUrl, `create database ${name}`)
          const url = new URL(pgUrl)
          url.pathname = `/${name}`
          spec.pgUrl = url.toString()
          drop = () => adminQuery(pgUrl, `drop database if exists ${name} with (force)`)
        }
        cleanups.push(drop)
        // Generous but bounded: 100k tools on PGlite take a few minutes to generate.
        const timeoutMs = (10 * 60 + Math.ceil(size / 1000) * 6 + latencyBudgetSec * 3) * 1000
        const result = await runChild(spec, timeoutMs)
        await drop()
        cleanups.splice(cleanups.indexOf(drop), 1)
        runs.push(result)
        log(
          result.ok
            ? `[${db} ${size}] done in ${formatMs(result.wallMs ?? 0)}: search (${search}) p95 ${f1(result.uncached?.p95)} ms` +
                (result.http ? `, /tools ${f0(result.http.tools.rps)} req/s, distinct ${f0(result.http.distinct.rps)} req/s` : '')
            : `[${db} ${size}] failed: ${(result.error ?? '').split('\n')[0]}`,
        )
      }
    }
  } finally {
    await cleanup()
  }

  const totalMs = performance.now() - started
  notes.push(`Total wall time ${formatMs(totalMs)}.`)
  const summary = summarize(runs, notes)
  console.log(summary)
  const outDir = join(ROOT, 'bench', 'out')
  mkdirSync(outDir, { recursive: true })
  const outFile = join(outDir, `results-${stamp}.json`)
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        startedAt: new Date(Date.now() - totalMs).toISOString(),
        totalMs,
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, platform: process.platform },
        options: { sizes, dbs, wrk, passes, latencyBudgetSec, distinctUrls, seed },
        targets: {
          searchP95MsAt100k: TARGET_SEARCH_P95_MS_AT_100K,
          toolsVsNginx: TARGET_TOOLS_VS_NGINX,
          distinctRpsAt10k: TARGET_DISTINCT_RPS_10K,
          pageP95MsAt100k: TARGET_PAGE_P95_MS_AT_100K,
          toolPageP95MsAt100k: TARGET_TOOL_PAGE_P95_MS_AT_100K,
          firstSearchMs: TARGET_FIRST_SEARCH_MS,
          indexRssMbAt100k: TARGET_INDEX_RSS_MB_AT_100K,
        },
        notes,
        runs,
        summary,
      },
      null,
      2,
    ),
  )
  console.log(`\nwrote ${outFile}`)
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
