import pg from 'pg'
import { openDatabase } from './src/db/database.ts'
import { migrateToLatest } from './src/db/migrate.ts'
import { loadReferenceData } from './src/db/seed/reference-data.ts'
import { generateCatalogue } from './bench/generate.ts'
const size = Number(process.argv[2])
const name = `toolbox_dedupe_dev_${size}`
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' }); await c.connect()
await c.query(`drop database if exists ${name} with (force)`); await c.query(`create database ${name}`); await c.end()
const h = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}` })
await migrateToLatest(h.db); await loadReferenceData(h.db)
await generateCatalogue(h.db, { size })
await h.close(); console.log('done', name)
