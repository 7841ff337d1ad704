// The app on a fresh, migrated and seeded database for the small request benchmarks (bench/similar-url.ts,
// bench/forgot-timing.ts): PGlite in a temporary folder, or a new database on a local PostgreSQL server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { loadReferenceData } from '../../src/db/seed/reference-data.ts'
import { assertLoopbackUrl } from './util.ts'

export interface BenchApp {
  app: FastifyInstance
  close(): Promise<void>
}

export async function openBenchApp(options: { db: string; pgUrl: string }): Promise<BenchApp> {
  let drop = async () => {}
  let handle
  if (options.db === 'postgres') {
    assertLoopbackUrl(options.pgUrl)
    const admin = async (text: string) => {
      const client = new pg.Client({ connectionString: options.pgUrl })
      await client.connect()
      try {
        await client.query(text)
      } finally {
        await client.end()
      }
    }
    const name = `toolbox_request_bench_${process.pid}`
    await admin(`create database ${name}`)
    drop = () => admin(`drop database if exists ${name} with (force)`)
    const url = new URL(options.pgUrl)
    url.pathname = `/${name}`
    handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 })
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'toolbox-request-bench-'))
    drop = async () => rmSync(dir, { recursive: true, force: true })
    handle = await openDatabase({ dataDir: dir })
  }
  try {
    await migrateToLatest(handle.db)
    await loadReferenceData(handle.db)
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '', PUBLIC_URL: 'http://toolbox.test', RATE_LIMIT_DISABLED: '1' })
    const app = await buildApp(config, { database: handle, logger: false })
    await app.ready()
    return {
      app,
      close: async () => {
        await app.close()
        await drop()
      },
    }
  } catch (error) {
    await handle.close()
    await drop()
    throw error
  }
}

/** Times `run` `n` times after `warmup` untimed runs; returns the samples in ms. */
export async function timeRuns(n: number, warmup: number, run: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(i)
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const started = performance.now()
    await run(i)
    samples.push(performance.now() - started)
  }
  return samples
}
